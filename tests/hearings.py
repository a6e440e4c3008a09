"""Hearing sessions, slots and questions made through the real actions, for the tests."""

import datetime

from django.utils import timezone

from partnership.roles import Role
from partnership.selectors import sitting_members
from proposals import actions
from proposals.hearings import HearingSession, HearingSlot, SessionStatus, SlotStatus
from proposals.models import Call, Proposal

from .factories import UserFactory
from .lifecycle import chair, group_member, members, vote


def officer():
    return UserFactory(roles=[Role.CITY_OFFICER])


def session_of(call: Call, *, by=None, hour: int = 13, status=SessionStatus.PLANNED,
               days: int = 3) -> HearingSession:
    """A three-hour session `days` from today."""
    by = by or officer()
    day = timezone.localdate() + datetime.timedelta(days=days)
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    session = actions.plan_hearing_session(actor=by, call=call, starts_at=start,
                                           ends_at=start + datetime.timedelta(hours=3),
                                           place="大和市役所 全員協議会室", seats=40)
    if status == SessionStatus.PUBLISHED:
        session = actions.publish_hearing_session(actor=by, session=session)
    return session


def slot_for(proposal: Proposal, session: HearingSession, *, position: int = 1, by=None,
             status=SlotStatus.PROPOSED) -> HearingSlot:
    slot = actions.schedule_hearing_slot(
        actor=by or officer(), session=session, proposal=proposal, position=position,
        starts_at=session.starts_at + datetime.timedelta(minutes=20 * (position - 1)),
        minutes=20)
    if status == SlotStatus.CONFIRMED:
        slot = actions.confirm_hearing_slot(actor=group_member(proposal), slot=slot)
    return slot


def close_the_review(proposal: Proposal) -> Proposal:
    """Recommending ballots up to the quorum, then the chair closes the review."""
    for user in members(max(3, sitting_members().count() + 2)):
        vote(user, proposal)
    actions.close_review(actor=chair(), proposal=proposal)
    proposal.refresh_from_db()
    return proposal


def asked(proposal: Proposal, *, answered: bool = False, by=None):
    question = actions.ask_hearing_question(actor=by or members(1)[0], proposal=proposal,
                                            question="担い手の確保はどうしますか。")
    if answered:
        question = actions.answer_hearing_question(
            actor=group_member(proposal), question=question, answer="会員から募ります。")
    return question
