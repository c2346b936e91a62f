"""API: POST /api/v1/eligibility/check and POST /api/v1/reward/compute (token or session auth).

Thin: parse the JSON body, call the engine or the money service, return the JSON contract. Errors are
DomainError → 400 {"error": "..."} in Vietnamese (tdkt.core.api.exception_handler).
"""

import datetime as dt

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from tdkt.core.errors import DomainError

from . import engine
from .money import reward_compute


def _body(request) -> object:
    try:
        return request.data
    except ParseError as exc:
        raise DomainError("Dữ liệu JSON sai cú pháp.", code="parse_error") from exc


def _obj(description: str, properties: dict, required: tuple = ()) -> dict:
    out = {"type": "object", "description": description, "properties": properties, "additionalProperties": False}
    if required:
        out["required"] = list(required)
    return out


_YEAR = {"type": "integer", "example": 2025}
_DATE = {"type": "string", "format": "date"}
_COUNT = {"type": "integer", "minimum": 0}

# The request as engine.parse_request reads it (README, "Kiểm tra điều kiện"): the schema documents it, the engine checks it.
ELIGIBILITY_REQUEST = _obj("Yêu cầu kiểm tra điều kiện một danh hiệu/hình thức khen thưởng", {
    "award": {"type": "string", "description": "Mã danh hiệu/hình thức trong danh mục (LDTT, CSTDCS, BK_TINH, BK_TTG…)"},
    "year": {**_YEAR, "description": "Năm được xét (năm đề nghị)"},
    "received_on": {**_DATE, "description": "Ngày nhận đủ hồ sơ: quy định có hiệu lực ngày đó được áp dụng; bỏ trống: đợt cuối năm"},
    "period": _obj("Thời gian đạt thành tích khi kết thúc trước năm đề nghị (đề nghị muộn: Hội đồng xem xét)",
                   {"from": _YEAR, "to": _YEAR}, ("from", "to")),
    "subject": _obj("Đối tượng", {
        "kind": {"type": "string", "enum": ["individual", "collective", "household", "village", "commune"]},
        "recruited_on": {**_DATE, "description": "Ngày tuyển dụng"},
        "service_start": {**_DATE, "description": "Ngày bắt đầu công tác liên tục, kể cả thời gian hợp đồng lao động"},
    }),
    "history": _obj("Lịch sử thành tích", {
        "ratings": {"type": "array", "items": _obj("Xếp loại một năm", {"year": _YEAR, "rating": {"type": "string", "enum": [
            "HTXSNV", "HTTNV", "HTNV", "KHTNV"]}}, ("year", "rating"))},
        "awards": {"type": "array", "items": _obj("Danh hiệu/hình thức đã có hoặc đang đề nghị cùng đợt", {
            "year": _YEAR, "award": {"type": "string"}, "proposed": {"type": "boolean"}}, ("year", "award"))},
        "disciplines": {"type": "array", "items": _obj("Kỷ luật", {
            "form": {"type": "string"}, "start": _DATE, "end": _DATE}, ("form", "start", "end"))},
        "initiatives": {"type": "array", "items": _obj("Sáng kiến được công nhận", {
            "year": _YEAR, "scope": {"type": "string", "enum": ["CO_SO", "TINH", "TOAN_QUOC"]},
            "used_for": _obj("Khen thưởng mà sáng kiến đã làm căn cứ (mỗi sáng kiến chỉ làm căn cứ cho một khen thưởng)",
                             {"award": {"type": "string"}, "year": _YEAR}, ("award", "year"))}, ("year", "scope"))},
        "work_years": {"type": "array", "items": _obj("Thông tin một năm công tác", {
            "year": _YEAR,
            "days_off": {**_COUNT, "maximum": 366, "description": "Số ngày làm việc nghỉ trong năm, kể cả nghỉ thai sản"},
            "maternity_days": {**_COUNT, "maximum": 366, "description": "Trong đó: số ngày nghỉ thai sản"},
            "training": _obj("Đào tạo, bồi dưỡng trong năm", {
                "months": {**_COUNT, "minimum": 1, "maximum": 120},
                "result": {"type": "string", "enum": ["XUAT_SAC", "GIOI", "KHA", "TRUNG_BINH_KHA", "TRUNG_BINH", "YEU"]}},
                ("months",)),
            "transfer": _obj("Chuyển công tác trong năm", {
                "from_unit": {"type": "string", "maxLength": 255}, "months": {**_COUNT, "maximum": 12,
                                                                             "description": "Số tháng ở đơn vị cũ trong năm"},
                "comment": {"type": "boolean", "description": "Đã có ý kiến nhận xét của đơn vị cũ"}}),
        }, ("year",))},
    }),
    "collective": _obj("Số liệu tập thể của năm", {name: _COUNT for name in (
        "members", "completed_tasks", "ldtt", "cstdcs", "disciplined_canh_cao_or_above")}),
}, ("award", "year"))

EXAMPLE = {"award": "LDTT", "year": 2025, "subject": {"kind": "individual", "recruited_on": "2025-09-01", "service_start": "2025-02-01"},
           "history": {"ratings": [{"year": 2025, "rating": "HTTNV"}],
                       "work_years": [{"year": 2025, "days_off": 12, "maternity_days": 5,
                                       "transfer": {"from_unit": "Phường Kim Liên", "months": 7, "comment": True}}]}}


class EligibilityCheckView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request={"application/json": ELIGIBILITY_REQUEST}, responses=OpenApiTypes.OBJECT,
                   summary="Kiểm tra điều kiện khen thưởng", tags=["law"],
                   examples=[OpenApiExample("LĐTT: hợp đồng trước tuyển dụng, chuyển công tác", value=EXAMPLE, request_only=True)])
    def post(self, request):
        return Response(engine.check(_body(request)))


class RewardComputeView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=OpenApiTypes.OBJECT, responses=OpenApiTypes.OBJECT, summary="Tính tiền thưởng", tags=["law"])
    def post(self, request):
        body = _body(request)
        if not isinstance(body, dict):
            raise DomainError("Dữ liệu gửi lên phải là một đối tượng JSON.")
        for name in ("award", "subject", "decided_on"):
            if not isinstance(body.get(name), str):
                raise DomainError(f"Trường “{name}”: bắt buộc (chuỗi).", details={"field": name})
        try:
            decided_on = dt.date.fromisoformat(body["decided_on"])
        except ValueError:
            raise DomainError(f"Trường “decided_on”: ngày “{body['decided_on']}” không hợp lệ (dạng YYYY-MM-DD).",
                              details={"field": "decided_on"}) from None
        result = reward_compute(award_code=body["award"], subject_kind=body["subject"], decided_on=decided_on)
        return Response({
            "award": body["award"], "subject": body["subject"], "decided_on": decided_on.isoformat(),
            "amount": result.amount, "amount_in_words": result.words, "coefficient": float(result.coefficient),
            "multiplier": float(result.multiplier), "base_salary": result.base_salary, "legal_basis": result.legal_basis,
        })
