"""The checks of the history import across rows: who is who (citizen ID, else name and date of birth, matched with the
people of the scope only) and the conflicts between rows of the same person. `records.importing` runs them on the
rows that are valid on their own."""

from __future__ import annotations

from tdkt.core.tabular import Collector
from tdkt.org import services as org_services
from tdkt.org.models import Person, Unit


def identify(rows: list, out: Collector, scope_unit: Unit) -> None:
    """Group rows by person (CCCD, else name + date of birth) and match each group with existing people."""
    by_cccd: dict[str, object] = {}
    for row in rows:
        if row.citizen_id:
            first = by_cccd.setdefault(row.citizen_id, row)
            if first is not row and (first.full_name.casefold() != row.full_name.casefold()
                                     or (first.date_of_birth and row.date_of_birth and first.date_of_birth != row.date_of_birth)):
                out.error(row, f"Số CCCD {row.citizen_id} đã dùng ở dòng {first.row} cho người khác ({first.full_name}).")
    name_to_cccd = {(r.full_name.casefold(), r.date_of_birth): r.citizen_id for r in by_cccd.values() if r.date_of_birth}
    for row in rows:
        if row.citizen_id:
            row.identity = ("cccd", row.citizen_id)
        elif (row.full_name.casefold(), row.date_of_birth) in name_to_cccd:
            row.identity = ("cccd", name_to_cccd[(row.full_name.casefold(), row.date_of_birth)])
        else:
            row.identity = ("name", row.full_name.casefold(), row.date_of_birth)

    # Only the people of the scope are looked at: one outside it is, for this import, a person who does not exist
    # (a namesake is a new person; a citizen ID held outside gets the words of any citizen ID already taken).
    in_scope = Person.objects.filter(unit__path__startswith=scope_unit.path).select_related("unit")
    cccds = {r.identity[1] for r in rows if r.identity[0] == "cccd"}
    existing_by_cccd = {p.citizen_id: p for p in in_scope.filter(citizen_id__in=cccds)}
    taken = set(Person.objects.filter(citizen_id__in=cccds - set(existing_by_cccd)).values_list("citizen_id", flat=True))
    names = {r.full_name for r in rows}
    dobs = {r.date_of_birth for r in rows if r.date_of_birth}
    by_name: dict[tuple, list[Person]] = {}
    for p in in_scope.filter(full_name__in=names, date_of_birth__in=dobs):
        by_name.setdefault((p.full_name.casefold(), p.date_of_birth), []).append(p)

    resolved: dict[tuple, tuple[Person | None, str]] = {}
    for row in rows:
        if row.identity in resolved:
            row.person, row.match_reason = resolved[row.identity]
            continue
        person, reason = None, ""
        if row.identity[0] == "cccd" and row.identity[1] in existing_by_cccd:
            person, reason = existing_by_cccd[row.identity[1]], "khớp số CCCD"
        elif row.date_of_birth:
            candidates = by_name.get((row.full_name.casefold(), row.date_of_birth), [])
            if row.identity[0] == "cccd":
                candidates = [p for p in candidates if not p.citizen_id]
            if len(candidates) > 1:
                out.error(row, f"Có {len(candidates)} cá nhân cùng họ tên “{row.full_name}” và ngày sinh; hãy ghi số CCCD để phân biệt.")
            elif candidates:
                person, reason = candidates[0], "khớp họ tên và ngày sinh"
        if person is None and row.identity[0] == "cccd" and row.identity[1] in taken:
            out.error(row, org_services.CITIZEN_ID_TAKEN.format(row.identity[1]))
        resolved[row.identity] = (person, reason)
        row.person, row.match_reason = person, reason
    for row in rows:
        if row.person is None and row.full_name and row.gender is None:
            out.error(row, "Thiếu giới tính (Nam/Nữ) của cá nhân mới.")


def in_file_duplicates(rows: list, out: Collector) -> None:
    seen_rating: dict[tuple, object] = {}
    seen: dict[tuple, object] = {}
    seen_start: dict[tuple, object] = {}
    for row in rows:
        if row.rating and row.year is not None:
            key = (row.identity, row.year)
            first = seen_rating.setdefault(key, row)
            if first is not row:
                if first.rating != row.rating:
                    out.error(row, f"Xếp loại năm {row.year} khác với dòng {first.row} ({first.rating}) của cùng cá nhân.")
                else:
                    out.error(row, f"Trùng xếp loại năm {row.year} với dòng {first.row}.")
        keys = []
        if row.award:
            keys.append((("award", row.identity, row.award, row.year), f"Trùng {row.award} năm {row.year} với dòng"))
        if row.discipline:
            keys.append((("discipline", row.identity, row.discipline, row.discipline_start), "Trùng kỷ luật với dòng"))
        if row.initiative:
            keys.append((("initiative", row.identity, row.year, row.initiative.casefold()), "Trùng sáng kiến với dòng"))
        if row.work_year:
            keys.append((("work_year", row.identity, row.year), f"Thông tin năm công tác {row.year} đã ghi ở dòng"))
        if row.service_start:
            first = seen_start.setdefault(row.identity, row)
            if first is not row and first.service_start != row.service_start:
                out.error(row, f"Ngày bắt đầu công tác liên tục khác với dòng {first.row} ({first.service_start:%d/%m/%Y}) của cùng cá nhân.")
        for key, text in keys:
            first = seen.setdefault(key, row)
            if first is not row:
                out.error(row, f"{text} {first.row}.")
