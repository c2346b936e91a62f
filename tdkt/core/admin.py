"""Admin glue: the add/change forms call a service (inside the admin's transaction) instead of saving the model.

A ServiceAdmin implements `run_service(request, obj, cleaned, changed) -> model instance`; a DomainError
becomes a form error in Vietnamese. Nothing is deleted from the admin (history is never hard-deleted).
"""

from django import forms
from django.contrib import admin

from tdkt.core.errors import DomainError


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
