"""Reading service records from CSV files, for the command and the web page.

`parse` reads and validates the whole file without saving anything and reports
every bad row as `line N: column: problem` (the header is line 1). A file has at most
MAX_FILE_BYTES and MAX_ROWS records; the first MAX_PROBLEMS problems are listed and the
rest counted, so any file gets its answer within seconds;
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
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from partnership.fiscal import fiscal_year_of

from .import_columns import CellError, columns_for, columns_of
from .kinds import KINDS, RecordKind
from .models import AnnualReport, ImportBatch, Project, ProjectYear
from .periods import record_periods

PREVIEW_ROWS = 10
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 100_000
MAX_PROBLEMS = 100
# Control characters have no place in a record (C0, DEL and C1).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
CONTROL_MESSAGE = _("contains a control character (such as NUL, a tab or a line break)")

__all__ = ["CellError", "columns_of", "parse"]


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
    # The first rows as read, each with its line in the file: (line, cells).
    preview: list[tuple[int, list[str]]] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    row_count: int = 0
    rows_sha256: str = ""  # of the records as read (see `rows_digest`)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def already_imported_message():
    return _("This file was already imported: nothing was imported again.")


# Files ---------------------------------------------------------------------------------


def decode(data: bytes) -> str | None:
    """UTF-8 with or without a byte-order mark, or Shift_JIS/CP932; None if neither."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None  # UTF-16 (Excel's "Unicode text"): say so, not "a control character"
    head = data[:1024]
    if head and head.count(0) * 3 > len(head):
        return None  # UTF-16 without its mark: every other byte is NUL
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


def rows_digest(kind: RecordKind, rows: list[dict]) -> str:
    """A digest of the records whatever their order and the file's encoding, line endings
    and column order: each record's values in the kind's field order, the records sorted."""
    lines = sorted("\x1f".join(_record_key(kind, row)) for row in rows)
    return hashlib.sha256("\x1e".join([kind.slug, *lines]).encode()).hexdigest()


def _plain(value) -> str:
    """1.5 and 1.50 hours are the same record."""
    return format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)


