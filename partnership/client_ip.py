"""The address of the person at the other end, for the sign-in lockout.

Behind a TLS proxy every request comes from the proxy's address, so counting failed
sign-ins by REMOTE_ADDR would let five bad tries by anyone lock an account for everyone.
When the request comes from a proxy named in DJANGO_TRUSTED_PROXIES, the client is the
right-most address of X-Forwarded-For that is not itself a trusted proxy (what a client
writes further left is theirs to invent). Without trusted proxies the header is ignored.
"""

from django.conf import settings


def client_ip(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    trusted = set(settings.TRUSTED_PROXIES)
    if remote not in trusted:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for address in reversed([part for part in forwarded if part]):
        if address not in trusted:
            return address
    return remote
