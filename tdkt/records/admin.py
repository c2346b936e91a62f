"""Vietnamese admin for the achievement ledger; additions go through records.services, nothing is deleted."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tdkt.org.admin_base import ServiceAdmin

from . import services
from .models import AwardRecord, Discipline, Initiative, YearRating

SUBJECT_FIELDS = ["person", "unit", "household"]


class LedgerAdmin(ServiceAdmin, SimpleHistoryAdmin):
    raw_id_fields = SUBJECT_FIELDS

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return [f.name for f in self.model._meta.fields if f.name not in self.editable_on_change and f.editable]

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

    def run_service(self, request, obj, cleaned, changed):
        if obj is None:
            return services.rating_set(actor=request.user, year=cleaned["year"], rating=cleaned["rating"], note=cleaned.get("note", ""),
                                       **_subject(cleaned))
        return services.rating_set(actor=request.user, year=obj.year, rating=cleaned["rating"], note=cleaned.get("note", ""),
                                   person=obj.person, unit=obj.unit, household=obj.household)


@admin.register(AwardRecord)
class AwardRecordAdmin(LedgerAdmin):
    list_display = ["award_code", "year", "person", "unit", "household", "decision_number", "decision_date", "issuer_name", "revoked_on"]
    list_filter = ["award_code", "year", ("revoked_on", admin.EmptyFieldListFilter)]
    search_fields = ["award_code", "decision_number", "issuer_name", "person__full_name", "person__citizen_id", "unit__name",
                     "household__head_name"]
    list_select_related = ["person", "unit", "household"]
    raw_id_fields = [*SUBJECT_FIELDS, "issuer"]
    editable_on_change = ("revoked_on", "revocation_reason")

    def run_service(self, request, obj, cleaned, changed):
        if obj is None:
            return services.award_add(
                actor=request.user, award_code=cleaned["award_code"], year=cleaned["year"], decision_number=cleaned.get("decision_number", ""),
                decision_date=cleaned.get("decision_date"), issuer=cleaned.get("issuer"), issuer_name=cleaned.get("issuer_name", ""),
                note=cleaned.get("note", ""), **_subject(cleaned),
            )
        if "revoked_on" in changed and cleaned.get("revoked_on"):
            return services.award_revoke(actor=request.user, award=obj, on=cleaned["revoked_on"], reason=cleaned.get("revocation_reason", ""))
        return obj


@admin.register(Discipline)
class DisciplineAdmin(LedgerAdmin):
    list_display = ["person", "form", "start", "end", "decision_number"]
    list_filter = ["form"]
    search_fields = ["person__full_name", "person__citizen_id", "decision_number", "reason"]
    raw_id_fields = ["person"]
    list_select_related = ["person"]

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

    def run_service(self, request, obj, cleaned, changed):
        if obj is None:
            return services.initiative_add(actor=request.user, person=cleaned["person"], year=cleaned["year"], title=cleaned["title"],
                                           scope=cleaned["scope"], recognised_on=cleaned.get("recognised_on"),
                                           decision_number=cleaned.get("decision_number", ""))
        return obj
