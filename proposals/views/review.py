"""Pages of the partnership members and of the chair: queue, ballot, conflicts, board, closing."""

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from partnership.view_mixins import ActionFormView, ActionView, PermissionPage

from .. import actions, board
from ..hearing_selectors import note_of, questions_of
from ..models import Call, Criterion, ReviewResult, Status
from ..review_forms import BallotForm, CloseReviewForm, ConflictForm
from ..rules import recusal_reason
from .mixins import ProposalPage

# The chair's board shows five criteria and a tally per proposal: ten per page, like the
# decision queue (15 took the page past its 30 ms target with 900 proposals; bench/pages.py).
BOARD_PAGE_SIZE = 10


# -- partnership member -----------------------------------------------------------------------

class ReviewQueueView(PermissionPage, TemplateView):
    permission_required = "proposals.view_review_queue"
    template_name = "proposals/review/queue.html"

    def get_context_data(self, **kwargs):
        page = self.paginate(board.review_queue())
        rows = board.queue_rows(list(page.object_list), self.request.user)
        return super().get_context_data(page_obj=page, rows=rows, **kwargs)


class BallotView(ProposalPage, ActionFormView):
    """Cast or change one's ballot while the review is open."""

    permission_required = "proposals.cast_ballot"
    template_name = "proposals/review/ballot.html"
    form_class = BallotForm

    def handle_no_permission(self):
        user, proposal = self.request.user, self.proposal
        if user.has_perm("proposals.view_review_queue"):
            if proposal.status == Status.UNDER_REVIEW:
                reason = recusal_reason(proposal, user)
                if reason:
                    return TemplateResponse(self.request, "proposals/review/recused.html",
                                            {"proposal": proposal, "reason": reason},
                                            status=403)
            elif user.has_perm("proposals.view_ballots", proposal):
                # A member following an old link after the review closed: what is left
                # to do is read everyone's ballots. Nothing was sent, so nothing is lost.
                messages.info(self.request, _(
                    "The review of “%(title)s” is closed: ballots can no longer be cast or "
                    "changed. Here is every member's ballot.") % {"title": proposal.title})
                return redirect("proposals:ballots", pk=proposal.pk)
        return super().handle_no_permission()

    @cached_property
    def ballot(self):
        return board.ballot_of(self.proposal, self.request.user)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "criteria": self.criteria(), "ballot": self.ballot}

    def get_context_data(self, **kwargs):
        # The hearing's questions, and this member's own notes (nobody else's).
        return super().get_context_data(
            ballot=self.ballot, questions=questions_of(self.proposal),
            hearing_note=note_of(self.proposal, self.request.user), **kwargs)

    def perform(self, form):
        return actions.cast_ballot(actor=self.request.user, proposal=self.proposal,
                                   vote=form.cleaned_data["vote"], scores=form.scores(),
                                   comment=form.cleaned_data["comment"])

    def success_message(self, ballot) -> str:
        if self.ballot is None:
            return _("Your ballot on “%(title)s” is recorded.") % {"title": self.proposal.title}
        return _("Your ballot on “%(title)s” is changed.") % {"title": self.proposal.title}

    def get_success_url(self, result=None) -> str:
        return reverse("proposals:review_queue")


class DeclareConflictView(ProposalPage, ActionFormView):
    permission_required = "proposals.declare_conflict"
    template_name = "proposals/review/conflict.html"
    form_class = ConflictForm

    def perform(self, form):
        return actions.declare_conflict(actor=self.request.user, proposal=self.proposal,
                                        reason=form.cleaned_data["reason"])

    def success_message(self, result) -> str:
        return _("Your conflict of interest on “%(title)s” is recorded; you do not vote "
                 "on it.") % {"title": self.proposal.title}

    def get_success_url(self, result=None) -> str:
        return reverse("proposals:review_queue")


