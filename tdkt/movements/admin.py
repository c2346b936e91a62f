"""The movements' data in the admin: the anniversaries are edited here (data, like the catalogue); movements and
registrations are read-only (they change through the screens and services: the workflow, its audit)."""

from django.contrib import admin

from .models import Anniversary, Criterion, Movement, Registration, RegistrationTarget, RegistrationTitle, Reminder


@admin.register(Anniversary)
class AnniversaryAdmin(admin.ModelAdmin):
    list_display = ("name", "day", "month", "founding_year", "kind", "active")
    list_filter = ("active", "kind", "month")
    search_fields = ("name",)

    def has_delete_permission(self, request, obj=None):  # a movement greeting it keeps it: switch it off instead
        return bool(obj is None or not obj.movements.exists()) and super().has_delete_permission(request, obj)


class _ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class _ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class _CriterionInline(_ReadOnlyInline):
    model = Criterion
    fields = ("position", "text", "mandatory", "points", "evidence")
    readonly_fields = fields


@admin.register(Movement)
class MovementAdmin(_ReadOnly):
    list_display = ("name", "unit", "kind", "starts_on", "ends_on", "registration_deadline")
    list_filter = ("kind",)
    search_fields = ("name",)
    list_select_related = ("unit",)
    inlines = [_CriterionInline]


class _TargetInline(_ReadOnlyInline):
    model = RegistrationTarget
    fields = ("criterion", "target")
    readonly_fields = fields


class _TitleInline(_ReadOnlyInline):
    model = RegistrationTitle
    fields = ("award_code", "person")
    readonly_fields = fields


@admin.register(Registration)
class RegistrationAdmin(_ReadOnly):
    list_display = ("unit", "movement", "status", "submitted_at")
    list_filter = ("status",)
    list_select_related = ("unit", "movement")
    inlines = [_TargetInline, _TitleInline]


@admin.register(Reminder)
class ReminderAdmin(_ReadOnly):
    list_display = ("movement", "unit", "sent_on", "sent_by", "recipients")
    list_select_related = ("movement", "unit", "sent_by")
