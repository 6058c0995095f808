"""The routes of the reviewers' page and its JSON API.

GET  /                 the page (opened once as /?token=…, which sets the cookie)
GET  /static/…         its script and style sheet, served from the package
POST /api/screen       multipart ``file`` (repeatable) or ``text`` → the schema-1 report
POST /ui/screen        the same, kept for the session → what the page shows
POST /ui/decide        one decision on one finding
POST /ui/sheet         the approval sheet (.docx or .html) with the form's fields
POST /ui/redacted      the redacted copy of a draft
POST /ui/review        the draft's review file (.review.json) to keep beside it
POST /ui/forget        forget every draft of the session
"""
from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path
from typing import cast
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..config import Config
from ..errors import OutputError
from ..model import Report
from ..privacy import shown_path
from ..redact import redact_bytes
from ..render.sheet_formats import render_sheet
from ..review import DECISION_LABELS, SUFFIX
from ..sheet.fields import parse_date
from ..sheet.model import Attachment, build_sheet
from .security import Guard, GuardMiddleware
from .session import Draft, Store, screen_upload
from .uploads import Limits, UploadRefused, counted, read_uploads
from .views import draft_view

STATIC = Path(__file__).parent / "static"
MAX_JSON = 64 * 1024
_FIELDS = ("title", "doc_number", "unit", "drafter", "date", "publish_method", "publish_attr",
           "approval_no", "column")


