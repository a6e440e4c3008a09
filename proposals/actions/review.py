"""The partnership's review: open, ballots, conflicts of interest, and the chair closing
the review."""

from collections.abc import Mapping

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from partnership import audit, clock
from partnership.models import User
from partnership.selectors import sitting_term

from ..hearings import HearingSlot, SlotStatus
from ..models import (
    Ballot,
    Call,
    ConflictDeclaration,
    Criterion,
    Proposal,
    ReviewResult,
    Score,
    Status,
    Vote,
)
from ..tally import tally_for
from .steps import authorize, lock, move, require


def heard(proposal: Proposal) -> bool:
    """Whether the group presented: its slot was confirmed and its time has come."""
    return HearingSlot.objects.filter(proposal=proposal, status=SlotStatus.CONFIRMED,
                                      starts_at__lte=clock.now()).exists()


@transaction.atomic
def open_review(*, actor: User, proposal: Proposal) -> Proposal:
    proposal = lock(proposal)
    transition = authorize(actor, proposal, "open_review")
    if proposal.call.hearing_required:
        require(heard(proposal), _("This call requires the hearing before the review: the "
                                   "group's confirmed slot must have begun."))
    Call.objects.filter(pk=proposal.call_id, frozen_at__isnull=True).update(frozen_at=clock.now())
    move(proposal, transition, actor=actor, to=Status.UNDER_REVIEW)
    return proposal


def _ballot_values(ballot: Ballot) -> dict:
    return {"vote": ballot.vote, "comment": ballot.comment,
            "scores": {str(s.criterion_id): s.value for s in ballot.scores.all()}}


@transaction.atomic
def declare_conflict(*, actor: User, proposal: Proposal, reason: str) -> ConflictDeclaration:
    """A member declares a conflict of interest; a ballot they cast is withdrawn."""
    proposal = lock(proposal)
    transition = authorize(actor, proposal, "declare_conflict")
    require(bool(reason.strip()), _("Say what the conflict of interest is."))
    term = sitting_term(user=actor)
    declaration, created = ConflictDeclaration.objects.get_or_create(
        proposal=proposal, member=term, defaults={"reason": reason.strip()})
    if created:
        audit.record(actor=actor, action=transition.event, subject=declaration,
                     parent=proposal, after={"reason": declaration.reason})
    ballot = Ballot.objects.filter(proposal=proposal, member=term).first()
    if ballot is not None:
        audit.record(actor=actor, action="ballot.withdrawn", subject=ballot, parent=proposal,
                     before=_ballot_values(ballot), reason=_("Conflict of interest declared"))
        ballot.delete()
    return declaration


@transaction.atomic
def cast_ballot(*, actor: User, proposal: Proposal, vote: str,
                scores: Mapping[int, int], comment: str = "") -> Ballot:
    """Cast or change the actor's ballot. Scores map criterion id to a score."""
    proposal = lock(proposal)
    transition = authorize(actor, proposal, "cast_ballot")
    term = sitting_term(user=actor)
    require(vote in Vote.values, _("Choose recommend, do not recommend or abstain."))
    criteria = {c.pk: c for c in Criterion.objects.filter(call_id=proposal.call_id)}
    if vote != Vote.ABSTAIN:
        require(set(scores) == set(criteria), _("Give a score for every criterion."))
    require(set(scores) <= set(criteria), _("A score is for a criterion of another call."))
    for criterion_id, value in scores.items():
        maximum = criteria[criterion_id].max_score
        require(
            isinstance(value, int) and 0 <= value <= maximum,
            _("Scores for %(name)s go from 0 to %(max)s.")
            % {"name": criteria[criterion_id].name, "max": maximum},
        )
    ballot = Ballot.objects.filter(proposal=proposal, member=term).first()
    before = _ballot_values(ballot) if ballot is not None else None
    if ballot is None:
        ballot = Ballot.objects.create(proposal=proposal, member=term, vote=vote,
                                       comment=comment.strip())
    else:
        ballot.vote, ballot.comment = vote, comment.strip()
        ballot.save(update_fields=["vote", "comment", "updated_at"])
        ballot.scores.all().delete()
    Score.objects.bulk_create(
        Score(ballot=ballot, criterion_id=cid, value=value) for cid, value in scores.items()
    )
    after = {"vote": vote, "comment": ballot.comment,
             "scores": {str(cid): value for cid, value in scores.items()}}
    audit.record(actor=actor, action="ballot.changed" if before else transition.event,
                 subject=ballot, parent=proposal, before=before, after=after)
    return ballot


@transaction.atomic
def close_review(*, actor: User, proposal: Proposal, casting_vote: str = "",
                 casting_reason: str = "") -> ReviewResult:
    """Close the review: recommended when recommend votes are a majority of the
    non-abstaining ballots and the weighted mean score reaches the call's threshold;
    a tie is settled by the chair's casting decision, which needs a reason."""
    proposal = lock(proposal)
    transition = authorize(actor, proposal, "close_review")
    tally = tally_for(proposal)
    outcome = tally.outcome(proposal.call.threshold)
    require(
        outcome != "no_quorum",
        _("%(ballots)s of the %(needed)s ballots needed for a quorum have been cast.")
        % {"ballots": tally.ballots, "needed": tally.quorum_needed},
    )
    if outcome == "tie":
        require(casting_vote in (Vote.RECOMMEND, Vote.NOT_RECOMMEND),
                _("The vote is tied: record your casting decision."))
        require(bool(casting_reason.strip()), _("Give the reason for the casting decision."))
        recommended = casting_vote == Vote.RECOMMEND
    else:
        casting_vote, casting_reason = "", ""
        recommended = outcome == "recommended"
    result = ReviewResult.objects.create(
        proposal=proposal, recommend=tally.recommend, not_recommend=tally.not_recommend,
        abstain=tally.abstain, eligible_members=tally.eligible_members,
        quorum_needed=tally.quorum_needed, weighted_score=tally.weighted_score,
        threshold=proposal.call.threshold, casting_vote=casting_vote,
        casting_reason=casting_reason.strip(), recommended=recommended, closed_by=actor,
    )
    counts = audit.values_of(result, ("recommend", "not_recommend", "abstain",
                                      "eligible_members", "quorum_needed", "weighted_score",
                                      "threshold", "casting_vote"))
    move(proposal, transition, actor=actor,
         to=Status.RECOMMENDED if recommended else Status.NOT_RECOMMENDED,
         reason=casting_reason.strip(), after={"result": counts})
    return result
