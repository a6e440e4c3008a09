"""Report pages and downloads. Thin: permission, selectors, charts, template."""

from __future__ import annotations

import itertools

from django.http import Http404, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.template.loader import render_to_string
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from partnership import page_cache
from partnership.fiscal import fiscal_year_of
from partnership.page_cache import CachedPublicPage
from services.indicators import ORGANISERS
from services.kinds import KINDS
from services.models import Indicator, Project

from . import export, figures, selectors, tables
from .access import ProjectTrendAccess
from .formatting import Numbers
from .forms import SpanForm, YearForm


def _chosen_year(request, years: selectors.YearRange) -> tuple[YearForm, int]:
    form = YearForm(request.GET or None, years=years.choices(),
                    initial={"year": years.default})
    year = form.cleaned_data["year"] if form.is_bound and form.is_valid() else years.default
    return form, year


def _chosen_span(request, years: selectors.YearRange, first: int, last: int):
    form = SpanForm(request.GET or None, years=years.choices(),
                    initial={"first": first, "last": last})
    if form.is_bound and form.is_valid():
        first, last = form.cleaned_data["first"], form.cleaned_data["last"]
    return form, first, last


def _span_of_request(request) -> tuple[int, int]:
    """(first, last) from ?year= or ?first=&last=; the default year when neither is given
    (only then are the years worth reporting on looked up)."""
    get = request.GET
    if not any(key in get for key in ("year", "first", "last")):
        default_year = selectors.year_range().default
        return default_year, default_year
    return export.parse_span(year=get.get("year"), first=get.get("first"), last=get.get("last"))


class ReportMixin(PermissionRequiredMixin):
    permission_required = "reports.view_reports"


class PublicSummaryView(CachedPublicPage, TemplateView):
    """The funnel and yearly totals, for everyone: no project's details, no ballots."""

    template_name = "reports/public_summary.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        years = selectors.year_range()
        form, year = _chosen_year(self.request, years)
        funnels = [f for f in selectors.funnel_by_year(years.first, years.last) if f.submitted]
        total = selectors.funnel_total(funnels)
        rows = selectors.project_indicators(year, year)
        context.update(
            form=form, year=year, funnels=funnels, funnel_total=total,
            funnel_chart=figures.funnel_years_chart(funnels) if funnels else None,
            totals=tables.totals_rows(selectors.totals(rows), Numbers()),
            project_count=len(rows),
        )
        return context


class YearReportView(ReportMixin, TemplateView):
    """One fiscal year: the call's funnel, every project's indicators against targets."""

    template_name = "reports/year.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        years = page_cache.shared("report-years", selectors.year_range)
        form, year = _chosen_year(self.request, years)
        # Every reader of the year sees the same report: rendered once per change of the data.
        report = page_cache.shared(f"year-report:{year}", lambda: render_to_string(
            "reports/partials/year_report.html", _year_figures(year)))
        context.update(form=form, year=year, report=report)
        return context


def _year_figures(year: int) -> dict:
    funnel = selectors.funnel_by_year(year, year)[0]
    rows = selectors.project_indicators(year, year)
    numbers = Numbers()  # each figure of the page formatted once
    project_tables = tables.year_tables(rows, numbers)
    return {
        "year": year, "funnel": funnel, "rows": rows,
        "tables": project_tables, "organiser_rows": tables.organiser_rows(project_tables),
        "organiser_count": len(ORGANISERS),
        "funnel_chart": figures.funnel_steps_chart(funnel),
        "organiser_chart": figures.organiser_chart(rows) if rows else None,
        "totals": tables.totals_rows(selectors.totals(rows), numbers),
        "kinds": KINDS.values(),
    }


class SpanReportView(ReportMixin, TemplateView):
    """A span of fiscal years: the funnel per call year and summed, indicator trends."""

    template_name = "reports/span.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        years = selectors.year_range()
        form, first, last = _chosen_span(self.request, years, years.first, years.default)
        funnels = selectors.funnel_by_year(first, last)
        total = selectors.funnel_total(funnels)
        rows = selectors.project_indicators(first, last)
        span = list(range(first, last + 1))
        trend = selectors.trend(selectors.totals_by_year(rows, first, last))
        trend_charts, empty_trends = figures.drawable(figures.trend_charts(trend, span, "trend"))
        context.update(
            form=form, first=first, last=last, span=span, funnels=funnels, funnel_total=total,
            funnel_chart=figures.funnel_years_chart(funnels),
            total_chart=figures.funnel_steps_chart(total, "funnel-total-chart"),
            trend_table=_trend_table(trend),
            trend_charts=trend_charts, empty_trends=empty_trends,
        )
        return context


class ProjectTrendView(ProjectTrendAccess, TemplateView):
    """One project's indicators over the years, with targets; its own staff may read it."""

    template_name = "reports/project_trend.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = self.get_permission_object()
        years = selectors.year_range()
        start, end = project_span(project, years)
        form, first, last = _chosen_span(self.request, years, start, end)
        rows = selectors.project_indicators(first, last, project=project)
        span = list(range(first, last + 1))
        trend_charts, empty_trends = figures.drawable(figures.trend_charts(
            selectors.trend(selectors.totals_by_year(rows, first, last)), span, "project-trend"))
        context.update(
            project=project, form=form, first=first, last=last, span=span,
            table=_project_table(rows, span),
            trend_charts=trend_charts, empty_trends=empty_trends,
        )
        return context


# Excel on Japanese Windows reads a CSV as Shift_JIS unless it starts with a byte-order mark.
BOM = "\ufeff"


class ExportCSVView(ReportMixin, View):
    """The file of `export_indicators` for the same years, byte for byte after the byte-order
    mark that Excel needs."""

    def get(self, request):
        try:
            first, last = _span_of_request(request)
        except export.SpanError as error:
            return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
        response = HttpResponse(BOM + export.indicators_csv(first, last),
                                content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="indicators-{first}-{last}.csv"'
        return response


class ExportXLSXView(ReportMixin, View):
    def get(self, request):
        try:
            first, last = _span_of_request(request)
        except export.SpanError as error:
            return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
        response = HttpResponse(
            export.workbook_bytes(first, last),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="report-{first}-{last}.xlsx"'
        return response


class RawRecordsCSVView(ReportMixin, View):
    """A year's raw records of one kind, streamed with constant memory."""

    def get(self, request, kind):
        if kind not in KINDS:
            raise Http404
        year = request.GET.get("year") or selectors.year_range().default
        try:
            year, _last = export.parse_span(year=year)
        except export.SpanError as error:
            return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
        response = StreamingHttpResponse(
            itertools.chain([BOM], export.raw_records_lines(kind, year)),
            content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{kind}-{year}.csv"'
        return response


def project_span(project: Project, years: selectors.YearRange) -> tuple[int, int]:
    """The fiscal years a project's trend shows unless others are asked: its period, up to
    the last year worth reporting on."""
    start = fiscal_year_of(project.starts_on)
    return start, max(min(fiscal_year_of(project.ends_on), years.last), start)


def _trend_table(trend: dict[str, list]) -> list[tuple[str, list]]:
    """(indicator label, its totals year by year) from `selectors.trend`."""
    return [(indicator.label, trend[indicator.value]) for indicator in Indicator]


def _project_table(rows: list[selectors.ProjectYear], span: list[int]):
    """indicator label -> [Result or None per year]."""
    by_year = {row.year: row for row in rows}
    table = []
    for index, indicator in enumerate(Indicator):
        cells = [by_year[year].results[index] if year in by_year else None for year in span]
        table.append((indicator.label, cells))
    return table
