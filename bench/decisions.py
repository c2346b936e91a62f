"""`make bench`, decisions: signing a decision with 2,000 recipients — the number, the 2,000 awards written into the
ledger with their history rows, the lines linked to them, the audit events — beside a bare `bulk_create` of the same
2,000 AwardRecord rows as its baseline (issue 14: goal ≤ 2 s). Everything it writes is rolled back."""

from __future__ import annotations

import datetime as dt
import statistics
import time

from .nominations import _admin, _Rollback

RECIPIENTS = 2_000
ISSUE_GOAL_S = 2.0


def _submitted(issuer, people, admin):
    from tdkt.decisions.models import Decision, DecisionLine, DecisionStatus

    decision = Decision.objects.create(issuer=issuer, title="Về việc khen thưởng (bench)", decided_on=dt.date(2025, 12, 22),
                                       status=DecisionStatus.SUBMITTED, drafted_by=admin, signer_name="Bench")
    DecisionLine.objects.bulk_create([DecisionLine(decision=decision, position=i, name=name, person_id=pk, award_code="LDTT", year=2025,
                                                   amount=700_000) for i, (pk, name) in enumerate(people, start=1)], batch_size=1000)
    return decision


def run(repeat: int = 3) -> dict:
    from django.db import transaction

    from tdkt.core.numbering import numbering_profile_set
    from tdkt.decisions.services import decision_sign
    from tdkt.org.models import Person, Unit
    from tdkt.records.models import AwardRecord

    admin = _admin()
    issuer = Unit.objects.filter(parent__isnull=True).order_by("path").first()
    taken = set(AwardRecord.objects.filter(award_code="LDTT", year=2025, person__isnull=False).values_list("person_id", flat=True))
    people = [(pk, name) for pk, name in Person.objects.order_by("pk").values_list("pk", "full_name")[:RECIPIENTS * 3]
              if pk not in taken][:RECIPIENTS]
    signs, bares = [], []
    for _ in range(repeat):
        try:
            with transaction.atomic():
                numbering_profile_set(actor=admin, issuer=issuer, abbreviation="UBND")
                decision = _submitted(issuer, people, admin)
                t = time.perf_counter()
                decision_sign(actor=admin, decision=decision)
                signs.append(time.perf_counter() - t)
                raise _Rollback
        except _Rollback:
            pass
        try:
            with transaction.atomic():
                t = time.perf_counter()
                AwardRecord.objects.bulk_create([AwardRecord(person_id=pk, award_code="LDTT", year=2025, decision_number="1/QĐ-UBND",
                                                             decision_date=dt.date(2025, 12, 22), issuer=issuer, issuer_name="UBND")
                                                 for pk, _name in people], batch_size=1000)
                bares.append(time.perf_counter() - t)
                raise _Rollback
        except _Rollback:
            pass
    return {"recipients": len(people), "sign": statistics.median(signs), "bare": statistics.median(bares)}


def print_table(f: dict) -> None:
    ok = lambda b: "yes" if b else "NO"  # noqa: E731
    rows = [
        (f"bulk_create of {f['recipients']:,} awards (baseline)", f"{f['bare']:.2f} s", "the rows only, median of 3", "", ""),
        (f"sign a decision of {f['recipients']:,} recipients", f"{f['sign']:.2f} s",
         f"number, awards + history, links, audit ({f['sign'] / f['bare']:.1f}x the baseline)" if f["bare"] else "",
         f"<= {ISSUE_GOAL_S:g} s", ok(f["sign"] <= ISSUE_GOAL_S)),
    ]
    widths = [max(len(r[k]) for r in rows + [("figure", "value", "note", "goal", "met")]) for k in range(5)]
    line = lambda r: "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()  # noqa: E731
    print("\nDecisions benchmark")
    print(line(("figure", "value", "note", "goal", "met")))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print(line(r))
