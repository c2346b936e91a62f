from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from tdkt.accounts.api import TokenView
from tdkt.accounts.views import LogoutView

admin.site.site_header = "Quản trị hệ thống TĐKT"
admin.site.site_title = "Quản trị TĐKT"
admin.site.index_title = "Danh mục và dữ liệu"

urlpatterns = [
    path("favicon.ico", RedirectView.as_view(url=static("tdkt/favicon.svg"), permanent=True)),
    path("admin/logout/", LogoutView.as_view(), name="admin_logout"),  # the app's logout, GET page included
    # The admin's password change is the app's, which counts a wrong current password as a failed login.
    path("admin/password_change/", RedirectView.as_view(pattern_name="accounts:password_change")),
    path("admin/", admin.site.urls),
    path("tai-khoan/", include("tdkt.accounts.urls")),
    path("api/v1/token", TokenView.as_view(), name="api-token"),
    path("api/v1/", include("tdkt.law.api_urls")),
    path("api/v1/", include("tdkt.org.api_urls")),
    path("api/v1/", include("tdkt.records.api_urls")),
    path("api/v1/", include("tdkt.nominations.api_urls")),
    path("api/v1/", include("tdkt.decisions.api_urls")),
    path("api/v1/", include("tdkt.council.api_urls")),
    path("api/v1/", include("tdkt.movements.api_urls")),
    path("api/v1/", include("tdkt.plans.api_urls")),
    path("api/v1/schema", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema-latest"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("bao-cao/", include("tdkt.reports.urls")),
    path("van-ban/", include("tdkt.documents.urls")),
    path("ho-so-khen-thuong/", include("tdkt.nominations.urls")),
    path("hoi-dong/", include("tdkt.council.urls")),
    path("phong-trao/", include("tdkt.movements.urls")),
    path("quyet-dinh/", include("tdkt.decisions.urls")),
    path("ke-hoach/", include("tdkt.plans.urls")),
    path("tra-cuu/", include(("tdkt.nominations.urls_public", "tracking"))),
    path("thong-bao/", include("tdkt.core.urls")),
    path("lay-y-kien/", include(("tdkt.nominations.urls_consultation", "consultation"))),
    path("don-vi/", include("tdkt.org.urls")),
    path("ca-nhan/", include("tdkt.org.edit_urls")),
    path("", include("tdkt.records.urls")),
    path("", include("tdkt.web.urls")),
]
