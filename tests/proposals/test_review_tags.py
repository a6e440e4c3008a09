"""The tally and the members' comments of the review pages, written by `review_tags`."""

from decimal import Decimal

from django.utils import translation

from proposals.board import Comment, Row
from proposals.models import Call, Proposal
from proposals.tally import Tally
from proposals.templatetags.review_tags import comment_list, tally_summary


def row(**tally) -> Row:
    proposal = Proposal(pk=1, call=Call(threshold=Decimal("0.6")))
    return Row(proposal=proposal, tally=Tally(proposal_id=1, **tally))


def test_comments_are_escaped_with_their_line_breaks():
    html = comment_list([Comment(author="<b>委員</b>", vote_label="Recommend",
                                 text='一行目\n<script>alert("x")</script>')])
    assert "&lt;b&gt;委員&lt;/b&gt;" in html and "<b>" not in html
    assert "一行目<br>&lt;script&gt;" in html and "<script>" not in html
    assert "(Recommend)" in html


def test_no_comment_is_said_in_words():
    with translation.override("en"):
        assert "No member left a comment." in comment_list([])
    with translation.override("ja"):
        assert "No member left a comment." not in comment_list([])


def test_tally_with_quorum_and_threshold_met():
    with translation.override("en"):
        html = tally_summary(row(recommend=10, not_recommend=3, abstain=2, eligible_members=26,
                                 quorum_needed=13, weighted_score=Decimal("0.7")))
    assert "15 of 26 ballots\n    (quorum of 13 reached)" in html
    assert "recommend 10 / do not recommend 3 / abstain 2" in html
    assert "70.0% of the maximum (threshold 60.0%)" in html
    assert "text-bg-success" in html and "threshold met" in html


def test_tally_without_quorum_or_scores_in_japanese():
    with translation.override("en"):
        english = tally_summary(row(recommend=1, eligible_members=26, quorum_needed=13))
    with translation.override("ja"):
        japanese = tally_summary(row(recommend=1, eligible_members=26, quorum_needed=13))
    assert "quorum of 13 not yet reached" in english and "no scores yet" in english
    assert "badge" not in english  # no verdict on the threshold without scores
    assert "quorum" not in japanese and "ballots" not in japanese
    assert "13" in japanese and "26" in japanese


def test_tally_below_threshold():
    with translation.override("en"):
        html = tally_summary(row(recommend=2, not_recommend=1, eligible_members=3,
                                 quorum_needed=2, weighted_score=Decimal("0.5")))
    assert "50.0% of the maximum (threshold 60.0%)" in html and "below threshold" in html
