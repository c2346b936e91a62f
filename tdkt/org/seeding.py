"""Seed a province's administrative units from `vietnam-provinces` (idempotent).

- the province (code = package codename, e.g. `ha_noi`, kind province, admin_code = province code);
- its post-1/7/2025 wards/communes/special zones (code = codename, kind commune, admin_code = ward code,
  valid from 1/7/2025);
- on request, pre-2025 districts (kind district) with their old wards, all dissolved on 30/6/2025, and the
  successions old ward → new ward(s) and district → new ward(s) from the package's 2025 conversion tables.
  Old wards' codes are prefixed with their district's codename (`quan_dong_da_phuong_kim_lien`) because
  several new wards reuse old names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction

from tdkt.core import audit, vntext
from tdkt.core.errors import DomainError

from . import services
from .models import Unit, UnitKind, UnitSuccession

REFORM_DAY = dt.date(2025, 7, 1)
LAST_DAY_OF_DISTRICTS = dt.date(2025, 6, 30)


@dataclass
class SeedReport:
    province: Unit | None = None
    created_units: int = 0
    existing_units: int = 0
    successions: int = 0
    legacy_districts: list[str] = field(default_factory=list)


def _int(code) -> int:
    return int(getattr(code, "value", code))


def _ensure(report: SeedReport, actor, **kwargs) -> Unit:
    unit = Unit.objects.filter(code=kwargs["code"]).first()
    if unit is not None:
        report.existing_units += 1
        return unit
    report.created_units += 1
    return services.unit_create(actor=actor, **kwargs)


def _find_legacy_district(province_code: int, name: str):
    from vietnam_provinces import legacy

    wanted = vntext.nfc(name).casefold()
    districts = list(legacy.District.iter_by_province(legacy.ProvinceCode(province_code)))
    for district in districts:
        if district.codename == name or vntext.nfc(district.name).casefold() == wanted:
            return district
    matches = [d for d in districts if wanted in vntext.nfc(d.name).casefold()]
    if len(matches) == 1:
        return matches[0]
    raise DomainError(f"Không tìm thấy đúng một quận, huyện cũ có tên “{name}” trong tỉnh mã {province_code:02d}.")


def seed_province(*, actor, code: int = 1, legacy_districts: list[str] | None = None) -> SeedReport:
    """Create (or complete) the province `code`, its wards and the named legacy districts. Idempotent."""
    from vietnam_provinces import Province, ProvinceCode, Ward
    from vietnam_provinces._ward_conversion_2025 import OLD_TO_NEW

    try:
        province_data = Province.from_code(ProvinceCode(code))
    except (ValueError, KeyError) as exc:
        raise DomainError(f"Mã tỉnh không hợp lệ: {code}.") from exc
    if legacy_districts is None:
        legacy_districts = ["quan_dong_da"] if code == 1 else []
    report = SeedReport()
    with transaction.atomic():
        province = _ensure(report, actor, code=province_data.codename, name=province_data.name, kind=UnitKind.PROVINCE,
                           admin_code=_int(province_data.code))
        report.province = province
        new_wards: dict[int, Unit] = {}
        wards = sorted(Ward.iter_by_province(ProvinceCode(code)), key=lambda w: _int(w.code))
        for ward in wards:
            new_wards[_int(ward.code)] = _ensure(
                report, actor, code=ward.codename, name=ward.name, kind=UnitKind.COMMUNE, parent=province,
                admin_code=_int(ward.code), valid_from=REFORM_DAY,
            )
        for name in legacy_districts:
            district_data = _find_legacy_district(code, name)
            report.legacy_districts.append(district_data.codename)
            district = _ensure(
                report, actor, code=district_data.codename, name=district_data.name, kind=UnitKind.DISTRICT,
                parent=province, admin_code=_int(district_data.code), valid_to=LAST_DAY_OF_DISTRICTS,
            )
            from vietnam_provinces import legacy

            district_successors: dict[int, bool] = {}
            for old in sorted(legacy.Ward.iter_by_district(district_data.code), key=lambda w: _int(w.code)):
                old_unit = _ensure(
                    report, actor, code=f"{district_data.codename}_{old.codename}", name=old.name, kind=UnitKind.COMMUNE,
                    parent=district, admin_code=_int(old.code), valid_to=LAST_DAY_OF_DISTRICTS,
                )
                entry = OLD_TO_NEW.get(_int(old.code))
                if entry is None:
                    continue
                for ref in entry.new_wards:
                    successor = new_wards.get(ref.code)
                    if successor is None:
                        continue
                    partly = entry.old_ward.is_partly_merged or len(entry.new_wards) > 1
                    district_successors[ref.code] = district_successors.get(ref.code, True) and partly
                    _, created = UnitSuccession.objects.get_or_create(
                        predecessor=old_unit, successor=successor,
                        defaults={"effective_on": REFORM_DAY, "note": "Sáp nhập một phần" if partly else "Sáp nhập toàn bộ"},
                    )
                    report.successions += created
            for ward_code in district_successors:
                _, created = UnitSuccession.objects.get_or_create(
                    predecessor=district, successor=new_wards[ward_code],
                    defaults={"effective_on": REFORM_DAY, "note": "Kế thừa địa bàn khi tổ chức chính quyền hai cấp"},
                )
                report.successions += created
        audit.record(
            actor=actor, action="org.province.seeded", target=province,
            data={"created_units": report.created_units, "successions": report.successions,
                  "legacy_districts": report.legacy_districts},
        )
    return report
