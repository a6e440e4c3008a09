from django.views.generic import TemplateView

from partnership.view_mixins import PermissionPage

from . import awaiting


class MyPageView(PermissionPage, TemplateView):
    """Where each person lands after signing in: what awaits them."""

    permission_required = "portal.view_my_page"
    template_name = "portal/my_page.html"

    def get_context_data(self, **kwargs):
        sections = awaiting.for_person(self.request.user)
        return super().get_context_data(sections=sections, **kwargs)
