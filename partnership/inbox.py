"""A person's notifications in the portal: newest first, the unread count, marking read.

Reading is not a change of record: it writes no audit row.
"""

import logging

from django.db.models import QuerySet
from django.utils.http import url_has_allowed_host_and_scheme

from . import clock, notices
from .models import Notification, User

log = logging.getLogger("portal.notices")


def of(user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-id")


def unread_count(user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def lines(notifications, reader: User) -> list[tuple[Notification, str]]:
    """Each of `reader`'s notifications with its line in the active language."""
    rows = []
    for notification in notifications:
        notification.recipient = reader  # the templates may ask; the reader is at hand
        rows.append((notification, line(notification)))
    return rows


def line(notification: Notification) -> str:
    """The notification's line; a template that fails to render must not take the whole
    list down with it, so the kind's label stands in (and the error is logged)."""
    try:
        return notices.subject(notification)
    except Exception:
        log.exception("notification %s: could not write its line", notification.pk)
        kind = notices.KINDS.get(notification.kind)
        return str(kind.label) if kind else notification.kind


def read(user: User, notification: Notification) -> str | None:
    """Mark `user`'s notification read; the local page it links to (None if it links
    anywhere else, which the portal never writes)."""
    Notification.objects.filter(pk=notification.pk, recipient=user,
                                read_at__isnull=True).update(read_at=clock.now())
    path = notification.path
    local = path.startswith("/") and url_has_allowed_host_and_scheme(path, allowed_hosts=None)
    return path if local else None


def mark_all_read(user: User) -> int:
    """Mark every unread notification of `user` read; how many were unread."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=clock.now())
