"""The review board's rows, written in Python: escaped, translated, with the chair's actions."""

import pytest
from django.urls import reverse

from proposals.models import Status
from tests.lifecycle import chair, proposal_in

pytestmark = pytest.mark.django_db


def board(client, proposal, language="en"):
    client.force_login(chair())
    url = reverse("proposals:review_board", kwargs={"call": proposal.call_id})
    return client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()


def test_titles_and_groups_are_escaped(client):
    proposal = proposal_in(Status.UNDER_REVIEW, title='<img src=x onerror="alert(1)">')
    page = board(client, proposal)
    assert '<img src=x onerror="alert(1)">' not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page


def test_open_button_carries_the_csrf_token(client):
    proposal = proposal_in(Status.SUBMITTED)
    page = board(client, proposal)
    action = reverse("proposals:open_review", kwargs={"pk": proposal.pk})
    form = page[page.index(f'action="{action}"'):]
    assert form.index('name="csrfmiddlewaretoken"') < form.index("</form>")


def test_closed_row_links_to_the_ballots_in_japanese(client, settings):
    proposal = proposal_in(Status.RECOMMENDED)
    page = board(client, proposal, language="ja")
    assert reverse("proposals:ballots", kwargs={"pk": proposal.pk}) in page
    assert "投票一覧" in page and "定足数到達" in page
