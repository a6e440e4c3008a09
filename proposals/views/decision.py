"""Pages of the mayor's office: the decision queue and the decision on one proposal."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from partnership import page_cache
from partnership.view_mixins import ActionFormView, PermissionPage

from .. import actions, board
from ..models import Decision
from ..review_forms import DecisionForm
from .mixins import ProposalPage

# Each proposal of the queue comes with its tally and every member's comment: ten a page.
DECISION_PAGE_SIZE = 10


class DecisionQueueView(PermissionPage, TemplateView):
    permission_required = "proposals.view_decision_queue"
    template_name = "proposals/review/decision_queue.html"
    page_size = DECISION_PAGE_SIZE

    def get_context_data(self, **kwargs):
        page = self.paginate(board.decision_queue())
        # Everyone in the mayor's office sees the same proposals, tallies and comments.
        rows_html = page_cache.shared(
            "decision-queue:" + ",".join(str(p.pk) for p in page.object_list),
            lambda: render_to_string("proposals/review/_decision_rows.html",
                                     {"rows": board.decision_rows(list(page.object_list))}))
        return super().get_context_data(page_obj=page, rows_html=rows_html, **kwargs)


class DecideView(ProposalPage, ActionFormView):
    """Choose or decline a recommended proposal, with a reason."""

    permission_required = "proposals.decide_proposal"
    template_name = "proposals/review/decide.html"
    form_class = DecisionForm

    def get_queryset(self):
        return super().get_queryset().select_related("review_result", "desired_department")

    def get_context_data(self, **kwargs):
        row = board.decision_rows([self.proposal])[0]
        return super().get_context_data(row=row, **kwargs)

    def perform(self, form):
        return actions.decide(actor=self.request.user, proposal=self.proposal,
                              outcome=form.cleaned_data["outcome"],
                              reason=form.cleaned_data["reason"])

    def success_message(self, decision) -> str:
        if decision.outcome == Decision.Outcome.CHOSEN:
            return _("“%(title)s” is chosen.") % {"title": self.proposal.title}
        return _("“%(title)s” is declined.") % {"title": self.proposal.title}

    def get_success_url(self, result=None) -> str:
        return reverse("proposals:decision_queue")
