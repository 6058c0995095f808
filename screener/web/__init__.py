"""``screen serve``: the reviewers' page (审核工作台), a local web application.

Starlette + uvicorn, bound to loopback; every request carries the session
token, every POST a CSRF token; uploads are parsed in memory and kept only
in this process for the session.  Modules: security.py (token, CSRF, Host
and CSP checks), uploads.py (bounded multipart parsing), session.py (the
screened drafts and their decisions), views.py (what the page is sent),
app.py (the routes), server.py (starting uvicorn).
"""
from __future__ import annotations

from .app import create_app
from .server import serve

__all__ = ["create_app", "serve"]
