"""Read-only queries of the review pages: the member's queue, the chair's board, the mayor's
office's decision queue and the officers' screening queue.

Each function works on one page of proposals at once, with a fixed number of queries
whatever the number of proposals (the tallies come from `proposals.tally.tallies`).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import SafeString

from partnership import page_cache
from partnership.models import User
from partnership.selectors import member_group_ids, sitting_term

from .consultation_transitions import WITH_THE_REVIEW
from .models import (
    REVIEW_CLOSED_STATUSES,
    Ballot,
    Call,
    ConflictDeclaration,
    Criterion,
    Proposal,
    Status,
    Vote,
)
from .tally import CriterionSpread, Tally, tallies

# A criterion's scores disagree strongly when their standard deviation reaches this share
# of the criterion's maximum score (e.g. 1.25 on a 0-5 scale: scores of 1 and 4 do).
HIGH_SPREAD_SHARE = 0.25

# What the chair's board shows, and the filter it offers.
BOARD_STATUSES = (
    Status.SUBMITTED, Status.ELIGIBLE, Status.UNDER_REVIEW, Status.RECOMMENDED,
    Status.NOT_RECOMMENDED, Status.CHOSEN, Status.DECLINED,
)
BOARD_FILTERS = {
    "submitted": (Status.SUBMITTED, Status.ELIGIBLE),
    "under_review": (Status.UNDER_REVIEW,),
    "closed": REVIEW_CLOSED_STATUSES,
}


@dataclass
class Spread:
    """One criterion's spread of scores on one proposal, ready for the board."""

    criterion: Criterion
    data: CriterionSpread | None
    # Lowest, highest score and standard deviation as the page shows them (see `board_display`).
    text: dict[str, str] = field(default_factory=dict)

    @property
    def high(self) -> bool:
        return (
            self.data is not None
            and self.data.count >= 2
            and self.data.stdev >= HIGH_SPREAD_SHARE * self.criterion.max_score
        )


@dataclass(frozen=True)
class Comment:
    """A member's comment on a proposal, as the mayor's office reads it."""

    author: str
    vote_label: str
    text: str


@dataclass
class Row:
    proposal: Proposal
    tally: Tally
    spreads: list[Spread] = field(default_factory=list)
    my_ballot: bool = False
    recused: bool = False
    comments: list[Comment] = field(default_factory=list)
    # Filled by `board_display` for the chair's board.
    can_open: bool = False
    can_close: bool = False
    text: dict[str, str] = field(default_factory=dict)

    @property
    def threshold_percent(self) -> Decimal:
        return (self.proposal.call.threshold * 100).quantize(Decimal("0.1"))

    @property
    def threshold_met(self) -> bool | None:
        if self.tally.weighted_score is None:
            return None
        return self.tally.weighted_score >= self.proposal.call.threshold

    @property
    def consultation(self):
        """The proposal's consultation, once it goes with the review to the partnership."""
        consultation = getattr(self.proposal, "consultation", None)
        return consultation if self.proposal.status in WITH_THE_REVIEW else None

    @property
    def before_review(self) -> bool:
        """Screened or waiting for it: no ballots to count yet."""
        return self.proposal.status in (Status.SUBMITTED, Status.ELIGIBLE)

    @property
    def closing_outcome(self) -> str:
        """What closing the review now would give (shown to the chair before closing)."""
        return self.tally.outcome(self.proposal.call.threshold)

    @property
    def result(self):
        # select_related caches a missing reverse one-to-one as None: no query here.
        return getattr(self.proposal, "review_result", None)


def shared_tallies(proposals: list[Proposal]) -> dict[int, Tally]:
    """The tallies of a page's proposals: the same for every reader, so counted once per
    change of the data (every ballot, conflict and membership writes the audit log)."""
    name = "tallies:" + ",".join(str(p.pk) for p in proposals)
    return page_cache.shared(name, lambda: tallies(proposals))


def _base() -> QuerySet[Proposal]:
    return Proposal.objects.select_related("call", "group")


# -- partnership member -----------------------------------------------------------------------

def review_queue() -> QuerySet[Proposal]:
    """Proposals under review, oldest call first."""
    return _base().filter(status=Status.UNDER_REVIEW).order_by("call__closes_at", "call_id", "id")


def queue_rows(proposals: list[Proposal], user: User) -> list[Row]:
    """The queue of one member: tallies, whether their ballot is in, whether they are recused."""
    counts = shared_tallies(proposals)
    term = sitting_term(user=user)
    ids = [p.pk for p in proposals]
    mine: set[int] = set()
    conflicted: set[int] = set()
    if term is not None and ids:
        mine = set(Ballot.objects.filter(member=term, proposal_id__in=ids)
                   .values_list("proposal_id", flat=True))
        conflicted = set(ConflictDeclaration.objects.filter(member=term, proposal_id__in=ids)
                         .values_list("proposal_id", flat=True))
    groups = member_group_ids(user)
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
        n_submitted=Count("proposals", filter=_status_q(Status.SUBMITTED, Status.ELIGIBLE)),
        n_under_review=Count("proposals", filter=_status_q(Status.UNDER_REVIEW)),
        n_closed=Count("proposals", filter=_status_q(*REVIEW_CLOSED_STATUSES)),
    ).order_by("-fiscal_year", "-opens_at")


