"""What each role can do today, for the home page: plain statements and links to pages that exist."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse

from tdkt.accounts import scoping
from tdkt.accounts.models import Role


def _url(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def _batch_link() -> tuple[str, str] | None:
    for name in ("reports:batch_start",):
        url = _url(name)
        if url:
            return ("Kiểm tra điều kiện hàng loạt", url)
    return None


# Today's abilities by role: (sentence, link names). Later modules (nominations, council, decisions, portal)
# will add their own lines here as they land.
LEDGER_LINES = [
    ("Xem cây đơn vị và danh sách cá nhân trong phạm vi được giao.", ["units", "people"]),
    ("Xem hồ sơ thành tích từng cá nhân và kiểm tra điều kiện khen thưởng kèm căn cứ pháp lý.", ["people"]),
]
ROLE_LINES: dict[str, list[tuple[str, list[str]]]] = {
    Role.ADMIN: [
        *LEDGER_LINES,
        ("Nhập lịch sử thành tích từ tệp Excel hoặc JSON.", ["import"]),
        ("Quản trị danh mục, tài khoản và phân quyền.", ["admin"]),
    ],
    Role.UNIT_OFFICER: [*LEDGER_LINES, ("Nhập lịch sử thành tích từ tệp Excel hoặc JSON.", ["import"])],
    Role.APPRAISER: LEDGER_LINES,
    Role.OFFICE_HEAD: LEDGER_LINES,
    Role.COUNCIL_SECRETARY: LEDGER_LINES,
    Role.SIGNER: LEDGER_LINES,
    Role.COUNCIL_MEMBER: [("Xem cây đơn vị trong phạm vi của Hội đồng.", ["units"])],
    Role.CLUSTER_HEAD: [("Xem cây đơn vị trong phạm vi được giao.", ["units"])],
    Role.PORTAL_EDITOR: [("Xem cây đơn vị trong phạm vi được giao.", ["units"])],
}
NOT_YET = {
    Role.APPRAISER: "Thẩm định hồ sơ đề nghị khen thưởng sẽ có khi phân hệ hồ sơ đề nghị được đưa vào sử dụng.",
    Role.OFFICE_HEAD: "Duyệt tờ trình và theo dõi tiến độ sẽ có khi phân hệ hồ sơ đề nghị được đưa vào sử dụng.",
    Role.COUNCIL_MEMBER: "Bỏ phiếu và xem hồ sơ trình Hội đồng sẽ có khi phân hệ Hội đồng được đưa vào sử dụng; tài khoản này không xem hồ sơ cá nhân.",
    Role.COUNCIL_SECRETARY: "Lập phiên họp, kiểm phiếu và biên bản sẽ có khi phân hệ Hội đồng được đưa vào sử dụng.",
    Role.SIGNER: "Ký quyết định khen thưởng sẽ có khi phân hệ quyết định được đưa vào sử dụng.",
    Role.CLUSTER_HEAD: "Chấm điểm, xếp hạng cụm, khối thi đua sẽ có khi phân hệ cụm, khối được đưa vào sử dụng; tài khoản này không xem hồ sơ cá nhân.",
    Role.PORTAL_EDITOR: "Biên tập tin bài, gương điển hình sẽ có khi phân hệ cổng thông tin được đưa vào sử dụng; tài khoản này không xem hồ sơ cá nhân.",
}


def links(user) -> dict[str, tuple[str, str]]:
    out = {}
    if scoping.can_view_units(user):
        out["units"] = ("Cây đơn vị", reverse("web:unit_tree"))
    if scoping.can_view_people(user):
        out["people"] = ("Danh sách cá nhân", reverse("web:people_list"))
        batch = _batch_link()
        if batch:
            out["batch"] = batch
    if scoping.can_import_history(user):
        out["import"] = ("Nhập lịch sử thành tích", reverse("web:history_import"))
    if user.is_staff:
        out["admin"] = ("Trang quản trị", reverse("admin:index"))
    return out


def cards_for(user) -> list[dict]:
    """One card per distinct active role: its label, scope units, today's abilities with links, and what is not built yet."""
    available = links(user)
    by_role: dict[str, dict] = {}
    for a in scoping.active_assignments(user):
        card = by_role.setdefault(a.role, {"role": a.role, "label": a.get_role_display(), "units": [], "lines": [], "later": NOT_YET.get(a.role)})
        card["units"].append(a.unit)
    for card in by_role.values():
        for text, keys in ROLE_LINES.get(card["role"], []):
            card["lines"].append({"text": text, "links": [available[k] for k in keys if k in available]})
        if card["role"] in (Role.ADMIN, Role.UNIT_OFFICER, Role.APPRAISER, Role.OFFICE_HEAD, Role.COUNCIL_SECRETARY, Role.SIGNER) and "batch" in available:
            card["lines"].append({"text": "Chạy kiểm tra điều kiện cho cả đơn vị theo năm.", "links": [available["batch"]]})
    return list(by_role.values())
