"""Every persona × every page and API endpoint, with the expected status, in one table.

Legend: 200 ok; "login" = 302 to the login page (anonymous); 403 forbidden; 404 outside one's scope;
401 API without credentials; "admin-login" = 302 to the admin's own login page.
"""

from __future__ import annotations

import json

import pytest
from django.db import transaction
from django.urls import NoReverseMatch, reverse

from tests.personas import PERSONA_NAMES

ALL = PERSONA_NAMES
LEDGER = ["admin", "officer_a", "appraiser", "office_head", "secretary", "chair"]
NO_LEDGER = ["council_member", "cluster_head", "editor", "no_role"]
STAFF = ["admin"]


def expect(ok: dict | None = None, **per_persona) -> dict:
    """Expected status per persona: defaults for the usual groups, overridden per persona."""
    table = {name: 403 for name in ALL}
    table["anonymous"] = "login"
    table.update(ok or {})
    table.update(per_persona)
    return table


def everyone(status):
    return {name: status for name in ALL if name != "anonymous"}


def ledger_readers(status, **extra):
    return {**{name: status for name in LEDGER}, "officer_b": status, **extra}


ELIGIBILITY_BODY = {"award": "LDTT", "year": 2025, "subject": {"kind": "individual"},
                    "history": {"ratings": [{"year": 2025, "rating": "HTTNV"}]}}
REWARD_BODY = {"award": "LDTT", "subject": "individual", "decided_on": "2026-01-15"}
TALLY_BODY = {"award": "CSTD_TINH", "decided_on": "2025-12-20", "members": 15, "present": 12, "agree": 13, "disagree": 1}

# (label, url builder from the tree, method, body, expected per persona)
WALK = [
    ("home", lambda t: reverse("web:home"), "get", None, expect(everyone(200))),
    ("unit tree", lambda t: reverse("org:unit_tree"), "get", None, expect({**everyone(200), "no_role": 403, "agency": 403})),
    ("ward A", lambda t: reverse("org:unit_detail", args=[t.ward_a.pk]), "get", None,
     expect({**everyone(200), "officer_b": 404, "no_role": 403, "agency": 403})),
    ("ward B", lambda t: reverse("org:unit_detail", args=[t.ward_b.pk]), "get", None,
     expect({**everyone(404), "admin": 200, "officer_b": 200, "no_role": 403, "agency": 403})),
    ("dissolved district", lambda t: reverse("org:unit_detail", args=[t.district.pk]), "get", None,
     expect({**everyone(404), "admin": 200, "no_role": 403, "agency": 403})),
    ("people list", lambda t: reverse("records:people_list"), "get", None, expect(ledger_readers(200))),
    ("people export", lambda t: reverse("records:people_export"), "get", None, expect(ledger_readers(200))),
    ("person in ward A", lambda t: reverse("records:person_detail", args=[t.an.pk]), "get", None,
     expect(ledger_readers(200, officer_b=404))),
    ("person in ward B", lambda t: reverse("records:person_detail", args=[t.dung.pk]), "get", None,
     expect({**{n: 404 for n in LEDGER}, "admin": 200, "officer_b": 200})),
    ("eligibility of ward A person", lambda t: reverse("records:person_eligibility", args=[t.an.pk]) + "?award=LDTT&year=2025", "get", None,
     expect(ledger_readers(200, officer_b=404))),
    ("import page", lambda t: reverse("records:history_import"), "get", None,
     expect({"admin": 200, "officer_a": 200, "officer_b": 200})),
    ("import template", lambda t: reverse("records:history_import_template"), "get", None,
     expect({"admin": 200, "officer_a": 200, "officer_b": 200})),
    ("password change", lambda t: reverse("accounts:password_change"), "get", None, expect(everyone(200))),
    ("password reset", lambda t: reverse("accounts:password_reset"), "get", None, {n: 200 for n in ALL}),
    ("API token without a password", lambda t: reverse("api-token"), "post", {"username": "quantri"}, {n: 400 for n in ALL}),
    ("admin index", lambda t: reverse("admin:index"), "get", None,
     {**{n: "admin-login" for n in ALL}, "admin": 200}),
    ("API eligibility check", lambda t: reverse("api:eligibility-check"), "post", ELIGIBILITY_BODY,
     {**everyone(200), "anonymous": 401}),
    ("API reward compute", lambda t: reverse("api:reward-compute"), "post", REWARD_BODY,
     {**everyone(200), "anonymous": 401}),
    ("API council tally", lambda t: reverse("council_api:tally"), "post", TALLY_BODY,
     {**everyone(200), "anonymous": 401}),
]


EDITORS_A = {"admin": 200, "officer_a": 200, "officer_b": 404}
EDITORS_B = {**{n: 404 for n in LEDGER}, "admin": 200, "officer_b": 200}


def _award(person):
    from tdkt.records.models import AwardRecord

    return AwardRecord.objects.filter(person=person, revocation__isnull=True).order_by("id").first().pk


def _rating(person):
    from tdkt.records.models import YearRating

    return YearRating.objects.filter(person=person).order_by("id").first().pk


def _initiative(person):
    from tdkt.records.models import Initiative

    return Initiative.objects.get_or_create(person=person, year=2025, title="Sáng kiến của lượt kiểm tra quyền",
                                            defaults={"scope": "CO_SO"})[0].pk


# The editing pages and endpoints of a person (point 6): (label, url name, extra args from the person).
PERSON_WRITES = [
    ("edit person", "org_edit:person_edit", lambda p: []),
    ("move person", "org_edit:person_move", lambda p: []),
    ("record rating", "records:rating_record", lambda p: []),
    ("record award", "records:award_add", lambda p: []),
    ("correct award", "records:award_correct", lambda p: [_award(p)]),
    ("record discipline", "records:discipline_add", lambda p: []),
    ("record initiative", "records:initiative_add", lambda p: []),
    ("withdraw award", "records:entry_withdraw", lambda p: ["award", _award(p)]),
    ("withdraw rating", "records:entry_withdraw", lambda p: ["rating", _rating(p)]),
    ("record working year", "records:work_year_record", lambda p: []),
    ("initiative's ground", "records:initiative_use", lambda p: [_initiative(p)]),
]
API_WRITES = [
    ("API patch person", "org_api:person", lambda p: [], "patch"),
    ("API move person", "org_api:person-move", lambda p: [], "post"),
    ("API rating", "records_api:ratings", lambda p: [], "post"),
    ("API award", "records_api:awards", lambda p: [], "post"),
    ("API correct award", "records_api:award", lambda p: [_award(p)], "patch"),
    ("API discipline", "records_api:disciplines", lambda p: [], "post"),
    ("API initiative", "records_api:initiatives", lambda p: [], "post"),
    ("API withdraw award", "records_api:withdraw", lambda p: ["award", _award(p)], "post"),
    ("API working year", "records_api:work_years", lambda p: [], "post"),
    ("API initiative's ground", "records_api:initiative_use", lambda p: [_initiative(p)], "put"),
]


