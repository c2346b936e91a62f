"""Org services: units (tree paths, dissolution and succession), people and their memberships.

Every function is keyword-only, takes the acting user (`actor`: a user, or the system account for commands
and tasks), checks the org app's permission rule itself (`org.permissions`), runs in one transaction, writes
its audit event inside it and raises DomainError with a Vietnamese message. Councils and their members are
in `councils.py`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from tdkt.core import audit, vntext
from tdkt.core.errors import DomainError
from tdkt.core.permissions import require

from .models import Gender, Membership, Person, Unit, UnitKind, UnitSuccession
from .search import index_person, index_unit

_CODE_RE = re.compile(r"^[-a-zA-Z0-9_]+$")
_CCCD_RE = re.compile(r"^\d{12}$")
PERSON_FIELDS = ("full_name", "gender", "date_of_birth", "citizen_id", "position", "is_leader", "is_direct_worker", "joined_on",
                 "service_start")


def _today() -> dt.date:
    return timezone.localdate()


def _iso(value):
    return value.isoformat() if isinstance(value, dt.date) else value


# --- Units -------------------------------------------------------------------------------------------


def unit_path(unit: Unit, parent: Unit | None) -> tuple[str, int]:
    """The materialised path and depth of `unit` (which must have a pk) under `parent`."""
    if parent is None:
        return f"/{unit.pk}/", 0
    return f"{parent.path}{unit.pk}/", parent.depth + 1


def unit_create(
    *,
    actor,
    code: str,
    name: str,
    kind: str,
    parent: Unit | None = None,
    short_name: str = "",
    admin_code: int | None = None,
    has_legal_status: bool = True,
    is_small_collective: bool = False,
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
) -> Unit:
    """Create a unit under `parent` (None = a root), with its tree path, depth and sort key."""
    if parent is None:
        require(actor, "org.manage_root_units", message="Chỉ quản trị viên cấp cao nhất mới được tạo đơn vị gốc.")
    else:
        require(actor, "org.manage_units", parent, message=f"Bạn không có quyền tạo đơn vị trực thuộc {parent.name}.")
    code = (code or "").strip()
    if not code or not _CODE_RE.match(code) or len(code) > 64:
        raise DomainError("Mã đơn vị chỉ gồm chữ không dấu, chữ số, dấu gạch dưới hoặc gạch ngang (tối đa 64 ký tự).")
    name = clean_unit_name(name)
    if kind not in UnitKind.values:
        raise DomainError(f"Loại đơn vị không hợp lệ: {kind}.")
    if valid_from and valid_to and valid_to < valid_from:
        raise DomainError("Ngày giải thể phải sau ngày bắt đầu hoạt động.")
    if parent is not None and parent.valid_to is not None and (valid_to is None or valid_to > parent.valid_to):
        raise DomainError(f"Không thể tạo đơn vị trực thuộc {parent.name} vì đơn vị này đã giải thể.")
    with transaction.atomic():
        if Unit.objects.filter(code=code).exists():
            raise DomainError(f"Mã đơn vị “{code}” đã tồn tại.")
        unit = Unit.objects.create(
            code=code,
            name=name,
            short_name=vntext.nfc(short_name),
            kind=kind,
            parent=parent,
            admin_code=admin_code,
            has_legal_status=has_legal_status,
            is_small_collective=is_small_collective,
            valid_from=valid_from,
            valid_to=valid_to,
            name_sort_key=vntext.sort_key(name),
        )
        unit.path, unit.depth = unit_path(unit, parent)
        unit.save(update_fields=["path", "depth"])
        index_unit(unit)
        audit.record(
            actor=actor,
            action="org.unit.created",
            target=unit,
            data={"code": code, "name": name, "kind": kind, "parent": parent.code if parent else None},
        )
    return unit


def unit_update(*, actor, unit: Unit, name: str | None = None, short_name: str | None = None,
                has_legal_status: bool | None = None, is_small_collective: bool | None = None) -> Unit:
    """Rename a unit or change its flags (the tree position is not changed here)."""
    require(actor, "org.manage_units", unit, message=f"Bạn không có quyền sửa thông tin {unit.name}.")
    changes = {}
    if name is not None:
        name = clean_unit_name(name)
        changes["name"] = name
        changes["name_sort_key"] = vntext.sort_key(name)
    if short_name is not None:
        changes["short_name"] = vntext.nfc(short_name)
    if has_legal_status is not None:
        changes["has_legal_status"] = has_legal_status
    if is_small_collective is not None:
        changes["is_small_collective"] = is_small_collective
    with transaction.atomic():
        old = {k: getattr(unit, k) for k in changes if k != "name_sort_key"}
        for key, value in changes.items():
            setattr(unit, key, value)
        unit.save()
        if "name" in changes or "short_name" in changes:
            index_unit(unit)
        audit.record(actor=actor, action="org.unit.updated", target=unit,
                     data={"old": old, "new": {k: changes[k] for k in old}})
    return unit


def unit_dissolve(*, actor, unit: Unit, on: dt.date, successors: Iterable[Unit] = (), with_subtree: bool = False,
                  note: str = "") -> Unit:
    """Dissolve `unit` at the end of day `on`; its successors take over from the next day.

    Active units under it are an error unless `with_subtree` (then they are dissolved on the same day,
    without successors of their own). People still in the unit are an error: move them first.
    """
    require(actor, "org.manage_units", unit, message=f"Bạn không có quyền giải thể {unit.name}.")
    successors = list(successors)
    if unit.valid_to is not None:
        raise DomainError(f"{unit.name} đã giải thể ngày {unit.valid_to:%d/%m/%Y}.")
    if unit.valid_from and on < unit.valid_from:
        raise DomainError("Ngày giải thể không được trước ngày bắt đầu hoạt động của đơn vị.")
    for successor in successors:
        if successor.pk == unit.pk or successor.path.startswith(unit.path):
            raise DomainError("Đơn vị kế thừa không được là chính đơn vị hoặc đơn vị trực thuộc của nó.")
        if successor.valid_to is not None and successor.valid_to <= on:
            raise DomainError(f"Đơn vị kế thừa {successor.name} đã giải thể.")
    with transaction.atomic():
        active_below = Unit.objects.filter(path__startswith=unit.path, valid_to__isnull=True).exclude(pk=unit.pk)
        if active_below.exists() and not with_subtree:
            raise DomainError(f"{unit.name} còn đơn vị trực thuộc đang hoạt động; hãy giải thể hoặc chuyển các đơn vị đó trước.")
        if Person.objects.filter(unit__path__startswith=unit.path).exists():
            raise DomainError(f"{unit.name} còn cá nhân đang công tác; hãy chuyển họ sang đơn vị khác trước.")
        dissolved_below = list(active_below.values_list("code", flat=True))
        active_below.update(valid_to=on)
        unit.valid_to = on
        unit.save(update_fields=["valid_to", "updated_at"])
        effective = on + dt.timedelta(days=1)
        for successor in successors:
            UnitSuccession.objects.get_or_create(
                predecessor=unit, successor=successor, defaults={"effective_on": effective, "note": vntext.nfc(note)}
            )
        audit.record(
            actor=actor,
            action="org.unit.dissolved",
            target=unit,
            data={"on": on.isoformat(), "successors": [s.code for s in successors], "subtree": dissolved_below},
        )
    return unit


def succession_add(*, actor, predecessor: Unit, successor: Unit, effective_on: dt.date, note: str = "") -> UnitSuccession:
    """Record that `successor` took over (part of) `predecessor` from `effective_on`."""
    for unit in (predecessor, successor):
        require(actor, "org.manage_units", unit, message=f"Bạn không có quyền ghi quan hệ kế thừa của {unit.name}.")
    if predecessor.pk == successor.pk:
        raise DomainError("Đơn vị kế thừa phải khác đơn vị cũ.")
    with transaction.atomic():
        row, created = UnitSuccession.objects.get_or_create(
            predecessor=predecessor, successor=successor, defaults={"effective_on": effective_on, "note": vntext.nfc(note)}
        )
        if created:
            audit.record(actor=actor, action="org.unit.succession_added", target=predecessor,
                         data={"successor": successor.code, "effective_on": effective_on.isoformat()})
    return row


# --- People ------------------------------------------------------------------------------------------


def clean_citizen_id(value) -> str | None:
    """Normalise and check a citizen ID (CCCD): None when empty, else exactly 12 digits, province 001–096."""
    if value is None:
        return None
    text = str(value).strip().replace(" ", "")
    if not text:
        return None
    if not _CCCD_RE.match(text):
        raise DomainError("Số CCCD phải gồm đúng 12 chữ số.")
    if not 1 <= int(text[:3]) <= 96:
        raise DomainError("Ba chữ số đầu của số CCCD (mã tỉnh nơi đăng ký khai sinh) phải từ 001 đến 096.")
    return text


NAME_PUNCTUATION = " .-'’"
CITIZEN_ID_TAKEN = "Số CCCD {} đã được dùng cho một cá nhân khác trong hệ thống."


def clean_full_name(value) -> str:
    """A person's full name, normalised (NFC, single spaces): letters (Vietnamese included), spaces and the usual
    punctuation (. - '), beginning with a letter; never a formula or a number. DomainError in Vietnamese."""
    name = vntext.nfc(value)
    if not name:
        raise DomainError("Họ và tên không được để trống.")
    if len(name) > 150:
        raise DomainError("Họ và tên quá dài (tối đa 150 ký tự).")
    first_is_letter = unicodedata.category(name[0]).startswith("L")
    if not first_is_letter or any(not unicodedata.category(ch).startswith(("L", "M")) and ch not in NAME_PUNCTUATION for ch in name):
        raise DomainError(f"Họ và tên “{name}” không hợp lệ: chỉ gồm chữ cái (kể cả chữ có dấu), dấu cách và các dấu . - ', "
                          "bắt đầu bằng chữ cái (không có chữ số, công thức hay ký hiệu khác).")
    return name


def clean_unit_name(value) -> str:
    """A unit's name, normalised: letters, digits, spaces and the punctuation of names ("Tổ dân phố số 2",
    "Trường THCS Nguyễn Du (cơ sở 2)"), beginning with a letter or a digit; never a formula."""
    name = vntext.nfc(value)
    if not name:
        raise DomainError("Tên đơn vị không được để trống.")
    if len(name) > 255:
        raise DomainError("Tên đơn vị quá dài (tối đa 255 ký tự).")
    allowed = NAME_PUNCTUATION + ",()/&:;–\"“”"
    if not unicodedata.category(name[0]).startswith(("L", "N")) or any(
            not unicodedata.category(ch).startswith(("L", "M", "N")) and ch not in allowed for ch in name):
        raise DomainError(f"Tên đơn vị “{name}” không hợp lệ: chỉ gồm chữ cái, chữ số, dấu cách và các dấu . , - ' ( ) / & :, "
                          "bắt đầu bằng chữ cái hoặc chữ số (không phải công thức).")
    return name


def _clean_person_fields(fields: dict, *, person: Person | None = None) -> dict:
    out = dict(fields)
    if "full_name" in out:
        out["full_name"] = clean_full_name(out["full_name"])
    if "gender" in out and out["gender"] not in Gender.values:
        raise DomainError("Giới tính phải là Nam hoặc Nữ.")
    if "position" in out:
        out["position"] = vntext.nfc(out["position"])
    today = _today()
    dob = out.get("date_of_birth")
    if dob is not None:
        if dob > today:
            raise DomainError("Ngày sinh không được sau ngày hôm nay.")
        if dob.year < 1900:
            raise DomainError("Ngày sinh không hợp lệ (trước năm 1900).")
    joined = out.get("joined_on")
    if joined is not None:
        if joined > today:
            raise DomainError("Ngày tuyển dụng không được sau ngày hôm nay.")
        birth = dob if "date_of_birth" in out else (person.date_of_birth if person else None)
        if birth is not None and joined < birth:
            raise DomainError("Ngày tuyển dụng không được trước ngày sinh.")
    service = out.get("service_start")
    if service is not None:
        if service > today:
            raise DomainError("Ngày bắt đầu công tác liên tục không được sau ngày hôm nay.")
        birth = dob if "date_of_birth" in out else (person.date_of_birth if person else None)
        if birth is not None and service < birth:
            raise DomainError("Ngày bắt đầu công tác liên tục không được trước ngày sinh.")
        recruited = joined if "joined_on" in out else (person.joined_on if person else None)
        if recruited is not None and service > recruited:
            raise DomainError("Ngày bắt đầu công tác liên tục (kể cả thời gian hợp đồng) không được sau ngày tuyển dụng.")
    if "citizen_id" in out:
        out["citizen_id"] = clean_citizen_id(out["citizen_id"])
        if out["citizen_id"]:
            taken = Person.objects.filter(citizen_id=out["citizen_id"])
            if person is not None:
                taken = taken.exclude(pk=person.pk)
            if taken.exists():
                raise DomainError(CITIZEN_ID_TAKEN.format(out["citizen_id"]))
    return out


def _require_active_unit(unit: Unit, on: dt.date) -> None:
    if unit is None:
        raise DomainError("Vui lòng chọn đơn vị công tác.")
    if unit.valid_to is not None and unit.valid_to < on:
        raise DomainError(f"{unit.name} đã giải thể ngày {unit.valid_to:%d/%m/%Y}.")


def person_create(
    *,
    actor,
    full_name: str,
    gender: str,
    unit: Unit,
    date_of_birth: dt.date | None = None,
    citizen_id: str | None = None,
    position: str = "",
    is_leader: bool = False,
    is_direct_worker: bool = False,
    joined_on: dt.date | None = None,
    start: dt.date | None = None,
    service_start: dt.date | None = None,
) -> Person:
    """Create a person in `unit` and open their membership (from `start`, else joined_on, else today)."""
    if unit is not None:
        require(actor, "org.manage_people", unit, message=f"Bạn không có quyền thêm cá nhân vào {unit.name}.")
    fields = _clean_person_fields(
        {
            "full_name": full_name, "gender": gender, "date_of_birth": date_of_birth, "citizen_id": citizen_id,
            "position": position, "is_leader": is_leader, "is_direct_worker": is_direct_worker, "joined_on": joined_on,
            "service_start": service_start,
        }
    )
    start = start or joined_on or _today()
    _require_active_unit(unit, start)
    with transaction.atomic():
        person = Person.objects.create(**fields, unit=unit, name_sort_key=vntext.person_sort_key(fields["full_name"]))
        Membership.objects.create(person=person, unit=unit, position=fields["position"], start=start)
        index_person(person)
        audit.record(
            actor=actor,
            action="org.person.created",
            target=person,
            data={"unit": unit.code, "start": start.isoformat(), **{k: _iso(v) for k, v in fields.items()}},
        )
    return person


def person_update(*, actor, person: Person, **changes) -> Person:
    """Change a person's own fields (not their unit: see membership_move). Unknown fields are an error."""
    require(actor, "org.manage_people", person, message=f"Bạn không có quyền sửa thông tin của {person.full_name}.")
    unknown = set(changes) - set(PERSON_FIELDS)
    if unknown:
        raise DomainError(f"Không thể sửa trường: {', '.join(sorted(unknown))}.")
    fields = _clean_person_fields(changes, person=person)
    with transaction.atomic():
        old = {k: _iso(getattr(person, k)) for k in fields}
        for key, value in fields.items():
            setattr(person, key, value)
        if "full_name" in fields:
            person.name_sort_key = vntext.person_sort_key(fields["full_name"])
        person.save()
        if "full_name" in fields:
            index_person(person)
        audit.record(
            actor=actor, action="org.person.updated", target=person,
            data={"old": old, "new": {k: _iso(v) for k, v in fields.items()}},
        )
    return person


def membership_move(*, actor, person: Person, unit: Unit, on: dt.date, position: str | None = None) -> Membership:
    """Move a person to `unit` from day `on`: the open membership ends the day before, a new one opens."""
    require(actor, "org.manage_people", person, message=f"Bạn không có quyền chuyển công tác {person.full_name}.")
    _require_active_unit(unit, on)
    require(actor, "org.manage_people", unit, message=f"Bạn không có quyền chuyển cá nhân đến {unit.name}.")
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).first()
        open_rows = list(Membership.objects.filter(person=person, end__isnull=True))
        if person.unit_id == unit.pk and open_rows:
            raise DomainError(f"{person.full_name} đang công tác tại {unit.name}.")
        for row in open_rows:
            if on <= row.start:
                raise DomainError("Ngày chuyển phải sau ngày bắt đầu công tác tại đơn vị hiện tại.")
            row.end = on - dt.timedelta(days=1)
            row.save(update_fields=["end"])
        new_position = vntext.nfc(position) if position is not None else person.position
        membership = Membership.objects.create(person=person, unit=unit, position=new_position, start=on)
        old_unit = person.unit.code if person.unit_id else None
        person.unit = unit
        person.position = new_position
        person.save(update_fields=["unit", "position", "updated_at"])
        audit.record(
            actor=actor, action="org.person.moved", target=person,
            data={"from": old_unit, "to": unit.code, "on": on.isoformat(), "position": new_position},
        )
    return membership
