"""API for the ledger (the same services as the web pages): record a rating, an award, a discipline, an
initiative of a person, the facts of a working year, the award an initiative grounded; correct an award's decision;
withdraw an entry recorded by mistake. JSON bodies are
validated by the web forms (Vietnamese messages); another scope's person is a 404, a reader a 403."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from tdkt.core.api_forms import form_serializer, validated
from tdkt.core.errors import DomainError
from tdkt.org.api import api_person

from . import services
from .edit_forms import (
    AwardCorrectForm,
    AwardForm,
    DisciplineForm,
    InitiativeForm,
    InitiativeUseForm,
    RatingForm,
    WithdrawForm,
    WorkYearForm,
)
from .models import AwardRecord, Initiative


def _person(request, pk):
    return api_person(request, pk, "records.change_ledger")


def _body(request) -> dict:
    if not isinstance(request.data, dict):
        raise DomainError("Dữ liệu gửi lên phải là một đối tượng JSON.")
    return request.data


def _out(kind: str, row) -> dict:
    return {"id": row.pk, "kind": kind, "person": row.person_id, **services._entry_data(row)}


def _post(form_class, kind, action, summary):
    @extend_schema(request=form_serializer(f"{form_class.__name__[:-4]}In", form_class), responses={201: OpenApiTypes.OBJECT},
                   summary=summary, tags=["ledger"])
    def post(self, request, pk: int):
        person = _person(request, pk)
        row = action(request.user, person, validated(form_class(_body(request))))
        return Response(_out(kind, row), status=status.HTTP_201_CREATED)

    return type(f"{form_class.__name__[:-4]}View", (APIView,), {"parser_classes": [JSONParser], "post": post})


RatingView = _post(RatingForm, "rating", lambda actor, person, d: services.rating_set(actor=actor, person=person, **d),
                   "Ghi hoặc đính chính xếp loại năm")
AwardView = _post(AwardForm, "award", lambda actor, person, d: services.award_add(actor=actor, person=person, **d),
                  "Ghi khen thưởng đã nhận")
DisciplineView = _post(DisciplineForm, "discipline", lambda actor, person, d: services.discipline_add(actor=actor, person=person, **d),
                       "Ghi kỷ luật")
InitiativeView = _post(InitiativeForm, "initiative", lambda actor, person, d: services.initiative_add(actor=actor, person=person, **d),
                       "Ghi sáng kiến được công nhận")

WorkYearView = _post(WorkYearForm, "work_year", lambda actor, person, d: services.work_year_set(actor=actor, person=person, **d),
                     "Ghi thông tin năm công tác (nghỉ làm việc, thai sản, đào tạo, chuyển công tác); ghi lại năm đã có là sửa")


class InitiativeUseIn(serializers.Serializer):
    award = serializers.IntegerField(allow_null=True, required=True,
                                     help_text="Mã số (id) khen thưởng trong hồ sơ của tác giả mà sáng kiến đã làm căn cứ; null: chưa làm căn cứ")


class InitiativeUseView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=InitiativeUseIn, responses=OpenApiTypes.OBJECT, tags=["ledger"],
                   summary="Ghi khen thưởng mà sáng kiến đã làm căn cứ (mỗi sáng kiến một khen thưởng, CV 5007/BNV-TĐKT)")
    def put(self, request, pk: int, initiative_id: int):
        person = _person(request, pk)
        initiative = get_object_or_404(Initiative, pk=initiative_id, person=person)
        body = _body(request)
        if "award" not in body:
            raise DomainError("Dữ liệu không hợp lệ: thiếu trường “award” (mã số khen thưởng, hoặc null nếu sáng kiến chưa làm căn cứ).",
                              code="invalid", details={"award": ["Vui lòng điền mục này."]})
        value = InitiativeUseForm.NONE if body["award"] is None else body["award"]
        award = validated(InitiativeUseForm({"award": value}, initiative=initiative))["award"]
        initiative = services.initiative_use(actor=request.user, initiative=initiative, award=award)
        return Response({**_out("initiative", initiative), "used_for": award.pk if award else None})


class AwardCorrectView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=form_serializer("AwardCorrectIn", AwardCorrectForm, partial=True), responses=OpenApiTypes.OBJECT,
                   summary="Đính chính quyết định khen thưởng (giá trị cũ giữ trong nhật ký)", tags=["ledger"])
    def patch(self, request, pk: int, award_id: int):
        person = _person(request, pk)
        award = get_object_or_404(AwardRecord, pk=award_id, person=person)
        current = {k: getattr(award, k) for k in services.AWARD_CORRECTABLE}
        data = validated(AwardCorrectForm({**{k: v for k, v in current.items() if v is not None}, **_body(request)}))
        changes = {k: data[k] for k in services.AWARD_CORRECTABLE if data[k] != current[k]}
        if not changes:
            raise DomainError("Không có thay đổi nào để đính chính.")
        award = services.award_correct(actor=request.user, award=award, reason=data["reason"], **changes)
        return Response(_out("award", award))


class WithdrawView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=form_serializer("WithdrawIn", WithdrawForm), responses=OpenApiTypes.OBJECT,
                   summary="Gỡ bỏ mục ghi nhầm (giữ trong lịch sử và nhật ký)", tags=["ledger"])
    def post(self, request, pk: int, kind: str, entry_id: int):
        person = _person(request, pk)
        model = services.ENTRY_KINDS.get(kind)
        if model is None:
            raise Http404
        entry = get_object_or_404(model, pk=entry_id, person=person)
        old = services.entry_withdraw(actor=request.user, entry=entry, reason=validated(WithdrawForm(_body(request)))["reason"])
        return Response({"id": entry_id, "kind": kind, "person": person.pk, "withdrawn": True, "old": old})