def _editing_walk():
    """Every editing page (GET, and POST of an empty form: re-shown with its messages, nothing saved) and every
    editing endpoint (an empty JSON body: 400), on a person of ward A and one of ward B: another ward's person
    is a 404 for every persona, a reader who may not edit gets 403."""
    rows = []
    for who, attr, table in (("ward A", "an", EDITORS_A), ("ward B", "dung", EDITORS_B)):
        for label, name, extra in PERSON_WRITES:
            def build(t, name=name, attr=attr, extra=extra):
                person = getattr(t, attr)
                return reverse(name, args=[person.pk, *extra(person)])

            rows.append((f"{label} of {who} person (page)", build, "get", None, expect(table)))
            rows.append((f"{label} of {who} person (save)", build, "form", {}, expect(table)))
        for label, name, extra, method in API_WRITES:
            def build(t, name=name, attr=attr, extra=extra):
                person = getattr(t, attr)
                return reverse(name, args=[person.pk, *extra(person)])

            api = {n: 403 for n in ALL}
            api.update({n: (400 if v == 200 else v) for n, v in table.items()})
            api["anonymous"] = 401
            if name == "org_api:person":
                api.update({n: 200 for n, v in table.items() if v == 200})  # an empty PATCH changes nothing: 200
            rows.append((f"{label} of {who} person", build, method, {}, api))
    rows += [
        ("add person (page)", lambda t: reverse("org_edit:person_create"), "get", None,
         expect({"admin": 200, "officer_a": 200, "officer_b": 200})),
        ("add person (save)", lambda t: reverse("org_edit:person_create"), "form", {},
         expect({"admin": 200, "officer_a": 200, "officer_b": 200})),
        ("API add person", lambda t: reverse("org_api:people"), "post", {},
         {**{n: 403 for n in ALL}, "admin": 400, "officer_a": 400, "officer_b": 400, "anonymous": 401}),
        ("unit eligibility of ward A school", lambda t: reverse("records:unit_eligibility", args=[t.school_a.pk]) + "?award=TTLDTT&year=2025",
         "get", None, expect(ledger_readers(200, officer_b=404))),
        ("unit eligibility of ward B school", lambda t: reverse("records:unit_eligibility", args=[t.school_b.pk]) + "?award=TTLDTT&year=2025",
         "get", None, expect({**everyone(404), "admin": 200, "officer_b": 200, "no_role": 403, "agency": 403})),
        ("API schema", lambda t: reverse("api-schema"), "get", None, {n: 200 for n in ALL}),
        ("unit rating of ward A school (page)", lambda t: reverse("records:unit_rating_record", args=[t.school_a.pk]), "get", None,
         expect(EDITORS_A)),
        ("unit rating of ward A school (save)", lambda t: reverse("records:unit_rating_record", args=[t.school_a.pk]), "form", {},
         expect(EDITORS_A)),
        ("unit rating of ward B school (save)", lambda t: reverse("records:unit_rating_record", args=[t.school_b.pk]), "form", {},
         expect({**everyone(404), "admin": 200, "officer_b": 200, "no_role": 403, "agency": 403})),
        ("API person of ward A", lambda t: reverse("org_api:person", args=[t.an.pk]), "get", None,
         {**{n: 403 for n in ALL}, **ledger_readers(200, officer_b=404), "anonymous": 401}),
    ]
    return rows


def _reports_walk():
    """Pages of the batch run (reports app), when it exists: ledger readers only."""
    rows = []
    for name in ("reports:batch_start",):
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        rows.append((name, lambda t, url=url: url, "get", None, expect(ledger_readers(200))))
    return rows


def _dossier(tree, unit_attr: str):
    """A draft dossier of the ward's school in a round of the ward (test data, made when the row is walked)."""
    import datetime as dt

    from tdkt.core.actors import system_actor
    from tdkt.nominations.models import Dossier, Round

    ward = tree.ward_a if unit_attr == "school_a" else tree.ward_b
    round_, _ = Round.objects.get_or_create(office_unit=ward, year=2025, kind="ANNUAL", title=f"Khen thưởng năm 2025 — {ward.name}",
                                            defaults={"awards": ["LDTT"], "intake_from": dt.date(2025, 11, 1),
                                                      "intake_to": dt.date(2026, 12, 31), "created_by": system_actor()})
    dossier, _ = Dossier.objects.get_or_create(round=round_, unit=getattr(tree, unit_attr),
                                               defaults={"title": "Hồ sơ của lượt kiểm tra quyền", "created_by": system_actor()})
    return dossier


NOMINATION_READERS = {**ledger_readers(200)}
OFFICE_A = {"admin": 200, "appraiser": 200, "office_head": 200}


def _nominations_walk():
    """The nominations screens and endpoints (issue 13): readers of ledgers and the standing office see the dossiers of
    their scope (another ward's is a 404), only the office opens a round, anyone reads the public tracking page."""
    def a(t):
        return _dossier(t, "school_a")

    def b(t):
        return _dossier(t, "school_b")

    api = {**{n: 403 for n in ALL}, "anonymous": 401}
    return [
        ("dossiers", lambda t: reverse("nominations:index"), "get", None, expect(NOMINATION_READERS)),
        ("dossier of ward A", lambda t: reverse("nominations:dossier_detail", args=[a(t).pk]), "get", None,
         expect(ledger_readers(200, officer_b=404))),
        ("dossier of ward B", lambda t: reverse("nominations:dossier_detail", args=[b(t).pk]), "get", None,
         expect({**{n: 404 for n in NOMINATION_READERS}, "admin": 200, "officer_b": 200})),
        ("submit dossier of ward A (page)", lambda t: reverse("nominations:dossier_act", args=[a(t).pk, "submit"]), "get", None,
         expect({**{n: 403 for n in NOMINATION_READERS}, "admin": 200, "officer_a": 200, "officer_b": 404})),
        ("withdraw dossier of ward B (page)", lambda t: reverse("nominations:dossier_act", args=[b(t).pk, "withdraw"]), "get", None,
         expect({**{n: 404 for n in NOMINATION_READERS}, "admin": 200, "officer_b": 200})),
        ("round of ward A", lambda t: reverse("nominations:round_detail", args=[a(t).round_id]), "get", None,
         expect(ledger_readers(200, officer_b=404))),
        ("open a round (page)", lambda t: reverse("nominations:round_open"), "get", None, expect(OFFICE_A)),
        ("open a round (save)", lambda t: reverse("nominations:round_open"), "form", {}, expect(OFFICE_A)),
        ("tracking page", lambda t: reverse("tracking:code", args=[a(t).tracking_code]), "get", None, {n: 200 for n in ALL}),
        ("API dossiers", lambda t: reverse("nominations_api:dossiers"), "get", None, {**api, **NOMINATION_READERS}),
        ("API dossier of ward A", lambda t: reverse("nominations_api:dossier", args=[a(t).pk]), "get", None,
         {**api, **ledger_readers(200, officer_b=404)}),
        ("API transition of ward A", lambda t: reverse("nominations_api:transitions", args=[a(t).pk]), "post", {},
         {**api, **ledger_readers(400, officer_b=404)}),
        ("API rounds (open)", lambda t: reverse("nominations_api:rounds"), "post", {}, {**api, "admin": 400, "appraiser": 400,
                                                                                         "office_head": 400}),
        ("attach a file to ward A's dossier (save)", lambda t: reverse("nominations:attachment_add", args=[a(t).pk]), "form", {},
         expect({**{n: 403 for n in NOMINATION_READERS}, "admin": 200, "officer_a": 200, "officer_b": 404})),
        ("import a list into ward A's dossier (page)", lambda t: reverse("nominations:nominee_import", args=[a(t).pk]), "get", None,
         expect({**{n: 403 for n in NOMINATION_READERS}, "admin": 200, "officer_a": 200, "officer_b": 404})),
        ("download a file of ward B's dossier", lambda t: reverse("nominations:attachment_download", args=[b(t).pk, 999999]), "get", None,
         expect({**{n: 404 for n in NOMINATION_READERS}, "admin": 404, "officer_b": 404})),
        ("appraise a nominee of ward A", lambda t: reverse("nominations:appraisal_save", args=[a(t).pk, _nominee(a(t)).pk]), "form", {},
         expect({**{n: 403 for n in NOMINATION_READERS}, **{n: 302 for n in OFFICE_A}, "officer_b": 404})),
    ]


