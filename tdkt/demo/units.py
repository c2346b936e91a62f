"""The demo's units: the agencies, schools, health station, teams and villages of five wards of Đống Đa, and the
agencies asked for opinions on nominees (the wards' police)."""

from __future__ import annotations

from tdkt.core import vntext
from tdkt.org.models import Unit, UnitKind, UnitSuccession
from tdkt.org.search import index_units

from .base import AGENCY_UNITS, REFORM_DAY, TEAM_SLUGS, UNITS, VILLAGES_PER_WARD, WARDS


def _bulk_units(specs: list[dict], parents: list[Unit]) -> list[Unit]:
    """Create units in bulk under their parents, then set their paths and depths."""
    units = Unit.objects.bulk_create(
        [Unit(**spec, parent=parent, name_sort_key=vntext.sort_key(spec["name"])) for spec, parent in zip(specs, parents)]
    )
    if any(u.pk is None for u in units):  # a backend without RETURNING: fetch the ids back by code
        by_code = {u.code: u.pk for u in Unit.objects.filter(code__in=[s["code"] for s in specs])}
        for unit in units:
            unit.pk = unit.id = by_code[unit.code]
    for unit, parent in zip(units, parents):
        unit.path, unit.depth = f"{parent.path}{unit.pk}/", parent.depth + 1
    Unit.objects.bulk_update(units, ["path", "depth"])
    index_units(units)  # the search words org.services keeps for units created one by one
    return units


def generate(d) -> None:
    """Units under the five wards (paths and sort keys as org.services computes them, in bulk)."""
    province = Unit.objects.get(code="ha_noi")
    district = Unit.objects.get(code="quan_dong_da")
    wards = [Unit.objects.get(code=c) for c in WARDS]
    old_wards_of = {}
    for ward in wards:
        old = list(
            UnitSuccession.objects.filter(successor=ward, predecessor__parent=district)
            .order_by("predecessor__admin_code").values_list("predecessor_id", flat=True)
        )
        old_wards_of[ward.pk] = list(Unit.objects.filter(pk__in=old).order_by("admin_code"))

    # --- Units ---------------------------------------------------------------------------------------
    specs, parents, meta = [], [], []
    for ward in wards:
        slug = ward.code.removeprefix("phuong_")
        short = ward.name.removeprefix("Phường ")
        for bp in UNITS:
            specs.append({"code": f"{bp.suffix}_{slug}", "name": bp.name.format(ward=short), "kind": bp.kind,
                          "valid_from": REFORM_DAY if bp.kind == UnitKind.AGENCY or bp.suffix == "hcc" else None})
            parents.append(ward)
            meta.append((ward, bp))
        for n in range(1, VILLAGES_PER_WARD + 1):
            specs.append({"code": f"tdp_{slug}_{n:02d}", "name": f"Tổ dân phố số {n}, phường {short}", "kind": UnitKind.VILLAGE,
                          "has_legal_status": False})
            parents.append(ward)
            meta.append((ward, None))
    level1 = _bulk_units(specs, parents)
    team_specs, team_parents, team_meta = [], [], []
    for unit, (ward, bp) in zip(level1, meta):
        if bp is None:
            continue
        for team_name, team_slug in zip(bp.teams, TEAM_SLUGS):
            team_specs.append({"code": f"{unit.code}_{team_slug}", "name": f"{team_name}, {unit.name}", "kind": UnitKind.TEAM,
                               "has_legal_status": False, "is_small_collective": True})
            team_parents.append(unit)
            team_meta.append((ward, bp, team_name))
    teams = _bulk_units(team_specs, team_parents)
    teams_of: dict[int, list[Unit]] = {}
    for team, parent in zip(teams, team_parents):
        teams_of.setdefault(parent.pk, []).append(team)
    villages = [u for u, (w, bp) in zip(level1, meta) if bp is None]
    # the agencies asked for opinions (hiệp y), last so that every other unit keeps its id
    parents_by_code = {u.code: u for u in Unit.objects.filter(code__in={p for _, _, p in AGENCY_UNITS})}
    d.agencies = {u.code: u for u in _bulk_units(
        [{"code": code, "name": name, "kind": UnitKind.AGENCY, "valid_from": REFORM_DAY} for code, name, _ in AGENCY_UNITS],
        [parents_by_code[p] for _, _, p in AGENCY_UNITS])}

    d.province, d.district, d.wards, d.old_wards_of = province, district, wards, old_wards_of
    d.level1, d.meta, d.teams, d.team_meta, d.teams_of, d.villages = level1, meta, teams, team_meta, teams_of, villages
