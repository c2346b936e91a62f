import hashlib

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tdkt.accounts import scoping
from tdkt.core import shared_cache
from tdkt.core.widgets import FastSelect
from tdkt.law import vocabulary as vocab
from tdkt.org.forms import UnitChoiceField
from tdkt.org.models import Gender

from . import catalogue

YES_NO = [("", _("Tất cả")), ("1", _("Có")), ("0", _("Không"))]


def last_year() -> int:
    return timezone.localdate().year - 1


def year_choices(span: int = 10) -> list[tuple[int, int]]:
    top = timezone.localdate().year
    return [(y, y) for y in range(top, top - span - 1, -1)]


UNIT_OPTIONS_ALL_UP_TO = 80  # a scope with more units lists only its top two levels (a unit filters its subtree)
PAGE_SIZES = (25, 50, 100)


def unit_filter_options(field, units, chosen: str) -> tuple[list[tuple[int, str]], bool]:
    """The unit filter's options and whether the scope is too large to list whole. Every unit in scope is a valid
    choice (links from a unit's page), but a scope of more than UNIT_OPTIONS_ALL_UP_TO units lists only its top two
    levels, and the chosen unit. Memoised in the shared cache by the scope's query, until a unit or a role
    assignment changes."""
    def build():
        units_list = list(units)
        shown = units_list
        if len(units_list) > UNIT_OPTIONS_ALL_UP_TO:
            top = min(u.depth for u in units_list)
            shown = [u for u in units_list if u.depth <= top + 1 or str(u.pk) == chosen]
        return field.unit_options(shown), len(units_list) > UNIT_OPTIONS_ALL_UP_TO

    key = hashlib.sha256(f"{units.query}|{chosen}".encode()).hexdigest()
    return shared_cache.get_or_build(scoping.SCOPE, f"unit-filter:{key}", build)