def _nominee(dossier):
    from tdkt.nominations.models import Nominee

    return Nominee.objects.get_or_create(dossier=dossier, person=dossier.unit.people.first(), award_code="LDTT")[0]



def _someone_elses_notification(tree):
    """A notification of the system account (test data): nobody else opens it."""
    from tdkt.core.actors import system_actor
    from tdkt.core.models import Notification

    return Notification.objects.get_or_create(recipient=system_actor(), title="Thông báo của lượt kiểm tra quyền")[0]


def _notifications_walk():
    """The bell's pages (core): every signed-in account reads and clears its own notifications; another's is a 404."""
    return [
        ("notifications", lambda t: reverse("core:notifications"), "get", None, expect(everyone(200))),
        ("someone else's notification", lambda t: reverse("core:notification_open", args=[_someone_elses_notification(t).pk]),
         "get", None, expect(everyone(404))),
        ("mark all notifications read", lambda t: reverse("core:notifications_read_all"), "form", {}, expect(everyone(302))),
    ]



def _consultation(tree, unit_attr: str):
    """A dossier of the ward's school in public consultation, with a nominee and a pending comment (made when walked)."""
    import datetime as dt

    from django.utils import timezone

    from tdkt.core.actors import system_actor
    from tdkt.nominations.models import Comment, Consultation, Dossier, DossierStatus, Nominee

    dossier = _dossier(tree, unit_attr)
    Dossier.objects.filter(pk=dossier.pk).update(status=DossierStatus.IN_CONSULTATION)
    person = tree.an if unit_attr == "school_a" else tree.dung
    nominee, _ = Nominee.objects.get_or_create(dossier=dossier, person=person, award_code="LDTT")
    today = timezone.localdate()
    consultation, _ = Consultation.objects.get_or_create(dossier=dossier, defaults={
        "opened_on": today, "closes_on": today + dt.timedelta(days=30), "working_days": 10, "opened_by": system_actor()})
    comment, _ = Comment.objects.get_or_create(consultation=consultation, nominee=nominee, text="Ý kiến của lượt kiểm tra quyền",
                                               defaults={"address_hash": "0" * 64})
    return consultation, nominee, comment


MODERATORS_A = {**OFFICE_A, "editor": 200}


def _consultation_walk():
    """The public consultation (issue 13, point 7): its public pages answer everyone, logged in or not; the moderation
    queue and pages answer the standing office and the portal editor of the level (another level's comment is a 404)."""
    def a(t):
        return _consultation(t, "school_a")

    def b(t):
        return _consultation(t, "school_b")

    public = {n: 200 for n in ALL}
    return [
        ("consultation: public index", lambda t: reverse("consultation:index"), "get", None, public),
        ("consultation: public list of ward A", lambda t: reverse("consultation:detail", args=[a(t)[0].pk]), "get", None, public),
        ("consultation: public round of ward A", lambda t: reverse("consultation:round", args=[a(t)[0].dossier.round_id]), "get",
         None, public),
        ("consultation: comment form (page)", lambda t: reverse("consultation:comment", args=[a(t)[0].pk]) + f"?nguoi={a(t)[1].pk}",
         "get", None, public),
        ("consultation: comment form (send empty)", lambda t: reverse("consultation:comment", args=[a(t)[0].pk]), "form", {}, public),
        ("consultation: moderation queue", lambda t: reverse("nominations:comment_queue"), "get", None, expect(MODERATORS_A)),
        ("consultation: moderate ward A comment (page)", lambda t: reverse("nominations:comment_moderate", args=[a(t)[2].pk]), "get",
         None, expect(MODERATORS_A)),
        ("consultation: moderate ward A comment (send empty)", lambda t: reverse("nominations:comment_moderate", args=[a(t)[2].pk]),
         "form", {}, expect(MODERATORS_A)),
        ("consultation: moderate ward B comment (page)", lambda t: reverse("nominations:comment_moderate", args=[b(t)[2].pk]), "get",
         None, expect({**{n: 404 for n in MODERATORS_A}, "admin": 200})),
    ]


def _opinion(tree, kind: str = "POLICE", *, addressee: str = "police", scan: bool = False):
    """An opinion request on Nguyễn Văn An in the ward A dossier, addressed to Công an phường Đống Đa (the agency
    persona's unit) or to Công an phường Láng (no account); with `scan`, answered on paper with a stored PDF."""
    import datetime as dt

    from django.core.files.base import ContentFile
    from django.utils import timezone

    from tdkt.core.actors import system_actor
    from tdkt.core.uploads import check_upload, store_upload
    from tdkt.nominations.models import Nominee, OpinionRequest
    from tdkt.org.models import Unit, UnitKind
    from tdkt.org.services import unit_create
    from tests import upload_samples

    dossier = _dossier(tree, "school_a")
    nominee, _ = Nominee.objects.get_or_create(dossier=dossier, person=tree.an, award_code="LDTT")
    unit = tree.police if addressee == "police" else (
        Unit.objects.filter(code="cong_an_lang").first()
        or unit_create(actor=system_actor(), code="cong_an_lang", name="Công an phường Láng", kind=UnitKind.AGENCY, parent=tree.province))
    today = timezone.localdate()
    request, created = OpinionRequest.objects.get_or_create(
        dossier=dossier, nominee=nominee, addressee=unit, agency_kind=kind,
        defaults={"requested_by": system_actor(), "requested_on": today, "reply_days": 10, "due_on": today + dt.timedelta(days=14)})
    if scan and created:
        file = ContentFile(upload_samples.pdf_bytes("Cong van"), name="Công văn trả lời.pdf")
        checked = check_upload(file)
        OpinionRequest.objects.filter(pk=request.pk).update(
            status="answered", answer="positive", answered_on=today, recorded_from_paper=True, scan_filename=checked.filename,
            scan_name=store_upload(file, checked, prefix="nominations/opinions"), scan_content_type=checked.content_type)
    return request


def _hold(tree):
    from django.utils import timezone

    from tdkt.core.actors import system_actor
    from tdkt.nominations.models import Hold

    nominee = _opinion(tree).nominee
    return Hold.objects.get_or_create(person=tree.an, nominee=nominee, kind="COMPLAINT", defaults={
        "reason": "Khiếu nại của lượt kiểm tra quyền", "source": "Đơn thư", "start": timezone.localdate(), "recorded_by": system_actor()})[0]


AGENCY_OK = {"admin": 200, "agency": 200}


