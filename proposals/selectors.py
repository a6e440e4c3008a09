"""Read queries of the proposals app: querysets and plain data for the pages.

Every function returns a fixed number of queries whatever the number of rows, so
list pages stay at a constant query count.
"""

from dataclasses import dataclass

from django.db.models import Case, CharField, Count, Q, QuerySet, Value, When

from partnership import audit, clock
from partnership.models import AuditEntry, User

from .consultations import Consultation
from .models import (
    RECOMMENDED_STATUSES,
    Attachment,
    Call,
    Criterion,
    Proposal,
    Status,
)
from .tally import tally_for

UPCOMING, OPEN, CLOSED = "upcoming", "open", "closed"


def call_state(call: Call) -> str:
    """Whether the call's submission window is still to come, open, or closed."""
    moment = clock.now()
    if moment < call.opens_at:
        return UPCOMING
    return OPEN if call.is_open(moment) else CLOSED


def calls_with_counts() -> QuerySet[Call]:
    """Calls, newest first, with their state and the number of public, recommended and
    chosen proposals (one query)."""
    moment = clock.now()
    return Call.objects.annotate(
        state=Case(
            When(opens_at__gt=moment, then=Value(UPCOMING)),
            When(closes_at__lte=moment, then=Value(CLOSED)),
            default=Value(OPEN),
            output_field=CharField(),
        ),
        public_count=Count("proposals", filter=Q(proposals__submitted_at__isnull=False)),
        recommended_count=Count(
            "proposals", filter=Q(proposals__status__in=RECOMMENDED_STATUSES)
        ),
        chosen_count=Count("proposals", filter=Q(proposals__status=Status.CHOSEN)),
    ).order_by("-fiscal_year", "-opens_at", "-id")


def open_calls() -> QuerySet[Call]:
    moment = clock.now()
    return Call.objects.filter(opens_at__lte=moment, closes_at__gt=moment).order_by("closes_at")


def any_decided(proposals) -> bool:
    """Whether the mayor's office decided on one of these proposals (already read: no
    query), so that the call year's outcomes have something to show."""
    return any(p.status in (Status.CHOSEN, Status.DECLINED) for p in proposals)


def public_proposals_of(call: Call) -> QuerySet[Proposal]:
    """A call's proposals that the public may see (those ever submitted), in submission order."""
    return (
        Proposal.objects.filter(call=call, submitted_at__isnull=False)
        .select_related("group", "desired_department")
        .order_by("submitted_at", "id")
    )


def proposal_for_page(pk: int) -> Proposal:
    """One proposal with everything its page shows next to it (raises DoesNotExist)."""
    return Proposal.objects.select_related(
        "call", "group", "desired_department", "review_result", "decision",
        "decision__decided_by", "consultation__department",
    ).get(pk=pk)


def history_of(proposal: Proposal, *, with_draft: bool = False) -> QuerySet[AuditEntry]:
    """The public part of the proposal's audit log: its changes of state, oldest first.
    Its time as a draft is the group's own business (`with_draft` for the group)."""
    rows = audit.history(proposal, public_only=True)
    return rows if with_draft else rows.exclude(action="proposal.created")


def attachments_of(proposal: Proposal) -> QuerySet[Attachment]:
    return proposal.attachments.select_related("uploaded_by").order_by("uploaded_at", "id")


@dataclass(frozen=True)
class CriterionMean:
    criterion: Criterion
    mean: float | None
    count: int
    # Lowest, highest and standard deviation: disagreement shown, not hidden in the mean.
    minimum: int | None = None
    maximum: int | None = None
    stdev: float | None = None


def criterion_means(proposal: Proposal) -> list[CriterionMean]:
    """Mean and spread of the scores per criterion of the proposal's call; never who gave
    which score."""
    spreads = tally_for(proposal).spreads
    criteria = Criterion.objects.filter(call_id=proposal.call_id).order_by("position", "id")
    rows = []
    for criterion in criteria:
        spread = spreads.get(criterion.pk)
        if spread is None:
            rows.append(CriterionMean(criterion=criterion, mean=None, count=0))
        else:
            rows.append(CriterionMean(criterion=criterion, mean=spread.mean, count=spread.count,
                                      minimum=spread.minimum, maximum=spread.maximum,
                                      stdev=spread.stdev))
    return rows


def proposals_of_user(user: User) -> QuerySet[Proposal]:
    """Every proposal of the groups the user belongs to, newest first."""
    if not user.is_authenticated:
        return Proposal.objects.none()
    return (
        Proposal.objects.filter(group__memberships__user=user)
        .select_related("call", "group")
        .order_by("-created_at", "-id")
    )


def consultations_for(user: User) -> QuerySet[Consultation]:
    """The consultations of the user's groups and of the departments the user works in,
    those waiting for the department first."""
    if not user.is_authenticated:
        return Consultation.objects.none()
    return (
        Consultation.objects.filter(Q(group__memberships__user=user)
                                    | Q(department__officers=user))
        .select_related("group", "department")
        .distinct()
        .order_by(Case(When(status="open", then=Value(0)), default=Value(1)), "-opened_at",
                  "-id")
    )
