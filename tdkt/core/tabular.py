"""One tabular import for every list the system takes in: validate every row, import nothing partial.

An import declares its columns (`Column`: key, Vietnamese header, help) in a `Table`; `Table.read` turns an
.xlsx file (the data sheet of the system's template, read with python-calamine) or a JSON list of objects into
numbered rows of {column key: raw value}, with a Vietnamese error for a file that cannot be read. The import
then parses each row with the cell parsers below, collecting every problem in a `Collector` as
"Dòng 7: …" (or "Bản ghi 3: …" for JSON), and, only when there is none, writes everything in one transaction
with `all_or_nothing`: a problem met while writing rolls it all back and is reported the same way.
The history import (`tdkt.records.importing`) is the first user; the nominee lists of dossiers are next.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import functools
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from . import vntext
from .errors import DomainError


@dataclass(frozen=True)
class Column:
    key: str  # the JSON key
    header: str  # the Excel header (Vietnamese)
    help: str = ""
    aliases: tuple[str, ...] = ()  # older headers still read (the templates people already filled)


@dataclass(frozen=True)
class RowError:
    row: int | None  # spreadsheet row (or JSON record number); None for the file as a whole
    message: str  # full Vietnamese text, "Dòng 7: ..."
    detail: str = ""  # the same without the row prefix


class Collector:
    """The problems (and notices) of one import, each tied to its row."""

    def __init__(self):
        self.errors: list[RowError] = []
        self.notices: list[RowError] = []

    def error(self, row, detail: str) -> None:
        """row: anything with `.row` and `.prefix` (a parsed row), or None for the file."""
        self.errors.append(RowError(row.row if row else None, f"{row.prefix}: {detail}" if row else detail, detail))

    def notice(self, row, detail: str) -> None:
        self.notices.append(RowError(row.row, f"{row.prefix}: {detail}", detail))

    def sorted_errors(self) -> list[RowError]:
        return sorted(self.errors, key=lambda e: (e.row or 0))

    def failed_rows(self) -> set[int | None]:
        return {e.row for e in self.errors}


@dataclass
class Table:
    """The shape of one import: its columns, the data sheet of its template, the sheets to skip, the required
    headers and the row limit."""

    columns: list[Column]
    sheet: str
    other_sheets: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    max_rows: int = 20_000
    keys: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.keys = [c.key for c in self.columns]

    def header_key(self, text) -> str | None:
        """The column a header names: its full header, its key, or its header before " (" (hints)."""
        norm = vntext.nfc(str(text or "")).casefold()
        if not norm:
            return None
        for column in self.columns:
            header = column.header.casefold()
            if norm in (header, column.key, header.split(" (")[0], *(a.casefold() for a in column.aliases)):
                return column.key
        return None

    def read(self, file, format: str) -> tuple[list[tuple[int, dict]], str]:
        """The file's rows as (number, {key: raw value}) and the word for a row ("Dòng", "Bản ghi")."""
        fmt = (format or "").lower().lstrip(".")
        data = read_bytes(file)
        if not data:
            raise DomainError("Tệp rỗng.")
        if fmt == "xlsx":
            rows, label = self._rows_from_xlsx(data), "Dòng"
        elif fmt == "json":
            rows, label = self._rows_from_json(data), "Bản ghi"
        else:
            raise DomainError("Chỉ nhận tệp .xlsx hoặc .json.")
        if not rows:
            raise DomainError("Tệp không có dòng dữ liệu nào.")
        if len(rows) > self.max_rows:
            raise DomainError(f"Tệp có {len(rows)} dòng, vượt quá giới hạn {self.max_rows} dòng mỗi lần nhập.")
        return rows, label

    def _rows_from_xlsx(self, data: bytes) -> list[tuple[int, dict]]:
        from python_calamine import CalamineError, load_workbook

        try:
            book = load_workbook(io.BytesIO(data))
        except (CalamineError, ValueError, OSError) as exc:
            raise DomainError("Không đọc được tệp Excel (.xlsx). Hãy dùng tệp mẫu của hệ thống.") from exc
        names = book.sheet_names
        name = self.sheet if self.sheet in names else next((n for n in names if n not in self.other_sheets), None)
        if name is None:
            raise DomainError(f"Tệp không có sheet “{self.sheet}”.")
        table = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        if not table:
            raise DomainError("Tệp không có dữ liệu.")
        columns = {i: self.header_key(h) for i, h in enumerate(table[0])}
        present = {k for k in columns.values() if k}
        missing = [c.header for c in self.columns if c.key in self.required and c.key not in present]
        if missing:
            raise DomainError("Thiếu cột: " + ", ".join(f"“{h}”" for h in missing) + ". Hãy dùng tệp mẫu của hệ thống.")
        rows = []
        for index, values in enumerate(table[1:], start=2):
            record = {columns[i]: v for i, v in enumerate(values) if columns.get(i)}
            if all(v in ("", None) for v in record.values()):
                continue
            rows.append((index, record))
        return rows

    def _rows_from_json(self, data: bytes) -> list[tuple[int, dict]]:
        try:
            payload = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DomainError("Tệp JSON sai cú pháp.") from exc
        if isinstance(payload, dict):
            payload = payload.get("records")
        if not isinstance(payload, list):
            raise DomainError("Tệp JSON phải là một danh sách bản ghi (hoặc một đối tượng có khóa “records”).")
        rows = []
        for index, item in enumerate(payload, start=1):
            if not isinstance(item, dict):
                rows.append((index, {"__invalid__": True}))
                continue
            record = {}
            for key, value in item.items():
                k = key if key in self.keys else self.header_key(key)
                if k:
                    record[k] = value
            rows.append((index, record))
        return rows