def _opinions_walk():
    """Agency opinions and holds (issue 13, point 6): the agency account reaches only the requests addressed to its own
    unit (another agency's is a 404) and nothing of the dossiers; the office of the dossier's level requests, records,
    resolves and holds (another ward's dossier is a 404, a reader who may not appraise gets 403); a scan is served to
    the office and to the agency it answers, a 404 to everyone else."""
    def a(t):
        return _dossier(t, "school_a")

    def b(t):
        return _dossier(t, "school_b")

    office_a = expect({**{n: 403 for n in NOMINATION_READERS}, **OFFICE_A, "officer_b": 404})
    office_b = expect({**{n: 404 for n in NOMINATION_READERS}, "admin": 200, "officer_b": 403})
    api = {**{n: 403 for n in ALL}, "anonymous": 401}
    api_office_a = {**api, **{n: 403 for n in NOMINATION_READERS}, "admin": 400, "appraiser": 400, "office_head": 400, "officer_b": 404}
    return [
        ("opinion inbox", lambda t: reverse("nominations:opinion_inbox"), "get", None, expect(AGENCY_OK)),
        ("opinion addressed to the agency", lambda t: reverse("nominations:opinion_detail", args=[_opinion(t).pk]), "get", None,
         expect(AGENCY_OK)),
        ("opinion addressed to another agency", lambda t: reverse("nominations:opinion_detail", args=[_opinion(t, addressee="lang").pk]),
         "get", None, expect({"admin": 200, "agency": 404})),
        ("answer an opinion (save)", lambda t: reverse("nominations:opinion_detail", args=[_opinion(t).pk]), "form", {}, expect(AGENCY_OK)),
        ("scan of a paper reply", lambda t: reverse("nominations:opinion_scan", args=[_opinion(t, "TAX", scan=True).pk]), "get", None,
         expect({**everyone(404), **OFFICE_A, "agency": 200})),
        ("request opinions on ward A dossier (page)", lambda t: reverse("nominations:opinion_request", args=[a(t).pk]), "get", None, office_a),
        ("request opinions on ward A dossier (save)", lambda t: reverse("nominations:opinion_request", args=[a(t).pk]), "form", {}, office_a),
        ("request opinions on ward B dossier (page)", lambda t: reverse("nominations:opinion_request", args=[b(t).pk]), "get", None, office_b),
        ("paper reply on ward A dossier (page)", lambda t: reverse("nominations:opinion_paper", args=[a(t).pk, _opinion(t).pk]), "get", None,
         office_a),
        ("paper reply on ward A dossier (save)", lambda t: reverse("nominations:opinion_paper", args=[a(t).pk, _opinion(t).pk]), "form", {},
         office_a),
        ("resolve an opinion on ward A dossier (page)", lambda t: reverse("nominations:opinion_resolve", args=[a(t).pk, _opinion(t).pk]),
         "get", None, office_a),
        ("record a hold on ward A dossier (page)", lambda t: reverse("nominations:hold_add", args=[a(t).pk]), "get", None, office_a),
        ("record a hold on ward A dossier (save)", lambda t: reverse("nominations:hold_add", args=[a(t).pk]), "form", {}, office_a),
        ("lift a hold on ward A dossier (page)", lambda t: reverse("nominations:hold_lift", args=[a(t).pk, _hold(t).pk]), "get", None, office_a),
        ("API opinions of the agency", lambda t: reverse("nominations_api:opinions"), "get", None, {**api, **AGENCY_OK}),
        ("API answer an opinion", lambda t: reverse("nominations_api:opinion-answer", args=[_opinion(t).pk]), "post", {},
         {**api, "admin": 400, "agency": 400}),
        ("API answer another agency's opinion", lambda t: reverse("nominations_api:opinion-answer", args=[_opinion(t, addressee="lang").pk]),
         "post", {}, {**api, "admin": 400, "agency": 404}),
        ("API opinions of ward A dossier", lambda t: reverse("nominations_api:dossier-opinions", args=[a(t).pk]), "get", None,
         {**api_office_a, "admin": 200, "appraiser": 200, "office_head": 200}),
        ("API request opinions on ward A dossier", lambda t: reverse("nominations_api:dossier-opinions", args=[a(t).pk]), "post", {},
         api_office_a),
    ]


def _appraisal_depth_walk():
    """Issue 13 part 1, appraisal depth: the round's invited units (the office of the level), the consultations and their
    comments through the API (readers of the dossiers and the level's moderators; another ward's is a 404; only the
    moderators moderate)."""
    def a(t):
        return _consultation(t, "school_a")

    api = {**{n: 403 for n in ALL}, "anonymous": 401}
    office_page = expect({**{n: 403 for n in NOMINATION_READERS}, **OFFICE_A, "officer_b": 404})
    return [
        ("invited units of ward A's round (page)", lambda t: reverse("nominations:round_invite", args=[_dossier(t, "school_a").round_id]),
         "get", None, office_page),
        ("invited units of ward A's round (save)", lambda t: reverse("nominations:round_invite", args=[_dossier(t, "school_a").round_id]),
         "form", {}, expect({**{n: 403 for n in NOMINATION_READERS}, **{n: 302 for n in OFFICE_A}, "officer_b": 404})),
        ("API invited units of ward A's round", lambda t: reverse("nominations_api:round-invited", args=[_dossier(t, "school_a").round_id]),
         "put", {"invited": []}, {**api, **{n: 403 for n in NOMINATION_READERS}, **{n: 200 for n in OFFICE_A}, "officer_b": 404}),
        ("API consultations", lambda t: reverse("nominations_api:consultations"), "get", None,
         {**api, **NOMINATION_READERS, "editor": 200}),
        ("API comments of ward A's consultation", lambda t: reverse("nominations_api:consultation-comments", args=[a(t)[0].pk]),
         "get", None, {**api, **ledger_readers(200, officer_b=404), "editor": 200}),
        ("API moderate ward A's comment", lambda t: reverse("nominations_api:comment-moderation", args=[a(t)[2].pk]), "post", {},
         {**api, **{n: 400 for n in MODERATORS_A}}),
    ]


def _decisions_walk():
    """Forwarding upward and the exchange package (issue 14, decisions app): the standing office of the dossier's level
    forwards it and downloads its package, the office of a round's level uploads a package into it (another ward's
    dossier or round is a 404, a reader who may not act gets 403). The rows change nothing: a draft without nominees is
    neither forwarded nor exported, empty forms and bodies are refused."""
    def a(t):
        return _dossier(t, "school_a")

    def b(t):
        return _dossier(t, "school_b")

    office_a = expect({**{n: 403 for n in NOMINATION_READERS}, **OFFICE_A, "officer_b": 404})
    api = {**{n: 403 for n in ALL}, "anonymous": 401}
    api_office_a = {**api, **{n: 403 for n in NOMINATION_READERS}, "admin": 400, "appraiser": 400, "office_head": 400, "officer_b": 404}
    return [
        ("forward ward A's dossier (page)", lambda t: reverse("decisions:forward", args=[a(t).pk]), "get", None, office_a),
        ("forward ward A's dossier (save)", lambda t: reverse("decisions:forward", args=[a(t).pk]), "form", {}, office_a),
        ("forward ward B's dossier (page)", lambda t: reverse("decisions:forward", args=[b(t).pk]), "get", None,
         expect({**{n: 404 for n in NOMINATION_READERS}, "admin": 200, "officer_b": 403})),
        ("package of ward A's dossier (download)", lambda t: reverse("decisions:export", args=[a(t).pk]), "get", None,
         expect({**{n: 403 for n in NOMINATION_READERS}, **{n: 302 for n in OFFICE_A}, "officer_b": 404})),
        ("import a package into ward A's round (page)", lambda t: reverse("decisions:import", args=[a(t).round_id]), "get", None, office_a),
        ("import a package into ward A's round (save)", lambda t: reverse("decisions:import", args=[a(t).round_id]), "form", {}, office_a),
        ("import a package into ward B's round (page)", lambda t: reverse("decisions:import", args=[b(t).round_id]), "get", None,
         expect({**{n: 404 for n in NOMINATION_READERS}, "admin": 200, "officer_b": 403})),
        ("API forward ward A's dossier", lambda t: reverse("decisions_api:forward", args=[a(t).pk]), "post", {}, api_office_a),
        ("API package of ward A's dossier", lambda t: reverse("decisions_api:package", args=[a(t).pk]), "get", None, api_office_a),
        ("API import a package into ward A's round", lambda t: reverse("decisions_api:packages", args=[a(t).round_id]), "post", {},
         {**api, "admin": 400, "appraiser": 400, "office_head": 400}),
        ("admin: numbering of issuers", lambda t: reverse("admin:core_issuernumbering_changelist"), "get", None,
         {**{n: "admin-login" for n in ALL}, "admin": 200}),
        ("admin: issued document numbers", lambda t: reverse("admin:core_issuednumber_changelist"), "get", None,
         {**{n: "admin-login" for n in ALL}, "admin": 200}),
    ]


