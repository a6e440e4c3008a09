"""The members' deliberation thread: the partnership reads and writes it while the review is
open; the proposing group never reads it, nor the public; a refused post changes nothing."""

import pytest
from django.urls import reverse

from partnership.models import GroupMembership
from proposals.deliberation import DeliberationMessage
from proposals.models import Status
from tests.hearings import close_the_review
from tests.lifecycle import members, proposal_in, vote
from tests.pages import queries_for, text

pytestmark = pytest.mark.django_db


def url(proposal) -> str:
    return reverse("proposals:deliberation", kwargs={"pk": proposal.pk})


def test_members_post_and_read_the_thread_and_nobody_else_does(client):
    proposal = proposal_in(Status.UNDER_REVIEW)
    one, two, insider = members(3)
    GroupMembership.objects.create(group=proposal.group, user=insider)
    client.force_login(one)
    assert client.post(url(proposal), {"text": "目標の根拠を確認したい"}).status_code == 302
    client.force_login(two)
    assert "目標の根拠を確認したい" in text(client.get(url(proposal)))
    client.force_login(insider)  # a member of the proposing group
    assert client.get(url(proposal)).status_code == 403
    client.logout()
    page = text(client.get(reverse("proposals:proposal_detail", kwargs={"pk": proposal.pk})))
    assert "目標の根拠を確認したい" not in page


def test_after_the_review_the_thread_is_read_only(client):
    proposal = proposal_in(Status.UNDER_REVIEW)
    member = members(1)[0]
    client.force_login(member)
    client.post(url(proposal), {"text": "賛成します"})
    close_the_review(proposal)
    response = client.post(url(proposal), {"text": "後からの意見"})
    assert response.status_code == 200 and "There is a problem" in text(response)
    assert list(DeliberationMessage.objects.values_list("text", flat=True)) == ["賛成します"]
    assert "賛成します" in text(client.get(url(proposal)))


@pytest.mark.parametrize("data", [{"text": ""}, {"text": "a\x00b"}, {"text": "x" * 20000}])
def test_bad_messages_are_refused_with_a_message(client, data):
    proposal = proposal_in(Status.UNDER_REVIEW)
    client.force_login(members(1)[0])
    response = client.post(url(proposal), data)
    assert response.status_code == 200 and "There is a problem" in text(response)
    assert not DeliberationMessage.objects.exists()


def test_the_thread_costs_the_same_queries_whatever_its_length(client):
    small, large = proposal_in(Status.UNDER_REVIEW), proposal_in(Status.UNDER_REVIEW)
    voices = members(3)
    client.force_login(voices[0])
    for i, proposal in enumerate((small, large, large, large)):
        client.post(url(proposal), {"text": f"意見 {i}"})
    assert queries_for(client, url(small)) == queries_for(client, url(large))


def test_the_public_page_shows_the_spread_of_scores_once_the_review_closes(client):
    proposal = proposal_in(Status.UNDER_REVIEW)
    vote(members(1)[0], proposal, value=1)
    close_the_review(proposal)  # the others give 4
    page = text(client.get(reverse("proposals:proposal_detail", kwargs={"pk": proposal.pk})))
    assert "Lowest–highest" in page and "1–4" in page
