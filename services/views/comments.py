"""Partnership members' comments on the partnership's evaluation of a year (the chair
writes the evaluation itself). Readers of the evaluations who may not comment get 403."""

from django.utils.translation import gettext as _

from partnership.view_mixins import ActionFormView

from .. import actions, selectors
from ..forms import CommentForm
from .mixins import YearPage


class EvaluationCommentView(YearPage, ActionFormView):
    secret_permission = "services.view_evaluations"
    permission_required = "services.comment_on_evaluation"
    template_name = "services/evaluation_comments.html"
    form_class = CommentForm

    def get_context_data(self, **kwargs):
        year = self.year.fiscal_year
        return super().get_context_data(
            evaluation=selectors.evaluations(self.project, year).get("partnership"),
            comments=selectors.evaluation_comments(self.project, year), **kwargs)

    def perform(self, form):
        return actions.comment_on_evaluation(actor=self.request.user, project=self.project,
                                             year=self.year.fiscal_year,
                                             text=form.cleaned_data["text"])

    def success_message(self, result) -> str:
        return _("Your comment was added to the partnership's evaluation.")
