"""Deterministic bench ledger: a province, 20 wards with 5 units each, N people with `years` of history.

Per person and year: a rating (3 % missing), LĐTT for good ratings, CSTĐCS for most HTXSNV years, Giấy khen
now and then, initiatives of every scope; CSTĐ tỉnh crowning three-year CSTĐCS chains, Bằng khen tỉnh for
some two-year chains; 3 % of people disciplined once; 0.5 % of awards revoked (each by its revocation act). Up to 2023
a cơ sở initiative of a CSTĐCS year is recorded as grounding that CSTĐCS (the 2003 law asked for one); in the year under
review, about 5 % of people have a working year's facts (a transfer, maternity leave, a course) and half of the late
recruits a contract before recruitment. Same seed, same data.

PostgreSQL: rows are written as TSV files and loaded with COPY; SQLite: executemany per chunk.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

from django.db import connection, transaction

YEAR = 2025  # the year under review
SEED = 20250101
CHUNK = 5000
NOW = "2026-01-15 08:00:00+07"

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Hữu", "Thanh", "Quốc", "Bảo", "Thị Thu", "Văn Minh"]
GIVEN = ["An", "Ánh", "Bình", "Cường", "Dũng", "Đào", "Giang", "Hà", "Hải", "Hùng", "Lan", "Linh", "Long", "Mai", "Nam",
         "Oanh", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Uyên", "Vinh", "Yến", "Ân", "Ước", "Khánh", "Trang", "Tuấn", "Hương"]

TABLES = {
    "org_person": ["id", "created_at", "updated_at", "full_name", "name_sort_key", "gender", "date_of_birth", "citizen_id",
                   "position", "is_leader", "is_direct_worker", "unit_id", "joined_on", "search_text", "service_start"],
    "org_personword": ["person_id", "word", "marked"],
    "records_yearrating": ["created_at", "updated_at", "person_id", "year", "rating", "note"],
    "records_awardrevocation": ["id", "created_at", "updated_at", "revoked_on", "reason", "decision_number", "decision_date",
                                "issuer_name", "recorded_by_id"],
    "records_awardrecord": ["id", "created_at", "updated_at", "person_id", "award_code", "year", "decision_number",
                            "decision_date", "issuer_name", "note", "source", "revocation_id"],
    "records_discipline": ["created_at", "updated_at", "person_id", "form", "start", "end", "decision_number", "reason"],
    "records_initiative": ["created_at", "updated_at", "person_id", "year", "title", "scope", "recognised_on", "decision_number",
                           "used_for_id"],
    "records_workyear": ["created_at", "updated_at", "person_id", "year", "days_off", "maternity_days", "training_months",
                         "training_result", "transfer_from", "transfer_months", "transfer_comment", "note"],
}


def make_units(wards: int = 20, per_ward: int = 5) -> list[int]:
    """The unit tree; returns the ids of the units people belong to (wards and their units)."""
    from tdkt.core import vntext
    from tdkt.org.models import Unit, UnitKind
    from tdkt.org.search import index_unit

    def create(code, name, kind, parent):
        unit = Unit.objects.create(code=code, name=name, kind=kind, parent=parent, name_sort_key=vntext.sort_key(name))
        unit.path = f"{parent.path if parent else '/'}{unit.pk}/"
        unit.depth = parent.depth + 1 if parent else 0
        unit.save(update_fields=["path", "depth"])
        index_unit(unit)
        return unit

    province = create("bench_tinh", "Tỉnh Thử Nghiệm", UnitKind.PROVINCE, None)
    ids = []
    for w in range(1, wards + 1):
        ward = create(f"bench_phuong_{w}", f"Phường Thử Nghiệm {w}", UnitKind.COMMUNE, province)
        ids.append(ward.pk)
        for k in range(1, per_ward + 1):
            kind = UnitKind.SCHOOL if k <= 3 else UnitKind.AGENCY
            name = f"Trường Tiểu học số {k} phường {w}" if k <= 3 else f"Phòng chuyên môn {k} phường {w}"
            ids.append(create(f"bench_dv_{w}_{k}", name, kind, ward).pk)
    return ids


def person_rows(n: int, years: int, unit_ids: list[int]):
    """Yield, per chunk of people, {table: [row, ...]} in TABLES' column order."""
    from tdkt.core import vntext

    rnd = random.Random(SEED)
    revocations = 0
    award_ids = 0
    keys: dict[str, str] = {}
    words: dict[str, list[tuple[str, str]]] = {}
    texts: dict[str, str] = {}
    first = YEAR - years + 1
    chunk = {t: [] for t in TABLES}
    for pid in range(1, n + 1):
        name = f"{rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"
        key = keys.get(name) or keys.setdefault(name, vntext.person_sort_key(name))
        profile = rnd.random()
        joined = dt.date(YEAR, 9, 1) if rnd.random() < 0.02 else dt.date(rnd.randint(1990, YEAR - 1), rnd.randint(1, 12), 1)
        dob = dt.date(rnd.randint(1965, 2001), rnd.randint(1, 12), rnd.randint(1, 28))
        unit_id = unit_ids[pid % len(unit_ids)]
        contract = dt.date(YEAR, 2, 1) if joined.year == YEAR and rnd.random() < 0.5 else None
        chunk["org_person"].append((pid, NOW, NOW, name, key, "F" if rnd.random() < 0.55 else "M", dob, None, "",
                                    rnd.random() < 0.1, rnd.random() < 0.5, unit_id, joined,
                                    texts.get(name) or texts.setdefault(name, vntext.search_text(name)), contract))
        for folded, marked in words.get(name) or words.setdefault(name, vntext.search_words(name)):
            chunk["org_personword"].append((pid, folded, marked))  # the search words (org.search)
        cstdcs: set[int] = set()
        cstdcs_ids: dict[int, int] = {}
        awards = chunk["records_awardrecord"]

        def award(code, year):
            nonlocal revocations, award_ids
            award_ids += 1
            revoked = None
            if rnd.random() < 0.005:
                revocations += 1
                revoked = revocations
                chunk["records_awardrevocation"].append((revoked, NOW, NOW, dt.date(year + 1, 6, 1), "Kê khai không đúng", "",
                                                         None, "", None))
            awards.append((award_ids, NOW, NOW, pid, code, year, f"{pid % 900 + 1}/QĐ-UBND", dt.date(year + 1, 1, 15),
                           "UBND phường", "", "imported", revoked))
            return revoked is None

        for y in range(first, YEAR + 1):
            if rnd.random() >= 0.03:
                r = rnd.random()
                rating = ("HTXSNV" if r < 0.15 + 0.45 * profile else "HTTNV" if r < 0.85 + 0.1 * profile
                          else "HTNV" if r < 0.97 + 0.02 * profile else "KHTNV")
                chunk["records_yearrating"].append((NOW, NOW, pid, y, rating, ""))
                if y < YEAR and rating in ("HTXSNV", "HTTNV"):
                    award("LDTT", y)
                    if rating == "HTXSNV" and rnd.random() < 0.7 and award("CSTDCS", y):
                        cstdcs.add(y)
                        cstdcs_ids[y] = award_ids
                if y < YEAR and rnd.random() < 0.1:
                    award("GIAY_KHEN", y)
            if rnd.random() < 0.15 + 0.5 * profile:
                scope = rnd.choices(("CO_SO", "TINH", "TOAN_QUOC"), weights=(10, 3, 1))[0]
                grounded = cstdcs_ids.pop(y, None) if scope == "CO_SO" and y < 2024 else None
                chunk["records_initiative"].append((NOW, NOW, pid, y, f"Sáng kiến {pid}-{y}", scope, dt.date(y, 11, 20), "",
                                                    grounded))
        last_tinh = 0
        for y in range(first + 2, YEAR):
            if {y, y - 1, y - 2} <= cstdcs and y - last_tinh >= 3 and rnd.random() < 0.6:
                award("CSTD_TINH", y)
                last_tinh = y
            elif {y, y - 1} <= cstdcs and rnd.random() < 0.2:
                award("BK_TINH", y)
        if rnd.random() < 0.03:
            start = dt.date(rnd.randint(first, YEAR), rnd.randint(1, 12), 1)
            form = rnd.choices(("KHIEN_TRACH", "CANH_CAO", "HA_BAC_LUONG"), weights=(6, 3, 1))[0]
            chunk["records_discipline"].append((NOW, NOW, pid, form, start, start + dt.timedelta(days=364), "", ""))
        fact = rnd.random()
        if fact < 0.05:
            kind = rnd.choice(("transfer", "transfer", "maternity", "course"))
            chunk["records_workyear"].append((
                NOW, NOW, pid, YEAR, rnd.randint(0, 20) if kind != "maternity" else 130, 126 if kind == "maternity" else 0,
                14 if kind == "course" else 0, "KHA" if kind == "course" else "", "Phường khác" if kind == "transfer" else "",
                rnd.randint(1, 11) if kind == "transfer" else None, kind == "transfer" and rnd.random() < 0.7, ""))
        if pid % CHUNK == 0 or pid == n:
            yield chunk
            chunk = {t: [] for t in TABLES}


