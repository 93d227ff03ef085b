"""Django admin: saved queries and their versions for curation; runs and exports read-only
(an audit is not edited)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from backend.research.models import ConsoleRun, ExportJob, SavedQuery, SavedQueryVersion


class VersionInline(admin.TabularInline):
    model = SavedQueryVersion
    extra = 0
    fields = ("number", "description", "cypher", "parameters", "created_by", "created_at")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(SavedQuery)
class SavedQueryAdmin(admin.ModelAdmin):
    list_display = ("name", "owner", "shared", "current_version", "archived_at", "updated_at")
    list_filter = ("shared", "archived_at")
    search_fields = ("name",)
    readonly_fields = ("current_version", "created_at", "updated_at")
    inlines = [VersionInline]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ConsoleRun)
class ConsoleRunAdmin(ReadOnlyAdmin):
    list_display = (
        "id",
        "user",
        "source",
        "outcome",
        "reason",
        "rows",
        "duration_ms",
        "started_at",
    )
    list_filter = ("outcome", "source")
    search_fields = ("cypher", "user__username")
    date_hierarchy = "started_at"


@admin.register(ExportJob)
class ExportJobAdmin(ReadOnlyAdmin):
    list_display = ("id", "user", "kind", "format", "status", "progress", "created_at")
    list_filter = ("status", "kind", "format")
