"""Writes of the research app: console runs (audited), saved queries and their versions,
export jobs.

Console runs are the one place where a service writes twice on purpose: the audit row is
committed before the query starts (so a run in progress is visible and counts against the
user's concurrency) and completed when it ends, whatever the outcome; a query that fails must
still leave its audit row behind, so neither write shares a transaction with the query.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from backend.core.errors import ApplicationError, Conflict, NotFound, PermissionDenied
from backend.core.graph import graph_database, graph_driver
from backend.core.lib.bilingual import Bilingual
from backend.research.access import (
    require_console_user,
    require_saved_query_user,
    user_can_see_saved_query,
)
from backend.research.errors import ConsoleBusy, from_console_error, invalid
from backend.research.models import (
    ConsoleRun,
    ParameterType,
    RunOutcome,
    RunSource,
    SavedQuery,
    SavedQueryVersion,
)
from graph import console
from graph.console import ConsoleError, ConsoleResult, QueryRefused, QueryTimedOut
from graph.errors import GraphUnavailable

# How many console queries one user may have running at once (across every web process).
MAX_CONCURRENT_RUNS = 2
# A "running" row older than this was left by a process that died; it no longer counts.
STALE_RUN = timedelta(seconds=console.MAX_TIMEOUT_S + 60)

_OUTCOME_OF: dict[type[ConsoleError], str] = {
    QueryRefused: RunOutcome.REFUSED,
    QueryTimedOut: RunOutcome.TIMEOUT,
}


# --- Console runs -------------------------------------------------------------------------------


def _finish(run: ConsoleRun, started: float, **fields: Any) -> None:
    run.duration_ms = round((time.perf_counter() - started) * 1000, 3)
    run.finished_at = timezone.now()
    for name, value in fields.items():
        setattr(run, name, value)
    run.save(
        update_fields=[
            "duration_ms",
            "finished_at",
            *fields.keys(),
        ]
    )


def _running_count(user: Any) -> int:
    return ConsoleRun.objects.filter(
        user=user, outcome=RunOutcome.RUNNING, started_at__gte=timezone.now() - STALE_RUN
    ).count()


def console_run_record_forbidden(
    *, user: Any, cypher: str, parameters: Mapping[str, Any], source: str, error: ApplicationError
) -> ConsoleRun:
    """The audit row of an attempt the user was not allowed to make."""
    return ConsoleRun.objects.create(
        user=user,
        source=source,
        cypher=_text(cypher[: console.MAX_QUERY_CHARS]),
        parameters=_storable(parameters),
        timeout_s=0,
        row_cap=0,
        outcome=RunOutcome.FORBIDDEN,
        reason=error.code,
        message_zh=error.message.zh,
        message_en=error.message.en,
        finished_at=timezone.now(),
        duration_ms=0,
        rows=0,
    )


def _text(value: str) -> str:
    """Text as PostgreSQL can store it (no NUL characters)."""
    return value.replace("\x00", "\\x00")


def _storable(parameters: Mapping[str, Any]) -> dict[str, Any]:
    """Parameters as the audit keeps them: JSON-able, and not unboundedly large."""
    try:
        console.check_parameters(parameters)
    except QueryRefused:
        return {"_unstorable": True, "names": [_text(str(k))[:64] for k in list(parameters)[:50]]}
    return _json_safe(dict(parameters))


def console_execute(
    *,
    user: Any,
    cypher: str,
    parameters: Mapping[str, Any],
    timeout_s: float = console.DEFAULT_TIMEOUT_S,
    row_cap: int = console.DEFAULT_ROW_CAP,
    source: str = RunSource.CONSOLE,
    saved_query_version: SavedQueryVersion | None = None,
    max_row_cap: int = console.MAX_ROW_CAP,
    limit_concurrency: bool = True,
) -> tuple[ConsoleRun, ConsoleResult]:
    """Run one query through the guard and audit it. The caller has checked that the user may
    run it (free Cypher or this saved version). Raises the ApplicationError of a refusal, a
    timeout or a failure (after auditing it), ConsoleBusy, or GraphUnavailable (503).
    Export jobs pass limit_concurrency=False: they run in a worker, not a web thread."""
    if not isinstance(parameters, Mapping):
        raise invalid("parameters", "参数须为对象。", "parameters must be an object.")
    run = ConsoleRun(
        user=user,
        source=source,
        saved_query_version=saved_query_version,
        cypher=_text(cypher[: console.MAX_QUERY_CHARS + 1]),
        parameters=_storable(parameters),
        timeout_s=float(timeout_s) if isinstance(timeout_s, int | float) else 0.0,
        row_cap=row_cap if isinstance(row_cap, int) and row_cap >= 0 else 0,
        outcome=RunOutcome.RUNNING,
    )
    started = time.perf_counter()
    with transaction.atomic():
        # One user's runs are counted under a row lock on the user, so two simultaneous
        # requests cannot both slip under the limit.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        busy = limit_concurrency and _running_count(user) >= MAX_CONCURRENT_RUNS
        if busy:
            run.outcome, run.reason, run.finished_at = (
                RunOutcome.BUSY,
                ConsoleBusy.code,
                timezone.now(),
            )
        run.save()
    if busy:
        raise ConsoleBusy(detail={"limit": MAX_CONCURRENT_RUNS, "run_id": run.pk})

    try:
        result = console.run_console_query(
            graph_driver(),
            graph_database(),
            cypher,
            parameters,
            timeout_s=timeout_s,
            row_cap=row_cap,
            max_row_cap=max_row_cap,
            metadata={"run": run.pk, "user": user.pk, "source": source},
        )
    except ConsoleError as exc:
        _finish(
            run,
            started,
            outcome=_OUTCOME_OF.get(type(exc), RunOutcome.FAILED),
            reason=exc.code,
            message_zh=exc.zh,
            message_en=exc.en,
            detail=_json_safe(exc.detail),
            rows=0,
        )
        raise from_console_error(exc, run_id=run.pk) from exc
    except GraphUnavailable:
        _finish(run, started, outcome=RunOutcome.UNAVAILABLE, reason="graph_unavailable", rows=0)
        raise
    except BaseException:
        _finish(run, started, outcome=RunOutcome.FAILED, reason="server_error", rows=0)
        raise
    _finish(
        run,
        started,
        outcome=RunOutcome.OK,
        rows=result.row_count,
        capped=result.capped,
        detail={
            "plan_ms": round(result.plan_ms, 3),
            "run_ms": round(result.run_ms, 3),
            "masked": result.masked,
        },
    )
    return run, result


def _json_safe(value: Any) -> Any:
    if isinstance(value, dict):
        return {_text(str(k)): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    if isinstance(value, str):
        return _text(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    return _text(str(value))


def console_run(
    *,
    user: Any,
    cypher: Any,
    parameters: Any,
    timeout_s: float = console.DEFAULT_TIMEOUT_S,
    row_cap: int = console.DEFAULT_ROW_CAP,
) -> tuple[ConsoleRun, ConsoleResult]:
    """Free Cypher from the console. Who: console users (researchers, secretariat,
    administrators); anyone else's attempt is refused and audited."""
    try:
        require_console_user(user)
    except PermissionDenied as exc:
        if user is not None and user.is_authenticated:
            console_run_record_forbidden(
                user=user,
                cypher=str(cypher),
                parameters=parameters if isinstance(parameters, Mapping) else {},
                source=RunSource.CONSOLE,
                error=exc,
            )
        raise
    return console_execute(
        user=user, cypher=cypher, parameters=parameters, timeout_s=timeout_s, row_cap=row_cap
    )


