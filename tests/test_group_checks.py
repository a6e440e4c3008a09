"""The city checks a new group before it may submit: the officer's queue, verify or
return with a comment, the representative resubmits; everyone concerned is told."""

import pytest
from django.urls import reverse

from partnership.models import CitizenGroup, GroupMembership, Notification
from partnership.roles import Role
from proposals import actions as proposal_actions
from proposals.errors import ProposalError
from proposals.models import Status
from tests.factories import CitizenGroupFactory, ProposalFactory, UserFactory
from tests.pages import text

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return UserFactory(roles=[Role.CITY_OFFICER])


@pytest.fixture
def founder(client, officer):
    """A user who registered a group through the page (the officer exists already)."""
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("group_create"), {"name": "防災ボランティアの会", "kind": "volunteer",
                                          "contact_email": "bousai@example.jp",
                                          "articles": ""})
    return user


def test_a_new_group_waits_and_the_officer_hears_of_it(founder, officer):
    group = CitizenGroup.objects.get()
    assert group.status == CitizenGroup.Status.PENDING
    assert Notification.objects.filter(recipient=officer, kind="group_registered").exists()


def test_an_unchecked_group_writes_drafts_but_does_not_submit(founder):
    group = CitizenGroup.objects.get()
    proposal = ProposalFactory(group=group, created_by=founder)
    with pytest.raises(ProposalError, match="not yet checked your group"):
        proposal_actions.submit(actor=founder, proposal=proposal)
    proposal.refresh_from_db()
    assert proposal.status == Status.DRAFT


def test_return_resubmit_then_verify_through_the_pages(client, founder, officer):
    group = CitizenGroup.objects.get()
    client.force_login(officer)
    queue = client.get(reverse("group_checks"))
    assert list(queue.context["groups"]) == [group]
    empty = client.post(reverse("group_return", args=[group.pk]), {"reason": "  "})
    assert 'id="error-summary"' in text(empty)
    client.post(reverse("group_return", args=[group.pk]), {"reason": "規約を添えてください。"})
    group.refresh_from_db()
    assert (group.status, group.status_reason) == ("returned", "規約を添えてください。")
    assert Notification.objects.filter(recipient=founder, kind="group_status").exists()

    client.force_login(founder)
    page = text(client.get(reverse("group_detail", args=[group.pk])))
    assert "規約を添えてください。" in page
    client.post(reverse("group_edit", args=[group.pk]), {
        "name": group.name, "kind": group.kind, "contact_email": group.contact_email,
        "articles": "総会で事業と予算を決める。"})
    client.post(reverse("group_resubmit", args=[group.pk]))
    group.refresh_from_db()
    assert group.status == CitizenGroup.Status.PENDING

    client.force_login(officer)
    response = client.post(reverse("group_verify", args=[group.pk]), follow=True)
    assert "may submit proposals" in text(response)
    group.refresh_from_db()
    assert group.verified and group.status_reason == ""


def test_only_officers_check_and_nobody_sees_a_group_that_is_not_theirs(client, founder):
    group = CitizenGroup.objects.get()
    client.force_login(founder)
    assert client.post(reverse("group_verify", args=[group.pk])).status_code == 403
    client.force_login(UserFactory(roles=[Role.CITIZEN]))
    assert client.post(reverse("group_verify", args=[group.pk])).status_code == 404
    assert client.get(reverse("group_checks")).status_code == 403
    assert CitizenGroup.objects.get().status == CitizenGroup.Status.PENDING


@pytest.mark.parametrize("n", [3, 30])
def test_the_queue_keeps_its_query_count(client, officer, n, django_assert_max_num_queries):
    for i in range(n):
        group = CitizenGroupFactory(name=f"新しい会{i}", status="pending")
        GroupMembership.objects.create(group=group, user=UserFactory(), role="representative")
    client.force_login(officer)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("group_checks")).status_code == 200
