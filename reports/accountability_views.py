"""The public accountability pages: a project's record and a call year's outcomes."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from partnership.page_cache import CachedPublicPage
from services import selectors as service_selectors

from . import accountability


class ProjectRecordView(CachedPublicPage, TemplateView):
    """Public: what was agreed with the project and what it achieved, year by year."""

    template_name = "reports/accountability_project.html"

    def get_context_data(self, **kwargs):
        project = get_object_or_404(service_selectors.projects(), code=self.kwargs["code"])
        record = accountability.project_record(project)
        return super().get_context_data(project=project, record=record, chart=record.chart(),
                                        **kwargs)


class CallYearView(CachedPublicPage, TemplateView):
    """Public: what became of every proposal the mayor decided on in a call year."""

    template_name = "reports/accountability_year.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        years = accountability.call_years()
        if context["year"] not in years:
            raise Http404
        context.update(years=years, outcomes=accountability.outcomes(context["year"]))
        return context
