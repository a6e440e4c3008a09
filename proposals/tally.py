"""Counting ballots: vote counts, weighted scores and their spread, computed in the database.

Every function works for many proposals at once with a fixed number of grouped
queries, so pages that show many proposals stay at a constant query count.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, F, FloatField, Sum
from django.db.models import Max as DbMax
from django.db.models import Min as DbMin
from django.db.models.functions import Cast

from partnership.models import GroupMembership
from partnership.selectors import sitting_members

from .models import Ballot, Call, ConflictDeclaration, Criterion, Proposal, Score, Vote


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

    @property
    def weighted_percent(self) -> Decimal | None:
        if self.weighted_score is None:
            return None
        return (self.weighted_score * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def quorum_for(*, share: Decimal, eligible: int) -> int:
    return max(1, math.ceil(Decimal(eligible) * share))


def tallies(proposals: list[Proposal]) -> dict[int, Tally]:
    """Tallies for proposals (of one or several calls); at most seven queries in all."""
    ids = [p.pk for p in proposals]
    result = {p.pk: Tally(proposal_id=p.pk) for p in proposals}
    if not ids:
        return result

    for row in (
        Ballot.objects.filter(proposal_id__in=ids)
        .values("proposal_id", "vote")
        .annotate(n=Count("id"))
        .order_by()
    ):
        tally = result[row["proposal_id"]]
        attr = {Vote.RECOMMEND: "recommend", Vote.NOT_RECOMMEND: "not_recommend"}.get(
            row["vote"], "abstain"
        )
        setattr(tally, attr, row["n"])

    weighted = (
        Score.objects.filter(ballot__proposal_id__in=ids)
        .values("ballot__proposal_id")
        .annotate(
            got=Sum(F("value") * F("criterion__weight")),
            best=Sum(F("criterion__max_score") * F("criterion__weight")),
        )
        .order_by()
    )
    for row in weighted:
        if row["best"]:
            result[row["ballot__proposal_id"]].weighted_score = (
                Decimal(row["got"]) / Decimal(row["best"])
            ).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)

    for row in (
        Score.objects.filter(ballot__proposal_id__in=ids)
        .values("ballot__proposal_id", "criterion_id")
        .annotate(
            n=Count("id"),
            mean=Avg(Cast("value", FloatField())),
            mean_sq=Avg(Cast(F("value") * F("value"), FloatField())),
            lo=DbMin("value"),
            hi=DbMax("value"),
        )
        .order_by()
    ):
        variance = max(0.0, row["mean_sq"] - row["mean"] ** 2)
        result[row["ballot__proposal_id"]].spreads[row["criterion_id"]] = CriterionSpread(
            criterion_id=row["criterion_id"],
            count=row["n"],
            mean=row["mean"],
            minimum=row["lo"],
            maximum=row["hi"],
            stdev=math.sqrt(variance),
        )

    _fill_eligibility(proposals, result)
    return result


def _fill_eligibility(proposals: list[Proposal], result: dict[int, Tally]) -> None:
    """Eligible = sitting members minus those in the proposing group or with a conflict."""
    sitting = dict(sitting_members().values_list("id", "user_id"))
    sitting_users = set(sitting.values())
    group_ids = {p.group_id for p in proposals}
    group_users = defaultdict(set)
    for group_id, user_id in GroupMembership.objects.filter(
        group_id__in=group_ids, user_id__in=sitting_users
    ).values_list("group_id", "user_id"):
        group_users[group_id].add(user_id)
    conflicted = defaultdict(set)
    for proposal_id, member_id in ConflictDeclaration.objects.filter(
        proposal_id__in=result.keys(), member_id__in=sitting.keys()
    ).values_list("proposal_id", "member_id"):
        conflicted[proposal_id].add(sitting[member_id])
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


def criteria_of(call_ids) -> dict[int, list[Criterion]]:
    by_call = defaultdict(list)
    for criterion in Criterion.objects.filter(call_id__in=call_ids):
        by_call[criterion.call_id].append(criterion)
    return by_call
