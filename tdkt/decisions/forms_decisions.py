"""Forms of the decision screens (the services check again; every message in Vietnamese)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.org.edit_forms import _date, _Styled
from tdkt.records.catalogue import award_label

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


class AmendmentForm(CorrectionForm):
    """"Sửa đổi, bổ sung quyết định": the reason and the date of the amendment."""
    reason = forms.CharField(label=_("Lý do sửa đổi, bổ sung"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": _("Phải ghi lý do sửa đổi, bổ sung quyết định.")})


def _line_choice(line) -> str:
    return f"{line.position}. {line.name} — {award_label(line.award_code)} năm {line.year}"


class ReplaceLineForm(_Styled):
    """"Sửa đổi dòng": a line of the amended decision still in force, the corrected award and year."""
    mode = forms.CharField(widget=forms.HiddenInput, initial="replace")
    replaces = forms.TypedChoiceField(label=_("Dòng cần sửa đổi"), coerce=int,
                                      error_messages={"required": _("Hãy chọn dòng cần sửa đổi."),
                                                      "invalid_choice": _("Dòng này không còn sửa đổi được.")})
    award_code = forms.ChoiceField(label=_("Danh hiệu, hình thức đúng"), error_messages={
        "required": _("Hãy chọn danh hiệu, hình thức khen thưởng."), "invalid_choice": _("Danh hiệu, hình thức không hợp lệ.")})
    year = forms.IntegerField(label=_("Năm thành tích đúng"), error_messages={
        "required": _("Hãy nhập năm thành tích."), "invalid": _("Năm thành tích phải là một số.")})
    achievement = forms.CharField(label=_("Thành tích"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                  help_text=_("Để trống: giữ thành tích của dòng cũ."))

    def __init__(self, *args, lines=(), awards=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["replaces"].choices = [("", _("— Chọn dòng —")), *((line.pk, _line_choice(line)) for line in lines)]
        self.fields["award_code"].choices = [("", _("— Chọn danh hiệu, hình thức —")), *awards]


class SupplementForm(_Styled):
    """"Bổ sung": a nominee of the amended decision's session who passed but is not in it."""
    mode = forms.CharField(widget=forms.HiddenInput, initial="supplement")
    nominee = forms.TypedChoiceField(label=_("Người, tập thể được bổ sung"), coerce=int,
                                     error_messages={"required": _("Hãy chọn người, tập thể được bổ sung."),
                                                     "invalid_choice": _("Người, tập thể này không còn bổ sung được.")})
    achievement = forms.CharField(label=_("Thành tích"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                  help_text=_("Để trống: thành tích trong hồ sơ đề nghị."))

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominee"].choices = [("", _("— Chọn người, tập thể —")), *(
            (c["nominee"].pk, f"{c['nominee'].name} — {award_label(c['nominee'].award_code)} năm {c['year']}") for c in candidates)]
