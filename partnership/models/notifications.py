"""What the portal tells a person: listed in the portal, and sent by e-mail from the queue."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import clock


class Notification(models.Model):
    """One message to one person. Its words are written in the reader's language when it is
    shown or mailed, from `kind` (a template) and `params` (plain values)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=50)
    params = models.JSONField(_("details"), default=dict)
    path = models.CharField(_("link"), max_length=300)
    created_at = models.DateTimeField(_("sent at"), default=clock.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    # E-mail delivery, done by the queue's worker (partnership.tasks.send_email).
    email_wanted = models.BooleanField(_("by e-mail"), default=False)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    email_attempts = models.PositiveSmallIntegerField(_("e-mail attempts"), default=0)
    email_error = models.CharField(_("last e-mail error"), max_length=300, blank=True)
    # Set when the worker stops trying (a broken template, or the mail server down for
    # days); `manage.py resend_emails` queues these again.
    email_given_up_at = models.DateTimeField(_("e-mail given up at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread_idx"),
            models.Index(fields=["recipient", "-created_at"], name="notification_list_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"
