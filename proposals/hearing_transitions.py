"""The hearing's life cycles (公開プレゼンテーション), written once, in the manner of the
proposal's table: an officer plans a session, gives eligible proposals their slots and
publishes it; each group confirms its slot and answers the partnership's questions. Asking
a question and writing one's notes are steps of the proposal (`proposals.transitions`)."""

import rules
from django.utils.translation import gettext_lazy as _

from partnership.lifecycle import Lifecycle, Transition
from partnership.rules import is_chair, is_city_officer, is_mayors_office, is_partnership_member
from partnership.selectors import member_group_ids

from .errors import ProposalError
from .hearings import (
    HearingQuestion,
    HearingSession,
    HearingSlot,
    QuestionStatus,
    SessionStatus,
    SlotStatus,
)

STATE_MESSAGE = _("This is %(status)s; this is only possible when it is %(allowed)s.")
OFFICERS_ONLY = _("Only city officers plan the hearings.")


@rules.predicate
def is_slot_group(user, slot: HearingSlot | None) -> bool:
    return slot is not None and slot.proposal.group_id in member_group_ids(user)


@rules.predicate
def is_question_group(user, question: HearingQuestion | None) -> bool:
    return question is not None and question.proposal.group_id in member_group_ids(user)


@rules.predicate
def session_is_public(user, session: HearingSession | None) -> bool:
    return session is not None and session.is_public


@rules.predicate
def slot_is_public(user, slot: HearingSlot | None) -> bool:
    return slot is not None and slot.session.is_public


@rules.predicate
def question_is_public(user, question: HearingQuestion | None) -> bool:
    return question is not None and question.proposal.review_closed


SESSION = Lifecycle(
    model=HearingSession, state_field="status", error=ProposalError,
    state_message=STATE_MESSAGE,
    transitions=[
        Transition("schedule_slot", (SessionStatus.PLANNED, SessionStatus.PUBLISHED), (),
                   is_city_officer, "proposals.schedule_hearing_slot", "hearing.slot_scheduled",
                   OFFICERS_ONLY, notify={None: ("hearing_slot_scheduled",)},
                   label=_("Give a proposal a slot")),
        Transition("publish", (SessionStatus.PLANNED,), (SessionStatus.PUBLISHED,),
                   is_city_officer, "proposals.publish_hearing_session", "hearing.published",
                   OFFICERS_ONLY, label=_("Publish")),
    ],
)

SLOT = Lifecycle(
    model=HearingSlot, state_field="status", error=ProposalError, state_message=STATE_MESSAGE,
    transitions=[
        Transition("confirm", (SlotStatus.PROPOSED,), (SlotStatus.CONFIRMED,), is_slot_group,
                   "proposals.confirm_hearing_slot", "hearing_slot.confirmed",
                   _("Only members of the group confirm its slot."), label=_("Confirm")),
    ],
)

QUESTION = Lifecycle(
    model=HearingQuestion, state_field="status", error=ProposalError,
    state_message=STATE_MESSAGE,
    transitions=[
        Transition("answer", (QuestionStatus.ASKED,), (QuestionStatus.ANSWERED,),
                   is_question_group, "proposals.answer_hearing_question",
                   "hearing_question.answered",
                   _("Only members of the group answer the partnership's questions."),
                   label=_("Answer")),
    ],
)

# Those who work on the review read the hearing before it is public.
insiders = is_city_officer | is_partnership_member | is_chair | is_mayors_office

rules.add_perm("proposals.manage_hearings", is_city_officer)
rules.add_perm("proposals.read_hearing_session", is_city_officer | session_is_public)
rules.add_perm("proposals.read_hearing_slot", is_city_officer | is_slot_group | slot_is_public)
rules.add_perm("proposals.read_hearing_question",
               insiders | is_question_group | question_is_public)
