"""Pages of the partnership members and of the chair: queue, ballot, conflicts, board, closing.

Views are thin: a `rules` permission check, a call to `proposals.actions`, a message.
Objects a visitor may not know exist (drafts) give 404; public ones they may not act on, 403.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from .. import actions, board, board_rows
from ..errors import ProposalError
from ..models import Call, Criterion, ReviewResult, Status
from ..review_forms import BallotForm, CloseReviewForm, ConflictForm
from ..rules import recusal_reason
from .mixins import ProposalActionMixin, RolePageMixin

# The chair's board shows five criteria and a tally per proposal: fewer per page.
BOARD_PAGE_SIZE = 15


def _error(form, error: ProposalError) -> None:
    form.add_error(None, error.message)


# -- partnership member -----------------------------------------------------------------------

class ReviewQueueView(RolePageMixin, TemplateView):
    permission = "proposals.view_review_queue"
    template_name = "proposals/review/queue.html"

    def get_context_data(self, **kwargs):
        page = self.paginate(board.review_queue())
        rows = board.queue_rows(list(page.object_list), self.request.user)
        return super().get_context_data(page_obj=page, rows=rows, **kwargs)


class BallotView(ProposalActionMixin, TemplateView):
    """Cast or change one's ballot while the review is open."""

    permission = "proposals.cast_ballot"
    template_name = "proposals/review/ballot.html"

    def check_permission(self):
        user, proposal = self.request.user, self.proposal
        if user.has_perm("proposals.view_review_queue"):
            if proposal.status == Status.UNDER_REVIEW:
                reason = recusal_reason(proposal, user)
                if reason:
                    return TemplateResponse(
                        self.request, "proposals/review/recused.html",
                        {"proposal": proposal, "reason": reason}, status=403,
                    )
            elif user.has_perm("proposals.view_ballots", proposal):
                # A member following an old link after the review closed: what is left
                # to do is read everyone's ballots. Nothing was sent, so nothing is lost.
                messages.info(self.request, _(
                    "The review of “%(title)s” is closed: ballots can no longer be cast or "
                    "changed. Here is every member's ballot.") % {"title": proposal.title})
                return redirect("proposals:ballots", pk=proposal.pk)
        return super().check_permission()

    def get_form(self):
        self.ballot = board.ballot_of(self.proposal, self.request.user)
        data = self.request.POST if self.request.method == "POST" else None
        return BallotForm(data, criteria=self.criteria(), ballot=self.ballot)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            try:
                actions.cast_ballot(
                    actor=request.user, proposal=self.proposal,
                    vote=form.cleaned_data["vote"], scores=form.scores(),
                    comment=form.cleaned_data["comment"],
                )
            except ProposalError as error:
                _error(form, error)
            else:
                if self.ballot is None:
                    messages.success(request, _("Your ballot on “%(title)s” is recorded.")
                                     % {"title": self.proposal.title})
                else:
                    messages.success(request, _("Your ballot on “%(title)s” is changed.")
                                     % {"title": self.proposal.title})
                return redirect("proposals:review_queue")
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            proposal=self.proposal, ballot=self.ballot,
            can_declare=self.request.user.has_perm("proposals.declare_conflict", self.proposal),
            **kwargs,
        )


class DeclareConflictView(ProposalActionMixin, TemplateView):
    permission = "proposals.declare_conflict"
    template_name = "proposals/review/conflict.html"

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=ConflictForm()))

    def post(self, request, *args, **kwargs):
        form = ConflictForm(request.POST)
        if form.is_valid():
            try:
                actions.declare_conflict(actor=request.user, proposal=self.proposal,
                                         reason=form.cleaned_data["reason"])
            except ProposalError as error:
                _error(form, error)
            else:
                messages.success(
                    request,
                    _("Your conflict of interest on “%(title)s” is recorded; you do not vote "
                      "on it.") % {"title": self.proposal.title},
                )
                return redirect("proposals:review_queue")
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        return super().get_context_data(proposal=self.proposal, **kwargs)


