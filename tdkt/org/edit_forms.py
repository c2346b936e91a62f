"""Forms of the people editing pages (a new person, their details, a move to another unit of one's scope).

The forms check what a form can (required fields, formats, a name that is a name); the services check the rest
(the rules of the law and of the data) and their DomainError is shown on the form."""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.core.errors import DomainError

from . import services
from .forms import UnitChoiceField
from .models import Gender

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def clean_name(value: str) -> str:
    """The services' rule for a person's name (`services.clean_full_name`), its DomainError as the field's error."""
    try:
        return services.clean_full_name(value)
    except DomainError as exc:
        raise forms.ValidationError(exc.message) from exc


class DateInput(forms.DateInput):
    """A date typed as dd/mm/yyyy (as Vietnamese write it, whatever the browser's language)."""

    def __init__(self, **kwargs):
        super().__init__(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"}, **kwargs)


_DMY = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


class VnDateField(forms.DateField):
    """dd/mm/yyyy (or ISO yyyy-mm-dd); a date that does not exist (31/02/1990) is told apart from a bad format."""

    def to_python(self, value):
        if isinstance(value, str):
            match = _DMY.match(value)
            if match:
                day, month, year = (int(g) for g in match.groups())
                try:
                    return dt.date(year, month, day)
                except ValueError:
                    raise forms.ValidationError(_("%(value)s không phải là ngày có thật.") % {"value": value.strip()},
                                                code="invalid") from None
        return super().to_python(value)


def _date(label, required=False, help_text=""):
    return VnDateField(label=label, required=required, input_formats=DATE_FORMATS, widget=DateInput(), help_text=help_text,
                       error_messages={"invalid": _("Ngày không hợp lệ (nhập theo dạng ngày/tháng/năm, ví dụ 20/04/1995)."),
                                       "required": _("Vui lòng nhập ngày.")})


class _Styled(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs["class"] = "form-check-input"
            elif isinstance(widget, forms.Select):
                widget.attrs["class"] = "form-select"
            else:
                widget.attrs["class"] = "form-control"


class PersonForm(_Styled):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150, error_messages={"required": _("Vui lòng nhập họ và tên.")})
    gender = forms.ChoiceField(label=_("Giới tính"), choices=[("", "—"), *Gender.choices],
                               error_messages={"required": _("Vui lòng chọn giới tính."), "invalid_choice": _("Giới tính phải là Nam hoặc Nữ.")})
    date_of_birth = _date(_("Ngày sinh"))
    citizen_id = forms.CharField(label=_("Số CCCD"), max_length=20, required=False, help_text=_("12 chữ số."))
    position = forms.CharField(label=_("Chức vụ"), max_length=150, required=False)
    is_leader = forms.BooleanField(label=_("Là lãnh đạo, quản lý"), required=False)
    is_direct_worker = forms.BooleanField(label=_("Trực tiếp lao động, sản xuất, công tác"), required=False)
    joined_on = _date(_("Ngày tuyển dụng"))
    service_start = _date(_("Ngày bắt đầu công tác liên tục"),
                          help_text=_("Kể cả thời gian hợp đồng lao động tại cơ quan trước khi tuyển dụng; để trống nếu như ngày "
                                      "tuyển dụng."))

    def clean_full_name(self):
        return clean_name(self.cleaned_data["full_name"])


class PersonCreateForm(PersonForm):
    unit = UnitChoiceField(label=_("Đơn vị công tác"), queryset=None, empty_label="—",
                           error_messages={"required": _("Vui lòng chọn đơn vị công tác."),
                                           "invalid_choice": _("Đơn vị không thuộc phạm vi của bạn.")})
    start = _date(_("Bắt đầu công tác tại đơn vị từ ngày"), help_text=_("Để trống: ngày tuyển dụng, hoặc hôm nay."))
    field_order = ["full_name", "gender", "date_of_birth", "citizen_id", "unit", "position", "is_leader", "is_direct_worker",
                   "joined_on", "service_start", "start"]

    def __init__(self, *args, units, under=None, **kwargs):
        """units: the valid choices; under: a unit whose subtree alone is listed (the page opened from a unit's page)."""
        super().__init__(*args, **kwargs)
        shown = units.filter(path__startswith=under.path) if under is not None else None
        self.fields["unit"].set_units(units, shown=shown)


class PersonMoveForm(_Styled):
    unit = UnitChoiceField(label=_("Chuyển đến đơn vị"), queryset=None, empty_label="—",
                           error_messages={"required": _("Vui lòng chọn đơn vị chuyển đến."),
                                           "invalid_choice": _("Đơn vị không thuộc phạm vi của bạn.")})
    on = _date(_("Từ ngày"), required=True)
    position = forms.CharField(label=_("Chức vụ tại đơn vị mới"), max_length=150, required=False,
                               help_text=_("Để trống: giữ chức vụ hiện tại."))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].set_units(units)
