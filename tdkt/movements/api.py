"""API of the movements (token or session auth), the same services behind as the screens:

GET/POST movements · GET/PATCH movements/<id> · POST movements/<id>/remind · GET/POST movements/<id>/registrations ·
GET/PATCH registrations/<id> · POST registrations/<id>/actions (submit, approve, return with its reason).

Another level's movement or another unit's registration is a 404, a rule refused a 403, a DomainError a 400
{"error": "..."} in Vietnamese (tdkt.core.api.exception_handler).
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from tdkt.core.errors import DomainError
from tdkt.org.models import Person, Unit
from tdkt.org.views import require

from . import selectors, services
from .models import Anniversary, MovementKind, Registration
from .views import movement_for, registration_for

MAX_LIST = 200
ERROR = OpenApiResponse(description="Dữ liệu không hợp lệ (thông báo tiếng Việt trong “error”)")


class UnitRef(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()


class CriterionOut(serializers.Serializer):
    id = serializers.IntegerField()
    position = serializers.IntegerField()
    text = serializers.CharField()
    mandatory = serializers.BooleanField()
    points = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True)
    evidence = serializers.CharField()


class MovementOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=MovementKind.choices, help_text="regular (thường xuyên) hoặc thematic (chuyên đề)")
    unit = UnitRef()
    parent = serializers.IntegerField(source="parent_id", allow_null=True, help_text="Phong trào của cấp trên được hưởng ứng")
    anniversary = serializers.IntegerField(source="anniversary_id", allow_null=True)
    slogan = serializers.CharField()
    purpose = serializers.CharField()
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    registration_deadline = serializers.DateField()
    planned_awards = serializers.ListField(child=serializers.CharField())


class TargetOut(serializers.Serializer):
    unit = UnitRef()
    registration = serializers.IntegerField(allow_null=True)
    status = serializers.CharField(allow_null=True, help_text="Trạng thái đăng ký (rỗng: chưa đăng ký)")
    reminded_today = serializers.BooleanField()


class MovementDetailOut(MovementOut):
    criteria = CriterionOut(many=True)
    targets = TargetOut(many=True)


class CriterionIn(serializers.Serializer):
    text = serializers.CharField(max_length=2000)
    mandatory = serializers.BooleanField(default=True)
    points = serializers.CharField(required=False, allow_null=True, allow_blank=True, help_text="Số không âm, hoặc để trống")
    evidence = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")


class MovementIn(serializers.Serializer):
    unit = serializers.CharField(help_text="Mã đơn vị phát động")
    kind = serializers.ChoiceField(choices=MovementKind.choices, default=MovementKind.THEMATIC)
    name = serializers.CharField(max_length=255)
    slogan = serializers.CharField(required=False, allow_blank=True, default="")
    purpose = serializers.CharField(required=False, allow_blank=True, default="")
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    registration_deadline = serializers.DateField()
    targets = serializers.ListField(child=serializers.CharField(), help_text="Mã các đơn vị tham gia (thuộc đơn vị phát động)")
    planned_awards = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    parent = serializers.IntegerField(required=False, allow_null=True, default=None)
    anniversary = serializers.IntegerField(required=False, allow_null=True, default=None)
    criteria = CriterionIn(many=True, required=False, default=list)


class MovementPatchIn(serializers.Serializer):
    name = serializers.CharField(max_length=255, required=False)
    slogan = serializers.CharField(required=False, allow_blank=True)
    purpose = serializers.CharField(required=False, allow_blank=True)
    starts_on = serializers.DateField(required=False)
    ends_on = serializers.DateField(required=False)
    registration_deadline = serializers.DateField(required=False)
    targets = serializers.ListField(child=serializers.CharField(), required=False)
    planned_awards = serializers.ListField(child=serializers.CharField(), required=False)


class TitleIO(serializers.Serializer):
    award = serializers.CharField(help_text="Mã danh hiệu (thuộc các hình thức khen thưởng dự kiến)")
    person = serializers.IntegerField(required=False, allow_null=True, default=None, help_text="Mã cá nhân; rỗng: tập thể đơn vị")


class TargetIO(serializers.Serializer):
    criterion = serializers.IntegerField()
    target = serializers.CharField(allow_blank=True)


class RegistrationOut(serializers.Serializer):
    id = serializers.IntegerField()
    movement = serializers.IntegerField(source="movement_id")
    unit = UnitRef()
    status = serializers.CharField()
    status_label = serializers.CharField(source="get_status_display")
    note = serializers.CharField()
    return_reason = serializers.CharField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    targets = serializers.SerializerMethodField()
    titles = serializers.SerializerMethodField()

    def get_targets(self, r) -> list[dict]:
        return [{"criterion": t.criterion_id, "target": t.target} for t in r.targets.all()]

    def get_titles(self, r) -> list[dict]:
        return [{"award": t.award_code, "person": t.person_id} for t in r.titles.all()]


class RegistrationIn(serializers.Serializer):
    unit = serializers.CharField(required=False, help_text="Mã đơn vị đăng ký (chỉ khi lập mới)")
    note = serializers.CharField(required=False, allow_blank=True)
    targets = TargetIO(many=True, required=False)
    titles = TitleIO(many=True, required=False)
    submit = serializers.BooleanField(required=False, default=False, help_text="Gửi đăng ký ngay sau khi lưu")


class ActionIn(serializers.Serializer):
    action = serializers.ChoiceField(choices=["submit", "approve", "return"])
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class RemindOut(serializers.Serializer):
    reminded = UnitRef(many=True)


def _body(request) -> dict:
    try:
        data = request.data
    except ParseError as exc:
        raise DomainError("Dữ liệu JSON sai cú pháp.", code="parse_error") from exc
    if not isinstance(data, dict):
        raise DomainError("Dữ liệu gửi lên phải là một đối tượng JSON.")
    return data


def _valid(serializer_class, request) -> dict:
    s = serializer_class(data=_body(request))
    if not s.is_valid():
        details = {k: [str(e) for e in (v if isinstance(v, list) else [v])] for k, v in s.errors.items()}
        raise DomainError("Dữ liệu không hợp lệ: " + "; ".join(f"{k}: {v[0]}" for k, v in details.items()), code="invalid",
                          details=details)
    return s.validated_data


def _units(codes) -> list[Unit]:
    found = {u.code: u for u in Unit.objects.filter(code__in=list(codes))}
    missing = [c for c in codes if c not in found]
    if missing:
        raise DomainError("Không có đơn vị mã: " + ", ".join(missing[:5]) + ".")
    return [found[c] for c in codes]


def _detail(movement, user) -> dict:
    targets = [{"unit": t["unit"], "registration": t["registration"].pk if t["registration"] else None,
                "status": t["registration"].status if t["registration"] else None, "reminded_today": t["reminded_today"]}
               for t in selectors.targets_of(movement, user)]
    return MovementDetailOut({**MovementOut(movement).data, "unit": movement.unit, "criteria": list(movement.criteria.all()),
                              "targets": targets}).data


class MovementListView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(responses=MovementOut(many=True), tags=["movements"], summary="Phong trào thi đua trong phạm vi của bạn",
                   parameters=[OpenApiParameter("year", int, description="Năm (mặc định: năm nay)"),
                               OpenApiParameter("unit", str, description="Mã đơn vị: danh sách phong trào của cấp đó")])
    def get(self, request):
        require(request, "movements.view_movements")
        try:
            year = int(request.query_params.get("year") or timezone.localdate().year)
        except ValueError:
            raise DomainError("Năm không hợp lệ.") from None
        visible = selectors.movements_visible_to(request.user)
        code = request.query_params.get("unit")
        qs = selectors.movements_of_level(_units([code])[0], year, visible) if code else selectors.in_year(visible, year)
        return Response(MovementOut(qs.order_by("starts_on", "id")[:MAX_LIST], many=True).data)

    @extend_schema(request=MovementIn, responses={201: MovementDetailOut, 400: ERROR}, tags=["movements"],
                   summary="Phát động phong trào thi đua (kèm tiêu chí)")
    def post(self, request):
        require(request, "movements.launch")
        data = _valid(MovementIn, request)
        parent = get_object_or_404(selectors.movements_visible_to(request.user), pk=data["parent"]) if data["parent"] else None
        anniversary = get_object_or_404(Anniversary, pk=data["anniversary"]) if data["anniversary"] else None
        movement = services.movement_create(
            actor=request.user, unit=_units([data["unit"]])[0], kind=data["kind"], name=data["name"], slogan=data["slogan"],
            purpose=data["purpose"], starts_on=data["starts_on"], ends_on=data["ends_on"],
            registration_deadline=data["registration_deadline"], targets=_units(data["targets"]), planned_awards=data["planned_awards"],
            parent=parent, anniversary=anniversary, criteria=[dict(c) for c in data["criteria"]])
        return Response(_detail(movement, request.user), status=status.HTTP_201_CREATED)


class MovementDetailView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(responses=MovementDetailOut, tags=["movements"], summary="Một phong trào: tiêu chí, đơn vị tham gia và đăng ký")
    def get(self, request, pk: int):
        return Response(_detail(movement_for(request, pk), request.user))

    @extend_schema(request=MovementPatchIn, responses={200: MovementDetailOut, 400: ERROR}, tags=["movements"],
                   summary="Sửa phong trào (cấp phát động)")
    def patch(self, request, pk: int):
        movement = movement_for(request, pk)
        require(request, "movements.manage_movement", movement)
        data = dict(_valid(MovementPatchIn, request))
        if "targets" in data:
            data["targets"] = _units(data["targets"])
        if not data:
            raise DomainError("Không có nội dung nào để sửa.")
        services.movement_update(actor=request.user, movement=movement, **data)
        return Response(_detail(movement, request.user))


class RemindView(APIView):
    @extend_schema(request=None, responses={200: RemindOut, 400: ERROR}, tags=["movements"],
                   summary="Nhắc các đơn vị chưa đăng ký thi đua (mỗi ngày một lần)")
    def post(self, request, pk: int):
        movement = movement_for(request, pk)
        require(request, "movements.manage_movement", movement)
        sent = services.movement_remind(actor=request.user, movement=movement)
        return Response(RemindOut({"reminded": [r.unit for r in sent]}).data)


def _save(request, registration, data) -> Registration:
    people = {p.pk: p for p in Person.objects.filter(pk__in=[t["person"] for t in data.get("titles", []) if t["person"]])}
    titles = None
    if "titles" in data:
        titles = []
        for t in data["titles"]:
            if t["person"] and t["person"] not in people:
                raise DomainError(f"Không có cá nhân mã {t['person']}.")
            titles.append((t["award"], people.get(t["person"])))
    targets = {t["criterion"]: t["target"] for t in data["targets"]} if "targets" in data else None
    services.registration_save(actor=request.user, registration=registration, targets=targets, titles=titles, note=data.get("note"))
    if data.get("submit"):
        services.registration_submit(actor=request.user, registration=registration)
    registration.refresh_from_db()
    return registration


class MovementRegistrationsView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(responses=RegistrationOut(many=True), tags=["movements"],
                   summary="Đăng ký thi đua của phong trào (của đơn vị bạn, hoặc mọi đơn vị nếu bạn là cấp phát động)")
    def get(self, request, pk: int):
        movement = movement_for(request, pk)
        qs = selectors.registrations_visible_to(request.user).filter(movement=movement).prefetch_related("targets", "titles")
        return Response(RegistrationOut(qs[:MAX_LIST], many=True).data)

    @extend_schema(request=RegistrationIn, responses={201: RegistrationOut, 400: ERROR}, tags=["movements"],
                   summary="Đăng ký thi đua của một đơn vị tham gia (chỉ tiêu theo tiêu chí, danh hiệu), gửi ngay nếu submit")
    def post(self, request, pk: int):
        movement = movement_for(request, pk)
        data = _valid(RegistrationIn, request)
        if not data.get("unit"):
            raise DomainError("Hãy ghi mã đơn vị đăng ký (unit).")
        unit = _units([data["unit"]])[0]
        registration = services.registration_start(actor=request.user, movement=movement, unit=unit)
        return Response(RegistrationOut(_save(request, registration, data)).data, status=status.HTTP_201_CREATED)


class RegistrationDetailView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(responses=RegistrationOut, tags=["movements"], summary="Một đăng ký thi đua")
    def get(self, request, pk: int):
        return Response(RegistrationOut(registration_for(request, pk)).data)

    @extend_schema(request=RegistrationIn, responses={200: RegistrationOut, 400: ERROR}, tags=["movements"],
                   summary="Sửa đăng ký thi đua (đang soạn hoặc bị trả lại), gửi ngay nếu submit")
    def patch(self, request, pk: int):
        registration = registration_for(request, pk)
        require(request, "movements.register", registration)
        data = _valid(RegistrationIn, request)
        return Response(RegistrationOut(_save(request, registration, data)).data)


class RegistrationActionView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=ActionIn, responses={200: RegistrationOut, 400: ERROR}, tags=["movements"],
                   summary="Gửi đăng ký (đơn vị), duyệt hoặc trả lại kèm lý do (cấp phát động)")
    def post(self, request, pk: int):
        registration = registration_for(request, pk)
        data = _valid(ActionIn, request)
        services.registration_act(actor=request.user, registration=registration, action=data["action"], reason=data["reason"])
        registration.refresh_from_db()
        return Response(RegistrationOut(registration).data)


