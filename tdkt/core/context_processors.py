from django.conf import settings

from . import registry


def site(request):
    return {"SITE_NAME": "TĐKT", "SITE_TITLE": "Hệ thống quản lý thi đua, khen thưởng", "DEBUG": settings.DEBUG}


def navigation(request):
    """The menu of the signed-in user, from the apps' registered entries, the current one marked."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_entries": []}
    match = getattr(request, "resolver_match", None)
    entries = registry.nav_for(user)
    current = registry.current_entry(entries, match.view_name if match else None, request.path)
    return {"nav_entries": [{"label": e.label, "url": e.url(), "current": e is current, "key": e.key} for e in entries]}


def notifications(request):
    """The bell's unread count, read once per page and only when the page shows it (`unread_notifications`)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from functools import cache

    from .notifications import unread_count

    return {"unread_notifications": cache(lambda: unread_count(user))}
