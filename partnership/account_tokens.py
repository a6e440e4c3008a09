"""The links the portal mails about an account: verifying a new account's address, and
confirming a new address. Neither token is stored anywhere: each is signed with the secret
key and written by the worker when it writes the e-mail.

Each works once: the verification token covers whether the account is active, and the
change token the address it changes from, so using the link changes what it was made from.
"""

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import signing

from .models import User

EMAIL_CHANGE_SALT = "partnership.account_tokens.email_change"


class VerificationTokens(PasswordResetTokenGenerator):
    key_salt = "partnership.account_tokens.VerificationTokens"

    def _make_hash_value(self, user: User, timestamp: int) -> str:
        return f"{user.pk}{user.is_active}{user.email}{timestamp}"


verification = VerificationTokens()


def email_change_token(user: User, new_address: str) -> str:
    return signing.dumps({"user": user.pk, "from": user.email, "to": new_address},
                         salt=EMAIL_CHANGE_SALT, compress=True)


def read_email_change(token: str) -> dict | None:
    """The change a token asks for ({"user", "from", "to"}), or None when it is not one of
    ours or is older than a reset link may be."""
    try:
        data = signing.loads(token, salt=EMAIL_CHANGE_SALT,
                             max_age=settings.PASSWORD_RESET_TIMEOUT)
    except (signing.BadSignature, ValueError):
        return None
    if not isinstance(data, dict) or set(data) != {"user", "from", "to"}:
        return None
    return data
