"""Following and no longer following a call, a proposal or a project."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from .. import audit, follows
from ..errors import AccountError
from ..models import Follow, User


def _allowed(actor: User, target) -> follows.Followable:
    kind = follows.kind_of(target)
    if not (actor.is_authenticated and actor.is_active
            and actor.has_perm(kind.permission, target)):
        raise AccountError(_("Sign in to follow what you may read."))
    return kind


@transaction.atomic
def follow(*, actor: User, target) -> bool:
    """Follow `target`; False when already following (twice is once: the database keeps
    one row per person and object)."""
    # The person's row is the lock: their follow and unfollow requests come one at a time.
    User.objects.select_for_update().get(pk=actor.pk)
    kind = _allowed(actor, target)
    try:
        with transaction.atomic():
            row = Follow.objects.create(user=actor, **follows.key(target))
    except IntegrityError:
        return False
    audit.record(actor=actor, action=f"{kind.kind}.followed", subject=row, parent=target)
    return True


@transaction.atomic
def unfollow(*, actor: User, target) -> bool:
    """Stop following `target`; False when not following."""
    User.objects.select_for_update().get(pk=actor.pk)
    kind = follows.kind_of(target)
    row = Follow.objects.filter(user=actor, **follows.key(target)).first()
    if row is None:
        return False
    audit.record(actor=actor, action=f"{kind.kind}.unfollowed", subject=row, parent=target)
    row.delete()
    return True
