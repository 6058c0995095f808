"""The ``screen`` command: a thin layer over the library.

``screen PATH...`` screens drafts (the default command); ``screen rules``
lists what is checked.  Exit codes: 0 nothing at or above --fail-on, 1
findings, 2 usage or input error (one line on stderr, never a traceback).
"""
from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from typer.core import TyperGroup

if TYPE_CHECKING:  # typed against the installed typer, which vendors click
    from typer import _click as click
    from typer._click import exceptions as _click_exceptions
else:
    try:  # typer >= 0.29 vendors click
        from typer import _click as click
        from typer._click import exceptions as _click_exceptions
    except ImportError:  # pragma: no cover - older typer
        import click
        from click import exceptions as _click_exceptions

from .config import Config, load_config
from .errors import InputError, ScreenerError
from .model import Severity
from .paths import is_stdin


class _DefaultToCheck(TyperGroup):
    """``screen draft.txt`` means ``screen check draft.txt``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h")):
            args = ["check", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=_DefaultToCheck,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="政务公开信息发布前的保密审查：个人信息、禁用词慎用词、涉密标识。",
)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    sheet = "sheet"


class MaskStyle(str, Enum):
    default = "default"
    full = "full"


class Mode(str, Enum):
    normal = "normal"
    disclosure = "disclosure"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


def _config(config_file: Optional[Path]) -> Config:
    return load_config(config_file)


def _with_wordlists(config: Config, extra: Optional[list[Path]]) -> Config:
    """Add the lists named with --wordlist to those of screener.toml."""
    return config.with_overrides(wordlists=config.wordlists + tuple(extra)) if extra else config


@app.command("check")
def check(
    paths: Annotated[Optional[list[str]], typer.Argument(help="稿件文件、文件夹或通配符（如 稿件/*.docx）；“-”表示从标准输入读取", show_default=False)] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="输出格式")] = OutputFormat.text,
    fail_on: Annotated[Optional[FailOn], typer.Option(help="达到此级别即以退出码 1 结束（默认 warning）")] = None,
    show_values: Annotated[bool, typer.Option("--show-values", help="显示未脱敏的原始号码（慎用）")] = False,
    encoding: Annotated[Optional[str], typer.Option(help="指定文本编码，如 gbk、utf-8")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="配置文件（默认当前目录的 screener.toml）")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="并行检查的进程数（默认等于 CPU 核数）", show_default=False)] = None,
    sheet: Annotated[Optional[str], typer.Option("--sheet", metavar="OUT", help="生成信息发布审批表：.docx、.html 或 .md（多篇稿件时为文件夹或含 {name}）", rich_help_panel="审批表与脱敏副本")] = None,
    redact: Annotated[Optional[str], typer.Option("--redact", metavar="OUT", help="写出脱敏副本（其余逐字节不变）", rich_help_panel="审批表与脱敏副本")] = None,
    final_copy: Annotated[bool, typer.Option("--final-copy", help="脱敏副本作为发布稿：接受全部修订、删除全部批注（仅 .docx）", rich_help_panel="审批表与脱敏副本")] = False,
    mask_style: Annotated[Optional[MaskStyle], typer.Option("--mask-style", help="脱敏方式（full 全部隐去）", rich_help_panel="审批表与脱敏副本")] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="审批表：信息标题（默认取稿件标题行）", rich_help_panel="审批表与脱敏副本")] = None,
    doc_number: Annotated[Optional[str], typer.Option("--doc-number", help="审批表：文号（默认从稿件识别）", rich_help_panel="审批表与脱敏副本")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="审批表：拟稿单位", rich_help_panel="审批表与脱敏副本")] = None,
    drafter: Annotated[Optional[str], typer.Option("--drafter", help="审批表：拟稿人", rich_help_panel="审批表与脱敏副本")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="审批表：报送日期，如 2024-06-02（默认今天）", rich_help_panel="审批表与脱敏副本")] = None,
    publish_method: Annotated[Optional[str], typer.Option("--publish-method", help="审批表：公开方式，如 政府网站", rich_help_panel="审批表与脱敏副本")] = None,
    publish_attr: Annotated[Optional[str], typer.Option("--publish-attr", help="审批表：公开属性，如 主动公开", rich_help_panel="审批表与脱敏副本")] = None,
    approval_no: Annotated[Optional[str], typer.Option("--approval-no", help="审批表：审批编号", rich_help_panel="审批表与脱敏副本")] = None,
    column: Annotated[Optional[str], typer.Option("--column", help="审批表：发布栏目，如 通知公告", rich_help_panel="审批表与脱敏副本")] = None,
    wordlist: Annotated[Optional[list[Path]], typer.Option("--wordlist", help="另加一个词表文件（TOML 或纯文本，可重复）")] = None,
    previous: Annotated[Optional[Path], typer.Option("--previous", metavar="FILE", help="上年的政府信息公开工作年度报告：核对本年“上年结转”与上年“结转下年度”")] = None,
    review: Annotated[Optional[Path], typer.Option("--review", metavar="FILE", help="审核记录文件（screen serve 页面下载的 .review.json）：只列出新的和未处理的问题，误报不计入退出码")] = None,
    mode: Annotated[Optional[Mode], typer.Option("--mode", help="disclosure：惩戒公示、强制性信息披露稿件，个人信息降一级提示（不会不报）")] = None,
    no_ocr: Annotated[bool, typer.Option("--no-ocr", help="不识别图片和扫描页中的文字（按未检查报告）", rich_help_panel="图片文字识别（OCR）")] = False,
    ocr_text: Annotated[Optional[Path], typer.Option("--ocr-text", metavar="DIR", help="把识别出的文字写入此文件夹（否则不写到任何地方）", rich_help_panel="图片文字识别（OCR）")] = None,
) -> int:
    """检查稿件（默认命令）：screen 稿件.docx、screen 稿件文件夹/"""
    from .ocr.settings import set_progress as set_ocr_progress
    from .privacy import Privacy
    from .render.json_out import CompactJson, render_json
    from .render.progress import OCR_MIN_PICTURES, ProgressBar
    from .render.terminal import render_terminal
    from .screening import Screener

    if not paths:
        raise _click_exceptions.UsageError("请指定要检查的稿件，例如：screen 稿件.txt")
    config = _with_wordlists(_config(config_file), wordlist)
    Screener(config)  # a malformed list or a clashing code stops the run before any draft is read
    if mask_style is not None:
        config = config.with_overrides(mask_style=mask_style.value)
    if previous is not None:
        from .annual.previous import load_previous

        config = config.with_overrides(annual_previous=load_previous(previous, encoding))
    if mode is not None:
        config = config.with_overrides(mode=mode.value)
    if no_ocr or ocr_text is not None:
        config = config.with_overrides(ocr=False if no_ocr else None, ocr_text=ocr_text)
    threshold = Severity.parse(fail_on.value) if fail_on else config.fail_on
    from .batch import expand, screen_targets
    from .sheet_cli import make_plan, print_sheets, write_all

    if final_copy and not redact:
        raise _click_exceptions.UsageError("--final-copy 需与 --redact 一起使用")
    # one way through: the real list of drafts first, the output plan from
    # it, then screening, then writing
    targets, skipped = expand(paths)
    drafts = [t for t in targets if isinstance(t, str)]
    plan = make_plan(drafts, config, threshold, encoding, sheet=sheet, redact=redact, final=final_copy,
                     roots=tuple(p for p in paths if not is_stdin(p) and os.path.isdir(p)), title=title,
                     doc_number=doc_number, unit=unit, drafter=drafter, date=date,
                     publish_method=publish_method, publish_attr=publish_attr,
                     approval_no=approval_no, column=column)
    bar = ProgressBar()
    ocr_bar = ProgressBar(min_files=OCR_MIN_PICTURES, label="识别图片文字")
    set_ocr_progress(ocr_bar)  # long OCR runs (a scanned PDF of many pages); a terminal only
    pretty = sys.stdout.isatty()
    privacy = Privacy(config, show_values)
    compact = (CompactJson(show_values, privacy) if output_format is OutputFormat.json and not pretty
               and review is None else None)
    try:
        report = screen_targets(targets, skipped, config=config, jobs=jobs, encoding=encoding, progress=bar,
                              keep_documents=plan.active or output_format is OutputFormat.sheet or review is not None,
                              keep_texts=output_format is not OutputFormat.json, on_file=compact,
                              privacy=privacy)
    finally:
        bar.close()
        set_ocr_progress(None)
        ocr_bar.close()
    full, counted = report, report
    if review is not None:  # issue 16: decisions that persist
        from .review import ReviewFile, apply_review, summary_line

        review_file = ReviewFile.load(review, missing_ok=False)
        plan.review = review_file  # the sheets show each finding's recorded decision
        reviewed = apply_review(report, review_file)
        report, counted = reviewed.shown, reviewed.counted
        typer.echo(summary_line(reviewed), err=True)
    if compact is not None:
        typer.echo(compact.render(report))
    elif output_format is OutputFormat.json:
        typer.echo(render_json(report, show_values, pretty=True, privacy=privacy))
    elif output_format is OutputFormat.sheet:
        typer.echo(print_sheets(full, plan), nl=False)  # the sheet lists decided findings too
    else:
        typer.echo(render_terminal(report, threshold, show_values, privacy), nl=False)
    for fr in report.errors:
        typer.echo(f"screen: {privacy.path(fr.path)}：{privacy.message(fr.error)}", err=True)
    output_failed = write_all(full, plan)
    return 2 if output_failed else counted.exit_code(threshold)


@app.command("serve")
def serve(
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="端口（默认随机选一个空闲端口）")] = 0,
    host: Annotated[str, typer.Option("--host", help="监听地址（默认只许本机访问）")] = "127.0.0.1",
    no_browser: Annotated[bool, typer.Option("--no-browser", help="不自动打开浏览器")] = False,
    allow_remote: Annotated[bool, typer.Option("--allow-remote", help="允许非本机地址（慎用：稿件经网络传输）")] = False,
    show_values: Annotated[bool, typer.Option("--show-values", help="页面和接口显示未脱敏的号码（慎用）")] = False,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="配置文件（默认当前目录的 screener.toml）")] = None,
    wordlist: Annotated[Optional[list[Path]], typer.Option("--wordlist", help="另加一个词表文件（可重复）")] = None,
) -> int:
    """启动本机审核工作台（网页）：上传稿件、查看标出的问题、记录审核结论、下载审批表和脱敏副本。"""
    from .screening import Screener
    from .web.server import serve as run_page

    config = _with_wordlists(_config(config_file), wordlist)
    Screener(config)  # a malformed list or a clashing code stops here, before the page starts
    run_page(config, host=host, port=port, open_browser=not no_browser, allow_remote=allow_remote,
             show_values=show_values, echo=lambda line, file=None: typer.echo(line, err=file is not None))
    return 0


@app.command("rules")
def rules() -> int:
    """列出检查规则（代码、级别、名称、依据）。"""
    from .detectors import all_rules

    for rule in all_rules():
        typer.echo(f"{rule.code}  {rule.severity.zh}  {rule.title}（{rule.name}）")
        for line in rule.doc.splitlines():
            typer.echo(f"       {line}")
        if rule.source and "依据" not in rule.doc:
            typer.echo(f"       依据：{rule.source}")
    return 0


@app.command("wordlists")
def wordlists(
    files: Annotated[Optional[list[Path]], typer.Argument(help="要校验的词表文件（与 --check 一起用）", show_default=False)] = None,
    check: Annotated[bool, typer.Option("--check", help="校验词表并运行其中的示例；不指定文件时校验所有在用词表")] = False,
    wordlist: Annotated[Optional[list[Path]], typer.Option("--wordlist", help="另加一个词表文件（可重复）")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="配置文件（默认当前目录的 screener.toml）")] = None,
) -> int:
    """列出在用的词表（名称、代码前缀、条目数、来源、版本、是否启用）；--check 校验词表。"""
    from .detectors import check_codes
    from .render.wordlists import render_check, render_lists
    from .wordlists import list_set
    from .wordlists.selfcheck import check_files

    config = _with_wordlists(_config(config_file), wordlist)
    if files and not check:
        raise _click_exceptions.UsageError("校验词表文件请加 --check，例如：screen wordlists --check 本单位词表.txt")
    if not check:
        typer.echo(render_lists(list_set(config)), nl=False)
        return 0
    lists, failures = check_files(files or (), config)
    check_codes(lists)  # a list may not reuse a detector's prefix or any code
    typer.echo(render_check(lists, failures), nl=False)
    for f in failures:
        typer.echo(f"screen: {f.message()}", err=True)
    return 2 if failures else 0


@app.command("rule")
def rule(code: Annotated[str, typer.Argument(help="规则代码，如 ID101")]) -> int:
    """显示一条规则的说明：检测内容、风险、示例、建议写法、依据。"""
    from .detectors import all_rules

    for r in all_rules():
        if r.code.upper() == code.strip().upper():
            typer.echo(f"{r.code} {r.title}（{r.name}），默认级别：{r.severity.zh}")
            if r.doc:
                typer.echo(r.doc)
            if r.source:
                typer.echo(f"依据：{r.source}")
            return 0
    raise _click_exceptions.UsageError(f"没有规则“{code}”，screen rules 列出全部规则")


def _error_line(exc: ScreenerError) -> str:
    """The one line an error prints, numbers masked by the privacy owner."""
    from .privacy import Privacy

    privacy = Privacy()
    if isinstance(exc, InputError):
        return exc.shown(privacy.message)
    return privacy.message(exc.args[0] if exc.args else type(exc).__name__)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: turns every failure into one line and exit code 2."""
    try:
        code = app(args=argv, prog_name="screen", standalone_mode=False)
    except (typer.Exit, getattr(_click_exceptions, "Exit", typer.Exit)) as exc:
        code = exc.exit_code
    except (typer.Abort, getattr(_click_exceptions, "Abort", typer.Abort)):
        typer.echo("screen: 已取消", err=True)
        code = 2
    except _click_exceptions.UsageError as exc:
        typer.echo(f"screen: 用法错误：{exc.format_message()}（screen --help 查看用法）", err=True)
        code = 2
    except ScreenerError as exc:
        typer.echo(f"screen: {_error_line(exc)}", err=True)
        code = 2
    except KeyboardInterrupt:
        typer.echo("screen: 已中断", err=True)
        code = 130
    except BrokenPipeError:
        code = 0
    except Exception as exc:  # a bug: one line, never its message (it may quote the draft)
        if os.environ.get("SCREENER_DEBUG"):
            raise
        typer.echo(f"screen: 内部错误（{type(exc).__name__}），请把所用命令和文件类型报告给维护者"
                   "（设置环境变量 SCREENER_DEBUG=1 可查看详情，其中可能含稿件内容）", err=True)
        code = 2
    sys.exit(code if isinstance(code, int) else 0)
