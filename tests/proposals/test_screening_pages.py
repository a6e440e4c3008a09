"""Pages of the city officers: the screening queue and marking a proposal ineligible."""

import pytest
from django.urls import reverse

from partnership.roles import Role
from proposals.models import Status
from tests.factories import UserFactory
from tests.lifecycle import history, proposal_in, submitted, under_review
from tests.pages import queries_for, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client):
    user = UserFactory(roles=[Role.CITY_OFFICER])
    client.force_login(user)
    return user


def ineligible_url(proposal) -> str:
    return reverse("proposals:mark_ineligible", kwargs={"pk": proposal.pk})


def test_queue_lists_submitted_proposals_only(client, officer):
    waiting = submitted(2)
    (reviewing,) = under_review(1)
    draft = proposal_in(Status.DRAFT)
    page = text(client.get(reverse("proposals:screening_queue")))
    for proposal in waiting:
        assert proposal.title in page and ineligible_url(proposal) in page
    assert reviewing.title not in page and draft.title not in page


@pytest.mark.parametrize("size", [10, 200])
def test_queue_query_count_is_constant(client, officer, size, django_assert_max_num_queries):
    submitted(size)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("proposals:screening_queue"))
    assert response.content.count(b"<tr>") == min(size, 50) + 1


def test_queue_queries_are_the_same_for_10_and_200_proposals(client, officer):
    submitted(10)
    url = reverse("proposals:screening_queue")
    small = queries_for(client, url)
    submitted(190)
    assert queries_for(client, url) == small


def test_marking_ineligible_needs_a_reason(client, officer):
    (proposal,) = submitted(1)
    response = client.post(ineligible_url(proposal), {"reason": ""})
    assert response.status_code == 200
    assert 'id="error-summary"' in text(response)
    proposal.refresh_from_db()
    assert proposal.status == Status.SUBMITTED
    response = client.post(ineligible_url(proposal), {"reason": "市外の団体のため対象外"})
    assert response.status_code == 302
    assert response.url == reverse("proposals:screening_queue")
    proposal.refresh_from_db()
    assert proposal.status == Status.INELIGIBLE
    [event] = [row for row in history(proposal) if row.action == "proposal.marked_ineligible"]
    assert event.reason == "市外の団体のため対象外" and event.actor == officer


def test_only_submitted_proposals_can_be_marked(client, officer):
    (proposal,) = under_review(1)
    assert client.get(ineligible_url(proposal)).status_code == 403
    draft = proposal_in(Status.DRAFT)
    assert client.get(ineligible_url(draft)).status_code == 404


def test_other_roles_may_not_screen(client):
    (proposal,) = submitted(1)
    client.force_login(UserFactory(roles=[Role.PARTNERSHIP_MEMBER, Role.CHAIR]))
    assert client.get(reverse("proposals:screening_queue")).status_code == 403
    assert client.post(ineligible_url(proposal), {"reason": "x"}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == Status.SUBMITTED
