"""The annual report of a fiscal year: its page, the group's writing and submitting, the
department's returning and accepting. Each step is permitted on the report
(`services.transitions.REPORT`); those who may not read the project's evaluations get 404."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from partnership.view_mixins import ActionFormView, ActionView

from .. import actions, selectors
from ..report_forms import ReportForm, ReturnForm, posted_rows, rows_for
from .mixins import YearPage


class ReportPage(YearPage):
    secret_permission = "services.view_evaluations"
    permission_required = "services.view_evaluations"

    def get_object(self):
        project = super().get_object()
        self.report = selectors.annual_report(self.year)
        return project

    def get_permission_object(self):
        return self.report

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "report": self.report}

    def report_url(self) -> str:
        return reverse("services:annual_report",
                       kwargs={"code": self.project.code, "year": self.year.fiscal_year})

    def get_success_url(self, result=None) -> str:
        return self.report_url()


class ReportView(ReportPage, TemplateView):
    """Readers of the evaluations read the report; the figures are counted from the records
    until the report is accepted, then those it kept."""

    template_name = "services/annual_report.html"

    def get_context_data(self, **kwargs):
        figures = selectors.report_figures(self.report)
        return super().get_context_data(
            rows=selectors.targets_against_results(self.project, self.year.fiscal_year,
                                                   figures),
            settlement=selectors.settlement(self.report), **kwargs)


class ReportEditView(ReportPage, ActionFormView):
    permission_required = "services.write_report"
    template_name = "services/annual_report_form.html"
    form_class = ReportForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.request.method == "POST":
            return {**kwargs, "rows": posted_rows(self.request.POST)}
        lines = list(self.report.lines.all()) if self.report.pk else []
        initial = {"narrative": self.report.narrative}
        for n, line in enumerate(lines, start=1):
            initial.update({f"item_{n}": line.item, f"city_{n}": line.city_amount,
                            f"group_{n}": line.group_amount})
        return {**kwargs, "rows": rows_for(len(lines)), "initial": initial}

    def perform(self, form):
        return actions.write_report(
            actor=self.request.user, project=self.project, year=self.year.fiscal_year,
            narrative=form.cleaned_data["narrative"], lines=form.cleaned_data["lines"])

    def success_message(self, result) -> str:
        return _("The annual report was saved. Submit it when it is complete.")


class ReportSubmitView(ReportPage, ActionView):
    permission_required = "services.submit_report"

    def perform(self):
        return actions.submit_report(actor=self.request.user, project=self.project,
                                     year=self.year.fiscal_year)

    def success_message(self, result) -> str:
        return _("The annual report was submitted to the partner department.")


class ReportAcceptView(ReportPage, ActionView):
    permission_required = "services.accept_report"

    def perform(self):
        return actions.accept_report(actor=self.request.user, project=self.project,
                                     year=self.year.fiscal_year)

    def success_message(self, result) -> str:
        return _("The annual report was accepted: the year's figures are final.")


class ReportReturnView(ReportPage, ActionFormView):
    permission_required = "services.return_report"
    template_name = "services/annual_report_return.html"
    form_class = ReturnForm

    def perform(self, form):
        return actions.return_report(actor=self.request.user, project=self.project,
                                     year=self.year.fiscal_year,
                                     comments=form.cleaned_data["comments"])

    def success_message(self, result) -> str:
        return _("The annual report was returned to the group with your comments.")
