#!/usr/bin/env python
"""Server time and query count of the three big proposal pages with 900 proposals (issue 3).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_benchpages \\
        .venv/bin/python bench/pages.py [--proposals 900] [--requests 20] [--reload]

Not a test. It creates the database when missing, migrates it, and loads (once, or again
with --reload) one call with --proposals proposals in every public status, with 15 ballots
of 5 scores on each reviewed one, review results and decisions, by bulk inserts. Then, for

- the public call page        `proposals:call_detail` (anonymous visitor),
- the chair's review board    `proposals:review_board` (the chair),
- the mayor's decision queue  `proposals:decision_queue` (the mayor's office),

it makes 3 warm-up requests and --requests timed requests through Django's test Client
(the whole middleware stack, no network; the pages take turns), and prints the median and
the 90th percentile of the server time and the number of SQL queries of one request.
Targets: a median of at most 20 ms for the call page and 30 ms for the board and the
queue, and at most 10 queries per page. Exits 1 when a page misses its target.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pages_settings")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")  # REDIS_URL= for none
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_benchpages")

# Median server time per page, ms.
TARGET_MS = {"public call page": 20.0, "review board": 30.0, "decision queue": 30.0}
TARGET_QUERIES = 10
CALL_TITLE = "bench: 900 proposals"
BALLOTS_PER_PROPOSAL = 15
MEMBERS = 26
# Share of the proposals in each status (drafts are not public and not on these pages).
STATUS_SHARES = {
    "submitted": 0.15, "under_review": 0.30, "recommended": 0.25, "not_recommended": 0.15,
    "chosen": 0.05, "declined": 0.03, "withdrawn": 0.04, "ineligible": 0.03,
}


def setup_django() -> None:
    import django
    from benchdb import ensure_database

    ensure_database("bench/pages.py")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


# --- Data -------------------------------------------------------------------------------------


def people():
    """The chair, the mayor's office, 26 sitting members and 30 citizen groups."""
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from partnership.models import CitizenGroup, GroupMembership, PartnershipMember, User
    from partnership.roles import Role

    def user(username, *roles):
        u, _created = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.jp"})
        u.groups.add(*Group.objects.filter(name__in=[r.value for r in roles]))
        return u

    today = timezone.localdate()
    chair = user("bench-chair", Role.PARTNERSHIP_MEMBER, Role.CHAIR)
    mayor = user("bench-mayor", Role.MAYORS_OFFICE)
    members = [chair] + [user(f"bench-member-{i:02}", Role.PARTNERSHIP_MEMBER)
                         for i in range(1, MEMBERS)]
    terms = []
    for u in members:
        term, _created = PartnershipMember.objects.get_or_create(
            user=u, term_start=today - datetime.timedelta(days=100),
            defaults={"term_end": today + datetime.timedelta(days=600),
                      "category": PartnershipMember.Category.CITIZEN,
                      "is_chair": u is chair})
        terms.append(term)
    groups = []
    for i in range(30):
        group, _created = CitizenGroup.objects.get_or_create(
            name=f"ベンチ市民団体{i:02}", defaults={"contact_email": f"g{i}@example.jp"})
        author = user(f"bench-author-{i:02}", Role.CITIZEN)
        GroupMembership.objects.get_or_create(group=group, user=author)
        groups.append((group, author))
    return chair, mayor, terms, groups


