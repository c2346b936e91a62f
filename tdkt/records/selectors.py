"""Ledger selectors: a person's timeline by year, awards of a subject. (The engine's request: `eligibility`.)"""

from __future__ import annotations

import datetime as dt

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _

from tdkt.core.models import AuditEvent
from tdkt.law import vocabulary as vocab
from tdkt.law.catalogue import load_catalogue
from tdkt.org.models import Person, Unit
from tdkt.org.search import name_q
from tdkt.org.selectors import people_visible_to

from .ledger import Ledger, ledger_of_rows
from .models import AwardRecord, Discipline, Initiative, WorkYear, YearRating


def awards_of(*, person: Person | None = None, unit: Unit | None = None, include_revoked: bool = False) -> QuerySet[AwardRecord]:
    qs = AwardRecord.objects.filter(person=person) if person is not None else AwardRecord.objects.filter(unit=unit)
    if not include_revoked:
        qs = qs.filter(revocation__isnull=True)
    return qs.select_related("issuer", "revocation").order_by("-year", "award_code")


def ledger_timeline(person: Person) -> list[dict]:
    """The person's ledger grouped by year, most recent first: {year, ratings, awards, disciplines, initiatives}.

    Awards include revoked ones (with their revocation) and keep their issuer even when it is dissolved;
    a discipline is listed under the year it starts.
    """
    return timeline_and_ledger(person)[0]


def timeline_and_ledger(person: Person) -> tuple[list[dict], Ledger]:
    """One read of the person's ledger (five queries), seen two ways: the profile's timeline (`ledger_timeline`)
    and the engine's ledger (`ledger.ledger_of_rows`: what `load_ledger` reads, for the eligibility panel)."""
    ratings = list(YearRating.objects.filter(person=person).order_by("year"))
    awards = list(AwardRecord.objects.filter(person=person).select_related("issuer", "revocation")
                  .order_by("year", "decision_date", "award_code"))
    disciplines = list(Discipline.objects.filter(person=person).order_by("start", "id"))
    initiatives = list(Initiative.objects.filter(person=person).select_related("used_for").order_by("year", "id"))
    work_years = list(WorkYear.objects.filter(person=person).order_by("year"))
    years: dict[int, dict] = {}

    def entry(year: int) -> dict:
        return years.setdefault(year, {"year": year, "ratings": [], "awards": [], "disciplines": [], "initiatives": [],
                                      "work_years": []})

    for row in ratings:
        entry(row.year)["ratings"].append(row)
    for row in awards:
        entry(row.year)["awards"].append(row)
    for row in disciplines:
        entry(row.start.year)["disciplines"].append(row)
    for row in initiatives:
        entry(row.year)["initiatives"].append(row)
    for row in work_years:
        entry(row.year)["work_years"].append(row)
    timeline = [years[y] for y in sorted(years, reverse=True)]
    return timeline, ledger_of_rows(person, ratings=ratings, awards=awards, disciplines=disciplines, initiatives=initiatives,
                                    work_years=work_years)