def _control_character(cells: list[str]) -> int | None:
    """The index of the first cell holding a control character (NUL, a tab, a line break
    in a quoted cell…), or None."""
    for index, cell in enumerate(cells):
        if _CONTROL.search(cell):
            return index
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
    if len(data) > MAX_FILE_BYTES:
        errors.append(Problem(1, "file", _("is larger than %(mb)s MB: split it into several "
                                           "files") % {"mb": MAX_FILE_BYTES // (1024 * 1024)}))
        return parsed
    if ImportBatch.objects.filter(kind=kind.slug, sha256=parsed.sha256).exists():
        errors.append(Problem(None, "", already_imported_message()))
        return parsed
    _read(parsed, data, allowed_project_ids)
    if parsed.rows and not errors:
        parsed.rows_sha256 = rows_digest(kind, parsed.rows)
        if ImportBatch.objects.filter(kind=kind.slug, rows_sha256=parsed.rows_sha256).exists():
            errors.append(Problem(None, "", already_imported_message()))
            parsed.rows = []
    return parsed


def _read(parsed: ParsedFile, data: bytes, allowed_project_ids: set[int] | None) -> None:
    kind, errors = parsed.kind, parsed.errors
    text = decode(data)
    if text is None:
        errors.append(Problem(1, "file", _("is neither UTF-8 nor Shift_JIS text")))
        return
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        errors.append(Problem(1, "file", _("is empty")))
        return
    except csv.Error as error:
        errors.append(Problem(1, "file", error))
        return
    if _control_character(header) is not None:
        errors.append(Problem(1, "header", CONTROL_MESSAGE))
        return
    header = [name.strip().lower() for name in header]
    parsed.header = header
    columns = columns_for(kind)
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
        return

    projects = {code: (pk, group_id) for code, pk, group_id in
                Project.objects.values_list("code", "pk", "group_id")}
    periods = record_periods()  # within the agreed period, once there is one
    # Closed years, and years whose annual report is submitted or accepted (their records
    # no longer change either): (project, year) -> whether it is closed.
    closed = {(project_id, year): status == ProjectYear.Status.CLOSED
              for project_id, year, status in ProjectYear.objects.filter(
                  Q(status=ProjectYear.Status.CLOSED)
                  | Q(report__status__in=[AnnualReport.Status.SUBMITTED,
                                          AnnualReport.Status.ACCEPTED]))
              .values_list("project_id", "fiscal_year", "status")}
    project_index = header.index("project")
    readers = [(index, name, *columns[name][:2]) for index, name in enumerate(header)
               if name != "project"]
    date_index = header.index(kind.date_field)
    width = len(header)
    fiscal_years: dict[datetime.date, int] = {}
    rows = parsed.rows
    lines: list[int] = []  # the file's line of each row kept
    problems = _Problems(errors)
    line = 1
    try:
        for cells in reader:
            start, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            parsed.row_count += 1
            if parsed.row_count > MAX_ROWS:
                errors.append(Problem(start, "file", _(
                    "has more than %(max)s records: split it into several files"
                ) % {"max": f"{MAX_ROWS:,}"}))
                break
            if len(parsed.preview) < PREVIEW_ROWS:
                parsed.preview.append((start, cells))
            if len(cells) != width:
                problems.add(Problem(start, "row", _(
                    "has %(found)s columns, the header has %(expected)s"
                ) % {"found": len(cells), "expected": width}))
                continue
            bad_cell = _control_character(cells)
            if bad_cell is not None:
                problems.add(Problem(start, header[bad_cell], CONTROL_MESSAGE))
                continue
            row = {}
            bad = False
            code = cells[project_index].strip()
            project = projects.get(code)
            if project is None:
                problems.add(Problem(start, "project", _("unknown project code “%(code)s”")
                                     % {"code": code}))
                bad = True
            elif allowed_project_ids is not None and project[0] not in allowed_project_ids:
                problems.add(Problem(start, "project", _(
                    "“%(code)s” is not a project of your group"
                ) % {"code": code}))
                bad = True
            else:
                row["project_id"] = project[0]
            for index, name, model_field, read in readers:
                try:
                    row[model_field] = read(cells[index].strip())
                except CellError as error:
                    problems.add(Problem(start, name, error))
                    bad = True
            if bad:
                continue
            day = row[kind.date_field]
            starts_on, ends_on = periods[row["project_id"]]
            if not starts_on <= day <= ends_on:
                problems.add(Problem(start, header[date_index], _(
                    "%(day)s is outside this project's period (%(start)s – %(end)s)"
                ) % {"day": day, "start": starts_on, "end": ends_on}))
                continue
            year = fiscal_years.get(day)
            if year is None:
                year = fiscal_years[day] = fiscal_year_of(day)
            locked = closed.get((row["project_id"], year))
            if locked is not None:
                message = (_("fiscal year %(year)s of this project is closed") if locked else
                           _("the annual report of fiscal year %(year)s of this project is "
                             "submitted or accepted"))
                problems.add(Problem(start, header[date_index], message % {"year": year}))
                continue
            rows.append(row)
            lines.append(start)
    except csv.Error as error:
        errors.append(Problem(line + 1, "file", error))
    if rows and not errors:
        _refuse_known_records(kind, rows, lines, problems)
    problems.close()
    if not errors and not parsed.row_count:
        errors.append(Problem(2, "file", _("has no records after the header")))
    if errors:
        parsed.rows = []


def _record_key(kind: RecordKind, row: dict) -> tuple:
    return tuple(_plain(row.get(name, "")) for name in ("project_id", *kind.fields))


def _refuse_known_records(kind: RecordKind, rows: list[dict], lines: list[int],
                          problems: "_Problems") -> None:
    """A row whose record is already in the portal (imported or entered before) is refused:
    a file that repeats rows of an earlier one would count them twice. One query, narrowed
    to the file's projects and dates."""
    days = [row[kind.date_field] for row in rows]
    existing = kind.model.objects.filter(
        project_id__in={row["project_id"] for row in rows},
        **{f"{kind.date_field}__range": (min(days), max(days))},
    ).values_list("project_id", *kind.fields)
    known = {tuple(_plain(value) for value in values) for values in existing}
    for row, line in zip(rows, lines, strict=True):
        if _record_key(kind, row) in known:
            problems.add(Problem(line, "row", _("the same record is already in the portal "
                                                "(imported or entered before)")))


class _Problems:
    """Lists the first MAX_PROBLEMS problems of the rows and counts the others."""

    def __init__(self, errors: list[Problem]) -> None:
        self.errors, self.more = errors, 0

    def add(self, problem: Problem) -> None:
        if len(self.errors) < MAX_PROBLEMS:
            self.errors.append(problem)
        else:
            self.more += 1

    def close(self) -> None:
        if self.more:
            self.errors.append(Problem(None, "", _(
                "… and %(count)s more problems in other rows (fix these and try again)"
            ) % {"count": f"{self.more:,}"}))