def _council_session(tree, ward: str = "a"):
    """An open session of the ward's TĐKT council on 20/12/2025 with one agenda item (the ward's school nominee) and the
    council member `hoidong` present (ward A; made when the row is walked). Ward B's council is made here, without members."""
    import datetime as dt

    from tdkt.core.actors import system_actor
    from tdkt.council.models import AgendaItem, Attendance, CouncilSession
    from tdkt.org.models import Council

    unit = tree.ward_a if ward == "a" else tree.ward_b
    council, _ = Council.objects.get_or_create(unit=unit, kind="tdkt", defaults={"name": f"Hội đồng TĐKT {unit.name}"})
    session, created = CouncilSession.objects.get_or_create(council=council, title="Phiên họp của lượt kiểm tra quyền", defaults={
        "held_on": dt.date(2025, 12, 20), "status": "open", "members_count": 1, "present_count": 1, "created_by": system_actor()})
    if created:
        AgendaItem.objects.create(session=session, nominee=_nominee(_dossier(tree, "school_a" if ward == "a" else "school_b")),
                                  award_code="LDTT", position=1)
        member = council.members.filter(role="member").first()
        if member is not None:
            Attendance.objects.create(session=session, member=member, status="present")
    return session


COUNCIL_VIEWERS = {"admin": 200, "appraiser": 200, "office_head": 200, "council_member": 200, "secretary": 200, "chair": 200}
COUNCIL_MANAGERS = {"admin": 200, "appraiser": 200, "office_head": 200, "secretary": 200}


def _council_walk():
    """The council's screens and endpoints (issue 14): the standing office, the council's members and secretary and the
    signer of the level see its sessions (another ward's is a 404); the secretary and the office prepare and run them;
    only a voting member votes; the results before the close are refused with a Vietnamese message."""
    def a(t):
        return _council_session(t, "a")

    def b(t):
        return _council_session(t, "b")

    def member_pk(t):
        return a(t).attendance.get().member_id

    def url(name, *extra):
        return lambda t: reverse(f"council:{name}", args=[a(t).pk, *[e(t) for e in extra]])

    managers_post = expect({**{n: 403 for n in COUNCIL_VIEWERS}, **{n: 302 for n in COUNCIL_MANAGERS}})
    managers_page = expect({**{n: 403 for n in COUNCIL_VIEWERS}, **COUNCIL_MANAGERS})
    other_ward = expect({**{n: 404 for n in COUNCIL_VIEWERS}, "admin": 200})
    api = {**{n: 403 for n in ALL}, "anonymous": 401}
    return [
        ("council: sessions", lambda t: reverse("council:index"), "get", None, expect(COUNCIL_VIEWERS)),
        ("council: create a session (page)", lambda t: reverse("council:session_create"), "get", None, expect(COUNCIL_MANAGERS)),
        ("council: create a session (save)", lambda t: reverse("council:session_create"), "form", {}, expect(COUNCIL_MANAGERS)),
        ("council: session of ward A", url("session_detail"), "get", None, expect(COUNCIL_VIEWERS)),
        ("council: session of ward B", lambda t: reverse("council:session_detail", args=[b(t).pk]), "get", None, other_ward),
        ("council: live count of ward A", url("session_count"), "get", None, expect(COUNCIL_VIEWERS)),
        ("council: add the ready dossiers (save)", url("agenda_add"), "form", {}, managers_post),
        ("council: attendance (save)", url("attendance"), "form", {}, managers_post),
        ("council: open or close the ballot (save)", url("act"), "form", {}, managers_post),
        ("council: ballot of ward A (page)", url("ballot"), "get", None,
         expect({**{n: 403 for n in COUNCIL_VIEWERS}, "admin": 200, "council_member": 200})),
        ("council: ballot of ward A (send empty)", url("ballot"), "form", {},
         expect({**{n: 403 for n in COUNCIL_VIEWERS}, "admin": 400, "council_member": 400})),
        ("council: ballot of ward B (page)", lambda t: reverse("council:ballot", args=[b(t).pk]), "get", None, other_ward),
        ("council: written vote (page)", url("written_vote", member_pk), "get", None, managers_page),
        ("council: paper tally (page)", url("paper_tally"), "get", None, managers_page),
        ("council: paper tally (send empty)", url("paper_tally"), "form", {}, managers_page),
        ("council: tally sheet scan (none)", url("scan"), "get", None, expect({n: 404 for n in COUNCIL_VIEWERS})),
        ("council: results of ward A", url("results"), "get", None, expect(COUNCIL_VIEWERS)),
        ("council: ballot paper of ward A (.docx)", lambda t: reverse("council:document", args=[a(t).pk, "phieu-bau", "docx"]), "get", None,
         expect(COUNCIL_VIEWERS)),
        ("council: minutes of ward A before the close", lambda t: reverse("council:document", args=[a(t).pk, "bien-ban", "docx"]), "get",
         None, expect({n: 302 for n in COUNCIL_VIEWERS})),
        ("council: ballot paper of ward B", lambda t: reverse("council:document", args=[b(t).pk, "phieu-bau", "docx"]), "get", None,
         other_ward),
        ("API council sessions", lambda t: reverse("council_api:sessions"), "get", None, {**api, **COUNCIL_VIEWERS}),
        ("API council session of ward A", lambda t: reverse("council_api:session", args=[a(t).pk]), "get", None,
         {**api, **COUNCIL_VIEWERS}),
        ("API council session of ward B", lambda t: reverse("council_api:session", args=[b(t).pk]), "get", None,
         {**api, **{n: 404 for n in COUNCIL_VIEWERS}, "admin": 200}),
        ("API council results before the close", lambda t: reverse("council_api:results", args=[a(t).pk]), "get", None,
         {**api, **{n: 400 for n in COUNCIL_VIEWERS}}),
        ("API council ballot (empty)", lambda t: reverse("council_api:ballot", args=[a(t).pk]), "post", {},
         {**api, "admin": 400, "council_member": 400}),
    ]


def _decision(tree, ward: str = "a", status: str = "draft"):
    """A decision of the ward (test data, made when the row is walked): a draft or a submitted one, with one line
    (the ward's first person, Lao động tiên tiến 2025, 700.000 đồng)."""
    import datetime as dt

    from tdkt.core.actors import system_actor
    from tdkt.decisions.models import Decision, DecisionLine

    unit = tree.ward_a if ward == "a" else tree.ward_b
    decision, created = Decision.objects.get_or_create(issuer=unit, status=status, title=f"Quyết định của lượt kiểm tra quyền ({status})",
                                                       defaults={"decided_on": dt.date(2025, 12, 22), "drafted_by": system_actor(),
                                                                 "grounds": ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022."],
                                                                 "total_amount": 700_000})
    if created:
        person = (tree.an if ward == "a" else tree.dung)
        DecisionLine.objects.create(decision=decision, position=1, name=person.full_name, person=person, award_code="LDTT",
                                    year=2025, amount=700_000)
    return decision


DECISION_VIEWERS = {"admin": 200, "officer_a": 200, "appraiser": 200, "office_head": 200, "secretary": 200, "chair": 200}
DECISION_DRAFTERS = {"admin": 200, "appraiser": 200, "office_head": 200}
DECISION_SIGNERS = {"admin": 200, "chair": 200}