CHANGE_LOG_SIZE = 30
ACTIONS = {
    "org.person.created": _("Thêm cá nhân"),
    "org.person.updated": _("Sửa thông tin cá nhân"),
    "org.person.moved": _("Chuyển đơn vị công tác"),
    "records.rating.set": _("Ghi xếp loại"),
    "records.award.added": _("Ghi khen thưởng"),
    "records.award.corrected": _("Đính chính khen thưởng"),
    "records.award.revoked": _("Hủy bỏ khen thưởng"),
    "records.discipline.added": _("Ghi kỷ luật"),
    "records.initiative.added": _("Ghi sáng kiến"),
    "records.rating.withdrawn": _("Gỡ bỏ xếp loại ghi nhầm"),
    "records.award.withdrawn": _("Gỡ bỏ khen thưởng ghi nhầm"),
    "records.discipline.withdrawn": _("Gỡ bỏ kỷ luật ghi nhầm"),
    "records.initiative.withdrawn": _("Gỡ bỏ sáng kiến ghi nhầm"),
    "records.initiative.used": _("Ghi căn cứ khen thưởng của sáng kiến"),
    "records.work_year.set": _("Ghi thông tin năm công tác"),
    "records.work_year.withdrawn": _("Gỡ bỏ thông tin năm công tác ghi nhầm"),
}
FIELD_LABELS = {
    "full_name": _("Họ và tên"), "gender": _("Giới tính"), "date_of_birth": _("Ngày sinh"), "citizen_id": _("Số CCCD"),
    "position": _("Chức vụ"), "is_leader": _("Lãnh đạo, quản lý"), "is_direct_worker": _("Trực tiếp lao động"),
    "joined_on": _("Ngày tuyển dụng"), "unit": _("Đơn vị"), "from": _("Từ đơn vị"), "to": _("Đến đơn vị"), "on": _("Từ ngày"),
    "year": _("Năm"), "rating": _("Xếp loại"), "award": _("Danh hiệu, hình thức"), "award_code": _("Danh hiệu, hình thức"),
    "decision_number": _("Số quyết định"), "decision_date": _("Ngày quyết định"), "issuer": _("Cơ quan ban hành"),
    "issuer_name": _("Cơ quan ban hành"), "note": _("Ghi chú"), "form": _("Hình thức kỷ luật"), "start": _("Từ ngày"),
    "end": _("Đến ngày"), "reason": _("Lý do"), "title": _("Tên sáng kiến"), "scope": _("Phạm vi ảnh hưởng"),
    "recognised_on": _("Ngày công nhận"), "old": _("Giá trị cũ"), "new": _("Giá trị mới"),
    "service_start": _("Ngày bắt đầu công tác liên tục"), "days_off": _("Số ngày nghỉ làm việc"),
    "maternity_days": _("Nghỉ thai sản (ngày)"), "training_months": _("Đào tạo, bồi dưỡng (tháng)"),
    "training_result": _("Kết quả học tập"), "transfer_from": _("Chuyển công tác từ"), "transfer_months": _("Số tháng ở đơn vị cũ"),
    "transfer_comment": _("Ý kiến nhận xét của đơn vị cũ"), "initiative": _("Sáng kiến"),
}
_HIDDEN = {"subject", "person", "entry", "entry_id", "source", "subtree", "successors", "name_sort_key"}


UNIT_KEYS = ("unit", "from", "to")
AWARD_KEYS = ("award", "award_code")


def _shown_value(key: str, value, names: dict | None = None) -> str:
    if value is None or value == "":
        return "—"
    if names and (key in UNIT_KEYS or key in AWARD_KEYS):
        return names.get((key in UNIT_KEYS, value), value)
    if value is True or value is False:
        return str(_("Có") if value else _("Không"))
    if key == "gender":
        return {"M": str(_("Nam")), "F": str(_("Nữ"))}.get(value, value)
    if key == "rating":
        return str(vocab.label(vocab.Rating, value))
    if key == "form":
        return str(vocab.label(vocab.DisciplineForm, value))
    if key == "scope":
        return str(vocab.label(vocab.InitiativeScope, value))
    if key == "training_result":
        return str(vocab.label(vocab.TrainingResult, value))
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    return str(value)


def _change_rows(event, names: dict) -> list[dict]:
    """What an event changed, as rows {field, old, new} (old None for a plain value)."""
    data = event.data or {}

    def _shown(key, value, _names=names):
        return _shown_value(key, value, _names)

    if "old" in data and isinstance(data["old"], dict) and isinstance(data.get("new"), dict):
        keys = list(dict.fromkeys([*data["old"], *data["new"]]))
        return [{"field": FIELD_LABELS.get(k, k), "old": _shown(k, data["old"].get(k)), "new": _shown(k, data["new"].get(k))}
                for k in keys if data["old"].get(k) != data["new"].get(k)]
    if "old" in data and data["old"] is None and isinstance(data.get("new"), dict):  # a first value (a working year, a ground)
        head = [{"field": FIELD_LABELS["year"], "old": None, "new": _shown("year", data["year"])}] if "year" in data else []
        if "initiative" in data:
            head = [{"field": FIELD_LABELS["initiative"], "old": None, "new": data["initiative"]}]
        return head + [{"field": FIELD_LABELS.get(k, k), "old": None, "new": _shown(k, v)}
                       for k, v in data["new"].items() if v not in (None, "", 0, False)]
    if "old" in data and "new" in data:  # a rating: old and new codes
        return [{"field": FIELD_LABELS["year"], "old": None, "new": _shown("year", data.get("year"))},
                {"field": FIELD_LABELS["rating"], "old": _shown("rating", data["old"]) if data["old"] else None,
                 "new": _shown("rating", data["new"])}]
    if isinstance(data.get("old"), dict):  # a withdrawal: the entry as it was, struck through
        return [{"field": FIELD_LABELS.get(k, k), "old": _shown(k, v), "new": None, "struck": True}
                for k, v in data["old"].items() if v not in (None, "")]
    return [{"field": FIELD_LABELS.get(k, k), "old": None, "new": _shown(k, v)}
            for k, v in data.items() if k not in _HIDDEN and k not in ("reason",) and v not in (None, "")]


