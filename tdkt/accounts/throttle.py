"""Login throttling: one throttle (django-axes) for every way in.

Every way in authenticates through `django.contrib.auth.authenticate(request, …)` or reports its failure here:
the app's login form, the admin's login, `POST /api/v1/token` and the password change form (`allowed`, `failed`).
axes' backend (first of AUTHENTICATION_BACKENDS) refuses a locked username or client address before any password
is checked, and its signal handler (`ThrottleHandler`) counts each failure by username and by client address.

- A username is locked after LOGIN_MAX_FAILURES failures, a client address after LOGIN_MAX_FAILURES_PER_ADDRESS
  (an office behind one address has many users, so its limit is higher); a lock lasts LOGIN_LOCKOUT_MINUTES after
  the last counted failure, and failures older than that are forgotten. Attempts while locked are refused, even
  with the right password, and not counted (they do not prolong the lock).
- A successful login clears the failures of its username.
- The lock-out answers HTTP 429 with a Vietnamese page (JSON under /api/), and each lock-out is an audit event
  (`accounts.login.locked`); an administrator unlocks in the admin ("Đăng nhập sai", accounts.services.login_unlock).
"""

from __future__ import annotations

import datetime as dt
import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db.models import Sum
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import services


def cool_off(request=None) -> dt.timedelta:
    return dt.timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)


def failure_limit(request=None, credentials=None) -> int:
    return settings.LOGIN_MAX_FAILURES


def client_address(request) -> str | None:
    """The client's address: REMOTE_ADDR, or behind our reverse proxy (BEHIND_PROXY) the address it appended last
    to X-Forwarded-For (the earlier entries are whatever the client sent, so they cannot be trusted)."""
    candidates = []
    if getattr(settings, "BEHIND_PROXY", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        candidates.append(forwarded.split(",")[-1].strip())
    candidates.append(request.META.get("REMOTE_ADDR", ""))
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None


def lockout_message(request=None) -> str:
    minutes = settings.LOGIN_LOCKOUT_MINUTES
    if getattr(request, "tdkt_locked_by", None) == "address":
        return _("Có quá nhiều lần đăng nhập sai từ máy này. Thử lại sau %(minutes)s phút.") % {"minutes": minutes}
    return _("Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau %(minutes)s phút.") % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    """axes' AXES_LOCKOUT_CALLABLE: HTTP 429, a Vietnamese page (JSON for the API), with Retry-After."""
    message = lockout_message(request)
    if request.path.startswith("/api/"):
        response = JsonResponse({"error": message}, status=429)
    else:
        response = render(request, "accounts/locked_out.html", {"message": message}, status=429)
    response["Retry-After"] = str(settings.LOGIN_LOCKOUT_MINUTES * 60)
    return response


def allowed(request, username: str) -> bool:
    """Whether `username` (and the request's address) may try a password now."""
    return AxesProxyHandler.is_allowed(request, {"username": username})


def refuse(request) -> None:
    """Answer this request with the lock-out page (AxesMiddleware replaces the view's response)."""
    request.axes_locked_out = True


def failed(request, username: str) -> None:
    """Count a failed password that did not go through authenticate() (the password change's current password)."""
    user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)


class ThrottleHandler(AxesDatabaseHandler):
    """axes' database handler with a limit per lock-out parameter and an audit event for each lock-out."""

    def get_failures(self, request, credentials=None) -> int:
        """The failures of the username, or the username's limit when the address is over its own (higher) limit:
        axes compares this one number with LOGIN_MAX_FAILURES."""
        by_username, by_address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        request.tdkt_failures = {"username": by_username, "address": by_address}
        if by_address >= settings.LOGIN_MAX_FAILURES_PER_ADDRESS:
            request.tdkt_locked_by = "address"
            return max(by_username, settings.LOGIN_MAX_FAILURES)
        request.tdkt_locked_by = "username" if by_username >= settings.LOGIN_MAX_FAILURES else None
        return by_username

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        already_locked = bool(getattr(request, "axes_locked_out", False))
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is not None and request.axes_locked_out and not already_locked:
            services.login_locked_record(
                username=get_client_username(request, credentials),
                address=request.axes_ip_address,
                locked_by=getattr(request, "tdkt_locked_by", None) or "username",
                failures=getattr(request, "tdkt_failures", {}),
                path=request.path,
            )

    def reset_user_attempts(self, request, credentials=None) -> int:
        """On a successful login forget the failures of this username only (axes would also forget the address's,
        which would let one valid account reset the address's count for guesses at the others)."""
        username = get_client_username(request, credentials)
        if not username:
            return 0
        return self.reset_attempts(username=username)
