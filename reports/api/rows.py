"""What the open data publishes, as plain dicts: one or two queries per list, whatever
its length. Only submitted proposals (`Proposal.is_public`) and their public history;
groups and departments by name, people never."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q

from partnership.models import AuditEntry
from proposals.models import RECOMMENDED_STATUSES, Call, Decision, Proposal, Status
from services.models import Agreement, Project, Renewal

# Published name -> the lookup it is read from.
CALL = {"id": "id", "fiscal_year": "fiscal_year", "title": "title",
        "description": "description", "opens_at": "opens_at", "closes_at": "closes_at",
        "submitted": "submitted", "recommended": "recommended", "chosen": "chosen"}
PROPOSAL = {"id": "id", "call": "call_id", "fiscal_year": "call__fiscal_year",
            "title": "title", "summary": "summary", "group": "group__name",
            "status": "status", "submitted_at": "submitted_at"}
HISTORY = ("proposal", "status", "at", "reason")
DECISION = {"proposal": "proposal_id", "fiscal_year": "proposal__call__fiscal_year",
            "title": "proposal__title", "group": "proposal__group__name",
            "outcome": "outcome", "reason": "reason", "decided_at": "decided_at"}
PROJECT = {"code": "code", "title": "title", "group": "group__name",
           "department": "department__name", "proposal": "proposal_id",
           "call_year": "proposal__call__fiscal_year", "starts_on": "starts_on",
           "ends_on": "ends_on", "agreement_date": "agreement_date"}

# Versions confirmed by both sides (drafts are the two sides' business until then); who
# confirmed is left out: the parties are the group and the department.
AGREEMENT = {"project": "project__code", "version": "version", "status": "status",
             "reason": "reason", "starts_on": "starts_on", "ends_on": "ends_on",
             "group_role": "group_role", "city_role": "city_role",
             "city_contribution": "city_contribution", "group_share": "group_share",
             "indicators": "indicators", "reporting": "reporting",
             "group_confirmed_at": "group_confirmed_at",
             "department_confirmed_at": "department_confirmed_at"}

# The mayor's office's renewal decisions, with their reasons (who decided is left out).
RENEWAL = {"project": "project__code", "fiscal_year": "fiscal_year", "outcome": "outcome",
           "previous_end": "previous_end", "ends_on": "ends_on", "reasons": "reasons",
           "decided_at": "decided_at"}


def _dicts(queryset, fields: dict[str, str]) -> list[dict]:
    names = list(fields)
    return [dict(zip(names, row, strict=True))
            for row in queryset.values_list(*fields.values())]


def calls() -> list[dict]:
    """Every call, newest first, with its funnel (one query)."""
    return _dicts(
        Call.objects.order_by("-fiscal_year", "-opens_at", "-id").annotate(
            submitted=Count("proposals", filter=Q(proposals__submitted_at__isnull=False)),
            recommended=Count("proposals",
                              filter=Q(proposals__status__in=RECOMMENDED_STATUSES)),
            chosen=Count("proposals", filter=Q(proposals__status=Status.CHOSEN)),
        ), CALL)


def _public_proposals(year: int):
    return Proposal.objects.filter(call__fiscal_year=year, submitted_at__isnull=False)


def proposals(year: int) -> list[dict]:
    """The public proposals of fiscal `year`'s calls in submission order, with no
    history (one query)."""
    return _dicts(_public_proposals(year).order_by("submitted_at", "id"), PROPOSAL)


def history(year: int) -> list[dict]:
    """Every change of status of those proposals since their submission, oldest first
    (one query): the state reached and the reason given, not who acted."""
    entries = (
        AuditEntry.objects.filter(
            subject_type=ContentType.objects.get_for_model(Proposal),
            subject_id__in=_public_proposals(year).values("pk"), public=True,
        ).exclude(action="proposal.created").order_by("created_at", "id")
        .values_list("subject_id", "after", "created_at", "reason")
    )
    return [dict(zip(HISTORY, (subject, (after or {}).get("status", ""), at, reason),
                     strict=True))
            for subject, after, at, reason in entries]


def proposals_with_history(year: int) -> list[dict]:
    """`proposals` with each one's `history` (two queries)."""
    found = proposals(year)
    by_id = {row["id"]: row for row in found}
    for row in found:
        row["history"] = []
    for change in history(year):
        row = by_id.get(change["proposal"])
        if row is not None:
            row["history"].append({k: v for k, v in change.items() if k != "proposal"})
    return found


def decisions(year: int) -> list[dict]:
    """The mayor's office's decisions on fiscal `year`'s proposals, with their reasons
    (one query)."""
    return _dicts(Decision.objects.filter(proposal__call__fiscal_year=year)
                  .order_by("decided_at", "id"), DECISION)


def projects() -> list[dict]:
    """Every project, by code (one query)."""
    return _dicts(Project.objects.order_by("code"), PROJECT)


def agreements() -> list[dict]:
    """Every agreed version of every project's agreement, by project and version (one
    query)."""
    return _dicts(Agreement.objects.exclude(status=Agreement.Status.DRAFT)
                  .order_by("project__code", "version"), AGREEMENT)


def projects_with_agreements() -> list[dict]:
    """`projects`, each with its agreed `agreements` and its `renewals` (three queries)."""
    found = projects()
    by_code = {row["code"]: row for row in found}
    for row in found:
        row["agreements"], row["renewals"] = [], []
    for agreement in agreements():
        by_code[agreement["project"]]["agreements"].append(
            {k: v for k, v in agreement.items() if k != "project"})
    for renewal in _dicts(Renewal.objects.order_by("project__code", "fiscal_year"), RENEWAL):
        by_code[renewal["project"]]["renewals"].append(
            {k: v for k, v in renewal.items() if k != "project"})
    return found
