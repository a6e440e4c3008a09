#!/usr/bin/env python
"""Account enumeration by timing: the password-reset and sign-up POSTs for an address that
has an account against one that has none, in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_benchenum \\
        .venv/bin/python bench/enumeration.py [--runs 30]

Not a test. Through Django's test Client as an anonymous visitor, with production's
password hashing (bench/enumeration_settings.py), it posts each form --runs times for
each kind of address, the kinds taking turns request by request (after 3 warm-up rounds),
and prints the median server time of each and their ratio, the slower over the faster.
Target: at most 1.2 for each form, and the same status and page either way. The rate
limit's counts (in the process's own cache) are cleared before each request, outside the
timed part, so that it never answers 429. Exits 1 when a target is missed.

It leaves its inactive accounts, queued e-mails and audit rows in its own database.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "enumeration_settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_benchenum")

TARGET = 1.2
EXISTING = "bench-enum-owner@example.jp"
WARM_UP = 3


def setup_django() -> None:
    import django
    from benchdb import ensure_database

    ensure_database("bench/enumeration.py")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def owner() -> None:
    """The account whose address is the existing one (made once)."""
    from partnership.models import User

    user, created = User.objects.get_or_create(
        username="bench-enum-owner", defaults={"email": EXISTING, "is_active": True})
    if created:
        user.set_password(uuid.uuid4().hex)
        user.save()


def post_data(form: str, existing: bool) -> dict:
    """A fresh POST: a new user name (and, when none exists, a new address) each time, so
    sign-up never stops at a taken user name or a form already sent."""
    tag = uuid.uuid4().hex[:12]
    email = EXISTING if existing else f"bench-enum-{tag}@example.jp"
    if form == "password_reset":
        return {"email": email}
    return {"username": f"bench-enum-{tag}", "display_name": "", "email": email,
            "language": "ja", "password1": "yamato-bench-2026-x", "password2":
            "yamato-bench-2026-x"}


def timed(client, url: str, data: dict) -> tuple[float, int, str]:
    from django.core.cache import cache

    cache.clear()  # the rate limit's counts: outside the timed part
    start = time.perf_counter()
    response = client.post(url, data)
    elapsed = (time.perf_counter() - start) * 1000
    return elapsed, response.status_code, response.get("Location", "")


def measure(form: str, runs: int) -> dict[bool, list[float]]:
    """Milliseconds of each POST by kind (True: the address has an account), interleaved;
    checks that both kinds get the same answer."""
    from django.test import Client
    from django.urls import reverse

    client, url = Client(), reverse(form)
    times: dict[bool, list[float]] = {True: [], False: []}
    answers = set()
    for index in range(WARM_UP + runs):
        # Take turns, and change which goes first each round.
        for existing in ((True, False) if index % 2 else (False, True)):
            elapsed, status, location = timed(client, url, post_data(form, existing))
            answers.add((status, location))
            if index >= WARM_UP:
                times[existing].append(elapsed)
    if len(answers) != 1 or next(iter(answers))[0] != 302:  # accepted, then "check your mail"
        raise SystemExit(f"{form}: not the same accepted answer: {sorted(answers)}")
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    setup_django()
    owner()
    failed = False
    print(f"{'form':16} {'existing ms':>12} {'unknown ms':>11} {'ratio':>6}  target")
    for form in ("password_reset", "signup"):
        times = measure(form, args.runs)
        known, unknown = (statistics.median(times[kind]) for kind in (True, False))
        ratio = max(known, unknown) / min(known, unknown)
        ok = ratio <= TARGET
        failed |= not ok
        print(f"{form:16} {known:12.1f} {unknown:11.1f} {ratio:6.2f}  "
              f"{TARGET} {'met' if ok else 'MISSED'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
