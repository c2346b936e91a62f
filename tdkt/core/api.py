"""DRF glue: Vietnamese errors, never a traceback."""

from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_handler

from .errors import DomainError

MESSAGES = {
    401: "Chưa đăng nhập hoặc mã truy cập không hợp lệ.",
    403: "Bạn không có quyền thực hiện thao tác này.",
    404: "Không tìm thấy.",
    405: "Phương thức không được hỗ trợ.",
    415: "Định dạng dữ liệu không được hỗ trợ (hãy gửi JSON).",
}


def exception_handler(exc, context):
    if isinstance(exc, DomainError):
        return Response({"error": exc.message, "details": exc.details}, status=status.HTTP_400_BAD_REQUEST)
    response = drf_handler(exc, context)
    if response is None:
        return None
    if response.status_code == 400 and "error" not in (response.data if isinstance(response.data, dict) else {}):
        response.data = {"error": "Dữ liệu gửi lên không hợp lệ (JSON sai cú pháp hoặc thiếu trường).", "details": response.data}
    elif response.status_code in MESSAGES:
        response.data = {"error": MESSAGES[response.status_code]}
    return response
