"""The decisions app on the pages of the nominations app (core.registry panels): on the dossier page, "Chuyển cấp trên"
and the exchange package's download for the standing office; on the round page, the upload of a package."""

from tdkt.accounts import roles
from tdkt.core import registry


def _dossier_panel(request, dossier):
    from . import forwarding

    user = request.user
    if not user.has_perm("decisions.forward_dossier", dossier):
        return None
    live = dossier.nominees.filter(withdrawn=False).exists()
    forwardable = dossier.status in forwarding.FORWARDABLE and live
    return {"dossier": dossier, "can_forward": forwardable and bool(forwarding.forward_targets(dossier)),
            "forwardable": forwardable, "beyond": forwarding.beyond_authority(dossier) if forwardable else [],
            "can_export": live and user.has_perm("decisions.export_dossier", dossier)}


def _outcomes_panel(request, dossier):
    """What the higher level decided on the nominees this dossier forwarded (for whoever sees the dossier)."""
    from . import forwarding

    rows = forwarding.outcomes_of(dossier) if dossier.nominees.filter(forwarded_to__isnull=False).exists() else []
    return {"rows": rows} if rows else None


def _round_panel(request, round_):
    if not request.user.has_perm("decisions.import_package", round_):
        return None
    return {"round": round_}


registry.panel(registry.Panel(key="decisions_forwarding", place="dossier", order=10, template="decisions/_dossier_panel.html",
                              context=_dossier_panel))
registry.panel(registry.Panel(key="decisions_outcomes", place="dossier", order=11, template="decisions/_outcomes_panel.html",
                              context=_outcomes_panel))
registry.panel(registry.Panel(key="decisions_import", place="round", order=10, template="decisions/_round_panel.html",
                              context=_round_panel))
registry.ability(registry.Ability(text="Chuyển người, tập thể vượt thẩm quyền của cấp mình lên cấp trên (cùng hệ thống), hoặc xuất "
                                       "gói hồ sơ cho cấp trên dùng hệ thống khác và nhập gói hồ sơ cấp dưới gửi lên.",
                                  roles=roles.OFFICE, links=("dossiers",), order=39))


# --- Decisions (issue 14, point 4): the menu entry, the signer's inbox, the draft button on a session's results -------


def _inbox(request):
    from . import selectors

    awaiting = list(selectors.awaiting_signature(request.user)[:8])
    if not awaiting:
        return None
    return {"awaiting": awaiting}


def _session_results_panel(request, session):
    from .models import DecisionKind

    if session.status != "closed" or not request.user.has_perm("decisions.draft", session.council.unit):
        return None
    return {"session": session, "decisions": list(session.decisions.filter(kind=DecisionKind.AWARD).order_by("id"))}


registry.nav(registry.NavEntry(
    key="decisions", label="Quyết định", url_name="decisions:decision_index", order=39, permission="decisions.view_decisions",
    match=("decisions:decision_index", "decisions:decision_detail", "decisions:decision_sign", "decisions:decision_draft",
           "decisions:decision_cancel", "decisions:decision_revoke"),
))
registry.section(registry.HomeSection(key="decisions_inbox", order=8, template="decisions/_home_inbox.html", context=_inbox))
registry.panel(registry.Panel(key="decisions_draft", place="session_results", order=10, template="decisions/_session_panel.html",
                              context=_session_results_panel))
registry.ability(registry.Ability(text="Dự thảo quyết định khen thưởng từ kết quả phiên họp Hội đồng, sửa căn cứ, trình ký; dự thảo "
                                       "quyết định hủy bỏ hoặc thu hồi khen thưởng (Điều 93).",
                                  roles=roles.OFFICE, links=("decisions",), order=40))
registry.ability(registry.Ability(text="Ký ban hành quyết định khen thưởng (lấy số, ghi khen thưởng vào hồ sơ thành tích) hoặc trả lại "
                                       "dự thảo kèm lý do.",
                                  roles=frozenset({roles.Role.SIGNER}), links=("decisions",), order=40))
