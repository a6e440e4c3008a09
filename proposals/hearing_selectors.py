"""Read queries of the hearing: a fixed number of queries whatever the number of rows."""

from django.db.models import Prefetch, QuerySet

from .hearings import HearingNote, HearingQuestion, HearingSession, HearingSlot
from .models import Call, Proposal, Status


def sessions_of(call: Call, *, public_only: bool) -> list[HearingSession]:
    """The call's sessions with their slots in order (two queries)."""
    sessions = HearingSession.objects.filter(call=call)
    if public_only:
        sessions = sessions.filter(status="published")
    slots = HearingSlot.objects.select_related("proposal__group").order_by("position")
    return list(sessions.prefetch_related(Prefetch("slots", queryset=slots)))


def unscheduled(call: Call) -> QuerySet[Proposal]:
    """The call's proposals that may be heard and have no slot yet."""
    return Proposal.objects.filter(
        call=call, status__in=(Status.ELIGIBLE, Status.UNDER_REVIEW),
        hearing_slot__isnull=True).order_by("title")


def slot_of(proposal: Proposal) -> HearingSlot | None:
    return HearingSlot.objects.select_related("session", "proposal").filter(
        proposal=proposal).first()


def questions_of(proposal: Proposal) -> list[HearingQuestion]:
    return list(HearingQuestion.objects.filter(proposal=proposal).select_related("proposal"))


def note_of(proposal: Proposal, user) -> HearingNote | None:
    if not user.is_authenticated:
        return None
    return HearingNote.objects.filter(proposal=proposal, author=user).first()
