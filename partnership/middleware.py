"""The portal's Content-Security-Policy, relaxed for the Django admin alone."""

import time

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib.auth import logout

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