# --- Saved queries ------------------------------------------------------------------------------

_PARAMETER_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,39}$")
_UID = re.compile(r"^[a-z]+:[\w-]{1,40}$")
MAX_DECLARED_PARAMETERS = 20


@dataclass(frozen=True)
class ParameterSpec:
    name: str
    type: str
    label: str = ""
    default: Any = None
    required: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "label": self.label,
            "default": self.default,
            "required": self.required,
        }


def _coerce(spec_type: str, value: Any, field: str) -> Any:
    """A value of the declared type, or ValidationFailed naming the field."""

    def bad(zh: str, en: str) -> ApplicationError:
        return invalid(field, f"参数 {field}：{zh}", f"Parameter {field}: {en}")

    if value is None:
        return None
    if spec_type == ParameterType.STRING:
        if not isinstance(value, str) or len(value) > 1000:
            raise bad("须为不超过 1000 字的文本。", "must be text of at most 1000 characters.")
        return value
    if spec_type == ParameterType.INTEGER:
        if isinstance(value, str) and re.fullmatch(r"-?\d{1,18}", value.strip()):
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) >= 2**63:
            raise bad("须为整数。", "must be an integer.")
        return value
    if spec_type == ParameterType.FLOAT:
        if isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                raise bad("须为数值。", "must be a number.") from None
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            raise bad("须为数值。", "must be a number.")
        if value in (float("inf"), float("-inf")):
            raise bad("须为有限数值。", "must be finite.")
        return float(value)
    if spec_type == ParameterType.BOOLEAN:
        if not isinstance(value, bool):
            raise bad("须为 true 或 false。", "must be true or false.")
        return value
    if spec_type == ParameterType.UID:
        if not isinstance(value, str) or not _UID.match(value):
            raise bad("须为实体标识，如 park:12。", "must be an entity uid such as park:12.")
        return value
    if spec_type == ParameterType.STRING_LIST:
        if (
            not isinstance(value, list)
            or len(value) > 100
            or not all(isinstance(v, str) and len(v) <= 200 for v in value)
        ):
            raise bad("须为最多 100 项的文本列表。", "must be a list of at most 100 texts.")
        return value
    raise bad("类型未知。", "unknown type.")


