"""Pages of the partnership members and of the chair: queue, ballot, recusal, ballots, board."""

import re

import pytest
from django.urls import reverse

from partnership.models import GroupMembership
from partnership.roles import Role
from proposals import actions
from proposals.errors import ProposalError
from proposals.models import Ballot, ConflictDeclaration, Criterion, Status, Vote
from proposals.views.review import BOARD_PAGE_SIZE
from tests.factories import CallFactory, ProposalFactory, UserFactory
from tests.lifecycle import (
    chair,
    eligible,
    members,
    proposal_in,
    seated,
    submitted,
    under_review,
    vote,
)
from tests.pages import queries_for, text

pytestmark = pytest.mark.django_db


# -- review queue ------------------------------------------------------------------------------

def test_queue_shows_ballots_of_eligible_members_and_my_ballot(client):
    me = seated(client)
    others = members(3)
    first, second = under_review(2)
    submitted(1)  # not under review: not in the queue
    vote(others[0], first)
    vote(me, first)
    # Eligible: me, three others and the chair who opened the reviews.
    response = client.get(reverse("proposals:review_queue"))
    page = text(response)
    assert first.title in page and second.title in page
    assert "2 of 5 ballots" in page and "0 of 5 ballots" in page
    rows = re.findall(r"<tr>.*?</tr>", page)
    row_of = {title: next(r for r in rows if title in r) for title in (first.title, second.title)}
    assert "Done" in row_of[first.title] and "Change ballot" in row_of[first.title]
    assert "Not yet" in row_of[second.title] and "Cast ballot" in row_of[second.title]


def test_queue_marks_recused_proposals(client):
    me = seated(client)
    own, conflicted, free = under_review(3)
    GroupMembership.objects.create(group=own.group, user=me)
    actions.declare_conflict(actor=me, proposal=conflicted, reason="親族が団体の職員です")
    page = text(client.get(reverse("proposals:review_queue")))
    rows = re.findall(r"<tr>.*?</tr>", page)
    for proposal, recused in ((own, True), (conflicted, True), (free, False)):
        row = next(r for r in rows if proposal.title in r)
        assert ("Recused" in row) is recused
        assert (reverse("proposals:ballot", kwargs={"pk": proposal.pk}) in row) is not recused


@pytest.mark.parametrize("size", [10, 60])
def test_queue_query_count_is_constant(client, size, django_assert_max_num_queries):
    me = seated(client)
    proposals = under_review(size)
    for proposal in proposals[::2]:
        vote(me, proposal)
    actions.declare_conflict(actor=me, proposal=proposals[1], reason="利害関係")
    with django_assert_max_num_queries(20):
        response = client.get(reverse("proposals:review_queue"))
    assert response.status_code == 200
    assert response.content.count(b"<tr>") == min(size, 50) + 1  # header row


def test_queue_queries_are_the_same_for_10_and_200_proposals(client):
    me = seated(client)
    proposals = under_review(10)
    vote(me, proposals[0])
    url = reverse("proposals:review_queue")
    small = queries_for(client, url)
    more = under_review(190)
    vote(me, more[0])
    assert queries_for(client, url) == small


# -- ballot form -------------------------------------------------------------------------------

def test_ballot_form_shows_every_criterion_with_its_description(client):
    seated(client)
    (proposal,) = under_review(1)
    criterion = Criterion.objects.filter(call=proposal.call).first()
    criterion.description = "地域の課題に応えているか"
    criterion.max_score = 10
    criterion.save()
    page = text(client.get(reverse("proposals:ballot", kwargs={"pk": proposal.pk})))
    for c in Criterion.objects.filter(call=proposal.call):
        assert f'for="id_score_{c.pk}"' in page
        assert c.name in page
    # No English description: the Japanese one is marked as such, not run into the English.
    assert '<span lang="ja">地域の課題に応えているか</span> From 0 to 10.' in page
    assert '<option value="10">10</option>' in page
    assert "Recommend" in page and "Do not recommend" in page and "Abstain" in page


