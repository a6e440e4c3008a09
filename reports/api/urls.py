"""The API's URL patterns (`api:<operation>`, `api:openapi-json`), each served through
the open-data cache. Its root, which django-ninja names `api-root` to find the API's
address, leads to the OpenAPI document (the interactive docs page is off)."""

from django.urls import URLPattern, path
from django.views.generic import RedirectView

from .cache import cached
from .site import api

patterns, _ninja_app, app_name = api.urls
urlpatterns = [
    path("", RedirectView.as_view(pattern_name="api:openapi-json"), name="api-root"),
    *[URLPattern(p.pattern, cached(p.callback), p.default_args, p.name)
      for p in patterns if p.name != "api-root"],
]
