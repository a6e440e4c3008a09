"""The hearing on the pages: nothing public before it is meant to be; the group sees and
confirms its slot; the questions and answers are public once the review closes; a member's
notes show on their own ballot page only; bad input changes nothing; constant queries."""

import datetime

import pytest
from django.urls import reverse

from proposals import actions
from proposals.hearings import HearingSession, SessionStatus, SlotStatus
from proposals.models import Status
from tests.factories import CallFactory
from tests.hearings import asked, close_the_review, officer, session_of, slot_for
from tests.lifecycle import group_member, members, proposal_in
from tests.pages import queries_for, text

pytestmark = pytest.mark.django_db


def call_page(client, call) -> str:
    return text(client.get(reverse("proposals:call_detail", kwargs={"pk": call.pk})))


def proposal_page(client, proposal) -> str:
    return text(client.get(reverse("proposals:proposal_detail", kwargs={"pk": proposal.pk})))


def feed(client, call) -> str:
    return client.get(reverse("proposals:call_calendar", kwargs={"pk": call.pk})).content.decode()


def test_a_session_is_public_only_once_published(client):
    proposal = proposal_in(Status.ELIGIBLE)
    session = session_of(proposal.call)
    slot_for(proposal, session)
    assert "全員協議会室" not in call_page(client, proposal.call)
    assert "全員協議会室" not in proposal_page(client, proposal)
    assert "LOCATION" not in feed(client, proposal.call)
    actions.publish_hearing_session(actor=officer(), session=session)
    page = call_page(client, proposal.call)
    assert "全員協議会室" in page and proposal.title in page
    assert "40 public seats" in page
    assert "Presentation no. 1" in proposal_page(client, proposal)
    assert f"UID:hearing-session-{session.pk}@" in feed(client, proposal.call)


def test_the_group_sees_its_slot_before_it_is_public_and_confirms_it(client):
    proposal = proposal_in(Status.ELIGIBLE)
    slot = slot_for(proposal, session_of(proposal.call))
    client.force_login(group_member(proposal))
    page = proposal_page(client, proposal)
    assert "Presentation no. 1" in page and "Confirm this slot" in page
    response = client.post(reverse("proposals:hearing_slot_confirm", kwargs={"pk": slot.pk}))
    assert response.status_code == 302
    slot.refresh_from_db()
    assert slot.status == SlotStatus.CONFIRMED
    page = proposal_page(client, proposal)
    assert "Confirmed by the group" in page and "Confirm this slot" not in page


def test_questions_and_answers_are_public_once_the_review_closes(client):
    proposal = proposal_in(Status.UNDER_REVIEW)
    asked(proposal, answered=True)
    assert "担い手の確保" not in proposal_page(client, proposal)
    client.force_login(group_member(proposal))
    assert "会員から募ります" in proposal_page(client, proposal)  # the group sees them at once
    client.logout()
    close_the_review(proposal)
    page = proposal_page(client, proposal)
    assert "担い手の確保" in page and "会員から募ります" in page


def test_the_group_answers_on_the_proposal_page(client):
    proposal = proposal_in(Status.UNDER_REVIEW)
    question = asked(proposal)
    client.force_login(group_member(proposal))
    assert "Answer" in proposal_page(client, proposal)
    url = reverse("proposals:hearing_answer", kwargs={"pk": question.pk})
    response = client.post(url, {"answer": "見積書のとおりです。"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.answer == "見積書のとおりです。"


def test_a_members_notes_show_on_their_own_ballot_page_only(client):
    proposal = proposal_in(Status.UNDER_REVIEW)
    one, two = members(2)
    client.force_login(one)
    notes = reverse("proposals:hearing_notes", kwargs={"pk": proposal.pk})
    response = client.post(notes, {"text": "予算の内訳が丁寧"})
    assert response.status_code == 302
    assert response.url == reverse("proposals:ballot", kwargs={"pk": proposal.pk})
    ballot = reverse("proposals:ballot", kwargs={"pk": proposal.pk})
    assert "予算の内訳が丁寧" in text(client.get(ballot))
    client.force_login(two)
    page = text(client.get(ballot))
    assert "予算の内訳が丁寧" not in page and "You have no notes on this hearing." in page
    assert "予算の内訳が丁寧" not in proposal_page(client, proposal)


@pytest.mark.parametrize("data", [
    {"day": "2026-09-12", "starts": "13:00", "ends": "16:00", "place": "市役所\x00", "seats": 10},
    {"day": "0001-01-01", "starts": "00:00", "ends": "01:00", "place": "市役所", "seats": 10},
    {"day": "9999-12-31", "starts": "23:00", "ends": "23:59", "place": "市役所", "seats": 10},
    {"day": "2026-09-12", "starts": "25:00", "ends": "16:00", "place": "市役所", "seats": 10},
    {"day": "2026-09-12", "starts": "13:00", "ends": "16:00", "place": "x" * 300, "seats": 10},
    {"day": "2026-09-12", "starts": "13:00", "ends": "16:00", "place": "市役所",
     "seats": 10 ** 12},
    {"day": "2026-09-12", "starts": "16:00", "ends": "13:00", "place": "市役所", "seats": 10},
])
def test_bad_session_input_gets_a_message_and_changes_nothing(client, data):
    call = CallFactory()
    client.force_login(officer())
    response = client.post(reverse("proposals:hearing_plan", kwargs={"pk": call.pk}), data)
    assert response.status_code == 200
    assert "There is a problem" in text(response)
    assert not HearingSession.objects.exists()


def test_planning_a_session_and_a_slot_through_the_pages(client):
    proposal = proposal_in(Status.ELIGIBLE)
    day = (proposal.call.opens_at + datetime.timedelta(days=20)).date()
    client.force_login(officer())
    response = client.post(reverse("proposals:hearing_plan", kwargs={"pk": proposal.call.pk}),
                           {"day": day.isoformat(), "starts": "13:00", "ends": "16:00",
                            "place": "保健福祉センター", "seats": "60"})
    assert response.status_code == 302
    session = HearingSession.objects.get()
    response = client.post(reverse("proposals:hearing_slot_new", kwargs={"pk": session.pk}),
                           {"proposal": proposal.pk, "position": "1", "starts": "13:10",
                            "minutes": "25"})
    assert response.status_code == 302
    page = text(client.get(reverse("proposals:hearing_schedule",
                                   kwargs={"pk": proposal.call.pk})))
    assert "保健福祉センター" in page and proposal.title in page
    assert "Waiting for the group&#x27;s confirmation" in page


def _hearings(call, n: int) -> None:
    by = officer()
    for i in range(n):
        session = session_of(call, by=by, days=3 + i, status=SessionStatus.PUBLISHED)
        slot_for(proposal_in(Status.ELIGIBLE, call=call, officer=by), session, by=by)


@pytest.mark.parametrize("n", [1, 4])
def test_the_call_page_and_the_schedule_cost_the_same_queries_whatever_the_sessions(client, n):
    small, large = CallFactory(), CallFactory()
    _hearings(small, 1)
    _hearings(large, n)
    client.force_login(officer())
    for name in ("proposals:call_detail", "proposals:hearing_schedule"):
        urls = [reverse(name, kwargs={"pk": call.pk}) for call in (small, large)]
        assert queries_for(client, urls[0]) == queries_for(client, urls[1]), name
