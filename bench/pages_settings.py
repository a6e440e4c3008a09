"""bench/pages.py's settings: the tests' (fast password hashing, mail kept in memory) with
the production layout's shared cache and sessions when REDIS_URL is set (README,
"Production"): a signed-in page then reads its session from Redis, not from the database.
Set REDIS_URL= (empty) to measure with sessions in the database alone."""

import os

from tests.settings import *  # noqa: F403

if os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": os.environ["REDIS_URL"]}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
