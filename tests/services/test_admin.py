"""The services admin's list pages: a constant number of queries, whatever the rows;
the fiscal years are read-only there."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from services.models import ImportBatch, ProjectYear
from tests.factories import UserFactory

from .conftest import make_project

pytestmark = pytest.mark.django_db


def add_rows(model, count: int) -> None:
    if model is ProjectYear:  # each project has one a year, here one
        for index in range(count):
            project = make_project(f"p{ProjectYear.objects.count()}-{index}", years=1)
            ProjectYear.objects.filter(project=project).update(
                status=ProjectYear.Status.CLOSED, closed_by=UserFactory())
        return
    for _ in range(count):
        user = UserFactory()
        ImportBatch.objects.create(kind="activities", sha256=f"{user.pk:064d}",
                                   filename="a.csv", rows=1, imported_by=user)


@pytest.mark.parametrize("model", [ProjectYear, ImportBatch])
def test_changelist_queries_do_not_grow_with_the_rows(admin_client, model):
    url = reverse(f"admin:services_{model._meta.model_name}_changelist")
    counts = []
    for added, count in ((2, 2), (8, 10)):
        add_rows(model, added)
        with CaptureQueriesContext(connection) as context:
            response = admin_client.get(url)
        assert response.status_code == 200
        assert response.context["cl"].result_count == count
        counts.append(len(context.captured_queries))
    assert counts[0] == counts[1]


def test_project_years_are_read_only_in_the_admin(admin_client):
    make_project(years=1)
    year = ProjectYear.objects.get()
    assert admin_client.get(reverse("admin:services_projectyear_add")).status_code == 403
    change = reverse("admin:services_projectyear_change", args=[year.pk])
    response = admin_client.post(change, {"status": "closed"})
    assert response.status_code == 403
    year.refresh_from_db()
    assert year.status == ProjectYear.Status.OPEN
