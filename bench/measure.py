"""The measurements: the batch, one raw SQL aggregate over the same ledger, the naive per-person loop."""

from __future__ import annotations

import contextlib
import statistics
import time

from tdkt.reports.batch import IN_SUBTREE

from .data import YEAR

RATIO_GOAL = 3.0
SPEEDUP_GOAL = 50.0

# Baseline (a): ONE set-based aggregate over the same ledger the batch reads (ratings, non-revoked awards,
# disciplines, initiatives, working years, the start of continuous service) of the same subtree, fetched to the
# client — per person: the number of ratings, of HTXSNV ratings, the last rated year, the number of awards and of
# CSTĐCS, of disciplines and the last end date, of initiatives, the last year and the number used for an award, of
# working years and the last one. Like the batch's query it runs with JIT off. Two forms are timed and the faster
# is the baseline: the shape of the batch's own query (aggregates joined in person order), and the first form of
# these measurements (a CTE of the subtree, hash-joined).
RAW_SQL = f"""
SELECT p.id, p.service_start, y.ratings, y.excellent, y.last_year, w.awards, w.cstdcs, k.disciplines, k.last_end,
       n.initiatives, n.last_initiative, n.used, f.work_years, f.last_work_year
FROM org_person p JOIN org_unit u ON u.id = p.unit_id
LEFT JOIN (
    SELECT y.person_id, COUNT(*) AS ratings, SUM(CASE WHEN y.rating = 'HTXSNV' THEN 1 ELSE 0 END) AS excellent,
           MAX(y.year) AS last_year
    FROM records_yearrating y {IN_SUBTREE.format(t="y")}
    GROUP BY y.person_id
) y ON y.person_id = p.id
LEFT JOIN (
    SELECT w.person_id, COUNT(*) AS awards, SUM(CASE WHEN w.award_code = 'CSTDCS' THEN 1 ELSE 0 END) AS cstdcs
    FROM records_awardrecord w {IN_SUBTREE.format(t="w")}
    WHERE w.revocation_id IS NULL
    GROUP BY w.person_id
) w ON w.person_id = p.id
LEFT JOIN (
    SELECT k.person_id, COUNT(*) AS disciplines, MAX(k."end") AS last_end
    FROM records_discipline k {IN_SUBTREE.format(t="k")}
    GROUP BY k.person_id
) k ON k.person_id = p.id
LEFT JOIN (
    SELECT n.person_id, COUNT(*) AS initiatives, MAX(n.year) AS last_initiative, COUNT(n.used_for_id) AS used
    FROM records_initiative n {IN_SUBTREE.format(t="n")}
    GROUP BY n.person_id
) n ON n.person_id = p.id
LEFT JOIN (
    SELECT f.person_id, COUNT(*) AS work_years, MAX(f.year) AS last_work_year
    FROM records_workyear f {IN_SUBTREE.format(t="f")}
    GROUP BY f.person_id
) f ON f.person_id = p.id
WHERE u.path LIKE %(path)s
"""

RAW_SQL_CTE = """
WITH scope AS (
    SELECT p.id, p.service_start FROM org_person p JOIN org_unit u ON u.id = p.unit_id WHERE u.path LIKE %(path)s
), r AS (
    SELECT y.person_id, COUNT(*) AS ratings, SUM(CASE WHEN y.rating = 'HTXSNV' THEN 1 ELSE 0 END) AS excellent,
           MAX(y.year) AS last_year
    FROM records_yearrating y JOIN scope s ON s.id = y.person_id
    GROUP BY y.person_id
), a AS (
    SELECT w.person_id, COUNT(*) AS awards, SUM(CASE WHEN w.award_code = 'CSTDCS' THEN 1 ELSE 0 END) AS cstdcs
    FROM records_awardrecord w JOIN scope s ON s.id = w.person_id
    WHERE w.revocation_id IS NULL
    GROUP BY w.person_id
), d AS (
    SELECT k.person_id, COUNT(*) AS disciplines, MAX(k."end") AS last_end
    FROM records_discipline k JOIN scope s ON s.id = k.person_id
    GROUP BY k.person_id
), i AS (
    SELECT n.person_id, COUNT(*) AS initiatives, MAX(n.year) AS last_initiative, COUNT(n.used_for_id) AS used
    FROM records_initiative n JOIN scope s ON s.id = n.person_id
    GROUP BY n.person_id
), f AS (
    SELECT w.person_id, COUNT(*) AS work_years, MAX(w.year) AS last_work_year
    FROM records_workyear w JOIN scope s ON s.id = w.person_id
    GROUP BY w.person_id
)
SELECT s.id, s.service_start, r.ratings, r.excellent, r.last_year, a.awards, a.cstdcs, d.disciplines, d.last_end,
       i.initiatives, i.last_initiative, i.used, f.work_years, f.last_work_year
FROM scope s LEFT JOIN r ON r.person_id = s.id LEFT JOIN a ON a.person_id = s.id
LEFT JOIN d ON d.person_id = s.id LEFT JOIN i ON i.person_id = s.id LEFT JOIN f ON f.person_id = s.id
"""


