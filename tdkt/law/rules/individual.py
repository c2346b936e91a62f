"""Criteria of individual titles and of Bằng khen point (d)."""

from __future__ import annotations

import datetime as dt

from ..schema import Check
from .common import restart_text, title_years_text, transition_note
from .context import SCOPE_LABELS, Ctx, date_text, years_text


def _add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _scopes_text(scopes) -> str:
    return " hoặc ".join(SCOPE_LABELS.get(s, s) for s in scopes)


def recruitment(ctx: Ctx) -> Check:
    """LĐTT excludes people recruited less than N months before the end of the year."""
    row = ctx.catalogue.param("ldtt.min_months_since_recruitment", ctx.year)
    months, year = row.value, ctx.year
    recruited = ctx.request.subject.recruited_on
    if recruited is None:
        return Check("RECRUITMENT", "pass",
                     f"Không có ngày tuyển dụng: coi như đã công tác đủ {months} tháng trong năm {year}", row.legal_basis)
    if _add_months(recruited, months) <= dt.date(year + 1, 1, 1):
        return Check("RECRUITMENT", "pass",
                     f"Tuyển dụng ngày {date_text(recruited)}: đủ {months} tháng tính đến hết năm {year}", row.legal_basis)
    return Check("RECRUITMENT", "fail",
                 f"Tuyển dụng ngày {date_text(recruited)}: chưa đủ {months} tháng tính đến hết năm {year}", row.legal_basis)


def cstdcs_excellence(ctx: Ctx) -> Check:
    """CSTĐCS on top of LĐTT: HTXSNV or an initiative (2022 law), an initiative (2003 law), both (unconfirmed amendment)."""
    catalogue, year = ctx.catalogue, ctx.year
    combine = catalogue.param("cstdcs.combine", year)
    excellent = catalogue.param("cstdcs.excellence_rating", year).value
    scopes = catalogue.param("cstdcs.initiative_scopes", year).value
    rating = ctx.ratings.get(year)
    found = [s for s in ctx.initiatives.get(year, ()) if s in scopes]
    has_rating = rating == excellent
    initiative_text = (f"có sáng kiến phạm vi {SCOPE_LABELS.get(found[0], found[0])}" if found
                       else "không có sáng kiến, đề tài được công nhận")
    rating_text = f"xếp loại {rating}" if rating else "chưa có xếp loại"
    mode = combine.value
    basis = combine.legal_basis
    if mode == "or":
        need = f"cần {excellent} hoặc sáng kiến"
        if has_rating or found:
            what = f"xếp loại {excellent}" if has_rating else initiative_text
            return Check("CSTDCS_EXCELLENCE", "pass", f"Năm {year} {what}", basis)
        if rating is None:
            return Check("CSTDCS_EXCELLENCE", "cannot_judge", f"Năm {year} {rating_text} và {initiative_text} ({need})", basis)
        return Check("CSTDCS_EXCELLENCE", "fail", f"Năm {year} {rating_text} và {initiative_text} ({need})", basis)
    if mode == "and":
        need = f"cần {excellent} và sáng kiến"
        if has_rating and found:
            return Check("CSTDCS_EXCELLENCE", "pass", f"Năm {year} xếp loại {excellent} và {initiative_text}", basis)
        if rating is None and found:
            return Check("CSTDCS_EXCELLENCE", "cannot_judge", f"Năm {year} {rating_text} ({need})", basis)
        return Check("CSTDCS_EXCELLENCE", "fail", f"Năm {year} {rating_text} và {initiative_text} ({need})", basis)
    # "initiative": the 2003 law's LĐTT + initiative
    if found:
        return Check("CSTDCS_EXCELLENCE", "pass", f"Năm {year} {initiative_text}", basis)
    return Check("CSTDCS_EXCELLENCE", "fail", f"Năm {year} {initiative_text} (cần sáng kiến, đề tài được công nhận)", basis)


