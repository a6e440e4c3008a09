"""The proposal's transition table, tested from the table itself.

For every transition and every status, each role tries the action: it succeeds exactly
when the rule (`user.has_perm(transition.permission, proposal)`, the check the views and
templates make) says so; a success moves the proposal to one of the transition's targets
and writes its audit row, a refusal raises `ProposalError` and changes nothing.
"""

import datetime
from functools import partial

import pytest
import rules
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from partnership.models import AuditEntry, GroupMembership, Notification, PartnershipMember
from partnership.roles import Role
from proposals import actions
from proposals.errors import ProposalError
from proposals.models import (
    Attachment,
    Ballot,
    ConflictDeclaration,
    Decision,
    Proposal,
    ReviewResult,
    Score,
    Status,
    Vote,
)
from proposals.tally import tally_for
from proposals.transitions import PROPOSAL
from tests.factories import CallFactory, PartnershipMemberFactory, ProposalFactory, UserFactory
from tests.lifecycle import (
    chair,
    checklist_of,
    full_scores,
    group_member,
    history,
    members,
    proposal_in,
)
from tests.transition_steps import try_step

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _attachment_of(proposal: Proposal) -> Attachment:
    attachment = Attachment.objects.filter(proposal=proposal).first()
    if attachment is None:  # made directly: the proposal may be past its draft
        attachment = Attachment.objects.create(
            proposal=proposal, file="proposals/test.pdf", original_name="計画書.pdf",
            content_type="application/pdf", size=len(PDF), uploaded_by=group_member(proposal))
    return attachment


# How each transition is taken. A transition added to the table without a way to take it
# here fails test_every_transition_has_a_runner.
RUNNERS = {
    "edit": lambda p, u: actions.update_draft(actor=u, proposal=p, title="新しい題名"),
    "add_attachment": lambda p, u: actions.add_attachment(
        actor=u, proposal=p, upload=SimpleUploadedFile("計画書.pdf", PDF)),
    "remove_attachment": lambda p, u: actions.remove_attachment(
        actor=u, attachment=_attachment_of(p)),
    "submit": lambda p, u: actions.submit(actor=u, proposal=p),
    "withdraw": lambda p, u: actions.withdraw(actor=u, proposal=p, reason="体制が整わない"),
    "mark_eligible": lambda p, u: actions.mark_eligible(actor=u, proposal=p,
                                                        checked=checklist_of(p)),
    "mark_ineligible": lambda p, u: actions.mark_ineligible(actor=u, proposal=p,
                                                            reason="営利目的のため対象外"),
    "open_review": lambda p, u: actions.open_review(actor=u, proposal=p),
    "cast_ballot": lambda p, u: actions.cast_ballot(actor=u, proposal=p, vote=Vote.RECOMMEND,
                                                    scores=full_scores(p, 3), comment="必要"),
    "declare_conflict": lambda p, u: actions.declare_conflict(actor=u, proposal=p,
                                                              reason="団体の役員のため"),
    "close_review": lambda p, u: actions.close_review(actor=u, proposal=p),
    "ask_question": lambda p, u: actions.ask_hearing_question(
        actor=u, proposal=p, question="担い手はどう確保しますか。"),
    "deliberate": lambda p, u: actions.post_deliberation(actor=u, proposal=p,
                                                         text="目標の数値が高すぎないか。"),
    "write_hearing_note": lambda p, u: actions.save_hearing_note(
        actor=u, proposal=p, text="体制の説明が具体的だった。"),
    "decide": lambda p, u: actions.decide(actor=u, proposal=p, outcome="chosen",
                                          reason="重点施策に合致"),
}


def _seat(user, **kwargs):
    PartnershipMemberFactory(user=user, **kwargs)
    return user


