"""Pages of the city officers: the screening queue and marking a proposal eligible (against
the call's checklist) or ineligible (with the reason)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from partnership.view_mixins import ActionFormView, PermissionPage

from .. import actions, board
from ..models import ChecklistItem
from ..review_forms import EligibleForm, IneligibleForm
from .mixins import ProposalPage


class ScreeningQueueView(PermissionPage, TemplateView):
    permission_required = "proposals.screen_proposals"
    template_name = "proposals/review/screening_queue.html"

    def get_context_data(self, **kwargs):
        page = self.paginate(board.screening_queue())
        return super().get_context_data(page_obj=page, proposals=page.object_list, **kwargs)


class MarkIneligibleView(ProposalPage, ActionFormView):
    permission_required = "proposals.mark_ineligible"
    template_name = "proposals/review/ineligible.html"
    form_class = IneligibleForm

    def get_queryset(self):
        return super().get_queryset().select_related("desired_department")

    def perform(self, form):
        return actions.mark_ineligible(actor=self.request.user, proposal=self.proposal,
                                       reason=form.cleaned_data["reason"])

    def success_message(self, result) -> str:
        return _("“%(title)s” is marked ineligible.") % {"title": self.proposal.title}

    def get_success_url(self, result=None) -> str:
        return reverse("proposals:screening_queue")


class MarkEligibleView(ProposalPage, ActionFormView):
    permission_required = "proposals.mark_eligible"
    template_name = "proposals/review/eligible.html"
    form_class = EligibleForm

    def get_queryset(self):
        return super().get_queryset().select_related("desired_department")

    def get_form_kwargs(self):
        items = list(ChecklistItem.objects.filter(call_id=self.proposal.call_id))
        return {**super().get_form_kwargs(), "items": items}

    def perform(self, form):
        return actions.mark_eligible(actor=self.request.user, proposal=self.proposal,
                                     checked=form.checked())

    def success_message(self, result) -> str:
        return _("“%(title)s” is eligible: the chair can open its review.") % {
            "title": self.proposal.title}

    def get_success_url(self, result=None) -> str:
        return reverse("proposals:screening_queue")
