"""Screens of the council: the sessions, the secretary's session page (attendance, agenda by award, the live count of
ballot papers returned — never their content —, open and close), the member's ballot page (made for a phone: one large
pair of buttons per item), the written votes and paper tallies the secretary enters, and the results.

Thin: the session through the scoped selector (another council's is a 404), the rule checked (403), one service; a
DomainError is shown as a message or a form error."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tdkt.core import registry
from tdkt.core.errors import DomainError
from tdkt.core.uploads import serve_upload
from tdkt.org.views import require

from . import selectors, services
from .forms import PaperTallyForm, SessionForm
from .models import AttendanceStatus, Choice, SessionStatus
from .workflow import SESSION


def session_for(request, pk: int):
    """A session the user may see (403 without any council role, 404 outside one's councils)."""
    require(request, "council.view_sessions")
    session = get_object_or_404(selectors.sessions_visible_to(request.user), pk=pk)
    require(request, "council.view_session", session)
    return session


@login_required
@require_GET
def index(request):
    require(request, "council.view_sessions")
    sessions = list(selectors.sessions_visible_to(request.user).order_by("-held_on", "-id")[:100])
    return render(request, "council/index.html", {
        "sessions": sessions, "awaiting": list(selectors.awaiting_my_vote(request.user)),
        "may_create": request.user.has_perm("council.create_session")})


@login_required
@require_http_methods(["GET", "POST"])
def session_create(request):
    require(request, "council.create_session")
    councils = selectors.councils_managed_by(request.user)
    form = SessionForm(request.POST or None, councils=councils)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            session = services.session_create(actor=request.user, council=data["council"], held_on=data["held_on"],
                                              title=data["title"], place=data["place"],
                                              secret=False if data["open_ballot"] else None)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã lập phiên họp “%(title)s”.") % {"title": session.title})
            return redirect("council:session_detail", session.pk)
    return render(request, "council/form.html", {"form": form, "title": _("Lập phiên họp Hội đồng"),
                                                 "submit_label": _("Lập phiên họp")})


def _groups(agenda):
    """The agenda grouped by award, in the agenda's order: [(award name, [items])]."""
    from tdkt.law.catalogue import load_catalogue

    awards = load_catalogue().awards
    groups: list[tuple[str, list]] = []
    for item in agenda:
        label = awards[item.award_code].name if item.award_code in awards else item.award_code
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append(item)
    return groups


def _count_context(session) -> dict:
    return {"session": session, "cast": selectors.ballots_cast(session), "expected": selectors.ballots_expected(session)}


@login_required
@require_GET
def session_detail(request, pk: int):
    session = session_for(request, pk)
    manage = request.user.has_perm("council.manage_session", session)
    attendance = {a.member_id: a for a in selectors.attendance_of(session)}
    voted = set(session.participations.values_list("member_id", flat=True))
    members = [{"member": m, "attendance": attendance.get(m.pk), "voted": m.pk in voted,
                "paper": m.pk in attendance and services.may_record_paper_of(attendance[m.pk])} for m in selectors.members_of(session)]
    agenda = selectors.agenda_of(session)
    mine = selectors.my_attendance(session, request.user)
    return render(request, "council/session_detail.html", {
        "session": session, "manage": manage, "members": members, "groups": _groups(agenda), "agenda": agenda,
        "statuses": AttendanceStatus.choices, "actions": SESSION.available(request.user, session) if manage else [],
        "ready": len(services.ready_nominees(session)) if manage and session.status == SessionStatus.DRAFT else 0,
        "may_vote": mine is not None and mine.status == AttendanceStatus.PRESENT and request.user.has_perm("council.vote", session),
        "secret_by_rules": services.secret_by_rules(session) if agenda else None,
        "quorum": services.quorum_needed(session) if agenda else None,
        "present": sum(1 for a in attendance.values() if a.status == AttendanceStatus.PRESENT),
        **_count_context(session)})


@login_required
@require_GET
def session_count(request, pk: int):
    """The live count (htmx, polled): how many ballot papers were returned — never what they say."""
    session = session_for(request, pk)
    return render(request, "council/_count.html", _count_context(session))


def _manage_post(request, pk: int):
    session = session_for(request, pk)
    require(request, "council.manage_session", session)
    return session


@login_required
@require_POST
def agenda_add(request, pk: int):
    session = _manage_post(request, pk)
    try:
        added = services.agenda_add_ready(actor=request.user, session=session)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã đưa %(n)s người, tập thể vào chương trình phiên họp.") % {"n": len(added)})
    return redirect("council:session_detail", session.pk)


@login_required
@require_POST
def attendance(request, pk: int):
    session = _manage_post(request, pk)
    members = {m.pk: m for m in selectors.members_of(session)}
    try:
        member = members.get(int(request.POST.get("member", "")))
    except ValueError:
        member = None
    try:
        if member is None:
            raise DomainError(_("Hãy chọn một thành viên của Hội đồng."))
        services.attendance_record(actor=request.user, session=session, member=member, status=request.POST.get("status", ""),
                                   note=request.POST.get("note", ""))
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã điểm danh %(name)s.") % {"name": member.full_name})
    return redirect("council:session_detail", session.pk)


@login_required
@require_POST
def act(request, pk: int):
    """Open or close the ballot (the workflow's edges)."""
    session = _manage_post(request, pk)
    action = request.POST.get("action", "")
    try:
        if action == "open_ballot":
            services.ballot_open(actor=request.user, session=session)
            messages.success(request, _("Đã mở bỏ phiếu."))
        elif action == "close_ballot":
            services.ballot_close(actor=request.user, session=session)
            messages.success(request, _("Đã kết thúc bỏ phiếu; kết quả đã được tính."))
            return redirect("council:results", session.pk)
        else:
            raise DomainError(_("Thao tác không hợp lệ."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("council:session_detail", session.pk)


def _choices(request) -> dict:
    """The ballot paper from the form: every `item_<id>` field sent, empty ones left out (the service names them)."""
    return {key.removeprefix("item_"): value for key, value in request.POST.items() if key.startswith("item_") and value}


def _chosen(choices: dict) -> dict[int, str]:
    """What the form showed checked when it comes back with an error (by item id)."""
    return {int(k): v for k, v in choices.items() if str(k).isdigit()}


@login_required
@require_http_methods(["GET", "POST"])
def ballot(request, pk: int):
    """The member's ballot paper: agree / disagree on every item, in one submission, from their own account."""
    session = session_for(request, pk)
    require(request, "council.vote", session)
    mine = selectors.my_attendance(session, request.user)
    voted = mine is not None and selectors.has_voted(session, mine.member)
    error, chosen = None, {}
    if request.method == "POST":
        chosen = _choices(request)
        try:
            services.vote_cast(actor=request.user, session=session, choices=chosen)
        except DomainError as exc:
            error = exc.message
        else:
            messages.success(request, _("Đã ghi nhận phiếu bầu của bạn. Cảm ơn!"))
            return redirect("council:ballot", session.pk)
    return render(request, "council/ballot.html", {
        "session": session, "mine": mine, "voted": voted, "groups": _groups(selectors.agenda_of(session)), "error": error,
        "chosen": _chosen(chosen), "choices": Choice.choices, "present": mine is not None and mine.status == AttendanceStatus.PRESENT},
        status=400 if error else 200)


@login_required
@require_http_methods(["GET", "POST"])
def written_vote(request, pk: int, member_pk: int):
    """The secretary records an absent member's written vote (phiếu bằng văn bản)."""
    session = session_for(request, pk)
    require(request, "council.manage_session", session)
    row = session.attendance.select_related("member").filter(member_id=member_pk).first()
    if row is None:
        raise Http404
    error, chosen = None, {}
    if request.method == "POST":
        chosen = _choices(request)
        try:
            services.written_vote_record(actor=request.user, session=session, member=row.member, choices=chosen)
        except DomainError as exc:
            error = exc.message
        else:
            messages.success(request, _("Đã ghi nhận phiếu bằng văn bản của %(name)s.") % {"name": row.member.full_name})
            return redirect("council:session_detail", session.pk)
    return render(request, "council/ballot.html", {
        "session": session, "written_for": row, "voted": selectors.has_voted(session, row.member),
        "groups": _groups(selectors.agenda_of(session)), "error": error, "chosen": _chosen(chosen), "choices": Choice.choices,
        "present": services.may_record_paper_of(row)}, status=400 if error else 200)


@login_required
@require_http_methods(["GET", "POST"])
def paper_tally(request, pk: int):
    """The secretary enters the tallies of a paper ballot, with the scan of the tally sheet."""
    session = session_for(request, pk)
    require(request, "council.manage_session", session)
    agenda = selectors.agenda_of(session)
    form = PaperTallyForm(request.POST or None, request.FILES or None, items=agenda)
    if request.method == "POST" and form.is_valid():
        try:
            services.paper_tally_record(actor=request.user, session=session, counts=form.counts(), scan=form.cleaned_data["scan"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã nhập kết quả kiểm phiếu trên giấy."))
            return redirect("council:session_detail", session.pk)
    return render(request, "council/paper_tally.html", {"session": session, "form": form})


@login_required
@require_GET
def scan(request, pk: int):
    session = session_for(request, pk)
    if not session.scan_name:
        raise Http404
    return serve_upload(request, name=session.scan_name, filename=session.scan_filename, content_type=session.scan_content_type)


@login_required
@require_GET
def results(request, pk: int):
    session = session_for(request, pk)
    rows = services.results(session) if session.status == SessionStatus.CLOSED else None
    return render(request, "council/results.html", {
        "session": session, "rows": rows, "open_votes": services.open_votes(session),
        "groups": _groups(selectors.agenda_of(session)) if rows is None else None, **_count_context(session),
        "panels": registry.panels_for("session_results", request, session)})


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
@require_GET
def document(request, pk: int, kind: str, fmt: str):
    """The minutes (after the close) or the ballot paper of a session, as .docx or PDF; a refusal goes back to the session
    page with a Vietnamese message (without LibreOffice the PDF is refused and the .docx still works)."""
    from django.http import HttpResponse

    from tdkt.core.uploads import content_disposition
    from tdkt.documents.rendering import to_pdf

    from .documents import ballot_document, minutes_document

    session = session_for(request, pk)
    if kind not in ("bien-ban", "phieu-bau") or fmt not in ("docx", "pdf"):
        raise Http404("Không có văn bản này.")
    try:
        data = minutes_document(session) if kind == "bien-ban" else ballot_document(session)
        if fmt == "pdf":
            data = to_pdf(data)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("council:results" if kind == "bien-ban" else "council:session_detail", pk=session.pk)
    name = "Biên bản họp Hội đồng" if kind == "bien-ban" else "Phiếu bầu"
    response = HttpResponse(data, content_type=DOCX if fmt == "docx" else "application/pdf")
    response["Content-Disposition"] = content_disposition(f"{name} {session.held_on:%d-%m-%Y}.{fmt}")
    response["Cache-Control"] = "private, no-store"
    return response
