"""Forms of the movement screens (the services check again)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.core.uploads import AttachmentField
from tdkt.org.edit_forms import _date, _Styled

from .models import Anniversary, MovementKind
from .services import DOCUMENT_KINDS, award_choices

REQUIRED = {"required": _("Vui lòng điền mục này.")}
CRITERIA_ROWS = 6
PEOPLE_ROWS = 5


class MovementForm(_Styled):
    unit = forms.ModelChoiceField(label=_("Cấp phát động"), queryset=None, error_messages={
        **REQUIRED, "invalid_choice": _("Đơn vị không hợp lệ hoặc không thuộc phạm vi của bạn.")})
    kind = forms.ChoiceField(label=_("Loại phong trào"), choices=MovementKind.choices, initial=MovementKind.THEMATIC)
    name = forms.CharField(label=_("Tên phong trào"), max_length=255, error_messages=REQUIRED)
    slogan = forms.CharField(label=_("Khẩu hiệu"), max_length=255, required=False)
    purpose = forms.CharField(label=_("Mục đích, yêu cầu"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    starts_on = _date(_("Bắt đầu"), required=True)
    ends_on = _date(_("Kết thúc"), required=True)
    registration_deadline = _date(_("Hạn đăng ký thi đua"), required=True, help_text=_("Trong thời gian của phong trào."))
    targets = forms.ModelMultipleChoiceField(label=_("Đơn vị tham gia"), queryset=None, widget=forms.CheckboxSelectMultiple,
                                             error_messages={**REQUIRED, "invalid_choice": _("Đơn vị tham gia không hợp lệ.")},
                                             help_text=_("Các đơn vị thuộc cấp phát động."))
    planned_awards = forms.MultipleChoiceField(label=_("Hình thức khen thưởng dự kiến khi tổng kết"), required=False,
                                               widget=forms.CheckboxSelectMultiple,
                                               error_messages={"invalid_choice": _("Hình thức khen thưởng không hợp lệ.")})
    parent = forms.ModelChoiceField(label=_("Hưởng ứng phong trào của cấp trên"), queryset=None, required=False,
                                    error_messages={"invalid_choice": _("Phong trào của cấp trên không hợp lệ.")})
    anniversary = forms.ModelChoiceField(label=_("Chào mừng ngày kỷ niệm"), queryset=Anniversary.objects.filter(active=True), required=False,
                                         error_messages={"invalid_choice": _("Ngày kỷ niệm không hợp lệ.")})

    def __init__(self, *args, units, movements, criteria: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["targets"].queryset = units
        self.fields["parent"].queryset = movements
        self.fields["planned_awards"].choices = award_choices()
        for name in ("targets", "planned_awards"):
            self.fields[name].widget.attrs["class"] = "form-check-input"
        first = units.order_by("depth", "path").first()  # the user's own level, the highest of those they launch for
        if first is not None:
            self.fields["unit"].initial = first.pk
        self.criteria = criteria
        if criteria:
            for i in range(1, CRITERIA_ROWS + 1):
                self.fields[f"c{i}_text"] = forms.CharField(label=_("Tiêu chí %(n)s") % {"n": i}, required=False, max_length=2000,
                                                            widget=forms.TextInput(attrs={"class": "form-control"}))
                self.fields[f"c{i}_points"] = forms.CharField(label=_("Điểm"), required=False, max_length=10,
                                                              widget=forms.TextInput(attrs={"class": "form-control", "inputmode": "decimal"}))
                self.fields[f"c{i}_mandatory"] = forms.BooleanField(label=_("Bắt buộc"), required=False, initial=True,
                                                                    widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))
                self.fields[f"c{i}_evidence"] = forms.CharField(label=_("Minh chứng"), required=False, max_length=500,
                                                                widget=forms.TextInput(attrs={"class": "form-control"}))

    MAIN = ("unit", "kind", "name", "slogan", "purpose", "starts_on", "ends_on", "registration_deadline", "targets", "planned_awards",
            "parent", "anniversary")

    def main_fields(self):
        return [self[name] for name in self.MAIN]

    def criterion_rows(self):
        return [(i, self[f"c{i}_text"], self[f"c{i}_points"], self[f"c{i}_mandatory"], self[f"c{i}_evidence"])
                for i in range(1, CRITERIA_ROWS + 1)] if self.criteria else []

    def criteria_data(self) -> list[dict]:
        out = []
        for i in range(1, CRITERIA_ROWS + 1):
            text = self.cleaned_data.get(f"c{i}_text", "").strip()
            if text:
                out.append({"text": text, "points": self.cleaned_data.get(f"c{i}_points"),
                            "mandatory": self.cleaned_data.get(f"c{i}_mandatory"), "evidence": self.cleaned_data.get(f"c{i}_evidence")})
        return out


class CriterionForm(_Styled):
    text = forms.CharField(label=_("Nội dung tiêu chí"), max_length=2000, error_messages=REQUIRED)
    points = forms.CharField(label=_("Điểm"), required=False, max_length=10)
    mandatory = forms.BooleanField(label=_("Bắt buộc"), required=False, initial=True)
    evidence = forms.CharField(label=_("Minh chứng yêu cầu"), required=False, max_length=500)


class DocumentForm(_Styled):
    title = forms.CharField(label=_("Tên văn bản"), max_length=255, error_messages=REQUIRED)
    file = AttachmentField(label=_("Tệp văn bản"), allowed=DOCUMENT_KINDS, error_messages={"required": _("Hãy chọn tệp văn bản.")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["class"] = "form-control"


class RegistrationForm(forms.Form):
    """A target per criterion, the titles for the unit itself and for its people."""

    note = forms.CharField(label=_("Nội dung đăng ký chung"), required=False, widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}))
    unit_titles = forms.MultipleChoiceField(label=_("Danh hiệu đăng ký cho tập thể đơn vị"), required=False,
                                            widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
                                            error_messages={"invalid_choice": _("Danh hiệu không thuộc các hình thức khen thưởng dự kiến.")})

    def __init__(self, *args, registration, people, **kwargs):
        super().__init__(*args, **kwargs)
        movement = registration.movement
        choices = award_choices(movement.planned_awards)
        self.fields["unit_titles"].choices = choices
        self.criteria = list(movement.criteria.all())
        for c in self.criteria:
            self.fields[f"t{c.pk}"] = forms.CharField(label=c.text, required=False, max_length=2000,
                                                      widget=forms.TextInput(attrs={"class": "form-control"}))
        self.people_rows = PEOPLE_ROWS
        for i in range(1, PEOPLE_ROWS + 1):
            self.fields[f"p{i}_person"] = forms.ModelChoiceField(label=_("Cá nhân"), queryset=people, required=False,
                                                                 widget=forms.Select(attrs={"class": "form-select"}),
                                                                 error_messages={"invalid_choice": _("Cá nhân không thuộc đơn vị.")})
            self.fields[f"p{i}_award"] = forms.ChoiceField(label=_("Danh hiệu"), choices=[("", "—"), *choices], required=False,
                                                           widget=forms.Select(attrs={"class": "form-select"}),
                                                           error_messages={"invalid_choice": _("Danh hiệu không hợp lệ.")})

    def target_fields(self):
        return [(c, self[f"t{c.pk}"]) for c in self.criteria]

    def person_rows(self):
        return [(self[f"p{i}_person"], self[f"p{i}_award"]) for i in range(1, self.people_rows + 1)]

    def clean(self):
        data = super().clean()
        for i in range(1, self.people_rows + 1):
            person, award = data.get(f"p{i}_person"), data.get(f"p{i}_award")
            if person and not award:
                self.add_error(f"p{i}_award", _("Hãy chọn danh hiệu đăng ký cho %(name)s.") % {"name": person.full_name})
            if award and not person:
                self.add_error(f"p{i}_person", _("Hãy chọn cá nhân đăng ký danh hiệu."))
        return data

    def values(self) -> dict:
        data = self.cleaned_data
        titles = [(code, None) for code in data["unit_titles"]]
        titles += [(data[f"p{i}_award"], data[f"p{i}_person"]) for i in range(1, self.people_rows + 1) if data.get(f"p{i}_person")]
        return {"targets": {c.pk: data.get(f"t{c.pk}", "") for c in self.criteria}, "titles": titles, "note": data.get("note", "")}
