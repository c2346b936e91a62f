"""Forms of the plan screens (the services check again; every message in Vietnamese)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.core.uploads import AttachmentField
from tdkt.org.edit_forms import _date, _Styled

from .models import CouncilItemKind, TaskStatus
from .services import EVIDENCE_KINDS

SOURCES = (("blank", _("Kế hoạch trống")), ("last_year", _("Sao chép từ kế hoạch năm trước của cấp mình")),
           ("higher", _("Sao chép từ kế hoạch cấp trên (kế hoạch mới thực hiện kế hoạch cấp trên)")))


class CreateForm(_Styled):
    issuer = forms.ModelChoiceField(label=_("Cấp ban hành"), queryset=None, error_messages={
        "required": _("Hãy chọn cấp ban hành."), "invalid_choice": _("Cấp ban hành không hợp lệ.")})
    year = forms.IntegerField(label=_("Năm kế hoạch"), min_value=2000, max_value=2100, error_messages={
        "required": _("Hãy nhập năm kế hoạch."), "invalid": _("Năm phải là một số."), "min_value": _("Năm không hợp lệ."),
        "max_value": _("Năm không hợp lệ.")})
    source = forms.ChoiceField(label=_("Cách lập"), choices=SOURCES, initial="blank",
                               error_messages={"invalid_choice": _("Cách lập không hợp lệ.")})

    def __init__(self, *args, issuers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = issuers


class HeaderForm(_Styled):
    title = forms.CharField(label=_("Trích yếu"), max_length=500, error_messages={"required": _("Trích yếu không được để trống.")})
    symbol = forms.CharField(label=_("Ký hiệu"), max_length=40, error_messages={"required": _("Ký hiệu không được để trống.")})
    place = forms.CharField(label=_("Địa danh"), max_length=120, required=False)
    period_start = _date(_("Thực hiện từ ngày"), required=True)
    period_end = _date(_("Đến ngày"), required=True)
    grounds = forms.CharField(label=_("Căn cứ (mỗi dòng một đoạn)"), widget=forms.Textarea(attrs={"rows": 3}), max_length=8000, required=False)
    preamble = forms.CharField(label=_("Phần mở đầu"), widget=forms.Textarea(attrs={"rows": 5}), max_length=20000, required=False)
    closing = forms.CharField(label=_("Phần kết"), widget=forms.Textarea(attrs={"rows": 3}), max_length=20000, required=False)
    receivers = forms.CharField(label=_("Nơi nhận (mỗi dòng một nơi)"), widget=forms.Textarea(attrs={"rows": 4}), max_length=8000,
                                required=False)
    signer_authority = forms.CharField(label=_("Thẩm quyền ký"), max_length=120, required=False)
    signer_title = forms.CharField(label=_("Chức danh người ký"), max_length=120,
                                   error_messages={"required": _("Chức danh người ký không được để trống.")})
    signer_name = forms.CharField(label=_("Họ tên người ký"), max_length=120, required=False)

    def clean_grounds(self):
        return [x.strip() for x in self.cleaned_data["grounds"].splitlines() if x.strip()]

    def clean_receivers(self):
        return [x.strip() for x in self.cleaned_data["receivers"].splitlines() if x.strip()]


class SectionForm(_Styled):
    title = forms.CharField(label=_("Tiêu đề"), max_length=500, required=False)
    body = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 4}), max_length=20000, required=False)


class TaskForm(_Styled):
    title = forms.CharField(label=_("Nhiệm vụ"), max_length=1000, error_messages={"required": _("Hãy nhập nhiệm vụ.")})
    lead_unit = forms.ModelChoiceField(label=_("Đơn vị chủ trì (trong hệ thống)"), queryset=None, required=False,
                                       error_messages={"invalid_choice": _("Đơn vị chủ trì không hợp lệ.")})
    lead_name = forms.CharField(label=_("Hoặc tên đơn vị chủ trì"), max_length=255, required=False)
    coordinating = forms.CharField(label=_("Đơn vị phối hợp"), max_length=1000, required=False)
    starts_on = _date(_("Bắt đầu"))
    due_on = _date(_("Thời hạn hoàn thành"))
    period = forms.CharField(label=_("Thời gian thực hiện"), max_length=120, required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_unit"].queryset = units


class ProgressForm(_Styled):
    status = forms.ChoiceField(label=_("Trạng thái"), choices=TaskStatus.choices,
                               error_messages={"required": _("Hãy chọn trạng thái."), "invalid_choice": _("Trạng thái không hợp lệ.")})
    note = forms.CharField(label=_("Kết quả, tiến độ thực hiện"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000,
                           error_messages={"required": _("Hãy ghi kết quả, tiến độ thực hiện.")})
    evidence = AttachmentField(label=_("Minh chứng"), allowed=EVIDENCE_KINDS, required=False)


class CouncilItemForm(_Styled):
    month = forms.IntegerField(label=_("Tháng"), min_value=1, max_value=12, error_messages={
        "required": _("Hãy nhập tháng."), "invalid": _("Tháng phải là một số."), "min_value": _("Tháng từ 1 đến 12."),
        "max_value": _("Tháng từ 1 đến 12.")})
    kind = forms.ChoiceField(label=_("Loại công việc"), choices=CouncilItemKind.choices,
                             error_messages={"invalid_choice": _("Loại công việc không hợp lệ.")})
    title = forms.CharField(label=_("Nội dung"), max_length=1000, error_messages={"required": _("Hãy nhập nội dung công việc.")})
    in_charge = forms.CharField(label=_("Thành viên, cơ quan phụ trách"), max_length=500,
                                error_messages={"required": _("Hãy nhập thành viên hoặc cơ quan phụ trách.")})


class IssueForm(_Styled):
    number = forms.IntegerField(label=_("Số"), min_value=1, error_messages={
        "required": _("Hãy nhập số kế hoạch."), "invalid": _("Số phải là số nguyên."), "min_value": _("Số phải lớn hơn 0.")})
    issued_on = _date(_("Ngày ban hành"), required=True)
