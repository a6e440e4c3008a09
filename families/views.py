"""The family-situation report pages: the list, the filing form, a report (each read in
the audit log), the officers' steps and their yearly indicators. Reports are secret (404)
from everyone but the child-welfare officers and the filing project's staff."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from partnership.view_mixins import ActionFormView, ActionView, PermissionPage
from services import selectors as project_selectors

from . import actions, indicators, selectors
from .forms import AcknowledgeForm, FileReportForm, InterventionForm, YearForm
from .models import FamilyReport
from .transitions import REPORT


class ReportListView(PermissionPage, TemplateView):
    """Reports as a list: number, project, category, urgency, state; no content."""

    template_name = "families/report_list.html"
    permission_required = "families.list_reports"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            page=self.paginate(selectors.visible_reports(user)),
            projects=list(selectors.projects_to_file_for(user)), **kwargs)


class FileReportView(ActionFormView):
    template_name = "families/file_form.html"
    form_class = FileReportForm
    permission_required = "families.file_report"

    def get_object(self):
        return get_object_or_404(project_selectors.projects(), code=self.kwargs["code"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(project=self.object, **kwargs)

    def perform(self, form):
        return actions.file_report(actor=self.request.user, project=self.object,
                                   **form.cleaned_data)

    def success_message(self, report) -> str:
        return _("Report #%(number)s was filed; the child-welfare officers are told.") % {
            "number": report.pk}

    def get_success_url(self, result=None) -> str:
        return reverse("families:report", kwargs={"pk": result.pk})


class ReportPage(PermissionPage):
    """A page about one report: 404 for whoever may not read it."""

    secret_permission = "families.read_report"
    permission_required = "families.read_report"

    def get_object(self) -> FamilyReport:
        # Without the text: only `actions.read_report` reads it, and logs the read.
        reports = FamilyReport.objects.select_related("project").defer(*FamilyReport.TEXT_FIELDS)
        return get_object_or_404(reports, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "report": self.object}

    def get_success_url(self, result=None) -> str:
        return reverse("families:report", kwargs={"pk": self.object.pk})


class ReportView(ReportPage, TemplateView):
    """The report itself: every read is in the audit log."""

    template_name = "families/report_detail.html"

    def get_context_data(self, **kwargs):
        report = actions.read_report(actor=self.request.user, report=self.object)
        return super().get_context_data(**kwargs) | {"report": report}


class AcknowledgeView(ReportPage, ActionFormView):
    template_name = "families/acknowledge_form.html"
    form_class = AcknowledgeForm
    permission_required = REPORT["acknowledge"].permission

    def perform(self, form):
        return actions.acknowledge_report(actor=self.request.user, report=self.object,
                                          **form.cleaned_data)

    def success_message(self, report) -> str:
        return _("Report #%(number)s is acknowledged; the group is told.") % {
            "number": report.pk}


class InterventionView(ReportPage, ActionFormView):
    template_name = "families/intervention_form.html"
    form_class = InterventionForm
    permission_required = REPORT["record_intervention"].permission

    def get_initial(self):
        return {"intervention": self.object.intervention}

    def perform(self, form):
        return actions.record_intervention(actor=self.request.user, report=self.object,
                                           **form.cleaned_data)

    def success_message(self, report) -> str:
        return _("The intervention is recorded.")


class CloseView(ReportPage, ActionView):
    permission_required = REPORT["close"].permission

    def perform(self):
        return actions.close_report(actor=self.request.user, report=self.object)

    def success_message(self, report) -> str:
        return _("Report #%(number)s is closed.") % {"number": report.pk}


class YearView(PermissionPage, TemplateView):
    """The officers' yearly indicators: counts and timings, no personal data."""

    template_name = "families/year.html"
    permission_required = "families.view_indicators"

    def get_context_data(self, **kwargs):
        years = selectors.years_with_reports()
        form = YearForm(self.request.GET or None, years=years)
        year = form.cleaned_data["year"] if form.is_valid() else years[0]
        return super().get_context_data(form=form, figures=indicators.for_year(year),
                                        year=year, urgencies=FamilyReport.Urgency.choices,
                                        **kwargs)
