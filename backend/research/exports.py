"""Export services: a query result (free Cypher, a saved query, a past run) or a subgraph,
written as JSON, CSV (zip) or GraphML.

Small exports (a query with at most INLINE_ROWS rows) run inside the request and answer with
the finished job. Larger ones and every subgraph go to a Celery worker (`research.run_export`,
which takes the job id and is idempotent); each step of the job is pushed to the user's
socket (realtime.py) and the web app shows progress and, when done, the download link.
Files live under VAR_DIR/research-exports and are removed after RETENTION.
"""

from __future__ import annotations

import contextlib
import secrets
from dataclasses import asdict
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from backend.core.errors import ApplicationError, PermissionDenied
from backend.core.graph import graph_database, graph_driver
from backend.core.lib.bilingual import Bilingual
from backend.research.access import (
    access_run_for_user,
    access_saved_query_for_user,
    require_console_user,
    require_saved_query_user,
    user_is_console_user,
)
from backend.research.errors import from_analytics_error, from_console_error, invalid
from backend.research.lib.formats import EXTENSIONS, WRITERS, ExportData
from backend.research.models import (
    ExportFormat,
    ExportJob,
    ExportKind,
    ExportStatus,
    RunSource,
)
from backend.research.realtime import export_changed
from graph import analytics, console
from graph.analytics import AnalyticsError, SubgraphFilter
from graph.console import ConsoleError, ConsoleResult
from graph.errors import GraphUnavailable

INLINE_ROWS = console.DEFAULT_ROW_CAP
DEFAULT_EXPORT_ROWS = console.MAX_ROW_CAP
MAX_EXPORT_ROWS = console.MAX_EXPORT_ROW_CAP
EXPORT_TIMEOUT_S = console.MAX_TIMEOUT_S
RETENTION = timedelta(days=7)
# A job "running" for longer than this was abandoned by a worker that died; it may be retaken.
ABANDONED = timedelta(minutes=10)

GRAPH_DOWN = Bilingual(
    zh="图数据库（Neo4j）暂时不可用，导出未完成。",
    en="The graph database (Neo4j) is unavailable; the export did not finish.",
)


def export_dir() -> Path:
    path = Path(settings.VAR_DIR) / "research-exports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def export_file_path(job: ExportJob) -> Path | None:
    if not job.file_name:
        return None
    return export_dir() / job.file_name


# --- Creating a job ---------------------------------------------------------------------------


def _row_cap(spec: dict[str, Any]) -> int:
    cap = spec.get("row_cap", DEFAULT_EXPORT_ROWS)
    if isinstance(cap, bool) or not isinstance(cap, int) or not 1 <= cap <= MAX_EXPORT_ROWS:
        raise invalid(
            "row_cap",
            f"row_cap 须在 1–{MAX_EXPORT_ROWS} 之间。",
            f"row_cap must lie between 1 and {MAX_EXPORT_ROWS}.",
        )
    return cap


