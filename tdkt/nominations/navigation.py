"""The nominations app in the shell: its menu entry, the dossiers waiting on the home page, the abilities it gives."""

from tdkt.accounts import roles
from tdkt.core import registry


def _home(request):
    from . import selectors

    user = request.user
    if not user.has_perm("nominations.view_dossiers"):
        return None
    inbox = selectors.with_counts(selectors.with_clocks(selectors.office_inbox(user)[:8]))
    todo = selectors.with_counts(selectors.unit_todo(user)[:8])
    if not inbox and not todo:
        return None
    return {"inbox": inbox, "todo": todo}


registry.nav(registry.NavEntry(
    key="dossiers", label="Hồ sơ khen thưởng", url_name="nominations:index", order=35, permission="nominations.view_dossiers",
    match=("nominations:index", "nominations:round_open", "nominations:round_detail", "nominations:dossier_create",
           "nominations:dossier_detail", "nominations:nominee_add", "nominations:nominees_from_batch", "nominations:nominee_edit",
           "nominations:nominee_withdraw", "nominations:dossier_act"),
))
registry.section(registry.HomeSection(key="dossiers", order=10, template="nominations/_home.html", context=_home))
registry.ability(registry.Ability(text="Lập hồ sơ đề nghị khen thưởng trong đợt xét, thêm người từ kết quả xét hàng loạt, gửi cơ quan "
                                       "thường trực và theo dõi đến khi trình Hội đồng.", roles=roles.LEDGER_EDITORS,
                                  links=("dossiers",), order=35))
registry.ability(registry.Ability(text="Mở đợt xét khen thưởng, tiếp nhận, trả lại để bổ sung và thẩm định hồ sơ của các đơn vị.",
                                  roles=roles.OFFICE, links=("dossiers",), order=36))

# The public consultation (views_consultation.py): the moderation queue of the standing office and the portal editor.
registry.nav(registry.NavEntry(
    key="consultation_comments", label="Kiểm duyệt góp ý", url_name="nominations:comment_queue", order=36,
    permission="nominations.moderate_comments", match=("nominations:comment_queue", "nominations:comment_moderate"),
))
registry.ability(registry.Ability(text="Kiểm duyệt ý kiến nhân dân góp ý về danh sách đề nghị khen thưởng đang lấy ý kiến công khai.",
                                  roles=roles.OFFICE | {roles.Role.PORTAL_EDITOR}, links=("consultation_comments",), order=37))

# --- Agency opinions (hiệp y, issue 13 point 6): the agency's rules, menu entry, home section and ability ---------
from . import permissions_opinions  # noqa: E402,F401  (registers the opinion rules)


def _opinions_home(request):
    from . import opinions, selectors_opinions

    user = request.user
    if not user.has_perm("nominations.view_opinion_inbox"):
        return None
    items = selectors_opinions.with_clocks(selectors_opinions.inbox(user).filter(status="pending")[:8])
    if not items:
        return None
    for item in items:
        item.award = opinions.award_name(item.nominee.award_code)
    return {"items": items}


registry.nav(registry.NavEntry(
    key="opinions", label="Ý kiến hiệp y", url_name="nominations:opinion_inbox", order=36,
    permission="nominations.view_opinion_inbox", match=("nominations:opinion_inbox", "nominations:opinion_detail"),
))
registry.section(registry.HomeSection(key="opinions", order=11, template="nominations/_opinions_home.html", context=_opinions_home))
registry.ability(registry.Ability(text="Trả lời các đề nghị lấy ý kiến hiệp y gửi đến cơ quan: đồng ý, hoặc không đồng ý kèm lý do; "
                                       "chỉ thấy các đề nghị gửi đến cơ quan mình.", roles=roles.AGENCIES, links=("opinions",),
                                  order=37))
registry.ability(registry.Ability(text="Lấy ý kiến hiệp y của các cơ quan (công an, thuế, bảo hiểm xã hội…), ghi nhận văn bản trả lời "
                                       "kèm bản quét, xử lý ý kiến không đồng ý và ghi nhận vụ việc đang xem xét trước khi trình Hội đồng.",
                                  roles=roles.OFFICE, links=("dossiers",), order=38))
