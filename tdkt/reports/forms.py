from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tdkt.law.vocabulary import Verdict
from tdkt.org.forms import UnitChoiceField


def _last_year() -> int:
    return timezone.localdate().year - 1


class BatchStartForm(forms.Form):
    unit = UnitChoiceField(
        label=_("Đơn vị"), queryset=None, empty_label=None,
        error_messages={"invalid_choice": _("Đơn vị không thuộc phạm vi được giao."), "required": _("Hãy chọn đơn vị.")},
    )
    year = forms.TypedChoiceField(label=_("Năm xét"), coerce=int, choices=())

    def __init__(self, *args, units, **kwargs):
        """units: a queryset of the units the user may run a batch over."""
        super().__init__(*args, **kwargs)
        self.fields["unit"].set_units(units.filter(valid_to__isnull=True))
        top = timezone.localdate().year
        self.fields["year"].choices = [(y, y) for y in range(top, top - 11, -1)]
        self.fields["year"].initial = _last_year()
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"


class RowFilterForm(forms.Form):
    code = forms.ChoiceField(label=_("Danh hiệu"), required=False, choices=())
    verdict = forms.ChoiceField(label=_("Kết quả"), required=False, choices=[("", _("Tất cả kết quả")), *Verdict.choices])

    def __init__(self, *args, titles: dict[str, str], **kwargs):
        """titles: code → name of the run's titles."""
        super().__init__(*args, **kwargs)
        self.fields["code"].choices = [("", _("Tất cả danh hiệu")), *titles.items()]
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select form-select-sm"

    def values(self) -> tuple[str, str]:
        if self.is_valid():
            return self.cleaned_data["code"], self.cleaned_data["verdict"]
        return "", ""
