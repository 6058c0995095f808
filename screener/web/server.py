"""Starting the page: loopback check, a free port, the token address, uvicorn.

The socket is bound here (port 0 = a free one) and handed to uvicorn, so the
address printed is the one served.  uvicorn's access log is off: it would
write the token of the first request to the terminal.  Ctrl-C stops it.
"""
from __future__ import annotations

import ipaddress
import signal
import socket
import sys
import threading
import webbrowser

import uvicorn

from ..config import Config
from ..errors import ScreenerError
from .app import create_app
from .security import Guard

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


class ServeError(ScreenerError):
    """The page cannot be started as asked (a remote address without --allow-remote, a busy port)."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0: any free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1" if host == "localhost" else host.strip("[]"), port))
    except OSError as exc:
        sock.close()
        raise ServeError(f"无法在 {host}:{port} 启动（{exc.strerror or exc}），请换一个 --port") from None
    sock.listen(64)
    sock.set_inheritable(True)
    return sock


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def address(host: str, port: int, token: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/?token={token}"


def serve(config: Config | None = None, *, host: str = "127.0.0.1", port: int = 0,
          open_browser: bool = True, allow_remote: bool = False, show_values: bool = False,
          echo=print) -> None:
    """Run the page until Ctrl-C.  A host that is not loopback needs ``allow_remote``."""
    remote = not is_loopback(host)
    if remote and not allow_remote:
        raise ServeError(f"出于保密要求，审核工作台只在本机（127.0.0.1）运行；"
                         f"确需让其他电脑访问 {host}，请加 --allow-remote（稿件将经网络传输）")
    sock = bind(host, port)
    port = sock.getsockname()[1]
    guard = Guard.for_port(port, any_host=remote)
    if remote:
        echo(f"警告：审核工作台在 {host}:{port} 上对其他电脑开放，稿件会经网络以明文传输；"
             "任何拿到下面地址（含令牌）的人都能使用，请仅在可信的内部网络中使用。", file=sys.stderr)
    url = address("127.0.0.1" if host in ("localhost", "0.0.0.0") else host, port, guard.token)
    echo("审核工作台已启动（按 Ctrl-C 停止）：")
    echo(f"  {url}")
    if show_values:
        echo("注意：已用 --show-values 启动，页面和接口显示未脱敏的号码。", file=sys.stderr)
    app = create_app(config, guard=guard, show_values=show_values)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False,
                                           lifespan="off", server_header=False))
    if open_browser:
        threading.Timer(0.6, webbrowser.open, (url,)).start()
    if threading.current_thread() is threading.main_thread():
        # uvicorn re-raises the signal it handled once it has shut down; a
        # SIGTERM then ends the process like Ctrl-C, with the closing line
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # Ctrl-C (or SIGTERM): the normal way to stop
        pass
    finally:
        sock.close()
        app.state.store.clear()
        echo("审核工作台已停止，本次上传的稿件已从内存中清除。")