def _error(message: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _download(data: bytes, name: str, media: str) -> Response:
    # RFC 5987 name: the browser saves the Chinese file name as it is
    return Response(data, media_type=media, headers={
        "content-disposition": f"attachment; filename=\"download\"; filename*=UTF-8''{quote(name)}"})


async def _json(request: Request) -> dict:
    """A small JSON object, read no further than MAX_JSON bytes."""
    body = b"".join([chunk async for chunk in counted(request, MAX_JSON)])
    try:
        data = json.loads(body or b"{}")
    except ValueError:
        raise UploadRefused("请求格式不对（应为 JSON）", 400) from None
    if not isinstance(data, dict):
        raise UploadRefused("请求格式不对（应为 JSON 对象）", 400)
    return data


def create_app(config: Config | None = None, *, guard: Guard | None = None,
               show_values: bool = False, limits: Limits | None = None) -> Starlette:
    """The application; ``guard`` holds the session token (a new one if not given)."""
    config = config or Config()
    guard = guard or Guard()
    limits = limits or Limits()
    store = Store()
    page = (STATIC / "index.html").read_text(encoding="utf-8")

    def draft_of(data: dict) -> Draft:
        draft = store.get(str(data.get("file", "")))
        if draft is None:
            raise UploadRefused("找不到该稿件（可能已清除），请重新上传", 404)
        return draft

    async def index(request: Request) -> Response:
        if "token" in request.query_params:  # the printed address: set the cookie, drop the token from the URL
            response = RedirectResponse("/", status_code=303)
            response.set_cookie(guard.cookie, guard.token, httponly=True, samesite="strict", path="/")
            return response
        return HTMLResponse(page.replace("{{csrf}}", guard.csrf)
                            .replace("{{show_values}}", "1" if show_values else "0"))

    async def api_screen(request: Request) -> Response:
        files, text = await read_uploads(request, limits)

        def work() -> Report:
            reports = [screen_upload(u.name, u.data, config) for u in files]
            if text is not None:
                reports.insert(0, screen_upload("<text>.txt", text.encode("utf-8"), config))
            return Report(files=tuple(reports))

        report = await run_in_threadpool(work)
        return JSONResponse(report.to_dict(show_values))

    async def ui_screen(request: Request) -> Response:
        files, text = await read_uploads(request, limits)
        drafts = await run_in_threadpool(store.add_batch, files, text, config)
        return JSONResponse({"files": [draft_view(d, show_values, config) for d in drafts]})

    async def ui_decide(request: Request) -> Response:
        data = await _json(request)
        draft = draft_of(data)
        try:
            n = int(data.get("n", 0))
            finding = draft.report.findings[n - 1]
            if n < 1:
                raise IndexError
        except (ValueError, TypeError, IndexError):
            return _error("找不到该问题")
        decision = str(data.get("decision", ""))
        if decision not in DECISION_LABELS:
            return _error("请选择审核结论")
        try:
            draft.review.decide(finding, draft.text, decision, reason=str(data.get("reason", "")),
                                reviewer=str(data.get("reviewer", "")))
        except ValueError as exc:
            return _error(str(exc))
        return JSONResponse({"file": draft_view(draft, show_values, config)})

    def sheet_of(draft: Draft, data: dict, suffix: str) -> bytes:
        given = data.get("fields") or {}
        values: dict[str, str | _dt.date | None] = {
            k: str(given.get(k, "")).strip()[:200] or None for k in _FIELDS if k in given}
        raw_date = values.get("date")
        if raw_date:
            values["date"] = parse_date(raw_date)
        fields = config.sheet.override(**values)  # screener.toml [sheet] first
        others = [d for d in store.batch(draft.batch) if d.id != draft.id]
        attachments = [Attachment.of(d.name, d.report) for d in others]
        decisions = draft.review.lookup(draft.report.findings, draft.text)
        sheet = build_sheet(draft.report, fields, fail_on=config.fail_on, config=config,
                            decisions=decisions, attachments=attachments, today=_dt.date.today())
        return render_sheet(sheet, "docx" if suffix == ".docx" else "html")

    async def ui_sheet(request: Request) -> Response:
        data = await _json(request)
        draft = draft_of(data)
        if draft.report.error is not None:
            return _error("该文件未能读取，不能生成审批表；请按提示处理后重新上传")
        suffix = ".html" if data.get("format") == "html" else ".docx"
        try:
            body = await run_in_threadpool(sheet_of, draft, data, suffix)
        except ValueError as exc:
            return _error(str(exc))
        media = ("text/html; charset=utf-8" if suffix == ".html" else
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        return _download(body, f"{Path(shown_path(draft.name)).stem}-审批表{suffix}", media)

    async def ui_redacted(request: Request) -> Response:
        draft = draft_of(await _json(request))
        if draft.report.error is not None:
            return _error("该文件未能读取，不能生成脱敏副本")
        try:
            body = await run_in_threadpool(redact_bytes, draft.data, draft.report,
                                           style=config.mask_style)
        except OutputError as exc:
            return _error(exc.args[0] if exc.args else "无法生成脱敏副本")
        name = shown_path(draft.name)  # a number in a file name is masked here too
        name = name if Path(name).suffix else name + ".txt"
        return _download(body, f"{Path(name).stem}-脱敏{Path(name).suffix}", "application/octet-stream")

    async def ui_review(request: Request) -> Response:
        draft = draft_of(await _json(request))
        return _download(draft.review.to_json(), shown_path(draft.name) + SUFFIX, "application/json")

    async def ui_forget(request: Request) -> Response:
        await _json(request)
        return JSONResponse({"forgotten": store.clear()})

    async def refused(request: Request, exc: Exception) -> Response:
        # registered for UploadRefused only (exception_handlers below)
        refusal = cast(UploadRefused, exc)
        return _error(str(refusal), refusal.status)

    app = Starlette(
        routes=[
            Route("/", index, methods=["GET"]),
            Route("/api/screen", api_screen, methods=["POST"]),
            Route("/ui/screen", ui_screen, methods=["POST"]),
            Route("/ui/decide", ui_decide, methods=["POST"]),
            Route("/ui/sheet", ui_sheet, methods=["POST"]),
            Route("/ui/redacted", ui_redacted, methods=["POST"]),
            Route("/ui/review", ui_review, methods=["POST"]),
            Route("/ui/forget", ui_forget, methods=["POST"]),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        middleware=[Middleware(GuardMiddleware, guard=guard)],
        exception_handlers={UploadRefused: refused},
    )
    app.state.store = store
    app.state.guard = guard
    return app
