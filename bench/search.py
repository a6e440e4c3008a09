#!/usr/bin/env python
"""Server time and query count of the public search with 10,000 submitted proposals,
against the public call page in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_benchsearch \\
        .venv/bin/python bench/search.py [--proposals 10000] [--requests 20] [--reload]

Not a test. It creates the database when missing, migrates it and loads (once, or again
with --reload) one call with --proposals submitted proposals by bulk inserts, their titles
drawing words such as 子育て, 防災 and 高齢 at random. Then it times, through Django's test
Client as an anonymous visitor (3 warm-up requests, then --requests each, taking turns),
the call page and searches for 子育て, 防災 高齢 and 子育て with a fiscal year, and prints
the median server time and the queries of one request. 子育て has three characters, which
PostgreSQL's trigram indexes answer; 防災 and 高齢 have two and are matched by reading the
table. Target: every search's median at
most 3 times the call page's, in a number of queries that does not grow with the rows.
Exits 1 when a search misses it.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pages_settings")
os.environ.setdefault("REDIS_URL", "")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_benchsearch")

CALL_TITLE = "bench: search"
WORDS = ["子育て", "防災", "高齢", "環境", "多文化", "見守り", "公園", "学習"]
TIMES = 3


def setup_django() -> None:
    import django
    from benchdb import ensure_database

    ensure_database("bench/search.py")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def load(n: int, reload: bool):
    from django.db import transaction
    from django.utils import timezone

    from partnership.models import CitizenGroup, GroupMembership, User
    from proposals.models import Call, Proposal

    old = Call.objects.filter(title=CALL_TITLE).first()
    if old is not None and not reload:
        return old
    now = timezone.now()
    with transaction.atomic():
        if old is not None:
            Proposal.objects.filter(call=old).delete()
            old.delete()
        author, _created = User.objects.get_or_create(username="bench-search-author")
        groups = []
        for i in range(30):
            group, _created = CitizenGroup.objects.get_or_create(
                name=f"ベンチ検索団体{i:02}", defaults={"contact_email": f"s{i}@example.jp"})
            GroupMembership.objects.get_or_create(group=group, user=author)
            groups.append(group)
        call = Call.objects.create(fiscal_year=now.year, title=CALL_TITLE,
                                   opens_at=now - datetime.timedelta(days=30),
                                   closes_at=now + datetime.timedelta(days=30))
        rng = random.Random(10_000)
        Proposal.objects.bulk_create(
            (Proposal(call=call, group=groups[i % 30], status="submitted", created_by=author,
                      title=f"{rng.choice(WORDS)}の協働事業 {i:05}",
                      summary=f"地域の{rng.choice(WORDS)}と{rng.choice(WORDS)}に取り組む提案。",
                      submitted_at=now - datetime.timedelta(minutes=i))
             for i in range(n)), batch_size=2000)
    return call


def measure(client, url: str, requests: int) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        assert client.get(url).status_code == 200, url
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, url
    return statistics.median(times), len(queries.captured_queries)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--proposals", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--reload", action="store_true")
    args = parser.parse_args()
    setup_django()
    from django.test import Client
    from django.urls import reverse

    call = load(args.proposals, args.reload)
    client = Client()
    call_ms, call_queries = measure(client, reverse("proposals:call_detail", args=[call.pk]),
                                    args.requests)
    print(f"call page: {call_ms:.1f} ms, {call_queries} queries")
    failed = False
    for params in ({"q": "子育て"}, {"q": "防災 高齢"},
                   {"q": "子育て", "year": call.fiscal_year}):
        url = f"{reverse('search')}?{urlencode(params)}"
        ms, queries = measure(client, url, args.requests)
        ok = ms <= TIMES * call_ms
        failed |= not ok
        print(f"search {params}: {ms:.1f} ms ({ms / call_ms:.1f}x), {queries} queries"
              f"{'' if ok else '  MISSED'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
