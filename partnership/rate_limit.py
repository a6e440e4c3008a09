"""How often one address or one client may ask for a mail: password resets, sign-ups and
changes of e-mail each send one, and a script must not turn the portal into a mailer.

Counts live in the cache (shared by every server with REDIS_URL), in fixed windows.
"""

import hashlib

from django.core.cache import cache

WINDOW_SECONDS = 3600


def _key(scope: str, value: str) -> str:
    # Addresses are hashed: the cache holds no personal data.
    digest = hashlib.sha256(value.casefold().encode()).hexdigest()
    return f"rate:{scope}:{digest}"


def allow(scope: str, values: dict[str, str], limits: dict[str, int]) -> bool:
    """Count one more request for each named value (e.g. {"address": …, "client": …});
    False when any of them went over its limit within the window."""
    allowed = True
    for name, value in values.items():
        key = _key(f"{scope}:{name}", value)
        cache.add(key, 0, WINDOW_SECONDS)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, WINDOW_SECONDS)
            count = 1
        if count > limits[name]:
            allowed = False
    return allowed
