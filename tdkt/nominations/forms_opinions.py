"""Forms of the agency opinions and holds (the services check again)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.core.uploads import AttachmentField
from tdkt.law import vocabulary as vocab
from tdkt.org.edit_forms import _date, _Styled

from .models_opinions import OpinionAnswer
from .opinions import SCAN_KINDS, award_name

REQUIRED = {"required": _("Vui lòng điền mục này.")}


def nominee_label(nominee) -> str:
    """A nominee as a choice: the name and the proposed award (one person may be proposed for two awards in a dossier)."""
    return f"{nominee.name} — {award_name(nominee.award_code)}"


class RadioList(forms.RadioSelect):
    """Radio buttons one per line, each with its label (Bootstrap's .form-check)."""

    template_name = "nominations/widgets/choices.html"


class CheckList(forms.CheckboxSelectMultiple):
    """Check boxes one per line, each with its label (Bootstrap's .form-check)."""

    template_name = "nominations/widgets/choices.html"


class OpinionRequestForm(_Styled):
    nominees = forms.ModelMultipleChoiceField(label=_("Người, tập thể cần lấy ý kiến"), queryset=None,
                                              widget=CheckList, error_messages={
                                                  "required": _("Hãy chọn ít nhất một người, tập thể."),
                                                  "invalid_choice": _("Người, tập thể không thuộc hồ sơ."),
                                                  "invalid_pk_value": _("Người, tập thể không thuộc hồ sơ.")})
    agency_kind = forms.ChoiceField(label=_("Loại cơ quan"), choices=(), error_messages={
        **REQUIRED, "invalid_choice": _("Loại cơ quan không hợp lệ.")})
    addressee = forms.ModelChoiceField(label=_("Cơ quan được lấy ý kiến"), queryset=None, error_messages={
        **REQUIRED, "invalid_choice": _("Cơ quan không hợp lệ.")},
        help_text=_("Cơ quan có tài khoản hiệp y trả lời ngay trên hệ thống; cơ quan trả lời bằng văn bản giấy thì chuyên viên "
                    "ghi nhận kèm bản quét."))
    question = forms.CharField(label=_("Nội dung đề nghị cho ý kiến"), required=False, max_length=2000,
                               widget=forms.Textarea(attrs={"rows": 3}),
                               help_text=_("Ví dụ: đề nghị xác nhận việc chấp hành pháp luật, an ninh trật tự nơi cư trú."))

    def __init__(self, *args, nominees, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominees"].queryset = nominees
        self.fields["nominees"].label_from_instance = nominee_label
        self.fields["nominees"].widget.attrs["class"] = "form-check-input"
        self.fields["addressee"].queryset = agencies
        self.fields["agency_kind"].choices = [("", "—"), *vocab.OpinionAgency.choices]


def _answer_field():
    return forms.ChoiceField(label=_("Ý kiến"), choices=OpinionAnswer.choices, widget=RadioList, error_messages={
        "required": _("Hãy chọn ý kiến: đồng ý hoặc không đồng ý."), "invalid_choice": _("Ý kiến không hợp lệ.")})


class OpinionAnswerForm(_Styled):
    answer = _answer_field()
    text = forms.CharField(label=_("Nội dung trả lời"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4}),
                           help_text=_("Bắt buộc khi không đồng ý: ghi rõ vi phạm hoặc vụ việc đang xem xét."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].widget.attrs["class"] = "form-check-input"


class PaperReplyForm(OpinionAnswerForm):
    reference = forms.CharField(label=_("Số, ký hiệu văn bản trả lời"), required=False, max_length=100)
    answered_on = _date(_("Ngày của văn bản trả lời"), required=True)
    scan = AttachmentField(label=_("Bản quét văn bản trả lời"), allowed=SCAN_KINDS,
                           error_messages={"required": _("Hãy đính kèm bản quét văn bản trả lời.")})


class ReasonRequiredForm(_Styled):
    reason = forms.CharField(label=_("Lý do"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": _("Hãy ghi lý do.")})


class HoldForm(_Styled):
    nominee = forms.ModelChoiceField(label=_("Người, tập thể"), queryset=None, error_messages={
        **REQUIRED, "invalid_choice": _("Người, tập thể không thuộc hồ sơ.")})
    kind = forms.ChoiceField(label=_("Loại vụ việc"), choices=(), error_messages={
        **REQUIRED, "invalid_choice": _("Loại vụ việc không hợp lệ.")})
    reason = forms.CharField(label=_("Nội dung vụ việc"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages=REQUIRED)
    source = forms.CharField(label=_("Nguồn"), max_length=255, error_messages=REQUIRED,
                             help_text=_("Đơn thư, văn bản hoặc cơ quan thông báo (ví dụ: Thanh tra phường, công văn số 12/TTr)."))
    start = _date(_("Từ ngày"), required=True)
    end = _date(_("Đến ngày (dự kiến)"), help_text=_("Để trống nếu chưa biết; vụ việc hết tác dụng khi được chấm dứt hoặc qua ngày này."))

    def __init__(self, *args, nominees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominee"].queryset = nominees
        self.fields["nominee"].label_from_instance = nominee_label
        self.fields["kind"].choices = [("", "—"), *vocab.HoldKind.choices]

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return data
