"""Project-wide error views."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a stale form (the session ended in another tab, or the page was open too long) gets a
    Vietnamese page with a way out: back to the form's page, freshly loaded, or to the login page and back.

    CsrfViewMiddleware has already logged the refusal as one line ("Forbidden (CSRF token …): /path")."""
    referer = request.META.get("HTTP_REFERER", "")
    same_site = url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    back = referer if referer and same_site else request.get_full_path()
    user = getattr(request, "user", None)
    logged_in = bool(user and user.is_authenticated)
    login = f"{resolve_url(settings.LOGIN_URL)}?{urlencode({REDIRECT_FIELD_NAME: back})}"
    return render(request, "403_csrf.html", {"back": back, "login_url": login, "logged_in": logged_in}, status=403)
