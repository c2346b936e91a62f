"""Forms of the council screens (the services check again)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.core.uploads import AttachmentField
from tdkt.org.edit_forms import _date, _Styled

from .services import SCAN_KINDS

REQUIRED = {"required": _("Vui lòng điền mục này.")}


class SessionForm(_Styled):
    council = forms.ModelChoiceField(label=_("Hội đồng"), queryset=None, error_messages={
        **REQUIRED, "invalid_choice": _("Hội đồng không hợp lệ hoặc không thuộc phạm vi của bạn.")})
    title = forms.CharField(label=_("Tên phiên họp"), max_length=255, error_messages=REQUIRED,
                            help_text=_("Ví dụ: Phiên họp xét khen thưởng tổng kết năm 2025"))
    held_on = _date(_("Ngày họp"), required=True)
    place = forms.CharField(label=_("Địa điểm"), max_length=255, required=False)
    open_ballot = forms.BooleanField(label=_("Biểu quyết công khai (không bỏ phiếu kín)"), required=False,
                                     help_text=_("Mặc định bỏ phiếu kín theo danh mục; chỉ chọn khi Hội đồng quyết định biểu quyết công khai."))

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils
        only = list(councils[:2])
        if len(only) == 1:  # the secretary of one council: nothing to choose
            self.fields["council"].initial = only[0].pk
        self.fields["open_ballot"].widget.attrs["class"] = "form-check-input"


class PaperTallyForm(forms.Form):
    """The tally sheet's counts (one pair of fields per item) and its scan."""

    scan = AttachmentField(label=_("Bản quét biên bản kiểm phiếu"), allowed=SCAN_KINDS,
                           error_messages={"required": _("Hãy đính kèm bản quét biên bản kiểm phiếu.")})

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        self.fields["scan"].widget.attrs["class"] = "form-control"
        for item in items:
            for name, label in (("agree", _("Đồng ý")), ("disagree", _("Không đồng ý"))):
                self.fields[f"{name}_{item.pk}"] = forms.IntegerField(
                    label=label, min_value=0, max_value=999, widget=forms.NumberInput(attrs={"class": "form-control", "inputmode": "numeric"}),
                    error_messages={"required": _("Vui lòng nhập số phiếu."), "invalid": _("Số phiếu phải là số nguyên."),
                                    "min_value": _("Số phiếu không được là số âm.")})

    def rows(self):
        return [(item, self[f"agree_{item.pk}"], self[f"disagree_{item.pk}"]) for item in self.items]

    def counts(self) -> dict:
        return {item.pk: (self.cleaned_data[f"agree_{item.pk}"], self.cleaned_data[f"disagree_{item.pk}"]) for item in self.items}
