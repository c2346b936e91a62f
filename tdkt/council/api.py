"""API of the council: POST /api/v1/council/tally (token or session auth; every signed-in account, like the
eligibility check and the reward computation it sits beside).

Thin: parse the JSON body, call `tally`, return the JSON contract. A DomainError is a 400 {"error": "..."} in
Vietnamese (tdkt.core.api.exception_handler).
"""

from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from tdkt.core.errors import DomainError

from .tally import parse_request, tally

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
        "rule": {"type": "string", "enum": ["award", "default"], "description": "Quy tắc riêng của danh hiệu hay quy tắc mặc định"},
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
