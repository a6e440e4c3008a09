"""A person's own account: signing up, verifying the address, changing it.

Each is one transaction that writes the audit log and queues its e-mail
(`partnership.account_mail`), which leaves only if the change commits.
"""

from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from .. import account_mail, account_tokens, audit
from ..errors import AccountError
from ..models import User


def _address_taken(address: str, *, other_than: User | None = None) -> bool:
    taken = User.objects.filter(email__iexact=address, is_active=True)
    if other_than is not None:
        taken = taken.exclude(pk=other_than.pk)
    return taken.exists()


@transaction.atomic
def sign_up(*, actor, username: str, email: str, password: str, display_name: str = "",
            language: str) -> User | None:
    """A new, inactive account, and the link that verifies its address on its way.

    When an active account already has the address, no account is made and its owner is
    told instead: the visitor reads the same answer either way, so sign-up never says
    whose address is registered. The user name is public on the portal and may say so.
    `actor` is the visitor, who is not signed in.
    """
    if actor.is_authenticated:
        raise AccountError(_("You already have an account: sign out to make another."))
    if User.objects.filter(username__iexact=username).exists():
        raise AccountError(_("This user name is taken: choose another."))
    hashed = make_password(password)  # the same work whether or not the address is free
    owner = User.objects.filter(email__iexact=email, is_active=True).first()
    if owner is not None:
        account_mail.send_account_email.enqueue(owner.pk, "already_registered", "")
        return None
    try:
        with transaction.atomic():
            user = User.objects.create(username=username, email=email, password=hashed,
                                       display_name=display_name, language=language,
                                       is_active=False)
    except IntegrityError as error:  # the same user name at the same moment
        raise AccountError(_("This user name is taken: choose another.")) from error
    audit.record(actor=None, action="account.signed_up", subject=user,
                 after={"username": username, "language": language})
    account_mail.send_account_email.enqueue(user.pk, "verify", "")
    return user


@transaction.atomic
def verify_account(*, actor: User, token: str) -> User:
    """Activate the account whose verification link this is (the link works once). The
    actor is that account: whoever holds the link mailed to its address acts for it."""
    user = User.objects.select_for_update().get(pk=actor.pk)
    if user.is_active or not account_tokens.verification.check_token(user, token):
        raise AccountError(_("This link has expired or was already used. Sign in, or ask "
                             "for a new password if you forgot it."))
    if _address_taken(user.email):
        raise AccountError(_("Another account verified this e-mail address first. Sign "
                             "in to it, or sign up again with another address."))
    user.is_active = True
    try:
        with transaction.atomic():
            user.save(update_fields=["is_active"])
    except IntegrityError as error:  # the other account verified it at the same moment
        raise AccountError(_("Another account verified this e-mail address first. Sign "
                             "in to it, or sign up again with another address.")) from error
    audit.record(actor=user, action="account.verified", subject=user,
                 before={"is_active": False}, after={"is_active": True})
    return user


@transaction.atomic
def request_email_change(*, actor: User, new_address: str) -> None:
    """Mail a confirmation link to the new address; nothing changes until it is used."""
    user = User.objects.select_for_update().get(pk=actor.pk)
    if new_address.casefold() == (user.email or "").casefold():
        raise AccountError(_("This is already your e-mail address."))
    audit.record(actor=actor, action="account.email_change_requested", subject=user,
                 after={"email": new_address})
    # Whether another account holds the address is checked when the link is used: saying
    # so here would tell anyone whose address is registered.
    account_mail.send_account_email.enqueue(user.pk, "email_change", new_address)


@transaction.atomic
def confirm_email_change(*, actor: User, token: str) -> User:
    """Put the address a confirmation link names on `actor`'s account; tell the old one."""
    data = account_tokens.read_email_change(token)
    user = User.objects.select_for_update().get(pk=actor.pk)
    if data is None or data["user"] != user.pk or data["from"] != user.email:
        raise AccountError(_("This link has expired, was already used or belongs to "
                             "another account."))
    if _address_taken(data["to"], other_than=user):
        raise AccountError(_("Another account uses this e-mail address."))
    old = user.email
    user.email = data["to"]
    try:
        with transaction.atomic():
            user.save(update_fields=["email"])
    except IntegrityError as error:  # another account took it at the same moment
        raise AccountError(_("Another account uses this e-mail address.")) from error
    audit.record(actor=actor, action="account.email_changed", subject=user,
                 before={"email": old}, after={"email": user.email})
    if old:
        account_mail.send_account_email.enqueue(user.pk, "email_changed", old)
    actor.email = user.email
    return user
