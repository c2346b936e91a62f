"""DRF authentication of the project (apart from tdkt.core.api: DRF's settings import it before its views exist)."""

from rest_framework import authentication, exceptions

CSRF_MESSAGE = (
    "Thiếu hoặc sai mã chống giả mạo (CSRF) của phiên đăng nhập: gửi kèm tiêu đề X-CSRFToken bằng giá trị cookie "
    "csrftoken (tải lại trang nếu phiên vừa đổi), hoặc dùng mã truy cập (Authorization: Token …) thay cho phiên."
)


class CsrfFailed(exceptions.PermissionDenied):
    default_detail = CSRF_MESSAGE
    default_code = "csrf_failed"


class SessionAuthentication(authentication.SessionAuthentication):
    """DRF's session authentication, whose CSRF refusal says what is missing (not "Bạn không có quyền")."""

    def enforce_csrf(self, request):
        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied as exc:
            raise CsrfFailed() from exc