def _root():
    from tdkt.org.models import Unit

    return Unit.objects.get(code="bench_tinh")


def time_raw(unit, sql: str = RAW_SQL) -> tuple[float, int]:
    """One aggregate query, fetched. PostgreSQL: JIT off like the batch's own query."""
    from django.db import connection

    from tdkt.reports.batch import SESSION_RESET, SESSION_SETTINGS

    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgres:
            cursor.execute(SESSION_SETTINGS)
        t = time.perf_counter()
        cursor.execute(sql, {"path": unit.path + "%"})
        rows = cursor.fetchall()
        elapsed = time.perf_counter() - t
        if postgres:
            cursor.execute(SESSION_RESET)
    return elapsed, len(rows)


def time_batch(unit, catalogue, *, serial: bool = False) -> tuple[float, int, dict]:
    """The batch as shipped; with serial, inside a transaction, where the ledger is read on the caller's connection
    (no reader thread, so the database and the evaluation take turns): what the read-ahead buys."""
    from django.db import transaction

    from tdkt.reports import batch

    counts = batch.empty_summary(catalogue.batch_titles())
    n = 0
    with transaction.atomic() if serial else contextlib.nullcontext():
        t = time.perf_counter()
        for outcome in batch.batch_evaluate(unit=unit, year=YEAR, catalogue=catalogue):
            batch.summarise(counts, outcome)
            n += 1
        elapsed = time.perf_counter() - t
    return elapsed, n, counts


