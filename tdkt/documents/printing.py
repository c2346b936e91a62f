"""The certificate printing page's service: the recipients of one decision read from the ledger (the awards it wrote,
revoked ones left out), in their order in the decision (= Số sổ vàng), sent to a background job.

A decision's awards are found by issuer and number (`records.AwardRecord.issuer`, `decision_number`), so certificates
can be printed for decisions issued in this system and for imported ones alike."""

from __future__ import annotations

from tdkt.core import vntext
from tdkt.core.errors import DomainError
from tdkt.law.catalogue import load_catalogue
from tdkt.org.models import Gender
from tdkt.records.models import AwardRecord

from . import jobs
from .models import CertificateForm, CertificateSubject

SUBJECT_FIELD = {CertificateSubject.INDIVIDUAL: "person", CertificateSubject.COLLECTIVE: "unit", CertificateSubject.HOUSEHOLD: "household"}


def _recipient(award: AwardRecord, order: int) -> dict:
    info = load_catalogue().awards.get(award.award_code)
    name = info.name if info is not None else award.award_code
    what = f"danh hiệu “{name}”" if info is not None and info.kind == "title" else name  # award names keep their capitals
    achievement = f"Đã có thành tích xuất sắc, được tặng {what} năm {award.year}"
    if award.person_id:
        person = award.person
        title = "Bà" if person.gender == Gender.FEMALE else "Ông"
        place = ", ".join(x for x in (person.position, person.unit.name if person.unit else "") if x)
        return {"recipient": f"{title} {person.full_name}", "position": place, "achievement": achievement, "order": order}
    if award.unit_id:
        parent = award.unit.parent
        return {"recipient": award.unit.name, "position": parent.name if parent else "", "achievement": achievement, "order": order}
    household = award.household
    return {"recipient": f"Hộ gia đình ông (bà) {household.head_name}", "position": household.address or household.village.name,
            "achievement": achievement, "order": order}


def recipients_of(*, unit, decision_number: str, subject: str) -> tuple[list[dict], object]:
    """(recipients in the decision's order, the decision's date) of the awards `unit` issued by that decision."""
    number = vntext.nfc(decision_number)
    if not number:
        raise DomainError("Hãy nhập số quyết định (ví dụ 05/QĐ-UBND).")
    field = SUBJECT_FIELD.get(subject)
    if field is None:
        raise DomainError(f"Đối tượng “{subject}” không có (chỉ có cá nhân, tập thể, hộ gia đình).")
    awards = list(AwardRecord.objects.filter(issuer=unit, decision_number=number, revocation__isnull=True, **{f"{field}__isnull": False})
                  .select_related("person__unit", "unit__parent", "household__village").order_by("id"))
    if not awards:
        raise DomainError(f"Không có khen thưởng nào (còn hiệu lực) của {unit.name} theo quyết định số {number} cho đối tượng này.")
    return [_recipient(a, n) for n, a in enumerate(awards, 1)], awards[0].decision_date


def certificates_start(*, actor, unit, decision_number: str, form: str, subject: str, authority: str, signer_title: str,
                       signer_name: str, place: str, blank: bool = False, pdf: bool = True):
    """Queue the certificates of a decision (a DocumentJob); refused at once, in Vietnamese, when nothing is to print."""
    if form not in CertificateForm.values:
        raise DomainError(f"Loại phôi “{form}” không có (chỉ có Giấy khen, Bằng khen).")
    recipients, decided_on = recipients_of(unit=unit, decision_number=decision_number, subject=subject)
    label = str(CertificateForm(form).label)
    issue = {"authority": authority, "title": label, "place": place, "date": decided_on,
             "decision_number": vntext.nfc(decision_number), "decision_date": decided_on, "signer_title": signer_title,
             "signer_name": vntext.nfc(signer_name)}
    title = f"{label} theo quyết định số {vntext.nfc(decision_number)} ({len(recipients)} trang)"
    return jobs.job_start_certificates(actor=actor, unit=unit, title=title, recipients=recipients, issue=issue, form=form,
                                       subject=subject, blank=blank, pdf=pdf)
