"""The catalogue in the Django admin, in Vietnamese. Saving goes through `services.catalogue_row_save`,
which refuses overlapping validity for the same key (shown as a form error)."""

import copy

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tdkt.core.errors import DomainError

from . import models, services


class CatalogueForm(forms.ModelForm):
    def clean(self):
        data = super().clean()
        if not hasattr(self.instance, "valid_from"):
            return data
        probe = copy.copy(self.instance)
        names = {f.name for f in probe._meta.concrete_fields}
        for name, value in data.items():
            if name in names:
                setattr(probe, name, value)
        if probe.valid_from is None:
            return data
        try:
            services.validate_row(probe)
        except DomainError as exc:
            raise ValidationError(exc.message) from exc
        return data


class CatalogueAdmin(admin.ModelAdmin):
    form = CatalogueForm
    list_per_page = 100

    @admin.display(description="Cần xác minh", boolean=True, ordering="needs_verification")
    def verification(self, obj) -> bool:
        return obj.needs_verification

    def save_model(self, request, obj, form, change):
        services.catalogue_row_save(actor=request.user, row=obj)


VALIDITY = ("valid_from", "valid_to")


@admin.register(models.LegalDocument)
class LegalDocumentAdmin(CatalogueAdmin):
    list_display = ("code", "number", "title", "issued_on", "verification")
    list_filter = ("needs_verification",)
    search_fields = ("code", "number", "title")


@admin.register(models.Regime)
class RegimeAdmin(CatalogueAdmin):
    list_display = ("code", "name", *VALIDITY, "active", "verification")
    list_filter = ("active", "needs_verification")
    filter_horizontal = ("documents",)


@admin.register(models.AwardType)
class AwardTypeAdmin(CatalogueAdmin):
    list_display = ("code", "name", "kind", "rank", "periodicity", "evaluated", "proposal_only", "legal_basis", "verification")
    list_filter = ("kind", "periodicity", "evaluated", "proposal_only", "needs_verification")
    search_fields = ("code", "name", "short_name")


@admin.register(models.Coefficient)
class CoefficientAdmin(CatalogueAdmin):
    list_display = ("award", "subject_kind", "issuer", "value", *VALIDITY, "legal_basis", "verification")
    list_filter = ("subject_kind", "needs_verification", "award")
    list_select_related = ("award",)


@admin.register(models.SubjectMultiplier)
class SubjectMultiplierAdmin(CatalogueAdmin):
    list_display = ("subject_kind", "value", *VALIDITY, "legal_basis", "verification")
    list_filter = ("subject_kind", "needs_verification")


@admin.register(models.BaseSalary)
class BaseSalaryAdmin(CatalogueAdmin):
    list_display = ("amount", *VALIDITY, "legal_basis", "verification")
    list_filter = ("needs_verification",)


@admin.register(models.DecidingAuthority)
class DecidingAuthorityAdmin(CatalogueAdmin):
    list_display = ("award", "authority", *VALIDITY, "verification")
    list_filter = ("needs_verification", "award")
    list_select_related = ("award",)


@admin.register(models.CouncilVotingRule)
class CouncilVotingRuleAdmin(CatalogueAdmin):
    list_display = ("award", "unit", "threshold_percent", "strictly_greater", "base", "secret_default", "quorum", *VALIDITY, "verification")
    list_filter = ("base", "secret_default", "needs_verification", "unit")
    list_select_related = ("award",)

    @admin.display(description=_("Túc số"))
    def quorum(self, obj):
        return f"{obj.quorum_numerator}/{obj.quorum_denominator}"


@admin.register(models.Setting)
class SettingAdmin(CatalogueAdmin):
    list_display = ("key", "value", "regime", *VALIDITY, "local_option", "legal_basis", "verification")
    list_filter = ("local_option", "needs_verification", "regime")
    search_fields = ("key", "description")
    list_select_related = ("regime",)
