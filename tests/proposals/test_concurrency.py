"""Concurrency on PostgreSQL: real threads, real transactions, started together by a barrier.

The actions lock the proposal row (`select_for_update`) so that simultaneous requests run
one after the other; the database constraints (one ballot per member and proposal, one
decision per proposal) are the last line of defence when code bypasses the actions.
SQLite serialises writers for the whole database, so these tests only mean something on
PostgreSQL.

That they catch a missing lock or constraint is checked by running them with the lock
patched out or the constraints dropped: the pytest plugins `nolock` and `noconstraint` in
scripts/experiments (each file says how to run it and which tests must then fail).
"""

from collections import Counter

import pytest
from django.db import IntegrityError

from partnership.models import AuditEntry
from partnership.roles import Role
from proposals import actions
from proposals.errors import ProposalError
from proposals.models import Ballot, Decision, Status, Vote
from tests.factories import UserFactory
from tests.lifecycle import full_scores, history, members, proposal_in
from tests.threads import ON_POSTGRESQL, THREADS, run_together

pytestmark = ON_POSTGRESQL


def test_simultaneous_ballots_by_one_member_leave_one_ballot():
    proposal = proposal_in(Status.UNDER_REVIEW)
    member = members(1)[0]
    scores = full_scores(proposal)

    def ballot(i: int) -> None:
        actions.cast_ballot(actor=member, proposal=proposal,
                            vote=Vote.RECOMMEND if i % 2 else Vote.NOT_RECOMMEND,
                            scores={cid: i % 6 for cid in scores}, comment=f"投票 {i}")

    outcomes = run_together(ballot)

    assert outcomes == Counter(ok=THREADS)
    ballots = Ballot.objects.filter(proposal=proposal)
    assert ballots.count() == 1
    # The ballot holds one thread's complete version: its scores all come from that thread.
    only = ballots.get()
    i = int(only.comment.split()[-1])
    assert set(only.scores.values_list("value", flat=True)) == {i % 6}
    assert only.scores.count() == len(scores)


def test_simultaneous_decisions_leave_one_decision_and_one_event():
    proposal = proposal_in(Status.RECOMMENDED)
    mayor = UserFactory(roles=[Role.MAYORS_OFFICE])

    def decide(i: int) -> None:
        actions.decide(actor=mayor, proposal=proposal,
                       outcome="chosen" if i % 2 else "declined", reason=f"理由 {i}")

    outcomes = run_together(decide)

    assert outcomes == Counter(ok=1, ProposalError=THREADS - 1)
    assert Decision.objects.filter(proposal=proposal).count() == 1
    decision = Decision.objects.get(proposal=proposal)
    decided = [row for row in history(proposal) if row.action == "proposal.decided"]
    assert len(decided) == 1
    proposal.refresh_from_db()
    assert proposal.status == decision.outcome
    assert decided[0].after["status"] == decision.outcome


def test_the_database_allows_one_ballot_per_member_and_proposal():
    proposal = proposal_in(Status.UNDER_REVIEW)
    term = members(1)[0].partnership_terms.get()

    def insert(i: int) -> None:
        Ballot.objects.create(proposal=proposal, member=term, vote=Vote.ABSTAIN,
                              comment=f"直接 {i}")

    outcomes = run_together(insert)

    assert outcomes == Counter(ok=1, IntegrityError=THREADS - 1)
    assert Ballot.objects.filter(proposal=proposal, member=term).count() == 1


def test_the_database_allows_one_decision_per_proposal():
    proposal = proposal_in(Status.RECOMMENDED)
    mayor = UserFactory(roles=[Role.MAYORS_OFFICE])

    def insert(i: int) -> None:
        Decision.objects.create(proposal=proposal, outcome="chosen", decided_by=mayor)

    outcomes = run_together(insert)

    assert outcomes == Counter(ok=1, IntegrityError=THREADS - 1)
    assert Decision.objects.filter(proposal=proposal).count() == 1


def test_an_action_that_hits_the_constraint_changes_nothing():
    """Even a caller racing past the lock gets an IntegrityError and no half-written decision."""
    proposal = proposal_in(Status.RECOMMENDED)
    mayor = UserFactory(roles=[Role.MAYORS_OFFICE])
    Decision.objects.create(proposal=proposal, outcome="chosen", decided_by=mayor)
    audit_before = AuditEntry.objects.count()
    with pytest.raises((IntegrityError, ProposalError)):
        actions.decide(actor=mayor, proposal=proposal, outcome="chosen")
    proposal.refresh_from_db()
    assert proposal.status == Status.RECOMMENDED
    assert AuditEntry.objects.count() == audit_before
