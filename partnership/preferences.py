"""A person's own settings: their display name, their language, and which notices they
receive by e-mail.

Every notice is listed in the portal; e-mail is the choice. The language is that of
the portal once they sign in and of every e-mail they receive.
"""

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from . import audit, notices
from .errors import AccountError
from .models import User


def email_kinds(user: User) -> list[str]:
    """The registered notice kinds `user` receives by e-mail."""
    return [name for name in notices.KINDS if name not in (user.email_muted or [])]


@transaction.atomic
def update(*, actor: User, language: str, email_kinds: list[str],
           display_name: str | None = None) -> bool:
    """Save `actor`'s display name (None keeps it), language and the kinds they want by
    e-mail; whether anything changed.
    A change is written to the audit log; bad input raises `AccountError` and saves nothing."""
    if not (actor.is_authenticated and actor.is_active):
        raise AccountError(_("Sign in to change your settings."))
    if language not in dict(settings.LANGUAGES):
        raise AccountError(_("Choose one of the portal's languages."))
    unknown = set(email_kinds) - set(notices.KINDS)
    if unknown:
        raise AccountError(_("Choose among the notifications listed."))
    user = User.objects.select_for_update().get(pk=actor.pk)
    if display_name is None:
        display_name = user.display_name
    display_name = display_name.strip()
    if len(display_name) > User._meta.get_field("display_name").max_length:
        raise AccountError(_("The display name is too long."))
    before = {"display_name": user.display_name, "language": user.language,
              "email_muted": sorted(user.email_muted or [])}
    after = {"display_name": display_name, "language": language,
             "email_muted": sorted(set(notices.KINDS) - set(email_kinds))}
    if before == after:
        return False
    user.display_name = after["display_name"]
    if before["display_name"] == after["display_name"]:  # the log says what changed
        del before["display_name"], after["display_name"]
    user.language, user.email_muted = after["language"], after["email_muted"]
    user.save(update_fields=["display_name", "language", "email_muted"])
    audit.record(actor=actor, action="account.settings_changed", subject=user,
                 before=before, after=after)
    actor.display_name = user.display_name
    actor.language, actor.email_muted = user.language, user.email_muted
    return True