def change_log(person: Person, timeline: list[dict]) -> list[dict]:
    """Who changed what on the person's record and when, newest first (one query): the events on the person
    (details, moves, withdrawals) and on the ledger rows of the timeline."""
    targets = Q(target_type="org.person", target_id=str(person.pk))
    rows: dict[str, list[str]] = {}
    for entry in timeline:
        for key, label in (("ratings", "records.yearrating"), ("awards", "records.awardrecord"),
                           ("disciplines", "records.discipline"), ("initiatives", "records.initiative"),
                           ("work_years", "records.workyear")):
            rows.setdefault(label, []).extend(str(r.pk) for r in entry[key])
    for label, ids in rows.items():
        if ids:
            targets |= Q(target_type=label, target_id__in=ids)
    events = list(AuditEvent.objects.filter(targets).select_related("actor").order_by("-at", "-id")[:CHANGE_LOG_SIZE])
    codes = {str(v) for e in events for part in (e.data or {}, (e.data or {}).get("old"), (e.data or {}).get("new"))
             if isinstance(part, dict) for k, v in part.items() if k in UNIT_KEYS and v}
    names = {(True, code): name for code, name in Unit.objects.filter(code__in=codes).values_list("code", "name")} if codes else {}
    names.update({(False, code): award.name for code, award in load_catalogue().awards.items()})
    out = []
    for event in events:
        actor = event.actor
        who = (actor.get_full_name() or actor.username) if actor is not None else "—"
        out.append({"at": event.at, "who": who, "action": ACTIONS.get(event.action, event.action), "code": event.action,
                    "reason": (event.data or {}).get("reason", ""), "changes": _change_rows(event, names),
                    "withdrawn": event.action.endswith(".withdrawn")})
    return out


# The people list's columns (`tdkt_records.people_rows` reads them from dicts: no model instances for the table).
PEOPLE_ROW_FIELDS = ("pk", "full_name", "gender", "date_of_birth", "position", "is_leader", "is_direct_worker", "unit__name",
                     "year_rating")


def people_search(user, form):
    """The scoped, filtered, sorted people queryset of the list page and its export (form: a PeopleFilterForm), annotated with the year's rating. Only the
    valid filters apply (the form reports the others)."""
    people = people_visible_to(user)
    year = form.selected_year
    data = form.filters
    if data.get("q"):
        people = people.filter(name_q(data["q"]))
    if data.get("unit"):  # the subtree's unit ids (no join of the units for the list and its count)
        people = people.filter(unit_id__in=Unit.objects.filter(path__startswith=data["unit"].path).values("pk"))
    if data.get("gender"):
        people = people.filter(gender=data["gender"])
    if data.get("leader"):
        people = people.filter(is_leader=data["leader"] == "1")
    if data.get("direct"):
        people = people.filter(is_direct_worker=data["direct"] == "1")
    rating_sq = YearRating.objects.filter(person=OuterRef("pk"), year=year).values("rating")[:1]
    people = people.annotate(year_rating=Subquery(rating_sq))
    if data.get("rating") == "none":
        people = people.filter(year_rating__isnull=True)
    elif data.get("rating"):
        people = people.filter(year_rating=data["rating"])
    return people.select_related("unit").order_by("name_sort_key", "id"), year