def _status_q(*statuses) -> Q:
    return Q(proposals__status__in=statuses)


def board_proposals(call: Call, status_filter: str = "") -> QuerySet[Proposal]:
    """The call's proposals on its board, without their call: `with_call` gives each row
    the call the page has loaded already (the same for every row)."""
    statuses = BOARD_FILTERS.get(status_filter, BOARD_STATUSES)
    return (
        Proposal.objects.select_related("group", "review_result", "consultation")
        .filter(call=call, status__in=statuses)
        # The board shows titles and tallies: the long texts stay in the database.
        .defer("summary", "problem", "group_role", "city_role", "beneficiaries",
               "expected_outcomes", "consultation__question", "consultation__fit",
               "consultation__overlap", "consultation__contribution",
               "consultation__concerns", "consultation__reply")
        .order_by("id")
    )


def with_call(proposals, call: Call) -> list[Proposal]:
    for proposal in proposals:
        proposal.call = call
    return list(proposals)


def board_rows(proposals: list[Proposal], criteria: list[Criterion]) -> list[Row]:
    counts = shared_tallies(proposals)
    rows = []
    for proposal in proposals:
        tally = counts[proposal.pk]
        spreads = [Spread(criterion=c, data=tally.spreads.get(c.pk)) for c in criteria]
        rows.append(Row(proposal=proposal, tally=tally, spreads=spreads))
    return rows


class Numbers:
    """Numbers written as the current language writes them, each distinct value formatted once.

    The same as a template's automatic localisation (`formats.localize`) or `floatformat`,
    but a board page shows the same few values (scores 0-5, vote counts) a thousand times.
    Make one per request: the language is read on first use of each value.
    """

    def __init__(self) -> None:
        self._done: dict[tuple, SafeString] = {}

    def __call__(self, value, places: int | None = None) -> SafeString:
        key = (places, value) if type(value) is int else (places, type(value), str(value))
        text = self._done.get(key)
        if text is None:
            text = (escape(formats.localize(value)) if places is None
                    else floatformat(value, places))
            self._done[key] = text
        return text


def board_display(rows: list[Row], user: User) -> list[Row]:
    """Prepare board rows for the page: the chair's actions, the formatted numbers, the labels.

    The actions are the transition table's `open_review` and `close_review` permissions
    (their state is checked before the role, so neither costs a query). One URL is
    reversed per row here (the proposal's page); the template reverses a row's one action.
    """
    number = Numbers()
    statuses = {value: str(label) for value, label in Status.choices}
    for row in rows:
        proposal = row.proposal
        status = proposal.status
        row.can_open = user.has_perm("proposals.open_review", proposal)
        tally = row.tally
        # Below the quorum closing would only fail: the board offers it once it can succeed.
        row.can_close = tally.has_quorum and user.has_perm("proposals.close_review", proposal)
        row.text = {
            "status": statuses.get(status, status),
            "url": reverse("proposals:proposal_detail", kwargs={"pk": proposal.pk}),
            "ballots": number(tally.ballots),
            "quorum": number(tally.quorum_needed),
            "eligible": number(tally.eligible_members),
            "recommend": number(tally.recommend),
            "not_recommend": number(tally.not_recommend),
            "abstain": number(tally.abstain),
            "threshold": number(row.threshold_percent),
        }
        if tally.weighted_percent is not None:
            row.text["weighted"] = number(tally.weighted_percent)
        for spread in row.spreads:
            if spread.data is not None:
                spread.text = {
                    "low": number(spread.data.minimum),
                    "high": number(spread.data.maximum),
                    "stdev": number(spread.data.stdev, 2),
                }
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
    """Rows with the frozen tally and the members' comments (one query for all comments).

    The comments are read as plain values, not ballots with their member and user: a
    decision queue page holds a hundred or more of them. Each vote is put in words once.
    """
    comments = defaultdict(list)
    labels = {value: str(label) for value, label in Vote.choices}
    for proposal_id, vote, comment, *name in (
        Ballot.objects.filter(proposal_id__in=[p.pk for p in proposals])
        .exclude(comment="")
        .order_by("proposal_id", "id")
        .values_list("proposal_id", "vote", "comment", "member__user__display_name",
                     "member__user__first_name", "member__user__last_name",
                     "member__user__username")
    ):
        comments[proposal_id].append(
            Comment(author=User.name_from(*name), vote_label=labels.get(vote, vote), text=comment)
        )
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
