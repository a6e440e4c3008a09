"""Random walks through the proposal life cycle (Hypothesis' rule-based state machine):
whatever people try, in whatever order, the invariants hold after every step."""

import contextlib

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, invariant, rule

from partnership import audit
from partnership.errors import DomainError
from partnership.roles import Role
from proposals import actions
from proposals.models import Ballot, Decision, Proposal, ReviewResult, Status, Vote
from proposals.tally import tally_for
from reports.selectors import funnel_by_year
from tests.factories import CallFactory, ProposalFactory, UserFactory
from tests.lifecycle import chair, checklist_of, full_scores, group_member, members

# Where a ballot may exist: cast while under review, kept once the review closed (and when
# a group withdraws a proposal under review).
BALLOT_STATUSES = {Status.UNDER_REVIEW, Status.RECOMMENDED, Status.NOT_RECOMMENDED,
                   Status.CHOSEN, Status.DECLINED, Status.WITHDRAWN}


class ProposalLifeCycle(RuleBasedStateMachine):
    proposals = Bundle("proposals")
    # One panel for every walk: the examples share the test's database, and new sitting
    # members each time would raise every later quorum out of reach.
    panel: dict = {}

    @classmethod
    def seat_panel(cls) -> None:
        cls.panel = {"chair": chair(), "members": members(4),
                     "officer": UserFactory(roles=[Role.CITY_OFFICER]),
                     "mayor": UserFactory(roles=[Role.MAYORS_OFFICE]),
                     "outsider": UserFactory(roles=[Role.CITIZEN])}

    def __init__(self):
        super().__init__()
        self.call = CallFactory()
        self.chair, self.members = self.panel["chair"], self.panel["members"]
        self.officer, self.mayor = self.panel["officer"], self.panel["mayor"]
        self.outsider = self.panel["outsider"]
        self.ids: list[int] = []

    def everyone(self, proposal) -> list:
        return [group_member(proposal), self.chair, *self.members, self.officer, self.mayor,
                self.outsider]

    def person(self, proposal, who):
        """`who` is an index into everyone, or a role's name: the person meant to act,
        so that walks get past the first steps (others are tried as often)."""
        people = self.everyone(proposal)
        named = {"author": people[0], "chair": self.chair, "officer": self.officer,
                 "mayor": self.mayor}
        if isinstance(who, str) and who.startswith("member"):
            return self.members[int(who[-1])]
        return named[who] if isinstance(who, str) else people[who]

    def attempt(self, step, **kwargs) -> None:
        # A refusal is fine: the invariants check that nothing changed by halves.
        with contextlib.suppress(DomainError):
            step(**kwargs)

    @initialize(target=proposals)
    def first(self):
        return self._write()

    @initialize(target=proposals)
    def second(self):
        return self._write()

    def _write(self):
        proposal = ProposalFactory(call=self.call)
        self.ids.append(proposal.pk)
        return proposal

    @rule(proposal=proposals, who=st.one_of(st.sampled_from(['author']), st.integers(0, 8)))
    def submit(self, proposal, who):
        self.attempt(actions.submit, actor=self.person(proposal, who), proposal=proposal)

    # Withdrawing and screening out end a walk: tried by anyone, so they succeed seldom.
    @rule(proposal=proposals, who=st.integers(0, 8))
    def withdraw(self, proposal, who):
        self.attempt(actions.withdraw, actor=self.person(proposal, who), proposal=proposal,
                     reason="事情により")

    @rule(proposal=proposals, who=st.integers(0, 8), reason=st.sampled_from(["", "対象外"]))
    def mark_ineligible(self, proposal, who, reason):
        self.attempt(actions.mark_ineligible, actor=self.person(proposal, who),
                     proposal=proposal, reason=reason)

    @rule(proposal=proposals, who=st.one_of(st.sampled_from(['officer']), st.integers(0, 8)),
          complete=st.booleans())
    def mark_eligible(self, proposal, who, complete):
        checked = checklist_of(proposal)
        self.attempt(actions.mark_eligible, actor=self.person(proposal, who),
                     proposal=proposal, checked=checked if complete else checked[1:])

    @rule(proposal=proposals, who=st.one_of(st.sampled_from(['chair']), st.integers(0, 8)))
    def open_review(self, proposal, who):
        self.attempt(actions.open_review, actor=self.person(proposal, who), proposal=proposal)

    @rule(proposal=proposals, who=st.one_of(
        st.sampled_from(["member0", "member1", "member2", "member3", "chair"]),
        st.integers(0, 8)),
          vote=st.sampled_from([Vote.RECOMMEND, Vote.NOT_RECOMMEND, Vote.ABSTAIN]),
          score=st.integers(0, 5))
    def cast_ballot(self, proposal, who, vote, score):
        self.attempt(actions.cast_ballot, actor=self.person(proposal, who), proposal=proposal,
                     vote=vote, scores=full_scores(proposal, score))

    @rule(proposal=proposals, votes=st.lists(
        st.sampled_from([Vote.RECOMMEND, Vote.NOT_RECOMMEND, Vote.ABSTAIN]), min_size=4,
        max_size=4), score=st.integers(0, 5))
    def the_members_vote(self, proposal, votes, score):
        for member, vote in zip(self.members, votes, strict=True):
            self.attempt(actions.cast_ballot, actor=member, proposal=proposal, vote=vote,
                         scores=full_scores(proposal, score))

    @rule(proposal=proposals, who=st.one_of(st.sampled_from(['member3']), st.integers(0, 8)))
    def declare_conflict(self, proposal, who):
        self.attempt(actions.declare_conflict, actor=self.person(proposal, who),
                     proposal=proposal, reason="関係者")

    @rule(proposal=proposals, who=st.one_of(st.sampled_from(['chair']), st.integers(0, 8)),
          casting=st.sampled_from(["", Vote.RECOMMEND, Vote.NOT_RECOMMEND]))
    def close_review(self, proposal, who, casting):
        self.attempt(actions.close_review, actor=self.person(proposal, who), proposal=proposal,
                     casting_vote=casting, casting_reason="議長裁定" if casting else "")

    @rule(proposal=proposals, who=st.one_of(st.sampled_from(['mayor']), st.integers(0, 8)),
          outcome=st.sampled_from(["chosen", "declined"]), reason=st.sampled_from(["", "予算"]))
    def decide(self, proposal, who, outcome, reason):
        self.attempt(actions.decide, actor=self.person(proposal, who), proposal=proposal,
                     outcome=outcome, reason=reason)

    @invariant()
    def history_matches_the_state(self):
        for proposal in Proposal.objects.filter(pk__in=self.ids):
            steps = list(audit.history(proposal, public_only=True))
            assert steps[0].action == "proposal.created"
            assert steps[-1].after["status"] == proposal.status
            for before, after in zip(steps, steps[1:], strict=False):
                assert after.before["status"] == before.after["status"]
            assert (proposal.submitted_at is not None) == any(
                step.action == "proposal.submitted" for step in steps)

    @invariant()
    def decisions_results_and_ballots_fit_the_state(self):
        for proposal in Proposal.objects.filter(pk__in=self.ids):
            decided = Decision.objects.filter(proposal=proposal).count()
            assert decided == (1 if proposal.status in (Status.CHOSEN, Status.DECLINED) else 0)
            closed = ReviewResult.objects.filter(proposal=proposal).exists()
            assert closed == proposal.review_closed
            if Ballot.objects.filter(proposal=proposal).exists():
                assert proposal.status in BALLOT_STATUSES
            if closed:
                result = proposal.review_result
                assert result.recommended == (proposal.status != Status.NOT_RECOMMENDED)
                assert result.recommend + result.not_recommend + result.abstain >= (
                    result.quorum_needed)

    @invariant()
    def the_funnel_counts_what_happened(self):
        mine = list(Proposal.objects.filter(pk__in=self.ids))
        [funnel] = funnel_by_year(self.call.fiscal_year, self.call.fiscal_year)
        others = Proposal.objects.filter(call__fiscal_year=self.call.fiscal_year).exclude(
            pk__in=self.ids)
        assert funnel.submitted == sum(p.submitted_at is not None for p in mine) + sum(
            p.submitted_at is not None for p in others)
        assert funnel.chosen - others.filter(status=Status.CHOSEN).count() == sum(
            p.status == Status.CHOSEN for p in mine)
        recommended_mine = sum(p.status in (Status.RECOMMENDED, Status.CHOSEN, Status.DECLINED)
                               for p in mine)
        recommended_others = others.filter(review_result__recommended=True).count()
        assert funnel.recommended == recommended_mine + recommended_others

    @invariant()
    def a_tally_never_counts_a_recused_member(self):
        for proposal in Proposal.objects.filter(pk__in=self.ids, status=Status.UNDER_REVIEW):
            tally = tally_for(proposal)
            assert tally.ballots <= tally.eligible_members


@pytest.mark.django_db
def test_the_life_cycle_keeps_its_invariants():
    from hypothesis.stateful import run_state_machine_as_test

    ProposalLifeCycle.seat_panel()
    run_state_machine_as_test(ProposalLifeCycle, settings=settings(
        max_examples=40, stateful_step_count=50, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
