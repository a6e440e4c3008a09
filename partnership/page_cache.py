"""The public pages every anonymous visitor sees alike, kept in the cache per language.

A page is stored under (language, address) with the cache version it was rendered at.
Every change to the portal's data writes an audit row through `partnership.audit.record`,
which bumps the version when its transaction commits, so every page stored before the
change is never served again (`bump`); commands that change data without an audit row bump
it themselves. The version and the page are read together, in one round trip to the cache:
with Django's Redis backend each round trip costs about as much as the hello-world view.

Only anonymous GET requests without a session or messages cookie are served from the
cache or stored: such a visitor cannot have a session, messages or anything private. The
pages carry the language switcher's CSRF token, different for every visitor: it is stored
as a placeholder and each visitor gets their own (`get_token` also sets their cookie).
Headers are not stored: the middleware adds them afresh (Vary, Content-Language, CSP).

Off (PAGE_CACHE_SECONDS = 0) unless the cache is shared by every process (REDIS_URL): a
version bumped in one process's memory would leave the others' pages stale.
"""

import hashlib
import re
import time

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation

VERSION_KEY = "page-cache:version"
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')
PLACEHOLDER = b'name="csrfmiddlewaretoken" value="\x00csrf\x00"'


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def bump() -> None:
    """Make every stored page old: the next visitor of each gets it rendered afresh."""
    if not enabled():
        return
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet, or the cache evicted it
        _start_version()


def _start_version() -> int:
    # A new version starts at the clock (in ms), never at 1: a version evicted from the
    # cache must not come back as a number whose pages are still stored.
    cache.add(VERSION_KEY, time.time_ns() // 1_000_000, timeout=None)
    return cache.get(VERSION_KEY)


def _read(key: str) -> tuple[int, object | None]:
    """(the current version, what is stored under `key` if it was stored at that version)."""
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY) or _start_version()
    stored = found.get(key)
    if stored is None or stored["version"] != version:
        return version, None
    return version, stored["value"]


def _keep(key: str, version: int, value) -> None:
    cache.set(key, {"version": version, "value": value}, settings.PAGE_CACHE_SECONDS)


def shared(name: str, compute):
    """What every reader of a page sees alike (a report's figures, rendered or not), kept
    like the pages, per language: `compute()` runs once per change of the data. For views
    only: inside an action's transaction `compute` would read what is not committed, and
    keep it if the transaction rolled back."""
    if not enabled():
        return compute()
    key = f"page-cache:{translation.get_language()}:shared:{name}"
    # The version is read first: what compute() then reads is at least as new as it.
    version, value = _read(key)
    if value is None:
        value = compute()
        _keep(key, version, value)
    return value


def anonymous(request) -> bool:
    return (enabled() and request.method == "GET"
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and CookieStorage.cookie_name not in request.COOKIES
            and not request.user.is_authenticated)


def _key(request) -> str:
    # The language actually activated (cookie, Accept-Language or the default), and the
    # whole address: the pages hold links with the path and its query.
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"page-cache:{translation.get_language()}:{address}"


def _storable(request, response) -> bool:
    return (response.status_code == 200 and not response.streaming and not response.cookies
            and not request.session.modified)


def _with_token(request, stored: dict) -> HttpResponse:
    token = f'name="csrfmiddlewaretoken" value="{get_token(request)}"'.encode()
    return HttpResponse(stored["content"].replace(PLACEHOLDER, token),
                        content_type=stored["content_type"])


class CachedPublicPage:
    """View mixin (first among the bases) of a public page that is the same for every
    anonymous visitor."""

    def dispatch(self, request, *args, **kwargs):
        if not anonymous(request):
            return super().dispatch(request, *args, **kwargs)
        key = _key(request)
        version, stored = _read(key)
        if stored is not None:
            return _with_token(request, stored)
        response = super().dispatch(request, *args, **kwargs)
        if hasattr(response, "render"):
            response.render()
        if _storable(request, response):
            _keep(key, version, {"content": TOKEN.sub(PLACEHOLDER, response.content),
                                 "content_type": response["Content-Type"]})
        return response
