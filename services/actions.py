"""State changes of projects and their records (DESIGN section 4).

Each action runs in one transaction, checks the actor and the state, raises
`ServiceError` otherwise (changing nothing), and writes the audit history
(`RecordChange`) for every record created, changed, deleted or imported.
"""

import datetime
import logging
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnership.fiscal import fiscal_year_of, next_fiscal_year_start
from partnership.models import Department, User

from . import importing
from .errors import ServiceError
from .kinds import RecordKind, kind_of
from .models import (
    Evaluation,
    ImportBatch,
    Indicator,
    Project,
    Record,
    RecordChange,
    Target,
    YearClosure,
)
from .rules import EVALUATE_PERMS, member_group_ids
from .selectors import closed_years, project_years

log = logging.getLogger("portal.services")

PROJECT_YEARS = 3  # the usual running period, in fiscal years


def _require(condition: bool, message) -> None:
    if not condition:
        raise ServiceError(message)


def _lock(project: Project) -> Project:
    return Project.objects.select_for_update().get(pk=project.pk)


def _json(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def record_data(record: Record) -> dict:
    kind = kind_of(record)
    return {name: _json(getattr(record, name)) for name in kind.fields}


def _require_open(day: datetime.date, closed: set[int]) -> None:
    year = fiscal_year_of(day)
    _require(
        year not in closed,
        _("Fiscal year %(year)s is closed: its records can no longer be changed.")
        % {"year": year},
    )


# Projects ------------------------------------------------------------------------------


def default_code(proposal) -> str:
    return f"p{proposal.call.fiscal_year}-{proposal.pk}"


@transaction.atomic
def create_project_for(*, proposal, decision) -> Project:
    """The project of a chosen proposal: starts on the next 1 April, runs three fiscal years."""
    existing = Project.objects.filter(proposal=proposal).first()
    if existing is not None:
        return existing
    decided_on = timezone.localdate(decision.decided_at)
    starts_on = next_fiscal_year_start(decided_on)
    ends_on = starts_on.replace(year=starts_on.year + PROJECT_YEARS) - datetime.timedelta(days=1)
    code = default_code(proposal)
    suffix = 1
    while Project.objects.filter(code=code).exists():
        suffix += 1
        code = f"{default_code(proposal)}-{suffix}"
    project = Project.objects.create(
        proposal=proposal, code=code, title=proposal.title, group_id=proposal.group_id,
        department_id=proposal.desired_department_id, starts_on=starts_on, ends_on=ends_on,
    )
    log.info("project %s created for proposal %s", project.code, proposal.pk)
    return project


@transaction.atomic
def update_project(*, actor: User, project: Project, code: str,
                   department: Department | None, starts_on: datetime.date,
                   ends_on: datetime.date, agreement_date: datetime.date | None) -> Project:
    _require(actor.has_perm("services.edit_project", project),
             _("Only city officers change a project's details."))
    project = _lock(project)
    project.code, project.department = code, department
    project.starts_on, project.ends_on, project.agreement_date = starts_on, ends_on, agreement_date
    try:  # the reserved codes and the period's order included (the model checks both)
        project.full_clean(exclude=["proposal", "group"])
    except ValidationError as error:
        raise ServiceError("; ".join(error.messages)) from error
    project.save()
    return project


# Records -------------------------------------------------------------------------------


def _require_writer(actor: User, project: Project) -> None:
    _require(actor.has_perm("services.write_records", project),
             _("Only the staff of the operating group record its services."))


@transaction.atomic
def create_records(*, actor: User, project: Project, kind: RecordKind,
                   rows: list[dict]) -> list[Record]:
    """Save several records of one kind at once (the fast entry page)."""
    project = _lock(project)
    _require_writer(actor, project)
    _require(bool(rows), _("Fill in at least one row."))
    closed = closed_years(project)
    records = []
    for row in rows:
        unknown = set(row) - set(kind.fields)
        _require(not unknown, _("Unknown record fields."))
        _require_open(row[kind.date_field], closed)
        records.append(kind.model(project=project, created_by=actor, **row))
    records = kind.model.objects.bulk_create(records)
    RecordChange.objects.bulk_create(
        RecordChange(project=project, kind=kind.slug, record_id=record.pk,
                     action=RecordChange.Action.CREATE, data=record_data(record), actor=actor)
        for record in records
    )
    return records


@transaction.atomic
def update_record(*, actor: User, record: Record, **fields) -> Record:
    kind = kind_of(record)
    project = _lock(record.project)
    _require_writer(actor, project)
    record = kind.model.objects.select_for_update().get(pk=record.pk, project=project)
    unknown = set(fields) - set(kind.fields)
    _require(not unknown, _("Unknown record fields."))
    closed = closed_years(project)
    _require_open(record.record_date(), closed)
    before = record_data(record)
    for name, value in fields.items():
        setattr(record, name, value)
    _require_open(record.record_date(), closed)
    try:
        record.full_clean(exclude=["project", "batch", "created_by"])
    except ValidationError as error:
        raise ServiceError("; ".join(error.messages)) from error
    record.save()
    RecordChange.objects.create(
        project=project, kind=kind.slug, record_id=record.pk, action=RecordChange.Action.UPDATE,
        data={"before": before, "after": record_data(record)}, actor=actor,
    )
    return record


@transaction.atomic
def delete_record(*, actor: User, record: Record) -> None:
    kind = kind_of(record)
    project = _lock(record.project)
    _require_writer(actor, project)
    record = kind.model.objects.select_for_update().get(pk=record.pk, project=project)
    _require_open(record.record_date(), closed_years(project))
    RecordChange.objects.create(
        project=project, kind=kind.slug, record_id=record.pk, action=RecordChange.Action.DELETE,
        data=record_data(record), actor=actor,
    )
    record.delete()


@transaction.atomic
def import_records(*, actor: User | None, parsed: "importing.ParsedFile") -> ImportBatch:
    """Save a parsed, error-free file: all rows or none; the same file only once."""
    _require(not parsed.errors, _("The file has errors: nothing was imported."))
    _require(bool(parsed.rows), _("The file has no records."))
    _require(
        not ImportBatch.objects.filter(kind=parsed.kind.slug, sha256=parsed.sha256).exists(),
        importing.already_imported_message(),
    )
    project_ids = sorted({row["project_id"] for row in parsed.rows})
    if actor is not None:  # the upload page: staff import only their own projects' rows
        groups = set(Project.objects.filter(pk__in=project_ids).values_list("group_id", flat=True))
        _require(groups <= member_group_ids(actor),
                 _("Only the staff of the operating group record its services."))
    closed = set(
        YearClosure.objects.select_for_update().filter(project_id__in=project_ids)
        .values_list("project_id", "fiscal_year")
    )
    date_field = parsed.kind.date_field
    late = [row for row in parsed.rows if (row["project_id"], fiscal_year_of(row[date_field]))
            in closed]
    _require(not late, _("A fiscal year of these records was closed meanwhile."))
    try:
        with transaction.atomic():
            batch = ImportBatch.objects.create(
                kind=parsed.kind.slug, sha256=parsed.sha256, filename=parsed.filename[:255],
                rows=len(parsed.rows), imported_by=actor,
            )
    except IntegrityError as error:
        raise ServiceError(importing.already_imported_message()) from error
    counts = importing.insert_rows(parsed.kind, parsed.rows, batch=batch, actor=actor)
    RecordChange.objects.bulk_create(
        RecordChange(project_id=project_id, kind=parsed.kind.slug,
                     action=RecordChange.Action.IMPORT,
                     data={"batch": batch.pk, "file": batch.filename, "rows": count},
                     actor=actor)
        for project_id, count in sorted(counts.items())
    )
    log.info("import %s: %s rows of %s", batch.pk, batch.rows, batch.kind)
    return batch


# Fiscal years, targets, evaluations ---------------------------------------------------


def _require_project_year(project: Project, year: int) -> None:
    _require(year in project_years(project),
             _("Fiscal year %(year)s is outside the project's period.") % {"year": year})


@transaction.atomic
def close_year(*, actor: User, project: Project, year: int) -> YearClosure:
    project = _lock(project)
    _require(actor.has_perm("services.close_year", project),
             _("Only officers of the partner department close a fiscal year."))
    _require_project_year(project, year)
    _require(not YearClosure.objects.filter(project=project, fiscal_year=year).exists(),
             _("Fiscal year %(year)s is already closed.") % {"year": year})
    return YearClosure.objects.create(project=project, fiscal_year=year, closed_by=actor)


@transaction.atomic
def set_targets(*, actor: User, project: Project, year: int,
                values: dict[str, Decimal | None]) -> list[Target]:
    """Set the year's targets; a changed target needs the department's agreement again."""
    project = _lock(project)
    _require(actor.has_perm("services.set_targets", project),
             _("Only the operating group sets its targets."))
    _require_project_year(project, year)
    _require(set(values) <= set(Indicator.values), _("Unknown indicator."))
    existing = {t.indicator: t for t in Target.objects.filter(project=project, fiscal_year=year)}
    for indicator, value in values.items():
        target = existing.get(indicator)
        if value is None:
            if target is not None:
                target.delete()
            continue
        _require(value >= 0, _("A target cannot be negative."))
        if target is None:
            Target.objects.create(project=project, fiscal_year=year, indicator=indicator,
                                  value=value, set_by=actor)
        elif target.value != value:
            target.value, target.set_by = value, actor
            target.agreed_by, target.agreed_at = None, None
            target.save()
    return list(Target.objects.filter(project=project, fiscal_year=year))


@transaction.atomic
def agree_targets(*, actor: User, project: Project, year: int) -> int:
    """The partner department agrees the year's targets; returns how many were agreed."""
    project = _lock(project)
    _require(actor.has_perm("services.agree_targets", project),
             _("Only officers of the partner department agree targets."))
    _require_project_year(project, year)
    targets = Target.objects.filter(project=project, fiscal_year=year, agreed_at__isnull=True)
    _require(targets.exists(), _("There are no targets waiting for agreement."))
    return targets.update(agreed_by=actor, agreed_at=timezone.now())


@transaction.atomic
def save_evaluation(*, actor: User, project: Project, year: int, evaluator: str,
                    progress: int, division_of_roles: int, satisfaction: int, outcomes: int,
                    comment: str = "") -> Evaluation:
    project = _lock(project)
    _require(evaluator in EVALUATE_PERMS, _("Unknown evaluator."))
    _require(actor.has_perm(EVALUATE_PERMS[evaluator], project),
             _("You cannot write this evaluation."))
    _require_project_year(project, year)
    scores = {"progress": progress, "division_of_roles": division_of_roles,
              "satisfaction": satisfaction, "outcomes": outcomes}
    _require(all(isinstance(v, int) and 1 <= v <= 5 for v in scores.values()),
             _("Scores go from 1 to 5."))
    evaluation, _created = Evaluation.objects.update_or_create(
        project=project, fiscal_year=year, evaluator=evaluator,
        defaults={**scores, "comment": comment.strip(), "author": actor},
    )
    return evaluation
