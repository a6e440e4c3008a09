"""The downloads of the project trend page and the public summary, as CSV and XLSX.

Both files hold what their page shows. The CSV is for programs: codes, figures as
`export_indicators` writes them (integers bare, hours with two places, a ratio as a
decimal), and an empty cell where the page shows a dash. The XLSX is for people: labels in
the visitor's language, percentages as percentage cells, a dash for no figure.
"""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from services.models import Indicator, Project

from . import selectors
from .export import fiscal_year_label, format_value, funnel_sheet
from .sheets import Book, Percent


def _csv(header: tuple[str, ...], rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _figure(value) -> str:
    return "" if value is None else format_value(value)


def _ratio(value) -> str:
    return "" if value is None else f"{value:f}"


# --- One project's trend ------------------------------------------------------------------


def trend_results(project: Project, first: int, last: int):
    """(year, Result or None) per year of the span and indicator: None outside the years
    the project ran or recorded anything."""
    by_year = {row.year: row for row in selectors.project_indicators(first, last, project)}
    for year in range(first, last + 1):
        row = by_year.get(year)
        for index, indicator in enumerate(Indicator):
            yield year, indicator, row.results[index] if row else None


TREND_HEADER = ("year", "indicator", "target", "result", "result_over_target")


def trend_csv(project: Project, first: int, last: int) -> str:
    return _csv(TREND_HEADER, (
        (year, indicator.value, _figure(result and result.target),
         _figure(result and result.shown), _ratio(result and result.ratio))
        for year, indicator, result in trend_results(project, first, last)))


def trend_xlsx(project: Project, first: int, last: int) -> bytes:
    book = Book()
    ws = book.sheet(_("Targets and results"), [
        _("Fiscal year"), _("Indicator code"), _("Indicator"), _("Target"), _("Result"),
        _("Result / target")])
    labels = {indicator: str(indicator.label) for indicator in Indicator}
    for year, indicator, result in trend_results(project, first, last):
        ratio = result and result.ratio
        book.append(ws, [fiscal_year_label(year), indicator.value, labels[indicator],
                         result and result.target, result and result.shown,
                         None if ratio is None else Percent(ratio)])
    return book.save()


# --- The public summary ---------------------------------------------------------------------


def summary_figures(year: int):
    """The public summary's figures: the funnel of every call year with a submission, then
    the totals of all projects in `year` (None where no project recorded the kind)."""
    years = selectors.year_range()
    funnels = [f for f in selectors.funnel_by_year(years.first, years.last) if f.submitted]
    totals = selectors.totals(selectors.project_indicators(year, year))
    return funnels, totals


SUMMARY_HEADER = ("year", "indicator", "value")


def summary_csv(year: int) -> str:
    funnels, totals = summary_figures(year)
    rows = [(funnel.year, name, value) for funnel in funnels for name, value in funnel.steps()]
    rows += [(year, name, _figure(value)) for name, value in totals.items()]
    return _csv(SUMMARY_HEADER, rows)


def summary_xlsx(year: int) -> bytes:
    funnels, totals = summary_figures(year)
    book = Book()
    funnel_sheet(book, funnels, _("Call year"))
    ws = book.sheet(_("Totals"), [_("Fiscal year"), _("Indicator code"), _("Indicator"),
                                  _("Total")])
    labels = {indicator.value: str(indicator.label) for indicator in Indicator}
    for name, value in totals.items():
        book.append(ws, [fiscal_year_label(year), name, labels[name], value])
    return book.save()
