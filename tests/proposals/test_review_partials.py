"""The tally and the members' comments of the decision queue, decide and close-review pages,
written by the partials proposals/review/_tally.html and _comments.html."""

from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation

from proposals.board import Comment, Row
from proposals.models import Call, Proposal
from proposals.tally import Tally


def row(**tally) -> Row:
    proposal = Proposal(pk=1, call=Call(threshold=Decimal("0.6")))
    return Row(proposal=proposal, tally=Tally(proposal_id=1, **tally))


def tally_summary(language: str, **tally) -> str:
    with translation.override(language):
        return render_to_string("proposals/review/_tally.html", {"row": row(**tally)})


def comment_list(comments, language: str = "en") -> str:
    with translation.override(language):
        return render_to_string("proposals/review/_comments.html", {"comments": comments})


def test_comments_are_escaped_with_their_line_breaks():
    html = comment_list([Comment(author="<b>委員</b>", vote_label="Recommend",
                                 text='一行目\n<script>alert("x")</script>')])
    assert "&lt;b&gt;委員&lt;/b&gt;" in html and "<b>" not in html
    assert "一行目<br>&lt;script&gt;" in html and "<script>" not in html
    assert "(Recommend)" in html
    assert html.count("<li") == 1


def test_every_comment_is_listed_in_order():
    html = comment_list([Comment(author=f"委員{i}", vote_label="Abstain", text=f"c{i}")
                         for i in range(3)])
    assert html.count("<li") == 3
    assert html.index("委員0") < html.index("委員1") < html.index("委員2")


def test_no_comment_is_said_in_words():
    assert "No member left a comment." in comment_list([])
    assert "委員のコメントはありません。" in comment_list([], "ja")


def test_tally_with_quorum_and_threshold_met():
    html = tally_summary("en", recommend=10, not_recommend=3, abstain=2, eligible_members=26,
                         quorum_needed=13, weighted_score=Decimal("0.7"))
    assert "15 of 26 ballots\n    (quorum of 13 reached)" in html
    assert "recommend 10 / do not recommend 3 / abstain 2" in html
    assert "70.0% of the maximum (threshold 60.0%)" in html
    assert "text-bg-success" in html and "threshold met" in html


def test_tally_without_quorum_or_scores_in_japanese():
    tally = {"recommend": 1, "eligible_members": 26, "quorum_needed": 13}
    english = tally_summary("en", **tally)
    japanese = tally_summary("ja", **tally)
    assert "quorum of 13 not yet reached" in english and "no scores yet" in english
    assert "badge" not in english  # no verdict on the threshold without scores
    assert "定足数 13 に未達" in japanese and "まだ点数がありません" in japanese
    assert "投票 1 / 26 人" in japanese


def test_every_heading_is_translated():
    # "Weighted score" was once written from Python where makemessages did not find it.
    japanese = tally_summary("ja", recommend=3, eligible_members=3, quorum_needed=2,
                             weighted_score=Decimal("0.8"))
    assert "加重平均点" in japanese and "Weighted score" not in japanese
    assert "満点の 80.0%(基準 60.0%)" in japanese and "基準を満たす" in japanese


def test_tally_below_threshold():
    html = tally_summary("en", recommend=2, not_recommend=1, eligible_members=3, quorum_needed=2,
                         weighted_score=Decimal("0.5"))
    assert "50.0% of the maximum (threshold 60.0%)" in html and "below threshold" in html
    assert "text-bg-secondary" in html
