"""The review board's rows (proposals/review/_board_rows.html over `board.board_display`):
escaped, translated, with the chair's actions."""

import re

import pytest
from django.urls import reverse

from proposals.models import ReviewResult, Status, Vote
from tests.consultations import consulted_proposal_in
from tests.lifecycle import chair, proposal_in

pytestmark = pytest.mark.django_db


def board(client, proposal, language="en"):
    client.force_login(chair())
    url = reverse("proposals:review_board", kwargs={"call": proposal.call_id})
    return client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()


def row_of(page: str, proposal) -> str:
    url = reverse("proposals:proposal_detail", kwargs={"pk": proposal.pk})
    return next(r for r in re.findall(r"<tr>.*?</tr>", page, re.S) if url in r)


def test_titles_and_groups_are_escaped(client):
    # Eligible: the chair's "Open review" button names the proposal in its hidden part.
    proposal = proposal_in(Status.ELIGIBLE, title='<img src=x onerror="alert(1)">')
    proposal.group.name = "<b>団体</b>"
    proposal.group.save()
    page = board(client, proposal)
    assert '<img src=x onerror="alert(1)">' not in page and "<b>団体" not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
    assert "&lt;b&gt;団体&lt;/b&gt;" in page
    # The title inside the visually hidden part of the button's label is escaped too.
    assert '<span class="visually-hidden"> of &lt;img src=x' in row_of(page, proposal)


def test_open_button_carries_the_csrf_token(client):
    proposal = proposal_in(Status.ELIGIBLE)
    page = board(client, proposal)
    action = reverse("proposals:open_review", kwargs={"pk": proposal.pk})
    form = page[page.index(f'action="{action}"'):]
    assert form.index('name="csrfmiddlewaretoken"') < form.index("</form>")


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.ELIGIBLE])
def test_waiting_row_has_no_tally(client, status):
    proposal = proposal_in(status)
    cells = re.findall(r"<td>(.*?)</td>", row_of(board(client, proposal), proposal), re.S)
    assert [c.strip() for c in cells[1:4]] == ["—", "—", "—"]
    assert ["no scores" in c for c in cells[4:]] == [True] * 5 + [False]  # 5 criteria, action


def test_closed_row_links_to_the_ballots_in_japanese(client):
    proposal = proposal_in(Status.RECOMMENDED)
    page = board(client, proposal, language="ja")
    row = row_of(page, proposal)
    assert reverse("proposals:ballots", kwargs={"pk": proposal.pk}) in row
    assert "投票一覧" in row and "定足数到達" in row and "有資格" in row
    assert "quorum" not in row and "eligible" not in row


def test_casting_decision_is_shown_in_words(client):
    proposal = proposal_in(Status.RECOMMENDED)
    ReviewResult.objects.filter(proposal=proposal).update(casting_vote=Vote.RECOMMEND)
    assert "casting decision: Recommend" in row_of(board(client, proposal), proposal)


def test_the_consultation_goes_with_the_review_to_the_chairs_board(client):
    waiting = consulted_proposal_in(Status.ELIGIBLE)
    reviewed = consulted_proposal_in(Status.UNDER_REVIEW, call=waiting.call)
    page = board(client, reviewed)
    link = reverse("proposals:consultation_detail", kwargs={"pk": reviewed.consultation.pk})
    row = row_of(page, reviewed)
    assert f'href="{link}"' in row
    assert f"Consultation<span class=\"visually-hidden\"> on {reviewed.title}</span>" in row
    # Before the review the consultation is the group's and the department's alone.
    before = reverse("proposals:consultation_detail", kwargs={"pk": waiting.consultation.pk})
    assert before not in page and "Consultation" not in row_of(page, waiting)
    # The chair may follow the link.
    assert reviewed.consultation.fit in client.get(link).content.decode()
