"""The public hearing of this year's call (公開プレゼンテーション): its calendar, two sessions
(the first published, the second still the city's plan), a slot for each proposal screened
eligible, and the partnership's questions with the groups' answers on the reviews."""

import datetime

from django.utils import timezone

from .. import actions
from ..hearings import HearingSession
from ..models import Call, Proposal
from .roster import Roster

# (place, public seats, start hour, end hour)
SESSIONS = (("大和市保健福祉センター 5階 研修室", 50, 13, 17),
            ("大和市役所 本庁舎5階 全員協議会室", 40, 13, 16))

# title -> (the partnership's question, the group's answer)
QUESTIONS = {
    "災害時要援護者支援ネットワーク事業": (
        "自治会に加入していない世帯の要支援者には、どのように声をかけますか。",
        "民生委員と地域包括支援センターを通じて案内し、名簿の同意を得た方から順に"
        "見守りの対象にします。"),
    "公園の緑化と花壇づくり事業": (
        "3年目以降、市の支給がなくなっても花壇を維持できますか。",
        "公園愛護会として登録し、花苗は会費と地元商店会の協賛でまかなう計画です。"),
}


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def hearing_day(first: datetime.date) -> datetime.date:
    """Two weeks ago, within this fiscal year: the reviews that closed had heard it."""
    return max(first, timezone.localdate() - datetime.timedelta(days=14))


def calendar(call: Call, first: datetime.date, last: datetime.date) -> None:
    """The call's key dates, once: consultations until two months before the deadline."""
    if call.hearing_on is not None:
        return
    call.consultation_opens_on = first
    call.consultation_closes_on = last - datetime.timedelta(days=60)
    call.hearing_on = hearing_day(first)
    call.review_ends_on = call.decision_on = last
    call.full_clean()
    call.save(update_fields=["consultation_opens_on", "consultation_closes_on", "hearing_on",
                             "review_ends_on", "decision_on"])


def sessions(roster: Roster, call: Call, first: datetime.date,
             last: datetime.date) -> list[HearingSession]:
    """The call's two sessions, planned once; the first published."""
    existing = list(call.hearing_sessions.order_by("starts_at"))
    if existing:
        return existing
    days = (hearing_day(first), min(hearing_day(first) + datetime.timedelta(days=28), last))
    planned = [actions.plan_hearing_session(
        actor=roster.officer, call=call, starts_at=_at(day, start), ends_at=_at(day, end),
        place=place, seats=seats)
        for day, (place, seats, start, end) in zip(days, SESSIONS, strict=True)]
    planned[0] = actions.publish_hearing_session(actor=roster.officer, session=planned[0])
    return planned


def slot(roster: Roster, session: HearingSession, proposal: Proposal, *, confirm: bool) -> None:
    """The proposal's turn, after the session's others; the group confirms it unless told."""
    position = session.slots.count() + 1
    made = actions.schedule_hearing_slot(
        actor=roster.officer, session=session, proposal=proposal, position=position,
        starts_at=session.starts_at + datetime.timedelta(minutes=30 * (position - 1)),
        minutes=25)
    if confirm:
        actions.confirm_hearing_slot(actor=proposal.created_by, slot=made)


def questions(roster: Roster, proposal: Proposal) -> None:
    """The chair records the partnership's question; the group answers it."""
    if proposal.title not in QUESTIONS:
        return
    question, answer = QUESTIONS[proposal.title]
    asked = actions.ask_hearing_question(actor=roster.chair, proposal=proposal,
                                         question=question)
    actions.answer_hearing_question(actor=proposal.created_by, question=asked, answer=answer)
