"""Counting ballots: vote counts, weighted scores and their spread.

Every function works for many proposals at once with a fixed number of queries (three for
`tallies`: the ballots, the scores grouped per proposal and criterion in the database, the
eligible members), so pages that show many proposals stay at a constant query count.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, FilteredRelation, Q, Sum
from django.db.models import Max as DbMax
from django.db.models import Min as DbMin

from partnership.selectors import sitting_members

from .models import Ballot, Call, Proposal, Score, Vote


@dataclass
class CriterionSpread:
    criterion_id: int
    count: int
    mean: float
    minimum: int
    maximum: int
    stdev: float  # population standard deviation


@dataclass
class Tally:
    proposal_id: int
    recommend: int = 0
    not_recommend: int = 0
    abstain: int = 0
    eligible_members: int = 0
    quorum_needed: int = 1
    weighted_score: Decimal | None = None  # share of the maximum, 0..1
    spreads: dict[int, CriterionSpread] = field(default_factory=dict)

    @property
    def ballots(self) -> int:
        return self.recommend + self.not_recommend + self.abstain

    @property
    def has_quorum(self) -> bool:
        return self.ballots >= self.quorum_needed

    @property
    def is_tie(self) -> bool:
        return self.recommend == self.not_recommend

    def outcome(self, threshold: Decimal) -> str:
        """What closing the review gives, by the partnership's rule: "no_quorum",
        "tie" (settled by the chair's casting decision), "recommended" (recommend votes
        are a majority of the non-abstaining ballots and the weighted score reaches the
        threshold) or "not_recommended"."""
        if not self.has_quorum:
            return "no_quorum"
        if self.is_tie:
            return "tie"
        threshold_met = (self.weighted_score or Decimal(0)) >= threshold
        if self.recommend > self.not_recommend and threshold_met:
            return "recommended"
        return "not_recommended"

    @property
    def weighted_percent(self) -> Decimal | None:
        if self.weighted_score is None:
            return None
        return (self.weighted_score * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def quorum_for(*, share: Decimal, eligible: int) -> int:
    return max(1, math.ceil(Decimal(eligible) * share))


def tallies(proposals: list[Proposal]) -> dict[int, Tally]:
    """Tallies for proposals (of one or several calls): three queries in all (four when the
    proposals come without their calls)."""
    ids = [p.pk for p in proposals]
    result = {p.pk: Tally(proposal_id=p.pk) for p in proposals}
    if not ids:
        return result

    # The ballots themselves (a few hundred rows for a page): their votes are counted here,
    # and their ids select the scores below through the index on the scores' ballot. (Filtering
    # the scores by the ballots' proposal instead made PostgreSQL scan every score.)
    ballot_ids = []
    votes = {Vote.RECOMMEND: "recommend", Vote.NOT_RECOMMEND: "not_recommend"}
    counts: dict[tuple[int, str], int] = defaultdict(int)
    for ballot_id, proposal_id, vote in (
        Ballot.objects.filter(proposal_id__in=ids).values_list("id", "proposal_id", "vote")
        .order_by()
    ):
        ballot_ids.append(ballot_id)
        counts[proposal_id, votes.get(vote, "abstain")] += 1
    for (proposal_id, attr), n in counts.items():
        setattr(result[proposal_id], attr, n)

    # One grouped query per (proposal, criterion) gives the spread, and the weighted score
    # too: sum(value * weight) / sum(max_score * weight) over all the proposal's scores.
    # Integer sums of the values and of their squares give the mean and the variance exactly.
    got: dict[int, Decimal] = defaultdict(Decimal)
    best: dict[int, Decimal] = defaultdict(Decimal)
    rows = (
        Score.objects.filter(ballot_id__in=ballot_ids, ballot__proposal_id__in=ids)
        .values_list("ballot__proposal_id", "criterion_id", "criterion__weight",
                     "criterion__max_score")
        .annotate(
            n=Count("id"),
            total=Sum("value"),
            total_sq=Sum(F("value") * F("value")),
            lo=DbMin("value"),
            hi=DbMax("value"),
        )
        .order_by()
    ) if ballot_ids else []
    for proposal_id, criterion_id, weight, max_score, n, total, total_sq, lo, hi in rows:
        weight = Decimal(weight)
        got[proposal_id] += total * weight
        best[proposal_id] += n * max_score * weight
        mean = total / n
        variance = max(0.0, total_sq / n - mean * mean)
        result[proposal_id].spreads[criterion_id] = CriterionSpread(
            criterion_id=criterion_id, count=n, mean=mean, minimum=lo, maximum=hi,
            stdev=math.sqrt(variance),
        )
    for proposal_id, maximum in best.items():
        if maximum:
            result[proposal_id].weighted_score = (got[proposal_id] / maximum).quantize(
                Decimal("0.0001"), rounding=ROUND_HALF_UP
            )

    _fill_eligibility(proposals, result)
    return result


def _fill_eligibility(proposals: list[Proposal], result: dict[int, Tally]) -> None:
    """Eligible = sitting members minus those in the proposing group or with a conflict.

    One query: each sitting member with (left-joined) their memberships of the proposing
    groups and their conflict declarations on these proposals.
    """
    group_ids = {p.group_id for p in proposals}
    sitting_users: set[int] = set()
    group_users: dict[int, set[int]] = defaultdict(set)
    conflicted: dict[int, set[int]] = defaultdict(set)
    rows = (
        sitting_members()
        .annotate(
            in_group=FilteredRelation(
                "user__group_memberships",
                condition=Q(user__group_memberships__group_id__in=group_ids),
            ),
            conflict=FilteredRelation(
                "conflicts", condition=Q(conflicts__proposal_id__in=list(result))
            ),
        )
        .values_list("user_id", "in_group__group_id", "conflict__proposal_id")
        .order_by()
    )
    for user_id, group_id, proposal_id in rows:
        sitting_users.add(user_id)
        if group_id is not None:
            group_users[group_id].add(user_id)
        if proposal_id is not None:
            conflicted[proposal_id].add(user_id)
    quorums = _quorums(proposals)
    for proposal in proposals:
        recused = group_users[proposal.group_id] | conflicted[proposal.pk]
        tally = result[proposal.pk]
        tally.eligible_members = len(sitting_users - recused)
        tally.quorum_needed = quorum_for(
            share=quorums[proposal.call_id], eligible=tally.eligible_members
        )


def _quorums(proposals: list[Proposal]) -> dict[int, Decimal]:
    """Each call's quorum share: from the loaded calls, else one query (never one per row)."""
    quorums = {
        p.call_id: p.call.quorum for p in proposals if Proposal.call.is_cached(p)
    }
    missing = {p.call_id for p in proposals} - set(quorums)
    if missing:
        quorums.update(Call.objects.filter(pk__in=missing).values_list("pk", "quorum"))
    return quorums


def tally_for(proposal: Proposal) -> Tally:
    return tallies([proposal])[proposal.pk]
