"""The council app in the shell: its menu entry, the ballots waiting on the home page, the abilities it gives."""

from tdkt.accounts import roles
from tdkt.core import registry


def _home(request):
    from . import selectors

    if not request.user.has_perm("council.view_sessions"):
        return None
    awaiting = list(selectors.awaiting_my_vote(request.user)[:8])
    if not awaiting:
        return None
    return {"awaiting": awaiting}


registry.nav(registry.NavEntry(
    key="council", label="Hội đồng TĐKT", url_name="council:index", order=38, permission="council.view_sessions",
    match=("council:index", "council:session_create", "council:session_detail", "council:ballot", "council:written_vote",
           "council:paper_tally", "council:results"),
))
registry.section(registry.HomeSection(key="council", order=9, template="council/_home.html", context=_home))
registry.ability(registry.Ability(text="Lập phiên họp Hội đồng, đưa hồ sơ sẵn sàng vào chương trình, điểm danh, mở và kết thúc bỏ phiếu, "
                                       "ghi nhận phiếu bằng văn bản, xem kết quả.",
                                  roles=frozenset({roles.Role.COUNCIL_SECRETARY}) | roles.OFFICE, links=("council",), order=39))
registry.ability(registry.Ability(text="Bỏ phiếu đồng ý hoặc không đồng ý cho từng người, tập thể được trình Hội đồng, từ tài khoản của mình "
                                       "(kể cả trên điện thoại); xem kết quả sau khi kết thúc bỏ phiếu.",
                                  roles=frozenset({roles.Role.COUNCIL_MEMBER}), links=("council",), order=39))
