"""The plans in the admin: read-only lists for the administrator (changes go through the screens and their services)."""

from django.contrib import admin

from tdkt.core.admin import ReadOnlyAdmin

from .models import CouncilItem, KeyTask, KeyTaskUpdate, Plan


@admin.register(Plan)
class PlanAdmin(ReadOnlyAdmin):
    list_display = ("year", "issuer", "title", "status", "number", "issued_on")
    list_filter = ("status", "year")
    search_fields = ("title", "issuer__name")


@admin.register(KeyTask)
class KeyTaskAdmin(ReadOnlyAdmin):
    list_display = ("title", "plan", "lead_unit", "lead_name", "due_on", "status")
    list_filter = ("status",)


@admin.register(KeyTaskUpdate)
class KeyTaskUpdateAdmin(ReadOnlyAdmin):
    list_display = ("task", "status", "written_by", "written_at", "evidence_filename")


@admin.register(CouncilItem)
class CouncilItemAdmin(ReadOnlyAdmin):
    list_display = ("month", "title", "in_charge", "plan", "session", "round")
