"""DRF glue: Vietnamese errors, never a traceback, never English parser text."""

from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_handler

from .api_auth import CSRF_MESSAGE, CsrfFailed
from .errors import DomainError

MESSAGES = {
    401: "Chưa đăng nhập hoặc mã truy cập không hợp lệ.",
    403: "Bạn không có quyền thực hiện thao tác này.",
    404: "Không tìm thấy.",
    405: "Phương thức không được hỗ trợ.",
    415: "Định dạng dữ liệu không được hỗ trợ (hãy gửi JSON).",
    429: "Quá nhiều yêu cầu, vui lòng thử lại sau.",
}
PARSE_MESSAGE = "Dữ liệu JSON sai cú pháp."
INVALID_MESSAGE = "Dữ liệu gửi lên không hợp lệ (JSON sai cú pháp hoặc thiếu trường)."


def exception_handler(exc, context):
    if isinstance(exc, DomainError):
        return Response({"error": exc.message, "details": exc.details}, status=status.HTTP_400_BAD_REQUEST)
    response = drf_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, CsrfFailed):
        response.data = {"error": CSRF_MESSAGE}
    elif isinstance(exc, exceptions.ParseError):
        # DRF's text ("JSON parse error - Expecting value: line 1 column 1 (char 0)") is English: not passed on.
        response.data = {"error": PARSE_MESSAGE, "details": None}
    elif response.status_code == 400:
        data = response.data if isinstance(response.data, dict) else {}
        if "error" not in data:
            # A serializer's field errors are in the active language (DRF's own Vietnamese); anything else is not.
            details = response.data if isinstance(exc, exceptions.ValidationError) else None
            response.data = {"error": INVALID_MESSAGE, "details": details}
    elif response.status_code in MESSAGES:
        response.data = {"error": MESSAGES[response.status_code]}
    return response
