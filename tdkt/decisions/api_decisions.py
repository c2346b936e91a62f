"""API of the decisions (the same services as the screens), under /api/v1/:

- GET   decisions                              the decisions in scope (?status=draft|submitted|issued, ?year=2025)
- GET   decisions/{id}                         one decision with its lines (money, the ledger's award once issued)
- PATCH decisions/{id}                         change a draft: title, decided_on, grounds, signer_title, signer_name
- POST  council/sessions/{id}/decision         {"decided_on"} → the draft decision of a closed session (201)
- POST  decisions/{id}/lines/{line}/remove     {"reason"} → take a recipient off a draft
- POST  decisions/{id}/submit                  submit to the signer
- POST  decisions/{id}/return                  {"reason"} → back to the office (the signer)
- POST  decisions/{id}/sign                    {"confirm": true} → number, awards into the ledger (the signer)
- POST  decisions/{id}/cancellation            {"reason", "decided_on"} → the draft cancelling an issued decision (201)
- POST  decisions/{id}/revocation              {"lines": [id…], "reason", "decided_on"} → the draft revoking awards (Điều 93, 201)
- POST  decisions/{id}/amendment               {"reason", "decided_on"} → the draft amending an issued decision (201)
- POST  decisions/{id}/lines                   {"award_code", "year", "replaces" (a line of the amended decision) or
                                               "person" | "unit" | "household", "achievement"} → a line of an amendment (201)
Another level's decision is a 404, a reader who may not act a 403, bad input a 400 {"error": "…"} in Vietnamese."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from tdkt.core.errors import DomainError
from tdkt.council.views import session_for
from tdkt.org.models import Household, Person, Unit
from tdkt.org.views import require

from . import amendments, selectors, services
from .models import Decision, DecisionKind, DecisionLine, DecisionStatus
from .views_decisions import decision_for


class LineOut(serializers.Serializer):
    id = serializers.IntegerField()
    position = serializers.IntegerField()
    name = serializers.CharField()
    description = serializers.CharField()
    award_code = serializers.CharField()
    year = serializers.IntegerField()
    person = serializers.IntegerField(source="person_id", allow_null=True)
    unit = serializers.IntegerField(source="unit_id", allow_null=True)
    household = serializers.IntegerField(source="household_id", allow_null=True)
    coefficient = serializers.DecimalField(max_digits=6, decimal_places=2)
    multiplier = serializers.DecimalField(max_digits=4, decimal_places=2)
    base_salary = serializers.IntegerField()
    amount = serializers.IntegerField(help_text="Tiền thưởng (đồng)")
    money_note = serializers.CharField()
    award_record = serializers.IntegerField(source="award_record_id", allow_null=True, help_text="Khen thưởng trong hồ sơ thành tích")
    revoked_award = serializers.IntegerField(source="revoked_award_id", allow_null=True)
    recover_amount = serializers.IntegerField(help_text="Tiền thưởng phải thu hồi (đồng)")


class DecisionOut(serializers.Serializer):
    id = serializers.IntegerField()
    issuer = serializers.CharField(source="issuer.code")
    issuer_name = serializers.CharField(source="issuer.name")
    kind = serializers.CharField()
    status = serializers.CharField()
    session = serializers.IntegerField(source="session_id", allow_null=True)
    amends = serializers.IntegerField(source="amends_id", allow_null=True)
    title = serializers.CharField()
    decided_on = serializers.DateField()
    number = serializers.IntegerField(allow_null=True)
    number_text = serializers.CharField()
    grounds = serializers.ListField(child=serializers.CharField())
    reason = serializers.CharField()
    signer_title = serializers.CharField()
    signer_name = serializers.CharField()
    total_amount = serializers.IntegerField()
    signed_at = serializers.DateTimeField(allow_null=True)


class DecisionDetailOut(DecisionOut):
    lines = serializers.SerializerMethodField()

    def get_lines(self, d) -> list[dict]:
        return LineOut(selectors.lines_of(d), many=True).data


class DraftIn(serializers.Serializer):
    decided_on = serializers.DateField(help_text="Ngày quyết định (không trước ngày họp)")


class UpdateIn(serializers.Serializer):
    title = serializers.CharField(required=False, allow_blank=True, max_length=500)
    decided_on = serializers.DateField(required=False)
    grounds = serializers.ListField(child=serializers.CharField(allow_blank=True, max_length=2000), required=False)
    signer_title = serializers.CharField(required=False, allow_blank=True, max_length=120)
    signer_name = serializers.CharField(required=False, allow_blank=True, max_length=120)


class ReasonIn(serializers.Serializer):
    reason = serializers.CharField(max_length=4000)


class SignIn(serializers.Serializer):
    confirm = serializers.BooleanField(help_text="true: xác nhận ký ban hành (lấy số, ghi khen thưởng vào hồ sơ thành tích)")


class CorrectionIn(serializers.Serializer):
    reason = serializers.CharField(max_length=4000)
    decided_on = serializers.DateField()


class RevocationIn(CorrectionIn):
    lines = serializers.ListField(child=serializers.IntegerField(), allow_empty=False, help_text="Mã số các dòng của quyết định")


class AmendmentLineIn(serializers.Serializer):
    award_code = serializers.CharField(max_length=40, help_text="Mã danh hiệu, hình thức (đúng)")
    year = serializers.IntegerField(help_text="Năm thành tích (đúng)")
    replaces = serializers.IntegerField(required=False, help_text="Sửa đổi: mã số dòng của quyết định bị sửa đổi")
    person = serializers.IntegerField(required=False, help_text="Bổ sung (hoặc đổi người của dòng sửa đổi): mã số cá nhân")
    unit = serializers.IntegerField(required=False, help_text="… hoặc mã số tập thể")
    household = serializers.IntegerField(required=False, help_text="… hoặc mã số hộ gia đình")
    achievement = serializers.CharField(required=False, allow_blank=True, max_length=4000)


_MESSAGES = {"required": "thiếu", "blank": "không được để trống", "invalid": "không hợp lệ", "null": "không được để trống",
             "empty": "không được để trống", "max_length": "quá dài", "not_a_list": "phải là một danh sách"}


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


def _detail(decision, code=status.HTTP_200_OK) -> Response:
    decision = Decision.objects.select_related("issuer").get(pk=decision.pk)
    return Response(DecisionDetailOut(decision).data, status=code)


class DecisionListView(APIView):
    @extend_schema(responses={200: DecisionOut(many=True)}, tags=["decisions"], summary="Các quyết định trong phạm vi",
                   parameters=[OpenApiParameter("status", str, enum=DecisionStatus.values), OpenApiParameter("year", int),
                               OpenApiParameter("kind", str, enum=DecisionKind.values)])
    def get(self, request):
        require(request, "decisions.view_decisions")
        qs = selectors.decisions_visible_to(request.user)
        value = request.query_params.get("status")
        if value:
            if value not in DecisionStatus.values:
                raise DomainError(f"Trạng thái “{value}” không hợp lệ (draft, submitted, issued).", code="invalid")
            qs = qs.filter(status=value)
        value = request.query_params.get("kind")
        if value:
            if value not in DecisionKind.values:
                raise DomainError(f"Loại quyết định “{value}” không hợp lệ.", code="invalid")
            qs = qs.filter(kind=value)
        value = request.query_params.get("year")
        if value:
            if not value.isdigit():
                raise DomainError("Năm phải là một số.", code="invalid")
            qs = qs.filter(decided_on__year=int(value))
        return Response(DecisionOut(qs.order_by("-decided_on", "-id")[:500], many=True).data)


class DecisionDetailView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(responses={200: DecisionDetailOut}, tags=["decisions"], summary="Một quyết định và danh sách kèm theo")
    def get(self, request, pk: int):
        return Response(DecisionDetailOut(decision_for(request, pk)).data)

    @extend_schema(request=UpdateIn, responses={200: DecisionDetailOut}, tags=["decisions"], summary="Sửa dự thảo quyết định")
    def patch(self, request, pk: int):
        decision = decision_for(request, pk)
        require(request, "decisions.draft", decision)
        data = _valid(UpdateIn, request.data, partial=True)
        services.decision_update(actor=request.user, decision=decision, **data)
        return _detail(decision)


class SessionDecisionView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=DraftIn, responses={201: DecisionDetailOut}, tags=["decisions"],
                   summary="Dự thảo quyết định khen thưởng từ kết quả phiên họp đã kết thúc")
    def post(self, request, pk: int):
        session = session_for(request, pk)
        require(request, "decisions.draft", session.council.unit)
        data = _valid(DraftIn, request.data)
        decision = services.decision_draft(actor=request.user, session=session, decided_on=data["decided_on"])
        return _detail(decision, status.HTTP_201_CREATED)


class LineRemoveView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=ReasonIn, responses={200: DecisionDetailOut}, tags=["decisions"],
                   summary="Đưa một người, tập thể ra khỏi dự thảo (kèm lý do)")
    def post(self, request, pk: int, line: int):
        decision = decision_for(request, pk)
        require(request, "decisions.draft", decision)
        row = get_object_or_404(DecisionLine, decision=decision, pk=line)
        data = _valid(ReasonIn, request.data)
        services.line_remove(actor=request.user, line=row, reason=data["reason"])
        return _detail(decision)


class SubmitView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=None, responses={200: DecisionDetailOut}, tags=["decisions"], summary="Trình ký")
    def post(self, request, pk: int):
        decision = decision_for(request, pk)
        require(request, "decisions.draft", decision)
        services.decision_submit(actor=request.user, decision=decision)
        return _detail(decision)


class ReturnView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=ReasonIn, responses={200: DecisionDetailOut}, tags=["decisions"], summary="Trả lại dự thảo (người ký)")
    def post(self, request, pk: int):
        decision = decision_for(request, pk)
        require(request, "decisions.sign", decision)
        data = _valid(ReasonIn, request.data)
        services.decision_return(actor=request.user, decision=decision, reason=data["reason"])
        return _detail(decision)


class SignView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=SignIn, responses={200: DecisionDetailOut}, tags=["decisions"],
                   summary="Ký ban hành: lấy số, ghi khen thưởng vào hồ sơ thành tích (người ký)")
    def post(self, request, pk: int):
        decision = decision_for(request, pk)
        require(request, "decisions.sign", decision)
        data = _valid(SignIn, request.data)
        if not data["confirm"]:
            raise DomainError("Hãy xác nhận ký ban hành (\"confirm\": true).", code="invalid")
        services.decision_sign(actor=request.user, decision=decision)
        return _detail(decision)


class CancellationView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=CorrectionIn, responses={201: DecisionDetailOut}, tags=["decisions"],
                   summary="Dự thảo quyết định hủy bỏ một quyết định đã ban hành")
    def post(self, request, pk: int):
        decision = decision_for(request, pk)
        require(request, "decisions.draft", decision)
        data = _valid(CorrectionIn, request.data)
        draft = services.cancellation_draft(actor=request.user, decision=decision, reason=data["reason"], decided_on=data["decided_on"])
        return _detail(draft, status.HTTP_201_CREATED)


class RevocationView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=RevocationIn, responses={201: DecisionDetailOut}, tags=["decisions"],
                   summary="Dự thảo quyết định hủy bỏ khen thưởng (Điều 93), kèm số tiền phải thu hồi")
    def post(self, request, pk: int):
        decision = decision_for(request, pk)
        require(request, "decisions.draft", decision)
        data = _valid(RevocationIn, request.data)
        lines = {line.pk: line for line in decision.lines.select_related("award_record").filter(pk__in=data["lines"])}
        missing = [pk for pk in data["lines"] if pk not in lines]
        if missing:
            raise DomainError(f"Quyết định không có dòng mã số {missing[0]}.", code="invalid")
        awards = [lines[pk].award_record for pk in data["lines"]]
        if any(a is None for a in awards):
            raise DomainError("Chỉ hủy bỏ được khen thưởng của một quyết định đã ban hành.", code="invalid")
        draft = services.revocation_draft(actor=request.user, issuer=decision.issuer, awards=awards, reason=data["reason"],
                                          decided_on=data["decided_on"])
        return _detail(draft, status.HTTP_201_CREATED)


class AmendmentView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=CorrectionIn, responses={201: DecisionDetailOut}, tags=["decisions"],
                   summary="Dự thảo quyết định sửa đổi, bổ sung một quyết định khen thưởng đã ban hành")
    def post(self, request, pk: int):
        decision = decision_for(request, pk)
        require(request, "decisions.draft", decision)
        data = _valid(CorrectionIn, request.data)
        draft = amendments.amendment_draft(actor=request.user, decision=decision, reason=data["reason"], decided_on=data["decided_on"])
        return _detail(draft, status.HTTP_201_CREATED)


_SUBJECTS = (("person", Person, "unit__path__startswith", "cá nhân"), ("unit", Unit, "path__startswith", "tập thể"),
             ("household", Household, "village__path__startswith", "hộ gia đình"))


def _subject(data: dict, issuer):
    """The subject named by id, looked up only within the issuer's subtree (another level's is "not found")."""
    given = [(key, model, lookup, word) for key, model, lookup, word in _SUBJECTS if data.get(key) is not None]
    if len(given) > 1:
        raise DomainError("Chỉ ghi một trong person, unit, household.", code="invalid")
    if not given:
        return None
    key, model, lookup, word = given[0]
    found = model.objects.filter(pk=data[key], **{lookup: issuer.path}).first()
    if found is None:
        raise DomainError(f"Không có {word} mã số {data[key]} trong phạm vi của {issuer.name}.", code="invalid")
    return found


class AmendmentLineView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=AmendmentLineIn, responses={201: DecisionDetailOut}, tags=["decisions"],
                   summary="Thêm dòng sửa đổi (thay một dòng của quyết định bị sửa đổi) hoặc bổ sung vào dự thảo quyết định sửa đổi, bổ sung")
    def post(self, request, pk: int):
        decision = decision_for(request, pk)
        require(request, "decisions.draft", decision)
        data = _valid(AmendmentLineIn, request.data)
        if decision.kind != DecisionKind.AMENDMENT:
            raise DomainError("Chỉ thêm dòng vào dự thảo quyết định sửa đổi, bổ sung.", code="invalid")
        replaces = None
        if data.get("replaces") is not None:
            replaces = DecisionLine.objects.filter(decision_id=decision.amends_id, pk=data["replaces"]).first()
            if replaces is None:
                raise DomainError(f"Quyết định số {decision.amends.number_text} không có dòng mã số {data['replaces']}.", code="invalid")
        amendments.amendment_line_add(actor=request.user, decision=decision, award_code=data["award_code"], year=data["year"],
                                      replaces=replaces, subject=_subject(data, decision.issuer), achievement=data.get("achievement", ""))
        return _detail(decision, status.HTTP_201_CREATED)
