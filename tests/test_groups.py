"""Citizen groups: registering a group, its page, and managing its members."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from partnership import actions
from partnership.errors import GroupError
from partnership.models import CitizenGroup, GroupMembership, Invitation
from partnership.roles import Role
from proposals.rules import recusal_reason
from tests.factories import CitizenGroupFactory, ProposalFactory, UserFactory
from tests.lifecycle import chair
from tests.pages import text

pytestmark = pytest.mark.django_db

REPRESENTATIVE = GroupMembership.GroupRole.REPRESENTATIVE
MEMBER = GroupMembership.GroupRole.MEMBER


@pytest.fixture
def group():
    """A group with a representative and a plain member."""
    group = CitizenGroupFactory(name="NPO法人 子育てサポートやまと")
    GroupMembership.objects.create(group=group, user=UserFactory(username="rep"),
                                   role=REPRESENTATIVE)
    GroupMembership.objects.create(group=group, user=UserFactory(username="plain"), role=MEMBER)
    return group


def user(name):
    return GroupMembership.objects.get(user__username=name).user


def test_a_signed_in_user_registers_a_group_and_represents_it(client):
    founder = UserFactory()
    client.force_login(founder)
    response = client.post(reverse("group_create"), {
        "name": "子育てアドバイザーの会", "kind": CitizenGroup.Kind.VOLUNTEER,
        "contact_email": "advisors@example.jp", "articles": "総会で年間計画を決める。",
    })
    group = CitizenGroup.objects.get()
    assert response.status_code == 302 and response.url == reverse("group_detail",
                                                                   args=[group.pk])
    assert (group.name, group.kind, group.contact_email, group.status) == (
        "子育てアドバイザーの会", "volunteer", "advisors@example.jp", CitizenGroup.Status.PENDING)
    assert group.memberships.get().user == founder
    assert group.memberships.get().role == REPRESENTATIVE
    founder.refresh_from_db()
    assert founder.groups.filter(name=Role.CITIZEN.value).exists()


def test_group_names_are_unique_whatever_the_case(client, group):
    client.force_login(UserFactory())
    response = client.post(reverse("group_create"), {
        "name": "npo法人 子育てサポートやまと", "kind": "npo", "contact_email": "x@example.jp",
    })
    assert response.status_code == 200
    assert "already registered" in response.content.decode()
    assert CitizenGroup.objects.count() == 1


def test_group_form_errors_are_summarised(client):
    client.force_login(UserFactory())
    response = client.post(reverse("group_create"), {"name": "", "kind": "npo",
                                                     "contact_email": "not-an-address"})
    html = response.content.decode()
    assert 'id="error-summary"' in html
    assert set(response.context["form"].errors) == {"name", "contact_email"}


def test_the_group_page_lists_members_for_members_only(client, group):
    url = reverse("group_detail", args=[group.pk])
    client.force_login(user("plain"))
    html = client.get(url).content.decode()
    assert str(user("rep")) in html and str(user("plain")) in html
    assert reverse("group_member_invite", args=[group.pk]) not in html  # not the representative
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_my_groups(client, group):
    CitizenGroupFactory(name="関係のない団体")
    client.force_login(user("plain"))
    response = client.get(reverse("group_list"))
    assert list(response.context["groups"]) == [group]
    assert "関係のない団体" not in response.content.decode()


@pytest.mark.parametrize("n", [10, 200])
def test_my_groups_queries_do_not_grow(client, django_assert_max_num_queries, n):
    person = UserFactory()
    groups = CitizenGroup.objects.bulk_create(
        CitizenGroup(name=f"団体{i}", name_key=f"団体{i}", contact_email=f"g{i}@example.jp")
        for i in range(n)
    )
    GroupMembership.objects.bulk_create(GroupMembership(group=g, user=person) for g in groups)
    client.force_login(person)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("group_list"))
    assert response.context["paginator"].count == n


@pytest.mark.parametrize("identifier", ["newcomer", "NEWCOMER@example.jp"])
def test_an_invited_person_joins_only_by_accepting(client, group, identifier):
    newcomer = UserFactory(username="newcomer", email="newcomer@example.jp")
    client.force_login(user("rep"))
    response = client.post(reverse("group_member_invite", args=[group.pk]),
                           {"identifier": identifier, "role": MEMBER})
    assert response.status_code == 302
    assert not group.memberships.filter(user=newcomer).exists()  # not without consent
    invitation = Invitation.objects.get(group=group)
    client.force_login(newcomer)
    assert invitation in client.get(reverse("my_invitations")).context["invitations"]
    response = client.post(reverse("invitation_accept", args=[invitation.pk]))
    assert response.status_code == 302
    assert group.memberships.get(user=newcomer).role == MEMBER
    assert newcomer.groups.filter(name=Role.CITIZEN.value).exists()


def test_the_answer_is_the_same_whether_or_not_the_account_exists(client, group):
    UserFactory(username="exists", email="exists@example.jp")
    client.force_login(user("rep"))
    answers = []
    for identifier in ("exists@example.jp", "nobody@example.jp"):
        response = client.post(reverse("group_member_invite", args=[group.pk]),
                               {"identifier": identifier, "role": MEMBER}, follow=True)
        answers.append((response.status_code, response.redirect_chain,
                        [str(m).replace(identifier, "<who>")
                         for m in response.context["messages"]]))
    assert answers[0] == answers[1]
    assert Invitation.objects.filter(group=group).count() == 2


def test_declining_leaves_the_group_as_it_was(client, group):
    newcomer = UserFactory(username="newcomer")
    invitation = actions.invite(actor=user("rep"), group=group, identifier="newcomer")
    client.force_login(newcomer)
    assert client.post(reverse("invitation_decline", args=[invitation.pk])).status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.DECLINED
    assert group.memberships.count() == 2


def test_an_invitation_is_answered_by_the_person_named_only(client, group):
    UserFactory(username="newcomer")
    invitation = actions.invite(actor=user("rep"), group=group, identifier="newcomer")
    client.force_login(UserFactory(username="someone-else"))
    assert client.post(reverse("invitation_accept", args=[invitation.pk])).status_code == 404
    client.force_login(user("rep"))  # the representative may see it, not answer it
    assert client.post(reverse("invitation_accept", args=[invitation.pk])).status_code == 403
    assert group.memberships.count() == 2


def test_an_expired_invitation_is_refused_with_a_message(client, group):
    newcomer = UserFactory(username="newcomer")
    invitation = actions.invite(actor=user("rep"), group=group, identifier="newcomer")
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1))
    client.force_login(newcomer)
    response = client.post(reverse("invitation_accept", args=[invitation.pk]), follow=True)
    assert "expired" in text(response)
    assert not group.memberships.filter(user=newcomer).exists()


def test_inviting_the_chair_does_not_take_the_chairs_vote_away(group):
    """The attack the invitation closes: putting the chair in a group recused them."""
    proposal = ProposalFactory(group=group)
    the_chair = chair()
    actions.invite(actor=user("rep"), group=group, identifier=the_chair.username)
    assert not group.memberships.filter(user=the_chair).exists()
    assert recusal_reason(proposal, the_chair) == ""


def test_a_plain_member_cannot_manage_members(client, group):
    UserFactory(username="newcomer")
    client.force_login(user("plain"))
    url = reverse("group_member_invite", args=[group.pk])
    assert client.post(url, {"identifier": "newcomer", "role": MEMBER}).status_code == 403
    rep = group.memberships.get(role=REPRESENTATIVE)
    assert client.post(reverse("group_member_remove", args=[group.pk, rep.pk])).status_code == 403
    assert group.memberships.count() == 2 and not Invitation.objects.exists()
    with pytest.raises(GroupError):
        actions.invite(actor=user("plain"), group=group, identifier="newcomer")


def test_the_representative_removes_a_member(client, group):
    client.force_login(user("rep"))
    plain = group.memberships.get(role=MEMBER)
    url = reverse("group_member_remove", args=[group.pk, plain.pk])
    assert "Remove the member" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert list(group.memberships.values_list("user__username", flat=True)) == ["rep"]


def test_the_last_representative_is_never_removed(client, group):
    client.force_login(user("rep"))
    rep = group.memberships.get(role=REPRESENTATIVE)
    response = client.post(reverse("group_member_remove", args=[group.pk, rep.pk]), follow=True)
    assert "always keeps a representative" in response.content.decode()
    assert group.memberships.filter(role=REPRESENTATIVE).count() == 1


def test_a_representative_may_go_once_there_is_another(client, group):
    second = UserFactory(username="second")
    invitation = actions.invite(actor=user("rep"), group=group, identifier="second",
                                role=REPRESENTATIVE)
    actions.accept_invitation(actor=second, invitation=invitation)
    rep = group.memberships.get(user__username="rep")
    client.force_login(user("rep"))
    response = client.post(reverse("group_member_remove", args=[group.pk, rep.pk]))
    assert response.status_code == 302 and response.url == reverse("group_list")
    assert list(group.memberships.filter(role=REPRESENTATIVE)) == [
        group.memberships.get(user=second)]


def test_a_membership_of_another_group_is_404(client, group):
    other = CitizenGroupFactory()
    stranger = GroupMembership.objects.create(group=other, user=UserFactory())
    client.force_login(user("rep"))
    url = reverse("group_member_remove", args=[group.pk, stranger.pk])
    assert client.post(url).status_code == 404
    assert GroupMembership.objects.filter(pk=stranger.pk).exists()


def test_the_only_representative_is_not_offered_remove(client, group):
    client.force_login(user("rep"))
    html = client.get(reverse("group_detail", args=[group.pk])).content.decode()
    rep = group.memberships.get(role=REPRESENTATIVE)
    plain = group.memberships.get(role=MEMBER)
    assert reverse("group_member_remove", args=[group.pk, rep.pk]) not in html
    assert reverse("group_member_remove", args=[group.pk, plain.pk]) in html


def test_a_draft_of_an_unchecked_group_offers_no_submit_link(client):
    draft = ProposalFactory(group=CitizenGroupFactory(status=CitizenGroup.Status.PENDING))
    client.force_login(draft.created_by)
    for url in (reverse("proposals:my_proposals"),
                reverse("proposals:proposal_detail", args=[draft.pk])):
        html = client.get(url).content.decode()
        assert reverse("proposals:proposal_submit", args=[draft.pk]) not in html, url
        assert "once the city has checked the group" in html, url
