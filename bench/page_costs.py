#!/usr/bin/env python
"""CPU time of each page of bench/load.py's mix, against the hello-world view, in one run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_benchload \\
    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python bench/page_costs.py [--rounds 30]

Not a test, and no target: it says where the load bench's time goes. It uses the load
bench's database (the demo, loaded by bench/load.py or `manage.py demo`) and settings
(production's, Redis cache and sessions), requests every page of the mix through Django's
test Client as its role would (the pages taking turns, round by round, so that a busy
spell of the shared machine falls on all alike) and prints, per page, the median CPU time
of this process (`time.process_time`: the database's and Redis's own work is not in it),
the ratio to the hello-world view's, and the queries. With --profile PATH it prints the
functions that cost most on that page (cProfile, cumulative time).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ.update(DJANGO_SETTINGS_MODULE="loadbench_settings", DJANGO_DOTENV="0",
                  DJANGO_DEBUG="0", DJANGO_SECURE_SSL_REDIRECT="0")
os.environ.setdefault("DJANGO_SECRET_KEY", "load-bench-only-key-0123456789abcdefghij")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_benchload")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")


def setup() -> None:
    import django
    from benchdb import ensure_database

    ensure_database("bench/page_costs.py")
    django.setup()


def pages() -> list[tuple[str, str | None, str]]:
    """(name, login or None, path) of every page of the mix, as loadbench_locust asks them."""
    from loadbench_mix import SIGNED_IN, public_paths

    rows = [("hello world", None, "/bench/hello/"),
            ("hello world, signed in", "officer", "/bench/hello/")]
    rows += [(f"public {path}", None, path) for path in public_paths()]
    rows += [(f"{login} {path}", login, path)
             for login, paths in SIGNED_IN.items() for path in paths]
    return rows


def clients(logins) -> dict:
    from django.test import Client

    from partnership.models import User

    made = {None: Client(HTTP_ACCEPT_LANGUAGE="ja")}
    for login in logins:
        client = Client(HTTP_ACCEPT_LANGUAGE="ja")
        client.force_login(User.objects.get(username=login))
        made[login] = client
    return made


def measure(rows, made, rounds: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    costs = {name: [] for name, _login, _path in rows}
    queries = {}
    for _round in range(rounds):
        for name, login, path in rows:
            client = made[login]
            if login is None:
                client.cookies.clear()  # an anonymous visitor without a session
            started = time.process_time()
            response = client.get(path)
            costs[name].append(time.process_time() - started)
            if response.status_code != 200:
                sys.exit(f"{name}: status {response.status_code}")
    for name, login, path in rows:
        with CaptureQueriesContext(connection) as context:
            made[login].get(path)
        queries[name] = len(context.captured_queries)
    return {name: (statistics.median(values), min(values), queries[name])
            for name, values in costs.items()}


def profile(made, login, path, rounds: int) -> None:
    client = made[login]
    profiler = cProfile.Profile(time.process_time)  # CPU time, as the table
    profiler.enable()
    for _round in range(rounds):
        client.get(path)
    profiler.disable()
    pstats.Stats(profiler).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(70)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--profile", metavar="PATH", help="profile one page of the mix")
    parser.add_argument("--users", type=int, default=8, help="as bench/load.py's --users")
    parser.add_argument("--login", help="the login --profile uses (anonymous without)")
    options = parser.parse_args()
    setup()
    rows = pages()
    made = clients({login for _name, login, _path in rows if login})
    for _name, login, path in rows:  # warm-up: templates loaded, public pages cached
        made[login].get(path)
    if options.profile:
        profile(made, options.login, options.profile, options.rounds)
        return
    results = measure(rows, made, options.rounds)
    floor = results["hello world"][0]
    print(f"{'page':<44}{'CPU ms':>8}{'x hello':>9}{'min ms':>8}{'queries':>9}")
    for name, (cost, fastest, count) in results.items():
        print(f"{name:<44}{cost * 1000:>8.2f}{cost / floor:>9.1f}{fastest * 1000:>8.2f}"
              f"{count:>9}")
    print(f"the mix as {options.users} locust users ask it: {mix_cost(results, options.users)}")


def mix_cost(results: dict, users: int) -> str:
    """The mix's mean CPU time per request: each locust user signs in as the next login in
    turn and asks the public pages (PUBLIC_SHARE) or a page of its own role, at random."""
    from loadbench_mix import PUBLIC_SHARE, SIGNED_IN

    logins = [list(SIGNED_IN)[user % len(SIGNED_IN)] for user in range(users)]
    public = statistics.mean(cost for name, (cost, _fastest, _count) in results.items()
                             if name.startswith("public "))
    signed_in = statistics.mean(
        statistics.mean(results[f"{login} {path}"][0] for path in SIGNED_IN[login])
        for login in logins)
    mix = PUBLIC_SHARE * public + (1 - PUBLIC_SHARE) * signed_in
    floor = results["hello world"][0]
    return (f"public {public * 1000:.2f} ms, signed in {signed_in * 1000:.2f} ms, "
            f"mix {mix * 1000:.2f} ms = {mix / floor:.1f} x hello world "
            f"(if CPU alone bounds throughput: {floor / mix:.0%} of hello world's)")

if __name__ == "__main__":
    main()
