"""The language a signed-in person reads the portal in follows the one saved on their
account: when they sign in and when they change it.

Django keeps the visitor's language in a cookie (the one the language switcher sets);
`follow` asks for that cookie to be written on the response, which the middleware does.
The header's switcher still changes the language of the pages alone, for the browser.
"""

from django.conf import settings

_ATTRIBUTE = "_portal_account_language"


def follow(request, language: str) -> None:
    setattr(request, _ATTRIBUTE, language)


def on_sign_in(sender, request, user, **kwargs) -> None:
    """`user_logged_in` receiver."""
    if request is not None and getattr(user, "language", ""):
        follow(request, user.language)


class AccountLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = getattr(request, _ATTRIBUTE, None)
        if language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME, language,
                max_age=settings.LANGUAGE_COOKIE_AGE, path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN, secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
