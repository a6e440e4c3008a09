"""Consultation (事前相談): the group opens it, the department answers, the group replies and
attaches it to its draft. Each step locks the row, authorises through the consultation's
table (`proposals.consultation_transitions.CONSULTATION`) and writes the audit log."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from partnership import audit, clock
from partnership.lifecycle import forget_cached_answers
from partnership.models import CitizenGroup, Department, User
from partnership.selectors import member_group_ids

from .. import consultation_notices
from ..consultation_transitions import CONSULTATION
from ..consultations import Consultation, ConsultationStatus
from ..models import Call, Proposal, Status
from .steps import require


def _lock(consultation: Consultation) -> Consultation:
    return Consultation.objects.select_for_update().get(pk=consultation.pk)


def _lock_draft(proposal: Proposal, *, group: CitizenGroup, call: Call) -> Proposal:
    """The group's draft in the call, locked: one consultation goes with it at most."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    require(proposal.group_id == group.pk and proposal.call_id == call.pk
            and proposal.status == Status.DRAFT,
            _("A consultation goes with a draft of the same group and call."))
    require(not Consultation.objects.filter(proposal=proposal).exists(),
            _("This draft already has a consultation."))
    return proposal


def _text(value: str, message) -> str:
    value = value.strip()
    require(bool(value), message)
    return value


@transaction.atomic
def open_consultation(*, actor: User, group: CitizenGroup, call: Call, department: Department,
                      subject: str, question: str,
                      proposal: Proposal | None = None) -> Consultation:
    """A member of `group` asks `department` about an idea for `call`, with or without a
    draft; the department's officers are told."""
    forget_cached_answers(actor)
    require(actor.is_authenticated and group.pk in member_group_ids(actor),
            _("Only members of the group open its consultations."))
    require(clock.now() < call.closes_at, _("The call is closed: consultations for it are "
                                             "over."))
    if proposal is not None:
        proposal = _lock_draft(proposal, group=group, call=call)
    consultation = Consultation.objects.create(
        call=call, group=group, department=department, proposal=proposal, opened_by=actor,
        subject=_text(subject, _("Give the consultation a subject.")),
        question=_text(question, _("Say what the group would like to discuss.")),
    )
    audit.record(actor=actor, action="consultation.opened", subject=consultation,
                 parent=proposal,
                 after=audit.values_of(consultation, ("status", "call", "group", "department",
                                                      "proposal", "subject", "question")))
    consultation_notices.send("consultation_opened", consultation)
    return consultation


@transaction.atomic
def answer_consultation(*, actor: User, consultation: Consultation, fit: str, overlap: str = "",
                        contribution: str = "", concerns: str = "") -> Consultation:
    """The department's view: the fit with its services, any overlap, what the city could
    contribute, its concerns. The fit is needed; the group is told."""
    consultation = _lock(consultation)
    transition = CONSULTATION.authorize(actor, consultation, "answer")
    consultation.fit = _text(fit, _("Say how the idea fits the city's existing services."))
    consultation.overlap, consultation.contribution, consultation.concerns = (
        overlap.strip(), contribution.strip(), concerns.strip())
    consultation.answered_by, consultation.answered_at = actor, clock.now()
    _move(consultation, transition, actor=actor, to=ConsultationStatus.ANSWERED,
          fields=("fit", "overlap", "contribution", "concerns", "answered_by", "answered_at"))
    return consultation


@transaction.atomic
def reply_consultation(*, actor: User, consultation: Consultation, reply: str) -> Consultation:
    consultation = _lock(consultation)
    transition = CONSULTATION.authorize(actor, consultation, "reply")
    consultation.reply = _text(reply, _("Write the group's reply."))
    consultation.replied_at = clock.now()
    _move(consultation, transition, actor=actor, to=ConsultationStatus.REPLIED,
          fields=("reply", "replied_at"))
    return consultation


@transaction.atomic
def link_consultation(*, actor: User, consultation: Consultation,
                      proposal: Proposal) -> Consultation:
    """Attach a consultation opened before the draft existed to the group's draft."""
    consultation = _lock(consultation)
    transition = CONSULTATION.authorize(actor, consultation, "link")
    require(consultation.proposal_id is None,
            _("This consultation already goes with a proposal."))
    consultation.proposal = _lock_draft(proposal, group=consultation.group,
                                        call=consultation.call)
    consultation.save(update_fields=["proposal"])
    audit.record(actor=actor, action=transition.event, subject=consultation,
                 parent=consultation.proposal, before={"proposal": None},
                 after=audit.values_of(consultation, ("proposal",)))
    return consultation


def _move(consultation: Consultation, transition, *, actor: User, to: str,
          fields: tuple[str, ...]) -> None:
    if to not in transition.targets:  # a programming error, never a user's
        raise ValueError(f"{transition.name} does not lead to {to}")
    before = consultation.status
    consultation.status = to
    consultation.save(update_fields=["status", *fields])
    audit.record(actor=actor, action=transition.event, subject=consultation,
                 parent=consultation.proposal, before={"status": before},
                 after={"status": to, **audit.values_of(consultation, fields)})
    for kind in transition.notices(to):
        consultation_notices.send(kind, consultation)
