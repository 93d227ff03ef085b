from __future__ import annotations

from django.contrib import admin

from backend.alliance.models import (
    ActionItem,
    AgendaItem,
    Alliance,
    AllianceMember,
    Decision,
    Meeting,
    Minutes,
)


@admin.register(Alliance)
class AllianceAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en"]


@admin.register(AllianceMember)
class AllianceMemberAdmin(admin.ModelAdmin):
    list_display = ["park", "role", "joined_at"]
    list_filter = ["role"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "starts_at"]
    list_filter = ["status", "kind"]


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["title", "meeting", "park", "kind", "status", "position"]
    list_filter = ["status", "kind"]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["item", "status", "created_at"]


@admin.register(ActionItem)
class ActionItemAdmin(admin.ModelAdmin):
    list_display = ["text", "owner_park", "owner_unit", "deadline", "status"]
    list_filter = ["status"]


@admin.register(Minutes)
class MinutesAdmin(admin.ModelAdmin):
    list_display = ["meeting", "version", "status", "published_at"]
