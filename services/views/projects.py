"""Project pages: the public list and page, the officers' edit, the change history."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

from partnership import audit, page_cache
from partnership.page_cache import CachedPublicPage
from partnership.view_mixins import ActionFormView

from .. import actions, history, selectors
from ..forms import ProjectForm
from ..indicators import indicator_values
from ..kinds import KINDS
from ..models import Evaluation
from ..periods import agreed_period
from ..transitions import EVALUATE
from .mixins import ProjectPage


class ProjectListView(CachedPublicPage, ListView):
    template_name = "services/project_list.html"
    paginate_by = 25
    context_object_name = "projects"

    def get_queryset(self):
        return selectors.projects()


class ProjectDetailView(CachedPublicPage, TemplateView):
    """Public: the project's details. Its readers also see a fiscal year's targets against
    results, evaluations and records, and the steps they may take in that year."""

    template_name = "services/project_detail.html"

    def get_context_data(self, **kwargs):
        project = get_object_or_404(selectors.projects(), code=self.kwargs["code"])
        user = self.request.user
        context = super().get_context_data(project=project, years=project.fiscal_years(),
                                           agreed_period=agreed_period(project), **kwargs)
        can_records = user.has_perm("services.view_records", project)
        can_evaluations = user.has_perm("services.view_evaluations", project)
        context.update(can_records=can_records, can_evaluations=can_evaluations)
        if not (can_records or can_evaluations):
            return context
        number = self._year_param(project)
        years = context["years"]
        # The figures are the same for every reader: counted once per change of the data.
        values = page_cache.shared(
            f"project-values:{project.pk}:{years.start}-{years.stop}",
            lambda: indicator_values(years=years, projects=[project]))
        context.update(
            year=selectors.year_of(project, number),
            evaluations=selectors.evaluations(project, number),
            evaluation_comments=selectors.evaluation_comments(project, number),
            renewal=selectors.renewal(project, number),
            evaluators=Evaluation.Evaluator,
            # (evaluator, label, step) for the buttons the year's steps allow
            evaluation_steps=[(value, label, EVALUATE[value])
                              for value, label in Evaluation.Evaluator.choices],
            rows=selectors.targets_against_results(project, number, values),
        )
        # "Agree the targets" only when some wait for agreement: otherwise it can only fail.
        context["targets_waiting"] = selectors.targets_waiting(context["rows"])
        if can_records:
            context.update(summary=selectors.yearly_summary(project, context["years"], values),
                           kinds=KINDS.values())
        return context

    def _year_param(self, project) -> int:
        try:
            year = int(self.request.GET.get("year", ""))
        except ValueError:
            return selectors.current_year_of(project)
        return year if year in project.fiscal_years() else selectors.current_year_of(project)


class ProjectEditView(ProjectPage, ActionFormView):
    """The partner department's officers change the code, the period and the agreement
    date; an administrator the department too. The project is public: others get 403."""

    secret_permission = None
    permission_required = "services.edit_project"
    template_name = "services/project_form.html"
    form_class = ProjectForm

    def get_form_kwargs(self):
        # A copy: the form's validation must not change the project the page shows.
        return {**super().get_form_kwargs(),
                "instance": selectors.projects().get(pk=self.project.pk),
                "may_change_department": self.request.user.has_perm(
                    "services.change_department", self.project)}

    def perform(self, form):
        fields = {"department": self.project.department, **form.cleaned_data}
        return actions.update_project(actor=self.request.user, project=self.project, **fields)

    def success_message(self, project) -> str:
        return _("The project was saved.")

    def get_success_url(self, project=None) -> str:
        return reverse("services:project_detail", kwargs={"code": project.code})


class HistoryView(ProjectPage, TemplateView):
    """Every change to the project and its parts, newest first."""

    template_name = "services/record_changes.html"

    def get_context_data(self, **kwargs):
        page = self.paginate(audit.history(self.project).reverse())
        return super().get_context_data(page_obj=page, rows=history.rows(page.object_list),
                                        **kwargs)
