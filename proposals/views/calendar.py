"""The call's iCalendar feed: its key dates (and, once published, its hearing sessions),
for a person's calendar program. Public, as the call page is."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from .. import ical
from ..call_dates import key_dates
from ..hearing_selectors import sessions_of
from ..models import Call


def _host() -> str:
    return urlsplit(settings.PORTAL_URL).hostname or "localhost"


def _events(call: Call, page: str) -> list[ical.Event]:
    events = []
    for row in key_dates(call):
        end = row.end
        if not isinstance(end, datetime.datetime):
            end = end + datetime.timedelta(days=1)  # DTEND of a day is the day after
        events.append(ical.Event(uid=f"call-{call.pk}-{row.key}@{_host()}",
                                 summary=f"{call.title}: {row.label}",
                                 start=row.start, end=end, url=page))
    # The sessions once published: nothing of a hearing before it is meant to be public.
    hearing = _("Public hearing")
    for session in sessions_of(call, public_only=True):
        events.append(ical.Event(uid=f"hearing-session-{session.pk}@{_host()}",
                                 summary=f"{call.title}: {hearing}",
                                 start=session.starts_at, end=session.ends_at,
                                 location=session.place, url=page))
    return events


class CallCalendarView(View):
    def get(self, request, pk: int):
        call = get_object_or_404(Call, pk=pk)
        page = settings.PORTAL_URL.rstrip("/") + reverse("proposals:call_detail",
                                                         kwargs={"pk": call.pk})
        response = HttpResponse(ical.calendar(call.title, _events(call, page)),
                                content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="call-{call.pk}.ics"'
        return response
