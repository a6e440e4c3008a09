"""The portal's Content-Security-Policy, relaxed for the Django admin alone."""

import time

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils.cache import patch_cache_control

ADMIN_PREFIX = "/admin/"


class PortalCSPMiddleware(CSPMiddleware):
    """Strict policy everywhere; the admin ships inline styles and scripts of its own."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            relaxed = {"script-src": ["'self'", "'unsafe-inline'"],
                       "style-src": ["'self'", "'unsafe-inline'"]}
            parts.update = {**(parts.update or {}), **relaxed}
        return parts


class SessionIdleTimeoutMiddleware:
    """Sign a user out after DJANGO_SESSION_IDLE_SECONDS without a request, and at the
    latest SESSION_COOKIE_AGE after signing in, however active they are.

    The last-seen time is written at most once a minute, so ordinary page views
    do not write the session row on every request. (Each such write renews the
    session's own expiry, which is why the sign-in time is kept and checked here.)
    """

    KEY = "_last_seen"
    SIGNED_IN = "_signed_in_at"
    TOUCH_EVERY = 60  # seconds

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            session = request.session
            last_seen = session.get(self.KEY, now)
            signed_in = session.get(self.SIGNED_IN, now)
            if (now - last_seen > settings.SESSION_IDLE_SECONDS
                    or now - signed_in > settings.SESSION_COOKIE_AGE):
                logout(request)
            else:
                if now - last_seen >= self.TOUCH_EVERY or self.KEY not in session:
                    session[self.KEY] = now
                if self.SIGNED_IN not in session:
                    session[self.SIGNED_IN] = now
        return self.get_response(request)

    @classmethod
    def mark_login(cls, sender, request, user, **kwargs):
        """Start both clocks at sign-in, so the first page view need not write them."""
        if request is not None and hasattr(request, "session"):
            now = int(time.time())
            request.session[cls.KEY] = now
            request.session[cls.SIGNED_IN] = now


class PrivatePagesMiddleware:
    """What a signed-in person sees (pages and downloads) is theirs alone: neither the
    browser's cache nor a proxy's may keep it, so that it cannot be read after sign-out
    or by the next person at a shared computer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class RequestSizeLimitMiddleware:
    """Refuse a request body larger than MAX_REQUEST_BYTES before anything reads it.

    Django reads a whole upload before any form can check its size; a 100 MB attachment
    would be received in full to be refused. The proxy in front should refuse it even
    earlier (README, "Production").
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            # A page of its own, in both languages: the session and the user, which the
            # portal's pages need, are not loaded yet.
            html = loader.render_to_string(
                "413.html", {"limit_mb": settings.MAX_REQUEST_BYTES // (1024 * 1024)})
            return HttpResponse(html, status=413)
        return self.get_response(request)


class RefuseNulMiddleware:
    """A NUL character in the address's parameters is refused with a clear page (400).

    Forms refuse NUL themselves; parameters that go straight into a query (the admin's
    list filters) would reach the database, which refuses NUL with an error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in key or any("\x00" in value for value in values)
               for key, values in request.GET.lists()):
            return render(request, "400_nul.html", status=400)
        return self.get_response(request)
