"""Pages of the city officers: the screening queue and marking a proposal eligible (against
the call's checklist) or ineligible (with the reason)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from partnership.models import Notification
from partnership.roles import Role
from proposals import actions
from proposals.errors import ProposalError
from proposals.models import ChecklistItem, Proposal, Status
from tests.factories import CallFactory, UserFactory
from tests.lifecycle import (
    chair,
    eligible,
    group_member,
    history,
    proposal_in,
    submitted,
    under_review,
)
from tests.pages import queries_for, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client):
    user = UserFactory(roles=[Role.CITY_OFFICER])
    client.force_login(user)
    return user


def ineligible_url(proposal) -> str:
    return reverse("proposals:mark_ineligible", kwargs={"pk": proposal.pk})


def eligible_url(proposal) -> str:
    return reverse("proposals:mark_eligible", kwargs={"pk": proposal.pk})


def test_queue_lists_submitted_proposals_only(client, officer):
    waiting = submitted(2)
    (screened,) = eligible(1)
    (reviewing,) = under_review(1)
    draft = proposal_in(Status.DRAFT)
    page = text(client.get(reverse("proposals:screening_queue")))
    for proposal in waiting:
        assert proposal.title in page and ineligible_url(proposal) in page
        assert eligible_url(proposal) in page
    assert screened.title not in page
    assert reviewing.title not in page and draft.title not in page


def test_queue_shows_how_long_each_proposal_has_waited(client, officer):
    (proposal,) = submitted(1)
    # Noon in the portal's time zone, nine calendar days ago: "now minus 9 days and an
    # hour" is ten calendar days ago during the first hour of a Tokyo day.
    nine_days_ago = timezone.localdate() - datetime.timedelta(days=9)
    noon = datetime.datetime.combine(nine_days_ago, datetime.time(12),
                                     tzinfo=timezone.get_current_timezone())
    Proposal.objects.filter(pk=proposal.pk).update(submitted_at=noon)
    page = text(client.get(reverse("proposals:screening_queue")))
    assert "9 days" in page


def _ticks(proposal) -> dict:
    return {f"item_{pk}": "on" for pk in
            ChecklistItem.objects.filter(call_id=proposal.call_id).values_list("pk", flat=True)}


def test_marking_eligible_needs_every_checklist_item(client, officer):
    (proposal,) = submitted(1)
    page = text(client.get(eligible_url(proposal)))
    for item in ChecklistItem.objects.filter(call_id=proposal.call_id):
        assert f'for="id_item_{item.pk}"' in page and item.text in page
    ticks = _ticks(proposal)
    one_missing = dict(list(ticks.items())[1:])
    response = client.post(eligible_url(proposal), one_missing)
    assert response.status_code == 200
    assert 'id="error-summary"' in text(response)
    proposal.refresh_from_db()
    assert proposal.status == Status.SUBMITTED
    the_chair = chair()
    response = client.post(eligible_url(proposal), ticks)
    assert response.status_code == 302
    assert response.url == reverse("proposals:screening_queue")
    proposal.refresh_from_db()
    assert proposal.status == Status.ELIGIBLE
    [event] = [row for row in history(proposal) if row.action == "proposal.marked_eligible"]
    assert event.actor == officer
    assert event.after["checklist"] == list(
        ChecklistItem.objects.filter(call_id=proposal.call_id).values_list("text", flat=True))
    # The chair, who must now open the review, is told; so is the group.
    assert Notification.objects.filter(recipient=the_chair, kind="review_ready").exists()
    assert Notification.objects.filter(kind="proposal_status",
                                       recipient=group_member(proposal)).exists()


def test_an_item_of_another_call_is_refused(officer):
    (proposal,) = submitted(1)
    (other,) = submitted(1)
    items = list(ChecklistItem.objects.filter(call_id=other.call_id).values_list("pk", flat=True))
    with pytest.raises(ProposalError):
        actions.mark_eligible(actor=officer, proposal=proposal, checked=items)
    proposal.refresh_from_db()
    assert proposal.status == Status.SUBMITTED


def test_a_call_without_a_checklist_needs_only_the_confirmation(client, officer):
    proposal = proposal_in(Status.SUBMITTED, call=CallFactory(checklist=[]))
    assert client.post(eligible_url(proposal), {}).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.ELIGIBLE


def test_the_chair_opens_reviews_only_on_eligible_proposals():
    (waiting,) = submitted(1)
    the_chair = chair()
    assert not the_chair.has_perm("proposals.open_review", waiting)
    with pytest.raises(ProposalError):
        actions.open_review(actor=the_chair, proposal=waiting)
    (screened,) = eligible(1)
    assert the_chair.has_perm("proposals.open_review", screened)
    actions.open_review(actor=the_chair, proposal=screened)


@pytest.mark.parametrize("size", [3, 30])
def test_eligible_page_query_count_is_constant(client, officer, size,
                                               django_assert_max_num_queries):
    call = CallFactory(checklist=[f"要件{i}" for i in range(size)])
    proposal = proposal_in(Status.SUBMITTED, call=call)
    with django_assert_max_num_queries(12):
        response = client.get(eligible_url(proposal))
    assert response.status_code == 200


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
