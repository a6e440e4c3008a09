"""Real server processes for tests: gunicorn instances and the queue's worker, started with
one environment and always stopped (tests/test_multi_server.py)."""

import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(check, *, within: float, what: str) -> None:
    """Poll `check` until it is true; fail after `within` seconds (a deadline, not a
    measurement: a slow machine only waits longer)."""
    deadline = time.monotonic() + within
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting: {what}")
        time.sleep(0.2)


def answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=2).status_code == 200
    except requests.RequestException:  # not listening yet, or still starting
        return False


@contextmanager
def processes(commands: list[list[str]], env: dict, logs: Path):
    """Start every command (output in `logs`); stop them all at the end, however it ends."""
    started = []
    try:
        for number, command in enumerate(commands):
            log = (logs / f"process-{number}.log").open("wb")
            started.append((subprocess.Popen(command, cwd=ROOT, env=env, stdout=log,
                                             stderr=subprocess.STDOUT), log))
        yield [process for process, _ in started]
    finally:
        for process, _ in started:
            process.terminate()
        for process, log in started:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()


def gunicorn(port: int) -> list[str]:
    return [str(BIN / "gunicorn"), "partnership.wsgi", "--bind", f"127.0.0.1:{port}",
            "--workers", "1"]


def worker() -> list[str]:
    return [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.2",
            "--no-startup-delay"]
