"""URLs of the proposals app, one module per area (public, citizen group, review and decision)."""

from .urls_group import urlpatterns as group_urls
from .urls_hearings import urlpatterns as hearing_urls
from .urls_public import urlpatterns as public_urls
from .urls_review import urlpatterns as review_urls

app_name = "proposals"
urlpatterns = [*public_urls, *group_urls, *review_urls, *hearing_urls]
