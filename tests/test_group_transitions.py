"""The citizen group's and the invitation's transition tables, tested from the tables: for
every transition and state, each role tries; the action succeeds exactly when the rule
(`user.has_perm(permission, obj)`) says so, writing its audit row, or changes nothing."""

import pytest
from django.db import transaction

from partnership import actions
from partnership.errors import GroupError
from partnership.models import AuditEntry, CitizenGroup, GroupMembership, Invitation, Notification
from partnership.roles import Role
from partnership.transitions import GROUP, INVITATION
from tests.factories import CitizenGroupFactory, UserFactory

pytestmark = pytest.mark.django_db

GROUP_RUNNERS = {
    "edit_group": lambda g, u: actions.update_group(
        actor=u, group=g, name=f"{g.name} 改", kind=g.kind, contact_email=g.contact_email,
        articles=g.articles),
    "invite": lambda g, u: actions.invite(actor=u, group=g, identifier="newcomer@example.jp"),
    "remove_member": lambda g, u: actions.remove_member(
        actor=u, group=g, membership=g.memberships.get(role="member")),
    "verify": lambda g, u: actions.verify_group(actor=u, group=g),
    "return_group": lambda g, u: actions.return_group(actor=u, group=g, reason="規約が未提出"),
    "resubmit": lambda g, u: actions.resubmit_group(actor=u, group=g),
}
INVITATION_RUNNERS = {
    "accept": lambda i, u: actions.accept_invitation(actor=u, invitation=i),
    "decline": lambda i, u: actions.decline_invitation(actor=u, invitation=i),
    "withdraw_invitation": lambda i, u: actions.withdraw_invitation(actor=u, invitation=i),
}


def test_every_transition_has_a_runner():
    assert set(GROUP_RUNNERS) == set(GROUP.transitions)
    assert set(INVITATION_RUNNERS) == set(INVITATION.transitions)


def _people(group: CitizenGroup) -> dict:
    representative, member = UserFactory(), UserFactory(username="invitee")
    GroupMembership.objects.create(group=group, user=representative, role="representative")
    GroupMembership.objects.create(group=group, user=member, role="member")
    return {
        "representative": representative,
        "member (the invitee)": member,
        "officer": UserFactory(roles=[Role.CITY_OFFICER]),
        "other citizen": UserFactory(roles=[Role.CITIZEN]),
        "chair": UserFactory(roles=[Role.PARTNERSHIP_MEMBER, Role.CHAIR]),
        "mayor's office": UserFactory(roles=[Role.MAYORS_OFFICE]),
        "administrator": UserFactory(roles=[Role.ADMINISTRATOR], is_staff=True,
                                     is_superuser=True),
    }


def _snapshot(model, pk) -> tuple:
    row = model.objects.filter(pk=pk).values().first()
    return (row, GroupMembership.objects.count(), Invitation.objects.count(),
            AuditEntry.objects.count(), Notification.objects.count())


def _try_each(table, runners, name, obj, people) -> dict:
    transition, model = table[name], type(obj)
    outcomes = {}
    for who, user in people.items():
        with transaction.atomic():
            fresh = model.objects.get(pk=obj.pk)
            allowed = user.has_perm(transition.permission, fresh)
            before = _snapshot(model, obj.pk)
            last = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
            try:
                runners[name](fresh, user)
            except GroupError:
                outcomes[who] = False
                assert _snapshot(model, obj.pk) == before, who
            else:
                outcomes[who] = True
                rows = AuditEntry.objects.filter(id__gt=last)
                assert rows.filter(action=transition.event, actor=user).exists(), who
                state = getattr(model.objects.get(pk=obj.pk), table.state_field)
                assert state in (transition.targets or (before[0][table.state_field],))
            transaction.set_rollback(True)
        assert outcomes[who] == allowed, (who, allowed)
    return outcomes


@pytest.mark.parametrize(("name", "state"), [
    pytest.param(t.name, state, id=f"{t.name}-{state}")
    for t in GROUP for state in CitizenGroup.Status])
def test_group_steps_follow_the_rule(name, state):
    group = CitizenGroupFactory(status=state)
    outcomes = _try_each(GROUP, GROUP_RUNNERS, name, group, _people(group))
    assert any(outcomes.values()) == (state in GROUP[name].sources), outcomes


@pytest.mark.parametrize(("name", "state"), [
    pytest.param(t.name, state, id=f"{t.name}-{state}")
    for t in INVITATION for state in Invitation.Status])
def test_invitation_steps_follow_the_rule(name, state):
    group = CitizenGroupFactory()
    people = _people(group)
    GroupMembership.objects.filter(user=people["member (the invitee)"]).delete()
    invitation = Invitation.objects.create(group=group, identifier="invitee", status=state,
                                           invited_by=people["representative"])
    outcomes = _try_each(INVITATION, INVITATION_RUNNERS, name, invitation, people)
    assert any(outcomes.values()) == (state in INVITATION[name].sources), outcomes


def test_verifying_needs_rules_and_a_representative():
    group = CitizenGroupFactory(status=CitizenGroup.Status.PENDING, articles="")
    officer = UserFactory(roles=[Role.CITY_OFFICER])
    assert not officer.has_perm("partnership.verify_group", group)  # no button offered
    with pytest.raises(GroupError, match="rules"):
        actions.verify_group(actor=officer, group=group)
    CitizenGroup.objects.filter(pk=group.pk).update(articles="総会で決める。")
    with pytest.raises(GroupError, match="representative"):
        actions.verify_group(actor=officer, group=group)
    assert CitizenGroup.objects.get(pk=group.pk).status == CitizenGroup.Status.PENDING
    GroupMembership.objects.create(group=group, user=UserFactory(), role="representative")
    actions.verify_group(actor=officer, group=group)
    assert CitizenGroup.objects.get(pk=group.pk).verified


def test_an_officer_does_not_check_a_group_they_belong_to():
    officer = UserFactory(roles=[Role.CITY_OFFICER])
    group = CitizenGroupFactory(status=CitizenGroup.Status.PENDING)
    GroupMembership.objects.create(group=group, user=officer, role="representative")
    for step in (lambda: actions.verify_group(actor=officer, group=group),
                 lambda: actions.return_group(actor=officer, group=group, reason="自己審査")):
        with pytest.raises(GroupError):
            step()
    assert CitizenGroup.objects.get(pk=group.pk).status == CitizenGroup.Status.PENDING
