from __future__ import annotations

from django.contrib import admin

from backend.network.models import Organisation, Park


@admin.register(Park)
class ParkAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