class BallotsView(ProposalPage, TemplateView):
    """Everyone's ballots and comments, once the review is closed."""

    permission_required = "proposals.view_ballots"
    template_name = "proposals/review/ballots.html"

    def get_queryset(self):
        return super().get_queryset().select_related("review_result")

    def get_context_data(self, **kwargs):
        criteria = self.criteria()
        ballots = board.ballots_of(self.proposal)
        for ballot in ballots:
            by_criterion = {s.criterion_id: s.value for s in ballot.scores.all()}
            ballot.score_list = [by_criterion.get(c.pk) for c in criteria]
        return super().get_context_data(
            criteria=criteria, ballots=ballots,
            result=getattr(self.proposal, "review_result", None), **kwargs,
        )


# -- chair -------------------------------------------------------------------------------------

class ReviewBoardIndexView(PermissionPage, TemplateView):
    permission_required = "proposals.view_review_board"
    template_name = "proposals/review/board_index.html"

    def get_context_data(self, **kwargs):
        page = self.paginate(board.calls_with_reviews())
        return super().get_context_data(page_obj=page, calls=page.object_list, **kwargs)


class ReviewBoardView(PermissionPage, TemplateView):
    permission_required = "proposals.view_review_board"
    template_name = "proposals/review/board.html"
    page_size = BOARD_PAGE_SIZE

    def get(self, request, *args, **kwargs):
        # The URL's `call` is an id; the context's `call` is the call itself.
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        call = get_object_or_404(Call, pk=self.kwargs["call"])
        status = self.request.GET.get("status", "")
        if status not in board.BOARD_FILTERS:
            status = ""
        criteria = list(Criterion.objects.filter(call=call))
        page = self.paginate(board.board_proposals(call, status))
        rows = board.board_display(
            board.board_rows(board.with_call(page.object_list, call), criteria),
            self.request.user)
        return super().get_context_data(
            call=call, criteria=criteria, page_obj=page, status=status,
            query=urlencode({"status": status}) if status else "",  # kept by the page links
            rows=rows,
            filters=[("", _("All")), ("submitted", _("Waiting for review")),
                     ("under_review", _("Under review")), ("closed", _("Review closed"))],
            high_spread_percent=int(board.HIGH_SPREAD_SHARE * 100),
            **kwargs,
        )


class OpenReviewView(ProposalPage, ActionView):
    permission_required = "proposals.open_review"

    def perform(self):
        return actions.open_review(actor=self.request.user, proposal=self.proposal)

    def success_message(self, result) -> str:
        return _("The review of “%(title)s” is open.") % {"title": self.proposal.title}

    def get_success_url(self) -> str:
        return reverse("proposals:review_board", kwargs={"call": self.proposal.call_id})


class CloseReviewView(ProposalPage, ActionFormView):
    """A confirmation page with the running tally; a casting decision on a tie."""

    permission_required = "proposals.close_review"
    template_name = "proposals/review/close.html"
    form_class = CloseReviewForm

    def row(self) -> board.Row:
        if not hasattr(self, "_row"):
            self.criteria_list = self.criteria()
            self._row = board.board_rows([self.proposal], self.criteria_list)[0]
        return self._row

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "tie": self.row().tally.is_tie}

    def get_context_data(self, **kwargs):
        row = self.row()
        return super().get_context_data(row=row, tally=row.tally, criteria=self.criteria_list,
                                        **kwargs)

    def perform(self, form):
        return actions.close_review(
            actor=self.request.user, proposal=self.proposal,
            casting_vote=form.cleaned_data.get("casting_vote", ""),
            casting_reason=form.cleaned_data.get("casting_reason", ""),
        )

    def success_message(self, result: ReviewResult) -> str:
        if result.recommended:
            return _("The review of “%(title)s” is closed: recommended.") % {
                "title": self.proposal.title}
        return _("The review of “%(title)s” is closed: not recommended.") % {
            "title": self.proposal.title}

    def get_success_url(self, result=None) -> str:
        return reverse("proposals:review_board", kwargs={"call": self.proposal.call_id})
