"""Public search over calls, proposals and projects: words in their titles (and a call's
English title and description), summaries, groups and departments (by their Japanese or
English name), with filters that combine (fiscal year, status, department, field
of activity). Only what is public is ever found: a
proposal once it was submitted (never a draft), every call and every project.

Each word must appear (in any of the fields); `icontains` finds two-character Japanese
words such as 子育て or 防災 on SQLite and PostgreSQL alike, where a word-splitting full-text
search would need a Japanese tokenizer.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from proposals.models import Call, Proposal
from services.models import Project

FIELDS = {
    "proposals": ("title", "summary", "group__name", "desired_department__name",
                  "desired_department__name_en"),
    "calls": ("title", "title_en", "description", "description_en"),
    "projects": ("title", "code", "group__name", "department__name", "department__name_en"),
}
YEAR = {"proposals": "call__fiscal_year", "calls": "fiscal_year",
        "projects": "proposal__call__fiscal_year"}
DEPARTMENT = {"proposals": "desired_department", "projects": "department"}
# A project's field of activity is its proposal's; a call has none.
ACTIVITY = {"proposals": "field_of_activity", "projects": "proposal__field_of_activity"}


@dataclass(frozen=True)
class Query:
    words: tuple[str, ...] = ()
    year: int | None = None
    status: str = ""
    department_id: int | None = None
    field_of_activity: str = ""


def _base(kind: str) -> QuerySet:
    if kind == "proposals":
        return (Proposal.objects.filter(submitted_at__isnull=False)
                .select_related("call", "group", "desired_department")
                .order_by("-call__fiscal_year", "-submitted_at", "-id"))
    if kind == "calls":
        return Call.objects.order_by("-fiscal_year", "-opens_at", "-id")
    return Project.objects.select_related("group", "department").order_by("-starts_on", "code")


def results(kind: str, query: Query) -> QuerySet:
    """What `query` finds among `kind` ("proposals", "calls" or "projects")."""
    found = _base(kind)
    for word in query.words:
        match = Q()
        for field in FIELDS[kind]:
            match |= Q(**{f"{field}__icontains": word})
        found = found.filter(match)
    if query.year is not None:
        found = found.filter(**{YEAR[kind]: query.year})
    if query.department_id is not None and kind in DEPARTMENT:
        found = found.filter(**{f"{DEPARTMENT[kind]}_id": query.department_id})
    if query.field_of_activity and kind in ACTIVITY:
        found = found.filter(**{ACTIVITY[kind]: query.field_of_activity})
    if query.status and kind == "proposals":
        found = found.filter(status=query.status)
    return found


def counts(query: Query) -> dict[str, int]:
    """How many of each kind the query finds (one query each)."""
    return {kind: results(kind, query).count() for kind in FIELDS}
