"""The decision as a document (Mẫu 1.2 with its Mẫu 1.3 list): the context of the documents app's `decision` kind built
from a Decision and its lines, rendered to .docx (and PDF by LibreOffice) there. A draft prints no number and no date
(the blanks are filled at signing) and its summary says "DỰ THẢO"."""

from __future__ import annotations

from tdkt.core import numbering, vntext
from tdkt.documents import rendering
from tdkt.law.catalogue import load_catalogue

from .models import Decision, DecisionKind, DecisionStatus
from .selectors import lines_of

_PUBLIC_BODIES = {"province", "district", "commune"}


def _place(issuer) -> str:
    unit = issuer
    while unit is not None and unit.kind != "province":
        unit = unit.parent
    name = (unit or issuer).name
    for prefix in ("Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def _body(issuer) -> tuple[list[str], str]:
    """The issuing body's header lines and how the body is written in a sentence ("Ủy ban nhân dân phường Đống Đa")."""
    if issuer.kind in _PUBLIC_BODIES:
        return ["ỦY BAN NHÂN DÂN", issuer.name.upper()], "Ủy ban nhân dân " + issuer.name[0].lower() + issuer.name[1:]
    return [issuer.name.upper()], issuer.name


def symbol_of(issuer) -> str:
    profile = numbering.profile_of(issuer)
    return f"QĐ-{profile.abbreviation}" if profile is not None else "QĐ-UBND"


def context_for(decision: Decision) -> dict:
    awards = load_catalogue().awards
    issuer = decision.issuer
    lines = lines_of(decision)
    header, body = _body(issuer)
    title = vntext.nfc(decision.signer_title or "CHỦ TỊCH")
    draft = decision.status != DecisionStatus.ISSUED
    revoking = decision.kind in (DecisionKind.REVOCATION, DecisionKind.CANCELLATION)
    issuer_title = f"{title[0]}{title[1:].lower()} {body}"
    recipients = [{"name": line.name, "position": line.description,
                   "award": awards[line.award_code].name if line.award_code in awards else line.award_code,
                   "amount": int(line.recover_amount if revoking else line.amount)} for line in lines]
    total = sum(r["amount"] for r in recipients)
    n = f"{len(lines):02d}"
    closing = []
    if decision.kind == DecisionKind.AMENDMENT:
        first, second, closing, list_title = _amendment_articles(decision, lines, recipients, issuer_title)
    elif revoking:
        first = (f"Hủy bỏ Quyết định số {decision.amends.number_text} (có danh sách kèm theo)." if decision.kind == DecisionKind.CANCELLATION
                 else f"Hủy bỏ quyết định khen thưởng đối với {n} cá nhân, tập thể (có danh sách kèm theo). Lý do: {decision.reason}")
        second = (f"Thu hồi hiện vật và tiền thưởng đã nhận, tổng số tiền: {vntext.format_money(total)} đồng "
                  f"({vntext.money_in_words(total).lower()}) (Điều 93 Luật Thi đua, khen thưởng).")
        list_title = "Danh sách cá nhân, tập thể bị hủy bỏ quyết định khen thưởng"
    else:
        year = lines[0].year if lines else decision.decided_on.year
        first = (f"Tặng danh hiệu thi đua và hình thức khen thưởng cho {n} cá nhân, tập thể đã có thành tích "
                 f"trong năm {year} (có danh sách kèm theo).")
        second = (f"Tiền thưởng kèm theo thực hiện theo quy định của Nghị định số 152/2025/NĐ-CP, tổng số tiền: "
                  f"{vntext.format_money(total)} đồng ({vntext.money_in_words(total).lower()}), từ Quỹ thi đua, khen thưởng.")
        list_title = f"Cá nhân, tập thể được tặng danh hiệu thi đua và hình thức khen thưởng năm {year}"
    grounds = list(decision.grounds or [])
    if grounds and not grounds[-1].endswith("."):
        grounds[-1] = grounds[-1].rstrip(";") + "."
    return {
        "issuer": {"parent": "", "lines": header}, "place": _place(issuer),
        "date": None if draft else decision.decided_on, "year": decision.decided_on.year,
        "number": None if draft else decision.number, "symbol": symbol_of(issuer),
        "summary": ("DỰ THẢO — " if draft else "") + decision.title,
        "authority": f"{title} {body}",
        "grounds": grounds,
        "articles": [{"label": f"Điều {i}.", "text": text} for i, text in enumerate(
            [first, second, *closing, "Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị liên quan và các cá nhân, "
                                      "tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."], start=1)],
        "receivers": ["- Như Điều 3;", "- Lưu: VT."],
        "signer": {"authority": "", "title": title, "name": decision.signer_name or "…"},
        "issuer_title": issuer_title,
        "list_title": list_title,
        "recipients": recipients,
    }


def _money(amount: int) -> str:
    return f"{vntext.format_money(amount)} đồng ({vntext.money_in_words(amount).lower()})"


def _amendment_articles(decision: Decision, lines, recipients: list[dict], issuer_title: str) -> tuple[str, str, list[str], str]:
    """Điều 1 (what is amended: for a replaced line the old and the new award, for a supplement the new one), Điều 2 (the
    money: new, recovered, the net), Điều 3 (the rest of the amended decision stands) and the list's title; each
    recipient's award says whether it replaces or supplements (the shipped template's columns, no new ones)."""
    awards = load_catalogue().awards
    amended = decision.amends

    def name(code: str) -> str:
        return awards[code].name if code in awards else code

    items = []
    for i, (line, row) in enumerate(zip(lines, recipients, strict=True), start=1):
        new = f"{name(line.award_code)} năm {line.year}"
        old = line.revoked_award
        if old is not None:
            before = getattr(old, "decision_line", None)
            was = before.name if before is not None else str(old.subject)
            whom = line.name if was == line.name else f"{was} thành {line.name}"
            items.append(f"{i}. Sửa đổi khen thưởng của {whom}: {name(old.award_code)} năm {old.year} thành {new}")
            row["award"] = (f"{new} (sửa đổi: thay cho {name(old.award_code)} năm {old.year}; thu hồi "
                            f"{vntext.format_money(line.recover_amount)} đồng đã chi)")
        else:
            items.append(f"{i}. Bổ sung khen thưởng cho {line.name}: {new}")
            row["award"] = f"{new} (bổ sung)"
    when = f" ngày {amended.decided_on:%d/%m/%Y}" if amended.decided_on else ""
    first = (f"Sửa đổi, bổ sung Quyết định số {amended.number_text}{when} của {issuer_title} như sau (có danh sách kèm theo)"
             + (": " + "; ".join(items) if items else "") + "." + (f" Lý do: {decision.reason.rstrip('.')}." if decision.reason else ""))
    new_total = sum(line.amount for line in lines)
    recovered = sum(line.recover_amount for line in lines)
    net = new_total - recovered
    second = (f"Tiền thưởng theo các khen thưởng sửa đổi, bổ sung thực hiện theo quy định của Nghị định số 152/2025/NĐ-CP: "
              f"{_money(new_total)}; thu hồi tiền thưởng đã chi theo các khen thưởng bị sửa đổi: {_money(recovered)}; "
              + (f"số tiền chi thêm từ Quỹ thi đua, khen thưởng: {_money(net)}." if net >= 0
                 else f"số tiền phải thu về Quỹ thi đua, khen thưởng: {_money(-net)}."))
    closing = [f"Các nội dung khác của Quyết định số {amended.number_text} giữ nguyên hiệu lực thi hành."]
    return first, second, closing, "Cá nhân, tập thể được sửa đổi, bổ sung khen thưởng"


def decision_docx(decision: Decision) -> bytes:
    return rendering.render_docx("decision", context_for(decision))


def decision_pdf(decision: Decision) -> bytes:
    return rendering.to_pdf(decision_docx(decision))


def filename(decision: Decision, ext: str) -> str:
    stem = (decision.number_text.replace("/", "-") if decision.number_text else f"du-thao-{decision.pk}")
    return f"quyet-dinh-{stem}.{ext}"
