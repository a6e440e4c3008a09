"""Importing a parsed file of service records: all rows or none, and the same file once."""

import logging
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from partnership import audit
from partnership.fiscal import fiscal_year_of
from partnership.models import User

from .. import importing, inserting
from ..errors import ServiceError
from ..models import ImportBatch
from ..transitions import RECORDS_IMPORTED
from .steps import authorize, lock_years, require

log = logging.getLogger("portal.services")


def _years_of(rows: Iterable[dict], date_field: str) -> set[tuple[int, int]]:
    """The (project id, fiscal year) pairs of the rows (a file has few distinct dates)."""
    years: dict = {}
    pairs = set()
    for row in rows:
        day = row[date_field]
        year = years.get(day)
        if year is None:
            year = years[day] = fiscal_year_of(day)
        pairs.add((row["project_id"], year))
    return pairs


@transaction.atomic
def import_records(*, actor: User | None, parsed: "importing.ParsedFile") -> ImportBatch:
    """Save a parsed, error-free file. `actor` None is the administrators' command, which
    may import into every project; a person imports only into their group's projects.

    The years written in stay locked until the rows are in: a year closed meanwhile is
    refused, and a year cannot close under an import.
    """
    require(not parsed.errors, _("The file has errors: nothing was imported."))
    require(bool(parsed.rows), _("The file has no records."))
    rows_sha256 = parsed.rows_sha256 or importing.rows_digest(parsed.kind, parsed.rows)
    same = (ImportBatch.objects.filter(kind=parsed.kind.slug, sha256=parsed.sha256)
            | ImportBatch.objects.filter(kind=parsed.kind.slug, rows_sha256=rows_sha256))
    require(not same.exists(), importing.already_imported_message())
    years = lock_years(_years_of(parsed.rows, parsed.kind.date_field))
    for key in sorted(years):
        authorize(actor, years[key], "write_records")
    try:
        with transaction.atomic():
            batch = ImportBatch.objects.create(
                kind=parsed.kind.slug, sha256=parsed.sha256, rows_sha256=rows_sha256,
                filename=parsed.filename[:255],
                rows=len(parsed.rows), imported_by=actor,
            )
    except IntegrityError as error:  # the same file, imported meanwhile
        raise ServiceError(importing.already_imported_message()) from error
    counts = inserting.insert_rows(parsed.kind, parsed.rows, batch=batch, actor=actor)
    projects = {year.project_id: year.project for year in years.values()}
    for project_id, count in sorted(counts.items()):
        audit.record(actor=actor, action=RECORDS_IMPORTED, subject=batch,
                     parent=projects[project_id],
                     after={"kind": batch.kind, "filename": batch.filename, "rows": count})
    log.info("import %s: %s rows of %s", batch.pk, batch.rows, batch.kind)
    return batch

