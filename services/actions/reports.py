"""The annual report: the group writes and submits it, the partner department returns it
with comments or accepts it, which keeps the year's figures.

Every action locks the fiscal year's row first, as the record actions do: a record cannot
be written in a year while its report is being submitted, and a report cannot be accepted
while an import is writing into its year.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from partnership import audit, clock
from partnership.models import User
from proposals.models import MAX_YEN

from .. import notifications
from ..indicators import count_values, frozen_figures
from ..models import AnnualReport, Project, ProjectYear, SettlementLine
from ..transitions import REPORT
from .steps import lock_year, require

MAX_LINES = 30
ITEM_LENGTH = SettlementLine._meta.get_field("item").max_length


def _report_of(row: ProjectYear) -> AnnualReport:
    """The year's report, locked, or a new draft (not saved yet)."""
    report = AnnualReport.objects.select_for_update().filter(year=row).first()
    if report is None:
        return AnnualReport(year=row, status=AnnualReport.Status.DRAFT)
    report.year = row
    return report


def _existing(project: Project, year: int) -> AnnualReport:
    report = _report_of(lock_year(project, year))
    require(report.pk is not None, _("There is no annual report for this year yet."))
    return report


def _clean_lines(lines) -> list[tuple[str, int, int]]:
    cleaned = []
    for item, city_amount, group_amount in lines:
        item = (item or "").strip()
        require(item, _("Name every budget line."))
        require(len(item) <= ITEM_LENGTH,
                _("A budget line's name has at most %(max)s characters.") % {"max": ITEM_LENGTH})
        require(all(isinstance(a, int) and 0 <= a <= MAX_YEN
                    for a in (city_amount, group_amount)),
                _("An amount is a whole number of yen, zero or more."))
        cleaned.append((item, city_amount, group_amount))
    require(len(cleaned) <= MAX_LINES,
            _("A settlement has at most %(max)s budget lines.") % {"max": MAX_LINES})
    return cleaned


def _lines_of(report: AnnualReport) -> list[list]:
    if report.pk is None:
        return []
    return [list(line) for line in report.lines.order_by("position")
            .values_list("item", "city_amount", "group_amount")]


def _status_change(actor, transition, report, before: str, **extra) -> None:
    audit.record(actor=actor, action=transition.event, subject=report, parent=report.project,
                 before={"status": before}, after={"status": report.status},
                 reason=extra.get("reason", ""))
    for kind in transition.notices(report.status):
        notifications.send_report(kind, report)


@transaction.atomic
def write_report(*, actor: User, project: Project, year: int, narrative: str,
                 lines: list[tuple[str, int, int]]) -> AnnualReport:
    """Write (or rewrite) the narrative and the settlement of a draft or returned report."""
    report = _report_of(lock_year(project, year))
    transition = REPORT.authorize(actor, report, "write_report")
    narrative = (narrative or "").strip()
    cleaned = _clean_lines(lines)
    before = {"narrative": report.narrative, "lines": _lines_of(report)}
    after = {"narrative": narrative, "lines": [list(line) for line in cleaned]}
    if report.pk is not None and before == after:
        return report
    report.narrative, report.written_by = narrative, actor
    report.save()
    report.lines.all().delete()
    SettlementLine.objects.bulk_create([
        SettlementLine(report=report, position=position, item=item, city_amount=city,
                       group_amount=group)
        for position, (item, city, group) in enumerate(cleaned, start=1)])
    changed = [name for name in after if before[name] != after[name]]
    audit.record(actor=actor, action=transition.event, subject=report, parent=project,
                 before={n: before[n] for n in changed}, after={n: after[n] for n in changed})
    return report


@transaction.atomic
def submit_report(*, actor: User, project: Project, year: int) -> AnnualReport:
    """Submit the report to the partner department: the year's records are locked."""
    report = _existing(project, year)
    transition = REPORT.authorize(actor, report, "submit_report")
    require(bool(report.narrative), _("Write what the project did this year first."))
    require(report.lines.exists(), _("Give the settlement: at least one budget line."))
    before = report.status
    report.status, report.submitted_at = AnnualReport.Status.SUBMITTED, clock.now()
    report.save(update_fields=["status", "submitted_at"])
    _status_change(actor, transition, report, before)
    return report


@transaction.atomic
def return_report(*, actor: User, project: Project, year: int,
                  comments: str) -> AnnualReport:
    """Return the report with comments: the group may correct its records and the report."""
    report = _existing(project, year)
    transition = REPORT.authorize(actor, report, "return_report")
    comments = (comments or "").strip()
    require(comments, _("Say what the group should change."))
    report.status, report.comments = AnnualReport.Status.RETURNED, comments
    report.decided_by, report.decided_at = actor, clock.now()
    report.save(update_fields=["status", "comments", "decided_by", "decided_at"])
    _status_change(actor, transition, report, AnnualReport.Status.SUBMITTED, reason=comments)
    return report


@transaction.atomic
def accept_report(*, actor: User, project: Project, year: int,
                  comments: str = "") -> AnnualReport:
    """Accept the report: the year's figures are counted once more and kept as they are;
    the year may then be closed."""
    report = _existing(project, year)
    transition = REPORT.authorize(actor, report, "accept_report")
    report.figures = frozen_figures(count_values(years=[year], projects=[project.pk]))
    report.status, report.comments = AnnualReport.Status.ACCEPTED, (comments or "").strip()
    report.decided_by, report.decided_at = actor, clock.now()
    report.save(update_fields=["status", "figures", "comments", "decided_by", "decided_at"])
    _status_change(actor, transition, report, AnnualReport.Status.SUBMITTED,
                   reason=report.comments)
    return report
