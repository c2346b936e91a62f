"""Admin glue: the add/change forms call a service (inside the admin's transaction) instead of saving the model.

A ServiceAdmin implements `run_service(request, obj, cleaned, changed) -> model instance`; a DomainError
becomes a form error in Vietnamese. Nothing is deleted from the admin (history is never hard-deleted).
"""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tdkt.core.calendar import WEEKDAY_NAMES, Calendar
from tdkt.core.errors import DomainError
from tdkt.core.models import WorkingDayOverride
from tdkt.core.services import working_day_override_set


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows that change only through their app's screens and services (the workflow, its audit): listed and read in the
    admin, never added, edited or deleted there."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    """The rows under a read-only parent, shown as a table."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ServiceAdmin(admin.ModelAdmin):
    def has_delete_permission(self, request, obj=None):
        return False

    def run_service(self, request, obj, cleaned: dict, changed: list[str]):  # pragma: no cover - abstract
        raise NotImplementedError

    def get_form(self, request, obj=None, **kwargs):
        base = super().get_form(request, obj, **kwargs)
        model_admin = self

        class ServiceForm(base):
            def clean(self):
                cleaned = super().clean()
                if self.errors:
                    return cleaned
                try:
                    self._service_result = model_admin.run_service(
                        request, self.instance if self.instance.pk else None, cleaned, list(self.changed_data)
                    )
                except DomainError as exc:
                    raise forms.ValidationError(exc.message) from exc
                return cleaned

            def validate_unique(self):
                pass  # the service checked uniqueness (and has already written the row)

        return ServiceForm

    def save_model(self, request, obj, form, change):
        result = form._service_result
        if result is not None:
            obj.pk = result.pk
            obj._state.adding = False
            obj._state.db = result._state.db

    def save_related(self, request, form, formsets, change):
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


def action_with_form(modeladmin, request, queryset, *, form_class, title: str, intro: str, apply, form_kwargs=None):
    """An admin action that first asks for its parameters (`form_class`) on an intermediate page listing the
    selected objects. On a valid "apply" POST, `apply(cleaned_data, queryset)` runs and the changelist is shown
    again (apply reports with messages); otherwise the page is rendered with the form and its errors."""
    from django.contrib.admin import helpers
    from django.template.response import TemplateResponse

    form_kwargs = form_kwargs or {}
    if "apply" in request.POST:
        form = form_class(request.POST, **form_kwargs)
        if form.is_valid():
            apply(form.cleaned_data, queryset)
            return None
    else:
        form = form_class(**form_kwargs)
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "intro": intro,
        "form": form,
        "objects": list(queryset),
        "opts": modeladmin.model._meta,
        "action": request.POST.get("action", ""),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/tdkt_action_form.html", context)


# --- the working-day calendar's overrides -----------------------------------------------------------------------

@admin.register(WorkingDayOverride)
class WorkingDayOverrideAdmin(ServiceAdmin):
    """Set through `core.services.working_day_override_set` (audited, permission core.change_calendar). A day is
    fixed once made: to say something else of the day, change its row; to undo, set what the package says."""

    list_display = ["day", "weekday", "is_working_day", "without_override", "reason", "legal_basis", "created_by", "updated_at"]
    list_filter = ["is_working_day"]
    search_fields = ["reason", "legal_basis"]
    date_hierarchy = "day"
    list_select_related = ["created_by"]
    EDITABLE = ["day", "is_working_day", "reason", "legal_basis"]
    STAMPS = ["created_by", "created_at", "updated_at"]

    def get_fields(self, request, obj=None):
        return self.EDITABLE + self.STAMPS if obj is not None else self.EDITABLE

    def get_readonly_fields(self, request, obj=None):
        return ["day", *self.STAMPS] if obj is not None else []

    @admin.display(description=_("Thứ"))
    def weekday(self, obj) -> str:
        return WEEKDAY_NAMES[obj.day.weekday()]

    @admin.display(description=_("Nếu không điều chỉnh"))
    def without_override(self, obj) -> str:
        info = Calendar().day(obj.day)
        return (gettext("Ngày làm việc") if info.working else gettext("Ngày nghỉ")) + (f" ({info.reason})" if info.reason else "")

    def run_service(self, request, obj, cleaned, changed):
        return working_day_override_set(actor=request.user, day=obj.day if obj is not None else cleaned["day"],
                                        is_working_day=cleaned["is_working_day"], reason=cleaned["reason"],
                                        legal_basis=cleaned.get("legal_basis", ""))


# --- accounts and groups: permissions named in Vietnamese ------------------------------------------------------
# Django stores a model's permissions as "Can add <model>" (English, in the database); the admin shows them as
# "<app> | <model> | Thêm <model>" instead. Nothing is renamed in the database.

PERMISSION_ACTIONS = {"add": _("Thêm"), "change": _("Sửa"), "delete": _("Xóa"), "view": _("Xem")}


def _in_sentence(name: str) -> str:
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def permission_label(permission) -> str:
    content_type = permission.content_type
    model = content_type.model_class()
    if model is None:
        return str(permission)
    action = permission.codename.partition("_")[0]
    name = permission.name
    if action in PERMISSION_ACTIONS and permission.codename == f"{action}_{model._meta.model_name}":
        name = f"{PERMISSION_ACTIONS[action]} {_in_sentence(str(model._meta.verbose_name))}"
    return f"{model._meta.app_config.verbose_name} | {model._meta.verbose_name} | {name}"


class _VietnamesePermissions:
    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and db_field.name in ("permissions", "user_permissions"):
            field.queryset = field.queryset.select_related("content_type")
            field.label_from_instance = permission_label
        return field


def _register_auth_admins() -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    for model in (get_user_model(), Group):
        current = admin.site._registry.get(model)
        if current is None or isinstance(current, _VietnamesePermissions):
            continue
        admin.site.unregister(model)
        admin.site.register(model, type(type(current).__name__, (_VietnamesePermissions, type(current)), {}))


_register_auth_admins()


# --- document numbers (core.numbering): read only; numbers are taken by the services that issue documents ---------

from tdkt.core.models import IssuedNumber  # noqa: E402


@admin.register(IssuedNumber)
class IssuedNumberAdmin(admin.ModelAdmin):
    list_display = ["text", "issuer_name", "doc_type", "year", "number", "issued_by", "issued_at"]
    list_filter = ["year", "doc_type"]
    search_fields = ["text", "issuer_name"]
    list_select_related = ["issued_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
