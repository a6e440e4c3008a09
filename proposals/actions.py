"""State changes of the proposal life cycle (DESIGN section 3).

Each action runs in one transaction, locks the proposal row, checks the current
state and the actor, raises `ProposalError` otherwise (changing nothing), writes
an immutable `Event`, and sends its e-mails only after the commit.
"""

import logging
from collections.abc import Mapping

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from partnership.models import CitizenGroup, User
from partnership.selectors import sitting_term

from . import clock, notifications
from .attachments import AttachmentRejected, check_upload, clean_original_name, storage_name
from .errors import ProposalError
from .models import (
    Attachment,
    Ballot,
    Call,
    ConflictDeclaration,
    Criterion,
    Decision,
    Event,
    Proposal,
    ReviewResult,
    Score,
    Status,
    Vote,
)
from .rules import WITHDRAWABLE
from .signals import proposal_chosen
from .tally import tally_for

log = logging.getLogger("portal.proposals")

EDITABLE_FIELDS = (
    "title", "summary", "problem", "group_role", "city_role", "beneficiaries",
    "expected_outcomes", "budget_total", "budget_city_share", "duration_months",
    "desired_department",
)


def _lock(proposal: Proposal) -> Proposal:
    return Proposal.objects.select_for_update().select_related("call", "group").get(pk=proposal.pk)


def _require(condition: bool, message) -> None:
    if not condition:
        raise ProposalError(message)


def _require_status(proposal: Proposal, allowed) -> None:
    allowed = tuple(allowed)
    if proposal.status not in allowed:
        raise ProposalError(
            _("This proposal is %(status)s; this is only possible when it is %(allowed)s.")
            % {
                "status": proposal.get_status_display(),
                "allowed": " / ".join(str(Status(s).label) for s in allowed),
            }
        )


def _move(proposal: Proposal, *, to: Status, action: Event.Action, actor: User,
          reason: str = "", extra_fields: tuple[str, ...] = ()) -> Event:
    from_status = proposal.status
    proposal.status = to
    proposal.save(update_fields=["status", "updated_at", *extra_fields])
    event = Event.objects.create(
        proposal=proposal, action=action, from_status=from_status, to_status=to,
        reason=reason, actor=actor,
    )
    log.info("proposal %s: %s -> %s by %s", proposal.pk, from_status, to, actor.pk)
    notifications.after_commit(notifications.status_changed, event.pk)
    return event


def _is_group_member(user: User, group_id: int) -> bool:
    return user.group_memberships.filter(group_id=group_id).exists()


@transaction.atomic
def create_proposal(*, actor: User, call: Call, group: CitizenGroup, **fields) -> Proposal:
    _require(_is_group_member(actor, group.pk),
             _("Only members of the group can write its proposals."))
    unknown = set(fields) - set(EDITABLE_FIELDS)
    _require(not unknown, _("Unknown proposal fields."))
    proposal = Proposal.objects.create(call=call, group=group, created_by=actor, **fields)
    Event.objects.create(
        proposal=proposal, action=Event.Action.CREATE, from_status="",
        to_status=Status.DRAFT, actor=actor,
    )
    return proposal


@transaction.atomic
def update_draft(*, actor: User, proposal: Proposal, **fields) -> Proposal:
    proposal = _lock(proposal)
    _require(_is_group_member(actor, proposal.group_id),
             _("Only members of the group can change its proposals."))
    _require_status(proposal, [Status.DRAFT])
    unknown = set(fields) - set(EDITABLE_FIELDS)
    _require(not unknown, _("Unknown proposal fields."))
    for name, value in fields.items():
        setattr(proposal, name, value)
    proposal.full_clean(exclude=["call", "group", "created_by"])
    proposal.save()
    return proposal


@transaction.atomic
def submit(*, actor: User, proposal: Proposal) -> Proposal:
    proposal = _lock(proposal)
    _require(_is_group_member(actor, proposal.group_id),
             _("Only members of the group can submit its proposals."))
    _require_status(proposal, [Status.DRAFT])
    _require(proposal.call.is_open(), _("The call is not open for submissions."))
    extra = ()
    if proposal.submitted_at is None:
        proposal.submitted_at = clock.now()
        extra = ("submitted_at",)
    _move(proposal, to=Status.SUBMITTED, action=Event.Action.SUBMIT, actor=actor,
          extra_fields=extra)
    return proposal


