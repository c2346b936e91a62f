"""Document numbering (số, ký hiệu văn bản): Nghị định 30/2020/NĐ-CP Điều 15 and Phụ lục I mục II.3 (DOCUMENTS.md §4–5).

- A number runs within a year, from 01 on 1 January to 31 December, per issuer; the head of the body chooses one
  series per document type (the default) or one series for all types (`IssuerNumbering.scheme`).
- The ký hiệu is the type code and the issuer's abbreviation, joined by "-": "QĐ-UBND"; the number is written with a
  leading 0 under 10 and "/" before the ký hiệu: "Số: 05/QĐ-UBND".
- `number_next(*, actor, issuer, doc_type, year)` takes the next number inside the CALLER's transaction: the series'
  counter row is locked (select_for_update) until the caller commits, so two callers never get the same number, and a
  caller that rolls back gives its number back (no gaps). The number given is kept (`IssuedNumber`, unique per issuer,
  type and year, and per issuer, series and year) and audited (`core.document_number.issued`) in the same transaction.

The issuer is any saved row (a unit of `org`, in practice), named by its model label and primary key as the audit names
its targets, so that core stays below the apps owning the issuers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import models, transaction

from . import audit
from .errors import DomainError
from .models import SHARED_SERIES, IssuedNumber, IssuerNumbering, NumberCounter, NumberingScheme
from .permissions import require
from .vntext import nfc

NUMBERING_PERMISSION = "core.change_numbering"  # registered in tdkt/accounts/permissions.py (administrators)
LEGAL_BASIS = "Điều 15, Phụ lục I mục II.3 và Phụ lục III Nghị định số 30/2020/NĐ-CP"

# The type codes of administrative documents (Nghị định 30/2020, Phụ lục III mục I). A công văn has none: it is
# numbered under its issuer's abbreviation and drafting unit ("12/UBND-VX"), which the callers build themselves.
DOC_TYPES: dict[str, str] = {
    "NQ": "Nghị quyết", "QĐ": "Quyết định", "CT": "Chỉ thị", "QC": "Quy chế", "QyĐ": "Quy định", "TC": "Thông cáo",
    "TB": "Thông báo", "HD": "Hướng dẫn", "CTr": "Chương trình", "KH": "Kế hoạch", "PA": "Phương án", "ĐA": "Đề án",
    "DA": "Dự án", "BC": "Báo cáo", "BB": "Biên bản", "TTr": "Tờ trình", "HĐ": "Hợp đồng", "CĐ": "Công điện",
    "BGN": "Bản ghi nhớ", "BTT": "Bản thỏa thuận", "GUQ": "Giấy ủy quyền", "GM": "Giấy mời", "GGT": "Giấy giới thiệu",
    "GNP": "Giấy nghỉ phép", "PG": "Phiếu gửi", "PC": "Phiếu chuyển", "PB": "Phiếu báo",
}
_ABBREVIATION = re.compile(r"[0-9A-ZĐ]+(-[0-9A-ZĐ]+)*")
MIN_YEAR, MAX_YEAR = 2000, 2100


@dataclass(frozen=True)
class DocumentNumber:
    number: int
    symbol: str  # "QĐ-UBND"
    year: int
    issued: IssuedNumber

    @property
    def text(self) -> str:
        """"05/QĐ-UBND": a leading 0 under 10, "/" between number and ký hiệu."""
        return format_number(self.number, self.symbol)

    @property
    def display(self) -> str:
        return f"Số: {self.text}"


def format_number(number: int, symbol: str) -> str:
    return f"{number:02d}/{symbol}"


def _issuer_key(issuer: models.Model) -> tuple[str, str]:
    if not isinstance(issuer, models.Model) or issuer.pk is None:
        raise DomainError("Cơ quan ban hành không hợp lệ.", code="issuer")
    return issuer._meta.label_lower, str(issuer.pk)


def profile_of(issuer: models.Model) -> IssuerNumbering | None:
    issuer_type, issuer_id = _issuer_key(issuer)
    return IssuerNumbering.objects.filter(issuer_type=issuer_type, issuer_id=issuer_id).first()


def _clean_type(doc_type) -> str:
    code = nfc(str(doc_type or "")).strip()
    if code not in DOC_TYPES:
        raise DomainError(f"Mã loại văn bản “{code}” không có trong Phụ lục III Nghị định 30/2020/NĐ-CP "
                          f"(ví dụ: QĐ, TTr, BB, TB, KH, BC).", code="doc_type")
    return code


def _clean_year(year) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        raise DomainError(f"Năm của số văn bản phải là số nguyên từ {MIN_YEAR} đến {MAX_YEAR}.", code="year")
    return year


def numbering_profile_set(*, actor, issuer: models.Model, abbreviation: str,
                          scheme: str = NumberingScheme.PER_TYPE) -> IssuerNumbering:
    """Set an issuer's abbreviation and numbering scheme (audited `core.numbering_profile.set`). The scheme of a year
    that already has numbers stays as it is (changing it mid-year would give a number twice): refused."""
    require(actor, NUMBERING_PERMISSION, message="Chỉ quản trị hệ thống mới được đặt cách đánh số văn bản.")
    issuer_type, issuer_id = _issuer_key(issuer)
    abbreviation = nfc(str(abbreviation or "")).strip().upper()
    if not _ABBREVIATION.fullmatch(abbreviation) or len(abbreviation) > 30:
        raise DomainError("Chữ viết tắt tên cơ quan gồm chữ in hoa và chữ số, các nhóm nối bằng dấu “-”, "
                          "không quá 30 ký tự (ví dụ: UBND, UBND-VX).", code="abbreviation")
    if scheme not in NumberingScheme.values:
        raise DomainError("Cách đánh số không hợp lệ: chọn mỗi loại văn bản một dãy số hoặc một dãy số chung.", code="scheme")
    from django.utils import timezone

    year = timezone.localdate().year
    with transaction.atomic():
        row = (IssuerNumbering.objects.select_for_update().filter(issuer_type=issuer_type, issuer_id=issuer_id).first())
        previous = {"abbreviation": row.abbreviation, "scheme": row.scheme} if row else None
        old_scheme = row.scheme if row else NumberingScheme.PER_TYPE
        if scheme != old_scheme and IssuedNumber.objects.filter(issuer_type=issuer_type, issuer_id=issuer_id, year=year).exists():
            raise DomainError(f"Năm {year} đã cấp số văn bản theo cách đánh số hiện tại; cách đánh số mới chỉ áp dụng "
                              f"từ ngày 01 tháng 01 năm {year + 1}.", code="scheme_in_use")
        if row is None:
            row = IssuerNumbering(issuer_type=issuer_type, issuer_id=issuer_id)
        row.issuer_name = str(issuer)[:255]
        row.abbreviation, row.scheme = abbreviation, scheme
        row.save()
        audit.record(actor=actor, action="core.numbering_profile.set", target=row,
                     data={"issuer": f"{issuer_type}:{issuer_id}", "abbreviation": abbreviation, "scheme": scheme,
                           "previous": previous})
    return row


def number_next(*, actor, issuer: models.Model, doc_type: str, year: int,
                target: models.Model | None = None) -> DocumentNumber:
    """The next number of `issuer` for a document of `doc_type` in `year` ("05/QĐ-UBND"), taken in the caller's
    transaction (required: outside one the number would be spent even if the document then failed). `target`, when
    given, is the document that bears it (kept on the issued number)."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise DomainError("Lấy số văn bản cần một tài khoản thực hiện.", code="actor")
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("number_next() runs inside the caller's transaction (transaction.atomic), so that a rollback "
                           "gives the number back")
    code, year = _clean_type(doc_type), _clean_year(year)
    issuer_type, issuer_id = _issuer_key(issuer)
    profile = profile_of(issuer)
    if profile is None or not profile.abbreviation:
        raise DomainError(f"Chưa đặt chữ viết tắt tên cơ quan ban hành của {issuer} (ví dụ: UBND) nên chưa cấp được số "
                          "văn bản. Quản trị hệ thống đặt tại Quản trị › Cách đánh số văn bản của cơ quan.", code="no_profile")
    series = SHARED_SERIES if profile.scheme == NumberingScheme.SHARED else code
    key = {"issuer_type": issuer_type, "issuer_id": issuer_id, "series": series, "year": year}
    with transaction.atomic():
        # The counter row exists once (INSERT … ON CONFLICT DO NOTHING / INSERT OR IGNORE: a concurrent first
        # insert waits for the other and does nothing), then is locked until the caller's transaction ends.
        NumberCounter.objects.bulk_create([NumberCounter(**key)], ignore_conflicts=True)
        counter = NumberCounter.objects.select_for_update().get(**key)
        counter.last += 1
        counter.save(update_fields=["last"])
        symbol = f"{code}-{profile.abbreviation}"
        target_type, target_id = (target._meta.label_lower, str(target.pk)) if target is not None else ("", "")
        issued = IssuedNumber.objects.create(
            issuer_type=issuer_type, issuer_id=issuer_id, issuer_name=str(issuer)[:255], doc_type=code, series=series,
            year=year, number=counter.last, symbol=symbol, text=format_number(counter.last, symbol),
            target_type=target_type, target_id=target_id, issued_by=actor)
        audit.record(actor=actor, action="core.document_number.issued", target=issued,
                     data={"issuer": f"{issuer_type}:{issuer_id}", "doc_type": code, "series": series, "year": year,
                           "number": counter.last, "text": issued.text, "target": f"{target_type}:{target_id}" if target_id else "",
                           "legal_basis": LEGAL_BASIS})
    return DocumentNumber(number=counter.last, symbol=symbol, year=year, issued=issued)