def test_ballot_form_shows_criteria_in_english_where_given(client):
    seated(client)
    (proposal,) = under_review(1)
    criterion = Criterion.objects.filter(call=proposal.call).first()
    Criterion.objects.filter(pk=criterion.pk).update(
        description="地域の課題に応えているか", name_en="Public benefit",
        description_en="Does it answer a need of the community?")
    url = reverse("proposals:ballot", kwargs={"pk": proposal.pk})
    english = text(client.get(url))
    assert "Public benefit" in english
    assert "Does it answer a need of the community? From 0 to 5." in english
    assert "地域の課題に応えているか" not in english
    japanese = text(client.get(url, HTTP_ACCEPT_LANGUAGE="ja"))
    assert criterion.name in japanese and "地域の課題に応えているか" in japanese
    assert "Public benefit" not in japanese


def test_casting_and_changing_a_ballot_through_the_form(client):
    me = seated(client)
    (proposal,) = under_review(1)
    url = reverse("proposals:ballot", kwargs={"pk": proposal.pk})
    criteria = list(Criterion.objects.filter(call=proposal.call))
    data = {f"score_{c.pk}": str(i % 6) for i, c in enumerate(criteria)}
    response = client.post(url, {**data, "vote": "recommend", "comment": "地域に必要です"})
    assert response.status_code == 302
    assert response.url == reverse("proposals:review_queue")
    ballot = Ballot.objects.get(proposal=proposal, member__user=me)
    assert ballot.vote == Vote.RECOMMEND and ballot.comment == "地域に必要です"
    assert {s.criterion_id: s.value for s in ballot.scores.all()} == {
        c.pk: i % 6 for i, c in enumerate(criteria)
    }
    # The form comes back filled in, and the ballot can be changed.
    page = text(client.get(url))
    assert "You have already voted" in page and "地域に必要です" in page
    response = client.post(url, {**data, "vote": "not_recommend", "comment": "再考を"})
    assert response.status_code == 302
    ballot.refresh_from_db()
    assert ballot.vote == Vote.NOT_RECOMMEND and ballot.comment == "再考を"
    assert Ballot.objects.filter(proposal=proposal).count() == 1


def test_missing_scores_show_the_error_summary_and_keep_the_form(client):
    seated(client)
    (proposal,) = under_review(1)
    first = Criterion.objects.filter(call=proposal.call).first()
    url = reverse("proposals:ballot", kwargs={"pk": proposal.pk})
    response = client.post(url, {f"score_{first.pk}": "3", "vote": "recommend",
                                 "comment": "途中まで"})
    assert response.status_code == 200
    page = text(response)
    assert 'id="error-summary"' in page
    assert page.count("Give a score for this criterion.") >= 4
    assert "途中まで" in page and '<option value="3" selected>' in page
    assert not Ballot.objects.filter(proposal=proposal).exists()


def test_abstaining_needs_no_scores(client):
    me = seated(client)
    (proposal,) = under_review(1)
    url = reverse("proposals:ballot", kwargs={"pk": proposal.pk})
    assert client.post(url, {"vote": "abstain"}).status_code == 302
    assert Ballot.objects.get(proposal=proposal, member__user=me).vote == Vote.ABSTAIN


def test_the_action_error_is_shown_with_the_form_kept(client, monkeypatch):
    seated(client)
    (proposal,) = under_review(1)

    def refuse(**kwargs):
        raise ProposalError("The review was closed a moment ago.")

    monkeypatch.setattr(actions, "cast_ballot", refuse)
    response = client.post(reverse("proposals:ballot", kwargs={"pk": proposal.pk}),
                           {"vote": "abstain", "comment": "残す"})
    assert response.status_code == 200
    page = text(response)
    assert 'id="error-summary"' in page and "The review was closed a moment ago." in page
    assert "残す" in page


def test_a_member_of_the_proposing_group_is_refused_by_page_and_service(client):
    me = seated(client)
    (proposal,) = under_review(1)
    GroupMembership.objects.create(group=proposal.group, user=me)
    url = reverse("proposals:ballot", kwargs={"pk": proposal.pk})
    response = client.get(url)
    assert response.status_code == 403
    assert "You are a member of" in text(response)
    response = client.post(url, {"vote": "abstain"})
    assert response.status_code == 403
    with pytest.raises(ProposalError):
        vote(me, proposal)
    assert not Ballot.objects.filter(proposal=proposal).exists()


