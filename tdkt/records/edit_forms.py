"""Forms of the ledger editing pages: a year's rating, an award received (with its decision), a discipline, an
initiative, the correction of an award's decision and the withdrawal of an entry recorded by mistake.

Choices come from the law catalogue (codes in force, names from the vocabulary); the services check again."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tdkt.law import vocabulary as vocab
from tdkt.law.catalogue import load_catalogue
from tdkt.org.edit_forms import _date as org_date
from tdkt.org.edit_forms import _Styled

from . import catalogue, services
from .forms import last_year, year_choices
from .models import AwardRecord

REQUIRED = {"required": _("Vui lòng điền mục này.")}


def _date(label, required=False):
    return org_date(label, required=required)


def _year(label):
    return forms.TypedChoiceField(label=label, coerce=int, choices=(), error_messages={"invalid_choice": _("Năm không hợp lệ."), **REQUIRED})


def _text(label, required=False, max_length=255, **kwargs):
    return forms.CharField(label=label, required=required, max_length=max_length, error_messages=REQUIRED, **kwargs)


class _YearForm(_Styled):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "year" in self.fields:
            self.fields["year"].choices = year_choices(30)
            self.fields["year"].initial = last_year()


class RatingForm(_YearForm):
    year = _year(_("Năm"))
    rating = forms.ChoiceField(label=_("Mức độ hoàn thành nhiệm vụ"), choices=(),
                               error_messages={"invalid_choice": _("Mức xếp loại không hợp lệ."), **REQUIRED})
    note = _text(_("Ghi chú"), help_text=_("Khi đính chính một xếp loại đã có, ghi lý do ở đây."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        codes = catalogue.ordered("rating.order", timezone.localdate().year)
        self.fields["rating"].choices = [("", "—"), *((c, vocab.label(vocab.Rating, c)) for c in codes)]


def individual_awards() -> list[tuple[str, str]]:
    """The titles and forms a person may receive, as the catalogue lists them."""
    return [(a.code, a.name) for a in load_catalogue().awards.values() if vocab.SubjectKind.INDIVIDUAL in a.subjects]


class AwardForm(_YearForm):
    award_code = forms.ChoiceField(label=_("Danh hiệu, hình thức"), choices=(),
                                   error_messages={"invalid_choice": _("Danh hiệu không có trong danh mục."), **REQUIRED})
    year = _year(_("Năm thành tích"))
    decision_number = _text(_("Số quyết định"), required=True, max_length=60, help_text=_("Ví dụ: 15/QĐ-UBND"))
    decision_date = _date(_("Ngày quyết định"), required=True)
    issuer_name = _text(_("Cơ quan ban hành"), required=True, help_text=_("Ví dụ: UBND phường Đống Đa"))
    note = _text(_("Ghi chú"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award_code"].choices = [("", "—"), *individual_awards()]


class AwardCorrectForm(_Styled):
    decision_number = _text(_("Số quyết định"), required=True, max_length=60)
    decision_date = _date(_("Ngày quyết định"), required=True)
    issuer_name = _text(_("Cơ quan ban hành"), required=True)
    note = _text(_("Ghi chú"))
    reason = _text(_("Lý do đính chính"), required=True)


class DisciplineForm(_Styled):
    form = forms.ChoiceField(label=_("Hình thức kỷ luật"), choices=(),
                             error_messages={"invalid_choice": _("Hình thức kỷ luật không hợp lệ."), **REQUIRED})
    start = _date(_("Từ ngày"), required=True)
    end = _date(_("Đến ngày"), required=True)
    decision_number = _text(_("Số quyết định"), max_length=60)
    reason = _text(_("Lý do"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        codes = catalogue.ordered("discipline.order", timezone.localdate().year)
        self.fields["form"].choices = [("", "—"), *((c, vocab.label(vocab.DisciplineForm, c)) for c in codes)]

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("Ngày kết thúc kỷ luật phải sau ngày bắt đầu."))
        return data


class InitiativeForm(_YearForm):
    year = _year(_("Năm công nhận"))
    title = _text(_("Tên sáng kiến, đề tài"), required=True, max_length=500)
    scope = forms.ChoiceField(label=_("Phạm vi ảnh hưởng"), choices=(),
                              error_messages={"invalid_choice": _("Phạm vi sáng kiến không hợp lệ."), **REQUIRED})
    recognised_on = _date(_("Ngày công nhận"))
    decision_number = _text(_("Số quyết định công nhận"), max_length=60)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        codes = catalogue.ordered("initiative.scopes", timezone.localdate().year)
        self.fields["scope"].choices = [("", "—"), *((c, vocab.label(vocab.InitiativeScope, c)) for c in codes)]


def _count(label, high, help_text=""):
    return forms.IntegerField(label=label, required=False, min_value=0, max_value=high, help_text=help_text,
                              error_messages={"invalid": _("Vui lòng nhập một số nguyên."), "min_value": _("Không được là số âm."),
                                              "max_value": _("Không được lớn hơn %(limit_value)s.")})


class WorkYearForm(_YearForm):
    """The facts of a working year (records.services.work_year_set checks them together). A blank count is a fact
    not known, never a zero."""

    year = _year(_("Năm"))
    days_off = _count(_("Số ngày nghỉ làm việc trong năm"), services.MAX_DAYS_OFF,
                      _("Kể cả ngày nghỉ thai sản. Để trống nếu chưa biết: khi đó tiêu chí cần thông tin này được báo chưa đủ căn cứ."))
    maternity_days = _count(_("Trong đó nghỉ thai sản (ngày)"), services.MAX_DAYS_OFF,
                            _("Nghỉ thai sản theo Luật Bảo hiểm xã hội không tính là ngày nghỉ khi xét danh hiệu."))
    training_months = _count(_("Đào tạo, bồi dưỡng (số tháng)"), services.MAX_COURSE_MONTHS,
                             _("Từ 12 tháng trở lên: kết quả học tập thay cho mức xếp loại của năm (TT 15/2025/TT-BNV)."))
    training_result = forms.ChoiceField(label=_("Kết quả học tập"), required=False, choices=(),
                                        error_messages={"invalid_choice": _("Kết quả học tập không hợp lệ.")})
    transfer_from = _text(_("Chuyển công tác từ đơn vị"), help_text=_("Tên đơn vị cũ, khi cá nhân chuyển đến trong năm."))
    transfer_months = _count(_("Số tháng công tác ở đơn vị cũ trong năm"), 12)
    transfer_comment = forms.BooleanField(label=_("Đã có ý kiến nhận xét của đơn vị cũ"), required=False,
                                          help_text=_("Bắt buộc khi đã công tác ở đơn vị cũ từ 6 tháng trở lên."))
    note = _text(_("Ghi chú"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        codes = catalogue.ordered("training.result_order", timezone.localdate().year)
        self.fields["training_result"].choices = [("", "—"), *((c, vocab.label(vocab.TrainingResult, c)) for c in codes)]


class InitiativeUseForm(_Styled):
    """The award an initiative grounded: one of the author's awards (not revoked) of its year or later, or none."""

    NONE = "none"
    award = forms.ChoiceField(label=_("Đã làm căn cứ cho khen thưởng"), choices=(),
                              help_text=_("Mỗi sáng kiến chỉ làm căn cứ cho một danh hiệu, hình thức khen thưởng (CV 5007/BNV-TĐKT)."),
                              error_messages={"invalid_choice": _("Khen thưởng được chọn không có trong hồ sơ của tác giả."),
                                              "required": _("Vui lòng chọn khen thưởng (hoặc “Chưa làm căn cứ cho khen thưởng nào”).")})

    def __init__(self, *args, initiative, **kwargs):
        super().__init__(*args, **kwargs)
        names = {code: award.name for code, award in load_catalogue().awards.items()}
        awards = AwardRecord.objects.filter(person_id=initiative.person_id, revocation__isnull=True,
                                            year__gte=initiative.year).order_by("-year", "award_code")
        self.awards = {str(a.pk): a for a in awards}
        self.fields["award"].choices = [("", "—"), (self.NONE, _("Chưa làm căn cứ cho khen thưởng nào")),
                                        *((str(a.pk), f"{names.get(a.award_code, a.award_code)} — {a.year}"
                                           + (f" ({a.decision_number})" if a.decision_number else "")) for a in awards)]

    def clean_award(self):
        value = self.cleaned_data.get("award")
        return None if value == self.NONE else self.awards[value]


class WithdrawForm(_Styled):
    reason = _text(_("Lý do gỡ bỏ"), required=True, help_text=_("Ví dụ: ghi nhầm người, ghi nhầm năm."))
