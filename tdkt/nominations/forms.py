"""Forms of the nominations screens (the services check again)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tdkt.core.uploads import AttachmentField
from tdkt.core.widgets import FastSelect
from tdkt.law import vocabulary as vocab
from tdkt.law.catalogue import load_catalogue
from tdkt.org.edit_forms import _date, _Styled

REQUIRED = {"required": _("Vui lòng điền mục này.")}


class UnitCheckboxes(forms.CheckboxSelectMultiple):
    """The units to invite, as check boxes in a box that scrolls, with a filter by name."""

    template_name = "nominations/widgets/unit_checkboxes.html"

    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "form-check-input", **(attrs or {})}, choices)


class RoundForm(_Styled):
    office_unit = forms.ModelChoiceField(label=_("Cấp tổ chức xét"), queryset=None, error_messages={
        **REQUIRED, "invalid_choice": _("Đơn vị không hợp lệ.")})
    title = forms.CharField(label=_("Tên đợt xét"), max_length=255, error_messages=REQUIRED,
                            help_text=_("Ví dụ: Khen thưởng tổng kết năm 2025"))
    kind = forms.ChoiceField(label=_("Loại đợt xét"), choices=(), error_messages={**REQUIRED, "invalid_choice": _("Loại đợt xét không hợp lệ.")})
    year = forms.TypedChoiceField(label=_("Năm thành tích"), coerce=int, choices=(), error_messages={
        **REQUIRED, "invalid_choice": _("Năm không hợp lệ.")})
    awards = forms.MultipleChoiceField(label=_("Danh hiệu, hình thức được đề nghị"), choices=(), widget=forms.CheckboxSelectMultiple,
                                       error_messages={"required": _("Hãy chọn ít nhất một danh hiệu, hình thức."),
                                                       "invalid_choice": _("Danh hiệu không có trong danh mục.")})
    intake_from = _date(_("Nhận hồ sơ từ ngày"), required=True)
    intake_to = _date(_("Hạn nộp hồ sơ"), required=True)
    invited = forms.ModelMultipleChoiceField(
        label=_("Đơn vị được đề nghị"), queryset=None, required=False, widget=UnitCheckboxes,
        help_text=_("Để trống: mọi đơn vị thuộc cấp tổ chức xét được lập hồ sơ. Nếu chọn, chỉ các đơn vị này (và đơn vị trực thuộc) được lập hồ sơ."),
        error_messages={"invalid_choice": _("Đơn vị không thuộc phạm vi của bạn."), "invalid_pk_value": _("Đơn vị không hợp lệ.")})

    def __init__(self, *args, units, invitable=None, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["office_unit"].queryset = units
        self.fields["invited"].queryset = invitable if invitable is not None else units
        self.fields["invited"].widget.attrs["class"] = "form-check-input"
        self.fields["kind"].choices = [(c, vocab.label(vocab.RoundKind, c)) for c in vocab.RoundKind.values]
        self.fields["year"].choices = [(y, str(y)) for y in range(today.year, today.year - 6, -1)]
        self.fields["awards"].choices = [(a.code, a.name) for a in sorted(load_catalogue().awards.values(), key=lambda a: (a.rank, a.code))]
        self.fields["awards"].widget.attrs["class"] = "form-check-input"

    def clean(self):
        data = super().clean()
        if data.get("intake_from") and data.get("intake_to") and data["intake_to"] < data["intake_from"]:
            self.add_error("intake_to", _("Hạn nộp hồ sơ phải sau ngày bắt đầu nhận hồ sơ."))
        return data


class InviteForm(_Styled):
    """The units a round invites (its edit page)."""

    invited = forms.ModelMultipleChoiceField(
        label=_("Đơn vị được đề nghị"), queryset=None, required=False, widget=UnitCheckboxes,
        help_text=_("Để trống: mọi đơn vị thuộc cấp tổ chức xét được lập hồ sơ."),
        error_messages={"invalid_choice": _("Đơn vị không thuộc cấp tổ chức xét."), "invalid_pk_value": _("Đơn vị không hợp lệ.")})

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["invited"].queryset = units
        self.fields["invited"].widget.attrs["class"] = "form-check-input"


class DossierForm(_Styled):
    unit = forms.ModelChoiceField(label=_("Đơn vị đề nghị"), queryset=None, error_messages={
        **REQUIRED, "invalid_choice": _("Đơn vị không hợp lệ.")})
    title = forms.CharField(label=_("Trích yếu"), max_length=255, required=False,
                            help_text=_("Để trống: “Đề nghị khen thưởng — tên đợt xét — tên đơn vị”."))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class NomineeForm(_Styled):
    person = forms.ModelChoiceField(label=_("Cá nhân"), queryset=None, required=False,
                                    error_messages={"invalid_choice": _("Cá nhân không thuộc đơn vị đề nghị.")})
    unit = forms.ModelChoiceField(label=_("Hoặc tập thể"), queryset=None, required=False,
                                  error_messages={"invalid_choice": _("Tập thể không thuộc đơn vị đề nghị.")})
    award_code = forms.ChoiceField(label=_("Danh hiệu, hình thức đề nghị"), choices=(), error_messages={
        **REQUIRED, "invalid_choice": _("Đợt xét không xét danh hiệu, hình thức này.")})
    summary = forms.CharField(label=_("Tóm tắt thành tích"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))
    justification = forms.CharField(label=_("Lý do đề nghị (khi chưa đủ điều kiện)"), required=False, max_length=4000,
                                    widget=forms.Textarea(attrs={"rows": 2}),
                                    help_text=_("Bắt buộc trước khi gửi hồ sơ nếu hệ thống xét là chưa đủ điều kiện; chuyên viên thẩm định sẽ đọc."))

    def __init__(self, *args, people, units, awards, **kwargs):
        super().__init__(*args, **kwargs)
        names = {code: a.name for code, a in load_catalogue().awards.items()}
        self.fields["person"].queryset = people
        self.fields["person"].label_from_instance = lambda p: f"{p.full_name} — {p.unit.name if p.unit else ''}"
        self.fields["unit"].queryset = units
        self.fields["award_code"].choices = [("", "—"), *((c, names.get(c, c)) for c in awards)]

    def clean(self):
        data = super().clean()
        if not data.get("person") and not data.get("unit"):
            raise forms.ValidationError(_("Hãy chọn một cá nhân hoặc một tập thể."))
        if data.get("person") and data.get("unit"):
            raise forms.ValidationError(_("Chỉ chọn một cá nhân hoặc một tập thể cho mỗi lần thêm."))
        return data


class HouseholdNomineeForm(_Styled):
    """A household of the dossier's unit (grouped by village) for one of the round's awards given to households."""

    subject = forms.CharField(widget=forms.HiddenInput, initial="household", required=False)
    household = forms.TypedChoiceField(label=_("Hộ gia đình"), coerce=int, choices=(), widget=FastSelect, error_messages={
        "required": _("Hãy chọn một hộ gia đình."), "invalid_choice": _("Hộ gia đình không thuộc đơn vị đề nghị.")})
    award_code = forms.ChoiceField(label=_("Danh hiệu, hình thức đề nghị"), choices=(), error_messages={
        **REQUIRED, "invalid_choice": _("Đợt xét không xét danh hiệu, hình thức này cho hộ gia đình.")})
    summary = forms.CharField(label=_("Tóm tắt thành tích"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))
    justification = forms.CharField(label=_("Lý do đề nghị (khi chưa đủ điều kiện)"), required=False, max_length=4000,
                                    widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, households, awards, **kwargs):
        super().__init__(*args, **kwargs)
        groups: dict[str, list] = {}
        for h in households:
            label = f"{h} — {h.address}" if h.address else str(h)
            groups.setdefault(h.village.name, []).append((h.pk, label))
        self.fields["household"].choices = [("", "—"), *groups.items()]
        names = {code: a.name for code, a in load_catalogue().awards.items()}
        self.fields["award_code"].choices = [("", "—"), *((c, names.get(c, c)) for c in awards)]


class NomineeEditForm(_Styled):
    summary = forms.CharField(label=_("Tóm tắt thành tích"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))
    justification = forms.CharField(label=_("Lý do đề nghị (khi chưa đủ điều kiện)"), required=False, max_length=4000,
                                    widget=forms.Textarea(attrs={"rows": 2}))


class FromBatchForm(_Styled):
    run = forms.ModelChoiceField(label=_("Lượt xét điều kiện hàng loạt"), queryset=None, error_messages={
        **REQUIRED, "invalid_choice": _("Lượt xét không hợp lệ.")})
    award_code = forms.ChoiceField(label=_("Danh hiệu, hình thức"), choices=(), error_messages={
        **REQUIRED, "invalid_choice": _("Đợt xét không xét danh hiệu, hình thức này.")})

    def __init__(self, *args, runs, awards, **kwargs):
        super().__init__(*args, **kwargs)
        names = {code: a.name for code, a in load_catalogue().awards.items()}
        self.fields["run"].queryset = runs
        latest = runs.first()
        if latest is not None:
            self.fields["run"].initial = latest.pk
            self.fields["run"].empty_label = None
        self.fields["run"].label_from_instance = lambda r: (f"{r.unit.name} — năm {r.year} — {timezone.localtime(r.finished_at):%d/%m/%Y %H:%M}"
                                                            if r.finished_at else f"{r.unit.name} — năm {r.year}")
        self.fields["award_code"].choices = [("", "—"), *((c, names.get(c, c)) for c in awards)]


class ReasonForm(_Styled):
    reason = forms.CharField(label=_("Lý do"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))


class WithdrawNomineeForm(_Styled):
    reason = forms.CharField(label=_("Lý do rút khỏi hồ sơ"), max_length=1000, error_messages=REQUIRED)


class AttachmentForm(_Styled):
    component = forms.ChoiceField(label=_("Thành phần hồ sơ"), choices=(), error_messages={
        **REQUIRED, "invalid_choice": _("Thành phần hồ sơ không thuộc đợt xét này.")})
    nominee = forms.ModelChoiceField(label=_("Của người, tập thể (nếu là tài liệu riêng)"), queryset=None, required=False,
                                     error_messages={"invalid_choice": _("Người, tập thể được chọn không có trong hồ sơ.")})
    file = AttachmentField(label=_("Tệp"))

    def __init__(self, *args, components, nominees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["component"].choices = [("", "—"), *components]
        self.fields["nominee"].queryset = nominees
        self.fields["nominee"].label_from_instance = lambda n: f"{n.name} — {n.award_code}"
        self.fields["file"].widget.attrs["class"] = "form-control"


class AppraisalForm(_Styled):
    conclusion = forms.ChoiceField(label=_("Kết luận thẩm định"), choices=(), error_messages={
        **REQUIRED, "invalid_choice": _("Kết luận thẩm định không hợp lệ.")})
    note = forms.CharField(label=_("Ý kiến thẩm định"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        from .models_work import Conclusion

        super().__init__(*args, **kwargs)
        self.fields["conclusion"].choices = [("", "—"), *Conclusion.choices]


class NomineeImportForm(_Styled):
    file = forms.FileField(label=_("Tệp danh sách (.xlsx hoặc .json)"), error_messages={"required": _("Vui lòng chọn tệp.")})


class ReturnItemForm(_Styled):
    """One item of a return for supplement: what (a component of the round, "c:<code>", or a nominee, "n:<id>") and
    what is missing. An empty row is skipped; the service checks again."""

    what = forms.ChoiceField(label=_("Thành phần hồ sơ hoặc người, tập thể"), required=False, choices=(), error_messages={
        "invalid_choice": _("Hãy chọn một thành phần hồ sơ hoặc một người, tập thể của hồ sơ.")})
    text = forms.CharField(label=_("Nội dung cần bổ sung"), required=False, max_length=1000,
                           error_messages={"max_length": _("Nội dung cần bổ sung quá dài (tối đa 1.000 ký tự).")})

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["what"].choices = [("", "—"), *choices]

    def clean(self):
        data = super().clean()
        if data.get("text", "").strip() and not data.get("what"):
            self.add_error("what", _("Hãy chọn thành phần hồ sơ hoặc người, tập thể cần bổ sung."))
        elif data.get("what") and not data.get("text", "").strip():
            self.add_error("text", _("Hãy ghi nội dung cần bổ sung."))
        return data

    def item(self) -> dict | None:
        what, text = self.cleaned_data.get("what"), self.cleaned_data.get("text", "")
        if not what:
            return None
        kind, _sep, value = what.partition(":")
        return {"component": value, "text": text} if kind == "c" else {"nominee": value, "text": text}


ReturnItemFormSet = forms.formset_factory(ReturnItemForm, extra=3, max_num=30, absolute_max=30, validate_max=True)


class ConsultationDaysForm(_Styled):
    """The length of a public consultation, chosen by the office (default: the catalogue's)."""

    working_days = forms.IntegerField(label=_("Thời gian lấy ý kiến (số ngày làm việc)"), min_value=1, error_messages={
        "required": _("Vui lòng nhập số ngày làm việc."), "invalid": _("Số ngày làm việc phải là số nguyên."),
        "min_value": _("Thời gian lấy ý kiến phải từ %(limit_value)s ngày làm việc trở lên.")},
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "style": "max-width: 8rem"}))

    def __init__(self, *args, maximum: int, minimum: int = 1, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["working_days"]
        field.max_value, field.min_value = maximum, minimum
        field.validators = [v for v in field.validators if not hasattr(v, "limit_value")]
        from django.core.validators import MaxValueValidator, MinValueValidator

        field.validators += [MinValueValidator(minimum), MaxValueValidator(maximum)]
        field.error_messages["min_value"] = _("Thời gian lấy ý kiến phải từ %(limit_value)s ngày làm việc trở lên.")
        field.error_messages["max_value"] = _("Thời gian lấy ý kiến tối đa %(limit_value)s ngày làm việc.")
        field.widget.attrs.update({"min": minimum, "max": maximum})
