"""Encryption at rest of the family-situation reports' free text (Fernet, from the
`cryptography` package).

The keys come from `DJANGO_FAMILY_REPORT_KEYS`, newest first: the first encrypts, every
one decrypts (MultiFernet), so a new key can be put in front while the reports written
with the old one are re-encrypted (`manage.py rotate_family_report_key`).
"""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def _development_key() -> str:
    # Development only (DEBUG on, no key set): the demo works without setting anything,
    # and nothing written so is worth protecting.
    digest = hashlib.sha256(f"family-reports:{settings.SECRET_KEY}".encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()


def keys() -> list[str]:
    configured = list(settings.FAMILY_REPORT_KEYS)
    if configured:
        return configured
    if settings.DEBUG:
        return [_development_key()]
    raise ImproperlyConfigured(
        "DJANGO_FAMILY_REPORT_KEYS is not set: family-situation reports cannot be "
        "encrypted. Generate a key with `python -c \"from cryptography.fernet import "
        "Fernet; print(Fernet.generate_key().decode())\"`.")


def cipher() -> MultiFernet:
    try:
        return MultiFernet([Fernet(key) for key in keys()])
    except ValueError as error:
        raise ImproperlyConfigured(
            "DJANGO_FAMILY_REPORT_KEYS holds a key that is not a Fernet key "
            "(32 url-safe base64-encoded bytes).") from error


def encrypt(text: str) -> str:
    if not text:
        return ""
    return cipher().encrypt(text.encode()).decode("ascii")


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return cipher().decrypt(token.encode("ascii")).decode()
    except InvalidToken as error:
        raise ImproperlyConfigured(
            "A family-situation report was encrypted with a key that "
            "DJANGO_FAMILY_REPORT_KEYS no longer holds.") from error

