"""The public hearing (公開プレゼンテーション): an officer plans a session, gives eligible
proposals their slots and publishes it; the group confirms its slot. Each step locks its row,
authorises through the hearing's tables (`proposals.hearing_transitions`) and writes the
audit log; the group is told of a slot to confirm."""

import datetime

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from partnership import audit, clock
from partnership.lifecycle import forget_cached_answers
from partnership.models import User

from .. import hearing_notices
from ..hearing_transitions import SESSION, SLOT
from ..hearings import (
    MAX_MINUTES,
    MAX_SEATS,
    MIN_MINUTES,
    HearingSession,
    HearingSlot,
    SessionStatus,
    SlotStatus,
)
from ..models import Call, Proposal, Status
from .steps import require

SESSION_FIELDS = ("call", "starts_at", "ends_at", "place", "seats", "status")
SLOT_FIELDS = ("session", "proposal", "position", "starts_at", "minutes", "status")


# A call's review may run on after its deadline, but not for years.
HEARINGS_AFTER_CLOSING = datetime.timedelta(days=366)


def _within_the_call(call: Call, moment: datetime.datetime) -> bool:
    """Not before the call opens, nor more than a year after it closes."""
    return call.opens_at <= moment <= call.closes_at + HEARINGS_AFTER_CLOSING


@transaction.atomic
def plan_hearing_session(*, actor: User, call: Call, starts_at: datetime.datetime,
                         ends_at: datetime.datetime, place: str, seats: int) -> HearingSession:
    forget_cached_answers(actor)
    require(actor.has_perm("proposals.manage_hearings"), _("Only city officers plan the "
                                                           "hearings."))
    place = place.strip()
    require(bool(place), _("Say where the hearing takes place."))
    require(ends_at > starts_at, _("The session must end after it starts."))
    require(0 <= seats <= MAX_SEATS, _("A session offers at most %(n)s public seats.")
            % {"n": MAX_SEATS})
    require(_within_the_call(call, starts_at) and _within_the_call(call, ends_at),
            _("A hearing takes place after the call opens and within a year of its closing."))
    session = HearingSession.objects.create(call=call, starts_at=starts_at, ends_at=ends_at,
                                            place=place, seats=seats, planned_by=actor)
    audit.record(actor=actor, action="hearing.planned", subject=session,
                 after=audit.values_of(session, SESSION_FIELDS))
    return session


@transaction.atomic
def schedule_hearing_slot(*, actor: User, session: HearingSession, proposal: Proposal,
                          position: int, starts_at: datetime.datetime,
                          minutes: int) -> HearingSlot:
    """Give an eligible proposal (or one under review) of the session's call its turn."""
    session = HearingSession.objects.select_for_update().get(pk=session.pk)
    transition = SESSION.authorize(actor, session, "schedule_slot")
    proposal = Proposal.objects.select_for_update().select_related("call", "group").get(
        pk=proposal.pk)
    require(proposal.call_id == session.call_id,
            _("The proposal belongs to another call."))
    require(proposal.status in (Status.ELIGIBLE, Status.UNDER_REVIEW),
            _("Only eligible proposals and proposals under review are heard."))
    require(not HearingSlot.objects.filter(proposal=proposal).exists(),
            _("This proposal already has a slot."))
    require(MIN_MINUTES <= minutes <= MAX_MINUTES,
            _("A slot lasts %(low)s to %(high)s minutes.") % {"low": MIN_MINUTES,
                                                              "high": MAX_MINUTES})
    ends_at = starts_at + datetime.timedelta(minutes=minutes)
    require(session.starts_at <= starts_at and ends_at <= session.ends_at,
            _("The slot must fit within the session's hours."))
    others = list(session.slots.all())
    require(position >= 1 and all(slot.position != position for slot in others),
            _("Another proposal already has this place in the order."))
    require(all(ends_at <= slot.starts_at
                or starts_at >= slot.starts_at + datetime.timedelta(minutes=slot.minutes)
                for slot in others), _("The slot overlaps another proposal's slot."))
    slot = HearingSlot.objects.create(session=session, proposal=proposal, position=position,
                                      starts_at=starts_at, minutes=minutes)
    audit.record(actor=actor, action=transition.event, subject=slot, parent=proposal,
                 after=audit.values_of(slot, SLOT_FIELDS))
    for kind in transition.notices(None):
        hearing_notices.send(kind, proposal, starts_at=starts_at, place=session.place)
    return slot


@transaction.atomic
def publish_hearing_session(*, actor: User, session: HearingSession) -> HearingSession:
    """The session and its slots go on the call's public page."""
    session = HearingSession.objects.select_for_update().get(pk=session.pk)
    transition = SESSION.authorize(actor, session, "publish")
    session.status, session.published_at = SessionStatus.PUBLISHED, clock.now()
    session.save(update_fields=["status", "published_at"])
    audit.record(actor=actor, action=transition.event, subject=session,
                 before={"status": SessionStatus.PLANNED},
                 after=audit.values_of(session, ("status", "published_at")))
    return session


@transaction.atomic
def confirm_hearing_slot(*, actor: User, slot: HearingSlot) -> HearingSlot:
    slot = HearingSlot.objects.select_for_update().select_related("proposal").get(pk=slot.pk)
    transition = SLOT.authorize(actor, slot, "confirm")
    slot.status, slot.confirmed_by, slot.confirmed_at = (SlotStatus.CONFIRMED, actor,
                                                         clock.now())
    slot.save(update_fields=["status", "confirmed_by", "confirmed_at"])
    audit.record(actor=actor, action=transition.event, subject=slot, parent=slot.proposal,
                 before={"status": SlotStatus.PROPOSED},
                 after=audit.values_of(slot, ("status", "confirmed_by", "confirmed_at")))
    return slot
