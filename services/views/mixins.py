"""What the project pages share, built on `partnership.view_mixins`: the project of the URL
(404 for those who may not read its records), the kind of record, the fiscal year (the
object most steps are permitted on), and the links back."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from partnership.view_mixins import PermissionPage

from .. import selectors
from ..kinds import KINDS, RecordKind
from ..models import Project, ProjectYear


class ProjectPage(PermissionPage):
    """A page about one project (`code` in the URL). Its internal pages are secret from
    those who may not read its records: they get 404."""

    secret_permission = "services.view_records"
    permission_required = "services.view_records"  # pages that act ask for more

    def get_object(self) -> Project:
        return get_object_or_404(selectors.projects(), code=self.kwargs["code"])

    @property
    def project(self) -> Project:
        return self.object

    def get_context_data(self, **kwargs):
        # After the URL's arguments (which a TemplateView passes in), so that these win.
        return {**super().get_context_data(**kwargs), "project": self.project}

    def detail_url(self, year: int | None = None) -> str:
        url = reverse("services:project_detail", kwargs={"code": self.project.code})
        return f"{url}?year={year}" if year else url


class KindPage(ProjectPage):
    """A page about one kind of record of a project (`kind` in the URL)."""

    def get_object(self) -> Project:
        project = super().get_object()
        self.kind: RecordKind = KINDS.get(self.kwargs["kind"])
        if self.kind is None:
            raise Http404
        return project

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "kind": self.kind,
                "kinds": KINDS.values()}

    def list_url(self) -> str:
        return reverse("services:record_list",
                       kwargs={"code": self.project.code, "kind": self.kind.slug})


class YearPage(ProjectPage):
    """A step in one fiscal year of a project (`year` in the URL; 404 outside the
    project's period). The step's permission is asked of the year."""

    def get_object(self) -> Project:
        project = super().get_object()
        year = selectors.year_of(project, self.kwargs["year"])
        if year is None:
            raise Http404
        self.year: ProjectYear = year
        return project

    def get_permission_object(self) -> ProjectYear:
        return self.year

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "year": self.year}

    def get_success_url(self, result=None) -> str:
        return self.detail_url(self.year.fiscal_year)
