"""The yearly report's tables, prepared once in Python so the template only loops.

Every figure is formatted once per distinct value (`formatting.Numbers`) and every label
translated once per indicator (`formatting.indicator_labels`), not once per cell; the 14
indicator rows of each project are joined into one escaped fragment (the page has 14 rows
per project, and rendering them node by node was most of the page's time).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape  # what django.utils.html.escape does, without its lazy-string wrapper

from django.utils.safestring import SafeString, mark_safe

from services.indicators import ORGANISERS
from services.models import Indicator, Project

from .formatting import Numbers, indicator_labels
from .selectors import ProjectYear


@dataclass(frozen=True)
class ProjectTables:
    """One project's part of the yearly report, every figure already a string."""

    project: Project
    indicator_rows: SafeString  # <tr> per indicator: label, target, result, result / target
    organisers: list[tuple[str, str, str]]  # (organiser, courses, participants)
    new_members: str
    former_users: str


def indicator_rows(row: ProjectYear, numbers: Numbers, labels: dict[str, str]) -> SafeString:
    """The <tr>s of one project-year: indicator, target, result, result / target."""
    cell = '</td><td class="text-end">'
    parts = []
    for result in row.results:
        key = result.indicator.value
        parts.append(
            f'<tr data-indicator="{key}"><th scope="row">{labels[key]}</th>'
            f'<td class="text-end">{numbers.html(result.target)}{cell}'
            f'{numbers.html(result.value)}{cell}{numbers.percent_html(result.percent)}'
            f'</td></tr>')
    return mark_safe("\n".join(parts))  # noqa: S308 (labels and figures escaped above)


def year_tables(rows: list[ProjectYear], numbers: Numbers) -> list[ProjectTables]:
    labels = {key: escape(label) for key, label in indicator_labels().items()}
    organisers = [(str(organiser.label), courses.value, participants.value)
                  for organiser, courses, participants in ORGANISERS]
    tables = []
    for row in rows:
        values = {result.indicator.value: result.value for result in row.results}
        tables.append(ProjectTables(
            project=row.project,
            indicator_rows=indicator_rows(row, numbers, labels),
            organisers=[(label, numbers(values[courses]), numbers(values[participants]))
                        for label, courses, participants in organisers],
            new_members=numbers(values[Indicator.NEW_MEMBERS.value]),
            former_users=numbers(values[Indicator.NEW_MEMBERS_FORMER_USERS.value]),
        ))
    return tables


def organiser_rows(tables: list[ProjectTables]) -> list[tuple[str, str, str, str]]:
    """(project code on a project's first row, else "", organiser, courses, participants)
    for the courses-by-organiser table, one flat list so the template needs one loop."""
    return [(table.project.code if index == 0 else "", label, courses, participants)
            for table in tables
            for index, (label, courses, participants) in enumerate(table.organisers)]


def totals_rows(totals: dict[str, object], numbers: Numbers) -> list[tuple[str, str]]:
    """(label, formatted total) per indicator, in the order of `totals`."""
    labels = indicator_labels()
    return [(labels[key], numbers(value)) for key, value in totals.items()]
