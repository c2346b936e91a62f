"""API of the public consultation (consultation.py) under /api/v1/: the consultations of the dossiers a user reads or
moderates, their approved comments (every comment, with its state and the contact, for the moderators of the level),
and the moderation of a comment by the standing office or the portal editor. Another level's consultation or comment
is a 404; a reader who may not moderate gets a 403; the service checks and audits again."""

from __future__ import annotations

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from tdkt.accounts import scoping
from tdkt.org.views import require

from . import consultation as service
from . import selectors
from .api import MAX_LIST, _valid
from .models import subject_related
from .models_consultation import Comment, CommentStatus, Consultation
from .permissions import MODERATORS


def consultations_visible_to(user):
    """The consultations of the dossiers the user reads, and of the levels the user moderates."""
    q = Q(dossier__in=selectors.dossiers_visible_to(user).values("pk"))
    if scoping.may(user, MODERATORS):
        q |= scoping.subtree_q(user, roles=MODERATORS, field="dossier__round__office_unit")
    return (Consultation.objects.filter(q).select_related("dossier__round__office_unit", "dossier__unit")
            .annotate(approved=Count("comments", filter=Q(comments__status=CommentStatus.APPROVED)),
                      pending=Count("comments", filter=Q(comments__status=CommentStatus.PENDING))))


def _consultation_out(c, user) -> dict:
    out = {"id": c.pk, "dossier": {"id": c.dossier_id, "title": c.dossier.title, "unit": c.dossier.unit.name,
                                   "round": c.dossier.round_id},
           "opened_on": c.opened_on, "closes_on": c.closes_on, "working_days": c.working_days, "legal_basis": c.legal_basis,
           "open": service.refusal_if_closed(c) is None, "approved_comments": c.approved}
    if user.has_perm("nominations.moderate_comment", c):
        out["pending_comments"] = c.pending
    return out


def _comment_out(c, *, moderator: bool) -> dict:
    out = {"id": c.pk, "consultation": c.consultation_id, "nominee": c.nominee_id,
           "nominee_name": c.nominee.name if c.nominee_id else None, "author_name": c.author_name, "text": c.text,
           "created_at": c.created_at}
    if moderator:
        out.update(status=c.status, contact=c.contact, reason=c.reason, moderated_at=c.moderated_at,
                   moderated_by=(c.moderated_by.get_username() if c.moderated_by_id else None))
    return out


class ConsultationsView(APIView):
    @extend_schema(responses=OpenApiTypes.OBJECT, tags=["nominations"],
                   summary="Các đợt lấy ý kiến công khai trong phạm vi (?open=1: chỉ đợt đang nhận ý kiến)")
    def get(self, request):
        require(request, "nominations.view_consultations")
        items = consultations_visible_to(request.user).order_by("-opened_on", "-id")
        rows = [_consultation_out(c, request.user) for c in items[:MAX_LIST]]
        if request.query_params.get("open") in ("1", "true"):
            rows = [r for r in rows if r["open"]]
        return Response(rows)


class ConsultationCommentsView(APIView):
    @extend_schema(responses=OpenApiTypes.OBJECT, tags=["nominations"],
                   parameters=[OpenApiParameter("status", str, description="pending, approved, rejected hoặc all (chỉ người kiểm duyệt)")],
                   summary="Ý kiến góp ý của một đợt lấy ý kiến: ý kiến đã duyệt; người kiểm duyệt xem được mọi ý kiến")
    def get(self, request, pk: int):
        require(request, "nominations.view_consultations")
        consultation = get_object_or_404(consultations_visible_to(request.user), pk=pk)
        moderator = request.user.has_perm("nominations.moderate_comment", consultation)
        comments = consultation.comments.select_related(*subject_related("nominee__"), "moderated_by").order_by("created_at", "id")
        wanted = request.query_params.get("status", CommentStatus.APPROVED)
        if not moderator or wanted in CommentStatus.values:
            comments = comments.filter(status=wanted if moderator else CommentStatus.APPROVED)
        return Response([_comment_out(c, moderator=moderator) for c in comments[:MAX_LIST]])


class ModerationIn(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["approve", "reject"], help_text="approve (duyệt) hoặc reject (không duyệt)")
    reason = serializers.CharField(required=False, allow_blank=True, max_length=service.MAX_REASON,
                                   help_text="Bắt buộc khi không duyệt")


class CommentModerationView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=ModerationIn, responses=OpenApiTypes.OBJECT, tags=["nominations"],
                   summary="Kiểm duyệt một ý kiến góp ý (cơ quan thường trực hoặc biên tập viên cổng thông tin của cấp xét)")
    def post(self, request, pk: int):
        require(request, "nominations.moderate_comments")
        comment = get_object_or_404(service.comments_moderated_by(request.user), pk=pk)
        require(request, "nominations.moderate_comment", comment)
        d = _valid(ModerationIn, request.data)
        comment = service.comment_moderate(actor=request.user, comment=comment, approve=d["decision"] == "approve",
                                           reason=d.get("reason", ""))
        comment = Comment.objects.select_related(*subject_related("nominee__"), "moderated_by").get(pk=comment.pk)
        return Response(_comment_out(comment, moderator=True))
