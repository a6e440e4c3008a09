"""Work done by the queue's worker (`manage.py db_worker`), never inside a request."""

import datetime
import logging
import smtplib

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
    """Mail one notification; when the mail server fails, try again later."""
    notification = (Notification.objects.select_related("recipient")
                    .filter(pk=notification_id).first())
    if notification is None or notification.emailed_at is not None:
        return "nothing to send"
    if not notification.email_wanted or not notification.recipient.email:
        return "not wanted"
    message = email_for(notification)
    try:
        message.send()
    except (OSError, smtplib.SMTPException) as error:
        return _retry_later(notification, error)
    Notification.objects.filter(pk=notification.pk).update(
        emailed_at=timezone.now(), email_attempts=F("email_attempts") + 1, email_error="")
    return "sent"


def _retry_later(notification: Notification, error: Exception) -> str:
    attempts = notification.email_attempts + 1
    Notification.objects.filter(pk=notification.pk).update(
        email_attempts=attempts, email_error=str(error)[:300] or type(error).__name__)
    if attempts > len(RETRY_DELAYS):
        log.error("notification %s: giving up after %s attempts: %s",
                  notification.pk, attempts, error)
        return "given up"
    delay = RETRY_DELAYS[attempts - 1]
    send_email.using(run_after=timezone.now() + delay).enqueue(notification.pk)
    log.warning("notification %s: mail server failed (%s); trying again in %s",
                notification.pk, error, delay)
    return "retry"
