"""The research app's expected failures, each an ApplicationError with a bilingual message.
Refusals and stops of the console keep the guard's own reason in `detail.reason`."""

from __future__ import annotations

from backend.core.errors import ApplicationError, ValidationFailed
from backend.core.lib.bilingual import Bilingual
from graph.analytics import AnalyticsError
from graph.console import ConsoleError, QueryRefused, QueryTimedOut


class QueryRefusedError(ApplicationError):
    code = "query_refused"
    default_message = Bilingual(zh="查询被拒绝。", en="The query was refused.")


class QueryTimeoutError(ApplicationError):
    code = "query_timeout"
    default_message = Bilingual(zh="查询超时，已被终止。", en="The query timed out.")


class QueryFailedError(ApplicationError):
    code = "query_failed"
    default_message = Bilingual(zh="查询执行出错。", en="The query failed.")


class ConsoleBusy(ApplicationError):
    status_code = 429
    code = "console_busy"
    retryable = True
    default_message = Bilingual(
        zh="您已有查询正在运行，请等它结束后再试。",
        en="You already have queries running; wait for them to finish and retry.",
    )


class AnalyticsFailed(ApplicationError):
    code = "analytics_failed"
    default_message = Bilingual(zh="分析无法完成。", en="The analysis could not be completed.")


class ExportNotReady(ApplicationError):
    status_code = 409
    code = "export_not_ready"
    default_message = Bilingual(zh="导出文件尚未生成。", en="The export file is not ready yet.")


def from_console_error(exc: ConsoleError, *, run_id: int | None = None) -> ApplicationError:
    kind: type[ApplicationError]
    if isinstance(exc, QueryRefused):
        kind = QueryRefusedError
    elif isinstance(exc, QueryTimedOut):
        kind = QueryTimeoutError
    else:
        kind = QueryFailedError
    detail = dict(exc.detail)
    if run_id is not None:
        detail["run_id"] = run_id
    return kind(Bilingual(zh=exc.zh, en=exc.en), detail=detail)


def from_analytics_error(exc: AnalyticsError) -> ApplicationError:
    return AnalyticsFailed(
        Bilingual(zh=exc.zh, en=exc.en), detail={"reason": exc.code, **exc.detail}
    )


def invalid(field: str, zh: str, en: str) -> ValidationFailed:
    message = Bilingual(zh=zh, en=en)
    return ValidationFailed(message, detail={field: [message.resolve()]})