def cast(proposal: Proposal) -> dict:
    """One person of every kind that could try a step, by name."""
    insider = _seat(UserFactory(roles=[Role.PARTNERSHIP_MEMBER]))
    GroupMembership.objects.create(group=proposal.group, user=insider)
    today = timezone.localdate()
    return {
        "author": group_member(proposal),
        "other citizen": UserFactory(roles=[Role.CITIZEN]),
        "officer": UserFactory(roles=[Role.CITY_OFFICER]),
        "chair": chair(),
        "member": members(1)[0],
        "member of the group": insider,
        "former member": _seat(UserFactory(roles=[Role.PARTNERSHIP_MEMBER]),
                               term_start=today - datetime.timedelta(days=800),
                               term_end=today - datetime.timedelta(days=70)),
        "seat without the role": _seat(UserFactory()),
        "mayor's office": UserFactory(roles=[Role.MAYORS_OFFICE]),
        "administrator": UserFactory(roles=[Role.ADMINISTRATOR], is_staff=True,
                                     is_superuser=True),
    }


def snapshot(proposal: Proposal) -> dict:
    """Everything a step could change about a proposal, its audit log and its notices."""
    fresh = Proposal.objects.get(pk=proposal.pk)
    return {
        "proposal": (fresh.status, fresh.title, fresh.submitted_at),
        "ballots": sorted(Ballot.objects.filter(proposal=proposal)
                          .values_list("pk", "member_id", "vote")),
        "scores": Score.objects.filter(ballot__proposal=proposal).count(),
        "conflicts": ConflictDeclaration.objects.filter(proposal=proposal).count(),
        "attachments": Attachment.objects.filter(proposal=proposal).count(),
        "results": ReviewResult.objects.filter(proposal=proposal).count(),
        "decisions": Decision.objects.filter(proposal=proposal).count(),
        "audit": AuditEntry.objects.count(),
        "notifications": Notification.objects.count(),
        "queued": DBTaskResult.objects.count(),
    }


def _ready(name: str, proposal: Proposal) -> Proposal:
    """What the step needs beyond the proposal's state: recommending ballots up to the
    quorum before closing (after the cast took its seats), an attachment to remove."""
    if name == "close_review" and proposal.status == Status.UNDER_REVIEW:
        while not tally_for(proposal).has_quorum:
            RUNNERS["cast_ballot"](proposal, members(1)[0])
    if name == "remove_attachment":
        _attachment_of(proposal)
    return proposal


def test_every_transition_has_a_runner():
    assert set(RUNNERS) == set(PROPOSAL.transitions)


CASES = [pytest.param(t.name, status, id=f"{t.name}-{status}")
         for t in PROPOSAL for status in Status]


@pytest.mark.parametrize(("name", "status"), CASES)
def test_each_role_may_take_a_step_exactly_when_the_rule_says(name, status):
    transition = PROPOSAL[name]
    proposal = proposal_in(status)
    people = cast(proposal)
    _ready(name, proposal)
    outcomes = {}
    for who, user in people.items():
        fresh = Proposal.objects.select_related("call", "group").get(pk=proposal.pk)
        allowed = user.has_perm(transition.permission, fresh)
        outcomes[who] = try_step(
            partial(RUNNERS[name], fresh, user), refused=ProposalError,
            snapshot=partial(snapshot, proposal),
            took=partial(_assert_took_the_step, transition, proposal, user))
        assert outcomes[who] == allowed, (who, allowed)
    # Somebody may take each step from each state it leaves from, and nobody from others.
    assert any(outcomes.values()) == (status in transition.sources), outcomes


def _assert_took_the_step(transition, proposal, user, before, new_rows) -> None:
    after = Proposal.objects.get(pk=proposal.pk).status
    assert new_rows.exists(), "every step writes the audit log"
    assert all(row.actor == user for row in new_rows)
    if transition.moves:
        assert after in transition.targets
        moved = new_rows.get(public=True)
        assert (moved.action, moved.before["status"], moved.after["status"]) == (
            transition.event, before["proposal"][0], after)
    else:
        assert after == before["proposal"][0]
        assert new_rows.filter(action=transition.event).exists() or transition.name in (
            "cast_ballot",)


