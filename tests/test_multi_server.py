"""Two gunicorn instances and two queue workers share one PostgreSQL database, Redis (cache and
sessions) and one media folder, as in production (README, "Production"): a sign-in on one
instance is valid on the other, an upload through one is downloaded through the other, and
a queued e-mail is sent exactly once.

PostgreSQL and Redis only. Skipped on SQLite (CI runs the suite on PostgreSQL too); without
Redis it is skipped, except in CI (CI=true), where it fails.
"""

import os
import re

import pytest
import redis
import requests
from django.db import connection
from django_tasks_db.models import DBTaskResult

from partnership.models import Notification
from proposals.models import Attachment
from tests.factories import ProposalFactory
from tests.lifecycle import group_member
from tests.servers import answers, free_port, gunicorn, processes, wait_until, worker

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
PASSWORD = "two-servers-one-portal"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _unavailable(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"the multi-server test must run in CI: {reason}")
    pytest.skip(f"multi-server test skipped: {reason}")


@pytest.fixture
def shared_services():
    if connection.vendor != "postgresql":
        pytest.skip("multi-server test skipped: it needs PostgreSQL, which several servers "
                    "can share (set DATABASE_URL=postgres://…)")
    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=2).ping()
    except redis.RedisError as error:
        _unavailable(f"no Redis at {REDIS_URL} ({error})")


def server_environment(tmp_path) -> dict:
    # The servers use this test's own database (test_…), which the test fills and empties.
    database = connection.settings_dict
    url = (f"postgres://{database['USER']}:{database['PASSWORD'] or ''}@"
           f"{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}/{database['NAME']}")
    (tmp_path / "mail").mkdir()
    (tmp_path / "media").mkdir()
    return {
        **os.environ, "DJANGO_SETTINGS_MODULE": "tests.server_settings", "DJANGO_DOTENV": "0",
        "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "multi-server-test-key-0123456789abcdef",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1", "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": url, "REDIS_URL": REDIS_URL,
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        "PORTAL_TEST_MAIL_DIR": str(tmp_path / "mail"),
    }


class Visitor:
    """A browser's cookies, sent to whichever instance it asks (the servers' cookies are
    Secure, production-like; the test speaks plain HTTP to 127.0.0.1)."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def get(self, url: str) -> requests.Response:
        return self._keep(requests.get(url, cookies=self.cookies, allow_redirects=False,
                                       timeout=20))

    def post(self, url: str, form_page: str, data: dict, files=None) -> requests.Response:
        token = TOKEN.search(self.get(form_page).text).group(1)
        return self._keep(requests.post(url, data={**data, "csrfmiddlewaretoken": token},
                                        files=files, cookies=self.cookies,
                                        allow_redirects=False, timeout=20))

    def _keep(self, response: requests.Response) -> requests.Response:
        self.cookies.update(response.cookies.get_dict())
        return response


def messages_sent(mail_dir) -> list[str]:
    return [message for path in sorted(mail_dir.iterdir())
            for message in path.read_text().split("-" * 79) if message.strip()]


@pytest.mark.postgres_only
def test_two_instances_and_two_workers_share_sessions_files_and_the_queue(
        shared_services, transactional_db, tmp_path):
    proposal = ProposalFactory()
    member = group_member(proposal)
    member.set_password(PASSWORD)
    member.save()
    env = server_environment(tmp_path)
    one, two = (f"http://127.0.0.1:{free_port()}" for _ in range(2))
    commands = [gunicorn(int(one.rsplit(":", 1)[1])), gunicorn(int(two.rsplit(":", 1)[1])),
                worker(), worker()]
    with processes(commands, env, tmp_path):
        for server in (one, two):
            wait_until(lambda server=server: answers(f"{server}/healthz"), within=30,
                       what=f"{server} to start")
        visitor = Visitor()

        signed_in = visitor.post(f"{one}/accounts/login/", f"{one}/accounts/login/",
                                 {"username": member.username, "password": PASSWORD})
        assert signed_in.status_code == 302, signed_in.text[:500]
        assert visitor.get(f"{two}/notifications/").status_code == 200
        # The session is read from Redis (cached_db), shared by both instances.
        session_key = f":1:django.contrib.sessions.cached_db{visitor.cookies['sessionid']}"
        assert redis.Redis.from_url(REDIS_URL).exists(session_key)
        assert Visitor().get(f"{two}/notifications/").status_code == 302  # to sign in

        upload = f"/proposals/{proposal.pk}/attachments/"
        uploaded = visitor.post(f"{one}{upload}", f"{one}{upload}", {},
                                files={"file": ("計画書.pdf", PDF, "application/pdf")})
        assert uploaded.status_code == 302, uploaded.text[:500]
        attachment = Attachment.objects.get(proposal=proposal)
        download = visitor.get(f"{two}/proposals/{proposal.pk}/attachments/{attachment.pk}/")
        assert (download.status_code, download.content) == (200, PDF)

        submitted = visitor.post(f"{two}/proposals/{proposal.pk}/submit/",
                                 f"{two}/proposals/{proposal.pk}/submit/", {})
        assert submitted.status_code == 302, submitted.text[:500]
        notification = Notification.objects.get(recipient=member)
        wait_until(lambda: Notification.objects.get(pk=notification.pk).emailed_at,
                   within=30, what="the worker to send the e-mail")
        # Once no task is left to run, neither worker can send anything more.
        wait_until(lambda: not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists(),
                   within=30, what="the queue to empty")
    sent = messages_sent(tmp_path / "mail")
    assert len(sent) == 1
    assert member.email in sent[0]
