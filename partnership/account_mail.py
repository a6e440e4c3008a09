"""The e-mails about an account itself, written and sent by the queue's worker in the
account's language: the link that verifies a new account, a password reset, the link that
confirms a new address, and the word to the old address that it changed.

They are not notifications (nothing to list in the portal, and no choice to refuse them),
and their links are tokens: the worker writes them at sending time, so no link is ever
stored. A request only queues the task, the same one whether or not an account exists.
"""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from . import account_tokens
from .models import User
from .notices import absolute_url
from .tasks import RETRY_DELAYS

log = logging.getLogger("portal.notices")

PURPOSES = ("verify", "already_registered", "email_change", "email_changed")


def _link(user: User, purpose: str, address: str) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    if purpose == "verify":
        token = account_tokens.verification.make_token(user)
        return absolute_url(reverse("account_verify", args=[uid, token]))
    if purpose == "password_reset":
        token = default_token_generator.make_token(user)
        return absolute_url(reverse("password_reset_confirm", args=[uid, token]))
    if purpose == "email_change":
        token = account_tokens.email_change_token(user, address)
        return absolute_url(reverse("email_change_confirm", args=[token]))
    return absolute_url(reverse("password_reset"))


def message_for(user: User, purpose: str, address: str = "") -> EmailMessage:
    """The e-mail for `purpose`, in `user`'s language, to `address` (else their own)."""
    language = user.language or settings.LANGUAGE_CODE
    context = {"user": user, "url": _link(user, purpose, address), "address": address,
               "login_url": absolute_url(reverse("login"))}
    template = f"partnership/account_mail/{purpose}"
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    return EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL,
                        to=[address or user.email],
                        headers={"Content-Language": language,
                                 "Auto-Submitted": "auto-generated"})


def _send(message: EmailMessage, retry, attempt: int) -> str:
    try:
        message.send()
    except (OSError, smtplib.SMTPException) as error:
        if attempt >= len(RETRY_DELAYS):
            log.error("account e-mail: giving up after %s attempts: %s", attempt + 1, error)
            return "given up"
        delay = RETRY_DELAYS[attempt]
        retry(timezone.now() + delay, attempt + 1)
        log.warning("account e-mail: mail server failed (%s); trying again in %s", error, delay)
        return "retry"
    return "sent"


@task()
def send_account_email(user_id: int, purpose: str, address: str = "", attempt: int = 0) -> str:
    user = User.objects.filter(pk=user_id).first()
    if user is None or purpose not in PURPOSES:
        return "nothing to send"
    if purpose == "verify" and user.is_active:
        return "already verified"

    def retry(when, next_attempt):
        send_account_email.using(run_after=when).enqueue(user_id, purpose, address,
                                                         next_attempt)

    return _send(message_for(user, purpose, address), retry, attempt)


def reset_recipients(address: str) -> list[User]:
    """Who may reset their password with this address: as Django's own reset form asks."""
    return [user for user in User.objects.filter(email__iexact=address, is_active=True)
            if user.has_usable_password()]


@task()
def send_password_reset(address: str, attempt: int = 0) -> str:
    """Queued for every request, whether or not the address belongs to an account: the
    request then looks the same either way, and only this task knows the answer."""
    results = []
    for user in reset_recipients(address):
        def retry(when, next_attempt, user=user):
            send_password_reset.using(run_after=when).enqueue(user.email, next_attempt)

        results.append(_send(message_for(user, "password_reset"), retry, attempt))
    return ", ".join(results) or "no account"
