"""The context of each document kind: a plain dict the caller fills (councils, decisions, nominations feed it), checked
and completed here with the State-format strings before the template sees it.

Shared keys (every kind but where said):
    issuer: {"parent": str (chủ quản, plain; "" if none), "lines": [str] (the issuing body, UPPER, one line each)}
    place: str ("Hà Nội"), date: datetime.date | None (None: the blanks of a paper document)
    number: int | None (None: numbered after signing), symbol: str ("QĐ-UBND")
    summary: str (trích yếu, "Về việc …" or the title under the type name)
    receivers: [str] (Nơi nhận lines, "- Như Điều 3;" …, the last "- Lưu: VT, …")
    signer: {"authority": str ("TM. ỦY BAN NHÂN DÂN" or ""), "title": str ("CHỦ TỊCH"), "name": str}
Added here: number_line ("Số: 05/QĐ-UBND"), place_date ("Hà Nội, ngày 05 tháng 01 năm 2020"), every text NFC.

Per kind (the extra keys):
- decision (Mẫu 1.2 + the Mẫu 1.3 list): authority (the authority line, UPPER), grounds [str] (căn cứ, each ending ";",
  the last "."), articles [{"label": "Điều 1.", "text": str}] (the last ending "./."), list_title (the list's title),
  issuer_title ("Chủ tịch Ủy ban nhân dân phường Đống Đa", for "(Kèm theo Quyết định số … của …)"),
  recipients [{"name", "position", "award", "amount": int đồng}] → each gets money {digits, text, words, full}, and the
  context gets total {…} and attachment_line.
- submission (tờ trình, Mẫu 1.4): addressees [str] (Kính gửi), paragraphs [str].
- nomination_list (danh sách đề nghị): list_title, attached_to ("Tờ trình số 12/TTr-UBND ngày … của …"),
  nominees [{"name", "position", "award", "note"}]; no number and no date in its header.
- appraisal_report (báo cáo thẩm định): addressees [str] (may be empty), paragraphs [str],
  items [{"name", "award", "result", "note"}], conclusion str.
- minutes (biên bản họp Hội đồng TĐKT, Mẫu 1.9; no place/date line): started ("14 giờ 00, ngày 20 tháng 12 năm 2025"),
  venue, attendance (thành phần), present (int), members (int), chair, secretary, paragraphs [str],
  results [{"name", "award", "agree", "disagree", "share" (e.g. "86,7%"), "threshold" ("≥ 90%"), "passed": bool,
  "legal_basis"}], ended ("16 giờ 30, ngày 20 tháng 12 năm 2025"); signer = the chair (title "CHỦ TỌA").
- ballot (phiếu bầu): session (the session's name and date), items [{"name", "unit", "award"}]; no number.
- achievement_report (báo cáo thành tích, NĐ 152 annex): see `tdkt.documents.achievement.context_for`.
- plan (kế hoạch công tác thi đua, khen thưởng, Mẫu 1.4 with two phụ lục; built by `tdkt.plans.documents.context_for`):
  year (int), grounds [str] (căn cứ paragraphs, may be empty), intro [str] (opening paragraphs), sections [{"label":
  "I." | "1." | "1.1." | "a)" (generated from the order), "title": str (may be ""), "level": 0–3, "paragraphs": [str]}]
  in reading order → each gets heading ("I. MỤC ĐÍCH, YÊU CẦU"; "" for an untitled item, whose label then opens its
  first paragraph), closing [str], issuer_title ("Ủy ban nhân dân quận Đống Đa", for "(Kèm theo … của …)"),
  council_name ("Hội đồng Thi đua - Khen thưởng quận Đống Đa"),
  key_tasks [{"title", "lead", "coordinating", "when", "status"}] (Phụ lục I),
  programme [{"month": int, "title", "in_charge", "note"}] by month (Phụ lục II) → each gets month_label ("Tháng 1" on
  the first item of a month, "" after); the context gets appendix_line ("(Kèm theo Kế hoạch số 05/KH-UBND ngày … của …)").
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from tdkt.core.errors import DomainError

from . import formats

COMMON = {"issuer": "cơ quan ban hành", "place": "địa danh", "signer": "người ký"}


def normalised(value):
    """Every string of a context (nested dicts and lists) in NFC; dates and numbers as they are."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {k: normalised(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [normalised(v) for v in value]
    return value


