"""Settings of the servers tests/test_multi_server.py starts: the production settings (DEBUG
off, Redis from REDIS_URL), with the tests' fast password hashing, static files without a
manifest (no collectstatic) and e-mails written to files in PORTAL_TEST_MAIL_DIR."""

import os

from partnership.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["PORTAL_TEST_MAIL_DIR"]
