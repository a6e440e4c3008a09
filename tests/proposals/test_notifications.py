"""Who is told of each step of a proposal, in the portal and by e-mail through the queue.

The cases come from the transition table: every step that moves a proposal, from every
state it leaves, to every state it reaches, sends the kinds its `notify` names. Who
receives a kind is written here independently of proposals/notifications.py.

The group's `contact_email` is not mailed: it belongs to no account, so it has no
language, no choice of notices and no list in the portal, and every member of the
group (its representative included) is told on their own account.
"""

import datetime

import pytest
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from partnership import notices
from partnership.models import GroupMembership, Notification, PartnershipMember, User
from partnership.roles import Role
from proposals import actions
from proposals.models import Status, Vote
from proposals.tally import tally_for
from proposals.transitions import PROPOSAL
from tests.factories import PartnershipMemberFactory, UserFactory
from tests.lifecycle import chair, checklist_of, group_member, members, proposal_in, vote

pytestmark = pytest.mark.django_db

PORTAL = "https://portal.example.jp"


def _group(proposal) -> Q:
    return Q(group_memberships__group=proposal.group)


def _sitting_members(proposal) -> Q:
    today = timezone.localdate()
    seats = PartnershipMember.objects.filter(term_start__lte=today, term_end__gte=today)
    return Q(pk__in=seats.values("user_id"), groups__name=Role.PARTNERSHIP_MEMBER.value)


def _mayors_office(proposal) -> Q:
    return Q(groups__name=Role.MAYORS_OFFICE.value)


def _chairs(proposal) -> Q:
    return Q(groups__name=Role.CHAIR.value)


def _page(name: str):
    return lambda proposal: reverse(name, kwargs={"pk": proposal.pk})


# kind -> (who receives it, the page its link opens)
RECIPIENTS = {
    "proposal_status": (_group, _page("proposals:proposal_detail")),
    "review_opened": (_sitting_members, _page("proposals:ballot")),
    "review_ready": (_chairs, lambda p: reverse("proposals:review_board",
                                                kwargs={"call": p.call_id})),
    "decision_needed": (_mayors_office, _page("proposals:decide")),
    # A step that keeps the state (tests/proposals/test_hearings.py sends it).
    "hearing_question_asked": (_group, _page("proposals:proposal_detail")),
}

STEPS = [
    pytest.param(t.name, source, reached, id=f"{t.name}-{source}-{reached}")
    for t in PROPOSAL if t.moves for source in t.sources for reached in t.targets
]


def expected(kind: str, proposal) -> set[User]:
    who, _page = RECIPIENTS[kind]
    return set(User.objects.filter(who(proposal), is_active=True).distinct())


def crowd(proposal) -> dict[str, User]:
    """Around the proposal, people each kind must reach or pass by."""
    people = {
        "english member": UserFactory(language="en"),
        "inactive member": UserFactory(is_active=False),
        "member without e-mail": UserFactory(email=""),
        "member who mutes every e-mail": UserFactory(email_muted=list(notices.KINDS)),
        "former partnership member": UserFactory(roles=[Role.PARTNERSHIP_MEMBER]),
        "seat without the role": UserFactory(),
        "inactive mayor's office": UserFactory(roles=[Role.MAYORS_OFFICE], is_active=False),
    }
    for key in ("english member", "inactive member", "member without e-mail",
                "member who mutes every e-mail"):
        GroupMembership.objects.create(group=proposal.group, user=people[key])
    today = timezone.localdate()
    PartnershipMemberFactory(user=people["former partnership member"],
                             term_start=today - datetime.timedelta(days=1000),
                             term_end=today - datetime.timedelta(days=400))
    PartnershipMemberFactory(user=people["seat without the role"])
    members(2)
    chair()
    UserFactory(roles=[Role.PARTNERSHIP_MEMBER, Role.CHAIR], is_active=False)
    UserFactory(roles=[Role.MAYORS_OFFICE])
    UserFactory(roles=[Role.MAYORS_OFFICE], email="")
    return people


