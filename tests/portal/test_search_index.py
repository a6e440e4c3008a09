"""The search's trigram indexes on PostgreSQL: a word of three characters or more is found
through them; the migration that makes them is reversible and does nothing on SQLite."""

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils import timezone

from portal import search
from proposals.models import Proposal
from tests.factories import CallFactory, CitizenGroupFactory, UserFactory

pytestmark = pytest.mark.django_db
migration = importlib.import_module("proposals.migrations.0014_search_trigram_indexes")
ON_POSTGRESQL = "postgresql" in settings.DATABASES["default"]["ENGINE"]
needs_postgresql = pytest.mark.skipif(
    not ON_POSTGRESQL, reason="pg_trgm is PostgreSQL's (set DATABASE_URL=postgres://…)")


def trigram_indexes() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'proposals_proposal'"
                       " AND indexdef LIKE '%%gin_trgm_ops%%'")
        return {name for (name,) in cursor.fetchall()}


def plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(line for (line,) in cursor.fetchall())


@pytest.fixture
def many_proposals():
    """300 submitted proposals, two of them about 見守り (one in its title, one in its
    summary)."""
    call, group, author = CallFactory(), CitizenGroupFactory(), UserFactory()
    now = timezone.now()
    Proposal.objects.bulk_create(
        Proposal(call=call, group=group, created_by=author, status="submitted",
                 submitted_at=now, title=f"公園の花壇づくり {i:04}",
                 summary="地域の公園に花壇をつくり、季節の花を植える提案。")
        for i in range(300))
    Proposal.objects.filter(pk__in=Proposal.objects.order_by("pk").values("pk")[:1]).update(
        title="高齢者の見守りネットワーク")
    Proposal.objects.filter(pk__in=Proposal.objects.order_by("-pk").values("pk")[:1]).update(
        summary="一人暮らしの方を地域で見守りする提案。")


@pytest.mark.postgres_only
@needs_postgresql
@pytest.mark.usefixtures("many_proposals")
def test_a_three_character_word_is_found_through_the_trigram_indexes():
    # At 300 rows reading the table costs less than any index, so the planner is told not
    # to (for this test's transaction): the plan then shows whether an index can answer the
    # search at all. At 10,000 rows (bench/search.py) it chooses them unasked.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    query = search.Query(words=("見守り",))
    found = search.results("proposals", query)
    explained = plan(found)
    assert "Bitmap Index Scan on proposals_title_upper_trgm" in explained, explained
    assert "Bitmap Index Scan on proposals_summary_upper_trgm" in explained, explained
    assert found.count() == 2 and search.counts(query)["proposals"] == 2


@pytest.mark.postgres_only
@needs_postgresql
def test_the_migration_drops_and_makes_the_indexes_again():
    assert trigram_indexes() == set(migration.INDEXES)
    with connection.schema_editor() as editor:
        migration.drop_indexes(apps, editor)
    assert trigram_indexes() == set()
    with connection.schema_editor() as editor:
        migration.create_indexes(apps, editor)
    assert trigram_indexes() == set(migration.INDEXES)


@pytest.mark.skipif(ON_POSTGRESQL, reason="what the migration does on SQLite")
def test_on_sqlite_the_migration_does_nothing():
    executed = []
    editor = SimpleNamespace(connection=connection, execute=executed.append)
    migration.create_indexes(apps, editor)
    migration.drop_indexes(apps, editor)
    assert executed == []
