"""The indicator CSV (a stable interface, see the README), the XLSX workbook and the
raw-record CSV.

CSV layout (`export_indicators` and the download of the report pages, byte for byte):
header `year,project,indicator,value`; for each fiscal year in order, every project of
that year (see `reports.selectors`) by code, with the 14 indicators in the order of
`services.models.Indicator`, zeros included; then that year's funnel rows
`proposals_submitted`, `proposals_recommended`, `proposals_chosen` with an empty project
(counted for the calls of that fiscal year). Integers print without a decimal point;
hours print with exactly two decimals (`5508.00`). Lines end with a bare newline.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from decimal import Decimal

from django.utils.translation import gettext as _

from partnership.fiscal import fiscal_year_bounds
from services.indicators import HOURS_PLACES, ORGANISERS
from services.kinds import KINDS
from services.models import Indicator

from . import selectors
from .sheets import Book, Percent

HEADER = ("year", "project", "indicator", "value")
MIN_YEAR, MAX_YEAR = 1900, 2999
MAX_SPAN = 50


class SpanError(ValueError):
    """The years asked for do not make a valid span."""


def parse_span(year=None, first=None, last=None) -> tuple[int, int]:
    """(first, last) from either one year or a from/to pair; SpanError otherwise."""
    if year is not None and (first is not None or last is not None):
        raise SpanError(_("Give either one year or a span (from and to), not both."))
    if year is not None:
        first = last = year
    elif first is None or last is None:
        raise SpanError(_("Give a fiscal year, or both the first and the last year of a span."))
    try:
        first, last = int(first), int(last)
    except (TypeError, ValueError):
        raise SpanError(_("A fiscal year is a number such as 2011.")) from None
    for value in (first, last):
        if not MIN_YEAR <= value <= MAX_YEAR:
            raise SpanError(_("A fiscal year is a number such as 2011.")) from None
    if first > last:
        raise SpanError(_("The first year must not come after the last year."))
    if last - first + 1 > MAX_SPAN:
        raise SpanError(_("A span covers at most %(count)d years.") % {"count": MAX_SPAN})
    return first, last


def format_value(value) -> str:
    """Integers without a decimal point, hours (Decimal) with exactly two decimals."""
    if type(value) is int:  # most values: the quick way first
        return str(value)
    if isinstance(value, Decimal):
        return f"{value.quantize(HOURS_PLACES):f}"
    return str(int(value))


# An enum member's `.value` is a descriptor call; on 14,000 rows (bench/api.py) a dict is
# noticeably quicker.
INDICATOR_NAMES = {indicator: indicator.value for indicator in Indicator}


def indicator_rows(first: int, last: int) -> list[tuple[str, str, str, str]]:
    table = selectors.project_indicators(first, last)
    funnels = {f.year: f for f in selectors.funnel_by_year(first, last)}
    rows = []
    for year in range(first, last + 1):
        text_year = str(year)
        for item in table:
            if item.year != year:
                continue
            code = item.project.code
            rows.extend((text_year, code, INDICATOR_NAMES[result.indicator],
                         format_value(result.value)) for result in item.results)
        rows.extend((str(year), "", name, str(value)) for name, value in funnels[year].steps())
    return rows


def indicators_csv(first: int, last: int) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(indicator_rows(first, last))
    return buffer.getvalue()


# --- XLSX ---------------------------------------------------------------------------------------


def fiscal_year_label(year: int) -> str:
    """2011年度 in Japanese, FY2011 in English."""
    return _("FY%(year)s") % {"year": year}


def fiscal_year_labels(years) -> list[str]:
    """`fiscal_year_label` of each year, translated once."""
    pattern = _("FY%(year)s")
    return [pattern % {"year": year} for year in years]


def funnel_sheet(book: Book, funnels, year_heading: str) -> None:
    """The funnel's sheet of a workbook: a row per year, then the total."""
    ws = book.sheet(_("Funnel"), [year_heading, _("Submitted"), _("Recommended"), _("Chosen")])
    for funnel in funnels:
        book.append(ws, [fiscal_year_label(funnel.year), funnel.submitted, funnel.recommended,
                         funnel.chosen])
    total = selectors.funnel_total(funnels)
    book.append(ws, [_("Total"), total.submitted, total.recommended, total.chosen])


def workbook_bytes(first: int, last: int) -> bytes:
    """The report as XLSX: one sheet per section, a header row each. A dash where the
    project recorded nothing of the indicator's kind (the CSV, a stable interface, says 0)."""
    table = selectors.project_indicators(first, last)
    funnels = selectors.funnel_by_year(first, last)
    book = Book()
    funnel_sheet(book, funnels, _("Fiscal year"))

    ws = book.sheet(_("Indicators"), [_("Fiscal year"), _("Project code"), _("Project"),
                                      _("Indicator code"), _("Indicator"), _("Target"),
                                      _("Result"), _("Result / target")])
    for item in table:
        for result in item.results:
            ratio = result.ratio
            book.append(ws, [fiscal_year_label(item.year), item.project.code, item.project.title,
                             result.indicator.value, str(result.indicator.label), result.target,
                             result.shown, None if ratio is None else Percent(ratio)])

    ws = book.sheet(_("Courses by organiser"), [_("Fiscal year"), _("Project code"),
                                                _("Project"), _("Organiser"), _("Courses"),
                                                _("Participants")])
    for item in table:
        shown = {result.indicator: result.shown for result in item.results}
        for organiser, courses, participants in ORGANISERS:
            book.append(ws, [fiscal_year_label(item.year), item.project.code, item.project.title,
                             str(organiser.label), shown[courses], shown[participants]])

    ws = book.sheet(_("Members"), [_("Fiscal year"), _("Project code"), _("Project"),
                                   _("New members"), _("Of whom former service users")])
    for item in table:
        shown = {result.indicator: result.shown for result in item.results}
        book.append(ws, [fiscal_year_label(item.year), item.project.code, item.project.title,
                         shown[Indicator.NEW_MEMBERS], shown[Indicator.NEW_MEMBERS_FORMER_USERS]])
    return book.save()


# --- Raw records, streamed ---------------------------------------------------------------------

RAW_CHUNK = 2000
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def raw_columns(kind: str) -> tuple[str, ...]:
    """The columns of `import_records` for that kind, so an export can be read back."""
    record_kind = KINDS[kind]
    return ("project", *record_kind.fields)


def safe_cell(value):
    # Spreadsheet programs run text beginning with "=" etc. as a formula (CSV injection).
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class _Echo:
    def write(self, value: str) -> str:
        return value


def raw_records_lines(kind: str, year: int) -> Iterator[str]:
    """CSV lines of one kind's records dated in fiscal year `year`, streamed in chunks.

    values_list + iterator(chunk_size): no model instances, constant memory
    (a server-side cursor on PostgreSQL).
    """
    record_kind = KINDS[kind]
    model, date_field = record_kind.model, record_kind.date_field
    first, last = fiscal_year_bounds(year)
    columns = raw_columns(kind)
    rows = (
        model.objects.filter(**{f"{date_field}__range": (first, last)})
        .order_by(date_field, "pk")
        .values_list("project__code", *columns[1:])
        .iterator(chunk_size=RAW_CHUNK)
    )
    writer = csv.writer(_Echo(), lineterminator="\n")
    yield writer.writerow(columns)
    batch = []
    for row in rows:
        batch.append(writer.writerow([safe_cell(value) for value in row]))
        if len(batch) >= RAW_CHUNK:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)
