"""Every transition from every status: legal ones move and record one event, others change nothing.

Proposals are brought to each status through the real actions (`tests.lifecycle.proposal_in`).
"""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from partnership.models import GroupMembership, PartnershipMember
from partnership.roles import Role
from proposals import actions
from proposals.errors import ProposalError
from proposals.models import (
    Ballot,
    ConflictDeclaration,
    Decision,
    Event,
    Proposal,
    ReviewResult,
    Score,
    Status,
    Vote,
)
from proposals.tally import tally_for
from tests.factories import CallFactory, PartnershipMemberFactory, ProposalFactory, UserFactory
from tests.lifecycle import chair, full_scores, group_member, members, proposal_in

pytestmark = pytest.mark.django_db

STATUS_REFUSAL = "this is only possible when"


@dataclass
class Cast:
    """The people who act on one proposal, each with the right role for their part."""

    author: object
    officer: object
    chair: object
    member: object
    mayor: object


def cast_for(proposal: Proposal) -> Cast:
    return Cast(
        author=group_member(proposal),
        officer=UserFactory(roles=[Role.CITY_OFFICER]),
        chair=chair(),
        member=members(1)[0],
        mayor=UserFactory(roles=[Role.MAYORS_OFFICE]),
    )


def snapshot(proposal: Proposal) -> dict:
    """Everything a transition could change about a proposal."""
    fresh = Proposal.objects.get(pk=proposal.pk)
    return {
        "status": fresh.status,
        "submitted_at": fresh.submitted_at,
        "events": list(Event.objects.filter(proposal=proposal).values_list("pk", "to_status")),
        "ballots": sorted(
            Ballot.objects.filter(proposal=proposal).values_list("pk", "member_id", "vote")
        ),
        "scores": Score.objects.filter(ballot__proposal=proposal).count(),
        "conflicts": ConflictDeclaration.objects.filter(proposal=proposal).count(),
        "results": ReviewResult.objects.filter(proposal=proposal).count(),
        "decisions": list(Decision.objects.filter(proposal=proposal).values_list("pk", "outcome")),
    }


def _ballots_for_close(proposal: Proposal) -> None:
    # Enough recommend ballots with high scores for a quorum and a recommendation.
    for user in members(3):
        actions.cast_ballot(actor=user, proposal=proposal, vote=Vote.RECOMMEND,
                            scores=full_scores(proposal, 5), comment="賛成")


@dataclass(frozen=True)
class Transition:
    name: str
    legal_from: tuple[Status, ...]
    to: Status | None  # None: the status does not change (ballots, conflicts)
    action: Event.Action | None
    reason: str = ""

    def run(self, proposal: Proposal, cast: Cast, actor=None):
        p = proposal
        if self.name == "submit":
            return actions.submit(actor=actor or cast.author, proposal=p)
        if self.name == "withdraw":
            return actions.withdraw(actor=actor or cast.author, proposal=p, reason=self.reason)
        if self.name == "mark_ineligible":
            return actions.mark_ineligible(actor=actor or cast.officer, proposal=p,
                                           reason=self.reason)
        if self.name == "open_review":
            return actions.open_review(actor=actor or cast.chair, proposal=p)
        if self.name == "cast_ballot":
            return actions.cast_ballot(actor=actor or cast.member, proposal=p,
                                       vote=Vote.RECOMMEND, scores=full_scores(p, 3),
                                       comment="地域に必要な事業です")
        if self.name == "declare_conflict":
            return actions.declare_conflict(actor=actor or cast.member, proposal=p,
                                            reason=self.reason)
        if self.name == "close_review":
            return actions.close_review(actor=actor or cast.chair, proposal=p)
        if self.name == "choose":
            return actions.decide(actor=actor or cast.mayor, proposal=p, outcome="chosen",
                                  reason=self.reason)
        if self.name == "decline":
            return actions.decide(actor=actor or cast.mayor, proposal=p, outcome="declined",
                                  reason=self.reason)
        raise AssertionError(self.name)


