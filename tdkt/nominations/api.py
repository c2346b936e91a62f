"""API of the nominations app (the same services and forms as the screens): rounds, dossiers, nominees and the
dossier's transitions under /api/v1/. Another scope's dossier is a 404, a reader who may not act a 403; the
services check and audit again."""

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
from tdkt.org.models import Household, Person, Unit
from tdkt.org.views import require

from . import selectors, services
from .access import dossier_for
from .returns import return_panel
from .workflow import DOSSIER

MAX_LIST = 200


class RoundOut(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    year = serializers.IntegerField()
    kind = serializers.CharField()
    awards = serializers.ListField(child=serializers.CharField())
    intake_from = serializers.DateField()
    intake_to = serializers.DateField()
    status = serializers.CharField()
    office_unit = serializers.SerializerMethodField()
    invited = serializers.SerializerMethodField(help_text="Mã các đơn vị được đề nghị (rỗng: mọi đơn vị của cấp)")

    def get_office_unit(self, r) -> dict:
        return {"id": r.office_unit_id, "code": r.office_unit.code, "name": r.office_unit.name}

    def get_invited(self, r) -> list[str]:
        return sorted(u.code for u in r.invited.all())


class RoundIn(serializers.Serializer):
    office_unit = serializers.CharField(help_text="Mã đơn vị có cơ quan thường trực tổ chức xét")
    year = serializers.IntegerField()
    kind = serializers.CharField(help_text="ANNUAL, THEMATIC, ADHOC, MERIT, SENIORITY, FOREIGN, RESISTANCE")
    title = serializers.CharField(max_length=255)
    awards = serializers.ListField(child=serializers.CharField())
    intake_from = serializers.DateField()
    intake_to = serializers.DateField()
    invited = serializers.ListField(child=serializers.CharField(), required=False, help_text="Mã các đơn vị được đề nghị")


def _valid(serializer_class, data) -> dict:
    if not isinstance(data, dict):
        raise DomainError("Dữ liệu gửi lên phải là một đối tượng JSON.")
    s = serializer_class(data=data)
    if not s.is_valid():
        details = {k: [str(e) for e in v] for k, v in s.errors.items()}
        raise DomainError("Dữ liệu không hợp lệ: " + "; ".join(f"{k}: {v[0]}" for k, v in details.items()), code="invalid",
                          details=details)
    return s.validated_data


def _unit(code: str) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise DomainError(f"Không có đơn vị mã “{code}”.", code="invalid")
    return unit


class NomineeOut(serializers.Serializer):
    id = serializers.IntegerField()
    subject_kind = serializers.ChoiceField(choices=vocab.SubjectKind.choices,
                                           help_text="individual, collective, village, commune hoặc household")
    person = serializers.IntegerField(allow_null=True, help_text="Mã số cá nhân (nếu là cá nhân)")
    unit = serializers.IntegerField(allow_null=True, help_text="Mã số tập thể (nếu là tập thể)")
    household = serializers.IntegerField(allow_null=True, help_text="Mã số hộ gia đình (nếu là hộ gia đình)")
    name = serializers.CharField()
    award = serializers.CharField()
    verdict = serializers.CharField(allow_blank=True)
    regime = serializers.CharField(allow_blank=True)
    evaluated_at = serializers.DateTimeField(allow_null=True, help_text="Lần xét điều kiện gần nhất")
    summary = serializers.CharField(allow_blank=True)
    justification = serializers.CharField(allow_blank=True)
    withdrawn = serializers.BooleanField()
    checks = serializers.ListField(child=serializers.DictField())


def _nominee_out(n) -> dict:
    return {"id": n.pk, "subject_kind": n.subject_kind, "person": n.person_id, "unit": n.unit_id, "household": n.household_id,
            "name": n.name, "award": n.award_code, "verdict": n.verdict, "regime": n.regime, "evaluated_at": n.evaluated_at,
            "summary": n.summary, "justification": n.justification, "withdrawn": n.withdrawn, "checks": n.checks}


def _dossier_out(d, *, nominees: bool = False, returned: bool = False) -> dict:
    out = {"id": d.pk, "round": d.round_id, "unit": {"id": d.unit_id, "code": d.unit.code, "name": d.unit.name}, "title": d.title,
           "status": d.status, "status_label": d.get_status_display(), "tracking_code": d.tracking_code,
           "submitted_on": d.submitted_on, "received_on": d.received_on}
    if nominees:
        out["nominees"] = [_nominee_out(n) for n in selectors.nominees_of(d)]
    if nominees or returned:
        panel = return_panel(d, selectors.dossier_history(d))
        out["return_items"] = [{"component": i.component, "nominee": i.nominee_id, "label": i.label, "text": i.text,
                                "done": i.done} for i in panel["items"]] if panel else []
    return out


class RoundsView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(responses=RoundOut(many=True), summary="Các đợt xét khen thưởng trong phạm vi", tags=["nominations"])
    def get(self, request):
        require(request, "nominations.view_dossiers")
        rounds = (selectors.rounds_visible_to(request.user).select_related("office_unit").prefetch_related("invited")
                  .order_by("-year", "-intake_to", "id")[:MAX_LIST])
        return Response(RoundOut(rounds, many=True).data)

    @extend_schema(request=RoundIn, responses={201: RoundOut}, summary="Mở đợt xét khen thưởng (cơ quan thường trực)",
                   tags=["nominations"])
    def post(self, request):
        require(request, "nominations.open_round")
        d = _valid(RoundIn, request.data)
        round_ = services.round_open(actor=request.user, office_unit=_unit(d["office_unit"]), year=d["year"], kind=d["kind"],
                                     title=d["title"], awards=d["awards"], intake_from=d["intake_from"], intake_to=d["intake_to"],
                                     invited=[_unit(c) for c in d.get("invited", [])])
        return Response(RoundOut(round_).data, status=status.HTTP_201_CREATED)


class InvitedIn(serializers.Serializer):
    invited = serializers.ListField(child=serializers.CharField(), allow_empty=True,
                                    help_text="Mã các đơn vị được đề nghị; danh sách rỗng: mọi đơn vị của cấp")


class RoundInvitedView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=InvitedIn, responses=RoundOut, summary="Sửa các đơn vị được đề nghị của đợt xét đang mở",
                   tags=["nominations"])
    def put(self, request, pk: int):
        require(request, "nominations.view_dossiers")
        round_ = get_object_or_404(selectors.rounds_visible_to(request.user).select_related("office_unit"), pk=pk)
        require(request, "nominations.open_round", round_.office_unit)
        d = _valid(InvitedIn, request.data)
        round_ = services.round_invite(actor=request.user, round_=round_, invited=[_unit(c) for c in d["invited"]])
        return Response(RoundOut(round_).data)