def test_declaring_a_conflict_withdraws_the_ballot_and_refuses_the_form(client):
    me = seated(client)
    (proposal,) = under_review(1)
    vote(me, proposal)
    url = reverse("proposals:declare_conflict", kwargs={"pk": proposal.pk})
    assert client.get(reverse("proposals:ballot", kwargs={"pk": proposal.pk})).status_code == 200
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200 and 'id="error-summary"' in text(response)
    response = client.post(url, {"reason": "妻が団体の理事です"})
    assert response.status_code == 302
    assert ConflictDeclaration.objects.get(proposal=proposal, member__user=me).reason == (
        "妻が団体の理事です"
    )
    assert not Ballot.objects.filter(proposal=proposal).exists()
    response = client.get(reverse("proposals:ballot", kwargs={"pk": proposal.pk}))
    assert response.status_code == 403 and "You declared a conflict of interest" in text(response)
    with pytest.raises(ProposalError):
        vote(me, proposal)


def test_a_group_member_cannot_declare_a_conflict_on_their_own_proposal(client):
    me = seated(client)
    (proposal,) = under_review(1)
    GroupMembership.objects.create(group=proposal.group, user=me)
    url = reverse("proposals:declare_conflict", kwargs={"pk": proposal.pk})
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("method", ["get", "post"])
def test_ballot_page_of_a_closed_review_leads_to_the_ballots(client, method):
    me = seated(client)
    proposal = proposal_in(Status.RECOMMENDED)
    ballots = Ballot.objects.filter(proposal=proposal)
    before = sorted(ballots.values_list("id", "vote", "comment"))
    url = reverse("proposals:ballot", kwargs={"pk": proposal.pk})
    data = {"vote": Vote.NOT_RECOMMEND, "comment": "遅れた投票"} if method == "post" else {}
    response = getattr(client, method)(url, data, follow=True)
    assert response.redirect_chain == [
        (reverse("proposals:ballots", kwargs={"pk": proposal.pk}), 302)]
    assert "is closed: ballots can no longer be cast or changed" in text(response)
    assert sorted(ballots.values_list("id", "vote", "comment")) == before
    assert not ballots.filter(member__user=me).exists()


def test_ballot_page_of_a_closed_review_is_refused_to_the_mayors_office(client):
    client.force_login(UserFactory(roles=[Role.MAYORS_OFFICE]))
    proposal = proposal_in(Status.RECOMMENDED)
    assert client.get(reverse("proposals:ballot", kwargs={"pk": proposal.pk})).status_code == 403


def test_ballot_page_of_a_draft_is_not_found(client):
    seated(client)
    draft = ProposalFactory()
    assert client.get(reverse("proposals:ballot", kwargs={"pk": draft.pk})).status_code == 404


# -- everyone's ballots after the review -------------------------------------------------------

@pytest.mark.parametrize("roles", [[Role.PARTNERSHIP_MEMBER], [Role.MAYORS_OFFICE]])
def test_ballots_and_comments_are_shown_after_the_review(client, roles):
    the_chair = chair()
    (proposal,) = under_review(1, the_chair=the_chair)
    voters = members(3)
    vote(voters[0], proposal, value=5, comment="とても良い")
    vote(voters[1], proposal, choice=Vote.NOT_RECOMMEND, value=1, comment="費用が大きい")
    actions.cast_ballot(actor=voters[2], proposal=proposal, vote=Vote.ABSTAIN, scores={})
    url = reverse("proposals:ballots", kwargs={"pk": proposal.pk})
    client.force_login(UserFactory(roles=roles))
    assert client.get(url).status_code == 403  # not before the review closes
    actions.close_review(actor=the_chair, proposal=proposal,
                         casting_vote="recommend", casting_reason="地域の必要性が高い")
    response = client.get(url)
    assert response.status_code == 200
    page = text(response)
    for user in voters:
        assert str(user) in page
    assert "とても良い" in page and "費用が大きい" in page
    assert "Abstain" in page and "Do not recommend" in page
    assert "地域の必要性が高い" in page


