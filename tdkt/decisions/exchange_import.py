"""Importing an exchange package (exchange.py) as an incoming dossier of a round of this installation.

What the package carries is matched to this installation's rows (docs/exchange-package.md, "Matching"):
- the proposing unit: by administrative code (mã hành chính), then by code, among the units of the round's level;
  `unit=` chooses it when the package's is not known here;
- a person: by citizen ID (số CCCD) when the names agree, else by full name and date of birth among the people of the
  proposing unit's subtree, when exactly one matches; a package without the date of birth: by the full name alone in
  the person's own unit (matched as units are), when exactly one matches; a collective by its unit; a household by its
  head's name in its village;
- whoever matches nobody is kept as an external nominee (a name and the package's facts, no ledger here): the office
  appraises them from the package's documents, and the engine says so instead of judging.
The files are checked by their content as every upload is (`core.uploads.check_upload`) and stored through Django's
storage. Everything is checked before anything is written; the import is one transaction, audited.
"""

from __future__ import annotations

import datetime as dt

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from tdkt.core import audit, uploads, vntext
from tdkt.core import workflow as kernel
from tdkt.core.errors import DomainError
from tdkt.core.permissions import require
from tdkt.law.catalogue import load_catalogue
from tdkt.nominations.models import Attachment, Dossier, DossierOrigin, Nominee, Round, RoundStatus
from tdkt.nominations.models_work import OTHER_COMPONENT
from tdkt.nominations.permissions import invites
from tdkt.nominations.services import nominee_evaluate, round_components
from tdkt.nominations.workflow import DOSSIER
from tdkt.org.models import Household, Person, Unit

from .exchange import Package, package_read


def _same(a: str, b: str) -> bool:
    return vntext.nfc(a or "").strip().casefold() == vntext.nfc(b or "").strip().casefold()


def _local_unit(data: dict | None, within: Unit) -> Unit | None:
    if not data:
        return None
    units = Unit.objects.filter(path__startswith=within.path)
    if data.get("admin_code"):
        found = list(units.filter(admin_code=data["admin_code"])[:2])
        if len(found) == 1:
            return found[0]
    return units.filter(code=data.get("code") or "").first()


def _person(subject: dict, unit: Unit) -> Person | None:
    if subject.get("citizen_id"):
        person = Person.objects.filter(citizen_id=subject["citizen_id"]).first()
        if person is not None and _same(person.full_name, subject["full_name"]):
            return person
    if subject.get("date_of_birth"):
        born = dt.date.fromisoformat(subject["date_of_birth"])
        found = [p for p in Person.objects.filter(date_of_birth=born, unit__path__startswith=unit.path)
                 if _same(p.full_name, subject["full_name"])]
        return found[0] if len(found) == 1 else None
    home = _local_unit(subject.get("unit"), unit)  # no birth date carried: the name, alone in the person's own unit
    if home is not None:
        found = [p for p in Person.objects.filter(unit=home) if _same(p.full_name, subject["full_name"])]
        if len(found) == 1:
            return found[0]
    return None


def _household(subject: dict, unit: Unit) -> Household | None:
    village = _local_unit(subject.get("village"), unit)
    if village is None:
        return None
    found = [h for h in Household.objects.filter(village=village) if _same(h.head_name, subject["head_name"])]
    return found[0] if len(found) == 1 else None


def match_subject(subject: dict, unit: Unit) -> dict:
    """{"person"|"unit"|"household": row} when the subject is known here, else {} (an external nominee)."""
    kind = subject["kind"]
    if kind == "individual":
        person = _person(subject, unit)
        return {"person": person} if person else {}
    if kind == "collective":
        local = _local_unit(subject.get("unit"), unit)
        return {"unit": local} if local else {}
    household = _household(subject, unit)
    return {"household": household} if household else {}


def _external_name(subject: dict) -> str:
    if subject["kind"] == "individual":
        return subject["full_name"]
    if subject["kind"] == "collective":
        return subject["unit"]["name"]
    return f"Hộ {subject['head_name']}"


EXTERNAL_KIND = {"individual": "individual", "collective": "collective", "household": "household"}


