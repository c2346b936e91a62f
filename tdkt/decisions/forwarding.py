"""Forwarding upward in the same installation (chuyển cấp trên; DOMAIN.md §4, Luật TĐKT Điều 83): the standing office of
a level sends the nominees beyond its authority to a round of a higher level's standing office. The higher level
receives an incoming dossier in its inbox, in the state of a submitted dossier, linked both ways to the original
(`Dossier.forwarded_from` / `forwarded_to`, and each nominee to the nominee it came from), with copies of the files.

Following the higher level's outcome (decided there → the awards appear in the ledger below too) needs the decisions
themselves: `on_higher_outcome` is the hook the decision service will call for each nominee of an incoming dossier
once its award is decided (or refused) there.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from tdkt.core import audit, vntext
from tdkt.core import workflow as kernel
from tdkt.core.errors import DomainError
from tdkt.core.permissions import require
from tdkt.nominations.models import SUBJECT_RELATED, Attachment, Dossier, DossierOrigin, DossierStatus, Nominee, Round, RoundStatus
from tdkt.nominations.services import nominee_evaluate
from tdkt.nominations.workflow import DOSSIER
from tdkt.records.catalogue import award_label

from . import authority, files

# The office forwards once it holds the complete dossier (received) and until the council's door; the council's
# session (issue 14, part "council") will narrow this to "after the council's review".
FORWARDABLE = (DossierStatus.RECEIVED, DossierStatus.UNDER_APPRAISAL, DossierStatus.AWAITING_OPINIONS,
               DossierStatus.IN_CONSULTATION, DossierStatus.READY_FOR_COUNCIL)
# An incoming dossier in these states no longer carries its nominees upward (the nominee may be forwarded again).
DEAD = (DossierStatus.WITHDRAWN, DossierStatus.REJECTED)


def beyond_authority(dossier: Dossier, nominees=None) -> list[Nominee]:
    """The dossier's nominees (still in it) whose award the dossier's level does not decide itself."""
    level, on = dossier.round.office_unit, dossier.received_on or timezone.localdate()
    nominees = nominees if nominees is not None else dossier.nominees.filter(withdrawn=False).select_related(*SUBJECT_RELATED)
    nominees = list(nominees)
    here = {code: authority.decides_here(code, level, on) for code in {n.award_code for n in nominees}}  # per award, not per row
    return [n for n in nominees if not here[n.award_code]]


def forward_targets(dossier: Dossier):
    """The open rounds of the levels above the dossier's level (nearest level first) that take its level's dossiers."""
    from tdkt.nominations.permissions import invites
    from tdkt.org.selectors import paths_at_and_above

    level = dossier.round.office_unit
    above = [p for p in paths_at_and_above(level.path) if p != level.path]
    rounds = (Round.objects.filter(status=RoundStatus.OPEN, office_unit__path__in=above).exclude(office_unit=level)
              .select_related("office_unit").order_by("-office_unit__depth", "-year", "id"))
    return [r for r in rounds if invites(r, level)]


def already_forwarded(nominees) -> dict[int, Nominee]:
    """nominee id → its live copy upward, for the nominees already forwarded (and not withdrawn or refused there)."""
    copies = (Nominee.objects.filter(forwarded_from__in=[n.pk for n in nominees], withdrawn=False)
              .exclude(dossier__status__in=DEAD).select_related("dossier__round"))
    return {c.forwarded_from_id: c for c in copies}


def dossier_forward(*, actor, dossier: Dossier, nominees, target_round: Round) -> Dossier:
    """Forward `nominees` of `dossier` to `target_round` (a round of a higher level): the incoming dossier, submitted,
    in that level's inbox, with the nominees and the files (the dossier's own and those of these nominees) copied.
    Audited `decisions.dossier.forwarded` on the original, and the incoming dossier's creation by its workflow."""
    require(actor, "decisions.forward_dossier", dossier, message="Chỉ cơ quan thường trực của cấp xét hồ sơ mới chuyển được hồ sơ lên cấp trên.")
    ids = list(dict.fromkeys(getattr(n, "pk", n) for n in (nominees or ())))
    if not ids:
        raise DomainError("Hãy chọn ít nhất một người, tập thể để chuyển lên cấp trên.", code="nominees")
    with transaction.atomic():
        source = (Dossier.objects.select_for_update(of=("self",)).select_related("round__office_unit", "unit").get(pk=dossier.pk))
        if source.status not in FORWARDABLE:
            raise DomainError(f"Hồ sơ đang ở trạng thái “{source.get_status_display()}”: chỉ chuyển lên cấp trên hồ sơ đã tiếp "
                              "nhận đủ và chưa trình quyết định.", code="state")
        chosen = list(source.nominees.filter(pk__in=ids, withdrawn=False).select_related(*SUBJECT_RELATED).order_by("id"))
        if len(chosen) != len(ids):
            raise DomainError("Có người, tập thể được chọn không còn trong hồ sơ này.", code="nominees")
        target = Round.objects.select_related("office_unit").get(pk=target_round.pk)
        if target.status != RoundStatus.OPEN:
            raise DomainError(f"Đợt xét “{target.title}” của cấp trên đã đóng, không nhận hồ sơ.", code="round_closed")
        level = source.round.office_unit
        if target.pk not in {r.pk for r in forward_targets(source)}:
            raise DomainError(f"Đợt xét “{target.title}” không phải đợt xét của cấp trên {level.name}.", code="round")
        outside = [n for n in chosen if n.award_code not in target.awards]
        if outside:
            raise DomainError(f"Đợt xét “{target.title}” không xét: " + "; ".join(f"{n.name} ({award_label(n.award_code)})"
                                                                        for n in outside) + ".", code="award")
        done = already_forwarded(chosen)
        if done:
            first = next(iter(done.values()))
            raise DomainError("Đã chuyển lên cấp trên: " + ", ".join(n.name for n in chosen if n.pk in done)
                              + f" (hồ sơ “{first.dossier.title}”).", code="twice")
        today = timezone.localdate()
        names = ", ".join(n.name for n in chosen[:3]) + ("…" if len(chosen) > 3 else "")
        title = vntext.nfc(f"{level.name} đề nghị khen thưởng — {names}")[:255]
        incoming = Dossier(round=target, unit=level, title=title, created_by=actor, submitted_on=today,
                           origin=DossierOrigin.FORWARDED, forwarded_from=source, origin_name=level.name,
                           origin_reference=source.tracking_code)
        kernel.create(actor=actor, obj=incoming, action="receive_forwarded", workflow=DOSSIER,
                      data={"from_dossier": source.pk, "from_unit": level.code, "round": target.pk, "nominees": len(chosen)})
        copies = {}
        for n in chosen:
            copy = Nominee.objects.create(dossier=incoming, person=n.person, unit=n.unit, household=n.household,
                                          external_name=n.external_name, external_data=n.external_data,  # an imported stranger
                                          award_code=n.award_code, summary=n.summary, justification=n.justification,
                                          forwarded_from=n)
            nominee_evaluate(copy, dossier=incoming)
            copies[n.pk] = copy
        copied = _copy_files(source, incoming, copies)
        beyond = {n.pk for n in beyond_authority(source, chosen)}
        audit.record(actor=actor, action="decisions.dossier.forwarded", target=source, data={
            "incoming": incoming.pk, "round": target.pk, "to_unit": target.office_unit.code,
            "nominees": [{"nominee": n.pk, "copy": copies[n.pk].pk, "award": n.award_code, "beyond_authority": n.pk in beyond}
                         for n in chosen],
            "files": copied})
    return incoming