def _normalise(user: Any, kind: str, spec: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Check the user may export this, and reduce the spec to what the job needs."""
    if kind == ExportKind.RUN:
        run_id = spec.get("run_id")
        if isinstance(run_id, bool) or not isinstance(run_id, int):
            raise invalid("run_id", "请指定运行记录编号。", "Give the run's id.")
        run = access_run_for_user(user, run_id)
        if run.user_id != user.pk:
            raise PermissionDenied(
                Bilingual(zh="只能导出自己的运行结果。", en="You can only export your own runs.")
            )
        version = run.saved_query_version
        if version is not None:
            return ExportKind.SAVED_QUERY, {
                "saved_query_id": version.saved_query_id,
                "version": version.number,
                "parameters": run.parameters,
                "row_cap": _row_cap(spec),
            }
        return ExportKind.QUERY, {
            "cypher": run.cypher,
            "parameters": run.parameters,
            "row_cap": _row_cap(spec),
        }
    if kind == ExportKind.QUERY:
        require_console_user(user)
        cypher, parameters = spec.get("cypher"), spec.get("parameters") or {}
        if not isinstance(cypher, str) or not isinstance(parameters, dict):
            raise invalid("cypher", "请提供查询与参数。", "Give the query and its parameters.")
        try:  # gates 1 and 2 now; the plan is checked when the job runs
            console.check_parameters(parameters)
            console.check_parameters(parameters, console.check_text(cypher, parameters))
        except ConsoleError as exc:
            raise from_console_error(exc) from exc
        return kind, {"cypher": cypher, "parameters": parameters, "row_cap": _row_cap(spec)}
    if kind == ExportKind.SAVED_QUERY:
        saved_id = spec.get("saved_query_id")
        if isinstance(saved_id, bool) or not isinstance(saved_id, int):
            raise invalid("saved_query_id", "请指定保存的查询。", "Give the saved query's id.")
        saved = access_saved_query_for_user(user, saved_id)
        version = spec.get("version")
        if version is not None and (isinstance(version, bool) or not isinstance(version, int)):
            raise invalid("version", "版本号须为整数。", "version must be an integer.")
        parameters = spec.get("parameters") or {}
        if not isinstance(parameters, dict):
            raise invalid("parameters", "参数须为对象。", "parameters must be an object.")
        return kind, {
            "saved_query_id": saved.pk,
            "version": version,
            "parameters": parameters,
            "row_cap": _row_cap(spec),
        }
    if kind == ExportKind.SUBGRAPH:
        require_console_user(user)
        flt = spec.get("filter") or {}
        if not isinstance(flt, dict):
            raise invalid("filter", "筛选条件须为对象。", "filter must be an object.")
        return kind, {"filter": flt}
    raise invalid(
        "kind",
        f"导出类型无效，可选：{', '.join(ExportKind.values)}。",
        f"kind must be one of {', '.join(ExportKind.values)}.",
    )


def export_job_create(*, user: Any, kind: Any, format: Any, spec: Any) -> ExportJob:
    """Who: console users for anything; park staff and organisation users for the saved
    queries they may run (and their own runs of them). Small query exports are produced at
    once; the rest are queued."""
    require_saved_query_user(user)
    if format not in ExportFormat.values:
        raise invalid(
            "format",
            f"格式无效，可选：{', '.join(ExportFormat.values)}。",
            f"format must be one of {', '.join(ExportFormat.values)}.",
        )
    if not isinstance(spec, dict):
        raise invalid("spec", "spec 须为对象。", "spec must be an object.")
    if kind == ExportKind.SUBGRAPH and not user_is_console_user(user):
        require_console_user(user)
    kind, clean = _normalise(user, str(kind), spec)
    if kind == ExportKind.SUBGRAPH:
        clean["filter"] = _subgraph_spec(clean["filter"])
    _cleanup(user)
    job = ExportJob.objects.create(user=user, kind=kind, format=format, spec=clean)
    if kind != ExportKind.SUBGRAPH and clean["row_cap"] <= INLINE_ROWS:
        export_job_run(job_id=job.pk, final_attempt=True)
        job.refresh_from_db()
        return job
    from backend.research.tasks import run_export

    transaction.on_commit(lambda: run_export.delay(job.pk))
    return job


def _subgraph_spec(raw: dict[str, Any]) -> dict[str, Any]:
    """The subgraph filter as stored: labels, city uid, industry uid, types, max_nodes."""
    from backend.research.params import subgraph_filter_from_mapping

    flt, max_nodes = subgraph_filter_from_mapping(raw, max_nodes_cap=analytics.MAX_NODES)
    return {
        "labels": list(flt.labels) if flt.labels else None,
        "city_uid": flt.city_uid,
        "industry_uid": flt.industry_uid,
        "types": list(flt.types),
        "max_nodes": max_nodes,
    }


def _cleanup(user: Any) -> None:
    """Opportunistically remove this user's exports past RETENTION (files and rows)."""
    old = ExportJob.objects.filter(user=user, created_at__lt=timezone.now() - RETENTION)
    for job in old:
        path = export_file_path(job)
        if path is not None:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
    old.delete()


# --- Running a job ------------------------------------------------------------------------------


def _set(job: ExportJob, **fields: Any) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    job.save(update_fields=list(fields))
    export_changed(user_id=job.user_id, job_id=job.pk)


def _fail(job: ExportJob, error: ApplicationError) -> None:
    _set(
        job,
        status=ExportStatus.FAILED,
        error_code=str((error.detail or {}).get("reason") or error.code)
        if isinstance(error.detail, dict)
        else error.code,
        error_zh=error.message.zh,
        error_en=error.message.en,
        finished_at=timezone.now(),
    )


def _from_result(result: ConsoleResult) -> ExportData:
    return ExportData(
        columns=result.columns,
        rows=result.rows,
        nodes=[asdict(n) for n in result.nodes],
        edges=[asdict(e) for e in result.edges],
    )


def _claim(job_id: int) -> ExportJob | None:
    with transaction.atomic():
        job = ExportJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status in (ExportStatus.DONE, ExportStatus.FAILED):
            return None
        now = timezone.now()
        if (
            job.status == ExportStatus.RUNNING
            and job.started_at is not None
            and job.started_at > now - ABANDONED
        ):
            return None  # another worker has it
        job.status, job.started_at, job.progress = ExportStatus.RUNNING, now, 5
        job.save(update_fields=["status", "started_at", "progress"])
    export_changed(user_id=job.user_id, job_id=job.pk)
    return job


def export_job_run(*, job_id: int, final_attempt: bool = False) -> str:
    """Produce the file of one job; returns its status. Idempotent: a job that is gone,
    finished or being produced elsewhere is left alone. GraphUnavailable is raised for the
    task to retry, unless this is the final attempt (then the job fails)."""
    job = _claim(job_id)
    if job is None:
        return "skipped"
    from backend.research.services import saved_query_run

    user = job.user
    spec = job.spec
    try:
        if job.kind == ExportKind.SUBGRAPH:
            require_console_user(user)
            f = spec["filter"]
            flt = SubgraphFilter(
                labels=tuple(f["labels"]) if f.get("labels") else None,
                city_uid=f.get("city_uid"),
                industry_uid=f.get("industry_uid"),
                types=tuple(f["types"]),
            )

            def progress(step: str, count: int) -> None:
                _set(job, progress=30 if step == "nodes" else 60)

            nodes, edges = analytics.export_subgraph(
                graph_driver(),
                graph_database(),
                flt,
                max_nodes=int(f["max_nodes"]),
                progress=progress,
            )
            data = ExportData(nodes=nodes, edges=edges)
            capped = False
        else:
            if job.kind == ExportKind.SAVED_QUERY:
                saved = access_saved_query_for_user(user, int(spec["saved_query_id"]))
                run, result = saved_query_run(
                    user=user,
                    saved_query=saved,
                    parameters=spec.get("parameters") or {},
                    version_number=spec.get("version"),
                    timeout_s=EXPORT_TIMEOUT_S,
                    row_cap=int(spec["row_cap"]),
                    source=RunSource.EXPORT,
                    max_row_cap=MAX_EXPORT_ROWS,
                )
            else:
                from backend.research.services import console_execute

                require_console_user(user)
                run, result = console_execute(
                    user=user,
                    cypher=spec["cypher"],
                    parameters=spec.get("parameters") or {},
                    timeout_s=EXPORT_TIMEOUT_S,
                    row_cap=int(spec["row_cap"]),
                    source=RunSource.EXPORT,
                    max_row_cap=MAX_EXPORT_ROWS,
                    limit_concurrency=False,
                )
            _set(job, progress=60, run=run)
            data = _from_result(result)
            capped = result.capped
    except ApplicationError as exc:
        _fail(job, exc)
        return job.status
    except AnalyticsError as exc:
        _fail(job, from_analytics_error(exc))
        return job.status
    except GraphUnavailable:
        if final_attempt:
            _fail(job, ApplicationError(GRAPH_DOWN))
            return job.status
        _set(job, status=ExportStatus.PENDING, progress=0)
        raise

    data.meta = {
        "platform": "宁聚 NingJu",
        "export": job.pk,
        "kind": job.kind,
        "created_at": job.created_at.isoformat(),
        "capped": capped,
        "spec": {k: v for k, v in spec.items() if k != "parameters"},
    }
    name = f"export-{job.pk}-{secrets.token_hex(8)}.{EXTENSIONS[job.format]}"
    path = export_dir() / name
    with path.open("wb") as out:
        WRITERS[job.format](data, out)
    _set(
        job,
        status=ExportStatus.DONE,
        progress=100,
        rows=len(data.rows),
        nodes=len(data.nodes),
        edges=len(data.edges),
        capped=capped,
        file_name=name,
        file_size=path.stat().st_size,
        finished_at=timezone.now(),
    )
    return job.status
