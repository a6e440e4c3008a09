"""The services admin's list pages: a constant number of queries, whatever the rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from services.models import ImportBatch, RecordChange
from tests.factories import UserFactory

from .conftest import make_project

pytestmark = pytest.mark.django_db


def add_rows(model, count: int) -> None:
    project = make_project(f"p{model.__name__.lower()}{count}")
    for _ in range(count):
        user = UserFactory()
        if model is RecordChange:
            RecordChange.objects.create(project=project, kind="activities", record_id=1,
                                        action="create", actor=user)
        else:
            ImportBatch.objects.create(kind="activities", sha256=f"{user.pk:064d}",
                                       filename="a.csv", rows=1, imported_by=user)


@pytest.mark.parametrize("model", [RecordChange, ImportBatch])
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
