"""Settings of the gunicorn instances `bench/load.py` starts: production's (DEBUG off, Redis
from REDIS_URL), plus the hello-world view the portal is compared with (loadbench_urls).

The bench speaks plain HTTP to 127.0.0.1, so the cookies are not Secure (the load tool
would not send them back), and static files need no collectstatic manifest.
"""

from partnership.settings import *  # noqa: F403

ROOT_URLCONF = "loadbench_urls"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = False
LOGGING["loggers"]["axes"]["level"] = "WARNING"  # noqa: F405 (a line per sign-in otherwise)
