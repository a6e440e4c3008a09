"""The yearly report's tables, prepared once in Python so the template only loops.

Every figure is formatted once per distinct value (`formatting.Numbers`) and every label
translated once per indicator (`formatting.indicator_labels`), not once per cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from services.indicators import ORGANISERS
from services.models import Indicator, Project

from .formatting import Numbers, indicator_labels
from .selectors import ProjectYear


class IndicatorRow(NamedTuple):
    """One indicator of a project-year, as the table shows it."""

    key: str
    label: str
    target: str
    result: str
    ratio: str  # result / target


@dataclass(frozen=True)
class ProjectTables:
    """One project's part of the yearly report, every figure already a string."""

    project: Project
    indicator_rows: list[IndicatorRow]
    organisers: list[tuple[str, str, str]]  # (organiser, courses, participants)
    new_members: str
    former_users: str


def indicator_rows(row: ProjectYear, numbers: Numbers,
                   labels: dict[str, str]) -> list[IndicatorRow]:
    """One project-year's indicators: label, target, result, result / target."""
    return [
        IndicatorRow(result.indicator.value, labels[result.indicator.value],
                     numbers(result.target), numbers(result.shown), numbers.percent(result.percent))
        for result in row.results
    ]


def year_tables(rows: list[ProjectYear], numbers: Numbers) -> list[ProjectTables]:
    labels = indicator_labels()
    organisers = [(str(organiser.label), courses.value, participants.value)
                  for organiser, courses, participants in ORGANISERS]
    tables = []
    for row in rows:
        values = {result.indicator.value: result.shown for result in row.results}
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