def _decision_screens_walk():
    """The decision screens and endpoints (issue 14, point 4): the ledger readers of the issuer's subtree read its
    decisions (another ward's is a 404), its standing office drafts, changes and submits them, its own signer returns or
    signs them; everyone else with no ledger role is refused (403). The rows change nothing: empty forms and bodies are
    refused, a submitted decision is not submitted again."""
    def draft(t):
        return _decision(t, "a")

    def submitted(t):
        return _decision(t, "a", "submitted")

    def line(t):
        return draft(t).lines.get().pk

    def url(name, build=draft, *extra):
        return lambda t: reverse(f"decisions:{name}", args=[build(t).pk, *[e(t) for e in extra]])

    def api_url(name, build=draft, *extra):
        return lambda t: reverse(f"decisions_api:{name}", args=[build(t).pk, *[e(t) for e in extra]])

    def only(table, status):
        return {n: status for n in table}

    viewers_a = expect({**DECISION_VIEWERS, "officer_b": 404})
    drafters = expect({**only(DECISION_VIEWERS, 403), **DECISION_DRAFTERS, "officer_b": 404})
    signers = expect({**only(DECISION_VIEWERS, 403), **DECISION_SIGNERS, "officer_b": 404})
    api = {**{n: 403 for n in ALL}, "anonymous": 401}
    api_drafters = {**api, **only(DECISION_VIEWERS, 403), **only(DECISION_DRAFTERS, 400), "officer_b": 404}
    api_signers = {**api, **only(DECISION_VIEWERS, 403), **only(DECISION_SIGNERS, 400), "officer_b": 404}
    return [
        ("decisions: list", lambda t: reverse("decisions:decision_index"), "get", None, expect({**DECISION_VIEWERS, "officer_b": 200})),
        ("decisions: ward A draft (page)", url("decision_detail"), "get", None, viewers_a),
        ("decisions: ward B draft (page)", lambda t: reverse("decisions:decision_detail", args=[_decision(t, "b").pk]), "get", None,
         expect({**only(DECISION_VIEWERS, 404), "admin": 200, "officer_b": 200})),
        ("decisions: draft from ward A's session (page)", lambda t: reverse("decisions:decision_draft", args=[_council_session(t).pk]),
         "get", None, expect(DECISION_DRAFTERS)),
        ("decisions: draft from ward A's session (save, empty)",
         lambda t: reverse("decisions:decision_draft", args=[_council_session(t).pk]), "form", {}, expect(DECISION_DRAFTERS)),
        ("decisions: edit ward A draft (save, empty)", url("decision_edit"), "form", {}, expect({**drafters, **only(DECISION_DRAFTERS, 400)})),
        ("decisions: remove a line (save, empty)", url("decision_line_remove", draft, line), "form", {},
         expect({**drafters, **only(DECISION_DRAFTERS, 302)})),
        ("decisions: submit or return (save, empty)", url("decision_act"), "form", {}, expect({**only(DECISION_VIEWERS, 302),
                                                                                               "officer_b": 404})),
        ("decisions: submit a submitted one (save)", url("decision_act", submitted), "form", {"action": "submit"},
         expect({**drafters, **only(DECISION_DRAFTERS, 302)})),
        ("decisions: sign ward A (confirmation page)", url("decision_sign", submitted), "get", None, signers),
        ("decisions: sign ward A (save, unconfirmed)", url("decision_sign", submitted), "form", {}, signers),
        ("decisions: cancel ward A draft (page)", url("decision_cancel"), "get", None, drafters),
        ("decisions: revoke a line (page)", url("decision_revoke", draft, line), "get", None, drafters),
        ("decisions: amend ward A draft (page)", url("decision_amend"), "get", None, drafters),
        ("decisions: amend ward A draft (save, empty)", url("decision_amend"), "form", {}, drafters),
        ("decisions: add an amendment line (save, empty)", url("decision_line_add"), "form", {},
         expect({**drafters, **only(DECISION_DRAFTERS, 302)})),
        ("decisions: ward A draft (.docx)", lambda t: reverse("decisions:decision_download", args=[draft(t).pk, "docx"]), "get", None,
         viewers_a),
        ("API decisions", lambda t: reverse("decisions_api:decisions"), "get", None, {**api, **DECISION_VIEWERS, "officer_b": 200}),
        ("API ward A decision", api_url("decision"), "get", None, {**api, **DECISION_VIEWERS, "officer_b": 404}),
        ("API ward B decision", lambda t: reverse("decisions_api:decision", args=[_decision(t, "b").pk]), "get", None,
         {**api, **only(DECISION_VIEWERS, 404), "admin": 200, "officer_b": 200}),
        ("API patch ward A draft (blank title)", api_url("decision"), "patch", {"title": ""}, api_drafters),
        ("API draft from ward A's session (empty)", lambda t: reverse("decisions_api:session-decision", args=[_council_session(t).pk]),
         "post", {}, {**api, **only(DECISION_DRAFTERS, 400)}),
        ("API remove a line (empty)", api_url("decision-line-remove", draft, line), "post", {}, api_drafters),
        ("API submit a submitted one", api_url("decision-submit", submitted), "post", {}, api_drafters),
        ("API return (empty)", api_url("decision-return", submitted), "post", {}, api_signers),
        ("API sign (empty)", api_url("decision-sign", submitted), "post", {}, api_signers),
        ("API cancellation (empty)", api_url("decision-cancellation"), "post", {}, api_drafters),
        ("API revocation (empty)", api_url("decision-revocation"), "post", {}, api_drafters),
        ("API amendment (empty)", api_url("decision-amendment"), "post", {}, api_drafters),
        ("API add an amendment line (empty)", api_url("decision-lines"), "post", {}, api_drafters),
    ]


def _layout(tree) -> int:
    """Ward A's Giấy khen blank layout (test data, made when the row is walked)."""
    from tdkt.core.actors import system_actor
    from tdkt.documents.models import CertificateLayout

    return CertificateLayout.objects.get_or_create(unit=tree.ward_a, form="giay_khen", subject="individual",
                                                   defaults={"updated_by": system_actor()})[0].pk


def _job(tree) -> int:
    """A queued bulk generation job of ward A (test data, made when the row is walked)."""
    from tdkt.core.actors import system_actor
    from tdkt.documents.models import DocumentJob

    return DocumentJob.objects.get_or_create(unit=tree.ward_a, kind="certificates", title="Giấy khen của lượt kiểm tra quyền",
                                             defaults={"requested_by": system_actor(), "total": 2})[0].pk


def _documents_walk():
    """The documents app's screens: the admin's (templates, certificate layouts: the administrator only; an empty upload
    form is re-shown with its message, nothing saved) and a bulk job's page, progress and files (the ledger readers of
    its unit; its files only once it is done)."""
    admin_only = {**{n: "admin-login" for n in ALL}, "admin": 200}
    job_page = expect(ledger_readers(200, officer_b=404))
    return [
        ("achievement report of ward A person", lambda t: reverse("documents:achievement_report", args=[t.an.pk])
         + f"?award=CSTDCS&year={t.year}&format=docx", "get", None, expect(ledger_readers(200, officer_b=404))),
        ("achievement report of ward B person", lambda t: reverse("documents:achievement_report", args=[t.dung.pk])
         + f"?award=CSTDCS&year={t.year}&format=docx", "get", None, expect({**{n: 404 for n in LEDGER}, "admin": 200, "officer_b": 200})),
        ("certificate printing page", lambda t: reverse("documents:certificate_print"), "get", None, expect(ledger_readers(200))),
        ("certificate printing page (save, empty)", lambda t: reverse("documents:certificate_print"), "form", {},
         expect(ledger_readers(200))),
        ("bulk job of ward A", lambda t: reverse("documents:job_detail", args=[_job(t)]), "get", None, job_page),
        ("bulk job of ward A (progress)", lambda t: reverse("documents:job_progress", args=[_job(t)]), "get", None, job_page),
        ("bulk job of ward A (unfinished file)", lambda t: reverse("documents:job_download", args=[_job(t), "docx"]), "get", None,
         expect(ledger_readers(404))),
        ("admin: document templates", lambda t: reverse("admin:documents_documenttemplate_changelist"), "get", None, admin_only),
        ("admin: upload a template (save, empty)", lambda t: reverse("admin:documents_documenttemplate_add"), "form", {}, admin_only),
        ("admin: a shipped template", lambda t: reverse("admin:documents_shipped", args=["decision"]), "get", None, admin_only),
        ("admin: calibration page of ward A's blank", lambda t: reverse("admin:documents_calibration", args=[_layout(t), "docx"]),
         "get", None, admin_only),
    ]


