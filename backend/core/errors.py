"""The one error type of the platform and its subclasses.

Services and selectors raise these for expected failures; the API's exception handler turns
each into the JSON shape `{"code", "message", "detail"}` with the status below. `retryable`
tells callers (tasks, clients) whether trying again later can help.
"""

from __future__ import annotations

from typing import Any, ClassVar

from backend.core.lib.bilingual import Bilingual


class ApplicationError(Exception):
    status_code: ClassVar[int] = 400
    code: ClassVar[str] = "invalid"
    default_message: ClassVar[Bilingual] = Bilingual(
        zh="请求无法处理，请检查后重试。",
        en="The request could not be processed; check it and retry.",
    )
    retryable: ClassVar[bool] = False

    def __init__(self, message: Bilingual | None = None, detail: Any = None) -> None:
        self.message = message or self.default_message
        self.detail = detail
        super().__init__(self.message.en)


class ValidationFailed(ApplicationError):
    code = "validation_error"
    default_message = Bilingual(
        zh="提交的数据有误，请按提示修改。", en="Some fields are invalid; correct them and retry."
    )


class NotFound(ApplicationError):
    status_code = 404
    code = "not_found"
    default_message = Bilingual(zh="未找到所请求的对象。", en="The requested item was not found.")


class PermissionDenied(ApplicationError):
    status_code = 403
    code = "permission_denied"
    default_message = Bilingual(
        zh="您没有执行此操作的权限。", en="You do not have permission to do this."
    )


class Conflict(ApplicationError):
    status_code = 409
    code = "conflict"
    default_message = Bilingual(
        zh="数据已被修改或已存在，请刷新后重试。",
        en="The data changed or already exists; refresh and retry.",
    )


class ServiceUnavailable(ApplicationError):
    """A part the request needs (Neo4j, Redis) does not answer; retrying later may help."""

    status_code = 503
    code = "service_unavailable"
    retryable = True
    default_message = Bilingual(
        zh="依赖的服务暂时不可用，请稍后重试。",
        en="A service this request needs is unavailable; retry shortly.",
    )


class GraphUnavailable(ServiceUnavailable):
    code = "graph_unavailable"
    default_message = Bilingual(
        zh="图数据库（Neo4j）暂时不可用，请稍后重试。",
        en="The graph database (Neo4j) is unavailable; retry shortly.",
    )


class RedisUnavailable(ServiceUnavailable):
    code = "redis_unavailable"
    default_message = Bilingual(
        zh="缓存与消息服务（Redis）暂时不可用，请稍后重试。",
        en="The cache and messaging service (Redis) is unavailable; retry shortly.",
    )


class DatabaseUnavailable(ServiceUnavailable):
    code = "database_unavailable"
    default_message = Bilingual(
        zh="业务数据库（PostgreSQL）暂时不可用，请稍后重试；已提交的数据不会丢失。",
        en="The database (PostgreSQL) is unavailable; retry shortly. Saved data is not lost.",
    )