TRANSITIONS = [
    Transition("submit", (Status.DRAFT,), Status.SUBMITTED, Event.Action.SUBMIT),
    Transition("withdraw", (Status.DRAFT, Status.SUBMITTED, Status.UNDER_REVIEW),
               Status.WITHDRAWN, Event.Action.WITHDRAW, reason="団体の体制が整わないため"),
    Transition("mark_ineligible", (Status.SUBMITTED,), Status.INELIGIBLE,
               Event.Action.MARK_INELIGIBLE, reason="営利目的の事業のため対象外"),
    Transition("open_review", (Status.SUBMITTED,), Status.UNDER_REVIEW, Event.Action.OPEN_REVIEW),
    Transition("cast_ballot", (Status.UNDER_REVIEW,), None, None),
    Transition("declare_conflict", (Status.SUBMITTED, Status.UNDER_REVIEW), None, None,
               reason="提案団体の役員を務めているため"),
    Transition("close_review", (Status.UNDER_REVIEW,), Status.RECOMMENDED,
               Event.Action.CLOSE_REVIEW),
    Transition("choose", (Status.RECOMMENDED,), Status.CHOSEN, Event.Action.CHOOSE,
               reason="市の重点施策に合致するため"),
    Transition("decline", (Status.RECOMMENDED,), Status.DECLINED, Event.Action.DECLINE,
               reason="予算の制約により今年度は見送り"),
]
BY_NAME = {t.name: t for t in TRANSITIONS}


def _cases(legal: bool):
    for transition in TRANSITIONS:
        for status in Status:
            if (status in transition.legal_from) == legal:
                yield pytest.param(transition.name, status, id=f"{transition.name}-from-{status}")


@pytest.mark.parametrize(("name", "status"), list(_cases(legal=True)))
def test_legal_transition_moves_and_records_one_event(name, status):
    transition = BY_NAME[name]
    proposal = proposal_in(status)
    cast = cast_for(proposal)
    if name == "close_review":
        _ballots_for_close(proposal)
    before = snapshot(proposal)

    transition.run(proposal, cast)

    after = snapshot(proposal)
    new_events = Event.objects.filter(proposal=proposal).exclude(
        pk__in=[pk for pk, _to in before["events"]]
    )
    if transition.to is None:
        # Ballots and conflict declarations are not status changes: no event.
        assert after["status"] == before["status"] == status
        assert new_events.count() == 0
        if name == "cast_ballot":
            ballot = Ballot.objects.get(proposal=proposal, member__user=cast.member)
            assert ballot.vote == Vote.RECOMMEND
            assert ballot.scores.count() == len(full_scores(proposal))
        else:
            assert ConflictDeclaration.objects.filter(
                proposal=proposal, member__user=cast.member, reason=transition.reason
            ).exists()
        return
    assert after["status"] == transition.to
    assert new_events.count() == 1
    event = new_events.get()
    expected_actor = {
        "submit": cast.author, "withdraw": cast.author, "mark_ineligible": cast.officer,
        "open_review": cast.chair, "close_review": cast.chair, "choose": cast.mayor,
        "decline": cast.mayor,
    }[name]
    assert (event.action, event.actor, event.from_status, event.to_status, event.reason) == (
        transition.action, expected_actor, status, transition.to, transition.reason,
    )
    if name == "submit":
        assert after["submitted_at"] is not None
    if name == "close_review":
        assert ReviewResult.objects.get(proposal=proposal).recommended is True
    if name in ("choose", "decline"):
        decision = Decision.objects.get(proposal=proposal)
        assert (decision.outcome, decision.decided_by, decision.reason) == (
            transition.to.value, cast.mayor, transition.reason,
        )


@pytest.mark.parametrize(("name", "status"), list(_cases(legal=False)))
def test_illegal_transition_raises_and_changes_nothing(name, status):
    proposal = proposal_in(status)
    cast = cast_for(proposal)
    before = snapshot(proposal)

    with pytest.raises(ProposalError) as excinfo:
        BY_NAME[name].run(proposal, cast)

    assert STATUS_REFUSAL in str(excinfo.value)
    assert snapshot(proposal) == before


def _outsider():
    """Signed in, with every role but none of the right relations: no group, no seat."""
    return UserFactory(roles=[Role.CITIZEN])


