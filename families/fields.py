"""A text column kept encrypted in the database and read as plain text in Python."""

from django.db import models

from . import crypto


class EncryptedTextField(models.TextField):
    """Text encrypted with `families.crypto` on its way into the database. It cannot be
    searched or ordered by in SQL: nothing ever does."""

    def from_db_value(self, value, expression, connection):
        return crypto.decrypt(value) if value else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return crypto.encrypt(value) if value else value
