"""Notifications: written inside the action's transaction, listed in the portal, and mailed
by the queue's worker (`partnership.tasks.send_email`) in the recipient's language.

A notice kind is a pair of templates, `<template>_subject.txt` (also the line shown in
the portal) and `<template>.txt` (the e-mail body), rendered with `params` (plain values
saved with the notification), `url` (the absolute link) and `recipient`.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from .models import Notification, User


@dataclass(frozen=True)
class NoticeKind:
    name: str
    label: str  # what the person's notification settings call it
    template: str


KINDS: dict[str, NoticeKind] = {}

_muted: ContextVar[bool] = ContextVar("notices_muted", default=False)


def register(name: str, *, label: str, template: str) -> NoticeKind:
    kind = NoticeKind(name=name, label=label, template=template)
    KINDS[name] = kind
    return kind


@contextmanager
def muted() -> Iterator[None]:
    """Nobody is notified of what happens inside this block (the demo replays history)."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def notify(*, recipients: Iterable[User], kind: str, path: str,
           params: dict) -> list[Notification]:
    """Tell each active recipient once; queue an e-mail for those who want one.

    Call it inside the action's transaction: the notifications and the queued e-mails
    are saved with the change, and vanish with it if it rolls back.
    """
    from .tasks import send_email

    if _muted.get():
        return []
    if kind not in KINDS:
        raise KeyError(f"unknown notice kind {kind!r}")
    people = {user.pk: user for user in recipients if user.is_active}
    notifications = Notification.objects.bulk_create(
        Notification(recipient=user, kind=kind, path=path, params=params,
                     email_wanted=user.wants_email(kind))
        for user in people.values()
    )
    for notification in notifications:
        if notification.email_wanted:
            send_email.enqueue(notification.pk)
    return notifications


def absolute_url(path: str) -> str:
    return settings.PORTAL_URL.rstrip("/") + path


def _context(notification: Notification) -> dict:
    return {"params": notification.params, "url": absolute_url(notification.path),
            "recipient": notification.recipient}


def subject(notification: Notification) -> str:
    """The notification's one line, in the active language."""
    template = KINDS[notification.kind].template
    text = render_to_string(f"{template}_subject.txt", _context(notification))
    return " ".join(text.split())


def email_for(notification: Notification) -> EmailMessage:
    """The e-mail of a notification, written in its recipient's language."""
    recipient = notification.recipient
    language = recipient.language or settings.LANGUAGE_CODE
    with translation.override(language):
        line = subject(notification)
        body = render_to_string(f"{KINDS[notification.kind].template}.txt",
                                _context(notification))
    # Auto-Submitted keeps out-of-office replies from answering the portal (RFC 3834).
    return EmailMessage(subject=line, body=body, from_email=settings.DEFAULT_FROM_EMAIL,
                        to=[recipient.email],
                        headers={"Content-Language": language, "Auto-Submitted": "auto-generated"})
