"""What the hearing and the review leave on record: the partnership's questions with the
group's answers (public with the proposal once its review closes), each member's own notes
(shown only on that member's ballot page), and the members' deliberation thread."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from partnership import audit, clock
from partnership.models import User

from .. import hearing_notices
from ..deliberation import DeliberationMessage
from ..hearing_transitions import QUESTION
from ..hearings import HearingNote, HearingQuestion, QuestionStatus
from ..models import Proposal
from .steps import authorize, lock, require

# Long enough for a page of notes; longer is a paste gone wrong.
MAX_TEXT = 4000


def _text(value: str, message) -> str:
    value = value.strip()
    require(bool(value), message)
    require(len(value) <= MAX_TEXT, _("At most %(n)s characters.") % {"n": MAX_TEXT})
    return value


@transaction.atomic
def ask_hearing_question(*, actor: User, proposal: Proposal, question: str) -> HearingQuestion:
    """A member records a question the partnership asked; the group is asked to answer."""
    proposal = lock(proposal)
    transition = authorize(actor, proposal, "ask_question")
    asked = HearingQuestion.objects.create(
        proposal=proposal, asked_by=actor,
        question=_text(question, _("Write the question.")))
    audit.record(actor=actor, action=transition.event, subject=asked, parent=proposal,
                 after=audit.values_of(asked, ("question", "status")))
    for kind in transition.notices(None):
        hearing_notices.send(kind, proposal)
    return asked


@transaction.atomic
def answer_hearing_question(*, actor: User, question: HearingQuestion,
                            answer: str) -> HearingQuestion:
    question = HearingQuestion.objects.select_for_update().select_related("proposal").get(
        pk=question.pk)
    transition = QUESTION.authorize(actor, question, "answer")
    question.answer = _text(answer, _("Write the group's answer."))
    question.status, question.answered_by, question.answered_at = (
        QuestionStatus.ANSWERED, actor, clock.now())
    question.save(update_fields=["answer", "status", "answered_by", "answered_at"])
    audit.record(actor=actor, action=transition.event, subject=question,
                 parent=question.proposal, before={"status": QuestionStatus.ASKED},
                 after=audit.values_of(question, ("status", "answer")))
    return question


@transaction.atomic
def save_hearing_note(*, actor: User, proposal: Proposal, text: str) -> HearingNote:
    """Write or rewrite one's own notes on a proposal's hearing."""
    proposal = lock(proposal)
    transition = authorize(actor, proposal, "write_hearing_note")
    text = _text(text, _("Write your notes."))
    note = HearingNote.objects.select_for_update().filter(proposal=proposal,
                                                          author=actor).first()
    # The notes are the member's alone: the log says that they changed, not what they say.
    before = {"characters": len(note.text)} if note else None
    if note is None:
        note = HearingNote.objects.create(proposal=proposal, author=actor, text=text)
    else:
        note.text, note.updated_at = text, clock.now()
        note.save(update_fields=["text", "updated_at"])
    audit.record(actor=actor, action=transition.event, subject=note, parent=proposal,
                 before=before, after={"characters": len(text)})
    return note


@transaction.atomic
def post_deliberation(*, actor: User, proposal: Proposal, text: str) -> DeliberationMessage:
    """A member's message in the partnership's thread on a proposal under review."""
    proposal = lock(proposal)
    transition = authorize(actor, proposal, "deliberate")
    message = DeliberationMessage.objects.create(
        proposal=proposal, author=actor, text=_text(text, _("Write your message.")))
    audit.record(actor=actor, action=transition.event, subject=message, parent=proposal,
                 after={"text": message.text})
    return message
