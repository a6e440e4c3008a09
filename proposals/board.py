"""Read-only queries of the review pages: the member's queue, the chair's board, the mayor's
office's decision queue and the officers' screening queue.

Each function works on one page of proposals at once, with a fixed number of queries
whatever the number of proposals (the tallies come from `proposals.tally.tallies`).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet

from partnership.models import User
from partnership.selectors import sitting_term

from .models import Ballot, Call, ConflictDeclaration, Criterion, Proposal, Status
from .rules import _member_group_ids
from .tally import CriterionSpread, Tally, tallies

# A criterion's scores disagree strongly when their standard deviation reaches this share
# of the criterion's maximum score (e.g. 1.25 on a 0-5 scale: scores of 1 and 4 do).
HIGH_SPREAD_SHARE = 0.25

# What the chair's board shows, and the filter it offers.
BOARD_STATUSES = (
    Status.SUBMITTED, Status.UNDER_REVIEW, Status.RECOMMENDED, Status.NOT_RECOMMENDED,
    Status.CHOSEN, Status.DECLINED,
)
CLOSED_STATUSES = (Status.RECOMMENDED, Status.NOT_RECOMMENDED, Status.CHOSEN, Status.DECLINED)
BOARD_FILTERS = {
    "submitted": (Status.SUBMITTED,),
    "under_review": (Status.UNDER_REVIEW,),
    "closed": CLOSED_STATUSES,
}


@dataclass
class Spread:
    """One criterion's spread of scores on one proposal, ready for the board."""

    criterion: Criterion
    data: CriterionSpread | None

    @property
    def high(self) -> bool:
        return (
            self.data is not None
            and self.data.count >= 2
            and self.data.stdev >= HIGH_SPREAD_SHARE * self.criterion.max_score
        )


@dataclass
class Row:
    proposal: Proposal
    tally: Tally
    spreads: list[Spread] = field(default_factory=list)
    my_ballot: bool = False
    recused: bool = False
    comments: list[Ballot] = field(default_factory=list)

    @property
    def threshold_percent(self) -> Decimal:
        return (self.proposal.call.threshold * 100).quantize(Decimal("0.1"))

    @property
    def threshold_met(self) -> bool | None:
        if self.tally.weighted_score is None:
            return None
        return self.tally.weighted_score >= self.proposal.call.threshold

    @property
    def any_high_spread(self) -> bool:
        return any(spread.high for spread in self.spreads)

    @property
    def closing_outcome(self) -> str:
        """What closing the review now would give, by the rule of DESIGN section 3 (shown to
        the chair before closing; `actions.close_review` decides)."""
        tally = self.tally
        if not tally.has_quorum:
            return "no_quorum"
        if tally.is_tie:
            return "tie"
        if tally.recommend > tally.not_recommend and self.threshold_met:
            return "recommended"
        return "not_recommended"

    @property
    def result(self):
        # select_related caches a missing reverse one-to-one as None: no query here.
        return getattr(self.proposal, "review_result", None)


def _base() -> QuerySet[Proposal]:
    return Proposal.objects.select_related("call", "group")


# -- partnership member -----------------------------------------------------------------------

def review_queue() -> QuerySet[Proposal]:
    """Proposals under review, oldest call first."""
    return _base().filter(status=Status.UNDER_REVIEW).order_by("call__closes_at", "call_id", "id")


def queue_rows(proposals: list[Proposal], user: User) -> list[Row]:
    """The queue of one member: tallies, whether their ballot is in, whether they are recused."""
    counts = tallies(proposals)
    term = sitting_term(user=user)
    ids = [p.pk for p in proposals]
    mine: set[int] = set()
    conflicted: set[int] = set()
    if term is not None and ids:
        mine = set(Ballot.objects.filter(member=term, proposal_id__in=ids)
                   .values_list("proposal_id", flat=True))
        conflicted = set(ConflictDeclaration.objects.filter(member=term, proposal_id__in=ids)
                         .values_list("proposal_id", flat=True))
    groups = _member_group_ids(user)
    return [
        Row(proposal=p, tally=counts[p.pk], my_ballot=p.pk in mine,
            recused=p.group_id in groups or p.pk in conflicted)
        for p in proposals
    ]