def package_import(*, actor, data: bytes, target_round: Round, unit: Unit | None = None) -> Dossier:
    """Import the package `data` into `target_round` as an incoming dossier (submitted, in the office's inbox)."""
    require(actor, "decisions.import_package", target_round, message="Chỉ cơ quan thường trực của cấp tổ chức xét, khi đợt xét "
                                                                      "đang mở, mới nhập được gói hồ sơ.")
    package = package_read(data)
    manifest = package.manifest
    round_ = Round.objects.select_related("office_unit").get(pk=target_round.pk)
    level = round_.office_unit
    sent = manifest["dossier"]
    proposing = unit or _local_unit(sent["level"], level) or _local_unit(sent["unit"], level)
    if proposing is None:
        raise DomainError(f"Không tìm thấy đơn vị gửi “{sent['level']['name']}” (mã hành chính "
                          f"{sent['level']['admin_code'] or 'không có'}) thuộc {level.name}: hãy chọn đơn vị đề nghị.", code="unit")
    if proposing.pk == level.pk or not invites(round_, proposing):
        raise DomainError(f"Đợt xét “{round_.title}” không nhận hồ sơ của {proposing.name}.", code="unit")
    awards = load_catalogue().awards
    unknown = sorted({n["award_code"] for n in manifest["nominees"] if n["award_code"] not in awards})
    if unknown:
        raise DomainError("Gói hồ sơ đề nghị danh hiệu, hình thức không có trong danh mục: " + ", ".join(unknown) + ".", code="award")
    outside = sorted({n["award_code"] for n in manifest["nominees"] if n["award_code"] not in round_.awards})
    if outside:
        raise DomainError(f"Đợt xét “{round_.title}” không xét: " + ", ".join(awards[c].name for c in outside) + ".", code="award")
    checked = _checked_files(package)
    components = {*round_components(round_.kind, round_.year), OTHER_COMPONENT}
    with transaction.atomic():
        Round.objects.select_for_update().filter(pk=round_.pk).first()  # one import of a package at a time per round
        if round_.status != RoundStatus.OPEN:
            raise DomainError(f"Đợt xét “{round_.title}” đã đóng, không nhận hồ sơ.", code="round_closed")
        twice = Dossier.objects.filter(round=round_, origin_digest=package.digest).exclude(status__in=("withdrawn", "rejected")).first()
        if twice is not None:
            raise DomainError(f"Gói hồ sơ này đã được nhập vào đợt xét (hồ sơ “{twice.title}”).", code="twice")
        incoming = Dossier(round=round_, unit=proposing, title=vntext.nfc(sent["title"])[:255], created_by=actor,
                           submitted_on=timezone.localdate(), origin=DossierOrigin.IMPORTED,
                           origin_name=vntext.nfc(sent["level"]["name"])[:255], origin_reference=sent["reference"][:64],
                           origin_digest=package.digest)
        kernel.create(actor=actor, obj=incoming, action="import_package", workflow=DOSSIER,
                      data={"digest": package.digest, "reference": sent["reference"], "from": sent["level"]["name"]})
        made, external = {}, 0
        for item in manifest["nominees"]:
            subject = match_subject(item["subject"], proposing)
            extra = {} if subject else {"external_name": vntext.nfc(_external_name(item["subject"]))[:255],
                                        "external_data": {"kind": EXTERNAL_KIND[item["subject"]["kind"]], "subject": item["subject"],
                                                          "reference": sent["reference"]}}
            external += not subject
            nominee = Nominee.objects.create(dossier=incoming, award_code=item["award_code"], **subject, **extra,
                                             summary=vntext.nfc(item["summary"]), justification=vntext.nfc(item["justification"]))
            nominee_evaluate(nominee, dossier=incoming)
            made[item["key"]] = nominee
        for entry in package.manifest["files"]:
            file, upload = checked[entry["path"]]
            name = uploads.store_upload(file, upload, prefix=f"nominations/{incoming.pk}")
            Attachment.objects.create(dossier=incoming, nominee=made.get(entry["nominee"]), storage_name=name,
                                      component=entry["component"] if entry["component"] in components else OTHER_COMPONENT,
                                      filename=upload.filename, content_type=upload.content_type, size=upload.size,
                                      sha256=upload.sha256, uploaded_by=actor)
        audit.record(actor=actor, action="decisions.package.imported", target=incoming, data={
            "digest": package.digest, "reference": sent["reference"], "from": sent["level"]["name"], "round": round_.pk,
            "nominees": len(made), "external": external, "files": len(checked)})
    return incoming


def _checked_files(package: Package) -> dict:
    """path → (file, core.uploads check) of every file of the package, checked by its content like any upload."""
    out = {}
    for entry in package.manifest["files"]:
        file = ContentFile(package.files[entry["path"]], name=entry["filename"])
        try:
            out[entry["path"]] = (file, uploads.check_upload(file))
        except DomainError as exc:
            raise DomainError(f"Gói hồ sơ bị từ chối: {exc.message}", code=exc.code) from None
    return out


def import_rounds(user):
    """The open rounds whose office the user is (where a package may be imported)."""
    from tdkt.accounts import roles, scoping

    return (Round.objects.filter(scoping.subtree_q(user, roles=roles.OFFICE, field="office_unit"), status=RoundStatus.OPEN)
            .select_related("office_unit").order_by("-year", "id"))
