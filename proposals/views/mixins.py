"""What the proposal pages share: the page about one proposal, built on
`partnership.view_mixins` (sign-in, 404 for drafts of other groups, 403 to act)."""

from django.shortcuts import get_object_or_404

from partnership.view_mixins import PermissionPage

from ..models import Criterion, Proposal


class ProposalPage(PermissionPage):
    """A page about one proposal (`pk` in the URL). Its existence is secret from those
    who may not view it (other groups' drafts): they get 404."""

    secret_permission = "proposals.read_proposal"

    def get_queryset(self):
        # The consultation goes with the proposal to the ballot and decision pages.
        return Proposal.objects.select_related("call", "group", "consultation__department")

    def get_object(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    @property
    def proposal(self) -> Proposal:
        return self.object

    def get_context_data(self, **kwargs):
        return super().get_context_data(proposal=self.proposal, **kwargs)

    def criteria(self) -> list[Criterion]:
        return list(Criterion.objects.filter(call_id=self.proposal.call_id))
