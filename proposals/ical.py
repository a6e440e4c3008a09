"""A tiny iCalendar (RFC 5545) writer for the calls' calendars: events of a whole day or of
a span of time, text escaped (section 3.3.11) and lines folded at 75 octets (3.1) without
splitting a character, every line ending in CRLF."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

LINE_OCTETS = 75


@dataclass(frozen=True)
class Event:
    uid: str
    summary: str
    start: datetime.date | datetime.datetime
    end: datetime.date | datetime.datetime  # exclusive: the day after an all-day event
    location: str = ""
    description: str = ""
    url: str = ""


def escape(text: str) -> str:
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """The line cut into pieces of at most 75 octets, each continued by CRLF and a space."""
    pieces, current, size = [], "", 0
    for char in line:
        octets = len(char.encode())
        limit = LINE_OCTETS if not pieces else LINE_OCTETS - 1  # the space counts
        if size + octets > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += octets
    pieces.append(current)
    return "\r\n ".join(pieces)


def _moment(name: str, value: datetime.date | datetime.datetime) -> str:
    if isinstance(value, datetime.datetime):
        return f"{name}:{value.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}"
    return f"{name};VALUE=DATE:{value:%Y%m%d}"


def calendar(name: str, events: list[Event], *, stamp: datetime.datetime | None = None) -> str:
    stamp = stamp or timezone.now()
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Citizen Partnership portal//JA",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{escape(name)}",
             f"X-WR-TIMEZONE:{settings.TIME_ZONE}"]
    for event in events:
        lines += ["BEGIN:VEVENT", f"UID:{event.uid}", _moment("DTSTAMP", stamp),
                  _moment("DTSTART", event.start), _moment("DTEND", event.end),
                  f"SUMMARY:{escape(event.summary)}"]
        if event.location:
            lines.append(f"LOCATION:{escape(event.location)}")
        if event.description:
            lines.append(f"DESCRIPTION:{escape(event.description)}")
        if event.url:
            lines.append(f"URL:{event.url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
