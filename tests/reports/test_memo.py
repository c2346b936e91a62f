"""The memoised batch (results shared by history signature) equals the engine run on every request.

Randomised, seeded ledgers with a deliberately small alphabet, so that many people share signatures and the
memo is really hit: ratings (some missing), decided and proposed awards of every title over years that cross
regimes, disciplines of every form (overlapping the year, ended before, after), initiatives of every scope,
recruitment dates (none, recent, old), and for some people the facts the signatures do not read (a continuous-
service day, a working year's days off, course or transfer, an initiative used for an award). Several years
under review, the quota on and off.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from tdkt.law import engine
from tdkt.law.schema import AwardEntry, DisciplineEntry, InitiativeEntry, RatingEntry, WorkYearEntry
from tdkt.records.models import AwardRecord
from tdkt.reports import batch

from .conftest import TITLES, make_people

RATINGS = ("HTXSNV", "HTXSNV", "HTTNV", "HTTNV", "HTNV", "KHTNV")
AWARDS = ("LDTT", "CSTDCS", "CSTDCS", "CSTD_TINH", "CSTD_TQ", "BK_TINH", "GIAY_KHEN")
FORMS = ("KHIEN_TRACH", "CANH_CAO", "HA_BAC_LUONG", "GIANG_CHUC", "CACH_CHUC", "BUOC_THOI_VIEC")
SCOPES = ("CO_SO", "TINH", "TOAN_QUOC")


def random_ledger(rnd: random.Random, person_id: int, unit_id: int, year: int) -> batch.PersonLedger:
    first = year - rnd.choice((3, 6, 10, 14))
    ratings = [RatingEntry(y, rnd.choice(RATINGS)) for y in range(first, year + 1) if rnd.random() > 0.08]
    awards = []
    strong = rnd.random() < 0.5
    for y in range(first, year + 1):
        if strong and y < year and rnd.random() < 0.8:
            awards.append(AwardEntry(y, "CSTDCS"))
        if rnd.random() < 0.25:
            awards.append(AwardEntry(y, rnd.choice(AWARDS), proposed=rnd.random() < 0.15))
    if rnd.random() < 0.3:  # CSTĐ tỉnh every period, sometimes reaching the year under review
        step = 3
        for y in range(year - rnd.choice((0, 1, 2)), first, -step):
            if rnd.random() < 0.8:
                awards.append(AwardEntry(y, "CSTD_TINH", proposed=y == year and rnd.random() < 0.5))
    if rnd.random() < 0.1:  # a decided title of the year under review
        awards.append(AwardEntry(year, rnd.choice(("LDTT", "CSTDCS"))))
    awards.sort(key=lambda a: (a.year, a.award))
    disciplines = []
    if rnd.random() < 0.2:
        for _ in range(rnd.choice((1, 1, 2))):
            start = dt.date(rnd.randint(first, year + 1), rnd.randint(1, 12), 1)
            disciplines.append(DisciplineEntry(rnd.choice(FORMS), start, start + dt.timedelta(days=rnd.choice((180, 364, 700)))))
        disciplines.sort(key=lambda d: d.start)
    initiatives = sorted((InitiativeEntry(y, rnd.choice(SCOPES)) for y in range(first, year + 1) for _ in range(rnd.choice((0, 0, 1, 2)))),
                         key=lambda i: (i.year, i.scope))
    if initiatives and rnd.random() < 0.1:  # one initiative already grounded an award
        k = rnd.randrange(len(initiatives))
        used = initiatives[k]
        initiatives[k] = InitiativeEntry(used.year, used.scope, rnd.choice(("CSTDCS", "BK_TINH")), used.year)
    joined = rnd.choice((None, dt.date(year, 9, 1), dt.date(year, 5, 1), dt.date(2010, 1, 1), dt.date(2001, 6, 1),
                         # days of every month around the regimes' 6 and 10 months, so that people of one class of
                         # recruitment day (early enough or not) have different days, each quoted in their own result
                         dt.date(year, rnd.randint(1, 12), rnd.randint(1, 28)), dt.date(year - 1, rnd.randint(1, 12), 28)))
    service = dt.date(year - 1, 11, 1) if joined is not None and joined.year == year and rnd.random() < 0.3 else None
    work = []
    if rnd.random() < 0.1:
        days = rnd.choice((None, 10, 45, 60))
        work.append(WorkYearEntry(year, days, 20 if days and days > 20 and rnd.random() < 0.5 else 0,
                                  rnd.choice((0, 0, 3, 14)), rnd.choice((None, "KHA", "TRUNG_BINH")),
                                  *rnd.choice((("", None, False), ("Xã A", 7, False), ("Xã A", 7, True), ("Xã A", 2, False)))))
        if not work[0].training_months:
            work[0] = WorkYearEntry(*(work[0].year, work[0].days_off, work[0].maternity_days, 0, None, work[0].transfer_from,
                                      work[0].transfer_months, work[0].transfer_comment))
    return batch.PersonLedger(person_id, unit_id, f"Người {person_id}", f"nguoi {person_id:06d}", None, joined,
                              ratings, awards, disciplines, initiatives, service, work)


def run(ledgers, year, catalogue, *, memo, quota):
    """The people of seven units, interleaved as a reader in person order gives them."""
    return list(batch.evaluate_stream(ledgers, year, TITLES, catalogue=catalogue, evaluate=engine.evaluate, quota=quota, memo=memo))


@pytest.mark.django_db
@pytest.mark.parametrize("year, seed", [(2025, 1), (2024, 2), (2023, 3), (2019, 4), (2026, 5), (2016, 6)])
@pytest.mark.parametrize("quota", [False, True])
def test_memoised_batch_equals_direct_evaluation(year, seed, quota):
    catalogue = engine.load_catalogue()
    rnd = random.Random(seed)
    ledgers = [random_ledger(rnd, pid, pid % 7, year) for pid in range(1, 1201)]
    memo = batch.make_memo(catalogue, year, engine.evaluate, TITLES)
    assert memo is not None

    memoised = run(ledgers, year, catalogue, memo=memo, quota=quota)
    direct = run(ledgers, year, catalogue, memo=None, quota=quota)

    assert len(memoised) == len(direct) == len(ledgers)
    seen = set()
    for m, d in zip(memoised, direct, strict=True):
        assert m.person_id == d.person_id
        for code in TITLES:
            assert m.results[code] == d.results[code], (m.person_id, code)
            seen.add((code, d.results[code].verdict))
        assert m.verdicts == d.verdicts
        assert m.notes == d.notes
    # The memo was really used (many people share signatures) and the data reaches every verdict of the chains.
    assert memo.hits > memo.misses
    assert {("CSTD_TINH", "eligible"), ("CSTD_TINH", "not_eligible"), ("BK_TINH", "eligible"),
            ("LDTT", "not_eligible"), ("LDTT", "needs_review")} <= seen


def test_memoised_run_from_the_database_equals_the_unmemoised_one(tree):
    """Through the reader too (revoked awards left out), on both the memoised and the direct path."""
    make_people(tree.school_a, 40, year=tree.year, seed=11)
    make_people(tree.ward_a, 40, year=tree.year, seed=12)
    assert AwardRecord.objects.filter(revocation__isnull=False).exists()
    catalogue = engine.load_catalogue()
    memoised = list(batch.batch_evaluate(unit=tree.ward_a, year=tree.year, catalogue=catalogue))
    direct = list(batch.batch_evaluate(unit=tree.ward_a, year=tree.year, catalogue=catalogue, memoise=False))
    assert [o.person_id for o in memoised] == [o.person_id for o in direct]
    for m, d in zip(memoised, direct, strict=True):
        assert m.results == d.results
        assert m.verdicts == d.verdicts


def as_compact_row(ledger: batch.PersonLedger, rnd: random.Random, parsers) -> batch.CompactLedger:
    """The row the one-query reader would give for this ledger: token strings in the database's arbitrary order
    (disciplines ordered), decided awards only (the database holds no proposed ones)."""
    def tokens(items):
        items = list(items)
        rnd.shuffle(items)
        return ",".join(items) or None

    r = tokens(f"{e.year}:{e.rating}" for e in ledger.ratings)
    a = tokens(f"{e.year}:{e.award}" for e in ledger.awards if not e.proposed)
    d = ",".join(f"{e.form}:{e.start.isoformat()}:{e.end.isoformat()}" for e in ledger.disciplines) or None
    i = tokens(f"{e.year}:{e.scope}" + (f":{e.used_for}:{e.used_year}" if e.used_for else "") for e in ledger.initiatives)
    work = [[w.year, w.days_off, w.maternity_days, w.training_months, w.training_result, w.transfer_from, w.transfer_months,
             w.transfer_comment] for w in ledger.work_years] or None
    return batch.CompactLedger((ledger.unit_id, ledger.person_id, ledger.full_name, ledger.name_sort_key,
                                ledger.date_of_birth, ledger.joined_on, r, a, d, i, ledger.service_start, work, parsers))


def decided_only(ledger: batch.PersonLedger) -> batch.PersonLedger:
    return batch.PersonLedger(
        ledger.person_id, ledger.unit_id, ledger.full_name, ledger.name_sort_key, ledger.date_of_birth, ledger.joined_on,
        sorted(ledger.ratings, key=lambda e: e.year), sorted((e for e in ledger.awards if not e.proposed), key=lambda e: (e.year, e.award)),
        list(ledger.disciplines), sorted(ledger.initiatives, key=lambda e: (e.year, e.scope, e.used_for or "")),
        ledger.service_start, list(ledger.work_years))


@pytest.mark.django_db
@pytest.mark.parametrize("year, seed, quota", [(2025, 31, False), (2024, 32, True), (2019, 33, True), (2023, 34, False),
                                              (2016, 35, False)])
def test_memoised_batch_on_the_one_query_rows_equals_direct_evaluation(year, seed, quota):
    """The fast path on the PostgreSQL reader's rows (facts memoised on the token strings themselves, ledgers
    parsed only on a miss) gives the engine's results on the same histories, on any database."""
    catalogue = engine.load_catalogue()
    rnd = random.Random(seed)
    ledgers = [decided_only(random_ledger(rnd, pid, pid % 5, year)) for pid in range(1, 1001)]
    parsers = batch.Parsers()
    rows = [as_compact_row(led, rnd, parsers) for led in ledgers]
    memo = batch.make_memo(catalogue, year, engine.evaluate, TITLES)

    memoised = run(rows, year, catalogue, memo=memo, quota=quota)
    direct = run(ledgers, year, catalogue, memo=None, quota=quota)

    assert [o.person_id for o in memoised] == [o.person_id for o in direct]
    for m, d in zip(memoised, direct, strict=True):
        assert m.results == d.results, m.person_id
        assert (m.verdicts, m.notes) == (d.verdicts, d.notes), m.person_id
    assert memo.hits > memo.misses
    assert any(row.d for row in rows) and any(row.d is None and row.a for row in rows)
    if year == 2019:  # the national quota of the 2003 law: some candidates are over it
        assert any(m.notes for m in memoised)


