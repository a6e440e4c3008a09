"""bench/enumeration.py's settings: the tests' (mail kept in memory, a cache of the process's
own) with production's password hashing, whose cost is what a timing attack would see."""

from django.conf import global_settings

from tests.settings import *  # noqa: F403

PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