def take(name: str, proposal, reached: str) -> None:
    author = group_member(proposal)
    if name == "submit":
        actions.submit(actor=author, proposal=proposal)
    elif name == "withdraw":
        actions.withdraw(actor=author, proposal=proposal, reason="体制の見直し")
    elif name == "mark_ineligible":
        actions.mark_ineligible(actor=UserFactory(roles=[Role.CITY_OFFICER]),
                                proposal=proposal, reason="市外での活動が中心のため")
    elif name == "mark_eligible":
        actions.mark_eligible(actor=UserFactory(roles=[Role.CITY_OFFICER]), proposal=proposal,
                              checked=checklist_of(proposal))
    elif name == "open_review":
        actions.open_review(actor=chair(), proposal=proposal)
    elif name == "close_review":
        the_chair = chair()
        recommend = reached == Status.RECOMMENDED
        while not tally_for(proposal).has_quorum:
            vote(members(1)[0], proposal, choice=Vote.RECOMMEND if recommend else
                 Vote.NOT_RECOMMEND, value=5 if recommend else 1)
        actions.close_review(actor=the_chair, proposal=proposal)
    elif name == "decide":
        actions.decide(actor=UserFactory(roles=[Role.MAYORS_OFFICE]), proposal=proposal,
                       outcome=reached, reason="財源の確保が難しいため")
    else:
        raise AssertionError(f"no way to take {name} here")
    proposal.refresh_from_db()
    assert proposal.status == reached


def test_every_kind_the_table_names_is_registered_and_has_recipients_here():
    named = {kind for t in PROPOSAL for kinds in t.notify.values() for kind in kinds}
    assert named <= set(notices.KINDS)
    assert named == set(RECIPIENTS)


@pytest.mark.parametrize(("name", "source", "reached"), STEPS)
def test_each_step_tells_exactly_the_people_the_table_names(
    name, source, reached, mailoutbox, run_tasks, settings
):
    settings.PORTAL_URL = PORTAL
    proposal = proposal_in(source)
    people = crowd(proposal)
    Notification.objects.all().delete()  # those of the steps that led here
    DBTaskResult.objects.all().delete()

    take(name, proposal, reached)

    kinds = PROPOSAL[name].notices(reached)
    assert kinds, "every step that moves a proposal tells its group"
    wanted = {(user, kind) for kind in kinds for user in expected(kind, proposal)}
    told = {(n.recipient, n.kind) for n in Notification.objects.select_related("recipient")}
    assert told == wanted
    assert people["english member"] in {user for user, kind in told}
    assert people["inactive member"] not in {user for user, kind in told}
    for notification in Notification.objects.all():
        path = RECIPIENTS[notification.kind][1]
        assert notification.path == path(proposal)

    # Nothing is mailed in the action: the e-mails wait in the queue for the worker.
    by_email = Notification.objects.filter(email_wanted=True)
    assert mailoutbox == []
    assert DBTaskResult.objects.filter(status="READY").count() == by_email.count()
    run_tasks()
    addresses = [address for message in mailoutbox for address in message.to]
    assert sorted(addresses) == sorted(
        user.email for user, kind in wanted if user.email and kind not in user.email_muted)
    assert proposal.group.contact_email not in addresses
    assert people["member who mutes every e-mail"].email not in addresses
    for message in mailoutbox:
        notification = by_email.get(recipient__email=message.to[0], kind__in=kinds,
                                    emailed_at__isnull=False)
        assert f"{PORTAL}{notification.path}" in message.body.split()


@pytest.mark.parametrize("name", ["cast_ballot", "declare_conflict"])
def test_steps_that_move_nothing_tell_nobody(name, mailoutbox, run_tasks):
    assert PROPOSAL[name].notify == {}
    proposal = proposal_in(Status.UNDER_REVIEW)
    Notification.objects.all().delete()
    DBTaskResult.objects.all().delete()
    member = members(1)[0]
    if name == "cast_ballot":
        actions.cast_ballot(actor=member, proposal=proposal, vote=Vote.ABSTAIN, scores={})
    else:
        actions.declare_conflict(actor=member, proposal=proposal, reason="団体の役員のため")
    run_tasks()
    assert not Notification.objects.exists()
    assert not DBTaskResult.objects.exists()
    assert mailoutbox == []


def test_a_member_who_mutes_a_kind_by_email_still_finds_it_in_the_portal(mailoutbox, run_tasks):
    proposal = proposal_in(Status.DRAFT)
    author = group_member(proposal)
    author.email_muted = ["proposal_status"]
    author.save()
    actions.submit(actor=author, proposal=proposal)
    notification = Notification.objects.get(recipient=author)
    assert (notification.kind, notification.email_wanted) == ("proposal_status", False)
    run_tasks()
    assert mailoutbox == []


def test_muted_writes_and_queues_nothing(mailoutbox, run_tasks):
    proposal = proposal_in(Status.DRAFT)
    with notices.muted():
        actions.submit(actor=group_member(proposal), proposal=proposal)
    proposal.refresh_from_db()
    assert proposal.status == Status.SUBMITTED
    assert not Notification.objects.exists()
    assert not DBTaskResult.objects.exists()
    run_tasks()
    assert mailoutbox == []


def test_a_notice_of_an_unknown_kind_is_a_programming_error():
    with pytest.raises(KeyError):
        notices.notify(recipients=[UserFactory()], kind="no_such_kind", path="/", params={})
