"""Vietnamese admin for the achievement ledger; additions go through records.services, nothing is deleted.

The code fields (rating, discipline form, initiative scope, award) are choices read from the law catalogue,
not database choices; a revocation is an action that records the act (who, when, by which decision, why).
"""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from tdkt.core.admin import ServiceAdmin, action_with_form
from tdkt.core.errors import DomainError
from tdkt.law import vocabulary as vocab

from . import catalogue, services
from .models import AwardRecord, AwardRevocation, Discipline, Initiative, YearRating

SUBJECT_FIELDS = ["person", "unit", "household"]
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def _choices(key: str, vocabulary) -> list[tuple[str, str]]:
    return [(code, f"{code} — {vocab.label(vocabulary, code)}") for code in sorted(catalogue.codes(key))]


def _award_choices() -> list[tuple[str, str]]:
    return [(code, f"{code} — {name}") for code, (name, _subjects) in sorted(catalogue.award_catalogue().items())]


class LedgerAdmin(ServiceAdmin, SimpleHistoryAdmin):
    raw_id_fields = SUBJECT_FIELDS
    code_fields: dict[str, object] = {}  # field name → callable giving its choices

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return [f.name for f in self.model._meta.fields if f.name not in self.editable_on_change and f.editable]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.code_fields:
            return forms.ChoiceField(label=db_field.verbose_name, choices=[("", "---------"), *self.code_fields[db_field.name]()],
                                     required=not db_field.blank)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    editable_on_change: tuple[str, ...] = ()


def _subject(cleaned):
    return {k: cleaned.get(k) for k in SUBJECT_FIELDS}


@admin.register(YearRating)
class YearRatingAdmin(LedgerAdmin):
    list_display = ["year", "rating", "person", "unit"]
    list_filter = ["year", "rating"]
    search_fields = ["person__full_name", "person__citizen_id", "unit__name", "unit__code"]
    list_select_related = ["person", "unit"]
    editable_on_change = ("rating", "note")
    code_fields = {"rating": lambda: _choices("rating.order", vocab.Rating)}

    def run_service(self, request, obj, cleaned, changed):
        if obj is None:
            return services.rating_set(actor=request.user, year=cleaned["year"], rating=cleaned["rating"], note=cleaned.get("note", ""),
                                       **_subject(cleaned))
        return services.rating_set(actor=request.user, year=obj.year, rating=cleaned["rating"], note=cleaned.get("note", ""),
                                   person=obj.person, unit=obj.unit, household=obj.household)


class RevocationForm(forms.Form):
    on = forms.DateField(label=_("Ngày hủy bỏ"), input_formats=DATE_FORMATS, widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
                         error_messages={"required": _("Hãy nhập ngày hủy bỏ."), "invalid": _("Ngày không hợp lệ (dạng ngày/tháng/năm).")})
    reason = forms.CharField(label=_("Lý do hủy bỏ (Điều 93)"), max_length=255, error_messages={"required": _("Hãy ghi lý do hủy bỏ.")})
    decision_number = forms.CharField(label=_("Số quyết định hủy bỏ"), max_length=60, required=False)
    decision_date = forms.DateField(label=_("Ngày quyết định hủy bỏ"), input_formats=DATE_FORMATS, required=False,
                                    widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
                                    error_messages={"invalid": _("Ngày không hợp lệ (dạng ngày/tháng/năm).")})
    issuer_name = forms.CharField(label=_("Cơ quan quyết định hủy bỏ"), max_length=255, required=False)


@admin.register(AwardRecord)
class AwardRecordAdmin(LedgerAdmin):
    list_display = ["award_code", "year", "person", "unit", "household", "decision_number", "decision_date", "issuer_name", "source",
                    "revocation"]
    list_filter = ["award_code", "year", "source", ("revocation", admin.EmptyFieldListFilter)]
    search_fields = ["award_code", "decision_number", "issuer_name", "person__full_name", "person__citizen_id", "unit__name",
                     "household__head_name"]
    list_select_related = ["person", "unit", "household", "revocation"]
    raw_id_fields = [*SUBJECT_FIELDS, "issuer"]
    exclude = ["source"]
    actions = ["revoke"]
    code_fields = {"award_code": _award_choices}

    def run_service(self, request, obj, cleaned, changed):
        if obj is None:
            return services.award_add(
                actor=request.user, award_code=cleaned["award_code"], year=cleaned["year"], decision_number=cleaned.get("decision_number", ""),
                decision_date=cleaned.get("decision_date"), issuer=cleaned.get("issuer"), issuer_name=cleaned.get("issuer_name", ""),
                note=cleaned.get("note", ""), **_subject(cleaned),
            )
        return obj

    @admin.action(description="Hủy bỏ khen thưởng đã chọn (Điều 93)", permissions=["change"])
    def revoke(self, request, queryset):
        def apply(data, awards):
            done = 0
            for award in awards.select_related("person", "unit", "household"):
                try:
                    services.award_revoke(actor=request.user, award=award, on=data["on"], reason=data["reason"],
                                          decision_number=data["decision_number"], decision_date=data["decision_date"],
                                          issuer_name=data["issuer_name"])
                    done += 1
                except DomainError as exc:
                    self.message_user(request, f"{award.award_code} {award.year} — {award.subject}: {exc.message}", messages.ERROR)
            if done:
                self.message_user(request, f"Đã hủy bỏ {done} khen thưởng.", messages.SUCCESS)

        return action_with_form(self, request, queryset, form_class=RevocationForm, title="Hủy bỏ khen thưởng", apply=apply,
                                intro="Khen thưởng vẫn được giữ trong hồ sơ, được đánh dấu đã hủy bỏ và không còn được tính khi xét.")


@admin.register(AwardRevocation)
class AwardRevocationAdmin(admin.ModelAdmin):
    list_display = ["revoked_on", "reason", "decision_number", "issuer_name", "recorded_by", "created_at"]
    readonly_fields = ["revoked_on", "reason", "decision_number", "decision_date", "issuer_name", "recorded_by", "created_at"]

    def has_add_permission(self, request):
        return False  # recorded by the revocation action of an award

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Discipline)
class DisciplineAdmin(LedgerAdmin):
    list_display = ["person", "form", "start", "end", "decision_number"]
    list_filter = ["form"]
    search_fields = ["person__full_name", "person__citizen_id", "decision_number", "reason"]
    raw_id_fields = ["person"]
    list_select_related = ["person"]
    code_fields = {"form": lambda: _choices("discipline.order", vocab.DisciplineForm)}

    def run_service(self, request, obj, cleaned, changed):
        if obj is None:
            return services.discipline_add(actor=request.user, person=cleaned["person"], form=cleaned["form"], start=cleaned["start"],
                                           end=cleaned["end"], decision_number=cleaned.get("decision_number", ""), reason=cleaned.get("reason", ""))
        return obj


@admin.register(Initiative)
class InitiativeAdmin(LedgerAdmin):
    list_display = ["title", "person", "year", "scope", "decision_number"]
    list_filter = ["scope", "year"]
    search_fields = ["title", "person__full_name", "decision_number"]
    raw_id_fields = ["person"]
    list_select_related = ["person"]
    code_fields = {"scope": lambda: _choices("initiative.scopes", vocab.InitiativeScope)}

    def run_service(self, request, obj, cleaned, changed):
        if obj is None:
            return services.initiative_add(actor=request.user, person=cleaned["person"], year=cleaned["year"], title=cleaned["title"],
                                           scope=cleaned["scope"], recognised_on=cleaned.get("recognised_on"),
                                           decision_number=cleaned.get("decision_number", ""))
        return obj