def require(context: dict, fields: dict[str, str], kind_name: str) -> None:
    missing = [label for key, label in fields.items() if context.get(key) in (None, "", [], {})]
    if missing:
        raise DomainError(f"Thiếu thông tin để lập {kind_name}: {', '.join(missing)}.", code="document_context")


def _issuer(context: dict, kind_name: str) -> dict:
    issuer = context.get("issuer") or {}
    if not isinstance(issuer, dict) or not issuer.get("lines"):
        raise DomainError(f"Thiếu tên cơ quan ban hành để lập {kind_name}.", code="document_context")
    return {"parent": formats.upper(issuer.get("parent") or ""), "lines": [formats.upper(x) for x in issuer["lines"]]}


def _signer(context: dict, kind_name: str, *, title: str | None = None) -> dict:
    signer = context.get("signer") or {}
    out = {"authority": formats.upper(signer.get("authority") or ""), "title": formats.upper(signer.get("title") or title or ""),
           "name": signer.get("name") or ""}
    if not out["title"] or not out["name"]:
        raise DomainError(f"Thiếu chức danh hoặc họ tên người ký {kind_name}.", code="document_context")
    return out


def common(context: dict, kind_name: str, *, numbered: bool = True, dated: bool = True, signer_title: str | None = None) -> dict:
    """The shared keys checked and their State-format strings added."""
    if not isinstance(context, dict):
        raise DomainError(f"Dữ liệu để lập {kind_name} không hợp lệ.", code="document_context")
    ctx = normalised(dict(context))
    ctx["issuer"] = _issuer(ctx, kind_name)
    if "signer" in ctx or signer_title:
        ctx["signer"] = _signer(ctx, kind_name, title=signer_title)
    day = ctx.get("date")
    if day is not None and not isinstance(day, dt.date):
        raise DomainError(f"Ngày của {kind_name} không hợp lệ (“{day}”).", code="document_context")
    year = day.year if day else ctx.get("year")
    if numbered:
        require(ctx, {"symbol": "ký hiệu văn bản"}, kind_name)
        ctx["number_line"] = formats.number_line(ctx.get("number"), ctx["symbol"])
        ctx["number_text"] = formats.number_text(ctx.get("number"))
    if dated:
        ctx["place_date"] = formats.place_date(ctx.get("place") or "", day, year=year)
    ctx["date_words"] = formats.date_words(day, year=year)
    ctx.setdefault("receivers", [])
    return ctx


def _rows(ctx: dict, key: str, fields: dict[str, str], kind_name: str) -> list[dict]:
    rows = ctx.get(key) or []
    if not isinstance(rows, list):
        raise DomainError(f"Danh sách trong {kind_name} không hợp lệ.", code="document_context")
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            raise DomainError(f"Dòng {n} của danh sách trong {kind_name} không hợp lệ.", code="document_context")
        missing = [label for f, label in fields.items() if row.get(f) in (None, "")]
        if missing:
            raise DomainError(f"Dòng {n} của danh sách trong {kind_name} thiếu: {', '.join(missing)}.", code="document_context")
    return rows


def prepare_decision(context: dict) -> dict:
    name = "quyết định khen thưởng"
    ctx = common(context, name)
    require(ctx, {"summary": "trích yếu", "authority": "thẩm quyền ban hành", "grounds": "căn cứ", "articles": "các điều",
                  "signer": "người ký", "issuer_title": "người ban hành ghi trong danh sách kèm theo"}, name)
    ctx["authority"] = formats.upper(ctx["authority"])
    rows = _rows(ctx, "recipients", {"name": "họ và tên", "award": "hình thức khen thưởng", "amount": "số tiền"}, name)
    total = 0
    for row in rows:
        row["money"] = formats.money(row["amount"])
        total += row["amount"]
    ctx["total"] = formats.money(total)
    ctx["count"] = len(rows)
    day = ctx.get("date")
    ctx["attachment_line"] = (f"(Kèm theo Quyết định số {ctx['number_text']}/{ctx['symbol']} {ctx['date_words']}"
                              f" của {ctx['issuer_title']})")
    ctx["date_short"] = f"{day:%d/%m/%Y}" if day else ""
    return ctx


def prepare_submission(context: dict) -> dict:
    name = "tờ trình"
    ctx = common(context, name)
    require(ctx, {"summary": "trích yếu", "addressees": "nơi gửi (Kính gửi)", "paragraphs": "nội dung", "signer": "người ký"}, name)
    return ctx


