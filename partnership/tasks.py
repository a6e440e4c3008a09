"""Work done by the queue's worker (`manage.py db_worker`), never inside a request: sending
notification e-mails, and queuing again those it gave up on (`manage.py resend_emails`)."""

import datetime
import logging
import smtplib

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from .models import Notification
from .notices import email_for

log = logging.getLogger("portal.notices")

# Waits before each new try after a failed send: about two days in all, then give up.
RETRY_DELAYS = [datetime.timedelta(minutes=m) for m in (1, 5, 15, 60, 180, 360, 720, 1440)]


@task()
def send_email(notification_id: int) -> str:
    """Mail one notification; when the mail server fails, try again later.

    Any other error (a broken template, a message the mail library refuses) is not tried
    again: it would fail the same way until the code is fixed. It is recorded on the
    notification and logged, and the task fails with the traceback;
    `manage.py resend_emails` queues the e-mail again after the fix.
    """
    notification = (Notification.objects.select_related("recipient")
                    .filter(pk=notification_id).first())
    if notification is None or notification.emailed_at is not None:
        return "nothing to send"
    if not notification.email_wanted or not notification.recipient.email:
        return "not wanted"
    try:
        message = email_for(notification)
    except Exception as error:
        _broken(notification, f"could not write the e-mail: {error}")
        raise
    try:
        message.send()
    except (OSError, smtplib.SMTPException) as error:
        return _retry_later(notification, error)
    except Exception as error:
        _broken(notification, f"could not send the e-mail: {error}")
        raise
    Notification.objects.filter(pk=notification.pk).update(
        emailed_at=timezone.now(), email_attempts=F("email_attempts") + 1, email_error="",
        email_given_up_at=None)
    return "sent"


def _broken(notification: Notification, error: str) -> None:
    log.exception("notification %s: %s; not retried", notification.pk, error)
    _give_up(notification, error)


def _give_up(notification: Notification, error: str, *, attempts: int | None = None) -> None:
    Notification.objects.filter(pk=notification.pk).update(
        email_attempts=notification.email_attempts if attempts is None else attempts,
        email_error=error[:300], email_given_up_at=timezone.now())


def _retry_later(notification: Notification, error: Exception) -> str:
    attempts = notification.email_attempts + 1
    reason = str(error) or type(error).__name__
    if attempts > len(RETRY_DELAYS):
        _give_up(notification, reason, attempts=attempts)
        log.error("notification %s: giving up after %s attempts: %s",
                  notification.pk, attempts, reason)
        return "given up"
    Notification.objects.filter(pk=notification.pk).update(
        email_attempts=attempts, email_error=reason[:300])
    delay = RETRY_DELAYS[attempts - 1]
    send_email.using(run_after=timezone.now() + delay).enqueue(notification.pk)
    log.warning("notification %s: mail server failed (%s); trying again in %s",
                notification.pk, reason, delay)
    return "retry"


@transaction.atomic
def resend_given_up() -> int:
    """Queue again every e-mail the worker gave up on; how many."""
    pks = list(Notification.objects.filter(email_given_up_at__isnull=False, emailed_at__isnull=True)
               .values_list("pk", flat=True))
    Notification.objects.filter(pk__in=pks).update(email_given_up_at=None, email_attempts=0)
    for pk in pks:
        send_email.enqueue(pk)
    return len(pks)