def ballot_of(proposal: Proposal, user: User) -> Ballot | None:
    term = sitting_term(user=user)
    if term is None:
        return None
    return (Ballot.objects.filter(proposal=proposal, member=term)
            .prefetch_related("scores").first())


def recusal_reason(proposal: Proposal, user: User) -> str:
    """'group' when the user is in the proposing group, 'conflict' after a declaration."""
    if proposal.group_id in _member_group_ids(user):
        return "group"
    if proposal.conflicts.filter(member__user=user).exists():
        return "conflict"
    return ""


def ballots_of(proposal: Proposal) -> list[Ballot]:
    """Everyone's ballots on a proposal, with their member and scores (two queries)."""
    return list(
        Ballot.objects.filter(proposal=proposal)
        .select_related("member__user")
        .prefetch_related("scores")
        .order_by("member__user__username", "id")
    )


# -- chair -------------------------------------------------------------------------------------

def calls_with_reviews() -> QuerySet[Call]:
    """Calls with the number of proposals waiting, under review and closed."""
    return Call.objects.annotate(
        n_submitted=Count("proposals", filter=_status_q(Status.SUBMITTED)),
        n_under_review=Count("proposals", filter=_status_q(Status.UNDER_REVIEW)),
        n_closed=Count("proposals", filter=_status_q(*CLOSED_STATUSES)),
    ).order_by("-fiscal_year", "-opens_at")


def _status_q(*statuses) -> Q:
    return Q(proposals__status__in=statuses)


def board_proposals(call: Call, status_filter: str = "") -> QuerySet[Proposal]:
    statuses = BOARD_FILTERS.get(status_filter, BOARD_STATUSES)
    return (
        _base().select_related("review_result")
        .filter(call=call, status__in=statuses)
        .order_by("id")
    )


def board_rows(proposals: list[Proposal], criteria: list[Criterion]) -> list[Row]:
    counts = tallies(proposals)
    rows = []
    for proposal in proposals:
        tally = counts[proposal.pk]
        spreads = [Spread(criterion=c, data=tally.spreads.get(c.pk)) for c in criteria]
        rows.append(Row(proposal=proposal, tally=tally, spreads=spreads))
    return rows


# -- mayor's office ----------------------------------------------------------------------------

def decision_queue() -> QuerySet[Proposal]:
    """Recommended proposals waiting for the mayor's decision, oldest call first."""
    return (
        _base().select_related("review_result", "desired_department")
        .filter(status=Status.RECOMMENDED)
        .order_by("call__closes_at", "call_id", "id")
    )


def decision_rows(proposals: list[Proposal]) -> list[Row]:
    """Rows with the frozen tally and the members' comments (one query for all comments)."""
    comments = defaultdict(list)
    for ballot in (
        Ballot.objects.filter(proposal_id__in=[p.pk for p in proposals])
        .exclude(comment="")
        .select_related("member__user")
        .order_by("proposal_id", "id")
    ):
        comments[ballot.proposal_id].append(ballot)
    rows = []
    for proposal in proposals:
        result = getattr(proposal, "review_result", None)
        tally = Tally(proposal_id=proposal.pk)
        if result is not None:
            tally = Tally(
                proposal_id=proposal.pk, recommend=result.recommend,
                not_recommend=result.not_recommend, abstain=result.abstain,
                eligible_members=result.eligible_members, quorum_needed=result.quorum_needed,
                weighted_score=result.weighted_score,
            )
        rows.append(Row(proposal=proposal, tally=tally, comments=comments[proposal.pk]))
    return rows


# -- city officer ------------------------------------------------------------------------------

def screening_queue() -> QuerySet[Proposal]:
    """Submitted proposals not yet under review, in the order they came in."""
    return (
        _base().select_related("desired_department")
        .filter(status=Status.SUBMITTED)
        .order_by("submitted_at", "id")
    )