class BallotsView(ProposalActionMixin, TemplateView):
    """Everyone's ballots and comments, once the review is closed."""

    permission = "proposals.view_ballots"
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
            proposal=self.proposal, criteria=criteria, ballots=ballots,
            result=getattr(self.proposal, "review_result", None), **kwargs,
        )


# -- chair -------------------------------------------------------------------------------------

class ReviewBoardIndexView(RolePageMixin, TemplateView):
    permission = "proposals.view_review_board"
    template_name = "proposals/review/board_index.html"

    def get_context_data(self, **kwargs):
        page = self.paginate(board.calls_with_reviews())
        return super().get_context_data(page_obj=page, calls=page.object_list, **kwargs)


class ReviewBoardView(RolePageMixin, TemplateView):
    permission = "proposals.view_review_board"
    template_name = "proposals/review/board.html"
    page_size = BOARD_PAGE_SIZE

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        call = get_object_or_404(Call, pk=self.kwargs["call"])
        status = self.request.GET.get("status", "")
        if status not in board.BOARD_FILTERS:
            status = ""
        criteria = list(Criterion.objects.filter(call=call))
        page = self.paginate(board.board_proposals(call, status))
        rows = board.board_display(board.board_rows(list(page.object_list), criteria),
                                   self.request.user)
        return super().get_context_data(
            call=call, criteria=criteria, page_obj=page, status=status,
            query=urlencode({"status": status}) if status else "",  # kept by the page links
            rows=rows, row_html=board_rows.render_rows(rows, self.request),
            filters=[("", _("All")), ("submitted", _("Waiting for review")),
                     ("under_review", _("Under review")), ("closed", _("Review closed"))],
            high_spread_percent=int(board.HIGH_SPREAD_SHARE * 100),
            **kwargs,
        )


class OpenReviewView(ProposalActionMixin, View):
    permission = "proposals.open_review"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            actions.open_review(actor=request.user, proposal=self.proposal)
        except ProposalError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The review of “%(title)s” is open.")
                             % {"title": self.proposal.title})
        return redirect("proposals:review_board", call=self.proposal.call_id)


class CloseReviewView(ProposalActionMixin, TemplateView):
    """A confirmation page with the running tally; a casting decision on a tie."""

    permission = "proposals.close_review"
    template_name = "proposals/review/close.html"

    def row(self) -> board.Row:
        self.criteria_list = self.criteria()
        return board.board_rows([self.proposal], self.criteria_list)[0]

    def get(self, request, *args, **kwargs):
        row = self.row()
        form = CloseReviewForm(tie=row.tally.is_tie)
        return self.render_to_response(self.get_context_data(form=form, row=row))

    def post(self, request, *args, **kwargs):
        row = self.row()
        form = CloseReviewForm(request.POST, tie=row.tally.is_tie)
        if form.is_valid():
            try:
                result = actions.close_review(
                    actor=request.user, proposal=self.proposal,
                    casting_vote=form.cleaned_data.get("casting_vote", ""),
                    casting_reason=form.cleaned_data.get("casting_reason", ""),
                )
            except ProposalError as error:
                _error(form, error)
            else:
                messages.success(request, self.closed_message(result))
                return redirect("proposals:review_board", call=self.proposal.call_id)
        return self.render_to_response(self.get_context_data(form=form, row=row))

    def closed_message(self, result: ReviewResult) -> str:
        if result.recommended:
            return _("The review of “%(title)s” is closed: recommended.") % {
                "title": self.proposal.title}
        return _("The review of “%(title)s” is closed: not recommended.") % {
            "title": self.proposal.title}

    def get_context_data(self, **kwargs):
        row = kwargs["row"]
        return super().get_context_data(
            proposal=self.proposal, tally=row.tally, criteria=self.criteria_list,
            **kwargs,
        )

