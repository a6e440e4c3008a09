"""Throughput and latency of the portal under a mix of visitors, against a hello-world view
served through the portal's own middleware (issue 10). See bench/README.md.

Starts gunicorn (production settings, Redis cache and sessions) on 127.0.0.1 against its own
PostgreSQL database with the demo loaded, runs locust headless for --seconds on the portal's
mix (70 % anonymous public pages, 30 % signed-in pages including the yearly report), then
the same on the hello-world view, prints both and exits 1 when a target is missed.
"""

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_benchload")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
SERVER_ENV = {
    **os.environ, "DJANGO_SETTINGS_MODULE": "loadbench_settings", "DJANGO_DOTENV": "0",
    "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "load-bench-only-key-0123456789abcdefghij",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1", "DJANGO_SECURE_SSL_REDIRECT": "0",
    # The demo files family-situation reports, which production encrypts (a bench-only key).
    "DJANGO_FAMILY_REPORT_KEYS": "bG9hZC1iZW5jaC1vbmx5LWtleS0wMTIzNDU2Nzg5YWI=",
    # The project first: bench/reports.py must not shadow the reports app.
    "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "bench")]),
}
RATIO_TARGET, P95_TARGET = 0.40, 100


def manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=SERVER_ENV,
                   check=True, stdout=subprocess.DEVNULL)


def public_pages() -> list[str]:
    """The demo's public pages: home, calls, a call, proposals, projects, the summary."""
    os.environ.update(DJANGO_SETTINGS_MODULE="loadbench_settings", DJANGO_DEBUG="0",
                      DJANGO_SECRET_KEY=SERVER_ENV["DJANGO_SECRET_KEY"],
                      DJANGO_ALLOWED_HOSTS="127.0.0.1")
    import django

    django.setup()
    from loadbench_mix import public_paths

    return public_paths()


def run_locust(url: str, target: str, seconds: int, users: int, pages: list[str],
               folder: Path) -> dict:
    prefix = folder / target
    subprocess.run(
        [str(BIN / "locust"), "-f", str(ROOT / "bench" / "loadbench_locust.py"), "--headless",
         "--users", str(users), "--spawn-rate", str(users), "--run-time", f"{seconds}s",
         "--host", url, "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING"],
        env={**os.environ, "BENCH_TARGET": target, "BENCH_PUBLIC": " ".join(pages)},
        check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(f"{prefix}_stats.csv", newline="") as file:
        rows = list(csv.DictReader(file))
    total = next(row for row in rows if row["Name"] == "Aggregated")
    if not int(total["Request Count"]):
        # Each user signs in first (the demo's real password hashing): on a busy machine
        # a run of a few seconds can end before any page was asked.
        sys.exit(f"locust made no request in {seconds} s against {target}: run it longer")
    signed_in = sum(int(r["Request Count"]) for r in rows if r["Name"].startswith("signed in"))
    return {"rps": float(total["Requests/s"]), "p50": float(total["50%"]),
            "p95": float(total["95%"]), "failures": int(total["Failure Count"]),
            "requests": int(total["Request Count"]), "signed_in": signed_in,
            "pages": [(r["Name"], int(r["Request Count"]), float(r["50%"]), float(r["95%"]))
                      for r in rows if r["Name"] != "Aggregated" and int(r["Request Count"])]}


def wait_for(url: str) -> None:
    for _ in range(150):
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"gunicorn did not answer at {url}: see its log above")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--users", type=int, default=8, help="simultaneous locust users")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8765)
    options = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from benchdb import ensure_database

    ensure_database("bench/load.py")
    manage("migrate", "--no-input")
    manage("demo", "--force")
    pages = public_pages()
    url = f"http://127.0.0.1:{options.port}"
    with tempfile.TemporaryDirectory() as folder:
        log = open(Path(folder) / "gunicorn.log", "wb")  # noqa: SIM115 (closed below)
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "partnership.wsgi", "--bind", f"127.0.0.1:{options.port}",
             "--workers", str(options.workers)], cwd=ROOT, env=SERVER_ENV, stdout=log,
            stderr=subprocess.STDOUT)
        try:
            wait_for(f"{url}/healthz")
            load_before = os.getloadavg()
            portal = run_locust(url, "portal", options.seconds, options.users, pages,
                                Path(folder))
            hello = run_locust(url, "hello", options.seconds, options.users, pages,
                               Path(folder))
            load_after = os.getloadavg()
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
            errors = (Path(folder) / "gunicorn.log").read_text(errors="replace")
            if "Traceback" in errors:
                print(errors[-3000:], file=sys.stderr)
    report(portal, hello, options, load_before, load_after)


def report(portal: dict, hello: dict, options, load_before, load_after) -> None:
    ratio = portal["rps"] / hello["rps"] if hello["rps"] else 0.0
    print(f"{options.seconds} s each, {options.users} locust users, gunicorn "
          f"{options.workers} workers; load average before {load_before[0]:.2f}, "
          f"after {load_after[0]:.2f} (1 min)")
    print(f"{'run':<13}{'requests':>9}{'req/s':>9}{'p50 ms':>8}{'p95 ms':>8}{'failures':>9}")
    for name, row in (("portal mix", portal), ("hello world", hello)):
        print(f"{name:<13}{row['requests']:>9}{row['rps']:>9.1f}{row['p50']:>8.0f}"
              f"{row['p95']:>8.0f}{row['failures']:>9}")
    print(f"{'page (portal mix)':<42}{'requests':>9}{'p50 ms':>8}{'p95 ms':>8}")
    for name, count, p50, p95 in sorted(portal["pages"]):
        print(f"{name:<42}{count:>9}{p50:>8.0f}{p95:>8.0f}")
    share = portal["signed_in"] / portal["requests"] if portal["requests"] else 0.0
    print(f"signed-in share of the portal mix: {share:.0%}")
    checks = [(f"throughput {ratio:.0%} of hello world (target >= {RATIO_TARGET:.0%})",
               ratio >= RATIO_TARGET),
              (f"p95 {portal['p95']:.0f} ms (target <= {P95_TARGET} ms)",
               portal["p95"] <= P95_TARGET),
              (f"{portal['failures']} failures (target 0)", portal["failures"] == 0)]
    for text, met in checks:
        print(f"{text}: {'met' if met else 'MISSED'}")
    if not all(met for _, met in checks):
        sys.exit(1)


if __name__ == "__main__":
    main()
