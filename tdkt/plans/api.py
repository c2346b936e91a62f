"""API of the year's TĐKT plans (the same services as the screens), under /api/v1/:

- GET   plans                               the plans in scope (?year=2025)
- POST  plans                               {"issuer": unit code, "year", "source": "blank" | "last_year" | "higher"} (201)
- GET   plans/{id}                          one plan: header, numbered sections, key tasks, council programme
- PATCH plans/{id}                          change a draft's header (title, symbol, place, period, grounds, preamble, closing,
                                            receivers, signer)
- POST  plans/{id}/sections                 {"title", "body", "parent"} → a section at the end of its parent (201)
- GET   plans/{id}/key-tasks                the key tasks (Phụ lục I) with their computed status ("late")
- POST  plans/{id}/key-tasks                {"title", "lead_unit" (code) | "lead_name", "coordinating", "starts_on", "due_on", "period"} (201)
- POST  plans/{id}/key-tasks/{task}/progress {"status", "note"} → the lead unit's progress note
- GET   plans/{id}/council-items            the council's programme (Phụ lục II)
- POST  plans/{id}/council-items            {"month", "kind", "title", "in_charge"} (201)
- GET   plans/{id}/check                    the consistency check's findings (code, severity, message)
Another level's plan is a 404, a reader who may not act a 403, bad input a 400 {"error": "…"} in Vietnamese."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from tdkt.core.errors import DomainError
from tdkt.org.models import Unit
from tdkt.org.views import require

from . import check, selectors, services
from .models import CouncilItemKind, KeyTask, Plan, PlanSection, TaskStatus
from .views import plan_for

_MESSAGES = {"required": "thiếu", "blank": "không được để trống", "invalid": "không hợp lệ", "null": "không được để trống",
             "empty": "không được để trống", "max_length": "quá dài", "not_a_list": "phải là một danh sách",
             "invalid_choice": "không hợp lệ", "min_value": "quá nhỏ", "max_value": "quá lớn"}


def _valid(serializer_class, data, *, partial: bool = False) -> dict:
    if not isinstance(data, dict):
        raise DomainError("Dữ liệu gửi lên phải là một đối tượng JSON.", code="invalid")
    s = serializer_class(data=data, partial=partial)
    if not s.is_valid():
        parts = []
        for field, errors in s.errors.items():
            code = getattr(errors[0], "code", "invalid") if isinstance(errors, list) and errors else "invalid"
            parts.append(f"{field}: {_MESSAGES.get(code, 'không hợp lệ')}")
        raise DomainError("Dữ liệu không hợp lệ: " + "; ".join(parts) + ".", code="invalid")
    unknown = set(data) - set(s.fields)
    if unknown:
        raise DomainError(f"Trường không được hỗ trợ: {', '.join(sorted(unknown))}.", code="invalid")
    return s.validated_data


def _unit(code: str) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise DomainError(f"Không có đơn vị mã “{code}”.", code="invalid")
    return unit


class SectionOut(serializers.Serializer):
    id = serializers.IntegerField(source="section.pk")
    parent = serializers.IntegerField(source="section.parent_id", allow_null=True)
    label = serializers.CharField(help_text="Số thứ tự sinh từ thứ tự các mục (I., 1., 1.1., a))")
    depth = serializers.IntegerField()
    title = serializers.CharField(source="section.title")
    body = serializers.CharField(source="section.body")


class KeyTaskOut(serializers.Serializer):
    id = serializers.IntegerField()
    position = serializers.IntegerField()
    title = serializers.CharField()
    lead_unit = serializers.CharField(source="lead_unit.code", allow_null=True, default=None)
    lead = serializers.CharField(source="lead_label")
    coordinating = serializers.CharField()
    starts_on = serializers.DateField(allow_null=True)
    due_on = serializers.DateField(allow_null=True)
    period = serializers.CharField()
    status = serializers.SerializerMethodField(help_text="not_started, in_progress, done hoặc late (quá hạn mà chưa hoàn thành)")
    done_on = serializers.DateField(allow_null=True)

    def get_status(self, task) -> str:
        return task.display_status(timezone.localdate())


class CouncilItemOut(serializers.Serializer):
    id = serializers.IntegerField()
    month = serializers.IntegerField()
    kind = serializers.CharField()
    title = serializers.CharField()
    in_charge = serializers.CharField()
    session = serializers.IntegerField(source="session_id", allow_null=True)
    round = serializers.IntegerField(source="round_id", allow_null=True)


class PlanOut(serializers.Serializer):
    id = serializers.IntegerField()
    issuer = serializers.CharField(source="issuer.code")
    issuer_name = serializers.CharField(source="issuer.name")
    year = serializers.IntegerField()
    status = serializers.CharField()
    title = serializers.CharField()
    symbol = serializers.CharField()
    number = serializers.IntegerField(allow_null=True)
    number_text = serializers.CharField()
    issued_on = serializers.DateField(allow_null=True)
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    implements = serializers.IntegerField(source="implements_id", allow_null=True)


class PlanDetailOut(PlanOut):
    place = serializers.CharField()
    grounds = serializers.ListField(child=serializers.CharField())
    preamble = serializers.CharField()
    closing = serializers.CharField()
    receivers = serializers.ListField(child=serializers.CharField())
    signer_authority = serializers.CharField()
    signer_title = serializers.CharField()
    signer_name = serializers.CharField()
    sections = serializers.SerializerMethodField()
    key_tasks = serializers.SerializerMethodField()
    council_items = serializers.SerializerMethodField()

    def get_sections(self, plan) -> list[dict]:
        return SectionOut(selectors.outline_of(plan), many=True).data

    def get_key_tasks(self, plan) -> list[dict]:
        return KeyTaskOut(selectors.tasks_of(plan), many=True).data

    def get_council_items(self, plan) -> list[dict]:
        return CouncilItemOut(selectors.council_items_of(plan), many=True).data


class FindingOut(serializers.Serializer):
    code = serializers.CharField()
    severity = serializers.ChoiceField(choices=[check.REFUSE, check.WARN])
    message = serializers.CharField()


class CreateIn(serializers.Serializer):
    issuer = serializers.CharField(help_text="Mã đơn vị ban hành (ví dụ phuong_dong_da)")
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    source = serializers.ChoiceField(choices=["blank", "last_year", "higher"], default="blank")


class UpdateIn(serializers.Serializer):
    title = serializers.CharField(required=False, allow_blank=True, max_length=500)
    symbol = serializers.CharField(required=False, allow_blank=True, max_length=40)
    place = serializers.CharField(required=False, allow_blank=True, max_length=120)
    period_start = serializers.DateField(required=False)
    period_end = serializers.DateField(required=False)
    grounds = serializers.ListField(child=serializers.CharField(allow_blank=True, max_length=2000), required=False)
    preamble = serializers.CharField(required=False, allow_blank=True, max_length=20000)
    closing = serializers.CharField(required=False, allow_blank=True, max_length=20000)
    receivers = serializers.ListField(child=serializers.CharField(allow_blank=True, max_length=2000), required=False)
    signer_authority = serializers.CharField(required=False, allow_blank=True, max_length=120)
    signer_title = serializers.CharField(required=False, allow_blank=True, max_length=120)
    signer_name = serializers.CharField(required=False, allow_blank=True, max_length=120)


class SectionIn(serializers.Serializer):
    title = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")
    body = serializers.CharField(required=False, allow_blank=True, max_length=20000, default="")
    parent = serializers.IntegerField(required=False, allow_null=True, default=None)


class KeyTaskIn(serializers.Serializer):
    title = serializers.CharField(max_length=1000)
    lead_unit = serializers.CharField(required=False, allow_blank=True, default="", help_text="Mã đơn vị chủ trì")
    lead_name = serializers.CharField(required=False, allow_blank=True, max_length=255, default="")
    coordinating = serializers.CharField(required=False, allow_blank=True, max_length=1000, default="")
    starts_on = serializers.DateField(required=False, allow_null=True, default=None)
    due_on = serializers.DateField(required=False, allow_null=True, default=None)
    period = serializers.CharField(required=False, allow_blank=True, max_length=120, default="")


class ProgressIn(serializers.Serializer):
    status = serializers.ChoiceField(choices=TaskStatus.values)
    note = serializers.CharField(max_length=4000)


class CouncilItemIn(serializers.Serializer):
    month = serializers.IntegerField(min_value=1, max_value=12)
    kind = serializers.ChoiceField(choices=CouncilItemKind.values, default=CouncilItemKind.MEETING)
    title = serializers.CharField(max_length=1000)
    in_charge = serializers.CharField(max_length=500)


def _detail(plan, code=status.HTTP_200_OK) -> Response:
    plan = Plan.objects.select_related("issuer", "implements").get(pk=plan.pk)
    return Response(PlanDetailOut(plan).data, status=code)


class PlanListView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(responses={200: PlanOut(many=True)}, tags=["plans"], summary="Các kế hoạch TĐKT trong phạm vi",
                   parameters=[OpenApiParameter("year", int)])
    def get(self, request):
        require(request, "plans.view_plans")
        qs = selectors.plans_visible_to(request.user)
        value = request.query_params.get("year")
        if value:
            if not value.isdigit():
                raise DomainError("Năm phải là một số.", code="invalid")
            qs = qs.filter(year=int(value))
        return Response(PlanOut(qs.order_by("-year", "issuer__path")[:500], many=True).data)

    @extend_schema(request=CreateIn, responses={201: PlanDetailOut}, tags=["plans"],
                   summary="Lập kế hoạch (trống, sao chép từ năm trước hoặc từ kế hoạch cấp trên)")
    def post(self, request):
        require(request, "plans.create_plan")
        data = _valid(CreateIn, request.data)
        issuer = _unit(data["issuer"])
        year = data["year"]
        if data["source"] == "last_year":
            earlier = selectors.plan_of(issuer, year - 1)
            if earlier is None:
                raise DomainError(f"{issuer.name} chưa có kế hoạch năm {year - 1} để sao chép.", code="invalid")
            plan = services.plan_copy(actor=request.user, source=earlier, issuer=issuer, year=year)
        elif data["source"] == "higher":
            higher = selectors.higher_plan(issuer, year)
            if higher is None:
                raise DomainError(f"Cấp trên của {issuer.name} chưa có kế hoạch năm {year} trong hệ thống.", code="invalid")
            plan = services.plan_copy(actor=request.user, source=higher, issuer=issuer, year=year, cascade=True)
        else:
            plan = services.plan_create(actor=request.user, issuer=issuer, year=year, implements=selectors.higher_plan(issuer, year))
        return _detail(plan, status.HTTP_201_CREATED)


class PlanDetailView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(responses={200: PlanDetailOut}, tags=["plans"], summary="Một kế hoạch: các mục, nhiệm vụ trọng tâm, chương trình của Hội đồng")
    def get(self, request, pk: int):
        return Response(PlanDetailOut(plan_for(request, pk)).data)

    @extend_schema(request=UpdateIn, responses={200: PlanDetailOut}, tags=["plans"], summary="Sửa phần đầu của dự thảo kế hoạch")
    def patch(self, request, pk: int):
        plan = plan_for(request, pk)
        require(request, "plans.edit", plan)
        data = _valid(UpdateIn, request.data, partial=True)
        services.plan_update(actor=request.user, plan=plan, **data)
        return _detail(plan)


class SectionsView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=SectionIn, responses={201: SectionOut(many=True)}, tags=["plans"], summary="Thêm một mục vào cuối mục cha")
    def post(self, request, pk: int):
        plan = plan_for(request, pk)
        require(request, "plans.edit", plan)
        data = _valid(SectionIn, request.data)
        parent = None
        if data["parent"] is not None:
            parent = PlanSection.objects.filter(plan=plan, pk=data["parent"]).first()
            if parent is None:
                raise DomainError("Mục cha không thuộc kế hoạch này.", code="invalid")
        services.section_add(actor=request.user, plan=plan, title=data["title"], body=data["body"], parent=parent)
        return Response(SectionOut(selectors.outline_of(plan), many=True).data, status=status.HTTP_201_CREATED)


class KeyTasksView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(responses={200: KeyTaskOut(many=True)}, tags=["plans"], summary="Các nhiệm vụ trọng tâm (Phụ lục I)")
    def get(self, request, pk: int):
        return Response(KeyTaskOut(selectors.tasks_of(plan_for(request, pk)), many=True).data)

    @extend_schema(request=KeyTaskIn, responses={201: KeyTaskOut}, tags=["plans"], summary="Thêm nhiệm vụ trọng tâm")
    def post(self, request, pk: int):
        plan = plan_for(request, pk)
        require(request, "plans.edit", plan)
        data = _valid(KeyTaskIn, request.data)
        lead = _unit(data.pop("lead_unit")) if data.get("lead_unit") else None
        data.pop("lead_unit", None)
        task = services.key_task_add(actor=request.user, plan=plan, lead_unit=lead, **data)
        return Response(KeyTaskOut(task).data, status=status.HTTP_201_CREATED)


class ProgressView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=ProgressIn, responses={200: KeyTaskOut}, tags=["plans"],
                   summary="Cập nhật tiến độ nhiệm vụ (cán bộ của đơn vị chủ trì)")
    def post(self, request, pk: int, task: int):
        plan = plan_for(request, pk)
        row = get_object_or_404(KeyTask.objects.select_related("lead_unit", "plan", "plan__issuer"), plan=plan, pk=task)
        require(request, "plans.update_task", row)
        data = _valid(ProgressIn, request.data)
        services.key_task_progress(actor=request.user, task=row, status=data["status"], note=data["note"])
        return Response(KeyTaskOut(row).data)


class CouncilItemsView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(responses={200: CouncilItemOut(many=True)}, tags=["plans"], summary="Chương trình công tác của Hội đồng (Phụ lục II)")
    def get(self, request, pk: int):
        return Response(CouncilItemOut(selectors.council_items_of(plan_for(request, pk)), many=True).data)

    @extend_schema(request=CouncilItemIn, responses={201: CouncilItemOut}, tags=["plans"], summary="Thêm công việc của Hội đồng")
    def post(self, request, pk: int):
        plan = plan_for(request, pk)
        require(request, "plans.edit", plan)
        data = _valid(CouncilItemIn, request.data)
        item = services.council_item_add(actor=request.user, plan=plan, **data)
        return Response(CouncilItemOut(item).data, status=status.HTTP_201_CREATED)


class CheckView(APIView):
    @extend_schema(responses={200: FindingOut(many=True)}, tags=["plans"], summary="Kiểm tra văn bản kế hoạch trước khi tạo")
    def get(self, request, pk: int):
        return Response(FindingOut([f.as_dict() for f in check.check_plan(plan_for(request, pk))], many=True).data)
