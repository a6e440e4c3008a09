"""Test settings: the real settings module, with a test key and fast hashing."""

import os

os.environ["DJANGO_DOTENV"] = "0"  # a developer's .env must not change what the tests see

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-key-not-for-production-0123456789")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
# A Fernet key for the tests only (family-situation reports): never used anywhere else.
os.environ.setdefault("DJANGO_FAMILY_REPORT_KEYS", "dGVzdHMtb25seS1mYW1pbHkta2V5LW5vdC1yZWFsLTA=")

from partnership.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
LOGGING = {"version": 1, "disable_existing_loggers": False}
AXES_VERBOSE = False
# The open data's cache is tested on its own (tests/reports/test_api_cache.py): elsewhere a
# rolled-back test could leave an answer that the next one, reusing its ids, would read.
API_CACHE_SECONDS = 0
# Each test process keeps its own cache, whatever REDIS_URL says; the public pages are
# cached only in the tests that enable it (tests/test_page_cache.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
PAGE_CACHE_SECONDS = 0
