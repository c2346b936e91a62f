from django.conf import settings


def site(request):
    return {"SITE_NAME": "TĐKT", "SITE_TITLE": "Hệ thống quản lý thi đua, khen thưởng", "DEBUG": settings.DEBUG}
