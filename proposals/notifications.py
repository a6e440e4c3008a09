"""E-mails about the life cycle, sent after the transaction that caused them commits."""

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from partnership.roles import Role
from partnership.selectors import sitting_members

from .models import Event, Proposal

log = logging.getLogger("portal.proposals")

_muted: ContextVar[bool] = ContextVar("proposal_notifications_muted", default=False)


@contextmanager
def muted() -> Iterator[None]:
    """No e-mails are scheduled inside this block (the demo loader replays history with it)."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def after_commit(send: Callable[[int], int], object_id: int) -> None:
    """Schedule `send(object_id)` for when the current transaction commits (never on rollback)."""
    if not _muted.get():
        transaction.on_commit(partial(send, object_id))


def _send(subject_template: str, body_template: str, context: dict, recipients) -> int:
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return 0
    # E-mails go out in Japanese, the portal's first language.
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(subject_template, context).strip().replace("\n", " ")
        body = render_to_string(body_template, context)
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in recipients]
    try:
        return send_mass_mail(messages, fail_silently=False)
    except OSError:
        # The transition is committed; a mail server outage must not turn it into an error.
        log.exception("could not send %s", subject_template)
        return 0


def _group_addresses(proposal: Proposal) -> list[str]:
    return [proposal.group.contact_email,
            *proposal.group.members.values_list("email", flat=True)]


def status_changed(event_id: int) -> int:
    event = Event.objects.select_related("proposal__group", "proposal__call", "actor").get(
        pk=event_id
    )
    return _send(
        "proposals/email/status_changed_subject.txt",
        "proposals/email/status_changed.txt",
        {"event": event, "proposal": event.proposal},
        _group_addresses(event.proposal),
    )


def review_opened(proposal_id: int) -> int:
    proposal = Proposal.objects.select_related("call").get(pk=proposal_id)
    addresses = sitting_members().values_list("user__email", flat=True)
    return _send(
        "proposals/email/review_opened_subject.txt",
        "proposals/email/review_opened.txt",
        {"proposal": proposal},
        addresses,
    )


def recommended(proposal_id: int) -> int:
    proposal = Proposal.objects.select_related("call").get(pk=proposal_id)
    addresses = get_user_model().objects.filter(
        groups__name=Role.MAYORS_OFFICE.value, is_active=True
    ).values_list("email", flat=True)
    return _send(
        "proposals/email/recommended_subject.txt",
        "proposals/email/recommended.txt",
        {"proposal": proposal},
        addresses,
    )