def _copy_files(source: Dossier, incoming: Dossier, copies: dict[int, Nominee]) -> int:
    count = 0
    rows = source.attachments.filter(withdrawn_at__isnull=True).order_by("uploaded_at", "id")
    for row in rows:
        if row.nominee_id is not None and row.nominee_id not in copies:
            continue  # a file of a nominee who stays below
        data = files.read_attachment(row)
        name = files.store_copy(data, dossier_pk=incoming.pk, extension=files.extension_of(row.storage_name))
        Attachment.objects.create(dossier=incoming, nominee=copies.get(row.nominee_id), component=row.component,
                                  storage_name=name, filename=row.filename, content_type=row.content_type, size=row.size,
                                  sha256=row.sha256, uploaded_by=row.uploaded_by)
        count += 1
    return count


def on_higher_outcome(*, actor, nominee: Nominee, decision) -> None:
    """A nominee of an incoming dossier was awarded by the higher level's `decision` (called by `decision_sign` in the
    decision's transaction): each original below (`nominee.forwarded_from`, and on down a chain) gets an audit event on
    its dossier. The award itself is in the one ledger of this installation already (the same person, unit or
    household), so the level below sees it at once; the dossier page shows it (`outcomes_of`)."""
    below, seen = nominee.forwarded_from, set()
    while below is not None and below.pk not in seen:
        seen.add(below.pk)
        audit.record(actor=actor, action="decisions.forwarded.decided", target=below.dossier,
                     data={"nominee": below.pk, "award": nominee.award_code, "decision": decision.pk,
                           "number": decision.number_text or "", "issuer": decision.issuer.name})
        below = below.forwarded_from


def outcomes_of(dossier: Dossier) -> list[dict]:
    """What the higher levels decided on the nominees this dossier forwarded (following a chain of forwardings): one row
    per issued award decision line, oldest forwarding first."""
    from .models import DecisionLine, DecisionStatus

    rows = []
    origin = {n.pk: n for n in dossier.nominees.all()}  # any copy's id → the nominee of this dossier it comes from
    frontier = set(origin)
    for _level in range(10):  # a chain of forwardings is short (ward → province → central); a loop cannot be made
        copies = list(Nominee.objects.filter(forwarded_from_id__in=frontier))
        if not copies:
            break
        for copy in copies:
            origin[copy.pk] = origin[copy.forwarded_from_id]
        lines = (DecisionLine.objects.filter(nominee__in=copies, decision__status=DecisionStatus.ISSUED)
                 .select_related("decision__issuer").order_by("decision__decided_on", "position"))
        rows += [{"nominee": origin[line.nominee_id], "award": line.award_code, "award_name": award_label(line.award_code),
                  "number": line.decision.number_text,
                  "decided_on": line.decision.decided_on, "issuer": line.decision.issuer.name} for line in lines]
        frontier = {c.pk for c in copies}
    return rows