# -- the three disagreements the table removed ------------------------------------------------

def test_a_seat_without_the_member_role_casts_no_ballot():
    proposal = proposal_in(Status.UNDER_REVIEW)
    user = _seat(UserFactory())
    assert not user.has_perm("proposals.cast_ballot", proposal)
    before = snapshot(proposal)
    with pytest.raises(ProposalError):
        RUNNERS["cast_ballot"](proposal, user)
    assert snapshot(proposal) == before


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.ELIGIBLE, Status.UNDER_REVIEW])
def test_no_conflict_before_the_review_nor_by_a_member_of_the_proposing_group(status):
    proposal = proposal_in(status)
    people = cast(proposal)
    before_review = status in (Status.SUBMITTED, Status.ELIGIBLE)
    for who in (["member"] if before_review else []) + ["member of the group"]:
        user = people[who]
        assert not user.has_perm("proposals.declare_conflict", proposal)
        before = snapshot(proposal)
        with pytest.raises(ProposalError):
            RUNNERS["declare_conflict"](proposal, user)
        assert snapshot(proposal) == before


@pytest.mark.parametrize(("name", "status", "who", "view_permission"), [
    ("open_review", Status.ELIGIBLE, "chair", "proposals.view_review_board"),
    ("close_review", Status.UNDER_REVIEW, "chair", "proposals.view_review_board"),
    ("decide", Status.RECOMMENDED, "mayor's office", "proposals.view_decision_queue"),
])
def test_the_chair_and_the_mayor_act_through_the_steps_own_permission(
        name, status, who, view_permission):
    """With the step's permission denied, the page's view permission no longer lets
    the action through (it did: open, close and decide checked the queue's)."""
    proposal = proposal_in(status)
    user = cast(proposal)[who]
    _ready(name, proposal)
    permission = PROPOSAL[name].permission
    rules.set_perm(permission, rules.always_deny)
    try:
        assert user.has_perm(view_permission)
        before = snapshot(proposal)
        with pytest.raises(ProposalError):
            RUNNERS[name](proposal, user)
        assert snapshot(proposal) == before
    finally:
        rules.set_perm(permission, PROPOSAL[name].predicate)


# -- rules of the steps beyond their state and actor -------------------------------------------

@pytest.mark.parametrize(("opens", "closes"), [(-30, -1), (2, 30)],
                         ids=["call-closed", "call-not-yet-open"])
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


def test_the_public_history_is_every_change_of_state_in_order():
    proposal = proposal_in(Status.CHOSEN)
    steps = [(row.action, (row.before or {}).get("status"), row.after["status"])
             for row in history(proposal)]
    assert steps == [
        ("proposal.created", None, "draft"),
        ("proposal.submitted", "draft", "submitted"),
        ("proposal.marked_eligible", "submitted", "eligible"),
        ("proposal.review_opened", "eligible", "under_review"),
        ("proposal.review_closed", "under_review", "recommended"),
        ("proposal.decided", "recommended", "chosen"),
    ]


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
        withdrawn = AuditEntry.objects.get(action="ballot.withdrawn")
        assert (withdrawn.actor, withdrawn.before["vote"]) == (member, Vote.RECOMMEND)
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
        chair_user = next(row.actor for row in history(proposal)
                          if row.action == "proposal.review_opened")
        for user in voters[1:3]:
            actions.cast_ballot(actor=user, proposal=proposal, vote=Vote.RECOMMEND,
                                scores=full_scores(proposal, 5))
        with pytest.raises(ProposalError, match="quorum"):
            actions.close_review(actor=chair_user, proposal=proposal)
        actions.cast_ballot(actor=voters[3], proposal=proposal, vote=Vote.RECOMMEND,
                            scores=full_scores(proposal, 5))
        result = actions.close_review(actor=chair_user, proposal=proposal)
        assert (result.eligible_members, result.quorum_needed, result.recommended) == (5, 3, True)
