"""Pages of the mayor's office: the decision queue and the decision on one proposal."""

import re

import pytest
from django.urls import reverse

from partnership.roles import Role
from partnership.selectors import sitting_members
from proposals.models import Decision, Status
from proposals.views.decision import DECISION_PAGE_SIZE
from tests.factories import CallFactory, UserFactory
from tests.lifecycle import history, proposal_in, recommended
from tests.pages import queries_for, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def mayor(client):
    user = UserFactory(roles=[Role.MAYORS_OFFICE])
    client.force_login(user)
    return user


def decide_url(proposal) -> str:
    return reverse("proposals:decide", kwargs={"pk": proposal.pk})


def test_queue_lists_recommended_proposals_with_tally_and_comments(client, mayor):
    first, second = recommended(2)
    enough = sitting_members().count() + 2
    not_recommended = proposal_in(Status.NOT_RECOMMENDED, ballots=enough)
    chosen = proposal_in(Status.CHOSEN, ballots=2 * enough + 2)
    page = text(client.get(reverse("proposals:decision_queue")))
    assert first.title in page and second.title in page
    assert not_recommended.title not in page and chosen.title not in page
    section = re.search(rf'<section[^>]*proposal-{first.pk}".*?</section>', page).group(0)
    assert "recommend 3 / do not recommend 0 / abstain 0" in section
    assert "80.0% of the maximum (threshold 60.0%)" in section
    # Every member's comment is on the page, in a disclosure the reader opens.
    comments = re.search(r"<details[^>]*>\s*<summary>Show the 3 comments</summary>.*?</details>",
                         section, re.S).group(0)
    for i in range(3):
        assert f"委員{i}のコメント" in comments
    assert "(Recommend)" in comments
    assert decide_url(first) in section


@pytest.mark.parametrize("size", [10, 200])
def test_queue_query_count_is_constant(client, mayor, size, django_assert_max_num_queries):
    call = CallFactory()
    recommended(size, call=call)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("proposals:decision_queue"))
    assert response.content.count(b"<section") == min(size, DECISION_PAGE_SIZE)


def test_queue_queries_are_the_same_for_10_and_200_proposals(client, mayor):
    recommended(10)
    url = reverse("proposals:decision_queue")
    small = queries_for(client, url)
    recommended(190)
    assert queries_for(client, url) == small


def test_choosing_with_a_reason(client, mayor):
    (proposal,) = recommended(1)
    page = text(client.get(decide_url(proposal)))
    assert "委員0のコメント" in page and "recommend 3" in page
    response = client.post(decide_url(proposal), {"outcome": "chosen",
                                                   "reason": "子育て支援の必要性が高いため"})
    assert response.status_code == 302
    assert response.url == reverse("proposals:decision_queue")
    proposal.refresh_from_db()
    assert proposal.status == Status.CHOSEN
    assert proposal.decision.reason == "子育て支援の必要性が高いため"
    assert proposal.decision.decided_by == mayor
    assert [row.action for row in history(proposal)].count("proposal.decided") == 1
    follow = text(client.get(reverse("proposals:decision_queue")))
    assert "is chosen" in follow and f">{proposal.title}<" not in follow


def test_declining_without_a_reason_shows_the_action_error_and_keeps_the_form(client, mayor):
    (proposal,) = recommended(1)
    response = client.post(decide_url(proposal), {"outcome": "declined", "reason": "  "})
    assert response.status_code == 200
    page = text(response)
    assert 'id="error-summary"' in page
    assert page.count("Give the reason for declining.") == 2  # in the summary and at the field
    assert re.search(r'<textarea[^>]*name="reason"[^>]*is-invalid|<textarea[^>]*is-invalid[^>]*'
                     r'name="reason"', page)  # the field itself is marked
    assert re.search(r'value="declined"[^>]*checked', page)  # the choice is kept
    proposal.refresh_from_db()
    assert proposal.status == Status.RECOMMENDED
    assert not Decision.objects.filter(proposal=proposal).exists()
    response = client.post(decide_url(proposal), {"outcome": "declined",
                                                   "reason": "予算の制約のため"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.DECLINED
    assert proposal.decision.reason == "予算の制約のため"


def test_a_decided_proposal_cannot_be_decided_again(client, mayor):
    proposal = proposal_in(Status.CHOSEN)
    assert client.get(decide_url(proposal)).status_code == 403
    assert client.post(decide_url(proposal), {"outcome": "declined",
                                              "reason": "x"}).status_code == 403
    assert Decision.objects.filter(proposal=proposal).count() == 1


@pytest.mark.parametrize("role", [Role.PARTNERSHIP_MEMBER, Role.CHAIR, Role.CITY_OFFICER])
def test_only_the_mayors_office_decides(client, role):
    (proposal,) = recommended(1)
    client.force_login(UserFactory(roles=[role]))
    assert client.get(reverse("proposals:decision_queue")).status_code == 403
    assert client.post(decide_url(proposal), {"outcome": "chosen"}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == Status.RECOMMENDED
