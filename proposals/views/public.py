"""Public pages: the calls, a call's proposals, and a proposal with its history and tally."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView, View

from partnership.page_cache import CachedPublicPage

from ..call_dates import key_dates
from ..hearing_selectors import questions_of, sessions_of, slot_of
from ..models import Attachment, Call, Proposal
from ..rules import is_group_member
from ..selectors import (
    any_decided,
    attachments_of,
    call_state,
    calls_with_counts,
    criterion_means,
    history_of,
    proposal_for_page,
    public_proposals_of,
)


class CallListView(CachedPublicPage, ListView):
    template_name = "proposals/call_list.html"
    context_object_name = "calls"
    paginate_by = 20

    def get_queryset(self):
        return calls_with_counts()


class CallDetailView(CachedPublicPage, ListView):
    """A call and its non-draft proposals, 50 a page, in a constant number of queries."""

    template_name = "proposals/call_detail.html"
    context_object_name = "proposals"
    paginate_by = 50

    def get_queryset(self):
        self.call = get_object_or_404(Call, pk=self.kwargs["pk"])
        return public_proposals_of(self.call)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            call=self.call, state=call_state(self.call), key_dates=key_dates(self.call),
            sessions=sessions_of(self.call, public_only=True), **kwargs)
        context["decided"] = any_decided(context["proposals"])
        return context


class ProposalDetailView(CachedPublicPage, DetailView):
    """Content, attachments, full history; the tally and means once the review closed.

    A draft is 404 to everyone but its group.
    """

    template_name = "proposals/proposal_detail.html"
    context_object_name = "proposal"

    def get_object(self, queryset=None) -> Proposal:
        try:
            proposal = proposal_for_page(self.kwargs["pk"])
        except Proposal.DoesNotExist as missing:
            raise Http404 from missing
        if not self.request.user.has_perm("proposals.read_proposal", proposal):
            raise Http404
        return proposal

    def get_context_data(self, **kwargs):
        proposal = self.object
        context = super().get_context_data(
            events=history_of(proposal,
                              with_draft=is_group_member(self.request.user, proposal)),
            attachments=attachments_of(proposal)
            if self.request.user.has_perm("proposals.read_attachment", proposal) else [],
            **kwargs,
        )
        result = getattr(proposal, "review_result", None)
        if proposal.review_closed and result is not None:
            context["result"] = result
            context["means"] = criterion_means(proposal)
        context["decision"] = getattr(proposal, "decision", None)
        consultation = getattr(proposal, "consultation", None)
        # The group and the department see it at once; everyone once the review closed.
        if consultation is not None and self.request.user.has_perm(
                "proposals.read_consultation", consultation):
            context["consultation"] = consultation
        context.update(self._hearing(proposal))
        return context

    def _hearing(self, proposal: Proposal) -> dict:
        """The slot once its session is public (at once for the group and the officers);
        the questions and answers once the review closed (at once for those at work on it)."""
        user, context = self.request.user, {}
        slot = slot_of(proposal)
        if slot is not None and user.has_perm("proposals.read_hearing_slot", slot):
            context["slot"] = slot
            context["can_confirm"] = user.has_perm("proposals.confirm_hearing_slot", slot)
        if user.has_perm("proposals.read_hearing_questions", proposal):
            context["questions"] = questions_of(proposal)
        return context


class AttachmentDownloadView(View):
    """The file, for those allowed to see the proposal; others get 404."""

    def get(self, request, pk: int, attachment_pk: int):
        attachment = get_object_or_404(
            Attachment.objects.select_related("proposal"), pk=attachment_pk, proposal_id=pk
        )
        if not request.user.has_perm("proposals.read_attachment", attachment.proposal):
            raise Http404
        try:
            handle = attachment.file.open("rb")
        except FileNotFoundError as missing:
            raise Http404 from missing
        response = FileResponse(
            handle, as_attachment=True, filename=attachment.original_name,
            content_type=attachment.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response