# -- chair: the review board -------------------------------------------------------------------

def board_url(call, **query) -> str:
    url = reverse("proposals:review_board", kwargs={"call": call.pk})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_board_shows_quorum_tally_and_spread_with_disagreement_in_words(client):
    the_chair = seated(client, is_chair=True)
    call = CallFactory()
    agreed, split = under_review(2, call=call, the_chair=the_chair)
    waiting = eligible(1, call=call)[0]
    voters = members(3)
    for user in voters:
        vote(user, agreed, value=4)
    vote(voters[0], split, value=5)
    vote(voters[1], split, choice=Vote.NOT_RECOMMEND, value=0)
    page = text(client.get(board_url(call)))
    rows = {p.title: next(r for r in re.findall(r"<tr>.*?</tr>", page) if p.title in r)
            for p in (agreed, split, waiting)}
    # Four sitting members (the chair and three voters): a quorum of half of them.
    assert "3 / 2" in rows[agreed.title] and "quorum" in rows[agreed.title]
    assert "3 / 0 / 0" in rows[agreed.title] and "80.0% (60.0%)" in rows[agreed.title]
    assert "spread-high" not in rows[agreed.title]
    assert "4–4" in rows[agreed.title] and "σ 0.00" in rows[agreed.title]
    assert "1 / 1 / 0" in rows[split.title] and "50.0% (60.0%)" in rows[split.title]
    assert rows[split.title].count('class="spread-high table-warning"') == 5
    assert rows[split.title].count("High disagreement") == 5
    assert "0–5" in rows[split.title] and "σ 2.50" in rows[split.title]
    assert "below threshold" in rows[split.title]
    assert "Open review" in rows[waiting.title]
    assert "Close review" in rows[agreed.title]


def test_board_offers_to_close_only_a_review_with_its_quorum(client):
    the_chair = seated(client, is_chair=True)
    call = CallFactory()
    short, = under_review(1, call=call, the_chair=the_chair)
    voters = members(3)
    vote(voters[0], short, value=4)  # one ballot of the two a quorum needs
    row = next(r for r in re.findall(r"<tr>.*?</tr>", text(client.get(board_url(call))), re.S)
               if short.title in r)
    assert "no quorum yet" in row and "Close review" not in row
    vote(voters[1], short, value=4)
    row = next(r for r in re.findall(r"<tr>.*?</tr>", text(client.get(board_url(call))), re.S)
               if short.title in r)
    assert "Close review" in row


def test_board_filter_and_pagination(client):
    the_chair = seated(client, is_chair=True)
    call = CallFactory()
    reviewed = under_review(3, call=call, the_chair=the_chair)
    waiting = submitted(52, call=call)
    page = text(client.get(board_url(call, status="under_review")))
    assert all(p.title in page for p in reviewed)
    assert not any(f">{p.title}<" in page for p in waiting)
    # 55 proposals, BOARD_PAGE_SIZE a page (the last page has the rest), each with a header row.
    pages, last = divmod(55, BOARD_PAGE_SIZE)
    page = text(client.get(board_url(call)))
    assert f"Page 1 of {pages + 1}" in page and page.count("<tr>") == BOARD_PAGE_SIZE + 1
    page = text(client.get(board_url(call, page=pages + 1)))
    assert page.count("<tr>") == last + 1


def test_opening_a_review_from_the_board(client):
    seated(client, is_chair=True)
    (waiting,) = submitted(1)
    # Not yet screened: the chair may not open its review.
    response = client.post(reverse("proposals:open_review", kwargs={"pk": waiting.pk}))
    assert response.status_code == 403
    (proposal,) = eligible(1)
    response = client.post(reverse("proposals:open_review", kwargs={"pk": proposal.pk}))
    assert response.status_code == 302
    assert response.url == reverse("proposals:review_board", kwargs={"call": proposal.call_id})
    proposal.refresh_from_db()
    assert proposal.status == Status.UNDER_REVIEW
    # Twice: the second time the proposal is no longer eligible, so the rule refuses.
    response = client.post(reverse("proposals:open_review", kwargs={"pk": proposal.pk}))
    assert response.status_code == 403


