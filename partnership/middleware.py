"""The portal's Content-Security-Policy, relaxed for the Django admin alone."""

from csp.middleware import CSPMiddleware, PolicyParts

ADMIN_PREFIX = "/admin/"


class PortalCSPMiddleware(CSPMiddleware):
    """Strict policy everywhere; the admin ships inline styles and scripts of its own."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            relaxed = {"script-src": ["'self'", "'unsafe-inline'"],
                       "style-src": ["'self'", "'unsafe-inline'"],
                       "img-src": ["'self'", "data:"]}
            parts.update = {**(parts.update or {}), **relaxed}
        return parts
