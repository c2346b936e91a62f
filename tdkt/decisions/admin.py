"""Admin of the numbering settings of the issuers (core.IssuerNumbering), here because the issuer is a unit of `org`
(core sits below it): the abbreviation in the ký hiệu ("UBND" in "05/QĐ-UBND") and the scheme, set through
`core.numbering.numbering_profile_set` (audited, permission core.change_numbering)."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tdkt.core.admin import ServiceAdmin
from tdkt.core.models import IssuerNumbering, NumberingScheme
from tdkt.core.numbering import numbering_profile_set
from tdkt.org.models import Unit


class IssuerNumberingForm(forms.ModelForm):
    unit = forms.ModelChoiceField(label=_("Cơ quan ban hành (đơn vị)"), queryset=Unit.objects.filter(valid_to__isnull=True).order_by("path"),
                                  error_messages={"required": _("Hãy chọn đơn vị."), "invalid_choice": _("Đơn vị không hợp lệ.")})

    class Meta:
        model = IssuerNumbering
        fields = ["abbreviation", "scheme"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.issuer_type == Unit._meta.label_lower:
            self.fields["unit"].initial = Unit.objects.filter(pk=self.instance.issuer_id).first()
            self.fields["unit"].disabled = True


@admin.register(IssuerNumbering)
class IssuerNumberingAdmin(ServiceAdmin):
    form = IssuerNumberingForm
    fields = ["unit", "abbreviation", "scheme"]
    list_display = ["issuer_name", "abbreviation", "scheme", "updated_at"]
    list_filter = ["scheme"]
    search_fields = ["issuer_name", "abbreviation"]

    def run_service(self, request, obj, cleaned, changed):
        unit = cleaned.get("unit") or (Unit.objects.filter(pk=obj.issuer_id).first() if obj is not None else None)
        return numbering_profile_set(actor=request.user, issuer=unit, abbreviation=cleaned["abbreviation"],
                                     scheme=cleaned.get("scheme") or NumberingScheme.PER_TYPE)