def people_count() -> int:
    from tdkt.org.models import Person

    return Person.objects.count()


def _tsv(value) -> str:
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    return str(value)


def generate(*, people: int, years: int, kind: str) -> dict[str, int]:
    unit_ids = make_units()
    counts = {t: 0 for t in TABLES}
    if kind == "postgresql":
        with tempfile.TemporaryDirectory(prefix="tdkt-bench-") as tmp:
            files = {t: (Path(tmp) / f"{t}.tsv").open("w", encoding="utf-8") for t in TABLES}
            for chunk in person_rows(people, years, unit_ids):
                for table, rows in chunk.items():
                    counts[table] += len(rows)
                    files[table].writelines("\t".join(map(_tsv, row)) + "\n" for row in rows)
            for fh in files.values():
                fh.close()
            with connection.cursor() as cursor:
                raw = cursor.cursor
                for table, cols in TABLES.items():
                    quoted = ", ".join(f'"{c}"' for c in cols)
                    with raw.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy, (Path(tmp) / f"{table}.tsv").open("rb") as fh:
                        while block := fh.read(1 << 20):
                            copy.write(block)
                for table in ("org_person", "records_awardrevocation", "records_awardrecord"):
                    cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT coalesce(max(id), 1) FROM {table}))")
                # The steady state autovacuum reaches: statistics, and the visibility map that lets counts and
                # ordered lists read their indexes alone (an index-only scan) instead of every row.
                cursor.execute("VACUUM ANALYZE")
    else:
        for chunk in person_rows(people, years, unit_ids):
            with transaction.atomic(), connection.cursor() as cursor:
                for table, rows in chunk.items():
                    if rows:
                        cols = TABLES[table]
                        sql = f'INSERT INTO {table} ({", ".join(chr(34) + c + chr(34) for c in cols)}) VALUES ({", ".join("%s" for _ in cols)})'
                        cursor.executemany(sql, rows)
                        counts[table] += len(rows)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {t.split("_", 1)[1]: n for t, n in counts.items()}
