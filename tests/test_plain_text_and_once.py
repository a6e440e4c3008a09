"""Forms take printable text only, and a form sent twice in a moment is done once."""

import pytest
from django.urls import reverse

from partnership.models import CitizenGroup
from proposals.models import Proposal, Status
from tests.factories import CallFactory, UserFactory
from tests.lifecycle import group_member, proposal_in

pytestmark = pytest.mark.django_db


def _group_form(**changes) -> dict:
    return {"name": "みどりの会", "kind": "volunteer", "contact_email": "midori@example.jp",
            "articles": "総会で決める。\n会計は監事が監査する。", **changes}


@pytest.mark.parametrize(("field", "value"), [
    ("name", "みどり\x07の会"), ("name", "みどり\u202eの会"), ("name", "\u200b"),
    ("name", "\u3000 "), ("name", "み\x1b[31mどり"), ("articles", "規約\x00"),
    ("articles", "規約\u202e"), ("articles", "あ" * 10_001), ("contact_email", "a\u200b@b.jp"),
])
def test_control_invisible_and_endless_text_is_refused_with_a_message(client, field, value):
    client.force_login(UserFactory())
    response = client.post(reverse("group_create"), _group_form(**{field: value}))
    assert response.status_code == 200
    assert 'id="error-summary"' in response.content.decode()
    assert response.context["form"].errors[field]
    assert not CitizenGroup.objects.exists()


def test_line_breaks_in_a_long_text_and_tabs_are_fine_where_they_belong(client):
    client.force_login(UserFactory())
    response = client.post(reverse("group_create"), _group_form(articles="一\r\n二\n\t三"))
    assert response.status_code == 302
    assert CitizenGroup.objects.get().articles == "一\r\n二\n\t三"


def test_the_same_form_sent_twice_is_done_once(client):
    proposal = proposal_in(Status.DRAFT)
    author = group_member(proposal)
    client.force_login(author)
    data = {"call": CallFactory().pk, "group": proposal.group_id, "title": "二度押し",
            "summary": "概要", "budget_total": 100, "budget_city_share": 50,
            "duration_months": 12}
    first = client.post(reverse("proposals:proposal_create"), data)
    second = client.post(reverse("proposals:proposal_create"), data, follow=True)
    assert first.status_code == 302
    assert "already sent a moment ago" in second.content.decode()
    assert Proposal.objects.filter(title="二度押し").count() == 1


def test_a_refused_form_leaves_no_trace_and_gets_the_same_answer_again(client):
    """The action refused the first try (a rollback): the same form is checked again, not
    taken for one already done."""
    proposal = proposal_in(Status.DRAFT)
    client.force_login(group_member(proposal))
    data = {"title": "予算超過", "summary": "概要", "budget_total": 100,
            "budget_city_share": 500, "duration_months": 12}
    url = reverse("proposals:proposal_edit", args=[proposal.pk])
    answers = [client.post(url, data).content.decode() for _ in range(2)]
    for answer in answers:
        assert 'id="error-summary"' in answer and "already sent" not in answer
    assert Proposal.objects.get(pk=proposal.pk).budget_city_share != 500
