"""The screens of the public consultation (consultation.py): the public pages under /lay-y-kien/ (no login: the open
lists, a round's, a dossier's, the comment form with its challenge) and the moderation queue of the standing office and
the portal editor (logged in, scoped: another level's comment is a 404). Thin: one service per change, its DomainError
on the form; the public pages show only the name, unit, position, proposed award and summary of each nominee."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from tdkt.accounts.throttle import client_address
from tdkt.core.errors import DomainError
from tdkt.law.catalogue import load_catalogue
from tdkt.org.views import require

from . import consultation as service
from .models import SUBJECT_RELATED, Nominee, Round
from .models_consultation import MAX_COMMENT, MAX_CONTACT, MAX_NAME, CommentStatus, Consultation


def _names() -> dict[str, str]:
    return {code: a.name for code, a in load_catalogue().awards.items()}


class _Blank(forms.TextInput):
    """A text input that is always shown empty (the answer to a question that changes each time)."""

    def get_context(self, name, value, attrs):
        return super().get_context(name, None, attrs)


class CommentForm(forms.Form):
    """The public form: the text and, optionally, a name and a contact; the challenge (a sum in words with its signed
    token, rendered by the template, new each time the form is shown; a field people leave empty). Lengths are the
    service's to judge (after NFC normalisation)."""

    text = forms.CharField(label=gettext_lazy("Nội dung ý kiến"), strip=False, error_messages={
        "required": gettext_lazy("Vui lòng nhập nội dung ý kiến.")},
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": MAX_COMMENT, "class": "form-control"}))
    name = forms.CharField(label=gettext_lazy("Họ và tên"), required=False,
                           help_text=gettext_lazy("Không bắt buộc. Nếu ghi, họ tên hiện cùng ý kiến sau khi được duyệt."),
                           widget=forms.TextInput(attrs={"maxlength": MAX_NAME, "class": "form-control", "autocomplete": "name"}))
    contact = forms.CharField(label=gettext_lazy("Điện thoại hoặc thư điện tử"), required=False,
                              help_text=gettext_lazy("Không bắt buộc. Chỉ cơ quan thường trực xem, để liên hệ khi cần làm rõ."),
                              widget=forms.TextInput(attrs={"maxlength": MAX_CONTACT, "class": "form-control"}))
    answer = forms.CharField(label=gettext_lazy("Câu hỏi kiểm tra"), error_messages={
        "required": gettext_lazy("Vui lòng trả lời câu hỏi kiểm tra.")},
        widget=_Blank(attrs={"class": "form-control", "inputmode": "numeric", "autocomplete": "off", "size": 4}))
    website = forms.CharField(label=gettext_lazy("Để trống ô này"), required=False,
                              widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.question, self.challenge_token = service.challenge_new()

    def clean(self):
        data = super().clean()
        if "answer" in data:
            refusal = service.challenge_refusal(self.data.get("token", ""), data["answer"], data.get("website", ""))
            if refusal:
                self.add_error("answer", refusal)
        return data


def _groups(consultations) -> list[tuple[Consultation, list[Nominee]]]:
    """Each consultation with its nominees (each with `.approved`), read in two queries."""
    nominees = service.public_nominees(consultations)
    return [(c, [n for n in nominees if n.dossier_id == c.dossier_id]) for c in consultations]


def _consultation(pk: int) -> Consultation:
    return get_object_or_404(Consultation.objects.select_related("dossier__round", "dossier__unit"), pk=pk)


@require_GET
def index(request):
    """Every list open for comments today, by round."""
    consultations = sorted(service.open_consultations(), key=lambda c: (-c.dossier.round.year, c.dossier.round_id, c.closes_on, c.pk))
    return render(request, "nominations/consultation_index.html", {"consultations": consultations})


@require_GET
def round_page(request, pk: int):
    """The lists of a round open for comments today (a round that never had one is a 404)."""
    round_ = get_object_or_404(Round.objects.filter(dossiers__consultations__isnull=False).distinct(), pk=pk)
    consultations = list(service.open_consultations().filter(dossier__round=round_))
    return render(request, "nominations/consultation_page.html", {
        "round": round_, "groups": _groups(consultations), "names": _names(),
    })


@require_GET
def detail(request, pk: int):
    """One dossier's list with the approved comments; after the period, only a notice that it has closed."""
    consultation = _consultation(pk)
    closed = service.refusal_if_closed(consultation)
    consultations = [] if closed else [consultation]
    return render(request, "nominations/consultation_page.html", {
        "round": consultation.dossier.round, "consultation": consultation, "closed": closed, "groups": _groups(consultations),
        "names": _names(),
        "general": [] if closed else service.general_comments(consultation),
    })


@require_http_methods(["GET", "POST"])
def comment(request, pk: int):
    """The comment form, about one nominee (?nguoi=<id>) or the list as a whole."""
    consultation = _consultation(pk)
    nominee = None
    nominee_id = request.POST.get("nguoi") or request.GET.get("nguoi")
    if nominee_id:
        if not str(nominee_id).isdigit():
            raise Http404
        nominee = get_object_or_404(Nominee.objects.select_related(*SUBJECT_RELATED), pk=int(nominee_id),
                                    dossier_id=consultation.dossier_id, withdrawn=False)
    closed = service.refusal_if_closed(consultation)
    form = None if closed else CommentForm(request.POST if request.method == "POST" else None)
    if form is not None and request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            service.comment_submit(consultation=consultation, nominee=nominee, text=d["text"], name=d["name"], contact=d["contact"],
                                   address=client_address(request))
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Cảm ơn bạn đã góp ý. Ý kiến sẽ hiển thị sau khi được cơ quan thường trực kiểm duyệt."))
            return redirect("consultation:detail", consultation.pk)
    return render(request, "nominations/consultation_comment.html", {
        "consultation": consultation, "nominee": nominee, "form": form, "closed": closed, "names": _names(),
    })


# --- Moderation (logged in) ------------------------------------------------------------------------------------------


class ModerateForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", "approve"), ("reject", "reject")], error_messages={
        "required": gettext_lazy("Hãy chọn duyệt hoặc không duyệt."), "invalid_choice": gettext_lazy("Hãy chọn duyệt hoặc không duyệt.")})
    reason = forms.CharField(label=gettext_lazy("Lý do"), required=False, strip=False,
                             help_text=gettext_lazy("Bắt buộc khi không duyệt."),
                             widget=forms.Textarea(attrs={"rows": 3, "class": "form-control", "maxlength": service.MAX_REASON}))


