"""Forms of the decision screens (the services check again; every message in Vietnamese)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.org.edit_forms import _date, _Styled

REQUIRED = {"required": _("Vui lòng điền mục này.")}


class DraftForm(_Styled):
    decided_on = _date(_("Ngày quyết định"), required=True)


class HeaderForm(_Styled):
    title = forms.CharField(label=_("Trích yếu"), max_length=500, error_messages={"required": _("Trích yếu không được để trống.")})
    decided_on = _date(_("Ngày quyết định"), required=True)
    grounds = forms.CharField(label=_("Căn cứ (mỗi dòng một căn cứ)"), widget=forms.Textarea(attrs={"rows": 6}), max_length=8000,
                              error_messages={"required": _("Quyết định phải có ít nhất một căn cứ.")})
    signer_title = forms.CharField(label=_("Chức danh người ký"), max_length=120, required=False)
    signer_name = forms.CharField(label=_("Họ tên người ký"), max_length=120, required=False,
                                  help_text=_("Để trống: họ tên của người ký ban hành."))

    def clean_grounds(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["grounds"].splitlines() if line.strip()]
        if not lines:
            raise forms.ValidationError(_("Quyết định phải có ít nhất một căn cứ."))
        return lines


class ReasonForm(_Styled):
    reason = forms.CharField(label=_("Lý do"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": _("Hãy ghi lý do.")})


class SignForm(_Styled):
    confirm = forms.BooleanField(label=_("Tôi xác nhận ký ban hành quyết định này"), error_messages={
        "required": _("Hãy đánh dấu xác nhận trước khi ký ban hành.")})


class CorrectionForm(_Styled):
    """A cancellation of a whole decision or the revocation of one award (Điều 93): the reason and the date."""
    reason = forms.CharField(label=_("Lý do"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": _("Phải ghi lý do hủy bỏ.")})
    decided_on = _date(_("Ngày quyết định"), required=True)
