"""The nominations data in the admin, read-only: rounds and dossiers change through the app's screens and services
(the workflow, its audit), never by editing rows."""

from django.contrib import admin

from .models import Dossier, Nominee, Round


class _ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Round)
class RoundAdmin(_ReadOnly):
    list_display = ("title", "office_unit", "year", "kind", "intake_to", "status")
    list_filter = ("status", "kind", "year")
    search_fields = ("title",)


@admin.register(Dossier)
class DossierAdmin(_ReadOnly):
    list_display = ("title", "unit", "round", "status", "tracking_code", "submitted_on", "received_on")
    list_filter = ("status",)
    search_fields = ("title", "tracking_code")


@admin.register(Nominee)
class NomineeAdmin(_ReadOnly):
    list_display = ("__str__", "dossier", "verdict", "withdrawn")
    list_filter = ("verdict", "withdrawn")
