"""Project-wide error views; the notifications page (the bell of the top bar)."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from . import notifications


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


# --- notifications (core.notifications): the bell's page --------------------------------------------------------

@login_required
@require_GET
def notification_list(request):
    """The user's notifications, newest first, 25 a page; the unread ones in bold."""
    page = Paginator(notifications.notifications_of(request.user), 25).get_page(request.GET.get("page"))
    page_links = list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return render(request, "core/notifications.html", {"page": page, "page_links": page_links})


@login_required
@require_GET
def notification_open(request, pk: int):
    """Open a notification: marked read, then its page (a path of this site only; otherwise the list). A link, so
    that it opens in a new tab too; marking one's own notification read twice changes nothing. Another user's
    notification is a 404."""
    notification = get_object_or_404(notifications.notifications_of(request.user), pk=pk)
    notifications.mark_read(actor=request.user, notification=notification)
    url = notification.url if notifications.is_local_url(notification.url) else reverse("core:notifications")
    return redirect(url)


@login_required
@require_POST
def notifications_read_all(request):
    count = notifications.mark_all_read(actor=request.user)
    if count:
        messages.success(request, ngettext("Đã đánh dấu đã đọc %(count)s thông báo.", "Đã đánh dấu đã đọc %(count)s thông báo.",
                                           count) % {"count": count})
    return redirect("core:notifications")