@pytest.mark.django_db
@pytest.mark.parametrize("year, seed", [(2025, 11), (2024, 12), (2019, 13), (2016, 14)])
def test_memoised_batch_equals_direct_evaluation_when_many_initiatives_grounded_an_award(year, seed):
    """Half the people hold an initiative that grounded an award, often one of the run's own titles and year (the memo
    keys on those initiatives; no one is evaluated outside it)."""
    catalogue = engine.load_catalogue()
    rnd = random.Random(seed)
    ledgers = []
    for pid in range(1, 801):
        ledger = random_ledger(rnd, pid, pid % 7, year)
        if ledger.initiatives and rnd.random() < 0.5:
            k = rnd.randrange(len(ledger.initiatives))
            used = ledger.initiatives[k]
            ledger.initiatives[k] = InitiativeEntry(used.year, used.scope, rnd.choice(("CSTDCS", "BK_TINH", "CSTD_TINH", "LDTT")),
                                                    used.year if rnd.random() < 0.7 else year)
        ledgers.append(ledger)
    memo = batch.make_memo(catalogue, year, engine.evaluate, TITLES)
    memoised = run(ledgers, year, catalogue, memo=memo, quota=seed % 2 == 0)
    direct = run(ledgers, year, catalogue, memo=None, quota=seed % 2 == 0)
    for m, d in zip(memoised, direct, strict=True):
        for code in TITLES:
            assert m.results[code] == d.results[code], (m.person_id, code)
    assert memo.hits > memo.misses