def prepare_nomination_list(context: dict) -> dict:
    name = "danh sách đề nghị khen thưởng"
    ctx = common(context, name, numbered=False, dated=False)
    require(ctx, {"list_title": "tên danh sách", "nominees": "người, tập thể được đề nghị"}, name)
    _rows(ctx, "nominees", {"name": "họ và tên", "award": "hình thức đề nghị"}, name)
    return ctx


def prepare_appraisal_report(context: dict) -> dict:
    name = "báo cáo thẩm định"
    ctx = common(context, name)
    require(ctx, {"summary": "trích yếu", "items": "kết quả thẩm định", "signer": "người ký"}, name)
    _rows(ctx, "items", {"name": "họ và tên", "award": "hình thức đề nghị", "result": "kết quả thẩm định"}, name)
    ctx.setdefault("addressees", [])
    ctx.setdefault("paragraphs", [])
    return ctx


def prepare_minutes(context: dict) -> dict:
    name = "biên bản họp Hội đồng Thi đua - Khen thưởng"
    ctx = common(context, name, dated=False, signer_title="CHỦ TỌA")
    require(ctx, {"summary": "tên cuộc họp", "started": "thời gian bắt đầu", "venue": "địa điểm", "attendance": "thành phần",
                  "chair": "chủ trì", "secretary": "thư ký", "results": "kết quả biểu quyết", "ended": "thời gian kết thúc"}, name)
    rows = _rows(ctx, "results", {"name": "họ và tên", "award": "danh hiệu, hình thức", "agree": "số phiếu đồng ý",
                                  "disagree": "số phiếu không đồng ý"}, name)
    for row in rows:
        row["outcome"] = "Đạt" if row.get("passed") else "Không đạt"
    return ctx


def prepare_ballot(context: dict) -> dict:
    name = "phiếu bầu"
    ctx = common(context, name, numbered=False, dated=False)
    require(ctx, {"summary": "tên phiếu bầu", "items": "người, tập thể được đề nghị"}, name)
    _rows(ctx, "items", {"name": "họ và tên", "award": "danh hiệu, hình thức"}, name)
    return ctx


def prepare_achievement_report(context: dict) -> dict:
    name = "báo cáo thành tích"
    ctx = common(context, name, numbered=False)
    require(ctx, {"person": "người báo cáo", "award": "hình thức đề nghị"}, name)
    for key in ("ratings", "awards", "initiatives"):
        ctx.setdefault(key, [])
    ctx["award_upper"] = formats.upper(ctx["award"])
    return ctx


def prepare_plan(context: dict) -> dict:
    name = "kế hoạch"
    ctx = common(context, name)
    require(ctx, {"summary": "trích yếu", "sections": "nội dung kế hoạch", "signer": "người ký", "issuer_title": "cơ quan ban hành",
                  "year": "năm kế hoạch"}, name)
    for key in ("grounds", "intro", "closing", "key_tasks", "programme"):
        ctx.setdefault(key, [])
    sections = _rows(ctx, "sections", {"label": "số thứ tự mục"}, name)
    for section in sections:
        paragraphs = [p for p in (section.get("paragraphs") or []) if p]
        title = section.get("title") or ""
        if not title and not paragraphs:
            raise DomainError(f"Mục {section['label']} của {name} không có tiêu đề và nội dung.", code="document_context")
        section["level"] = int(section.get("level") or 0)
        if title:
            section["heading"] = f"{section['label']} {formats.upper(title) if section['level'] == 0 else title}"
        else:
            section["heading"] = ""
            paragraphs = [f"{section['label']} {paragraphs[0]}", *paragraphs[1:]]
        section["paragraphs"] = paragraphs
    _rows(ctx, "key_tasks", {"title": "nhiệm vụ", "lead": "đơn vị chủ trì"}, name)
    programme = _rows(ctx, "programme", {"month": "tháng", "title": "nội dung", "in_charge": "thành viên, cơ quan phụ trách"}, name)
    previous = None
    for row in programme:
        row["month_label"] = f"Tháng {row['month']}" if row["month"] != previous else ""
        previous = row["month"]
    ctx["appendix_line"] = (f"(Kèm theo Kế hoạch số {ctx['number_text']}/{ctx['symbol']} {ctx['date_words']}"
                            f" của {ctx['issuer_title']})")
    ctx["council_name"] = ctx.get("council_name") or "Hội đồng Thi đua - Khen thưởng"
    return ctx
