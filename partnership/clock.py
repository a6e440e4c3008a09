"""The life cycle's notion of "now", with a way to replay history (the demo data).

Actions, call windows and the dates of events, review results and decisions read
`now()`. It is the real time, except inside `at(moment)`, which the demo uses to
take historic proposals (fiscal 2003–2006) through the real actions with the dates
they would have had. Nothing else should use `at`.
"""

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.utils import timezone

_frozen: ContextVar[datetime.datetime | None] = ContextVar("portal_clock", default=None)


def now() -> datetime.datetime:
    return _frozen.get() or timezone.now()


@contextmanager
def at(moment: datetime.datetime) -> Iterator[datetime.datetime]:
    """Within this block, `now()` returns `moment` (an aware datetime)."""
    if timezone.is_naive(moment):
        raise ValueError("clock.at needs an aware datetime.")
    token = _frozen.set(moment)
    try:
        yield moment
    finally:
        _frozen.reset(token)
