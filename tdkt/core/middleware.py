"""Project middleware.

LanguageMiddleware: the interface language is Vietnamese, unless the `django_language` cookie asks for another language of LANGUAGES.

Django's LocaleMiddleware would also follow the browser's Accept-Language, so an English browser would get the
Django admin in English; here the browser's preference is ignored and only an explicit choice (the cookie) counts.

HtmxLoginRedirectMiddleware: an htmx request whose session has expired is sent to the login page as a whole page.
"""

from urllib.parse import parse_qs, urlencode, urlsplit

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import resolve_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django_htmx.http import HttpResponseClientRedirect


def language_of(request) -> str:
    """The language of the cookie when it is one of settings.LANGUAGES, else settings.LANGUAGE_CODE."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen in {code for code, _name in settings.LANGUAGES}:
        return chosen
    return settings.LANGUAGE_CODE


class LanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        translation.activate(language_of(request))
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        # The page depends on the cookie, never on Accept-Language (which LocaleMiddleware would add to Vary).
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class HtmxLoginRedirectMiddleware:
    """An htmx request that needs a login gets `HX-Redirect` to the login page, not the login page itself.

    Without it, htmx follows the 302 and swaps the whole login page into the target (the people search's results).
    The `next` is the page the user is on (htmx's `HX-Current-URL`, same origin only), not the partial's URL, so the
    login brings the user back to the page. Placed after django_htmx's HtmxMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        htmx = getattr(request, "htmx", None)
        if not htmx or response.status_code not in (301, 302, 303, 307, 308):
            return response
        login_path = resolve_url(settings.LOGIN_URL)
        location = urlsplit(response.get("Location", ""))
        if location.path != login_path:
            return response
        page = htmx.current_url_abs_path or parse_qs(location.query).get(REDIRECT_FIELD_NAME, ["/"])[0]
        return HttpResponseClientRedirect(f"{login_path}?{urlencode({REDIRECT_FIELD_NAME: page})}")
