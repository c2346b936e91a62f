"""API for people (the same services as the web pages): POST /api/v1/people, PATCH /api/v1/people/{id},
POST /api/v1/people/{id}/move. The body is JSON, validated by the web forms (Vietnamese messages); another
scope's person is a 404, a reader who may not edit a 403; the services check and audit again."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from tdkt.core.api_forms import form_serializer, validated
from tdkt.core.errors import DomainError

from . import services
from .edit_forms import PersonCreateForm, PersonForm, PersonMoveForm
from .editing import FIELDS
from .models import Person
from .selectors import editable_units_for, people_visible_to
from .views import require


class PersonOut(serializers.ModelSerializer):
    unit = serializers.SerializerMethodField()

    class Meta:
        model = Person
        fields = ["id", *FIELDS, "unit"]

    def get_unit(self, person) -> dict | None:
        return {"id": person.unit_id, "code": person.unit.code, "name": person.unit.name} if person.unit_id else None


PersonCreateIn = form_serializer("PersonCreateIn", PersonCreateForm)
PersonUpdateIn = form_serializer("PersonUpdateIn", PersonForm, partial=True)
PersonMoveIn = form_serializer("PersonMoveIn", PersonMoveForm)


def _units(request):
    return editable_units_for(request.user).filter(valid_to__isnull=True)


def api_person(request, pk: int, perm: str = "org.manage_people") -> Person:
    """The person if the user reads them (else 404) and holds `perm` on them (else 403)."""
    require(request, "org.view_people")
    person = get_object_or_404(people_visible_to(request.user).select_related("unit"), pk=pk)
    require(request, perm, person)
    return person


def _body(request) -> dict:
    data = request.data
    if not isinstance(data, dict):
        raise DomainError("Dữ liệu gửi lên phải là một đối tượng JSON.")
    return data


class PeopleView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=PersonCreateIn, responses={201: PersonOut}, summary="Thêm cá nhân", tags=["people"])
    def post(self, request):
        require(request, "org.manage_people")
        data = validated(PersonCreateForm(_body(request), units=_units(request)))
        person = services.person_create(actor=request.user, unit=data["unit"], start=data["start"], **{k: data[k] for k in FIELDS})
        return Response(PersonOut(person).data, status=status.HTTP_201_CREATED)


class PersonView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(responses=PersonOut, summary="Thông tin cá nhân", tags=["people"])
    def get(self, request, pk: int):
        return Response(PersonOut(api_person(request, pk, "org.view_person")).data)

    @extend_schema(request=PersonUpdateIn, responses=PersonOut, summary="Sửa thông tin cá nhân", tags=["people"])
    def patch(self, request, pk: int):
        person = api_person(request, pk)
        current = {k: getattr(person, k) for k in FIELDS}
        data = validated(PersonForm({**{k: v for k, v in current.items() if v is not None}, **_body(request)}))
        changes = {k: v for k, v in data.items() if v != current[k] and not (v in ("", None) and current[k] in ("", None))}
        if changes:
            person = services.person_update(actor=request.user, person=person, **changes)
        return Response(PersonOut(person).data)


class PersonMoveView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=PersonMoveIn, responses=PersonOut, summary="Chuyển đơn vị công tác", tags=["people"])
    def post(self, request, pk: int):
        person = api_person(request, pk)
        data = validated(PersonMoveForm(_body(request), units=_units(request).exclude(pk=person.unit_id)))
        services.membership_move(actor=request.user, person=person, unit=data["unit"], on=data["on"], position=data["position"] or None)
        person.refresh_from_db()
        return Response(PersonOut(person).data)
