"""A short id for every request: in the log lines it causes, its audit rows and its 500 page,
so that a person can quote it and an administrator can find what happened."""

import logging
import re
import uuid
from contextvars import ContextVar

_current: ContextVar[str] = ContextVar("request_id", default="")

HEADER = "X-Request-ID"
# An id given by the proxy is kept when it looks like one (letters, digits, dashes).
_VALID = re.compile(r"^[A-Za-z0-9-]{8,32}$")


def current() -> str:
    """The id of the request being answered; empty in a command or the worker."""
    return _current.get()


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get(HEADER, "")
        request.id = given if _VALID.match(given) else uuid.uuid4().hex[:16]
        token = _current.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[HEADER] = request.id
        return response


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every log record ("-" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = getattr(record, "request_id", None) or current() or "-"
        return True