def parse_parameter_specs(raw: Any) -> list[ParameterSpec]:
    if raw in (None, ""):
        return []
    if not isinstance(raw, list) or len(raw) > MAX_DECLARED_PARAMETERS:
        raise invalid(
            "parameters",
            f"参数声明须为最多 {MAX_DECLARED_PARAMETERS} 项的列表。",
            f"Parameter declarations must be a list of at most {MAX_DECLARED_PARAMETERS}.",
        )
    specs: list[ParameterSpec] = []
    for item in raw:
        if not isinstance(item, dict):
            raise invalid("parameters", "每个参数声明须为对象。", "Each declaration is an object.")
        name, kind = item.get("name"), item.get("type")
        if not isinstance(name, str) or not _PARAMETER_NAME.match(name):
            raise invalid(
                "parameters",
                f"参数名“{str(name)[:40]}”无效：以字母开头，只含字母、数字、下划线。",
                f"Parameter name {str(name)[:40]!r} is invalid: a letter, then letters, digits, "
                "underscores.",
            )
        if kind not in ParameterType.values:
            raise invalid(
                "parameters",
                f"参数 {name} 的类型无效，可选：{', '.join(ParameterType.values)}。",
                f"Parameter {name} has an invalid type; one of {', '.join(ParameterType.values)}.",
            )
        if any(s.name == name for s in specs):
            raise invalid(
                "parameters", f"参数 {name} 重复声明。", f"Parameter {name} is declared twice."
            )
        label = item.get("label", "")
        if not isinstance(label, str) or len(label) > 100:
            raise invalid(
                "parameters",
                "参数说明最长 100 字。",
                "A parameter label is at most 100 characters.",
            )
        required = item.get("required", False)
        if not isinstance(required, bool):
            raise invalid("parameters", "required 须为布尔值。", "required must be a boolean.")
        default = _coerce(str(kind), item.get("default"), name)
        specs.append(ParameterSpec(name, str(kind), label, default, required))
    return specs


def bind_parameters(specs: list[ParameterSpec], given: Any) -> dict[str, Any]:
    """The values a saved query runs with: given values of the declared types, defaults for
    the rest; unknown or missing required parameters are refused."""
    if given is None:
        given = {}
    if not isinstance(given, Mapping):
        raise invalid("parameters", "参数须为对象。", "parameters must be an object.")
    declared = {s.name for s in specs}
    unknown = sorted(str(k) for k in given if k not in declared)
    if unknown:
        names = ", ".join(unknown)[:200]
        raise invalid("parameters", f"未声明的参数：{names}。", f"Undeclared parameters: {names}.")
    bound: dict[str, Any] = {}
    for spec in specs:
        value = _coerce(spec.type, given.get(spec.name), spec.name)
        if value is None:
            value = spec.default
        if value is None and spec.required:
            raise invalid(
                spec.name, f"缺少必填参数 {spec.name}。", f"Parameter {spec.name} is required."
            )
        bound[spec.name] = value
    return bound


def _validate_version(
    cypher: Any, description: Any, raw_specs: Any
) -> tuple[str, str, list[ParameterSpec]]:
    if not isinstance(cypher, str) or not cypher.strip():
        raise invalid("cypher", "请填写 Cypher 查询。", "Enter a Cypher query.")
    if not isinstance(description, str) or len(description) > 2000:
        raise invalid(
            "description", "说明最长 2000 字。", "The description is at most 2000 characters."
        )
    specs = parse_parameter_specs(raw_specs)
    used = console.parameter_names(cypher) if len(cypher) <= console.MAX_QUERY_CHARS else []
    declared = [s.name for s in specs]
    undeclared = [n for n in used if n not in declared]
    unused = [n for n in declared if n not in used]
    if undeclared:
        names = ", ".join(f"${n}" for n in undeclared)
        raise invalid(
            "parameters",
            f"查询用到但未声明的参数：{names}。",
            f"Parameters used but not declared: {names}.",
        )
    if unused:
        names = ", ".join(unused)
        raise invalid(
            "parameters",
            f"声明了但查询未用到的参数：{names}。",
            f"Parameters declared but not used: {names}.",
        )
    # Refused now rather than at the first run: the same gates as the console, EXPLAIN included.
    defaults = {s.name: s.default for s in specs if s.default is not None}
    try:
        console.check_console_query(graph_driver(), graph_database(), cypher, defaults)
    except ConsoleError as exc:
        raise from_console_error(exc) from exc
    return cypher.strip(), description.strip(), specs


