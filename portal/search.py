"""Public search over calls, proposals and projects: words in their titles (and a call's
English title and description), summaries, groups and departments (by their Japanese or
English name), with filters that combine (fiscal year, status, department, field of
activity). Only what is public is ever found: a proposal once it was submitted (never a
draft), every call and every project.

Each word must appear (in any of the fields); `icontains` finds two-character Japanese
words such as 子育て or 防災 on SQLite and PostgreSQL alike, where a word-splitting full-text
search would need a Japanese tokenizer.

A word is matched in a row's own columns and, through subqueries on their tables, in its
group's and department's names: the filter needs no join. On PostgreSQL, proposals' titles
and summaries have trigram indexes (migration `proposals.0014_search_trigram_indexes`),
which answer a word of three characters or more, but only in a condition on their own
table: such a word's match in a proposal's own columns is itself a subquery on proposals.
A shorter word (防災) has no trigram; it is matched in the one pass over the table (a
subquery would read the table a second time).
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from partnership.models import CitizenGroup, Department
from proposals.models import Call, Proposal
from services.models import Project

MODELS = {"proposals": Proposal, "calls": Call, "projects": Project}
TRIGRAM_INDEXED = {"proposals"}  # kinds whose own fields have trigram indexes
TRIGRAM = 3  # the shortest word a trigram index answers
OWN_FIELDS = {
    "proposals": ("title", "summary"),
    "calls": ("title", "title_en", "description", "description_en"),
    "projects": ("title", "code"),
}
GROUP_NAMES = (CitizenGroup, ("name",))
DEPARTMENT_NAMES = (Department, ("name", "name_en"))
# The related rows whose names find a row: foreign key -> (model, its searched fields).
RELATED = {
    "proposals": {"group": GROUP_NAMES, "desired_department": DEPARTMENT_NAMES},
    "calls": {},
    "projects": {"group": GROUP_NAMES, "department": DEPARTMENT_NAMES},
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


def _any(fields: tuple[str, ...], word: str) -> Q:
    match = Q()
    for field in fields:
        match |= Q(**{f"{field}__icontains": word})
    return match


def _word(kind: str, word: str) -> Q:
    """Rows of `kind` with `word` in their own fields or their related rows' names."""
    match = _any(OWN_FIELDS[kind], word)
    if kind in TRIGRAM_INDEXED and len(word) >= TRIGRAM:
        match = Q(pk__in=MODELS[kind].objects.filter(match).values("pk"))
    for key, (model, fields) in RELATED[kind].items():
        match |= Q(**{f"{key}__in": model.objects.filter(_any(fields, word)).values("pk")})
    return match


def results(kind: str, query: Query) -> QuerySet:
    """What `query` finds among `kind` ("proposals", "calls" or "projects")."""
    found = _base(kind)
    for word in query.words:
        found = found.filter(_word(kind, word))
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
    return {kind: results(kind, query).count() for kind in MODELS}
