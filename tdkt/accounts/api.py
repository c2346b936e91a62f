"""POST /api/v1/token: an API token for a username and password, behind the same login throttle as every way in."""

from django.contrib.auth import authenticate, user_logged_in
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.parsers import FormParser, JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from tdkt.core.errors import DomainError

from . import services, throttle


class TokenView(APIView):
    """{"username", "password"} → {"token"}: the user's API token (`Authorization: Token …`), created once.

    No session, so no CSRF check. A wrong password counts as a failed login; a locked username or address gets
    HTTP 429 {"error": …} (accounts.throttle)."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    parser_classes = [JSONParser, FormParser]

    @extend_schema(
        summary="Lấy mã truy cập (token) bằng tên đăng nhập và mật khẩu", tags=["auth"], auth=[],
        request=inline_serializer("TokenIn", {"username": serializers.CharField(), "password": serializers.CharField()}),
        responses={
            200: inline_serializer("TokenOut", {"token": serializers.CharField()}),
            400: OpenApiResponse(description="Thiếu trường, hoặc tên đăng nhập hoặc mật khẩu không đúng: {\"error\", \"details\"}."),
            429: OpenApiResponse(description="Tạm khóa do đăng nhập sai nhiều lần: {\"error\"}."),
        },
    )
    def post(self, request):
        body = request.data
        if not hasattr(body, "get"):
            raise DomainError("Dữ liệu gửi lên phải là một đối tượng JSON.")
        missing = [name for name in ("username", "password") if not isinstance(body.get(name), str) or not body.get(name)]
        if missing:
            raise DomainError("Vui lòng nhập tên đăng nhập và mật khẩu.", details={"fields": missing})
        http_request = request._request  # axes marks the lock-out on Django's request, which its middleware reads
        user = authenticate(http_request, username=body["username"], password=body["password"])
        if user is None:
            if getattr(http_request, "axes_locked_out", False):
                return Response({"error": throttle.lockout_message(http_request)}, status=429)
            raise DomainError("Tên đăng nhập hoặc mật khẩu không đúng.", code="invalid_login")
        user_logged_in.send(sender=user.__class__, request=http_request, user=user)  # last_login; clears failures
        token = services.api_token_issue(user=user)
        return Response({"token": token.key})
