"""Fiscal 2003–2006 replayed: every proposal taken through the real actions, with real
ballots, at the dates it would have had (`partnership.clock.at`; no e-mails are sent)."""

import datetime
import random

from django.utils import timezone

from partnership import clock

from .. import actions
from ..models import Ballot, Call, Proposal, Status, Vote
from . import ballots, calls
from .plans import HISTORIC_PLANS, Plan
from .reasons import (
    CASTING_REASONS,
    CHOICE_REASON,
    CONFLICT_REASON,
    DECLINE_REASONS,
    INELIGIBLE_REASONS,
    WITHDRAW_REASONS,
)
from .roster import Roster
from .themes import proposal_fields


def _aware(year: int, month: int, day: int, hour: int = 10, minute: int = 0):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


def load(roster: Roster) -> int:
    """Replay the proposals of every historic call that are not there yet; returns how many."""
    created = 0
    for year, plans in HISTORIC_PLANS.items():
        era = f"平成{year - 1988}年度"
        call = calls.call(year, title=f"{era}（{year}年度）協働事業提案募集",
                          title_en=f"FY{year} call for partnership proposals",
                          opens_at=_aware(year, 5, 1, 9), closes_at=_aware(year, 6, 30, 17))
        criteria = calls.criteria(call)
        existing = set(call.proposals.values_list("title", flat=True))
        new = [(i, p) for i, p in enumerate(plans) if p.title not in existing]
        for index, plan in new:
            replay(roster, call, criteria, plan, index, year=year)
        if new:
            _backdate(call, year)
            created += len(new)
    return created


def replay(roster: Roster, call: Call, criteria: list, plan: Plan, index: int, *,
           year: int) -> None:
    """One proposal through its life, from its draft to the mayor's decision."""
    rng = random.Random(f"yamato-{year}-{plan.title}")
    author = roster.authors[plan.group]
    with clock.at(_aware(year, 5, 2 + index % 20, 9 + index % 8)):
        proposal = actions.create_proposal(actor=author, call=call,
                                           group=roster.groups[plan.group],
                                           **proposal_fields(plan, rng, roster.departments))
    with clock.at(_aware(year, 5, 10 + index, 14)):
        actions.submit(actor=author, proposal=proposal)
    if plan.fate == "W":
        with clock.at(_aware(year, 6, 24, 11)):
            actions.withdraw(actor=author, proposal=proposal,
                             reason=WITHDRAW_REASONS["W"])
        return
    if plan.fate == "I":
        with clock.at(_aware(year, 7, 5, 15)):
            actions.mark_ineligible(actor=roster.officer, proposal=proposal,
                                    reason=INELIGIBLE_REASONS[plan.title])
        return
    with clock.at(_aware(year, 7, 5, 15, index)):
        actions.mark_eligible(actor=roster.officer, proposal=proposal,
                              checked=calls.checklist(call))
    with clock.at(_aware(year, 7, 12, 10, index)):
        actions.open_review(actor=roster.chair, proposal=proposal)
        if plan.conflict:
            actions.declare_conflict(actor=roster.members["pm-citizen-05"],
                                     proposal=proposal, reason=CONFLICT_REASON)
        voters = ballots.eligible_voters(roster, proposal, plan.group, rng)
        ballots.cast(proposal, plan.fate, rng, voters=voters, criteria=criteria,
                     count=7 if plan.fate == "WR" else None)
    if plan.fate == "WR":
        with clock.at(_aware(year, 8, 9, 16)):
            actions.withdraw(actor=author, proposal=proposal,
                             reason=WITHDRAW_REASONS["WR"])
        return
    casting = {"T": Vote.NOT_RECOMMEND, "TR": Vote.RECOMMEND}.get(plan.fate, "")
    with clock.at(_aware(year, 8, 28, 18, index)):
        actions.close_review(actor=roster.chair, proposal=proposal, casting_vote=casting,
                             casting_reason=CASTING_REASONS.get(plan.fate, ""))
    proposal.refresh_from_db()
    expected = {"C": Status.RECOMMENDED, "D": Status.RECOMMENDED, "TR": Status.RECOMMENDED}
    if proposal.status != expected.get(plan.fate, Status.NOT_RECOMMENDED):
        raise RuntimeError(f"demo ballots for {plan.title!r} gave {proposal.status}")
    if plan.fate in ("C", "TR"):
        with clock.at(_aware(year, 10, 15, 11, index)):
            actions.decide(actor=roster.mayor, proposal=proposal, outcome="chosen",
                           reason=CHOICE_REASON)
    elif plan.fate == "D":
        with clock.at(_aware(year, 10, 15, 11, index)):
            actions.decide(actor=roster.mayor, proposal=proposal, outcome="declined",
                           reason=DECLINE_REASONS[plan.title])


def _backdate(call: Call, year: int) -> None:
    """Records the actions date with the database clock get their historic dates too."""
    Proposal.objects.filter(call=call).update(
        created_at=_aware(year, 5, 2), updated_at=_aware(year, 10, 15)
    )
    Ballot.objects.filter(proposal__call=call).update(
        created_at=_aware(year, 8, 1), updated_at=_aware(year, 8, 20)
    )
