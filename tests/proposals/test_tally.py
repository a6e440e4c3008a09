"""Counting a review: majority, weighted score against the threshold, ties, quorum and spread."""

import math
import statistics
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnership.roles import Role
from proposals import actions
from proposals.errors import ProposalError
from proposals.models import Ballot, Criterion, ReviewResult, Score, Status, Vote
from proposals.tally import quorum_for, tallies, tally_for
from tests.factories import CallFactory, ProposalFactory, UserFactory
from tests.lifecycle import history, members, proposal_in

pytestmark = pytest.mark.django_db

R, N, A = Vote.RECOMMEND, Vote.NOT_RECOMMEND, Vote.ABSTAIN


def review(votes: list[tuple[str, int | None]], *, extra_members: int = 0, **factory_kwargs):
    """A proposal under review with one ballot per (vote, score for every criterion)."""
    proposal = proposal_in(Status.UNDER_REVIEW, **factory_kwargs)
    chair = next(row.actor for row in history(proposal)
                 if row.action == "proposal.review_opened")
    criteria = list(Criterion.objects.filter(call_id=proposal.call_id))
    for user, (vote, score) in zip(members(len(votes)), votes, strict=True):
        scores = {} if score is None else {c.pk: score for c in criteria}
        actions.cast_ballot(actor=user, proposal=proposal, vote=vote, scores=scores,
                            comment="意見")
    members(extra_members)
    return proposal, chair


def close(proposal, chair, **kwargs):
    result = actions.close_review(actor=chair, proposal=proposal, **kwargs)
    proposal.refresh_from_db()
    return result


def test_majority_and_score_at_threshold_is_recommended():
    # Scores 3 of 5 on every criterion: exactly the 0.6 threshold.
    proposal, chair = review([(R, 3), (R, 3), (N, 3)])
    result = close(proposal, chair)
    assert result.weighted_score == Decimal("0.6000")
    assert (result.recommend, result.not_recommend, result.abstain) == (2, 1, 0)
    assert result.recommended is True
    assert proposal.status == Status.RECOMMENDED


def test_majority_below_threshold_is_not_recommended():
    proposal, chair = review([(R, 3), (R, 3), (R, 2)])  # 8/15 = 0.5333 < 0.6
    result = close(proposal, chair)
    assert result.weighted_score == Decimal("0.5333")
    assert result.recommended is False
    assert proposal.status == Status.NOT_RECOMMENDED


def test_high_scores_without_a_majority_are_not_recommended():
    proposal, chair = review([(R, 5), (N, 5), (N, 5)])
    result = close(proposal, chair)
    assert result.weighted_score == Decimal("1.0000")
    assert result.recommended is False
    assert proposal.status == Status.NOT_RECOMMENDED


def test_abstentions_do_not_count_towards_the_majority():
    proposal, chair = review([(R, 4), (R, 4), (N, 4), (A, None), (A, None), (A, None)])
    result = close(proposal, chair)
    assert (result.recommend, result.not_recommend, result.abstain) == (2, 1, 3)
    assert result.recommended is True


class TestTie:
    def test_a_tie_needs_the_casting_decision_with_a_reason(self):
        proposal, chair = review([(R, 5), (R, 5), (N, 2), (N, 2)])
        assert tally_for(proposal).is_tie
        with pytest.raises(ProposalError, match="tied"):
            close(proposal, chair)
        with pytest.raises(ProposalError, match="reason"):
            close(proposal, chair, casting_vote=R, casting_reason="  ")
        proposal.refresh_from_db()
        assert proposal.status == Status.UNDER_REVIEW
        assert not ReviewResult.objects.filter(proposal=proposal).exists()

    @pytest.mark.parametrize(
        ("casting", "status"), [(R, Status.RECOMMENDED), (N, Status.NOT_RECOMMENDED)]
    )
    def test_the_casting_decision_settles_it(self, casting, status):
        proposal, chair = review([(R, 5), (N, 1), (A, None)])
        reason = "地域の要望が強いことを重視した" if casting == R else "実施体制に不安が残る"
        result = close(proposal, chair, casting_vote=casting, casting_reason=reason)
        assert (result.casting_vote, result.casting_reason) == (casting, reason)
        assert proposal.status == status
        event = history(proposal)[-1]
        assert (event.action, event.reason, event.actor) == (
            "proposal.review_closed", reason, chair,
        )

    def test_a_casting_vote_is_ignored_when_there_is_no_tie(self):
        proposal, chair = review([(R, 5), (R, 5), (N, 1)])
        result = close(proposal, chair, casting_vote=N, casting_reason="使われない")
        assert (result.casting_vote, result.casting_reason, result.recommended) == ("", "", True)


class TestQuorum:
    @pytest.mark.parametrize(
        ("share", "eligible", "needed"),
        [("0.5", 26, 13), ("0.5", 25, 13), ("0.5", 7, 4), ("0.34", 3, 2), ("1", 26, 26),
         ("0.667", 10, 7), ("0", 10, 1), ("0.5", 0, 1)],
    )
    def test_quorum_is_the_share_of_eligible_members_rounded_up(self, share, eligible, needed):
        assert quorum_for(share=Decimal(share), eligible=eligible) == needed

    def test_closing_without_quorum_is_refused(self):
        # The chair (who does not ballot) + 3 voters + 3 silent members = 7 sitting: quorum 4.
        proposal, chair = review([(R, 5), (R, 5), (R, 5)], extra_members=3)
        tally = tally_for(proposal)
        assert (tally.eligible_members, tally.quorum_needed, tally.has_quorum) == (7, 4, False)
        with pytest.raises(ProposalError, match="quorum"):
            close(proposal, chair)
        proposal.refresh_from_db()
        assert proposal.status == Status.UNDER_REVIEW
        # A newly seated member abstains: 8 eligible, still 4 needed, 4 cast.
        actions.cast_ballot(actor=members(1)[0], proposal=proposal, vote=A, scores={})
        assert close(proposal, chair).recommended is True

    def test_the_call_quorum_share_is_used(self):
        call = CallFactory(quorum=Decimal("0.75"))
        proposal, chair = review([(R, 5), (R, 5)], extra_members=1, call=call)
        # 1 chair + 2 voters + 1 silent = 4 eligible; 0.75 * 4 = 3 ballots needed.
        assert tally_for(proposal).quorum_needed == 3
        with pytest.raises(ProposalError, match="quorum"):
            close(proposal, chair)


