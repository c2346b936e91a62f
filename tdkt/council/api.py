"""API of the council (token or session auth): POST /api/v1/council/tally (every signed-in account, like the eligibility
check and the reward computation it sits beside); GET council/sessions, council/sessions/<id> (agenda, attendance, the
number of ballot papers returned — never their content before the close), council/sessions/<id>/results (a closed
session only) and POST council/sessions/<id>/ballot (a present member's paper). Another council's session is a 404, a
rule refused a 403.

Thin: parse the JSON body, call `tally`, return the JSON contract. A DomainError is a 400 {"error": "..."} in
Vietnamese (tdkt.core.api.exception_handler).
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from tdkt.core.errors import DomainError
from tdkt.org.views import require

from . import selectors, services
from .models import SessionStatus
from .tally import parse_request, tally
from .views import session_for

_COUNT = {"type": "integer", "minimum": 0}
TALLY_REQUEST = {
    "type": "object", "additionalProperties": False,
    "description": "Một nội dung biểu quyết của Hội đồng TĐKT (số phiếu đồng ý/không đồng ý gồm cả phiếu bằng văn bản của "
                   "thành viên vắng mặt)",
    "required": ["award", "decided_on", "members", "present", "agree", "disagree"],
    "properties": {
        "award": {"type": "string", "description": "Mã danh hiệu/hình thức (CSTD_TINH, CSTDCS, LDTT…)"},
        "decided_on": {"type": "string", "format": "date", "description": "Ngày họp: quy tắc có hiệu lực ngày đó được áp dụng"},
        "members": {**_COUNT, "minimum": 1, "description": "Tổng số thành viên Hội đồng"},
        "present": {**_COUNT, "description": "Số thành viên có mặt"},
        "agree": {**_COUNT, "description": "Số phiếu đồng ý (kể cả phiếu bằng văn bản)"},
        "disagree": {**_COUNT, "description": "Số phiếu không đồng ý (kể cả phiếu bằng văn bản)"},
        "unit": {"type": "string", "description": "Không bắt buộc: mã đơn vị của Hội đồng; quy định riêng của cấp đó (hoặc cấp "
                                                  "trên gần nhất có quy định riêng) được áp dụng trước quy định chung"},
    },
}
TALLY_RESPONSE = {
    "type": "object",
    "properties": {
        "award": {"type": "string"}, "award_name": {"type": "string"}, "decided_on": {"type": "string", "format": "date"},
        "members": {"type": "integer"}, "agree": {"type": "integer"}, "disagree": {"type": "integer"},
        "quorum": {"type": "object", "properties": {
            "required": {"type": "integer"}, "present": {"type": "integer"}, "met": {"type": "boolean"},
            "numerator": {"type": "integer"}, "denominator": {"type": "integer"}}},
        "share": {"type": "number", "description": "Tỷ lệ phiếu đồng ý (%) trên tổng số thành viên, làm tròn 2 chữ số"},
        "threshold": {"type": "number", "description": "Ngưỡng (%)"},
        "strictly_greater": {"type": "boolean"}, "base": {"type": "string", "enum": ["all", "present"]},
        "threshold_text": {"type": "string"}, "passed": {"type": "boolean"}, "explanation": {"type": "string"},
        "legal_basis": {"type": "string"}, "needs_verification": {"type": "boolean"},
        "rule": {"type": "string", "enum": ["award", "local", "default"],
                 "description": "Quy tắc chung của danh hiệu, quy định riêng của một cấp, hay quy tắc mặc định"},
        "rule_unit": {"type": "string", "description": "Mã đơn vị có quy định riêng được áp dụng (rỗng: quy định chung)"},
    },
}
ERROR = {"type": "object", "properties": {"error": {"type": "string"}, "details": {}}}
EXAMPLE = {"award": "CSTD_TINH", "decided_on": "2025-12-20", "members": 15, "present": 12, "agree": 13, "disagree": 1}


def body_of(request) -> object:
    try:
        return request.data
    except ParseError as exc:
        raise DomainError("Dữ liệu JSON sai cú pháp.", code="parse_error") from exc


class TallyView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request={"application/json": TALLY_REQUEST},
                   responses={200: TALLY_RESPONSE, 400: OpenApiResponse(ERROR, description="Dữ liệu không hợp lệ (thông báo tiếng Việt)")},
                   summary="Tính kết quả biểu quyết của Hội đồng TĐKT", tags=["council"],
                   examples=[OpenApiExample("CSTĐ cấp tỉnh: 13/15 phiếu đồng ý", value=EXAMPLE, request_only=True)])
    def post(self, request):
        return Response(tally(**parse_request(body_of(request))).to_dict())


# --- Sessions, results and the ballot (issue 14, point 2) ---------------------------------------------------------


def _session(session) -> dict:
    return {"id": session.pk, "title": session.title, "council": {"id": session.council_id, "name": session.council.name,
                                                                  "unit": session.council.unit.code},
            "held_on": session.held_on.isoformat(), "place": session.place, "secret": session.secret, "paper": session.paper,
            "status": session.status, "status_label": session.get_status_display(),
            "members": session.members_count, "present": session.present_count,
            "ballots_cast": session.cast if hasattr(session, "cast") else selectors.ballots_cast(session),
            "ballots_expected": session.expected if hasattr(session, "expected") else selectors.ballots_expected(session)}


class SessionListView(APIView):
    @extend_schema(responses=OpenApiTypes.OBJECT, summary="Các phiên họp Hội đồng TĐKT trong phạm vi của bạn", tags=["council"],
                   operation_id="council_sessions_list")
    def get(self, request):
        require(request, "council.view_sessions")
        sessions = selectors.with_counts(selectors.sessions_visible_to(request.user).order_by("-held_on", "-id")[:200])
        return Response({"results": [_session(s) for s in sessions]})


class SessionDetailView(APIView):
    @extend_schema(responses=OpenApiTypes.OBJECT, tags=["council"],
                   summary="Một phiên họp: chương trình, điểm danh, số phiếu đã nhận (không có nội dung phiếu trước khi kết thúc)")
    def get(self, request, pk: int):
        session = session_for(request, pk)
        voted = set(session.participations.values_list("member_id", flat=True))
        attendance = {a.member_id: a for a in selectors.attendance_of(session)}
        return Response({
            **_session(session),
            "agenda": [{"id": i.pk, "position": i.position, "nominee": i.nominee_id, "name": i.nominee.name,
                        "unit": i.nominee.dossier.unit.name, "award": i.award_code} for i in selectors.agenda_of(session)],
            "attendance": [{"member": m.pk, "full_name": m.full_name, "role": m.role,
                            "status": attendance[m.pk].status if m.pk in attendance else None, "voted": m.pk in voted}
                           for m in selectors.members_of(session)],
        })


class SessionResultsView(APIView):
    @extend_schema(responses={200: OpenApiTypes.OBJECT, 400: OpenApiResponse(ERROR, description="Chưa kết thúc bỏ phiếu")},
                   summary="Kết quả biểu quyết của phiên họp (sau khi kết thúc bỏ phiếu)", tags=["council"])
    def get(self, request, pk: int):
        session = session_for(request, pk)
        votes = [{"item": v.item_id, "member": v.member_id, "full_name": v.member.full_name, "choice": v.choice}
                 for v in services.open_votes(session)]
        return Response({**_session(session), "results": services.results(session), "open_votes": votes})


BALLOT_REQUEST = {
    "type": "object", "additionalProperties": False, "required": ["choices"],
    "description": "Phiếu bầu của thành viên có mặt: ý kiến cho mọi nội dung của chương trình",
    "properties": {"choices": {"type": "object", "additionalProperties": {"type": "string", "enum": ["agree", "disagree"]},
                               "description": "Mã nội dung (id trong chương trình) → agree | disagree"}},
}


class BallotView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request={"application/json": BALLOT_REQUEST},
                   responses={201: OpenApiTypes.OBJECT, 400: OpenApiResponse(ERROR, description="Phiếu không hợp lệ (thông báo tiếng Việt)")},
                   summary="Bỏ phiếu (thành viên có mặt, từ tài khoản của mình)", tags=["council"],
                   examples=[OpenApiExample("Hai nội dung", value={"choices": {"12": "agree", "13": "disagree"}}, request_only=True)])
    def post(self, request, pk: int):
        session = session_for(request, pk)
        require(request, "council.vote", session)
        body = body_of(request)
        if not isinstance(body, dict) or set(body) != {"choices"} or not isinstance(body["choices"], dict):
            raise DomainError("Dữ liệu gửi lên phải có dạng {\"choices\": {\"<mã nội dung>\": \"agree\" | \"disagree\"}}.")
        services.vote_cast(actor=request.user, session=session, choices=body["choices"])
        session.refresh_from_db()
        return Response({"ok": True, "session": session.pk, "status": SessionStatus(session.status).value,
                         "ballots_cast": selectors.ballots_cast(session)}, status=status.HTTP_201_CREATED)
