"""Reading service records from CSV files, for the command and the web page.

`parse` reads and validates the whole file without saving anything and reports
every bad row as `line N: column: problem` (the header is line 1);
`actions.import_records` saves a clean file in one transaction with
`inserting.insert_rows`, which bulk-inserts in large batches.
"""

import codecs
import csv
import datetime
import hashlib
import io
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

from partnership.fiscal import fiscal_year_of

from .kinds import KINDS, RecordKind
from .models import Course, ImportBatch, Project, ProjectYear, ServiceRequest

PREVIEW_ROWS = 10
MAX_INTEGER = 2_147_483_647
MAX_HOURS = Decimal("99999.99")
_DATE = re.compile(r"(\d{4})([-/])(\d{1,2})\2(\d{1,2})")
_BOOLEANS = {"yes": True, "true": True, "1": True, "はい": True,
             "no": False, "false": False, "0": False, "いいえ": False}


class CellError(ValueError):
    """A cell that cannot be read; the message says why."""


@dataclass(frozen=True)
class Problem:
    line: int | None  # None: a problem of the whole file
    column: str
    message: object

    def __str__(self) -> str:
        # The command's output, `line N: column: problem`, is a stable interface; the upload
        # page writes the same in the user's language (import_upload.html, problem_text).
        if self.line is None:
            return str(self.message)
        return f"line {self.line}: {self.column}: {self.message}"


@dataclass
class ParsedFile:
    kind: RecordKind
    filename: str
    sha256: str
    header: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)  # model field values, with project_id
    preview: list[list[str]] = field(default_factory=list)  # the first rows as read
    errors: list[Problem] = field(default_factory=list)
    row_count: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def already_imported_message():
    return _("This file was already imported: nothing was imported again.")


# Cells ---------------------------------------------------------------------------------


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


def _columns(kind: RecordKind) -> dict[str, tuple[str, Callable, bool]]:
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
    columns = _columns(kind)
    required = ["project", *[name for name, (_f, _r, req) in columns.items() if req]]
    optional = [name for name, (_f, _r, req) in columns.items() if not req]
    return required, optional


# Files ---------------------------------------------------------------------------------


def decode(data: bytes) -> str | None:
    """UTF-8 with or without a byte-order mark, or Shift_JIS/CP932; None if neither."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp932")
    except UnicodeDecodeError:
        return None


def parse(data: bytes, *, kind: RecordKind | str, filename: str = "",
          allowed_project_ids: set[int] | None = None) -> ParsedFile:
    """Read and check a whole file; nothing is saved.

    `allowed_project_ids` limits the projects rows may name (the staff's upload
    page); None allows every project (the administrators' command).
    """
    kind = KINDS[kind] if isinstance(kind, str) else kind
    parsed = ParsedFile(kind=kind, filename=filename, sha256=hashlib.sha256(data).hexdigest())
    errors = parsed.errors
    if ImportBatch.objects.filter(kind=kind.slug, sha256=parsed.sha256).exists():
        errors.append(Problem(None, "", already_imported_message()))
        return parsed
    text = decode(data)
    if text is None:
        errors.append(Problem(1, "file", _("is neither UTF-8 nor Shift_JIS text")))
        return parsed
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        errors.append(Problem(1, "file", _("is empty")))
        return parsed
    except csv.Error as error:
        errors.append(Problem(1, "file", error))
        return parsed
    header = [name.strip().lower() for name in header]
    parsed.header = header
    columns = _columns(kind)
    known = {"project", *columns}
    required, _optional = columns_of(kind)
    for name in required:
        if name not in header:
            errors.append(Problem(1, name, _("missing column")))
    for name, count in Counter(header).items():
        if name not in known:
            errors.append(Problem(1, name or "?", _("unknown column")))
        elif count > 1:
            errors.append(Problem(1, name, _("appears more than once")))
    if errors:
        return parsed

    projects, periods = {}, {}
    for code, pk, group_id, starts_on, ends_on in Project.objects.values_list(
            "code", "pk", "group_id", "starts_on", "ends_on"):
        projects[code] = (pk, group_id)
        periods[pk] = range(fiscal_year_of(starts_on), fiscal_year_of(ends_on) + 1)
    closed = set(ProjectYear.objects.filter(status=ProjectYear.Status.CLOSED)
                 .values_list("project_id", "fiscal_year"))
    project_index = header.index("project")
    readers = [(index, name, *columns[name][:2]) for index, name in enumerate(header)
               if name != "project"]
    date_index = header.index(kind.date_field)
    width = len(header)
    fiscal_years: dict[datetime.date, int] = {}
    rows = parsed.rows
    line = 1
    try:
        for cells in reader:
            start, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            parsed.row_count += 1
            if len(parsed.preview) < PREVIEW_ROWS:
                parsed.preview.append(cells)
            if len(cells) != width:
                errors.append(Problem(start, "row", _(
                    "has %(found)s columns, the header has %(expected)s"
                ) % {"found": len(cells), "expected": width}))
                continue
            row = {}
            bad = False
            code = cells[project_index].strip()
            project = projects.get(code)
            if project is None:
                errors.append(Problem(start, "project", _("unknown project code “%(code)s”")
                                      % {"code": code}))
                bad = True
            elif allowed_project_ids is not None and project[0] not in allowed_project_ids:
                errors.append(Problem(start, "project", _(
                    "“%(code)s” is not a project of your group"
                ) % {"code": code}))
                bad = True
            else:
                row["project_id"] = project[0]
            for index, name, model_field, read in readers:
                try:
                    row[model_field] = read(cells[index].strip())
                except CellError as error:
                    errors.append(Problem(start, name, error))
                    bad = True
            if bad:
                continue
            day = row[kind.date_field]
            year = fiscal_years.get(day)
            if year is None:
                year = fiscal_years[day] = fiscal_year_of(day)
            if year not in periods[row["project_id"]]:
                errors.append(Problem(start, header[date_index], _(
                    "fiscal year %(year)s is outside this project's period"
                ) % {"year": year}))
                continue
            if (row["project_id"], year) in closed:
                errors.append(Problem(start, header[date_index], _(
                    "fiscal year %(year)s of this project is closed"
                ) % {"year": year}))
                continue
            rows.append(row)
    except csv.Error as error:
        errors.append(Problem(line + 1, "file", error))
    if not errors and not parsed.row_count:
        errors.append(Problem(2, "file", _("has no records after the header")))
    if errors:
        parsed.rows = []
    return parsed
