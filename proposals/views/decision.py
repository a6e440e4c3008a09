"""Pages of the mayor's office: the decision queue and the decision on one proposal."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from .. import actions, board
from ..errors import ProposalError
from ..models import Decision
from ..review_forms import DecisionForm
from .mixins import ProposalActionMixin, RolePageMixin

# Each proposal of the queue comes with its tally and every member's comment: ten a page.
DECISION_PAGE_SIZE = 10


class DecisionQueueView(RolePageMixin, TemplateView):
    permission = "proposals.view_decision_queue"
    template_name = "proposals/review/decision_queue.html"
    page_size = DECISION_PAGE_SIZE

    def get_context_data(self, **kwargs):
        page = self.paginate(board.decision_queue())
        rows = board.decision_rows(list(page.object_list))
        return super().get_context_data(page_obj=page, rows=rows, **kwargs)


class DecideView(ProposalActionMixin, TemplateView):
    """Choose or decline a recommended proposal, with a reason."""

    permission = "proposals.decide_proposal"
    template_name = "proposals/review/decide.html"

    def get_queryset(self):
        return super().get_queryset().select_related("review_result", "desired_department")

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=DecisionForm()))

    def post(self, request, *args, **kwargs):
        form = DecisionForm(request.POST)
        if form.is_valid():
            try:
                decision = actions.decide(
                    actor=request.user, proposal=self.proposal,
                    outcome=form.cleaned_data["outcome"], reason=form.cleaned_data["reason"],
                )
            except ProposalError as error:
                form.add_error(None, error.message)
            else:
                if decision.outcome == Decision.Outcome.CHOSEN:
                    text = _("“%(title)s” is chosen.")
                else:
                    text = _("“%(title)s” is declined.")
                messages.success(request, text % {"title": self.proposal.title})
                return redirect("proposals:decision_queue")
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        row = board.decision_rows([self.proposal])[0]
        return super().get_context_data(proposal=self.proposal, row=row, **kwargs)
