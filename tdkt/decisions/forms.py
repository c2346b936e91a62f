"""Forms of the forwarding and exchange screens (the services check again)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.org.edit_forms import _Styled
from tdkt.records.catalogue import award_label

REQUIRED = {"required": _("Vui lòng điền mục này.")}


class ForwardForm(_Styled):
    target_round = forms.ModelChoiceField(label=_("Đợt xét của cấp trên"), queryset=None, error_messages={
        **REQUIRED, "invalid_choice": _("Đợt xét không hợp lệ.")})
    nominees = forms.ModelMultipleChoiceField(label=_("Người, tập thể chuyển lên cấp trên"), queryset=None,
                                              widget=forms.CheckboxSelectMultiple, error_messages={
                                                  "required": _("Hãy chọn ít nhất một người, tập thể để chuyển lên cấp trên."),
                                                  "invalid_choice": _("Người, tập thể không có trong hồ sơ."),
                                                  "invalid_pk_value": _("Người, tập thể không có trong hồ sơ.")})

    def __init__(self, *args, rounds, nominees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_round"].queryset = rounds
        self.fields["target_round"].label_from_instance = lambda r: f"{r.office_unit.name} — {r.title}"
        self.fields["nominees"].queryset = nominees
        self.fields["nominees"].label_from_instance = lambda n: f"{n.name} — {award_label(n.award_code)}"
        self.fields["nominees"].widget.attrs["class"] = "form-check-input"


class ImportForm(_Styled):
    package = forms.FileField(label=_("Gói hồ sơ (.zip)"), error_messages={
        "required": _("Hãy chọn tệp gói hồ sơ (.zip)."), "empty": _("Tệp gói hồ sơ rỗng.")})
    unit = forms.ModelChoiceField(label=_("Đơn vị đề nghị"), queryset=None, required=False,
                                  help_text=_("Để trống: hệ thống tìm đơn vị gửi theo mã hành chính, mã đơn vị trong gói."),
                                  error_messages={"invalid_choice": _("Đơn vị không hợp lệ.")})

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
