from django.http import HttpResponseServerError, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from . import health, request_id
from .page_cache import CachedPublicPage


class HomeView(CachedPublicPage, TemplateView):
    template_name = "home.html"


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers, 503 when it does not or not in time (load balancers)."""
    if not health.database_answers():
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})


@requires_csrf_token
def server_error(request):
    """The 500 page, with the request's id for the person to quote. It uses no context
    processor and no database: what failed may be the database."""
    html = loader.get_template("500.html").render({"request_id": request_id.current()})
    return HttpResponseServerError(html)
