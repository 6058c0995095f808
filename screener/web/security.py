"""The page's guards: session token, CSRF token, Host check, security headers.

- Every request needs the session token: in the ``X-Screener-Token``
  header or ``Authorization: Bearer`` (API callers), in a cookie the page
  gets when it is opened with ``?token=`` (HttpOnly, SameSite=Strict), or as
  ``?token=`` itself on a GET.  Anything else is 403.
- Every POST also needs a header a cross-site form cannot send: the page's
  CSRF token in ``X-CSRF-Token``, or the session token in a header.  A POST
  carried by the cookie alone is refused, and so is one whose ``Origin`` is
  not this server.
- The Host header must name this server on loopback (a DNS-rebinding page
  on another site cannot reach it through a name of its own).
- Every response carries a strict Content-Security-Policy (scripts and
  styles only from this server, nothing inline, no frames, no other origin)
  and is never cached.
"""
from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

TOKEN_HEADER = "x-screener-token"
CSRF_HEADER = "x-csrf-token"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; form-action 'none'; frame-ancestors 'none'; "
       "base-uri 'none'")
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


def new_token() -> str:
    return secrets.token_urlsafe(24)


@dataclass
class Guard:
    """The secrets of one server session and the hosts it answers to."""

    token: str = field(default_factory=new_token)
    csrf: str = field(default_factory=new_token)
    hosts: tuple[str, ...] = ()  # allowed Host header values; () = any (--allow-remote)
    cookie: str = "screener_session"

    @classmethod
    def for_port(cls, port: int, extra_hosts: Iterable[str] = (), any_host: bool = False) -> "Guard":
        hosts = () if any_host else tuple(f"{h}:{port}" for h in LOOPBACK_NAMES) + tuple(extra_hosts)
        return cls(hosts=hosts, cookie=f"screener_{port}")

    def _same(self, given: str | None, secret: str) -> bool:
        if not given:
            return False
        return hmac.compare_digest(given.encode(), secret.encode())

    def header_token(self, request: Request) -> str | None:
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            return auth[7:].strip()
        return request.headers.get(TOKEN_HEADER)

    def problem(self, request: Request) -> str | None:
        """Why ``request`` is refused, or None."""
        if self.hosts and request.headers.get("host", "") not in self.hosts:
            return "地址不对：只接受本机访问（Host 不符）"
        by_header = self._same(self.header_token(request), self.token)
        by_cookie = self._same(request.cookies.get(self.cookie), self.token)
        by_query = request.method in ("GET", "HEAD") and self._same(request.query_params.get("token"), self.token)
        if not (by_header or by_cookie or by_query):
            return "缺少或错误的会话令牌：请使用 screen serve 打印的完整地址打开"
        if request.method not in ("GET", "HEAD"):
            origin = request.headers.get("origin")
            if origin is not None and self.hosts and origin.split("://", 1)[-1] not in self.hosts:
                return "跨站请求被拒绝（Origin 不符）"
            if not (by_header or self._same(request.headers.get(CSRF_HEADER), self.csrf)):
                return "跨站请求被拒绝：缺少 CSRF 令牌"
        return None


class GuardMiddleware:
    """Refuse what the Guard refuses; add the security headers to every response."""

    def __init__(self, app: ASGIApp, guard: Guard):
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.decode().lower() not in HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        problem = self.guard.problem(Request(scope))
        if problem is not None:
            await JSONResponse({"error": problem}, status_code=403)(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)