def _plan(tree, ward: str = "a"):
    """A draft plan of the ward for 2026 with one section and one key task led by the ward itself (made when walked)."""
    import datetime as dt

    from tdkt.core.actors import system_actor
    from tdkt.plans.models import KeyTask, Plan, PlanSection

    unit = tree.ward_a if ward == "a" else tree.ward_b
    plan, created = Plan.objects.get_or_create(issuer=unit, year=2026, defaults={
        "title": "Công tác thi đua, khen thưởng năm 2026", "period_start": dt.date(2026, 1, 1), "period_end": dt.date(2026, 12, 31),
        "signer_name": "Nguyễn Văn Thắng", "created_by": system_actor()})
    if created:
        PlanSection.objects.create(plan=plan, position=1, title="Mục đích, yêu cầu", body="Phát động phong trào thi đua năm 2026.")
        KeyTask.objects.create(plan=plan, position=1, title="Hội nghị điển hình tiên tiến", lead_unit=unit, due_on=dt.date(2099, 6, 30))
    return plan


PLAN_VIEWERS = {n: 200 for n in ("admin", "officer_a", "appraiser", "office_head", "council_member", "secretary", "chair",
                                 "cluster_head")}
PLAN_EDITORS = {"admin": 200, "appraiser": 200, "office_head": 200}


def _plans_walk():
    """The year's TĐKT plans (issue 15): everyone with a role over the plan's level or under it reads it (another ward's is
    a 404; the portal editor and the agencies have no plans), its standing office edits it, the lead unit's officer
    updates its own key task. The rows change nothing: empty forms and bodies are refused."""
    def a(t):
        return _plan(t, "a")

    def task(t):
        return a(t).key_tasks.get().pk

    def url(name, *extra):
        return lambda t: reverse(f"plans:{name}", args=[a(t).pk, *[e(t) for e in extra]])

    def api_url(name, *extra):
        return lambda t: reverse(f"plans_api:{name}", args=[a(t).pk, *[e(t) for e in extra]])

    def only(table, status):
        return {n: status for n in table}

    viewers = expect({**PLAN_VIEWERS, "officer_b": 404})
    editors = expect({**only(PLAN_VIEWERS, 403), **PLAN_EDITORS, "officer_b": 404})
    api = {**{n: 403 for n in ALL}, "anonymous": 401}
    api_viewers = {**api, **PLAN_VIEWERS, "officer_b": 404}
    api_editors = {**api, **only(PLAN_VIEWERS, 403), **only(PLAN_EDITORS, 400), "officer_b": 404}
    return [
        ("plans: list", lambda t: reverse("plans:index"), "get", None, expect({**PLAN_VIEWERS, "officer_b": 200})),
        ("plans: create (page)", lambda t: reverse("plans:create"), "get", None, expect(PLAN_EDITORS)),
        ("plans: create (save, empty)", lambda t: reverse("plans:create"), "form", {}, expect(PLAN_EDITORS)),
        ("plans: ward A plan", url("detail"), "get", None, viewers),
        ("plans: ward B plan", lambda t: reverse("plans:detail", args=[_plan(t, "b").pk]), "get", None,
         expect({**only(PLAN_VIEWERS, 404), "admin": 200, "officer_b": 200})),
        ("plans: edit ward A plan (save, empty)", url("edit"), "form", {}, expect({**editors, **only(PLAN_EDITORS, 400)})),
        ("plans: add a section (save, empty)", url("section_add"), "form", {}, expect({**editors, **only(PLAN_EDITORS, 302)})),
        ("plans: add a key task (save, empty)", url("task_add"), "form", {}, expect({**editors, **only(PLAN_EDITORS, 400)})),
        ("plans: add a council item (save, empty)", url("item_add"), "form", {}, expect({**editors, **only(PLAN_EDITORS, 400)})),
        ("plans: issue (save, empty)", url("issue"), "form", {}, expect({**editors, **only(PLAN_EDITORS, 400)})),
        ("plans: key task of ward A", url("task_detail", task), "get", None, viewers),
        ("plans: key task update (save, empty)", url("task_detail", task), "form", {},
         expect({**only(PLAN_VIEWERS, 403), **only(PLAN_EDITORS, 400), "officer_a": 400, "officer_b": 404})),
        ("plans: document page", url("document"), "get", None, viewers),
        ("plans: ward A plan (.docx)", lambda t: reverse("plans:download", args=[a(t).pk, "docx"]), "get", None, viewers),
        ("API plans", lambda t: reverse("plans_api:plans"), "get", None, {**api, **PLAN_VIEWERS, "officer_b": 200}),
        ("API create a plan (empty)", lambda t: reverse("plans_api:plans"), "post", {}, {**api, **only(PLAN_EDITORS, 400)}),
        ("API ward A plan", api_url("plan"), "get", None, api_viewers),
        ("API patch ward A plan (blank title)", api_url("plan"), "patch", {"title": ""}, api_editors),
        ("API ward A key tasks", api_url("key-tasks"), "get", None, api_viewers),
        ("API add a key task (empty)", api_url("key-tasks"), "post", {}, api_editors),
        ("API key task progress (empty)", api_url("progress", task), "post", {},
         {**api, **only(PLAN_VIEWERS, 403), **only(PLAN_EDITORS, 400), "officer_a": 400, "officer_b": 404}),
        ("API add a section (empty)", api_url("sections"), "post", {}, api_editors),
        ("API council items", api_url("council-items"), "get", None, api_viewers),
        ("API add a council item (empty)", api_url("council-items"), "post", {}, api_editors),
        ("API check", api_url("check"), "get", None, api_viewers),
    ]


def _movement(tree, ward: str = "a"):
    """A thematic movement of the ward for its school (registrations open), with one criterion and the school's draft
    registration (made when the row is walked)."""
    import datetime as dt

    from django.utils import timezone

    from tdkt.core.actors import system_actor
    from tdkt.movements.models import Criterion, Movement, Registration

    unit, school = (tree.ward_a, tree.school_a) if ward == "a" else (tree.ward_b, tree.school_b)
    today = timezone.localdate()
    movement, created = Movement.objects.get_or_create(unit=unit, name="Phong trào của lượt kiểm tra quyền", defaults={
        "starts_on": today - dt.timedelta(days=5), "ends_on": today + dt.timedelta(days=60),
        "registration_deadline": today + dt.timedelta(days=10), "planned_awards": ["GIAY_KHEN"], "created_by": system_actor()})
    if created:
        movement.targets.set([school])
        Criterion.objects.create(movement=movement, position=1, text="Hoàn thành nhiệm vụ")
        Registration.objects.create(movement=movement, unit=school, created_by=system_actor())
    return movement


def _registration(tree, ward: str = "a"):
    return _movement(tree, ward).registrations.get().pk


MOVEMENT_READERS = {"admin": 200, "officer_a": 200, "appraiser": 200, "office_head": 200, "secretary": 200, "chair": 200}
MOVEMENT_LAUNCHERS = {"admin": 200, "officer_a": 200, "appraiser": 200, "office_head": 200}