def read_bytes(file) -> bytes:
    """The bytes of an upload, a path, bytes or a file object."""
    if isinstance(file, (bytes, bytearray)):
        return bytes(file)
    if isinstance(file, (str, Path)):
        return Path(file).read_bytes()
    if hasattr(file, "seek"):
        with contextlib.suppress(OSError, ValueError):
            file.seek(0)
    if hasattr(file, "chunks"):
        return b"".join(file.chunks())
    data = file.read()
    return data.encode("utf-8") if isinstance(data, str) else data


def identical_rows(raw_rows: list[tuple[int, dict]], parsed: list, label: str, out: Collector,
                   key: Callable[[Any], tuple] | None = None) -> None:
    """Report rows that repeat an earlier row cell for cell (each cell as text, a date as ISO; the column order does
    not matter). An import whose parsed rows already hold every cell normalised passes `key` (a parsed row → its
    cells): the cells are then not converted a second time."""
    seen: dict[tuple, int] = {}
    if key is not None:
        for (index, _raw), row in zip(raw_rows, parsed, strict=True):
            fingerprint = key(row)
            if fingerprint in seen:
                out.error(row, f"Dòng trùng hoàn toàn với {label.lower()} {seen[fingerprint]}.")
            else:
                seen[fingerprint] = index
        return
    orders: dict[tuple, tuple] = {}  # the rows' key orders (one for a sheet) → sorted once

    def cell(v) -> str:
        if type(v) is str:  # most cells: the text() of a string, without its other cases
            return _nfc_cached(v) if len(v) <= _CACHED_TEXT else vntext.nfc(v)
        return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else text(v)

    for (index, raw), row in zip(raw_rows, parsed, strict=True):
        keys = tuple(raw)
        order = orders.get(keys)
        if order is None:
            order = orders[keys] = tuple(sorted(keys))
        fingerprint = (order, tuple(map(cell, map(raw.__getitem__, order))))
        if fingerprint in seen:
            out.error(row, f"Dòng trùng hoàn toàn với {label.lower()} {seen[fingerprint]}.")
        else:
            seen[fingerprint] = index


class _Rollback(Exception):
    pass


def all_or_nothing(write: Callable[[], Any], out: Collector) -> bool:
    """Run `write` in one transaction; when it (or the DomainErrors it collects in `out`) reports a problem,
    nothing stays written. Returns whether it was kept."""
    try:
        with transaction.atomic():
            write()
            if out.errors:
                raise _Rollback
    except _Rollback:
        return False
    return True


# --- Cell parsers (a DomainError with a Vietnamese message for a bad cell) ------------------------------------

_DATE_RE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")


_CACHED_TEXT = 200  # cells up to this length are normalised once per distinct value (names, codes, dates repeat)


@functools.lru_cache(maxsize=1 << 16)
def _nfc_cached(value: str) -> str:
    return vntext.nfc(value)


def text(value) -> str:
    if value is None:
        return ""
    if type(value) is str:
        return _nfc_cached(value) if len(value) <= _CACHED_TEXT else vntext.nfc(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return vntext.nfc(str(value))


def date(value, label: str) -> dt.date | None:
    """An Excel date cell, "dd/mm/yyyy" (or with . or -) or "yyyy-mm-dd"."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return _date_text(text(value), label)


@functools.lru_cache(maxsize=1 << 14)
def _date_text(raw: str, label: str) -> dt.date:
    """A date typed as text (a list repeats its dates: each distinct one is parsed once; a refusal is not kept)."""
    m = _DATE_RE.match(raw)
    if m:
        return _real_date(int(m[3]), int(m[2]), int(m[1]), raw, label)
    m = _ISO_RE.match(raw)
    if m:
        return _real_date(int(m[1]), int(m[2]), int(m[3]), raw, label)
    raise DomainError(f"{label} “{raw}” không đúng định dạng ngày dd/mm/yyyy (ví dụ 05/09/2024).")


def _real_date(year: int, month: int, day: int, raw: str, label: str) -> dt.date:
    """The date of a well-formed cell, or a DomainError saying why the day does not exist (31/02, month 13)."""
    if 1 <= month <= 12 and year >= 1:
        with contextlib.suppress(ValueError):
            return dt.date(year, month, day)
    if not 1 <= month <= 12:
        reason = f"không có tháng {month}"
    elif year < 1:
        reason = f"không có năm {year}"
    elif not 1 <= day <= calendar.monthrange(year, month)[1]:
        reason = f"tháng {month}/{year} chỉ có {calendar.monthrange(year, month)[1]} ngày"
    else:
        return dt.date(year, month, day)
    raise DomainError(f"{label} {raw} không phải là ngày có thật ({reason}).")


def integer(value, label: str) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        raise DomainError(f"{label} không hợp lệ.")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raw = text(value)
    if raw.isdigit():
        return int(raw)
    raise DomainError(f"{label} “{raw}” phải là số.")


def choice(value, choices: Iterable[tuple[str, str]], label: str, hint: str) -> str | None:
    """The code of a cell that holds a code or a name (case-insensitive)."""
    raw = text(value)
    if not raw:
        return None
    folded = raw.casefold()
    for code, name in choices:
        if folded in (code.casefold(), str(name).casefold()):
            return code
    raise DomainError(f"{label} “{raw}” không hợp lệ ({hint}).")
