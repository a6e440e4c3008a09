"""Pages of the city officers: the screening queue and marking a proposal ineligible."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from .. import actions, board
from ..errors import ProposalError
from ..review_forms import IneligibleForm
from .mixins import ProposalActionMixin, RolePageMixin


class ScreeningQueueView(RolePageMixin, TemplateView):
    permission = "proposals.screen_proposals"
    template_name = "proposals/review/screening_queue.html"

    def get_context_data(self, **kwargs):
        page = self.paginate(board.screening_queue())
        return super().get_context_data(page_obj=page, proposals=page.object_list, **kwargs)


class MarkIneligibleView(ProposalActionMixin, TemplateView):
    permission = "proposals.mark_ineligible"
    template_name = "proposals/review/ineligible.html"

    def get_queryset(self):
        return super().get_queryset().select_related("desired_department")

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=IneligibleForm()))

    def post(self, request, *args, **kwargs):
        form = IneligibleForm(request.POST)
        if form.is_valid():
            try:
                actions.mark_ineligible(actor=request.user, proposal=self.proposal,
                                        reason=form.cleaned_data["reason"])
            except ProposalError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("“%(title)s” is marked ineligible.")
                                 % {"title": self.proposal.title})
                return redirect("proposals:screening_queue")
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        return super().get_context_data(proposal=self.proposal, **kwargs)
