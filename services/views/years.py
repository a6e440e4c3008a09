"""Steps in one fiscal year of a project: targets, their agreement, the three evaluations
and closing the year. Each is permitted on the year (`services.transitions.YEAR`)."""

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from partnership.view_mixins import ActionFormView, ActionView

from .. import actions, selectors
from ..forms import EvaluationForm, TargetForm
from ..models import Evaluation, Indicator
from ..periods import agreed_period
from ..renewal_forms import RenewalForm
from ..transitions import EVALUATE, YEAR
from .mixins import YearPage


class TargetsView(YearPage, ActionFormView):
    permission_required = "services.set_targets"
    template_name = "services/targets_form.html"
    form_class = TargetForm

    def get_initial(self):
        targets = selectors.targets(self.project, self.year.fiscal_year)
        return {indicator: target.value for indicator, target in targets.items()}

    def perform(self, form):
        return actions.set_targets(
            actor=self.request.user, project=self.project, year=self.year.fiscal_year,
            values={indicator: form.cleaned_data[indicator] for indicator in Indicator.values})

    def success_message(self, result) -> str:
        return _("The targets were saved.")


class AgreeTargetsView(YearPage, ActionView):
    permission_required = "services.agree_targets"

    def perform(self):
        return actions.agree_targets(actor=self.request.user, project=self.project,
                                     year=self.year.fiscal_year)

    def success_message(self, count) -> str:
        return ngettext("%(count)s target was agreed.", "%(count)s targets were agreed.",
                        count) % {"count": count}


class EvaluationView(YearPage, ActionFormView):
    """One party's evaluation (`evaluator` in the URL). Partnership members read the
    evaluations: for them it is 403, not 404."""

    secret_permission = "services.view_evaluations"
    template_name = "services/evaluation_form.html"
    form_class = EvaluationForm

    def get_object(self):
        self.evaluator = self.kwargs["evaluator"]
        if self.evaluator not in EVALUATE:
            raise Http404
        return super().get_object()

    def get_permission_required(self):
        return (YEAR[EVALUATE[self.evaluator]].permission,)

    def get_form_kwargs(self):
        existing = selectors.evaluations(self.project, self.year.fiscal_year).get(self.evaluator)
        return {**super().get_form_kwargs(), "instance": existing}

    def get_context_data(self, **kwargs):
        label = Evaluation.Evaluator(self.evaluator).label
        return super().get_context_data(evaluator_label=label, **kwargs)

    def perform(self, form):
        return actions.save_evaluation(actor=self.request.user, project=self.project,
                                       year=self.year.fiscal_year, evaluator=self.evaluator,
                                       **form.cleaned_data)

    def success_message(self, result) -> str:
        return _("The evaluation was saved.")


class YearCloseView(YearPage, TemplateView, ActionView):
    """A confirmation page; the POST closes the year."""

    http_method_names = ["get", "post"]
    permission_required = "services.close_year"
    template_name = "services/year_close.html"

    def perform(self):
        return actions.close_year(actor=self.request.user, project=self.project,
                                  year=self.year.fiscal_year)

    def success_message(self, year) -> str:
        return _("Fiscal year %(year)s is closed.") % {"year": year.fiscal_year}


class RenewalView(YearPage, ActionFormView):
    """The mayor's office decides whether the project continues past its agreed period,
    with the year's three evaluations and the agreed period in view."""

    permission_required = "services.decide_renewal"
    template_name = "services/renewal_form.html"
    form_class = RenewalForm

    def get_context_data(self, **kwargs):
        written = selectors.evaluations(self.project, self.year.fiscal_year)
        return super().get_context_data(
            evaluations=[(label, written.get(value))
                         for value, label in Evaluation.Evaluator.choices],
            agreed_period=agreed_period(self.project), **kwargs)

    def perform(self, form):
        return actions.decide_renewal(actor=self.request.user, project=self.project,
                                      year=self.year.fiscal_year, **form.cleaned_data)

    def success_message(self, renewal) -> str:
        if renewal.renews:
            return _("The project is renewed until %(end)s.") % {"end": renewal.ends_on}
        return _("The project ends with its agreed period.")
