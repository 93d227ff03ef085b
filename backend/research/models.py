"""Research console rows: saved queries with their versions, the audit of every console run,
and export jobs.

A saved query's text never changes in place: an edit adds a SavedQueryVersion, and every run
records the version it ran, so a result can always be traced to the exact Cypher behind it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class ParameterType(models.TextChoices):
    STRING = "string", "文本 Text"
    INTEGER = "integer", "整数 Integer"
    FLOAT = "float", "数值 Number"
    BOOLEAN = "boolean", "是/否 Yes/no"
    UID = "uid", "实体标识 Entity uid"
    STRING_LIST = "string_list", "文本列表 List of text"


class SavedQuery(models.Model):
    """A named read-only Cypher query. Shared ones are visible to every console user and may be
    run (with their parameters) by park staff and organisation users."""

    name = models.CharField(max_length=120)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="saved_queries"
    )
    shared = models.BooleanField(default=True)
    current_version = models.ForeignKey(
        "SavedQueryVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    archived_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["name"],
                condition=Q(archived_at__isnull=True),
                name="saved_query_name_unique_while_active",
            )
        ]

    def __str__(self) -> str:
        return self.name


class SavedQueryVersion(models.Model):
    """One immutable text of a saved query. `parameters` declares its named parameters:
    [{"name", "type", "label", "default", "required"}]."""

    saved_query = models.ForeignKey(SavedQuery, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    description = models.TextField(blank=True, max_length=2000)
    cypher = models.TextField()
    parameters = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["saved_query", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["saved_query", "number"], name="saved_query_version_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.saved_query_id} v{self.number}"


class RunSource(models.TextChoices):
    CONSOLE = "console", "控制台 Console"
    SAVED_QUERY = "saved_query", "保存的查询 Saved query"
    EXPORT = "export", "导出 Export"


class RunOutcome(models.TextChoices):
    RUNNING = "running", "运行中 Running"
    OK = "ok", "成功 OK"
    REFUSED = "refused", "已拒绝 Refused"
    TIMEOUT = "timeout", "超时终止 Timed out"
    FAILED = "failed", "执行出错 Failed"
    FORBIDDEN = "forbidden", "无权限 Forbidden"
    BUSY = "busy", "并发过多 Too many at once"
    UNAVAILABLE = "unavailable", "图数据库不可用 Graph unavailable"


class ConsoleRun(models.Model):
    """The audit of one console run: who, what, with which parameters, how long, how many
    rows, and how it ended (refusals included). Written before the query starts and completed
    after it ends, so a run that is still going is visible too."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="console_runs"
    )
    source = models.CharField(max_length=20, choices=RunSource.choices)
    saved_query_version = models.ForeignKey(
        SavedQueryVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="runs"
    )
    cypher = models.TextField()
    parameters = models.JSONField(default=dict, blank=True)
    timeout_s = models.FloatField()
    row_cap = models.PositiveIntegerField()
    outcome = models.CharField(max_length=20, choices=RunOutcome.choices)
    reason = models.CharField(max_length=40, blank=True)
    message_zh = models.TextField(blank=True)
    message_en = models.TextField(blank=True)
    detail = models.JSONField(default=dict, blank=True)
    rows = models.PositiveIntegerField(null=True, blank=True)
    capped = models.BooleanField(default=False)
    duration_ms = models.FloatField(null=True, blank=True)
    started_at = models.DateTimeField(auto_now_add=True, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [
            models.Index(fields=["user", "-started_at"], name="console_run_user_recent"),
            models.Index(fields=["outcome", "-started_at"], name="console_run_outcome_recent"),
        ]

    def __str__(self) -> str:
        return f"run {self.pk} by {self.user_id}: {self.outcome}"


class ExportKind(models.TextChoices):
    QUERY = "query", "控制台查询 Console query"
    SAVED_QUERY = "saved_query", "保存的查询 Saved query"
    RUN = "run", "历史运行 Past run"
    SUBGRAPH = "subgraph", "子图 Subgraph"


class ExportFormat(models.TextChoices):
    GRAPHML = "graphml", "GraphML"
    CSV = "csv", "CSV (zip)"
    JSON = "json", "JSON"


class ExportStatus(models.TextChoices):
    PENDING = "pending", "排队中 Pending"
    RUNNING = "running", "进行中 Running"
    DONE = "done", "已完成 Done"
    FAILED = "failed", "失败 Failed"


class ExportJob(models.Model):
    """An export of a query result or a subgraph to a file. Small ones run inside the
    request; large ones in a Celery worker, with progress pushed to the user's socket."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="research_exports"
    )
    kind = models.CharField(max_length=20, choices=ExportKind.choices)
    format = models.CharField(max_length=10, choices=ExportFormat.choices)
    spec = models.JSONField(default=dict)
    status = models.CharField(
        max_length=10, choices=ExportStatus.choices, default=ExportStatus.PENDING
    )
    progress = models.PositiveSmallIntegerField(default=0)
    run = models.ForeignKey(
        ConsoleRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="exports"
    )
    rows = models.PositiveIntegerField(null=True, blank=True)
    nodes = models.PositiveIntegerField(null=True, blank=True)
    edges = models.PositiveIntegerField(null=True, blank=True)
    capped = models.BooleanField(default=False)
    file_name = models.CharField(max_length=200, blank=True)
    file_size = models.PositiveBigIntegerField(null=True, blank=True)
    error_code = models.CharField(max_length=40, blank=True)
    error_zh = models.TextField(blank=True)
    error_en = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "-created_at"], name="export_job_user_recent")]

    def __str__(self) -> str:
        return f"export {self.pk} ({self.kind}, {self.format}): {self.status}"
