"""API of forwarding and exchange (the same services as the screens), under /api/v1/:

- POST dossiers/{id}/forward          {"target_round": id, "nominees": [id, …]} → the incoming dossier (201)
- GET  dossiers/{id}/package          the exchange package (application/zip)
- POST rounds/{id}/packages           multipart: `package` (the .zip), optional `unit` (code of the proposing unit) → 201
Another scope's dossier or round is a 404, a reader who may not act a 403, bad input a 400 with a Vietnamese message."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from tdkt.core.errors import DomainError
from tdkt.core.uploads import content_disposition
from tdkt.nominations import selectors
from tdkt.nominations.access import dossier_for
from tdkt.nominations.models import Round
from tdkt.org.models import Unit
from tdkt.org.views import require

from . import exchange, forwarding
from .exchange_import import package_import


class IncomingOut(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    status = serializers.CharField()
    round = serializers.IntegerField(source="round_id")
    unit = serializers.CharField(source="unit.code")
    origin = serializers.CharField(help_text="forwarded (cùng hệ thống) hoặc imported (từ gói hồ sơ)")
    origin_name = serializers.CharField()
    origin_reference = serializers.CharField()
    forwarded_from = serializers.IntegerField(source="forwarded_from_id", allow_null=True)
    nominees = serializers.SerializerMethodField()

    def get_nominees(self, d) -> list[dict]:
        return [{"id": n.pk, "name": n.name, "award_code": n.award_code, "external": n.is_external,
                 "forwarded_from": n.forwarded_from_id} for n in d.nominees.select_related("person", "unit", "household").order_by("id")]


class ForwardIn(serializers.Serializer):
    target_round = serializers.IntegerField(help_text="Mã số đợt xét của cấp trên")
    nominees = serializers.ListField(child=serializers.IntegerField(), allow_empty=False, help_text="Mã số người, tập thể trong hồ sơ")


def _valid(serializer_class, data) -> dict:
    if not isinstance(data, dict):
        raise DomainError("Dữ liệu gửi lên phải là một đối tượng JSON.")
    s = serializer_class(data=data)
    if not s.is_valid():
        raise DomainError("Dữ liệu không hợp lệ: " + "; ".join(f"{k}: {v[0]}" for k, v in s.errors.items()), code="invalid")
    return s.validated_data


class ForwardView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(request=ForwardIn, responses={201: IncomingOut}, tags=["decisions"],
                   summary="Chuyển người, tập thể của hồ sơ lên đợt xét của cấp trên (cùng hệ thống)")
    def post(self, request, pk: int):
        dossier = dossier_for(request, pk)
        require(request, "decisions.forward_dossier", dossier)
        data = _valid(ForwardIn, request.data)
        target = Round.objects.filter(pk=data["target_round"]).first()
        if target is None:
            raise DomainError(f"Không có đợt xét mã số {data['target_round']}.", code="invalid")
        incoming = forwarding.dossier_forward(actor=request.user, dossier=dossier, nominees=data["nominees"], target_round=target)
        return Response(IncomingOut(incoming).data, status=status.HTTP_201_CREATED)


class PackageView(APIView):
    @extend_schema(responses={(200, "application/zip"): OpenApiResponse(OpenApiTypes.BINARY, description="Gói hồ sơ (.zip): "
                              "manifest.json theo lược đồ tdkt.exchange.dossier phiên bản 1 và các tệp (docs/exchange-package.md)")},
                   tags=["decisions"], summary="Xuất gói hồ sơ để gửi cấp trên dùng hệ thống khác")
    def get(self, request, pk: int):
        dossier = dossier_for(request, pk)
        require(request, "decisions.export_dossier", dossier)
        response = HttpResponse(exchange.package_build(actor=request.user, dossier=dossier), content_type="application/zip")
        response["Content-Disposition"] = content_disposition(exchange.package_filename(dossier))
        response["Cache-Control"] = "private, no-store"
        return response


class PackageIn(serializers.Serializer):
    package = serializers.FileField(help_text="Gói hồ sơ (.zip)")
    unit = serializers.CharField(required=False, help_text="Mã đơn vị đề nghị (khi gói không nêu đơn vị có trong hệ thống)")


class PackagesView(APIView):
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(request={"multipart/form-data": PackageIn}, responses={201: IncomingOut}, tags=["decisions"],
                   summary="Nhập gói hồ sơ của hệ thống khác vào đợt xét (hồ sơ chờ tiếp nhận)")
    def post(self, request, pk: int):
        require(request, "decisions.import_packages")
        round_ = get_object_or_404(selectors.rounds_visible_to(request.user), pk=pk)
        require(request, "decisions.import_package", round_)
        upload = request.FILES.get("package")
        if upload is None:
            raise DomainError("Hãy gửi tệp gói hồ sơ (.zip) ở trường “package”.", code="invalid")
        if upload.size > exchange.max_package_bytes():
            raise DomainError("Gói hồ sơ bị từ chối: tệp quá lớn.", code="too_large")
        unit = None
        if request.data.get("unit"):
            unit = Unit.objects.filter(code=request.data["unit"], path__startswith=round_.office_unit.path).first()
            if unit is None:
                raise DomainError(f"Không có đơn vị mã “{request.data['unit']}” thuộc {round_.office_unit.name}.", code="invalid")
        incoming = package_import(actor=request.user, data=upload.read(), target_round=round_, unit=unit)
        return Response(IncomingOut(incoming).data, status=status.HTTP_201_CREATED)
