"""The movements' data in the admin: the anniversaries are edited here (data, like the catalogue); movements and
registrations are read-only (they change through the screens and services: the workflow, its audit)."""

from django.contrib import admin

from tdkt.core.admin import ReadOnlyAdmin, ReadOnlyInline

from .models import Anniversary, Criterion, Movement, Registration, RegistrationTarget, RegistrationTitle, Reminder


@admin.register(Anniversary)
class AnniversaryAdmin(admin.ModelAdmin):
    list_display = ("name", "day", "month", "founding_year", "kind", "active")
    list_filter = ("active", "kind", "month")
    search_fields = ("name",)

    def has_delete_permission(self, request, obj=None):  # a movement greeting it keeps it: switch it off instead
        return bool(obj is None or not obj.movements.exists()) and super().has_delete_permission(request, obj)




class _CriterionInline(ReadOnlyInline):
    model = Criterion
    fields = ("position", "text", "mandatory", "points", "evidence")
    readonly_fields = fields


@admin.register(Movement)
class MovementAdmin(ReadOnlyAdmin):
    list_display = ("name", "unit", "kind", "starts_on", "ends_on", "registration_deadline")
    list_filter = ("kind",)
    search_fields = ("name",)
    list_select_related = ("unit",)
    inlines = [_CriterionInline]


class _TargetInline(ReadOnlyInline):
    model = RegistrationTarget
    fields = ("criterion", "target")
    readonly_fields = fields


class _TitleInline(ReadOnlyInline):
    model = RegistrationTitle
    fields = ("award_code", "person")
    readonly_fields = fields


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdmin):
    list_display = ("unit", "movement", "status", "submitted_at")
    list_filter = ("status",)
    list_select_related = ("unit", "movement")
    inlines = [_TargetInline, _TitleInline]


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAdmin):
    list_display = ("movement", "unit", "sent_on", "sent_by", "recipients")
    list_select_related = ("movement", "unit", "sent_by")
