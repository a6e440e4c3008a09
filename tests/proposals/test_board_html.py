"""The board's rows written in Python (proposals/board_html.py) are the rows of the template
proposals/review/_board_rows.html: the same HTML for the same rows, in both languages, for
every kind of row (waiting, under review with and without a quorum, closed with a casting
decision, with a consultation), with titles that need escaping."""

import re

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.html import parse_html
from django.utils import translation

from proposals import actions, board, board_html
from proposals.models import Criterion, Status, Vote
from tests.consultations import consultation_in
from tests.factories import CallFactory, ProposalFactory
from tests.lifecycle import chair, members, proposal_in, vote

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def normalised(html: str):
    """The HTML as a tree (whitespace between elements aside), with the one-time CSRF tokens
    made alike."""
    return parse_html(TOKEN.sub('name="csrfmiddlewaretoken" value="token"', str(html)))


def board_rows(call, user):
    criteria = list(Criterion.objects.filter(call=call))
    proposals = list(board.board_proposals(call, ""))
    return board.board_display(board.board_rows(proposals, criteria), user)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_python_rows_are_the_template_rows(language):
    the_chair = chair()
    panel = members(4)  # with the chair, five sitting members: a quorum of three
    call = CallFactory()
    proposal_in(Status.SUBMITTED, call=call, title='<script>"x"</script> 子育て & Co')
    proposal_in(Status.ELIGIBLE, call=call, the_chair=the_chair)
    open_with_quorum = proposal_in(Status.UNDER_REVIEW, call=call, the_chair=the_chair)
    proposal_in(Status.UNDER_REVIEW, call=call, the_chair=the_chair)  # no ballots
    proposal_in(Status.RECOMMENDED, call=call, the_chair=the_chair, voters=panel)
    proposal_in(Status.NOT_RECOMMENDED, call=call, the_chair=the_chair, voters=panel)
    for user in panel:
        vote(user, open_with_quorum, choice=Vote.NOT_RECOMMEND, value=1)
    tied = proposal_in(Status.UNDER_REVIEW, call=call, the_chair=the_chair)
    for index, user in enumerate(panel):  # two for, two against
        vote(user, tied, choice=Vote.RECOMMEND if index % 2 else Vote.NOT_RECOMMEND,
             value=5 if index % 2 else 0)
    actions.close_review(actor=the_chair, proposal=tied, casting_vote=Vote.RECOMMEND,
                         casting_reason="理由")
    consulted = ProposalFactory(call=call)  # a draft consults the department first
    consultation_in("replied", proposal=consulted)
    proposal_in(Status.UNDER_REVIEW, proposal=consulted, the_chair=the_chair)
    request = RequestFactory().get("/")
    with translation.override(language):
        rows = board_rows(call, the_chair)
        assert {row.proposal.status for row in rows} >= {
            Status.SUBMITTED, Status.ELIGIBLE, Status.UNDER_REVIEW, Status.RECOMMENDED,
            Status.NOT_RECOMMENDED}
        assert any(row.can_open for row in rows) and any(row.can_close for row in rows)
        assert any(row.result and row.result.casting_vote for row in rows)
        assert any(row.consultation for row in rows)
        template = render_to_string("proposals/review/_board_rows.html", {"rows": rows},
                                    request=request)
        python = board_html.board_rows_html(rows, request)
    assert "&lt;script&gt;" in python and "<script>" not in python
    assert normalised(python) == normalised(template)
