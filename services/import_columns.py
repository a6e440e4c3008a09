"""The columns of each kind of record in an import file, and how each cell is read."""

import datetime
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

from .kinds import RecordKind
from .models import Course, ServiceRequest

MAX_INTEGER = 2_147_483_647
MAX_HOURS = Decimal("99999.99")
_DATE = re.compile(r"(\d{4})([-/])(\d{1,2})\2(\d{1,2})")
_BOOLEANS = {"yes": True, "true": True, "1": True, "はい": True,
             "no": False, "false": False, "0": False, "いいえ": False}


class CellError(ValueError):
    """A cell that cannot be read; the message says why."""


def _text(max_length: int, required: bool) -> Callable[[str], str]:
    def read(value: str) -> str:
        if required and not value:
            raise CellError(_("is empty"))
        if len(value) > max_length:
            raise CellError(_("is longer than %(max)s characters") % {"max": max_length})
        return value

    return read


def _choice(choices) -> Callable[[str], str]:
    values = {value.lower(): value for value in choices.values}
    allowed = ", ".join(choices.values)

    def read(value: str) -> str:
        try:
            return values[value.lower()]
        except KeyError:
            raise CellError(
                _("unknown value “%(value)s” (use %(allowed)s)")
                % {"value": value, "allowed": allowed}
            ) from None

    return read


def _integer(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise CellError(_("“%(value)s” is not a whole number") % {"value": value}) from None
    if number < 0:
        raise CellError(_("must not be negative"))
    if number > MAX_INTEGER:
        raise CellError(_("is too large"))
    return number


def _hours(value: str) -> Decimal:
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise CellError(_("“%(value)s” is not a number") % {"value": value}) from None
    if not number.is_finite():
        raise CellError(_("“%(value)s” is not a number") % {"value": value})
    if number < 0:
        raise CellError(_("must not be negative"))
    if number > MAX_HOURS:
        raise CellError(_("is too large"))
    if number.as_tuple().exponent < -2:
        raise CellError(_("has more than two decimal places"))
    return number


def _boolean(value: str) -> bool:
    try:
        return _BOOLEANS[value.lower()]
    except KeyError:
        raise CellError(
            _("“%(value)s” is not yes/no, true/false or 1/0") % {"value": value}
        ) from None


def _date_reader() -> Callable[[str], datetime.date]:
    cache: dict[str, datetime.date] = {}

    def read(value: str) -> datetime.date:
        day = cache.get(value)
        if day is not None:
            return day
        match = _DATE.fullmatch(value)
        try:
            if match is None:
                raise ValueError
            day = datetime.date(int(match[1]), int(match[3]), int(match[4]))
        except ValueError:
            raise CellError(
                _("“%(value)s” is not a date (use YYYY-MM-DD or YYYY/MM/DD)") % {"value": value}
            ) from None
        cache[value] = day
        return day

    return read


def columns_for(kind: RecordKind) -> dict[str, tuple[str, Callable, bool]]:
    """column name -> (model field, reader, required column)."""
    model = kind.model

    def length(name: str) -> int:
        return model._meta.get_field(name).max_length

    date = _date_reader()
    if kind.slug == "requests":
        return {
            "received_on": ("received_on", date, True),
            "category": ("category", _text(length("category"), True), True),
            "status": ("status", _choice(ServiceRequest.RequestStatus), True),
        }
    if kind.slug == "activities":
        return {
            "date": ("date", date, True),
            "hours": ("hours", _hours, True),
            "description": ("description", _text(length("description"), False), True),
        }
    if kind.slug == "visits":
        return {
            "date": ("date", date, True),
            "users": ("users", _integer, True),
            "facility": ("facility", _text(length("facility"), True), True),
        }
    if kind.slug == "courses":
        return {
            "title": ("title", _text(length("title"), True), True),
            "organiser": ("organiser", _choice(Course.Organiser), True),
            "start_date": ("start_date", date, True),
            "participants": ("participants", _integer, True),
            "venue": ("venue", _text(length("venue"), False), False),
            "audience": ("audience", _text(length("audience"), False), False),
        }
    return {
        "joined_on": ("joined_on", date, True),
        "former_user": ("former_user", _boolean, True),
    }


def columns_of(kind: RecordKind) -> tuple[list[str], list[str]]:
    """(required, optional) column names of a kind, `project` first."""
    columns = columns_for(kind)
    required = ["project", *[name for name, (_f, _r, req) in columns.items() if req]]
    optional = [name for name, (_f, _r, req) in columns.items() if not req]
    return required, optional