def _movements_walk():
    """The movements' screens and endpoints (issue 15): the readers of a level see its movements and the registrations
    of its units (another ward's are a 404); its officer and standing office launch, edit, remind, approve and return;
    only the TĐKT officer over the target unit registers."""
    def a(t):
        return _movement(t, "a").pk

    def b(t):
        return _movement(t, "b").pk

    def url(name, *extra):
        return lambda t: reverse(f"movements:{name}", args=[a(t), *[e(t) for e in extra]])

    def reg(name):
        return lambda t: reverse(f"movements:{name}", args=[_registration(t, "a")])

    readers = {**{n: 403 for n in ALL}, "anonymous": "login", **MOVEMENT_READERS, "officer_b": 404}
    launchers = {**readers, **{n: 403 for n in MOVEMENT_READERS}, **MOVEMENT_LAUNCHERS}
    launchers_post = {**launchers, **{n: 302 for n in MOVEMENT_LAUNCHERS}}
    registrars_page = {**launchers, "appraiser": 403, "office_head": 403}
    registrars_post = {**registrars_page, "admin": 302, "officer_a": 302}
    api = {**{n: 403 for n in ALL}, "anonymous": 401}
    api_readers = {**api, **MOVEMENT_READERS, "officer_b": 404}
    some_readers = {**MOVEMENT_READERS, "officer_b": 200}
    return [
        ("movements: the year's list", lambda t: reverse("movements:index"), "get", None, expect(some_readers)),
        ("movements: launch (page)", lambda t: reverse("movements:movement_create"), "get", None,
         expect({**MOVEMENT_LAUNCHERS, "officer_b": 200})),
        ("movements: launch (save, empty)", lambda t: reverse("movements:movement_create"), "form", {}, expect({**MOVEMENT_LAUNCHERS, "officer_b": 200})),
        ("movements: movement of ward A", url("movement_detail"), "get", None, readers),
        ("movements: movement of ward B", lambda t: reverse("movements:movement_detail", args=[b(t)]), "get", None,
         expect({**{n: 404 for n in MOVEMENT_READERS}, "admin": 200, "officer_b": 200})),
        ("movements: edit (page)", url("movement_edit"), "get", None, launchers),
        ("movements: edit (save, empty)", url("movement_edit"), "form", {}, launchers),
        ("movements: add a criterion (save, empty)", url("criterion_add"), "form", {}, launchers_post),
        ("movements: remove a criterion (none)", lambda t: reverse("movements:criterion_remove", args=[a(t), 0]), "form", {},
         {**launchers, **{n: 404 for n in MOVEMENT_LAUNCHERS}}),
        ("movements: attach a document (save, empty)", url("document_add"), "form", {}, launchers_post),
        ("movements: a document (none)", lambda t: reverse("movements:document", args=[a(t), 0]), "get", None,
         {**readers, **{n: 404 for n in MOVEMENT_READERS}}),
        ("movements: remind (save)", url("remind"), "form", {}, launchers_post),
        ("movements: register the school (save)", lambda t: reverse("movements:registration_start", args=[a(t), t.school_a.pk]), "form", {},
         registrars_post),
        ("movements: registration of ward A's school", reg("registration_detail"), "get", None, readers),
        ("movements: registration form (page)", reg("registration_edit"), "get", None, registrars_page),
        ("movements: registration form (save, empty)", reg("registration_edit"), "form", {}, registrars_page),
        ("movements: approve a draft (save)", reg("registration_act"), "form", {"action": "approve"}, launchers_post),
        ("API movements", lambda t: reverse("movements_api:movements"), "get", None, {**api, **some_readers}),
        ("API launch a movement (empty)", lambda t: reverse("movements_api:movements"), "post", {},
         {**api, **{n: 400 for n in MOVEMENT_LAUNCHERS}, "officer_b": 400}),
        ("API movement of ward A", lambda t: reverse("movements_api:movement", args=[a(t)]), "get", None, api_readers),
        ("API movement of ward B", lambda t: reverse("movements_api:movement", args=[b(t)]), "get", None,
         {**api, **{n: 404 for n in MOVEMENT_READERS}, "admin": 200, "officer_b": 200}),
        ("API edit a movement (empty)", lambda t: reverse("movements_api:movement", args=[a(t)]), "patch", {},
         {**api_readers, **{n: 403 for n in MOVEMENT_READERS}, **{n: 400 for n in MOVEMENT_LAUNCHERS}}),
        ("API remind", lambda t: reverse("movements_api:remind", args=[a(t)]), "post", {},
         {**api_readers, **{n: 403 for n in MOVEMENT_READERS}, **MOVEMENT_LAUNCHERS}),
        ("API registrations of ward A's movement", lambda t: reverse("movements_api:registrations", args=[a(t)]), "get", None, api_readers),
        ("API register (empty)", lambda t: reverse("movements_api:registrations", args=[a(t)]), "post", {},
         {**api_readers, **{n: 400 for n in MOVEMENT_READERS}}),
        ("API registration of ward A's school", lambda t: reverse("movements_api:registration", args=[_registration(t)]), "get", None,
         api_readers),
        ("API edit a registration (empty)", lambda t: reverse("movements_api:registration", args=[_registration(t)]), "patch", {},
         {**api_readers, **{n: 403 for n in MOVEMENT_READERS}, "admin": 200, "officer_a": 200}),
        ("API approve a draft", lambda t: reverse("movements_api:registration_actions", args=[_registration(t)]), "post",
         {"action": "approve"}, {**api_readers, **{n: 400 for n in MOVEMENT_READERS}}),
    ]


_ALL_ROWS = (WALK + _reports_walk() + _nominations_walk() + _notifications_walk() + _consultation_walk()
             + _opinions_walk() + _appraisal_depth_walk() + _council_walk() + _decisions_walk() + _decision_screens_walk() + _documents_walk()
             + _plans_walk() + _movements_walk())
ROWS = {row[0]: row for row in _ALL_ROWS}
EDITING = _editing_walk()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Attachments a row writes (a paper reply's scan) go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


def _status(client, build, method, body, tree):
    url = build(tree)
    if method == "form":
        return client.post(url, data=body)
    if method in ("post", "patch", "put"):
        return getattr(client, method)(url, data=json.dumps(body), content_type="application/json")
    return client.get(url)


def _matches(response, expected) -> bool:
    if expected == "login":
        return response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    if expected == "admin-login":
        return response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
    return response.status_code == expected


@pytest.mark.parametrize("persona", ALL)
def test_it_answers_each_persona_as_the_table_says(client, tree, personas, persona):
    """One persona walks every row of the table. Each row's request runs in a savepoint rolled back after it, so every
    row meets the tree as the first one did, as if it were a test of its own (the tree and the accounts are built once
    per persona, not once per row); a failure lists every row that answered otherwise."""
    user = personas[persona]
    if user is not None:
        client.force_login(user)
    wrong = []
    for label, build, method, body, table in _ALL_ROWS:
        with transaction.atomic():
            response = _status(client, build, method, body, tree)
            transaction.set_rollback(True)
        if not _matches(response, table[persona]):
            wrong.append((label, table[persona], response.status_code))
    assert not wrong, wrong


def test_every_row_has_an_answer_for_every_persona():
    assert len(ROWS) == len(_ALL_ROWS), "two rows of the walk have the same label"
    assert [label for label, *_, table in _ALL_ROWS if set(table) != set(ALL)] == []


@pytest.mark.parametrize("persona", ALL)
def test_the_editing_pages_and_endpoints_answer_each_persona_as_the_table_says(client, tree, personas, persona):
    """One persona walks every editing row (no row changes data: empty forms and bodies are refused)."""
    user = personas[persona]
    if user is not None:
        client.force_login(user)
    wrong = []
    for label, build, method, body, table in EDITING:
        response = _status(client, build, method, body, tree)
        if not _matches(response, table[persona]):
            wrong.append((label, table[persona], response.status_code))
    assert not wrong, wrong
