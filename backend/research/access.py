"""Who may use the research features; every research view and task goes through these.

- the console (free Cypher), analytics, exports of anything, creating saved queries:
  researchers, the secretariat and administrators ("console users");
- running shared saved queries (with their parameters) and exporting their results: also
  park staff and organisation users;
- a park's chain gaps: console users for any park, park staff for their own park;
- editing a saved query: its owner, the secretariat and administrators;
- everyone's run history and exports: the secretariat and administrators; others see their own;
- users without a role and anonymous users: nothing.
"""

from __future__ import annotations

from typing import Any

from backend.accounts.access import NO_ROLE, require_reader, user_is_curator
from backend.accounts.models import Role
from backend.core.errors import NotFound, PermissionDenied
from backend.core.lib.bilingual import Bilingual
from backend.research.models import ConsoleRun, ExportJob, SavedQuery

CONSOLE_ROLES = frozenset({Role.ADMIN, Role.SECRETARIAT, Role.RESEARCHER})
SAVED_QUERY_ROLES = CONSOLE_ROLES | {Role.PARK_STAFF, Role.ORG_USER}

CONSOLE_ONLY = Bilingual(
    zh="研究控制台仅向研究人员、联席会议秘书处和管理员开放；您可以运行共享的已保存查询。",
    en="The research console is open to researchers, the secretariat and administrators; "
    "you may run shared saved queries.",
)
NOT_YOUR_QUERY = Bilingual(
    zh="只有查询的创建者或秘书处可以修改它。",
    en="Only the query's author or the secretariat may change it.",
)
EVERYONE_ONLY_SECRETARIAT = Bilingual(
    zh="只有秘书处和管理员可以查看所有人的记录。",
    en="Only the secretariat and administrators see everyone's records.",
)
OTHER_PARK = Bilingual(
    zh="您只能查看本园区的产业链缺口。", en="You can only see your own park's chain gaps."
)


def _signed_in(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def user_is_console_user(user: Any) -> bool:
    return _signed_in(user) and (user.role in CONSOLE_ROLES or user.is_superuser)


def user_may_run_saved_queries(user: Any) -> bool:
    return _signed_in(user) and (user.role in SAVED_QUERY_ROLES or user.is_superuser)


def user_sees_everything(user: Any) -> bool:
    """The secretariat and administrators see every user's runs and exports."""
    return user_is_curator(user)


def require_console_user(user: Any) -> None:
    require_reader(user)
    if not user_is_console_user(user):
        raise PermissionDenied(CONSOLE_ONLY)


def require_saved_query_user(user: Any) -> None:
    require_reader(user)
    if not user_may_run_saved_queries(user):
        raise PermissionDenied(NO_ROLE)


def user_can_see_saved_query(user: Any, saved_query: SavedQuery) -> bool:
    if saved_query.archived_at is not None:
        return False
    if user_sees_everything(user) or saved_query.owner_id == user.pk:
        return user_may_run_saved_queries(user)
    return saved_query.shared and user_may_run_saved_queries(user)


def access_saved_query_for_user(
    user: Any, saved_query_id: int, *, for_write: bool = False
) -> SavedQuery:
    """The saved query, if this user may see (and run) it, or edit it with for_write."""
    require_saved_query_user(user)
    saved_query = (
        SavedQuery.objects.select_related("current_version", "owner")
        .filter(pk=saved_query_id)
        .first()
    )
    if saved_query is None or not user_can_see_saved_query(user, saved_query):
        raise NotFound()
    if for_write:
        require_console_user(user)
        if not (user_sees_everything(user) or saved_query.owner_id == user.pk):
            raise PermissionDenied(NOT_YOUR_QUERY)
    return saved_query


def access_run_for_user(user: Any, run_id: int) -> ConsoleRun:
    require_saved_query_user(user)
    run = (
        ConsoleRun.objects.select_related("user", "saved_query_version__saved_query")
        .filter(pk=run_id)
        .first()
    )
    if run is None or not (user_sees_everything(user) or run.user_id == user.pk):
        raise NotFound()
    return run


def access_export_for_user(user: Any, export_id: int) -> ExportJob:
    require_saved_query_user(user)
    job = ExportJob.objects.filter(pk=export_id).first()
    if job is None or not (user_sees_everything(user) or job.user_id == user.pk):
        raise NotFound()
    return job


def require_chain_gaps_access(user: Any, park_id: int) -> None:
    require_reader(user)
    if user_is_console_user(user):
        return
    if user.role == Role.PARK_STAFF and user.park_id == park_id:
        return
    raise PermissionDenied(OTHER_PARK if user.role == Role.PARK_STAFF else CONSOLE_ONLY)
