"""Who reaches a project's trend (its page and its downloads): the `reports.view_project_trend`
rule on the project; another project's internal pages do not exist for its visitor (404)."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404
from rules.contrib.views import PermissionRequiredMixin

from services.models import Project


class ProjectTrendAccess(PermissionRequiredMixin):
    permission_required = "reports.view_project_trend"

    def get_permission_object(self):
        if not hasattr(self, "project"):
            self.project = get_object_or_404(
                Project.objects.select_related("group", "department"), code=self.kwargs["code"]
            )
        return self.project

    def handle_no_permission(self):
        if not self.request.user.is_authenticated:
            return redirect_to_login(self.request.get_full_path())
        raise Http404
