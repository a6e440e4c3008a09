"""Notification e-mails through the durable queue, against a real SMTP conversation.

A local SMTP server (aiosmtpd) stands in for the city's mail server, and the mail
settings point Django's SMTP backend at it. The queue's worker runs in-process
(`run_tasks`, i.e. `db_worker --batch`); requests go through the test client.
"""

import datetime
import email
import io
import socket
import threading
import time
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from partnership.models import GroupMembership, Notification
from partnership.tasks import RETRY_DELAYS
from proposals import actions
from proposals.models import Status
from tests.factories import ProposalFactory, UserFactory
from tests.lifecycle import group_member

pytestmark = pytest.mark.django_db

PORTAL = "https://portal.example.jp"
TITLE = 'Fish & Chips "Café" <Kids>'
ESCAPED = ("&amp;", "&quot;", "&lt;", "&gt;", "&#x27;", "&#34;")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class MailServer:
    """An SMTP server on a localhost port; down until started."""

    def __init__(self):
        self.port = free_port()
        self.received: list[email.message.EmailMessage] = []
        self.controller = None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.received.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def start(self) -> None:
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def to(self, address: str) -> email.message.EmailMessage:
        (message,) = [m for m in self.received if m["To"] == address]
        return message


class HangingServer:
    """Accepts connections and never says a word (a mail server that hangs)."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.05)
        self.port = self.socket.getsockname()[1]
        self.connections: list[socket.socket] = []
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while self.running:
            try:
                connection, _address = self.socket.accept()
            except TimeoutError:
                continue
            self.connections.append(connection)

    def stop(self) -> None:
        self.running = False
        self.thread.join()
        for connection in self.connections:
            connection.close()
        self.socket.close()


def point_mail_at(settings, port: int, timeout: int = 2) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_TIMEOUT = timeout
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.PORTAL_URL = PORTAL


@pytest.fixture
def mail_server(settings):
    server = MailServer()
    point_mail_at(settings, server.port)
    yield server
    server.stop()


@pytest.fixture
def hanging_server(settings):
    server = HangingServer()
    point_mail_at(settings, server.port, timeout=1)
    yield server
    server.stop()


@pytest.fixture
def later(monkeypatch):
    """later(delta): from now on the clock reads `delta` ahead (the queue's `run_after`)."""
    real_now = timezone.now

    def move(delta: datetime.timedelta) -> None:
        monkeypatch.setattr(timezone, "now", lambda: real_now() + delta)

    return move


def ready_tasks():
    return DBTaskResult.objects.filter(status="READY")


def submit_through_the_page(client, proposal):
    """A group member submits the draft with the real page; how long the request took."""
    client.force_login(group_member(proposal))
    started = time.monotonic()
    response = client.post(reverse("proposals:proposal_submit", args=[proposal.pk]))
    elapsed = time.monotonic() - started
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.SUBMITTED
    return elapsed


def test_server_down_the_message_goes_once_it_is_back(client, mail_server, run_tasks, later):
    proposal = ProposalFactory()
    submit_through_the_page(client, proposal)
    notification = Notification.objects.get()
    assert notification.email_attempts == 0  # the request left it to the worker

    run_tasks()  # nothing listens on the port: refused
    notification.refresh_from_db()
    assert notification.emailed_at is None
    assert notification.email_attempts == 1
    assert notification.email_error
    (retry,) = ready_tasks()
    assert retry.run_after > timezone.now()

    mail_server.start()
    run_tasks()  # back, but the retry is not due yet
    assert mail_server.received == []

    later(RETRY_DELAYS[0] + datetime.timedelta(seconds=1))
    run_tasks()
    later(RETRY_DELAYS[-1] * 2)
    run_tasks()  # nothing left to send: still one message
    assert len(mail_server.received) == 1
    assert mail_server.received[0]["To"] == notification.recipient.email
    notification.refresh_from_db()
    assert notification.emailed_at is not None
    assert (notification.email_attempts, notification.email_error) == (2, "")
    assert not ready_tasks().exists()


def test_server_hanging_the_request_answers_at_once_and_the_worker_retries(
    client, hanging_server, run_tasks, settings
):
    proposal = ProposalFactory()
    elapsed = submit_through_the_page(client, proposal)
    assert elapsed < settings.EMAIL_TIMEOUT
    assert hanging_server.connections == []  # the request never spoke to the mail server
    notification = Notification.objects.get()
    assert ready_tasks().count() == 1

    started = time.monotonic()
    run_tasks()
    assert time.monotonic() - started >= settings.EMAIL_TIMEOUT * 0.9  # it waited, then gave up
    assert len(hanging_server.connections) == 1
    notification.refresh_from_db()
    assert notification.emailed_at is None
    assert notification.email_attempts == 1
    assert "timed out" in notification.email_error
    (retry,) = ready_tasks()
    assert retry.run_after > timezone.now() + RETRY_DELAYS[0] - datetime.timedelta(seconds=5)


def test_rollback_nothing_is_sent(mail_server, run_tasks):
    mail_server.start()
    proposal = ProposalFactory()

    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        actions.submit(actor=group_member(proposal), proposal=proposal)
        assert Notification.objects.exists() and ready_tasks().exists()  # queued inside
        raise Abort
    run_tasks()
    assert not Notification.objects.exists()
    assert not DBTaskResult.objects.exists()
    assert mail_server.received == []
    proposal.refresh_from_db()
    assert proposal.status == Status.DRAFT


def test_each_message_in_the_recipients_language_with_its_link_and_unescaped(
    mail_server, run_tasks
):
    mail_server.start()
    proposal = ProposalFactory(title=TITLE)
    author = group_member(proposal)
    author.language = "ja"
    author.save()
    english = UserFactory(language="en")
    GroupMembership.objects.create(group=proposal.group, user=english)
    actions.submit(actor=author, proposal=proposal)
    run_tasks()

    assert len(mail_server.received) == 2
    link = f"{PORTAL}/proposals/{proposal.pk}/"
    in_english, in_japanese = mail_server.to(english.email), mail_server.to(author.email)
    assert in_english["Subject"].strip() == f"Your proposal “{TITLE}” is now: Submitted"
    assert in_english["Content-Language"] == "en"
    assert "The proposal and its full history:" in in_english.get_content()
    assert in_japanese["Subject"].strip() == f"提案「{TITLE}」は「提出済み」になりました"
    assert in_japanese["Content-Language"] == "ja"
    assert "提案とこれまでの経緯:" in in_japanese.get_content()
    for message in (in_english, in_japanese):
        body = message.get_content()
        assert TITLE in message["Subject"] and TITLE in body
        assert link in body.split()
        assert not any(entity in body or entity in message["Subject"] for entity in ESCAPED)


def test_a_template_error_never_reaches_the_request_and_is_recorded(
    client, mail_server, run_tasks, settings, caplog, broken_templates
):
    mail_server.start()
    real_templates = settings.TEMPLATES
    broken_templates({"proposals/notices/status.txt": "{{ params.title|no_such_filter }}"})
    proposal = ProposalFactory()
    submit_through_the_page(client, proposal)  # 302: the transition is saved
    notification = Notification.objects.get()

    run_tasks()
    assert mail_server.received == []
    notification.refresh_from_db()
    assert notification.email_error.startswith("could not write the e-mail")
    assert notification.email_given_up_at is not None
    (task,) = DBTaskResult.objects.all()
    assert task.status == "FAILED"
    assert task.exception_class_path == "django.template.exceptions.TemplateSyntaxError"
    assert not ready_tasks().exists()  # not retried: it would fail the same way
    assert f"notification {notification.pk}: could not write the e-mail" in caplog.text
    assert "not retried" in caplog.text

    settings.TEMPLATES = real_templates  # the fix is deployed
    out = io.StringIO()
    call_command("resend_emails", stdout=out)
    assert out.getvalue().startswith("1 ")
    run_tasks()
    run_tasks()
    assert len(mail_server.received) == 1
    notification.refresh_from_db()
    assert notification.emailed_at is not None and notification.email_given_up_at is None


def test_after_two_days_down_the_worker_gives_up_and_resend_queues_it_again(
    mail_server, run_tasks, later, caplog
):
    proposal = ProposalFactory()
    actions.submit(actor=group_member(proposal), proposal=proposal)
    notification = Notification.objects.get()
    ahead = datetime.timedelta(0)
    run_tasks()
    for delay in RETRY_DELAYS:
        ahead += delay + datetime.timedelta(seconds=1)
        later(ahead)
        run_tasks()
    notification.refresh_from_db()
    assert notification.email_attempts == len(RETRY_DELAYS) + 1
    assert notification.email_given_up_at is not None
    assert not ready_tasks().exists()
    assert f"notification {notification.pk}: giving up after" in caplog.text

    mail_server.start()
    call_command("resend_emails", stdout=io.StringIO())
    run_tasks()
    assert len(mail_server.received) == 1