@login_required
@require_GET
def comment_queue(request):
    """The comments waiting for moderation (and those already decided) of the levels the user moderates."""
    require(request, "nominations.moderate_comments")
    status = request.GET.get("status", CommentStatus.PENDING)
    comments = service.comments_moderated_by(request.user)
    if status in CommentStatus.values:
        comments = comments.filter(status=status)
    order = ("created_at", "id") if status == CommentStatus.PENDING else ("-created_at", "-id")
    return render(request, "nominations/comment_queue.html", {
        "comments": list(comments.order_by(*order)[:200]), "status": status, "statuses": CommentStatus.choices, "names": _names(),
    })


@login_required
@require_http_methods(["GET", "POST"])
def comment_moderate(request, pk: int):
    require(request, "nominations.moderate_comments")
    comment = get_object_or_404(service.comments_moderated_by(request.user), pk=pk)
    require(request, "nominations.moderate_comment", comment)
    form = ModerateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            service.comment_moderate(actor=request.user, comment=comment, approve=approve, reason=form.cleaned_data["reason"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã duyệt ý kiến; ý kiến hiện trên trang lấy ý kiến công khai.") if approve
                             else _("Đã không duyệt ý kiến; ý kiến được lưu lại kèm lý do."))
            return redirect("nominations:comment_queue")
    return render(request, "nominations/comment_moderate.html", {"comment": comment, "form": form, "names": _names()})
