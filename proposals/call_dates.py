"""The key dates of a call, in order, for its page and its iCalendar feed."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Call


@dataclass(frozen=True)
class KeyDate:
    key: str  # stable: part of the event's UID in the feed
    label: str
    start: datetime.date | datetime.datetime
    end: datetime.date | datetime.datetime  # the last day (inclusive), or the closing moment

    @property
    def is_span(self) -> bool:
        return self.end != self.start


def key_dates(call: Call) -> list[KeyDate]:
    """The consultation period, the submission window, the hearing, the review and the
    decision: those the call gives."""
    rows = []
    consultation = [d for d in (call.consultation_opens_on, call.consultation_closes_on) if d]
    if consultation:
        rows.append(KeyDate("consultation", _("Consultation with the departments"),
                            consultation[0], consultation[-1]))
    rows.append(KeyDate("submission", _("Submissions"), call.opens_at, call.closes_at))
    if call.hearing_on:
        rows.append(KeyDate("hearing", _("Public hearing"), call.hearing_on, call.hearing_on))
    if call.review_ends_on:
        start = call.hearing_on or min(timezone.localdate(call.closes_at), call.review_ends_on)
        rows.append(KeyDate("review", _("Review by the partnership"), start,
                            call.review_ends_on))
    if call.decision_on:
        rows.append(KeyDate("decision", _("Decision by the mayor's office"), call.decision_on,
                            call.decision_on))
    return rows