@transaction.atomic
def withdraw(*, actor: User, proposal: Proposal, reason: str = "") -> Proposal:
    proposal = _lock(proposal)
    _require(_is_group_member(actor, proposal.group_id),
             _("Only members of the group can withdraw its proposals."))
    _require_status(proposal, WITHDRAWABLE)
    _move(proposal, to=Status.WITHDRAWN, action=Event.Action.WITHDRAW, actor=actor,
          reason=reason.strip())
    return proposal


@transaction.atomic
def mark_ineligible(*, actor: User, proposal: Proposal, reason: str) -> Proposal:
    proposal = _lock(proposal)
    _require(actor.has_perm("proposals.screen_proposals"),
             _("Only city officers screen proposals."))
    _require_status(proposal, [Status.SUBMITTED])
    _require(bool(reason.strip()), _("Give the reason why the proposal is ineligible."))
    _move(proposal, to=Status.INELIGIBLE, action=Event.Action.MARK_INELIGIBLE, actor=actor,
          reason=reason.strip())
    return proposal


@transaction.atomic
def open_review(*, actor: User, proposal: Proposal) -> Proposal:
    proposal = _lock(proposal)
    _require(actor.has_perm("proposals.view_review_board"),
             _("Only the partnership chair opens reviews."))
    _require_status(proposal, [Status.SUBMITTED])
    _move(proposal, to=Status.UNDER_REVIEW, action=Event.Action.OPEN_REVIEW, actor=actor)
    notifications.after_commit(notifications.review_opened, proposal.pk)
    return proposal


@transaction.atomic
def declare_conflict(*, actor: User, proposal: Proposal, reason: str) -> ConflictDeclaration:
    """A member declares a conflict of interest; any ballot they cast is withdrawn."""
    proposal = _lock(proposal)
    term = sitting_term(user=actor)
    _require(term is not None, _("Only sitting partnership members declare conflicts."))
    _require_status(proposal, [Status.SUBMITTED, Status.UNDER_REVIEW])
    _require(bool(reason.strip()), _("Say what the conflict of interest is."))
    declaration, _created = ConflictDeclaration.objects.get_or_create(
        proposal=proposal, member=term, defaults={"reason": reason.strip()}
    )
    Ballot.objects.filter(proposal=proposal, member=term).delete()
    log.info("proposal %s: conflict declared by %s", proposal.pk, actor.pk)
    return declaration


@transaction.atomic
def cast_ballot(*, actor: User, proposal: Proposal, vote: str,
                scores: Mapping[int, int], comment: str = "") -> Ballot:
    """Cast or change the actor's ballot. Scores map criterion id to a score."""
    proposal = _lock(proposal)
    term = sitting_term(user=actor)
    _require(term is not None, _("Only sitting partnership members cast ballots."))
    _require_status(proposal, [Status.UNDER_REVIEW])
    _require(not _is_group_member(actor, proposal.group_id),
             _("You are a member of the proposing group, so you do not vote on this proposal."))
    _require(not ConflictDeclaration.objects.filter(proposal=proposal, member=term).exists(),
             _("You declared a conflict of interest on this proposal."))
    _require(vote in Vote.values, _("Choose recommend, do not recommend or abstain."))
    criteria = {c.pk: c for c in Criterion.objects.filter(call_id=proposal.call_id)}
    if vote != Vote.ABSTAIN:
        _require(set(scores) == set(criteria), _("Give a score for every criterion."))
    _require(set(scores) <= set(criteria), _("A score is for a criterion of another call."))
    for criterion_id, value in scores.items():
        maximum = criteria[criterion_id].max_score
        _require(
            isinstance(value, int) and 0 <= value <= maximum,
            _("Scores for %(name)s go from 0 to %(max)s.")
            % {"name": criteria[criterion_id].name, "max": maximum},
        )
    ballot = Ballot.objects.filter(proposal=proposal, member=term).first()
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
    log.info("proposal %s: ballot by member %s", proposal.pk, term.pk)
    return ballot