class DossierIn(serializers.Serializer):
    round = serializers.IntegerField()
    unit = serializers.CharField(help_text="Mã đơn vị đề nghị")
    title = serializers.CharField(max_length=255, required=False, allow_blank=True)


class DossiersView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(responses=OpenApiTypes.OBJECT, summary="Hồ sơ đề nghị khen thưởng trong phạm vi (mới nhất trước)", tags=["nominations"])
    def get(self, request):
        require(request, "nominations.view_dossiers")
        dossiers = selectors.dossiers_visible_to(request.user).order_by("-updated_at", "-id")
        status_ = request.query_params.get("status")
        if status_:
            dossiers = dossiers.filter(status=status_)
        return Response([_dossier_out(d) for d in dossiers[:MAX_LIST]])

    @extend_schema(request=DossierIn, responses={201: OpenApiTypes.OBJECT}, summary="Lập hồ sơ trong một đợt xét", tags=["nominations"])
    def post(self, request):
        require(request, "nominations.view_dossiers")
        d = _valid(DossierIn, request.data)
        round_ = get_object_or_404(selectors.rounds_visible_to(request.user), pk=d["round"])
        dossier = services.dossier_create(actor=request.user, round_=round_, unit=_unit(d["unit"]), title=d.get("title", ""))
        return Response(_dossier_out(dossier, nominees=True), status=status.HTTP_201_CREATED)