def test_spread_per_criterion_on_a_known_example():
    proposal, _chair = review([(R, 1), (R, 3), (N, 5), (A, None)])
    criterion = Criterion.objects.filter(call_id=proposal.call_id).first()
    spread = tally_for(proposal).spreads[criterion.pk]
    assert (spread.count, spread.minimum, spread.maximum) == (3, 1, 5)
    assert spread.mean == pytest.approx(3.0)
    assert spread.stdev == pytest.approx(math.sqrt(8 / 3))  # population stdev of 1, 3, 5


def test_agreement_has_zero_spread():
    proposal, _chair = review([(R, 4), (R, 4), (R, 4)])
    assert {s.stdev for s in tally_for(proposal).spreads.values()} == {0.0}


def test_weights_are_respected():
    call = CallFactory(criteria=["公益性", "独創性"])
    Criterion.objects.filter(call=call, name="公益性").update(weight=Decimal("3"))
    proposal = proposal_in(Status.UNDER_REVIEW, call=call)
    public, original = (Criterion.objects.get(call=call, name=n) for n in ("公益性", "独創性"))
    for user in members(2):
        actions.cast_ballot(actor=user, proposal=proposal, vote=R,
                            scores={public.pk: 5, original.pk: 0})
    # (5*3 + 0*1) / (5*3 + 5*1) = 0.75, where the unweighted mean would be 0.5.
    assert tally_for(proposal).weighted_score == Decimal("0.7500")


def test_many_proposals_are_tallied_with_a_fixed_number_of_queries(django_assert_num_queries):
    few = [review([(R, 4), (N, 2)])[0] for _ in range(2)]
    many = few + [proposal_in(Status.UNDER_REVIEW) for _ in range(6)]
    model = type(few[0])
    for proposal_list in (few, many):
        ids = [p.pk for p in proposal_list]
        with_calls = list(model.objects.filter(pk__in=ids).select_related("call"))
        with django_assert_num_queries(3):
            tallies(with_calls)
        listed = list(model.objects.filter(pk__in=ids))
        with django_assert_num_queries(4):  # one more for the calls' quorums
            tallies(listed)


# Property: the database's weighted score equals a direct Python computation.
WEIGHTS = [Decimal("1"), Decimal("2"), Decimal("0.5"), Decimal("3"), Decimal("1.25")]
MAX_SCORES = [5, 5, 10, 3, 5]


@pytest.fixture
def scored_proposal():
    call = CallFactory(criteria=[f"基準{i}" for i in range(len(WEIGHTS))])
    for criterion, weight, top in zip(
        Criterion.objects.filter(call=call), WEIGHTS, MAX_SCORES, strict=True
    ):
        criterion.weight, criterion.max_score = weight, top
        criterion.save()
    proposal = ProposalFactory(call=call)
    voters = members(6)
    return proposal, list(Criterion.objects.filter(call=call)), voters


ballot_strategy = st.lists(
    st.tuples(
        st.sampled_from([R, N, A]),
        st.lists(st.integers(min_value=0, max_value=1), min_size=5, max_size=5),  # share 0..1
        st.lists(st.integers(min_value=0, max_value=10), min_size=5, max_size=5),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ballots=ballot_strategy)
def test_weighted_score_matches_a_direct_computation(scored_proposal, ballots):
    proposal, criteria, voters = scored_proposal
    Ballot.objects.filter(proposal=proposal).delete()
    expected_got = expected_best = Decimal(0)
    per_criterion: dict[int, list[int]] = {c.pk: [] for c in criteria}
    for voter, (vote, top_flags, raw) in zip(voters, ballots, strict=False):
        ballot = Ballot.objects.create(proposal=proposal, member=voter.partnership_terms.get(),
                                       vote=vote)
        values = [
            c.max_score if flag else value % (c.max_score + 1)
            for c, flag, value in zip(criteria, top_flags, raw, strict=True)
        ]
        Score.objects.bulk_create(
            Score(ballot=ballot, criterion=c, value=v)
            for c, v in zip(criteria, values, strict=True)
        )
        for c, v in zip(criteria, values, strict=True):
            expected_got += v * c.weight
            expected_best += c.max_score * c.weight
            per_criterion[c.pk].append(v)

    tally = tally_for(proposal)

    expected = (expected_got / expected_best).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    assert Decimal(0) <= tally.weighted_score <= Decimal(1)
    assert tally.weighted_score == expected
    assert tally.ballots == min(len(ballots), len(voters))
    for criterion_id, values in per_criterion.items():
        spread = tally.spreads[criterion_id]
        assert (spread.minimum, spread.maximum) == (min(values), max(values))
        assert spread.stdev == pytest.approx(statistics.pstdev(values), abs=1e-6)


def test_nobody_but_sitting_members_is_counted_as_eligible():
    proposal, _chair = review([(R, 4)])
    UserFactory(roles=[Role.PARTNERSHIP_MEMBER])  # has the role but no seat
    assert tally_for(proposal).eligible_members == 2  # the chair and the one voter