NAME_TAKEN = Bilingual(zh="已有同名的查询。", en="A saved query with this name already exists.")


def _valid_name(name: Any) -> str:
    if not isinstance(name, str) or not name.strip() or len(name.strip()) > 120:
        raise invalid("name", "名称须为 1–120 字。", "The name must be 1–120 characters.")
    return name.strip()


def saved_query_create(
    *,
    user: Any,
    name: Any,
    cypher: Any,
    description: Any = "",
    parameters: Any = None,
    shared: bool = True,
) -> SavedQuery:
    """Who: console users. The query is checked by the guard (EXPLAIN included) before it is
    stored as version 1."""
    require_console_user(user)
    clean_name = _valid_name(name)
    text, about, specs = _validate_version(cypher, description, parameters)
    try:
        with transaction.atomic():
            saved = SavedQuery.objects.create(name=clean_name, owner=user, shared=bool(shared))
            version = SavedQueryVersion.objects.create(
                saved_query=saved,
                number=1,
                cypher=text,
                description=about,
                parameters=[s.as_dict() for s in specs],
                created_by=user,
            )
            saved.current_version = version
            saved.save(update_fields=["current_version"])
    except IntegrityError:
        raise Conflict(NAME_TAKEN, detail={"name": [NAME_TAKEN.resolve()]}) from None
    return saved


def saved_query_update(
    *,
    user: Any,
    saved_query: SavedQuery,
    name: Any = None,
    shared: bool | None = None,
    cypher: Any = None,
    description: Any = None,
    parameters: Any = None,
) -> SavedQuery:
    """Who: the owner, the secretariat, administrators (checked by the caller through
    access_saved_query_for_user(for_write=True)). A change of text, description or parameters
    adds a new version; name and sharing change in place."""
    current = saved_query.current_version
    if current is None:
        raise NotFound()
    new_version = any(v is not None for v in (cypher, description, parameters))
    if new_version:
        text, about, specs = _validate_version(
            current.cypher if cypher is None else cypher,
            current.description if description is None else description,
            current.parameters if parameters is None else parameters,
        )
    try:
        with transaction.atomic():
            locked = SavedQuery.objects.select_for_update().get(pk=saved_query.pk)
            if name is not None:
                locked.name = _valid_name(name)
            if shared is not None:
                locked.shared = bool(shared)
            if new_version:
                last = locked.versions.order_by("-number").values_list("number", flat=True).first()
                version = SavedQueryVersion.objects.create(
                    saved_query=locked,
                    number=(last or 0) + 1,
                    cypher=text,
                    description=about,
                    parameters=[s.as_dict() for s in specs],
                    created_by=user,
                )
                locked.current_version = version
            locked.save()
    except IntegrityError:
        raise Conflict(NAME_TAKEN, detail={"name": [NAME_TAKEN.resolve()]}) from None
    locked.refresh_from_db()
    return locked


def saved_query_archive(*, user: Any, saved_query: SavedQuery) -> None:
    """Who: as saved_query_update. Archived queries disappear from lists; their versions stay
    for the runs that point at them."""
    SavedQuery.objects.filter(pk=saved_query.pk, archived_at__isnull=True).update(
        archived_at=timezone.now()
    )


def saved_query_run(
    *,
    user: Any,
    saved_query: SavedQuery,
    parameters: Any,
    version_number: int | None = None,
    timeout_s: float = console.DEFAULT_TIMEOUT_S,
    row_cap: int = console.DEFAULT_ROW_CAP,
    source: str = RunSource.SAVED_QUERY,
    max_row_cap: int = console.MAX_ROW_CAP,
) -> tuple[ConsoleRun, ConsoleResult]:
    """Run a saved query (its current version, or an earlier one by number) with the given
    parameters bound to their declared types. Who: anyone who may see it (console users; park
    staff and organisation users for shared ones)."""
    require_saved_query_user(user)
    if not user_can_see_saved_query(user, saved_query):
        raise NotFound()
    version = (
        saved_query.current_version
        if version_number is None
        else saved_query.versions.filter(number=version_number).first()
    )
    if version is None:
        raise NotFound(Bilingual(zh="没有这个版本。", en="No such version."))
    specs = [ParameterSpec(**p) for p in version.parameters]
    bound = bind_parameters(specs, parameters)
    return console_execute(
        user=user,
        cypher=version.cypher,
        parameters=bound,
        timeout_s=timeout_s,
        row_cap=row_cap,
        source=source,
        saved_query_version=version,
        max_row_cap=max_row_cap,
        limit_concurrency=source != RunSource.EXPORT,
    )
