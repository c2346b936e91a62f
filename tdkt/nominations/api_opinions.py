"""API of agency opinions (hiệp y), the same services as the screens, under /api/v1/: the agency lists the requests
addressed to its unit and answers one; the standing office lists and requests the opinions of a dossier. Another
agency's request, another scope's dossier are a 404; a reader who may not act gets a 403."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from tdkt.core.errors import DomainError
from tdkt.law import vocabulary as vocab
from tdkt.org.views import require

from . import opinions
from . import selectors_opinions as reads
from .access import dossier_for
from .api import MAX_LIST, _unit, _valid
from .models_opinions import OpinionAnswer, OpinionRequest


def _request_out(r: OpinionRequest, clock=None) -> dict:
    n = r.nominee
    return {"id": r.pk, "dossier": r.dossier_id, "status": r.status, "answer": r.answer or None, "answer_text": r.answer_text,
            "nominee": {"id": n.pk, "name": n.name, "award": n.award_code, "award_name": opinions.award_name(n.award_code),
                        "unit": (n.person.unit.name if n.person_id and n.person.unit_id else r.dossier.unit.name)},
            "addressee": {"id": r.addressee_id, "code": r.addressee.code, "name": r.addressee.name},
            "agency_kind": r.agency_kind, "question": r.question, "requested_on": r.requested_on, "reply_days": r.reply_days,
            "due_on": r.due_on, "overdue": bool(clock and clock["overdue"]), "working_days_left": clock["left"] if clock else None,
            "answered_on": r.answered_on, "recorded_from_paper": r.recorded_from_paper, "resolved_on": r.resolved_on,
            "resolution": r.resolution}


def _list_out(requests) -> list[dict]:
    return [_request_out(r, r.clock) for r in reads.with_clocks(requests)]


class OpinionsView(APIView):
    @extend_schema(responses=OpenApiTypes.OBJECT, tags=["nominations"],
                   summary="Các đề nghị lấy ý kiến hiệp y gửi đến cơ quan của tài khoản (?status=pending: chỉ đề nghị chờ trả lời)")
    def get(self, request):
        require(request, "nominations.view_opinion_inbox")
        items = reads.inbox(request.user)
        if request.query_params.get("status"):
            items = items.filter(status=request.query_params["status"])
        return Response(_list_out(items[:MAX_LIST]))


class AnswerIn(serializers.Serializer):
    answer = serializers.ChoiceField(choices=OpinionAnswer.values, help_text="positive (đồng ý) hoặc negative (không đồng ý)")
    text = serializers.CharField(required=False, allow_blank=True, max_length=4000, help_text="Bắt buộc khi không đồng ý")


class OpinionAnswerView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=AnswerIn, responses=OpenApiTypes.OBJECT, tags=["nominations"],
                   summary="Trả lời một đề nghị lấy ý kiến hiệp y (tài khoản của cơ quan được lấy ý kiến)")
    def post(self, request, pk: int):
        require(request, "nominations.view_opinion_inbox")
        item = get_object_or_404(reads.inbox(request.user), pk=pk)
        require(request, "nominations.answer_opinion", item)
        d = _valid(AnswerIn, request.data)
        item = opinions.opinion_answer(actor=request.user, request=item, answer=d["answer"], text=d.get("text", ""))
        return Response(_request_out(item))


class OpinionRequestIn(serializers.Serializer):
    nominees = serializers.ListField(child=serializers.IntegerField(), allow_empty=False, help_text="Mã số người, tập thể trong hồ sơ")
    addressee = serializers.CharField(help_text="Mã đơn vị của cơ quan được lấy ý kiến")
    agency_kind = serializers.ChoiceField(choices=vocab.OpinionAgency.values)
    question = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class DossierOpinionsView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(responses=OpenApiTypes.OBJECT, tags=["nominations"], summary="Các đề nghị lấy ý kiến hiệp y của hồ sơ (cơ quan thường trực)")
    def get(self, request, pk: int):
        dossier = dossier_for(request, pk)
        require(request, "nominations.appraise_dossier", dossier)
        return Response(_list_out(reads.visible_to(request.user).filter(dossier=dossier).order_by("id")))

    @extend_schema(request=OpinionRequestIn, responses={201: OpenApiTypes.OBJECT}, tags=["nominations"],
                   summary="Lấy ý kiến hiệp y một cơ quan về người, tập thể của hồ sơ (cơ quan thường trực)")
    def post(self, request, pk: int):
        dossier = dossier_for(request, pk)
        require(request, "nominations.appraise_dossier", dossier)
        d = _valid(OpinionRequestIn, request.data)
        nominees = list(dossier.nominees.filter(pk__in=d["nominees"]))
        if len(nominees) != len(set(d["nominees"])):
            raise DomainError("Người, tập thể được chọn không thuộc hồ sơ này.", code="invalid")
        created = opinions.opinion_request(actor=request.user, dossier=dossier, nominees=nominees, addressee=_unit(d["addressee"]),
                                           agency_kind=d["agency_kind"], question=d.get("question", ""))
        return Response(_list_out(reads.visible_to(request.user).filter(pk__in=[r.pk for r in created]).order_by("id")),
                        status=status.HTTP_201_CREATED)
