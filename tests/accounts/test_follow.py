"""Following a call, a proposal or a project: one click without JavaScript, one row per
person and object, and the changes reaching followers as their settings say."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from partnership import actions, follows
from partnership.models import AuditEntry, Follow, Notification
from partnership.roles import Role
from proposals import actions as proposal_actions
from proposals.models import Status
from services import actions as service_actions
from tests.factories import ProposalFactory, UserFactory
from tests.lifecycle import checklist_of, proposal_in
from tests.pages import queries_for, text
from tests.services.conftest import make_project, officer_of
from tests.services.report_data import accepted

from .mail import sent_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client, make_user):
    user = make_user(language="en")
    client.force_login(user)
    return user


def test_follow_and_stop_with_one_plain_post_each(client, reader):
    proposal = proposal_in(Status.SUBMITTED)
    page_url = reverse("proposals:proposal_detail", args=[proposal.pk])
    page = text(client.get(page_url))
    assert f'action="{reverse("follow", args=["proposal", proposal.pk])}"' in page
    response = client.post(reverse("follow", args=["proposal", proposal.pk]),
                           {"next": page_url})
    assert response.status_code == 302 and response.url == page_url
    assert follows.is_following(reader, proposal)
    page = text(client.get(page_url))
    assert "Following: stop following" in page
    client.post(reverse("unfollow", args=["proposal", proposal.pk]), {"next": page_url})
    assert not follows.is_following(reader, proposal)
    assert list(AuditEntry.objects.filter(actor=reader).order_by("id").values_list(
        "action", flat=True)) == ["proposal.followed", "proposal.unfollowed"]


def test_following_twice_is_once(client, reader):
    proposal = proposal_in(Status.SUBMITTED)
    assert actions.follow(actor=reader, target=proposal)
    assert not actions.follow(actor=reader, target=proposal)
    assert Follow.objects.filter(user=reader).count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(user=reader, **follows.key(proposal))


def test_another_groups_draft_cannot_be_followed_or_known(client, reader):
    draft = ProposalFactory()
    response = client.post(reverse("follow", args=["proposal", draft.pk]))
    assert response.status_code == 404
    assert client.post(reverse("follow", args=["nothing", 1])).status_code == 404
    assert client.post(reverse("follow", args=["call", 999999])).status_code == 404
    assert not Follow.objects.exists()


def test_a_bad_next_address_goes_back_to_the_page(client, reader):
    proposal = proposal_in(Status.SUBMITTED)
    response = client.post(reverse("follow", args=["proposal", proposal.pk]),
                           {"next": "https://evil.example/"})
    assert response.url == reverse("proposals:proposal_detail", args=[proposal.pk])


def test_a_followed_proposal_changing_reaches_the_follower_in_the_portal_and_by_mail(
        reader, make_user, run_tasks, mailoutbox):
    proposal = proposal_in(Status.SUBMITTED)
    muted = make_user(language="ja")
    muted.email_muted = ["followed_change"]
    muted.save()
    actions.follow(actor=reader, target=proposal)
    actions.follow(actor=muted, target=proposal.call)  # through its call
    proposal_actions.mark_eligible(actor=make_user(Role.CITY_OFFICER), proposal=proposal,
                                   checked=checklist_of(proposal))
    for person in (reader, muted):
        notification = Notification.objects.get(recipient=person, kind="followed_change")
        assert notification.path == reverse("proposals:proposal_detail", args=[proposal.pk])
    run_tasks()
    [message] = sent_to(mailoutbox, reader.email)
    assert sent_to(mailoutbox, muted.email) == []  # in the portal only, as they chose
    assert "changed" in message.subject and "Eligible" in message.body


def test_a_draft_changing_tells_no_follower(reader):
    draft = ProposalFactory()
    actions.follow(actor=reader, target=draft.call)
    proposal_actions.update_draft(actor=draft.created_by, proposal=draft, title="新しい題名")
    assert not Notification.objects.filter(kind="followed_change").exists()


def test_a_followed_project_closing_a_year_reaches_the_follower(reader):
    project = make_project("followed")
    actions.follow(actor=reader, target=project)
    accepted(project, 2010)  # a year closes only once its annual report is accepted
    told = Notification.objects.filter(recipient=reader, kind="followed_change")
    before = told.count()
    service_actions.close_year(actor=officer_of(project), project=project, year=2010)
    assert told.count() == before + 1


def test_the_follow_button_costs_the_same_queries_whatever_the_followers(client, reader):
    proposal = proposal_in(Status.SUBMITTED)
    url = reverse("proposals:proposal_detail", args=[proposal.pk])
    before = queries_for(client, url)
    for _ in range(5):
        actions.follow(actor=UserFactory(), target=proposal)
    actions.follow(actor=reader, target=proposal)
    assert queries_for(client, url) == before