WRONG_ACTORS = {
    "submit": lambda cast: [_outsider(), cast.officer, cast.chair],
    "withdraw": lambda cast: [_outsider(), cast.mayor],
    "mark_ineligible": lambda cast: [_outsider(), cast.author, cast.chair, cast.mayor],
    "open_review": lambda cast: [cast.member, cast.officer, cast.author, cast.mayor],
    "cast_ballot": lambda cast: [_outsider(), cast.mayor, _former_member()],
    "declare_conflict": lambda cast: [_outsider(), cast.officer, _former_member()],
    "close_review": lambda cast: [cast.member, cast.officer, cast.mayor],
    "choose": lambda cast: [cast.chair, cast.officer, cast.author, _outsider()],
    "decline": lambda cast: [cast.chair, cast.officer, cast.author, _outsider()],
}


def _former_member():
    """A partnership member whose term has ended."""
    user = UserFactory(roles=[Role.PARTNERSHIP_MEMBER])
    today = timezone.localdate()
    PartnershipMemberFactory(user=user, term_start=today - datetime.timedelta(days=800),
                             term_end=today - datetime.timedelta(days=70))
    return user


@pytest.mark.parametrize("name", [t.name for t in TRANSITIONS])
def test_wrong_actor_is_refused_and_nothing_changes(name):
    transition = BY_NAME[name]
    proposal = proposal_in(transition.legal_from[-1])
    cast = cast_for(proposal)
    if name == "close_review":
        _ballots_for_close(proposal)
    before = snapshot(proposal)
    for actor in WRONG_ACTORS[name](cast):
        with pytest.raises(ProposalError):
            transition.run(proposal, cast, actor=actor)
        assert snapshot(proposal) == before, actor


@pytest.mark.parametrize(
    ("opens", "closes"),
    [(-30, -1), (2, 30)],
    ids=["call-closed", "call-not-yet-open"],
)
def test_submit_outside_the_call_window_is_refused(opens, closes):
    now = timezone.now()
    call = CallFactory(opens_at=now + datetime.timedelta(days=opens),
                       closes_at=now + datetime.timedelta(days=closes))
    proposal = ProposalFactory(call=call)
    before = snapshot(proposal)
    with pytest.raises(ProposalError, match="not open"):
        actions.submit(actor=group_member(proposal), proposal=proposal)
    assert snapshot(proposal) == before


@pytest.mark.parametrize("reason", ["", "   "])
def test_declining_needs_a_reason(reason):
    proposal = proposal_in(Status.RECOMMENDED)
    before = snapshot(proposal)
    with pytest.raises(ProposalError, match="reason"):
        actions.decide(actor=UserFactory(roles=[Role.MAYORS_OFFICE]), proposal=proposal,
                       outcome="declined", reason=reason)
    assert snapshot(proposal) == before


def test_choosing_needs_no_reason_but_an_unknown_outcome_is_refused():
    proposal = proposal_in(Status.RECOMMENDED)
    mayor = UserFactory(roles=[Role.MAYORS_OFFICE])
    before = snapshot(proposal)
    with pytest.raises(ProposalError):
        actions.decide(actor=mayor, proposal=proposal, outcome="maybe", reason="検討中")
    assert snapshot(proposal) == before
    actions.decide(actor=mayor, proposal=proposal, outcome="chosen")
    assert Proposal.objects.get(pk=proposal.pk).status == Status.CHOSEN


@pytest.mark.parametrize("reason", ["", "  \n "])
def test_ineligible_needs_a_reason(reason):
    proposal = proposal_in(Status.SUBMITTED)
    before = snapshot(proposal)
    with pytest.raises(ProposalError, match="reason"):
        actions.mark_ineligible(actor=UserFactory(roles=[Role.CITY_OFFICER]),
                                proposal=proposal, reason=reason)
    assert snapshot(proposal) == before


def test_a_conflict_needs_a_reason():
    proposal = proposal_in(Status.UNDER_REVIEW)
    member = members(1)[0]
    before = snapshot(proposal)
    with pytest.raises(ProposalError):
        actions.declare_conflict(actor=member, proposal=proposal, reason=" ")
    assert snapshot(proposal) == before


