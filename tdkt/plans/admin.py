"""The plans in the admin: read-only lists for the administrator (changes go through the screens and their services)."""

from django.contrib import admin

from .models import CouncilItem, KeyTask, KeyTaskUpdate, Plan


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Plan)
class PlanAdmin(ReadOnly):
    list_display = ("year", "issuer", "title", "status", "number", "issued_on")
    list_filter = ("status", "year")
    search_fields = ("title", "issuer__name")


@admin.register(KeyTask)
class KeyTaskAdmin(ReadOnly):
    list_display = ("title", "plan", "lead_unit", "lead_name", "due_on", "status")
    list_filter = ("status",)


@admin.register(KeyTaskUpdate)
class KeyTaskUpdateAdmin(ReadOnly):
    list_display = ("task", "status", "written_by", "written_at", "evidence_filename")


@admin.register(CouncilItem)
class CouncilItemAdmin(ReadOnly):
    list_display = ("month", "title", "in_charge", "plan", "session", "round")