def time_naive(unit, catalogue, sample: int) -> tuple[float, int]:
    """Baseline (b): for each person of an evenly spread sample, query ratings, awards, disciplines and
    initiatives through the ORM, build the requests and evaluate the five titles in ascending order."""
    from tdkt.law import engine
    from tdkt.law.schema import AwardEntry, DisciplineEntry, EligibilityRequest, InitiativeEntry, RatingEntry, Subject
    from tdkt.org.models import Person
    from tdkt.records.models import AwardRecord, Discipline, Initiative, YearRating

    ids = list(Person.objects.filter(unit__path__startswith=unit.path).order_by("id").values_list("id", flat=True))
    step = max(1, len(ids) // sample)
    chosen = ids[::step][:sample]
    t = time.perf_counter()
    for pid in chosen:
        person = Person.objects.get(pk=pid)
        ratings = tuple(RatingEntry(r.year, r.rating) for r in YearRating.objects.filter(person=person))
        awards = tuple(AwardEntry(a.year, a.award_code) for a in AwardRecord.objects.filter(person=person, revocation__isnull=True))
        disciplines = tuple(DisciplineEntry(d.form, d.start, d.end) for d in Discipline.objects.filter(person=person))
        initiatives = tuple(InitiativeEntry(i.year, i.scope) for i in Initiative.objects.filter(person=person))
        proposed = []
        for code in catalogue.batch_titles():
            held = {a.award for a in awards if a.year == YEAR}
            request = EligibilityRequest(
                award=code, year=YEAR, subject=Subject(kind="individual", recruited_on=person.joined_on), ratings=ratings,
                awards=awards + tuple(AwardEntry(YEAR, c, proposed=True) for c in proposed if c not in held),
                disciplines=disciplines, initiatives=initiatives,
            )
            if engine.evaluate(request, catalogue=catalogue).verdict == "eligible":
                proposed.append(code)
    return time.perf_counter() - t, len(chosen)


def time_full_run(unit) -> float:
    from tdkt.core.actors import system_actor
    from tdkt.reports import services
    from tdkt.reports.models import BatchRun

    run = BatchRun.objects.create(unit=unit, year=YEAR)
    t = time.perf_counter()
    services.batch_run_execute(actor=system_actor(), run_id=run.pk, progress_every=5000)
    return time.perf_counter() - t


def run_all(*, people: int, sample: int, kind: str, full_run: bool, repeat: int = 3) -> dict:
    from tdkt.law import engine

    unit = _root()
    catalogue = engine.load_catalogue()
    time_raw(unit)  # warm the cache once, so both are measured warm
    time_batch(unit, catalogue)  # warm too (the batch reads the same tables)
    # The machine is shared and noisy (the same query varies by ±30 % between runs): the raw query and the batch
    # are timed in `repeat` interleaved rounds and each figure is the median of its rounds.
    rounds: dict[str, list[float]] = {"raw_joined": [], "raw_cte": [], "batch": [], "batch_serial": []}
    for _ in range(repeat):
        seconds, raw_rows = time_raw(unit)
        rounds["raw_joined"].append(seconds)
        rounds["raw_cte"].append(time_raw(unit, RAW_SQL_CTE)[0])
        seconds, n, counts = time_batch(unit, catalogue)
        rounds["batch"].append(seconds)
        rounds["batch_serial"].append(time_batch(unit, catalogue, serial=True)[0])
    raw_joined, raw_cte = statistics.median(rounds["raw_joined"]), statistics.median(rounds["raw_cte"])
    raw = min(raw_joined, raw_cte)
    batch_s, batch_serial = statistics.median(rounds["batch"]), statistics.median(rounds["batch_serial"])
    naive_s, sampled = time_naive(unit, catalogue, sample)
    figures = {
        "people": n, "raw_rows": raw_rows, "raw": raw, "raw_joined": raw_joined, "raw_cte": raw_cte, "batch": batch_s, "batch_serial": batch_serial, "naive_sample": naive_s, "sampled": sampled,
        "naive": naive_s * n / max(sampled, 1), "counts": counts, "repeat": repeat,
    }
    if full_run:
        figures["full_run"] = time_full_run(unit)
    return figures


def print_table(f: dict, *, kind: str) -> None:
    ratio = f["batch"] / f["raw"] if f["raw"] else float("inf")
    speedup = f["naive"] / f["batch"] if f["batch"] else float("inf")
    ok = lambda b: "yes" if b else "NO"  # noqa: E731
    rows = [
        ("raw SQL aggregate, whole ledger (baseline a)", f"{f['raw']:.2f} s", f"{f['raw_rows']:,} rows{', JIT off' if kind == 'postgresql' else ''}, median of {f['repeat']}, faster of:", "", ""),
        ("  joined in person order / subtree CTE", f"{f['raw_joined']:.2f} / {f['raw_cte']:.2f} s", "", "", ""),
        (f"batch eligibility, {f['people']:,} people", f"{f['batch']:.2f} s", f"{f['people'] / f['batch']:,.0f} people/s", "", ""),
        ("  ratio batch / raw", f"{ratio:.2f}x", "", f"<= {RATIO_GOAL:g}x", ok(ratio <= RATIO_GOAL)),
        ("  same batch, read without the reader thread", f"{f['batch_serial']:.2f} s", f"{f['batch_serial'] / f['raw']:.2f}x raw", "", ""),
        (f"naive per-person loop, {f['sampled']:,} sampled", f"{f['naive_sample']:.2f} s", "", "", ""),
        (f"  extrapolated to {f['people']:,} (baseline b)", f"{f['naive']:.1f} s", "", "", ""),
        ("  speed-up naive / batch", f"{speedup:.1f}x", "", f">= {SPEEDUP_GOAL:g}x", ok(speedup >= SPEEDUP_GOAL)),
    ]
    if "full_run" in f:
        rows.append(("whole run (rows + .xlsx)", f"{f['full_run']:.2f} s", "", "", ""))
    widths = [max(len(r[i]) for r in rows + [("figure", "value", "note", "goal", "met")]) for i in range(5)]
    line = lambda r: "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()  # noqa: E731
    print(f"\nBatch eligibility benchmark on {kind} (year {YEAR})")
    if kind != "postgresql":
        print("(the goals are set for PostgreSQL at 200,000 people; on SQLite the figures are only indicative)")
    print(line(("figure", "value", "note", "goal", "met")))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print(line(r))
    summary = ", ".join(f"{code} {c['eligible']}/{c['needs_review']}/{c['not_eligible']}" for code, c in f["counts"].items())
    print(f"verdicts (eligible/needs_review/not_eligible): {summary}")