def load(n: int) -> int:
    """One call with n proposals, ballots, results and decisions (bulk inserts)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone

    from partnership.models import AuditEntry
    from proposals.models import (
        Ballot,
        Call,
        Criterion,
        Decision,
        Proposal,
        ReviewResult,
        Score,
        Vote,
    )

    chair, mayor, terms, groups = people()
    now = timezone.now()
    proposal_type = ContentType.objects.get_for_model(Proposal)
    with transaction.atomic():
        old = Call.objects.filter(title=CALL_TITLE).first()
        if old is not None:
            # The audit log refuses row deletes (a database trigger). This database is the
            # bench's own and its log holds only the bench's rows: empty it as a whole.
            from django.db import connection

            with connection.cursor() as cursor:
                cursor.execute("TRUNCATE partnership_auditentry")
            Decision.objects.filter(proposal__call=old).delete()
            Proposal.objects.filter(call=old).delete()
            old.delete()
        call = Call.objects.create(
            fiscal_year=now.year, title=CALL_TITLE, description="ベンチマーク用の募集",
            opens_at=now - datetime.timedelta(days=30), closes_at=now + datetime.timedelta(days=30),
        )
        criteria = Criterion.objects.bulk_create(
            Criterion(call=call, name=name, position=i, weight=Decimal(w))
            for i, (name, w) in enumerate(
                [("公益性", "1.5"), ("役割分担", "1"), ("実現可能性", "1"), ("効果", "1.5"),
                 ("独創性", "1")])
        )
        rng = random.Random(900)
        statuses = []
        for status, share in STATUS_SHARES.items():
            statuses += [status] * round(n * share)
        statuses = (statuses + ["submitted"] * n)[:n]
        rng.shuffle(statuses)
        proposals = Proposal.objects.bulk_create(
            Proposal(
                call=call, group=groups[i % len(groups)][0], status=status,
                title=f"協働事業提案 {i + 1:03}", summary="地域の課題に取り組む協働事業の提案。",
                created_by=groups[i % len(groups)][1], submitted_at=now - datetime.timedelta(
                    days=20, minutes=i),
                budget_total=1_000_000, budget_city_share=500_000,
            )
            for i, status in enumerate(statuses)
        )
        # The public history each proposal has after its group wrote and submitted it,
        # as `proposals.actions` records it (`partnership.audit.record`).
        history = []
        for p in proposals:
            common = {"actor": p.created_by, "subject_type": proposal_type,
                      "subject_id": p.pk, "subject_repr": p.title, "public": True}
            history.append(AuditEntry(action="proposal.created", after={"status": "draft"},
                                      created_at=p.submitted_at, **common))
            history.append(AuditEntry(action="proposal.submitted", before={"status": "draft"},
                                      after={"status": "submitted"},
                                      created_at=p.submitted_at, **common))
        AuditEntry.objects.bulk_create(history, batch_size=2000)
        reviewed = [p for p in proposals if p.status not in ("submitted", "withdrawn",
                                                              "ineligible")]
        ballots = []
        for p in reviewed:
            for term in rng.sample(terms[1:], BALLOTS_PER_PROPOSAL):
                ballots.append(Ballot(proposal=p, member=term,
                                      vote=rng.choice([Vote.RECOMMEND] * 3 + [Vote.NOT_RECOMMEND,
                                                                              Vote.ABSTAIN]),
                                      comment="ベンチマーク用のコメント"))
        Ballot.objects.bulk_create(ballots, batch_size=2000)
        Score.objects.bulk_create(
            (Score(ballot=b, criterion=c, value=rng.randint(1, 5))
             for b in ballots for c in criteria),
            batch_size=5000,
        )
        closed = [p for p in reviewed if p.status != "under_review"]
        ReviewResult.objects.bulk_create(
            ReviewResult(proposal=p, recommend=10, not_recommend=3, abstain=2,
                         eligible_members=MEMBERS, quorum_needed=13,
                         weighted_score=Decimal("0.7"), threshold=call.threshold,
                         recommended=p.status != "not_recommended", closed_by=chair)
            for p in closed
        )
        Decision.objects.bulk_create(
            Decision(proposal=p, outcome=p.status, decided_by=mayor,
                     reason="" if p.status == "chosen" else "予算の都合")
            for p in closed if p.status in ("chosen", "declined")
        )
    # Fresh planner statistics, as autovacuum would gather them after such a load.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return call.pk


# --- Measuring --------------------------------------------------------------------------------


def measure(pages: list[tuple[str, object, str]], runs: int) -> dict[str, dict]:
    """Median and 90th percentile of each page's server time, its SQL share, its queries and
    its size. The pages take turns, request by request, so that a slow spell of a shared
    machine falls on all of them alike rather than on whichever page was being timed."""
    from django.db import connection

    for _name, client, url in pages:
        for _ in range(3):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
    # Queries are counted and timed by an execute wrapper (a request resets
    # connection.queries when it starts, so CaptureQueriesContext would see none).
    sql_times: list[float] = []

    def timed(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            sql_times.append(time.perf_counter() - start)

    seen = {name: {"totals": [], "sql": [], "queries": 0, "bytes": 0} for name, _, _ in pages}
    for _ in range(runs):
        for name, client, url in pages:
            sql_times.clear()
            with connection.execute_wrapper(timed):
                start = time.perf_counter()
                response = client.get(url)
                elapsed = (time.perf_counter() - start) * 1000
            assert response.status_code == 200
            page = seen[name]
            page["totals"].append(elapsed)
            page["sql"].append(sum(sql_times) * 1000)
            page["queries"] = len(sql_times)
            page["bytes"] = len(response.content)
    figures = {}
    for name, page in seen.items():
        totals = sorted(page["totals"])
        figures[name] = {
            "median": statistics.median(totals),
            "min": totals[0],
            "p90": totals[max(0, round(0.9 * len(totals)) - 1)],
            "sql": statistics.median(page["sql"]),
            "queries": page["queries"],
            "kib": page["bytes"] / 1024,
        }
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--proposals", type=int, default=900)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--reload", action="store_true", help="Load the bench data again.")
    args = parser.parse_args()

    setup_django()
    from django.test import Client
    from django.urls import reverse

    from partnership.models import User
    from proposals.models import Call

    call = Call.objects.filter(title=CALL_TITLE).first()
    if args.reload or call is None or call.proposals.count() != args.proposals:
        started = time.perf_counter()
        call_id = load(args.proposals)
        print(f"loaded {args.proposals} proposals in {time.perf_counter() - started:.1f} s")
    else:
        call_id = call.pk

    anonymous = Client()
    chair = Client()
    chair.force_login(User.objects.get(username="bench-chair"))
    mayor = Client()
    mayor.force_login(User.objects.get(username="bench-mayor"))
    pages = [
        ("public call page", anonymous, reverse("proposals:call_detail", args=[call_id])),
        ("review board", chair, reverse("proposals:review_board", args=[call_id])),
        ("decision queue", mayor, reverse("proposals:decision_queue")),
    ]
    from proposals.models import Proposal

    n = Proposal.objects.filter(call_id=call_id).count()
    from django.conf import settings

    print(f"{n} proposals in one call; {args.requests} timed requests per page after warm-up; "
          f"sessions: {settings.SESSION_ENGINE.rsplit('.', 1)[-1]}")
    print(f"{'page':<18} {'median ms':>9} {'min ms':>6} {'p90 ms':>7} {'SQL ms':>7} {'queries':>7} "
          f"{'KiB':>5}  target")
    # For comparison: the lightest page of the portal, through the same stack.
    figures = measure([*pages, ("(home page)", anonymous, reverse("home"))], args.requests)
    missed = 0
    for name, m in figures.items():
        target_ms = TARGET_MS.get(name)
        ok = target_ms is None or (m["median"] <= target_ms and m["queries"] <= TARGET_QUERIES)
        target = "" if target_ms is None else f"{target_ms:.0f} ms " + ("met" if ok else "MISSED")
        missed += not ok and bool(target)
        print(f"{name:<18} {m['median']:>9.1f} {m['min']:>6.1f} {m['p90']:>7.1f} {m['sql']:>7.1f} "
              f"{m['queries']:>7} {m['kib']:>5.0f}  {target}")
    print(f"target: the median above and ≤ {TARGET_QUERIES} queries per page; SQL ms is the "
          f"part of the median spent in the database; on a busy machine the fastest request "
          f"(min ms) is nearer to what an idle one gives")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