def title_chain(ctx: Ctx, *, code: str, title: str, key: str, check_code: str, step: int = 1) -> Check:
    """An unbroken chain of `title` ending in the year under review, of the length the catalogue asks."""
    row = ctx.catalogue.param(key, ctx.year)
    need, year = row.value, ctx.year
    label = ctx.catalogue.awards[title].label if title in ctx.catalogue.awards else title
    chain = ctx.chain(title, step)
    unit = "năm" if step == 1 else "lần"
    if len(chain) >= need:
        used = chain[-need:]
        return Check(check_code, "pass",
                     f"Chuỗi {label} liên tục: {title_years_text(ctx, title, used)}{transition_note(ctx, used)}", row.legal_basis)
    if not chain:
        return Check(check_code, "fail",
                     f"Không có {label} năm {year} (đã công nhận hoặc đang đề nghị cùng đợt); cần {need} {unit} liên tục"
                     f"{restart_text(ctx)}", row.legal_basis)
    return Check(check_code, "fail",
                 f"Chuỗi {label} liên tục đến năm {year}: {title_years_text(ctx, title, chain)} ({len(chain)} {unit}); "
                 f"cần {need} {unit} liên tục{restart_text(ctx)}", row.legal_basis)


def initiative_in_period(ctx: Ctx, *, key: str, first: int, check_code: str) -> Check:
    row = ctx.catalogue.param(key, ctx.year)
    scopes, year = row.value, ctx.year
    found = ctx.initiatives_in(first, year, scopes)
    period = f"{first}–{year}" if first != year else str(year)
    if found:
        y, scope = found[-1]
        return Check(check_code, "pass", f"Có sáng kiến, đề tài phạm vi {SCOPE_LABELS.get(scope, scope)} năm {y}", row.legal_basis)
    return Check(check_code, "fail",
                 f"Không có sáng kiến, đề tài phạm vi {_scopes_text(scopes)} trong các năm {period}{restart_text(ctx)}",
                 row.legal_basis)


def bk_tinh_point_d(ctx: Ctx) -> Check:
    """Art 74(1)(d): N consecutive CSTĐCS, or N consecutive years HTXSNV with M initiatives at cơ sở level."""
    catalogue, year = ctx.catalogue, ctx.year
    chain_row = catalogue.param("bk_tinh.cstdcs_chain_years", year)
    years_row = catalogue.param("bk_tinh.htxsnv_years", year)
    count_row = catalogue.param("bk_tinh.initiatives", year)
    scopes = catalogue.param("bk_tinh.initiative_scopes", year).value
    excellent = catalogue.param("rating.order", year).value[0]
    label = catalogue.awards["CSTDCS"].label
    basis = chain_row.legal_basis
    chain = ctx.chain("CSTDCS")
    if len(chain) >= chain_row.value:
        used = chain[-chain_row.value:]
        return Check("BK_TINH_POINT_D", "pass",
                     f"Đạt điểm d: {label} liên tục {title_years_text(ctx, 'CSTDCS', used)}{transition_note(ctx, used)}", basis)
    rated = ctx.rating_chain(excellent)
    found = ctx.initiatives_in(rated[0], year, scopes) if rated else []
    if len(rated) >= years_row.value and len(found) >= count_row.value:
        return Check("BK_TINH_POINT_D", "pass",
                     f"Đạt điểm d: {excellent} liên tục {years_text(rated)} và {len(found)} sáng kiến "
                     f"({years_text(y for y, _ in found)})", basis)
    chain_text = title_years_text(ctx, "CSTDCS", chain) if chain else "không có"
    rated_text = years_text(rated) if rated else "không có"
    text = (f"Chưa đạt điểm d đến năm {year}: {label} liên tục {chain_text} (cần {chain_row.value} năm); "
            f"{excellent} liên tục {rated_text} (cần {years_row.value} năm) với {len(found)} sáng kiến (cần {count_row.value})"
            f"{restart_text(ctx)}. Các trường hợp khác của Điều 74 do Hội đồng xem xét")
    if year not in ctx.ratings:
        return Check("BK_TINH_POINT_D", "cannot_judge", f"Chưa có xếp loại năm {year}. " + text, basis)
    return Check("BK_TINH_POINT_D", "fail", text, basis)
