"""E-mails of the life cycle: who gets them, and only once the transition is committed."""

import pytest
from django.db import transaction

from partnership.models import PartnershipMember
from partnership.roles import Role
from proposals import actions, notifications
from proposals.models import Status, Vote
from tests.factories import GroupMembershipFactory, UserFactory
from tests.lifecycle import chair, full_scores, group_member, members, proposal_in

pytestmark = pytest.mark.django_db


def recipients(mailbox) -> set[str]:
    return {address for message in mailbox for address in message.to}


def group_addresses(proposal) -> set[str]:
    return {proposal.group.contact_email,
            *proposal.group.members.values_list("email", flat=True)}


def sitting_addresses() -> set[str]:
    return set(PartnershipMember.objects.values_list("user__email", flat=True))


@pytest.fixture
def mayors():
    return [UserFactory(roles=[Role.MAYORS_OFFICE]) for _ in range(2)]


def _do(name, proposal):
    """Run one transition with a suitable actor; the proposal is in the right status."""
    author = group_member(proposal)
    if name == "submit":
        actions.submit(actor=author, proposal=proposal)
    elif name == "withdraw":
        actions.withdraw(actor=author, proposal=proposal, reason="体制の見直し")
    elif name == "mark_ineligible":
        actions.mark_ineligible(actor=UserFactory(roles=[Role.CITY_OFFICER]),
                                proposal=proposal, reason="市外での活動が中心のため")
    elif name == "open_review":
        actions.open_review(actor=chair(), proposal=proposal)
    elif name == "choose":
        actions.decide(actor=UserFactory(roles=[Role.MAYORS_OFFICE]), proposal=proposal,
                       outcome="chosen")
    elif name == "decline":
        actions.decide(actor=UserFactory(roles=[Role.MAYORS_OFFICE]), proposal=proposal,
                       outcome="declined", reason="財源の確保が難しいため")


@pytest.mark.parametrize(
    ("name", "status"),
    [("submit", Status.DRAFT), ("withdraw", Status.DRAFT), ("withdraw", Status.UNDER_REVIEW),
     ("mark_ineligible", Status.SUBMITTED), ("open_review", Status.SUBMITTED),
     ("choose", Status.RECOMMENDED), ("decline", Status.RECOMMENDED)],
)
def test_the_group_gets_an_email_on_every_transition(
    name, status, mailoutbox, django_capture_on_commit_callbacks
):
    proposal = proposal_in(status)
    GroupMembershipFactory(group=proposal.group)  # a second member
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _do(name, proposal)
    assert group_addresses(proposal) <= recipients(mailoutbox)
    assert len(group_addresses(proposal)) == 3
    to_group = [m for m in mailoutbox if m.to[0] in group_addresses(proposal)]
    assert len(to_group) == 3  # one message per address: nobody sees the others' addresses
    assert all(proposal.title in m.body for m in to_group)
    if name in ("withdraw", "mark_ineligible", "decline"):
        assert all("Reason" in m.body for m in to_group)


def test_closing_a_review_mails_the_group_and_a_recommendation_mails_the_mayors_office(
    mailoutbox, mayors, django_capture_on_commit_callbacks
):
    proposal = proposal_in(Status.UNDER_REVIEW)
    for user in members(3):
        actions.cast_ballot(actor=user, proposal=proposal, vote=Vote.RECOMMEND,
                            scores=full_scores(proposal, 5))
    the_chair = proposal.events.get(action="open_review").actor
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.close_review(actor=the_chair, proposal=proposal)
    got = recipients(mailoutbox)
    assert group_addresses(proposal) <= got
    assert {m.email for m in mayors} <= got
    assert got == group_addresses(proposal) | {m.email for m in mayors}


def test_no_mail_to_the_mayors_office_when_not_recommended(
    mailoutbox, mayors, django_capture_on_commit_callbacks
):
    proposal = proposal_in(Status.UNDER_REVIEW)
    for user in members(3):
        actions.cast_ballot(actor=user, proposal=proposal, vote=Vote.NOT_RECOMMEND,
                            scores=full_scores(proposal, 1))
    the_chair = proposal.events.get(action="open_review").actor
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.close_review(actor=the_chair, proposal=proposal)
    assert recipients(mailoutbox) == group_addresses(proposal)


def test_sitting_members_are_mailed_when_a_review_opens(
    mailoutbox, django_capture_on_commit_callbacks
):
    proposal = proposal_in(Status.SUBMITTED)
    members(4)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _do("open_review", proposal)  # seats a chair too
    sitting = sitting_addresses()
    assert len(sitting) == 5
    assert recipients(mailoutbox) == sitting | group_addresses(proposal)


def test_ballots_send_no_mail(mailoutbox, django_capture_on_commit_callbacks):
    proposal = proposal_in(Status.UNDER_REVIEW)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        actions.cast_ballot(actor=members(1)[0], proposal=proposal, vote=Vote.ABSTAIN,
                            scores={})
    assert callbacks == []
    assert mailoutbox == []


def test_mail_is_sent_only_after_the_commit(mailoutbox, django_capture_on_commit_callbacks):
    proposal = proposal_in(Status.DRAFT)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        actions.submit(actor=group_member(proposal), proposal=proposal)
        assert mailoutbox == []
    assert len(callbacks) == 1
    assert mailoutbox == []  # nothing went out before the commit
    callbacks[0]()  # what the commit does
    assert recipients(mailoutbox) == group_addresses(proposal)


def test_no_mail_when_the_transaction_rolls_back(mailoutbox, django_capture_on_commit_callbacks):
    proposal = proposal_in(Status.DRAFT)
    mailoutbox.clear()

    class Abort(Exception):
        pass

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Abort),
        transaction.atomic(),
    ):
        actions.submit(actor=group_member(proposal), proposal=proposal)
        raise Abort
    assert callbacks == []
    assert mailoutbox == []
    proposal.refresh_from_db()
    assert proposal.status == Status.DRAFT


def test_muted_schedules_nothing(mailoutbox, django_capture_on_commit_callbacks):
    proposal = proposal_in(Status.DRAFT)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks, notifications.muted():
        actions.submit(actor=group_member(proposal), proposal=proposal)
    assert callbacks == []
    assert mailoutbox == []


def test_a_mail_server_outage_does_not_break_the_transition(
    django_capture_on_commit_callbacks, monkeypatch, caplog
):
    proposal = proposal_in(Status.DRAFT)
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise ConnectionRefusedError

    monkeypatch.setattr(notifications, "send_mass_mail", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        actions.submit(actor=group_member(proposal), proposal=proposal)
    proposal.refresh_from_db()
    assert proposal.status == Status.SUBMITTED
    # The group's e-mail was really attempted (once), and the failure was logged.
    assert len(attempts) == 1
    assert "could not send" in caplog.text
