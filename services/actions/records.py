"""The group's service records, entered, changed and deleted one by one (imports are in
`imports`). A record is written in the fiscal year of its date, which must be open."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from partnership import audit
from partnership.fiscal import fiscal_year_of
from partnership.models import User

from ..errors import ServiceError
from ..kinds import RecordKind, kind_of
from ..models import Project, Record
from ..periods import record_period
from ..transitions import RECORD_CHANGED, RECORD_DELETED
from .steps import authorize, lock_years, require, validated

# What the form gives; the project, the import and the author are the action's.
SET_BY_ACTION = ["project", "batch", "created_by"]


def record_values(record: Record) -> dict:
    return audit.values_of(record, kind_of(record).fields)


def _known(kind: RecordKind, fields: dict) -> None:
    require(not set(fields) - set(kind.fields), _("Unknown record fields."))


def _within_period(project: Project, days) -> None:
    starts_on, ends_on = record_period(project)
    for day in days:
        require(starts_on <= day <= ends_on,
                _("%(day)s is outside the project's period (%(start)s – %(end)s).")
                % {"day": day, "start": starts_on, "end": ends_on})


def _authorize_years(actor: User, project_id: int, days) -> None:
    years = lock_years({(project_id, fiscal_year_of(day)) for day in days})
    for key in sorted(years):
        authorize(actor, years[key], "write_records")


@transaction.atomic
def create_records(*, actor: User, project: Project, kind: RecordKind,
                   rows: list[dict]) -> list[Record]:
    """Save several records of one kind at once (the fast entry page)."""
    require(bool(rows), _("Fill in at least one row."))
    records = []
    for row in rows:
        _known(kind, row)
        record = kind.model(project=project, created_by=actor, **row)
        validated(record, exclude=SET_BY_ACTION)
        records.append(record)
    days = [record.record_date() for record in records]
    _authorize_years(actor, project.pk, days)
    _within_period(project, days)
    records = kind.model.objects.bulk_create(records)
    for record in records:
        audit.record(actor=actor, action="record.created", subject=record, parent=project,
                     after=record_values(record))
    return records


def _locked(record: Record) -> Record:
    try:
        return (type(record).objects.select_for_update(of=("self",)).select_related("project")
                .get(pk=record.pk))
    except type(record).DoesNotExist as error:
        raise ServiceError(_("This record no longer exists.")) from error


@transaction.atomic
def update_record(*, actor: User, record: Record, **fields) -> Record:
    """Change a record; its fiscal year, and the one a new date moves it to, must be open."""
    _known(kind_of(record), fields)
    # The record first, then its years (all at once): the order every record action keeps.
    record = _locked(record)
    before, old_day = record_values(record), record.record_date()
    for name, value in fields.items():
        setattr(record, name, value)
    validated(record, exclude=SET_BY_ACTION)
    _authorize_years(actor, record.project_id, [old_day, record.record_date()])
    _within_period(record.project, [record.record_date()])
    record.save()
    after = record_values(record)
    changed = [name for name in after if before[name] != after[name]]
    if changed:
        audit.record(actor=actor, action=RECORD_CHANGED, subject=record, parent=record.project,
                     before={name: before[name] for name in changed},
                     after={name: after[name] for name in changed})
    return record


@transaction.atomic
def delete_record(*, actor: User, record: Record) -> None:
    """Delete a record of an open year; the audit log keeps its values."""
    record = _locked(record)
    _authorize_years(actor, record.project_id, [record.record_date()])
    audit.record(actor=actor, action=RECORD_DELETED, subject=record, parent=record.project,
                 before=record_values(record))
    record.delete()
