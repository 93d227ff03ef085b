from __future__ import annotations

from django.contrib import admin

from backend.notifications.models import Notification, NotificationPreference, Reminder


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["id", "recipient", "kind", "title_zh", "created", "read_at", "emailed_at"]
    list_filter = ["kind", "created"]
    search_fields = ["title_zh", "title_en", "recipient__username", "key"]
    raw_id_fields = ["recipient"]
    date_hierarchy = "created"


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "email"]
    list_filter = ["kind", "email"]
    raw_id_fields = ["user"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["id", "recipient", "kind", "key", "due_at", "sent_at"]
    list_filter = ["kind"]
    search_fields = ["key", "title_zh", "recipient__username"]
    raw_id_fields = ["recipient", "notification"]