class DossierView(APIView):
    @extend_schema(responses=OpenApiTypes.OBJECT, summary="Một hồ sơ với người, tập thể được đề nghị và các tiêu chí", tags=["nominations"])
    def get(self, request, pk: int):
        return Response(_dossier_out(dossier_for(request, pk), nominees=True))


class NomineeIn(serializers.Serializer):
    person = serializers.IntegerField(required=False, help_text="Mã số cá nhân (hoặc unit, household)")
    unit = serializers.IntegerField(required=False, help_text="Mã số tập thể (hoặc person, household)")
    household = serializers.IntegerField(required=False, help_text="Mã số hộ gia đình của thôn, tổ dân phố thuộc đơn vị đề nghị "
                                                                   "(hoặc person, unit)")
    award = serializers.CharField()
    summary = serializers.CharField(required=False, allow_blank=True, max_length=4000)
    justification = serializers.CharField(required=False, allow_blank=True, max_length=4000)


class NomineesView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=NomineeIn, responses={201: NomineeOut}, summary="Thêm người, tập thể, hộ gia đình vào hồ sơ (xét điều kiện ngay)",
                   tags=["nominations"])
    def post(self, request, pk: int):
        dossier = dossier_for(request, pk)
        require(request, "nominations.edit_dossier", dossier)
        d = _valid(NomineeIn, request.data)
        person = get_object_or_404(Person.objects.filter(unit__path__startswith=dossier.unit.path), pk=d["person"]) if d.get("person") else None
        unit = get_object_or_404(Unit.objects.filter(path__startswith=dossier.unit.path), pk=d["unit"]) if d.get("unit") else None
        household = (get_object_or_404(Household.objects.filter(village__path__startswith=dossier.unit.path), pk=d["household"])
                     if d.get("household") else None)
        nominee = services.nominee_add(actor=request.user, dossier=dossier, person=person, unit=unit, household=household,
                                       award_code=d["award"], summary=d.get("summary", ""), justification=d.get("justification", ""))
        return Response(NomineeOut(_nominee_out(nominee)).data, status=status.HTTP_201_CREATED)


class ReturnItemIn(serializers.Serializer):
    component = serializers.CharField(required=False, allow_blank=True, help_text="Mã thành phần hồ sơ của đợt xét (hoặc nominee)")
    nominee = serializers.IntegerField(required=False, allow_null=True, help_text="Mã số người, tập thể trong hồ sơ (hoặc component)")
    text = serializers.CharField(max_length=1000, help_text="Nội dung cần bổ sung")


class TransitionIn(serializers.Serializer):
    action = serializers.ChoiceField(choices=sorted({e.action for e in DOSSIER.edges if e.action != "create"}))
    reason = serializers.CharField(required=False, allow_blank=True, max_length=4000)
    items = ReturnItemIn(many=True, required=False, help_text="Chỉ khi return_for_supplement: các nội dung cần bổ sung, "
                         "mỗi mục nêu một thành phần hồ sơ hoặc một người, tập thể")
    working_days = serializers.IntegerField(required=False, min_value=1, help_text="Chỉ khi open_consultation: số ngày làm "
                                            "việc lấy ý kiến công khai (mặc định theo danh mục)")


class TransitionsView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=TransitionIn, responses=OpenApiTypes.OBJECT, tags=["nominations"],
                   summary="Chuyển hồ sơ theo quy trình (gửi, tiếp nhận, trả lại, thẩm định, trình Hội đồng…)")
    def post(self, request, pk: int):
        dossier = dossier_for(request, pk)
        d = _valid(TransitionIn, request.data)
        edge = DOSSIER.edge(dossier.status, d["action"])
        if edge is not None:  # the view repeats the gate so that a refusal is a 403 (the service checks again)
            require(request, edge.permission, dossier)
        services.dossier_act(actor=request.user, dossier=dossier, action=d["action"], reason=d.get("reason", ""),
                             items=[dict(i) for i in d.get("items", [])], working_days=d.get("working_days"))
        return Response(_dossier_out(dossier, returned=True))
