"""Migrations 0004 and 0005: the closed years and the record history of a database made
before them become `ProjectYear` rows and audit rows; nothing is lost."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from partnership import audit
from services.models import ImportBatch, ProjectYear

from .conftest import make_project, officer_of, staff_of

BEFORE = [("services", "0003_project_code_reserved_period_message")]
AT = datetime.datetime(2012, 5, 1, 9, 30, tzinfo=datetime.UTC)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_closures_and_record_changes_move_into_the_years_and_the_audit_log():
    project = make_project()  # fiscal 2010–2012
    staff, officer = staff_of(project), officer_of(project)
    batch = ImportBatch.objects.create(kind="visits", sha256="f" * 64, filename="v.csv", rows=3)
    leaf = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = _migrate(BEFORE)
    try:
        YearClosure = old.get_model("services", "YearClosure")
        RecordChange = old.get_model("services", "RecordChange")
        for year in (2010, 2013):  # 2013: closed before the period was shortened
            YearClosure.objects.create(project_id=project.pk, fiscal_year=year,
                                       closed_by_id=officer.pk)
        YearClosure.objects.update(closed_at=AT)
        common = {"project_id": project.pk, "actor_id": staff.pk}
        RecordChange.objects.create(kind="visits", record_id=7, action="create",
                                    data={"date": "2011-05-01", "users": 3}, **common)
        RecordChange.objects.create(kind="visits", record_id=7, action="update", data={
            "before": {"date": "2011-05-01", "users": 3},
            "after": {"date": "2011-05-01", "users": 4}}, **common)
        RecordChange.objects.create(kind="visits", record_id=7, action="delete",
                                    data={"date": "2011-05-01", "users": 4}, **common)
        RecordChange.objects.create(kind="visits", action="import", project_id=project.pk,
                                    data={"batch": batch.pk, "file": "v.csv", "rows": 3})
        RecordChange.objects.update(at=AT)
    finally:
        _migrate(leaf)

    years = {row.fiscal_year: row for row in ProjectYear.objects.filter(project=project)}
    assert {number: row.status for number, row in years.items()} == {
        2010: "closed", 2011: "open", 2012: "open", 2013: "closed"}
    assert (years[2010].closed_by, years[2010].closed_at) == (officer, AT)
    rows = list(audit.history(project))
    assert [(row.action, row.subject_type.model, row.subject_id, row.actor) for row in rows] == [
        ("record.created", "visit", 7, staff),
        ("record.changed", "visit", 7, staff),
        ("record.deleted", "visit", 7, staff),
        ("records.imported", "importbatch", batch.pk, None),
    ]
    assert [(row.before, row.after) for row in rows] == [
        (None, {"date": "2011-05-01", "users": 3}),
        ({"date": "2011-05-01", "users": 3}, {"date": "2011-05-01", "users": 4}),
        ({"date": "2011-05-01", "users": 4}, None),
        (None, {"kind": "visits", "filename": "v.csv", "rows": 3}),
    ]
    assert {row.created_at for row in rows} == {AT}
    assert rows[0].subject_repr == "visit 2011-05-01"
    assert all(row.parent_id == project.pk for row in rows)
    assert timezone.is_aware(rows[0].created_at)
