"""The portal's URLs and, for the load bench only, a hello-world view: the floor a page
served through the portal's own middleware can reach (never in production's URLs)."""

from django.http import HttpResponse
from django.urls import path

from partnership.urls import handler500
from partnership.urls import urlpatterns as portal

__all__ = ["handler500", "urlpatterns"]


def hello(request):
    return HttpResponse("Hello, world", content_type="text/plain")


urlpatterns = [path("bench/hello/", hello), *portal]
