from __future__ import annotations

from django.contrib import admin

from backend.docking.models import (
    DockingRequest,
    DockingSettings,
    Message,
    Posting,
    SavedSearch,
    Thread,
)


@admin.register(Posting)
class PostingAdmin(admin.ModelAdmin):
    list_display = ("id", "title", "kind", "visibility", "status", "expires_at")
    list_filter = ("kind", "visibility", "status")
    search_fields = ("title",)
    filter_horizontal = ("industries",)


@admin.register(DockingRequest)
class DockingRequestAdmin(admin.ModelAdmin):
    list_display = ("id", "posting", "status", "created_at", "answered_at")
    list_filter = ("status",)


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = ("id", "subject", "request", "project", "last_message_at")


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ("id", "thread", "side", "sender", "attachment_name", "created_at")


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ("id", "user", "name", "kind", "text", "alerts")


@admin.register(DockingSettings)
class DockingSettingsAdmin(admin.ModelAdmin):
    list_display = ("id", "moderation_required", "updated_by", "updated_at")
