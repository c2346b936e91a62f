"""The interface language: Vietnamese, unless the `django_language` cookie asks for another language of LANGUAGES.

Django's LocaleMiddleware would also follow the browser's Accept-Language, so an English browser would get the
Django admin in English; here the browser's preference is ignored and only an explicit choice (the cookie) counts.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers


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
