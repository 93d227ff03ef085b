"""Shared pieces of the research API: pagination, output serializers, result shapes."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.urls import reverse
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request

from backend.research.models import ConsoleRun, ExportJob, SavedQuery, SavedQueryVersion
from graph.console import ConsoleResult


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


def label_for(choice_label: str, request: Request | None) -> str:
    """Our choice labels read "中文 English"; pick the request's language."""
    zh, _, en = str(choice_label).partition(" ")
    language = getattr(request, "LANGUAGE_CODE", "zh-hans") if request else "zh-hans"
    return en if str(language).startswith("en") and en else zh


def _user(user: Any) -> dict[str, Any]:
    return {"id": user.pk, "name": user.name_for_display}


class VersionOutput(serializers.ModelSerializer):
    created_by = serializers.SerializerMethodField()

    class Meta:
        model = SavedQueryVersion
        fields = ["id", "number", "description", "cypher", "parameters", "created_by", "created_at"]

    def get_created_by(self, version: SavedQueryVersion) -> dict[str, Any]:
        return _user(version.created_by)


class SavedQueryOutput(serializers.ModelSerializer):
    owner = serializers.SerializerMethodField()
    current = serializers.SerializerMethodField()
    can_edit = serializers.SerializerMethodField()

    class Meta:
        model = SavedQuery
        fields = [
            "id",
            "name",
            "shared",
            "owner",
            "current",
            "can_edit",
            "created_at",
            "updated_at",
        ]

    def get_owner(self, saved: SavedQuery) -> dict[str, Any]:
        return _user(saved.owner)

    def get_current(self, saved: SavedQuery) -> dict[str, Any] | None:
        version = saved.current_version
        if version is None:
            return None
        return {
            "number": version.number,
            "description": version.description,
            "cypher": version.cypher,
            "parameters": version.parameters,
            "created_at": version.created_at,
        }

    def get_can_edit(self, saved: SavedQuery) -> bool:
        from backend.research.access import user_is_console_user, user_sees_everything

        user = self.context["request"].user
        return user_is_console_user(user) and (
            user_sees_everything(user) or saved.owner_id == user.pk
        )


class RunOutput(serializers.ModelSerializer):
    user = serializers.SerializerMethodField()
    saved_query = serializers.SerializerMethodField()
    outcome_label = serializers.SerializerMethodField()
    message = serializers.SerializerMethodField()

    class Meta:
        model = ConsoleRun
        fields = [
            "id",
            "user",
            "source",
            "saved_query",
            "cypher",
            "parameters",
            "timeout_s",
            "row_cap",
            "outcome",
            "outcome_label",
            "reason",
            "message",
            "rows",
            "capped",
            "duration_ms",
            "started_at",
            "finished_at",
        ]

    def get_user(self, run: ConsoleRun) -> dict[str, Any]:
        return _user(run.user)

    def get_saved_query(self, run: ConsoleRun) -> dict[str, Any] | None:
        version = run.saved_query_version
        if version is None:
            return None
        return {
            "id": version.saved_query_id,
            "name": version.saved_query.name,
            "version": version.number,
        }

    def get_outcome_label(self, run: ConsoleRun) -> str:
        return label_for(run.get_outcome_display(), self.context.get("request"))

    def get_message(self, run: ConsoleRun) -> str:
        request = self.context.get("request")
        language = getattr(request, "LANGUAGE_CODE", "zh-hans") if request else "zh-hans"
        return run.message_en if str(language).startswith("en") else run.message_zh


class ExportOutput(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()
    error = serializers.SerializerMethodField()

    class Meta:
        model = ExportJob
        fields = [
            "id",
            "kind",
            "format",
            "spec",
            "status",
            "progress",
            "run",
            "rows",
            "nodes",
            "edges",
            "capped",
            "file_size",
            "download_url",
            "error",
            "created_at",
            "started_at",
            "finished_at",
        ]

    def get_download_url(self, job: ExportJob) -> str | None:
        if job.status != "done":
            return None
        return reverse("research-export-download", args=[job.pk])

    def get_error(self, job: ExportJob) -> dict[str, str] | None:
        if not job.error_code:
            return None
        request = self.context.get("request")
        language = getattr(request, "LANGUAGE_CODE", "zh-hans") if request else "zh-hans"
        message = job.error_en if str(language).startswith("en") else job.error_zh
        return {"code": job.error_code, "message": message}


def console_answer(run: ConsoleRun, result: ConsoleResult) -> dict[str, Any]:
    return {
        "run": {
            "id": run.pk,
            "outcome": run.outcome,
            "duration_ms": run.duration_ms,
            "rows": run.rows,
            "saved_query_version": run.saved_query_version_id,
        },
        "columns": result.columns,
        "rows": result.rows,
        "nodes": [asdict(n) for n in result.nodes],
        "edges": [asdict(e) for e in result.edges],
        "capped": result.capped,
        "graph_capped": result.graph_capped,
        "truncated_cells": result.truncated_cells,
        "masked": result.masked,
        "plan_ms": round(result.plan_ms, 3),
        "run_ms": round(result.run_ms, 3),
    }
