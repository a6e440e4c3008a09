"""The group's own steps: write a draft, change it, attach files, submit, withdraw."""

import logging

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from partnership import audit, clock
from partnership.lifecycle import forget_cached_answers
from partnership.models import CitizenGroup, User
from partnership.selectors import member_group_ids

from ..attachments import AttachmentRejected, check_upload, clean_original_name, storage_name
from ..consultations import Consultation
from ..errors import ProposalError
from ..models import Attachment, Call, Proposal, Status
from .steps import authorize, lock, move, require, validated

log = logging.getLogger("portal.proposals")

EDITABLE_FIELDS = (
    "title", "field_of_activity", "summary", "problem", "group_role", "city_role", "beneficiaries",
    "expected_outcomes", "budget_total", "budget_city_share", "duration_months",
    "desired_department",
)


def _known_fields(fields: dict) -> None:
    require(not set(fields) - set(EDITABLE_FIELDS), _("Unknown proposal fields."))


@transaction.atomic
def create_proposal(*, actor: User, call: Call, group: CitizenGroup, **fields) -> Proposal:
    """A member of `group` writes a draft in `call`; only the group sees it."""
    forget_cached_answers(actor)
    require(actor.is_authenticated and group.pk in member_group_ids(actor),
            _("Only members of the group can write its proposals."))
    _known_fields(fields)
    proposal = Proposal(call=call, group=group, created_by=actor, **fields)
    validated(proposal, exclude=["call", "group", "created_by"])
    proposal.save()
    audit.record(actor=actor, action="proposal.created", subject=proposal,
                 after={"status": proposal.status, **audit.values_of(proposal, fields)},
                 public=True)
    return proposal


@transaction.atomic
def update_draft(*, actor: User, proposal: Proposal, **fields) -> Proposal:
    proposal = lock(proposal)
    transition = authorize(actor, proposal, "edit")
    _known_fields(fields)
    before = audit.values_of(proposal, fields)
    for name, value in fields.items():
        setattr(proposal, name, value)
    validated(proposal, exclude=["call", "group", "created_by"])
    proposal.save()
    after = audit.values_of(proposal, fields)
    changed = [name for name in fields if before[name] != after[name]]
    if changed:
        audit.record(actor=actor, action=transition.event, subject=proposal,
                     before={k: before[k] for k in changed}, after={k: after[k] for k in changed})
    return proposal


@transaction.atomic
def submit(*, actor: User, proposal: Proposal) -> Proposal:
    proposal = lock(proposal)
    transition = authorize(actor, proposal, "submit")
    require(proposal.call.is_open(), _("The call is not open for submissions."))
    require(proposal.group.verified,
            _("The city has not yet checked your group (its members, rules and "
              "representative): the proposal can be submitted once it has."))
    require(not proposal.call.consultation_required
            or Consultation.objects.filter(proposal=proposal).exists(),
            _("This call asks each group to consult the department before submitting: open "
              "a consultation for this draft first."))
    missing = proposal.missing_for_submission()
    require(not missing, _("Fill in these parts before submitting: %(fields)s.")
            % {"fields": pgettext("list separator", ", ").join(str(label) for label in missing)})
    extra = ()
    if proposal.submitted_at is None:  # kept on resubmission: reports count the first
        proposal.submitted_at = clock.now()
        extra = ("submitted_at",)
    move(proposal, transition, actor=actor, to=Status.SUBMITTED, extra_fields=extra)
    return proposal


@transaction.atomic
def withdraw(*, actor: User, proposal: Proposal, reason: str = "") -> Proposal:
    proposal = lock(proposal)
    transition = authorize(actor, proposal, "withdraw")
    move(proposal, transition, actor=actor, to=Status.WITHDRAWN, reason=reason.strip())
    return proposal


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
    proposal = lock(proposal)
    transition = authorize(actor, proposal, "add_attachment")
    try:
        file_type = check_upload(upload)
    except AttachmentRejected as error:
        raise ProposalError(error.message) from error
    attachment = Attachment(
        proposal=proposal, original_name=clean_original_name(upload.name, file_type),
        content_type=file_type.content_type, size=upload.size, uploaded_by=actor,
    )
    attachment.file.save(storage_name(file_type), upload, save=False)
    written.append((attachment.file.storage, attachment.file.name))
    attachment.save()
    audit.record(actor=actor, action=transition.event, subject=attachment, parent=proposal,
                 after=audit.values_of(attachment, ("original_name", "content_type", "size")))
    return attachment


@transaction.atomic
def remove_attachment(*, actor: User, attachment: Attachment) -> None:
    """A group member removes an attachment from a draft; the file goes after the commit."""
    proposal = lock(attachment.proposal)
    transition = authorize(actor, proposal, "remove_attachment")
    attachment = Attachment.objects.get(pk=attachment.pk, proposal=proposal)
    audit.record(actor=actor, action=transition.event, subject=attachment, parent=proposal,
                 before=audit.values_of(attachment, ("original_name", "content_type", "size")))
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))
