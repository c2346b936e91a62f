"""The demo's commendation round: the 2025 year-end round of Phường Đống Đa, open, with dossiers of its units in
every state the workflow has so far (a draft, two returned for supplement, one sent, one awaiting agency opinions — its
request addressed to Công an phường Đống Đa, waiting for the account hiepy.congan —, one in public consultation, one
ready for the council), so that the officer and the standing office find work waiting; and a draft of Tổ dân phố số 1
proposing two of its households for Gia đình văn hóa.
Everything goes through the nominations services, acting as the demo accounts (their transitions and audit events
are real); nominees are the people the engine finds eligible, in a fixed order."""

from __future__ import annotations

import datetime as dt

from tdkt.nominations import opinions, services, work
from tdkt.org.models import Household, Person, Unit
from tdkt.records.eligibility import check_subject

from .files import pdf_bytes

YEAR = 2025
AWARDS = ["LDTT", "CSTDCS", "GIAY_KHEN", "TTLDTT", "GDVH"]
# (unit code, award, how many people, the steps after creation: (account, action, reason))
DOSSIERS = [
    ("thcs_dong_da", "LDTT", 3, []),
    ("vhxh_dong_da", "LDTT", 2, [("canbo.dongda", "submit", ""),
                                  ("thamdinh", "return_for_supplement", "Thiếu biên bản họp bình xét có kết quả biểu quyết.")]),
    ("th_dong_da", "CSTDCS", 2, [("canbo.dongda", "submit", ""), ("thamdinh", "receive", ""),
                                  ("thamdinh", "return_for_supplement",
                                   "Báo cáo thành tích chưa có xác nhận của thủ trưởng đơn vị; thiếu xác nhận sáng kiến.")]),
    ("hcc_dong_da", "LDTT", 2, [("canbo.dongda", "submit", "")]),
    ("ktht_dong_da", "CSTDCS", 1, [("canbo.dongda", "submit", ""), ("thamdinh", "receive", ""), ("thamdinh", "start_appraisal", ""),
                                    ("thamdinh", "request_opinions", "")]),
    ("vp_dong_da", "CSTDCS", 1, [("canbo.dongda", "submit", ""), ("thamdinh", "receive", ""), ("thamdinh", "start_appraisal", ""),
                                  ("truongphong", "open_consultation", "")]),
    ("tyt_dong_da", "LDTT", 2, [("canbo.dongda", "submit", ""), ("thamdinh", "receive", ""), ("thamdinh", "start_appraisal", ""),
                                 ("thamdinh", "appraise", ""), ("truongphong", "mark_ready", "")]),
]


def generate(d) -> None:
    users, dong_da = d.users, d.dong_da
    round_ = services.round_open(actor=users["truongphong"], office_unit=dong_da, year=YEAR, kind="ANNUAL",
                                 title="Khen thưởng tổng kết năm 2025 của phường Đống Đa", awards=AWARDS,
                                 intake_from=dt.date(2025, 11, 15), intake_to=dt.date(2026, 12, 31))
    officer = users["canbo.dongda"]
    units = {u.code: u for u in Unit.objects.filter(code__in=[c for c, *_ in DOSSIERS])}
    taken: set[int] = set()
    for code, award, count, steps in DOSSIERS:
        unit = units.get(code)
        people = _eligible(unit, award, count, taken) if unit is not None else []
        if not people:  # a small demo (tests) may have nobody here
            continue
        dossier = services.dossier_create(actor=officer, round_=round_, unit=unit,
                                          title=f"Đề nghị công nhận danh hiệu năm 2025 — {unit.name}")
        for person, eligible in people:
            services.nominee_add(actor=officer, dossier=dossier, person=person, award_code=award,
                                 summary=f"Hoàn thành tốt nhiệm vụ được giao năm {YEAR}; tích cực tham gia phong trào thi đua.",
                                 justification="" if eligible else "Đơn vị đề nghị xem xét: thành tích nổi bật trong phong trào thi đua của phường.")
            taken.add(person.pk)
        if any(action == "receive" for _, action, _ in steps):  # received means complete: every component attached
            _attach_components(dossier, officer)
        for username, action, reason in steps:
            if action == "appraise":
                for nominee in dossier.nominees.filter(withdrawn=False):
                    work.appraisal_save(actor=users[username], nominee=nominee, conclusion="eligible",
                                        note="Đủ tiêu chuẩn, hồ sơ đủ thành phần.", version=None)
                continue
            if action == "request_opinions":  # asked of the ward's police, which answers in the system (hiepy.congan)
                opinions.opinion_request(actor=users[username], dossier=dossier, nominees=list(dossier.nominees.all()),
                                         addressee=d.agencies["cong_an_dong_da"], agency_kind="POLICE",
                                         question="Đề nghị xác nhận việc chấp hành chủ trương, chính sách của Đảng, pháp luật "
                                                  "của Nhà nước và quy định về an ninh, trật tự tại nơi cư trú.")
                continue
            services.dossier_act(actor=users[username], dossier=dossier, action=action, reason=reason)
    _household_dossier(round_, officer)
    _consultation_comments(round_, users)