def test_board_queries_are_the_same_for_10_and_200_proposals(client):
    the_chair = seated(client, is_chair=True)
    call = CallFactory()
    voters = members(2)

    def add(n):
        for i, proposal in enumerate(under_review(n, call=call, the_chair=the_chair)):
            vote(voters[0], proposal, value=i % 6)
            vote(voters[1], proposal, value=5 - i % 6, choice=Vote.NOT_RECOMMEND)
        submitted(2, call=call)

    add(10)
    url = board_url(call)
    small = queries_for(client, url)  # one request's queries (after a warm-up request)
    add(190)
    large = queries_for(client, url)
    assert large == small <= 11  # 10 with the session in Redis (bench/pages.py)


def test_board_index_lists_calls_with_counts(client):
    the_chair = seated(client, is_chair=True)
    call = CallFactory(title="令和8年度 協働事業提案")
    under_review(2, call=call, the_chair=the_chair)
    submitted(3, call=call)
    page = text(client.get(reverse("proposals:review_boards")))
    row = next(r for r in re.findall(r"<tr>.*?</tr>", page) if call.title in r)
    assert re.search(r"<td>3</td> <td>2</td> <td>0</td>", row)
    assert board_url(call) in row


# -- chair: closing a review -------------------------------------------------------------------

def close_url(proposal) -> str:
    return reverse("proposals:close_review", kwargs={"pk": proposal.pk})


def test_close_confirmation_shows_the_tally_and_closes(client):
    the_chair = seated(client, is_chair=True)
    (proposal,) = under_review(1, the_chair=the_chair)
    voters = members(3)
    for user in voters:
        vote(user, proposal, value=4)
    page = text(client.get(close_url(proposal)))
    assert "3 of 4 ballots" in page and "quorum of 2 reached" in page
    assert "recommend 3 / do not recommend 0 / abstain 0" in page
    assert "80.0% of the maximum (threshold 60.0%)" in page
    assert "will be recommended" in page
    assert "casting_vote" not in page  # no tie: no casting decision asked for
    response = client.post(close_url(proposal))
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.RECOMMENDED
    assert proposal.review_result.recommended


def test_closing_without_quorum_shows_the_action_error(client):
    the_chair = seated(client, is_chair=True)
    (proposal,) = under_review(1, the_chair=the_chair)
    members(3)
    page = text(client.get(close_url(proposal)))
    assert "cannot be closed yet" in page
    assert "Close the review</button>" not in page  # no button that can only fail
    response = client.post(close_url(proposal))
    assert response.status_code == 200
    page = text(response)
    assert 'id="error-summary"' in page
    assert "0 of the 2 ballots needed for a quorum have been cast." in page
    proposal.refresh_from_db()
    assert proposal.status == Status.UNDER_REVIEW


def test_a_tie_needs_a_casting_decision_and_reason(client):
    the_chair = seated(client, is_chair=True)
    (proposal,) = under_review(1, the_chair=the_chair)
    yes, no = members(2)
    vote(yes, proposal, value=4)
    vote(no, proposal, choice=Vote.NOT_RECOMMEND, value=2)
    page = text(client.get(close_url(proposal)))
    assert "The vote is tied" in page and 'name="casting_vote"' in page
    response = client.post(close_url(proposal), {"casting_reason": "理由のみ"})
    assert response.status_code == 200
    page = text(response)
    assert 'id="error-summary"' in page and "record your casting decision" in page
    assert "理由のみ" in page
    response = client.post(close_url(proposal), {"casting_vote": "recommend"})
    assert "Give the reason for the casting decision." in text(response)
    proposal.refresh_from_db()
    assert proposal.status == Status.UNDER_REVIEW
    response = client.post(close_url(proposal), {"casting_vote": "recommend",
                                                 "casting_reason": "地域の必要性を重視"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.RECOMMENDED
    assert proposal.review_result.casting_reason == "地域の必要性を重視"


def test_only_the_chair_closes(client):
    seated(client)
    (proposal,) = under_review(1)
    assert client.get(close_url(proposal)).status_code == 403
    assert client.post(close_url(proposal)).status_code == 403
