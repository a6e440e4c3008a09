"""A form is acted on once: the same form sent again by the same person within WINDOW is
answered "already sent" instead of being done twice. The check is a unique database row
written in the action's transaction, so two identical requests at the same moment are
one done and one refused, and a refused or failed action leaves no row behind."""

import datetime
import hashlib
import json

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .errors import DomainError
from .models.submissions import RecentSubmission

WINDOW = datetime.timedelta(seconds=30)


class AlreadySent(DomainError):
    """The same form was just done."""


def key_of(request) -> str:
    """The digest of who sent what where (the CSRF token aside: two tabs have two)."""
    fields = sorted((name, value) for name, values in request.POST.lists()
                    for value in values if name != "csrfmiddlewaretoken")
    files = sorted((name, upload.name, upload.size) for name, upload in request.FILES.items())
    payload = json.dumps([request.user.pk, request.path, fields, files], ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def once(request) -> None:
    """Call inside the action's transaction, before the action."""
    now = timezone.now()
    RecentSubmission.objects.filter(created_at__lt=now - WINDOW).delete()
    try:
        with transaction.atomic():
            RecentSubmission.objects.create(key=key_of(request), created_at=now)
    except IntegrityError as error:
        raise AlreadySent(_("This form was already sent a moment ago; it was done once, "
                            "not twice.")) from error