HOUSEHOLD_VILLAGE = "tdp_dong_da_01"


def _household_dossier(round_, officer) -> None:
    """A draft of a tổ dân phố of the ward proposing its first two households (by head's name) for Gia đình văn hóa."""
    village = Unit.objects.filter(code=HOUSEHOLD_VILLAGE).first()
    households = list(Household.objects.filter(village=village).order_by("head_name", "id")[:2]) if village else []
    if not households:
        return
    dossier = services.dossier_create(actor=officer, round_=round_, unit=village,
                                      title=f"Đề nghị công nhận danh hiệu Gia đình văn hóa năm {YEAR} — {village.name}")
    for household in households:
        services.nominee_add(actor=officer, dossier=dossier, household=household, award_code="GDVH",
                             summary="Gia đình gương mẫu chấp hành chủ trương, pháp luật; tham gia tốt phong trào của tổ dân phố.")


def _attach_components(dossier, officer) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    for code in services.round_components(dossier.round.kind, dossier.round.year):
        name = f"{code.lower()}-{dossier.unit.code}.pdf"
        work.attachment_add(actor=officer, dossier=dossier, component=code,
                            file=SimpleUploadedFile(name, pdf_bytes(f"{code} {dossier.unit.code}"), content_type="application/pdf"))


def _eligible(unit: Unit, award: str, count: int, taken: set[int]) -> list[tuple[Person, bool]]:
    """Up to `count` people of the unit the engine finds eligible, in name order; when there is none, the first person
    (proposed with a justification)."""
    people = list(Person.objects.filter(unit__path__startswith=unit.path).exclude(pk__in=taken).order_by("name_sort_key", "id")[:40])
    out = [(p, True) for p in people if check_subject(p, award, YEAR).verdict == "eligible"][:count]
    return out or [(p, False) for p in people[:1]]


def _consultation_comments(round_, users) -> None:
    """The public's comments on the list in consultation (the dossier of vp_dong_da): one about the nominee approved by
    the portal editor, one about the whole list approved by the appraiser, one waiting for moderation."""
    from tdkt.nominations import consultation
    from tdkt.nominations.models import Consultation

    opened = Consultation.objects.filter(dossier__round=round_, dossier__unit__code="vp_dong_da").select_related("dossier").first()
    if opened is None:
        return
    nominee = opened.dossier.nominees.filter(withdrawn=False).first()
    comments = [
        (nominee, "Chị là người nhiệt tình, giải quyết hồ sơ cho dân nhanh, đúng hẹn; tôi đồng ý với đề nghị khen thưởng.",
         "Nguyễn Thị Hoa", "bientap"),
        (None, "Danh sách công khai rõ ràng, đề nghị niêm yết thêm tại trụ sở tổ dân phố.", "", "thamdinh"),
        (nominee, "Đề nghị làm rõ sáng kiến được công nhận năm 2025 của người được đề nghị.", "Trần Văn Minh", None),
    ]
    for i, (about, text, name, moderator) in enumerate(comments):
        comment = consultation.comment_submit(consultation=opened, nominee=about, text=text, name=name,
                                              address=f"203.0.113.{10 + i}")
        if moderator:
            consultation.comment_moderate(actor=users[moderator], comment=comment, approve=True)
