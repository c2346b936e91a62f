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
    recipients = [{"name": line.name, "position": line.description,
                   "award": awards[line.award_code].name if line.award_code in awards else line.award_code,
                   "amount": int(line.recover_amount if revoking else line.amount)} for line in lines]
    total = sum(r["amount"] for r in recipients)
    n = f"{len(lines):02d}"
    if revoking:
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
        "articles": [{"label": "Điều 1.", "text": first}, {"label": "Điều 2.", "text": second},
                     {"label": "Điều 3.", "text": "Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị liên quan và các cá nhân, "
                                                  "tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."}],
        "receivers": ["- Như Điều 3;", "- Lưu: VT."],
        "signer": {"authority": "", "title": title, "name": decision.signer_name or "…"},
        "issuer_title": f"{title[0]}{title[1:].lower()} {body}",
        "list_title": list_title,
        "recipients": recipients,
    }


def decision_docx(decision: Decision) -> bytes:
    return rendering.render_docx("decision", context_for(decision))


def decision_pdf(decision: Decision) -> bytes:
    return rendering.to_pdf(decision_docx(decision))


def filename(decision: Decision, ext: str) -> str:
    stem = (decision.number_text.replace("/", "-") if decision.number_text else f"du-thao-{decision.pk}")
    return f"quyet-dinh-{stem}.{ext}"
