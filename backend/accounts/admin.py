from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from backend.accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "display_name", "role", "park", "organisation", "is_active"]
    list_filter = ["role", "is_active"]
    search_fields = ["username", "display_name", "email"]
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        ("宁聚 NingJu", {"fields": ("display_name", "role", "park", "organisation")}),
    )
