"""API: POST /api/v1/eligibility/check and POST /api/v1/reward/compute (token or session auth).

Thin: parse the JSON body, call the engine or the money service, return the JSON contract. Errors are
DomainError → 400 {"error": "..."} in Vietnamese (tdkt.core.api.exception_handler).
"""

import datetime as dt

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
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


class EligibilityCheckView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=OpenApiTypes.OBJECT, responses=OpenApiTypes.OBJECT, summary="Kiểm tra điều kiện khen thưởng", tags=["law"])
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