def test_resubmitting_keeps_the_first_submission_time_and_withdrawn_is_final():
    proposal = proposal_in(Status.SUBMITTED)
    first = Proposal.objects.get(pk=proposal.pk).submitted_at
    author = group_member(proposal)
    actions.withdraw(actor=author, proposal=proposal, reason="再検討")
    with pytest.raises(ProposalError):
        actions.submit(actor=author, proposal=proposal)
    fresh = Proposal.objects.get(pk=proposal.pk)
    assert (fresh.status, fresh.submitted_at) == (Status.WITHDRAWN, first)


class TestEventsAreImmutable:
    @pytest.fixture
    def event(self):
        return Event.objects.filter(proposal=proposal_in(Status.SUBMITTED)).last()

    def test_save_of_an_existing_event_raises(self, event):
        event.reason = "書き換え"
        with pytest.raises(TypeError):
            event.save()
        assert Event.objects.get(pk=event.pk).reason == ""

    def test_delete_raises(self, event):
        with pytest.raises(TypeError):
            event.delete()
        assert Event.objects.filter(pk=event.pk).exists()

    def test_queryset_update_and_delete_raise(self, event):
        with pytest.raises(TypeError):
            Event.objects.filter(pk=event.pk).update(reason="書き換え")
        with pytest.raises(TypeError):
            Event.objects.filter(pk=event.pk).delete()
        fresh = Event.objects.get(pk=event.pk)
        assert (fresh.reason, fresh.to_status) == ("", Status.SUBMITTED)


class TestRecusal:
    def _sitting_group_member(self, proposal):
        user = UserFactory(roles=[Role.PARTNERSHIP_MEMBER])
        PartnershipMemberFactory(user=user)
        GroupMembership.objects.create(group=proposal.group, user=user)
        return user

    def test_a_member_of_the_proposing_group_cannot_ballot(self):
        proposal = proposal_in(Status.UNDER_REVIEW)
        insider = self._sitting_group_member(proposal)
        before = snapshot(proposal)
        with pytest.raises(ProposalError, match="member of the proposing group"):
            actions.cast_ballot(actor=insider, proposal=proposal, vote=Vote.RECOMMEND,
                                scores=full_scores(proposal, 5))
        assert snapshot(proposal) == before

    def test_a_declared_conflict_removes_the_ballot_and_blocks_new_ones(self):
        proposal = proposal_in(Status.UNDER_REVIEW)
        member, other = members(2)
        for user in (member, other):
            actions.cast_ballot(actor=user, proposal=proposal, vote=Vote.RECOMMEND,
                                scores=full_scores(proposal, 4))
        actions.declare_conflict(actor=member, proposal=proposal, reason="親族が団体の代表")
        assert list(Ballot.objects.filter(proposal=proposal).values_list(
            "member__user", flat=True)) == [other.pk]
        with pytest.raises(ProposalError, match="conflict"):
            actions.cast_ballot(actor=member, proposal=proposal, vote=Vote.NOT_RECOMMEND,
                                scores=full_scores(proposal, 1))
        assert Ballot.objects.filter(proposal=proposal).count() == 1

    def test_recused_members_do_not_count_towards_the_quorum(self):
        proposal = proposal_in(Status.UNDER_REVIEW)  # its chair is one sitting member
        voters = members(5)
        for _ in range(2):
            self._sitting_group_member(proposal)
        assert PartnershipMember.objects.count() == 1 + 5 + 2
        actions.declare_conflict(actor=voters[0], proposal=proposal, reason="利害関係あり")
        tally = tally_for(proposal)
        # 8 sitting, minus 2 in the proposing group, minus 1 with a conflict.
        assert tally.eligible_members == 5
        assert tally.quorum_needed == 3  # half of 5, rounded up
        chair_user = Event.objects.filter(proposal=proposal, action="open_review").get().actor
        for user in voters[1:3]:
            actions.cast_ballot(actor=user, proposal=proposal, vote=Vote.RECOMMEND,
                                scores=full_scores(proposal, 5))
        with pytest.raises(ProposalError, match="quorum"):
            actions.close_review(actor=chair_user, proposal=proposal)
        actions.cast_ballot(actor=voters[3], proposal=proposal, vote=Vote.RECOMMEND,
                            scores=full_scores(proposal, 5))
        result = actions.close_review(actor=chair_user, proposal=proposal)
        assert (result.eligible_members, result.quorum_needed, result.recommended) == (5, 3, True)
