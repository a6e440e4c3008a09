"""Open-data responses kept in the cache until the portal's data changes.

Every change to the portal's data writes an audit row (`partnership.audit.record`, the
admin, the demo), so the newest audit row's id is the data's version: a response is
stored under (that id, the address) and a change makes every stored one old. The id costs
one query on the primary key's index. API_CACHE_SECONDS bounds how long a response is
kept anyway (and 0 turns the cache off), and is what browsers and proxies are told they
may keep it.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from partnership.models import AuditEntry

KEPT_HEADERS = ("Content-Type", "Content-Disposition")


def _key(request) -> str:
    version = AuditEntry.objects.aggregate(last=Max("id"))["last"] or 0
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"open-data:{version}:{address}"


def cached(view):
    """Serve a GET from the cache when stored, and store a 200 answer."""

    @wraps(view)
    def serve(request, *args, **kwargs):
        seconds = settings.API_CACHE_SECONDS
        if request.method != "GET" or seconds <= 0:
            return view(request, *args, **kwargs)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            response = HttpResponse(stored["content"])
            for name, value in stored["headers"].items():
                response[name] = value
        else:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming:
                cache.set(key, {"content": response.content,
                                "headers": {name: response[name] for name in KEPT_HEADERS
                                            if response.has_header(name)}}, seconds)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=seconds)
        return response

    return serve