@transaction.atomic
def close_review(*, actor: User, proposal: Proposal, casting_vote: str = "",
                 casting_reason: str = "") -> ReviewResult:
    """Close the review: recommended when recommend votes are a majority of the
    non-abstaining ballots and the weighted mean score reaches the call's threshold;
    a tie is settled by the chair's casting decision, which needs a reason."""
    proposal = _lock(proposal)
    _require(actor.has_perm("proposals.view_review_board"),
             _("Only the partnership chair closes reviews."))
    _require_status(proposal, [Status.UNDER_REVIEW])
    tally = tally_for(proposal)
    outcome = tally.outcome(proposal.call.threshold)
    _require(
        outcome != "no_quorum",
        _("%(ballots)s of the %(needed)s ballots needed for a quorum have been cast.")
        % {"ballots": tally.ballots, "needed": tally.quorum_needed},
    )
    if outcome == "tie":
        _require(casting_vote in (Vote.RECOMMEND, Vote.NOT_RECOMMEND),
                 _("The vote is tied: record your casting decision."))
        _require(bool(casting_reason.strip()), _("Give the reason for the casting decision."))
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
    to = Status.RECOMMENDED if recommended else Status.NOT_RECOMMENDED
    _move(proposal, to=to, action=Event.Action.CLOSE_REVIEW, actor=actor,
          reason=casting_reason.strip())
    if recommended:
        notifications.after_commit(notifications.recommended, proposal.pk)
    return result


@transaction.atomic
def decide(*, actor: User, proposal: Proposal, outcome: str, reason: str = "") -> Decision:
    """The mayor's office chooses or declines a recommended proposal (declining needs a reason)."""
    proposal = _lock(proposal)
    _require(actor.has_perm("proposals.view_decision_queue"),
             _("Only the mayor's office decides on proposals."))
    _require_status(proposal, [Status.RECOMMENDED])
    _require(outcome in Decision.Outcome.values, _("Choose or decline the proposal."))
    reason = reason.strip()
    if outcome == Decision.Outcome.DECLINED:
        _require(bool(reason), _("Give the reason for declining."))
    decision = Decision.objects.create(proposal=proposal, outcome=outcome, reason=reason,
                                       decided_by=actor)
    chosen = outcome == Decision.Outcome.CHOSEN
    _move(proposal, to=Status.CHOSEN if chosen else Status.DECLINED,
          action=Event.Action.CHOOSE if chosen else Event.Action.DECLINE,
          actor=actor, reason=reason)
    if chosen:
        proposal_chosen.send(sender=Proposal, proposal=proposal, decision=decision)
    return decision


def add_attachment(*, actor: User, proposal: Proposal, upload) -> Attachment:
    """A group member attaches a PDF, PNG or JPEG (checked by content, <= 10 MB) to a draft.

    The file is written before its row; if the row or the commit then fails, the file is
    deleted again, so a failed upload leaves nothing on disk. (Called inside a caller's
    transaction that rolls back later, the file would stay: no caller does that.)
    """
    written: list[tuple] = []
    try:
        with transaction.atomic():
            attachment = _add_attachment(actor=actor, proposal=proposal, upload=upload,
                                         written=written)
    except BaseException:
        for storage, name in written:
            storage.delete(name)
        raise
    log.info("proposal %s: attachment %s added by %s", proposal.pk, attachment.pk, actor.pk)
    return attachment


def _add_attachment(*, actor: User, proposal: Proposal, upload, written: list) -> Attachment:
    proposal = _lock(proposal)
    _require(_is_group_member(actor, proposal.group_id),
             _("Only members of the group can change its proposals."))
    _require_status(proposal, [Status.DRAFT])
    try:
        file_type = check_upload(upload)
    except AttachmentRejected as error:
        raise ProposalError(error.message) from error
    attachment = Attachment(
        proposal=proposal, original_name=clean_original_name(upload.name),
        content_type=file_type.content_type, size=upload.size, uploaded_by=actor,
    )
    attachment.file.save(storage_name(file_type), upload, save=False)
    written.append((attachment.file.storage, attachment.file.name))
    attachment.save()
    return attachment


@transaction.atomic
def remove_attachment(*, actor: User, attachment: Attachment) -> None:
    """A group member removes an attachment from a draft; the file goes after the commit."""
    proposal = _lock(attachment.proposal)
    _require(_is_group_member(actor, proposal.group_id),
             _("Only members of the group can change its proposals."))
    _require_status(proposal, [Status.DRAFT])
    attachment = Attachment.objects.get(pk=attachment.pk, proposal=proposal)
    attachment_id, storage, name = attachment.pk, attachment.file.storage, attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))
    log.info("proposal %s: attachment %s removed by %s", proposal.pk, attachment_id, actor.pk)
