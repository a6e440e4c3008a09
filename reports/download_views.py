"""Downloads of the project trend page (for those who read the page) and of the public
summary (for everyone): the page's figures as CSV (UTF-8 with a byte-order mark, for Excel
on Japanese Windows) and XLSX."""

from __future__ import annotations

from django.http import HttpResponse, HttpResponseBadRequest
from django.views import View

from . import downloads, export, selectors
from .access import ProjectTrendAccess
from .views import BOM, project_span

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file(body, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _bad(error: export.SpanError) -> HttpResponse:
    return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")


class ProjectTrendDownload(ProjectTrendAccess, View):
    """?first=&last= as the page takes them; the project's own years when not given."""

    def get(self, request, code):
        project = self.get_permission_object()
        get = request.GET
        try:
            if "first" in get or "last" in get:
                first, last = export.parse_span(first=get.get("first"), last=get.get("last"))
            else:
                first, last = project_span(project, selectors.year_range())
        except export.SpanError as error:
            return _bad(error)
        return self.file(project, first, last)


class ProjectTrendCSV(ProjectTrendDownload):
    def file(self, project, first, last):
        return _file(BOM + downloads.trend_csv(project, first, last),
                     "text/csv; charset=utf-8", f"{project.code}-{first}-{last}.csv")


class ProjectTrendXLSX(ProjectTrendDownload):
    def file(self, project, first, last):
        return _file(downloads.trend_xlsx(project, first, last), XLSX,
                     f"{project.code}-{first}-{last}.xlsx")


class SummaryDownload(View):
    """Public: ?year= as the page takes it; the year the page shows first when not given."""

    def get(self, request):
        year = request.GET.get("year") or selectors.year_range().default
        try:
            year, _last = export.parse_span(year=year)
        except export.SpanError as error:
            return _bad(error)
        return self.file(year)


class SummaryCSV(SummaryDownload):
    def file(self, year):
        return _file(BOM + downloads.summary_csv(year), "text/csv; charset=utf-8",
                     f"summary-{year}.csv")


class SummaryXLSX(SummaryDownload):
    def file(self, year):
        return _file(downloads.summary_xlsx(year), XLSX, f"summary-{year}.xlsx")