class PeopleFilterForm(forms.Form):
    """The people list's filters. A value that is not valid (a year out of the list, an unknown rating or unit) is
    reported (`problems`) and left out; the other filters still apply (`filters`)."""

    q = forms.CharField(label=_("Tìm theo tên"), required=False, max_length=100)
    unit = UnitChoiceField(label=_("Đơn vị"), queryset=None, required=False, empty_label=_("Tất cả đơn vị"), widget=FastSelect)
    gender = forms.ChoiceField(label=_("Giới tính"), required=False, choices=[("", _("Tất cả")), *Gender.choices], widget=FastSelect)
    leader = forms.ChoiceField(label=_("Lãnh đạo, quản lý"), required=False, choices=YES_NO, widget=FastSelect)
    direct = forms.ChoiceField(label=_("Trực tiếp lao động"), required=False, choices=YES_NO, widget=FastSelect)
    year = forms.TypedChoiceField(label=_("Năm xếp loại"), required=False, coerce=int, choices=(), widget=FastSelect)
    rating = forms.ChoiceField(label=_("Xếp loại"), required=False, choices=(), widget=FastSelect)
    size = forms.TypedChoiceField(label=_("Số dòng mỗi trang"), required=False, coerce=int, empty_value=PAGE_SIZES[0],
                                  choices=[(n, n) for n in PAGE_SIZES], widget=FastSelect)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        chosen = str(self.data.get("unit", "")) if self.is_bound else ""
        options, capped = unit_filter_options(field, units, chosen)
        if capped:
            field.help_text = _("Gồm cả các đơn vị trực thuộc. Đơn vị cấp dưới: mở từ trang Đơn vị.")
        field.set_units(units, options=options)
        ratings = catalogue.ordered("rating.order", timezone.localdate().year)
        self.fields["rating"].choices = [("", _("Tất cả")), *((c, vocab.label(vocab.Rating, c)) for c in ratings),
                                         ("none", _("Chưa có xếp loại"))]
        self.fields["year"].choices = year_choices()
        self.fields["year"].initial = last_year()
        years = [y for y, _label in self.fields["year"].choices]
        messages = {
            "q": {"max_length": _("Từ khóa tìm kiếm quá dài (tối đa %(limit_value)d ký tự).")},
            "unit": {"invalid_choice": _("Đơn vị đã chọn không tồn tại hoặc không thuộc phạm vi của bạn.")},
            "gender": {"invalid_choice": _("Giới tính “%(value)s” không hợp lệ.")},
            "leader": {"invalid_choice": _("Giá trị “%(value)s” không hợp lệ (chọn Có hoặc Không).")},
            "direct": {"invalid_choice": _("Giá trị “%(value)s” không hợp lệ (chọn Có hoặc Không).")},
            "year": {"invalid_choice": _("Năm “%%(value)s” không có trong danh sách (từ %(low)d đến %(high)d).")
                     % {"low": min(years), "high": max(years)}},
            "rating": {"invalid_choice": _("Xếp loại “%(value)s” không có trong danh sách.")},
            "size": {"invalid_choice": _("Số dòng mỗi trang chỉ có thể là 25, 50 hoặc 100.")},
        }
        for name, errors in messages.items():
            self.fields[name].error_messages.update(errors)
        self.fields["size"].initial = PAGE_SIZES[0]
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-select" if name != "q" else "form-control"

    @property
    def filters(self) -> dict:
        """The valid filters (an invalid one is left out, the others kept)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return self.cleaned_data

    @property
    def problems(self) -> list[str]:
        """"<label>: <what is wrong>" for each filter left out."""
        if not self.is_bound or self.is_valid():
            return []
        return [f"{self.fields[name].label}: {' '.join(errors)}" for name, errors in self.errors.items() if name in self.fields]

    @property
    def page_size(self) -> int:
        return self.filters.get("size") or PAGE_SIZES[0]

    @property
    def selected_year(self) -> int:
        return self.filters.get("year") or last_year()


class EligibilityForm(forms.Form):
    award = forms.ChoiceField(label=_("Danh hiệu, hình thức"), choices=(), widget=FastSelect)
    year = forms.TypedChoiceField(label=_("Năm xét"), coerce=int, choices=(), widget=FastSelect)

    def __init__(self, *args, award_names: dict[str, str], awards: tuple[str, ...], **kwargs):
        """awards: the codes offered (`Catalogue.individual_titles`), award_names: their names."""
        super().__init__(*args, **kwargs)
        self.fields["award"].choices = [(c, award_names.get(c, c)) for c in awards]
        self.fields["year"].choices = year_choices()
        self.fields["year"].initial = last_year()
        self.fields["award"].error_messages["invalid_choice"] = _("Danh hiệu không có trong danh sách.")
        self.fields["year"].error_messages["invalid_choice"] = _("Năm không hợp lệ.")
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"


class ImportForm(forms.Form):
    scope_unit = UnitChoiceField(label=_("Nhập vào đơn vị"), queryset=None, empty_label=None)
    file = forms.FileField(label=_("Tệp dữ liệu (.xlsx hoặc .json)"))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scope_unit"].set_units(units)
        self.fields["scope_unit"].error_messages["invalid_choice"] = _("Đơn vị không thuộc phạm vi của bạn.")
        self.fields["file"].error_messages["required"] = _("Vui lòng chọn tệp cần nhập.")
        self.fields["file"].error_messages["empty"] = _("Tệp rỗng.")
        self.fields["scope_unit"].widget.attrs["class"] = "form-select"
        self.fields["file"].widget.attrs.update({"class": "form-control", "accept": ".xlsx,.json"})

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if name.endswith(".xlsx"):
            self.file_format = "xlsx"
        elif name.endswith(".json"):
            self.file_format = "json"
        else:
            raise forms.ValidationError(_("Chỉ nhận tệp .xlsx hoặc .json."))
        if upload.size > 10 * 1024 * 1024:
            raise forms.ValidationError(_("Tệp quá lớn (tối đa 10 MB)."))
        return upload
