"""The portal's URLs plus a view that fails, for the server-error tests."""

from django.urls import path

from partnership.urls import handler500
from partnership.urls import urlpatterns as portal_urlpatterns


def broken(request):
    raise ZeroDivisionError("a bug in a view")


urlpatterns = [*portal_urlpatterns, path("broken/", broken, name="broken")]

__all__ = ["handler500", "urlpatterns"]
