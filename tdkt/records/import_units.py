"""The unit column of the history import: a unit named by its code, or by its name as shown within the scope."""

from __future__ import annotations

from tdkt.core import vntext
from tdkt.core.errors import DomainError
from tdkt.org.models import Unit


def unit_key(name) -> str:
    return vntext.nfc(name).casefold()


def units_by_name(values: set[str], scope_unit: Unit) -> dict[str, list[Unit]]:
    """The units of the scope by their name as shown (case-insensitive), for the names among `values`."""
    wanted = {unit_key(v) for v in values}
    found: dict[str, list[Unit]] = {}
    if wanted:
        for unit in Unit.objects.filter(path__startswith=scope_unit.path).order_by("path"):
            key = unit_key(unit.name)
            if key in wanted:
                found.setdefault(key, []).append(unit)
    return found


def resolve_unit(value: str, *, units: dict[str, Unit], by_name: dict[str, list[Unit]], scope_unit: Unit, today) -> Unit:
    """The unit a cell names, by its code or by its name within the scope (DomainError when none or several)."""
    if value in units:
        unit = units[value]
        if not unit.path.startswith(scope_unit.path):
            raise DomainError(f"Đơn vị “{value}” ({unit.name}) không thuộc phạm vi {scope_unit.name}.")
        if unit.valid_to is not None and unit.valid_to < today:
            raise DomainError(f"Đơn vị “{value}” ({unit.name}) đã giải thể; hãy ghi đơn vị công tác hiện tại.")
        return unit
    named = by_name.get(unit_key(value), [])
    active = [u for u in named if u.valid_to is None or u.valid_to >= today]
    if len(active) == 1:
        return active[0]
    if len(active) > 1:
        codes = ", ".join(u.code for u in active)
        raise DomainError(f"Có {len(active)} đơn vị cùng tên “{value}” trong phạm vi {scope_unit.name}; "
                          f"hãy ghi mã đơn vị ({codes}).")
    if named:
        raise DomainError(f"Đơn vị “{value}” đã giải thể; hãy ghi đơn vị công tác hiện tại.")
    raise DomainError(f"Không tìm thấy đơn vị “{value}” (tên hoặc mã) trong phạm vi {scope_unit.name}.")
