"""Views of the services app: permission check, form, action, message."""

import hashlib

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import ListView

from partnership.fiscal import fiscal_year_of

from . import actions, importing, selectors
from .errors import ServiceError
from .forms import (
    EvaluationForm,
    FilterForm,
    ImportForm,
    ProjectForm,
    TargetForm,
    entry_formset_class,
    record_form_class,
)
from .indicators import indicator_values
from .kinds import KINDS
from .models import Evaluation, Indicator
from .rules import EVALUATE_PERMS

RECORDS_PER_PAGE = 50
SESSION_IMPORT = "services_import"
IMPORT_DIR = "imports"  # previewed uploads wait here (default storage) until confirmed


def problem_text(problem: importing.Problem) -> str:
    """A problem of an uploaded file in the user's language (the command prints `str()`,
    whose English `line N: column: problem` is a stable interface, DESIGN section 6)."""
    if problem.line is None:
        return str(problem.message)
    # Same msgid as import_upload.html's blocktranslate.
    return _("line %(line)s: %(column)s: %(message)s") % {
        "line": problem.line, "column": problem.column, "message": problem.message,
    }


class ProjectListView(ListView):
    template_name = "services/project_list.html"
    paginate_by = 25
    context_object_name = "projects"

    def get_queryset(self):
        return selectors.projects()


def _year_param(request, project) -> int:
    years = selectors.project_years(project)
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return selectors.current_year_of(project)
    return year if year in years else selectors.current_year_of(project)


def project_detail(request, code: str):
    project = get_object_or_404(selectors.projects(), code=code)
    user = request.user
    context = {"project": project, "years": selectors.project_years(project)}
    can_records = user.has_perm("services.view_records", project)
    can_evaluations = user.has_perm("services.view_evaluations", project)
    if can_records or can_evaluations:
        year = _year_param(request, project)
        years = context["years"]
        values = indicator_values(years=years, projects=[project])
        context.update(
            year=year,
            evaluations=selectors.evaluations(project, year),
            evaluators=Evaluation.Evaluator,
            # (evaluator, label) of the evaluations this user may write
            may_evaluate=[(value, label) for value, label in Evaluation.Evaluator.choices
                          if user.has_perm(EVALUATE_PERMS[value], project)],
            rows=selectors.targets_against_results(project, year, values),
        )
        if can_records:
            closed = selectors.closed_years(project)
            context.update(
                summary=selectors.yearly_summary(project, years, values),
                closed=sorted(closed),
                year_closed=year in closed,
                kinds=KINDS.values(),
            )
    context.update(can_records=can_records, can_evaluations=can_evaluations)
    return render(request, "services/project_detail.html", context)


class ProjectView(View):
    """A project's internal page: 404 for those who may not see its records, 403 to act.

    A fiscal year in the URL must be one of the project's years (404 otherwise).
    """

    read_perm = "services.view_records"
    act_perm: str | None = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        self.project = get_object_or_404(selectors.projects(), code=kwargs["code"])
        if "kind" in kwargs:
            self.kind = KINDS.get(kwargs["kind"])
            if self.kind is None:
                raise Http404
        if "year" in kwargs and kwargs["year"] not in selectors.project_years(self.project):
            raise Http404
        if not request.user.has_perm(self.read_perm, self.project):
            raise Http404
        if self.act_perm and not request.user.has_perm(self.act_perm, self.project):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def detail_url(self, year: int | None = None) -> str:
        url = reverse("services:project_detail", kwargs={"code": self.project.code})
        return f"{url}?year={year}" if year else url

    def list_url(self) -> str:
        return reverse("services:record_list",
                       kwargs={"code": self.project.code, "kind": self.kind.slug})


class ProjectEditView(ProjectView):
    read_perm = "services.read_project"  # the project is public: others get 403
    act_perm = "services.edit_project"

    def get(self, request, code):
        return self.show(ProjectForm(instance=self.project))

    def show(self, form):
        return render(self.request, "services/project_form.html",
                      {"project": self.project, "form": form})

    def post(self, request, code):
        form = ProjectForm(request.POST, instance=selectors.projects().get(pk=self.project.pk))
        if not form.is_valid():
            return self.show(form)
        try:
            project = actions.update_project(actor=request.user, project=self.project,
                                             **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
            return self.show(form)
        messages.success(request, _("The project was saved."))
        return redirect("services:project_detail", code=project.code)


def _cell(record, name):
    value = getattr(record, name)
    display = getattr(record, f"get_{name}_display", None)
    if display is not None:
        return display()
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return value


class RecordListView(ProjectView):
    def get(self, request, code, kind):
        years = selectors.project_years(self.project)
        default_year = selectors.current_year_of(self.project)
        data = request.GET if "year" in request.GET else {"year": default_year}
        filters = FilterForm(data, years=years)
        year = month = None
        if filters.is_valid():
            year = filters.cleaned_data["year"] or None
            month = filters.cleaned_data["month"] or None
        page = Paginator(
            selectors.records(self.project, self.kind, year=year, month=month), RECORDS_PER_PAGE
        ).get_page(request.GET.get("page"))
        closed = selectors.closed_years(self.project)
        can_write = request.user.has_perm("services.write_records", self.project)
        rows = [
            (record, [_cell(record, name) for name in self.kind.list_fields],
             can_write and fiscal_year_of(record.record_date()) not in closed)
            for record in page.object_list
        ]
        query = request.GET.copy()
        query.pop("page", None)
        return render(request, "services/record_list.html", {
            "project": self.project, "kind": self.kind, "filters": filters, "page_obj": page,
            "rows": rows, "can_write": can_write, "query": query.urlencode(),
            "headers": [self.kind.model._meta.get_field(name).verbose_name
                        for name in (self.kind.date_field, *self.kind.list_fields)],
            "year_closed": year in closed if year else False, "kinds": KINDS.values(),
        })


class RecordEntryView(ProjectView):
    act_perm = "services.write_records"

    def formset(self, data=None):
        initial = {self.kind.date_field: selectors.today(),
                   **selectors.last_values(self.project, self.kind)}
        # Defaults through form_kwargs: every row stays an extra (optional) row, so untouched
        # rows are ignored (rows given as formset initial data would all be required).
        formset = entry_formset_class(self.kind)(data, form_kwargs={"initial": initial},
                                                 prefix=self.kind.slug)
        if data is None:  # the date is today's: start typing in the next field
            formset.forms[0].fields[self.kind.fields[1]].widget.attrs["autofocus"] = True
        return formset

    def show(self, formset, error=None):
        return render(self.request, "services/record_entry.html", {
            "project": self.project, "kind": self.kind, "formset": formset, "error": error,
            "fields": [self.kind.model._meta.get_field(name) for name in self.kind.fields],
        })

    def get(self, request, code, kind):
        return self.show(self.formset())

    def post(self, request, code, kind):
        formset = self.formset(request.POST)
        if not formset.is_valid():
            return self.show(formset)
        rows = [form.cleaned_data for form in formset if form.has_changed() and form.cleaned_data]
        try:
            records = actions.create_records(actor=request.user, project=self.project,
                                             kind=self.kind, rows=rows)
        except ServiceError as error:
            return self.show(formset, error.message)
        messages.success(request, ngettext("%(count)s record was saved.",
                                           "%(count)s records were saved.", len(records))
                         % {"count": len(records)})
        if "add_more" in request.POST:
            return redirect(request.path)
        return redirect(self.list_url())


class RecordView(ProjectView):
    act_perm = "services.write_records"

    def get_record(self):
        record = get_object_or_404(self.kind.model, pk=self.kwargs["pk"], project=self.project)
        closed = fiscal_year_of(record.record_date()) in selectors.closed_years(self.project)
        return record, closed


class RecordEditView(RecordView):
    def show(self, record, form, closed):
        return render(self.request, "services/record_form.html", {
            "project": self.project, "kind": self.kind, "record": record, "form": form,
            "closed": closed,
        })

    def get(self, request, code, kind, pk):
        record, closed = self.get_record()
        return self.show(record, record_form_class(self.kind)(instance=record), closed)

    def post(self, request, code, kind, pk):
        record, closed = self.get_record()
        form = record_form_class(self.kind)(request.POST, instance=record)
        if not form.is_valid():
            return self.show(record, form, closed)
        try:
            actions.update_record(actor=request.user, record=record, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
            return self.show(record, form, closed)
        messages.success(request, _("The record was saved."))
        return redirect(self.list_url())


class RecordDeleteView(RecordView):
    def get(self, request, code, kind, pk):
        record, closed = self.get_record()
        return render(request, "services/record_confirm_delete.html", {
            "project": self.project, "kind": self.kind, "record": record, "closed": closed,
            "cells": [(self.kind.model._meta.get_field(name).verbose_name, _cell(record, name))
                      for name in self.kind.fields],
        })

    def post(self, request, code, kind, pk):
        record, _closed = self.get_record()
        try:
            actions.delete_record(actor=request.user, record=record)
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The record was deleted."))
        return redirect(self.list_url())


class RecordChangesView(ProjectView):
    def get(self, request, code):
        page = Paginator(selectors.record_changes(self.project), RECORDS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        return render(request, "services/record_changes.html",
                      {"project": self.project, "page_obj": page})


class YearCloseView(ProjectView):
    act_perm = "services.close_year"

    def get(self, request, code, year):
        return render(request, "services/year_close.html", {
            "project": self.project, "year": year,
            "closed": year in selectors.closed_years(self.project),
        })

    def post(self, request, code, year):
        try:
            actions.close_year(actor=request.user, project=self.project, year=year)
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Fiscal year %(year)s is closed.") % {"year": year})
        return redirect(self.detail_url(year))


class TargetsView(ProjectView):
    act_perm = "services.set_targets"

    def show(self, year, form):
        return render(self.request, "services/targets_form.html",
                      {"project": self.project, "year": year, "form": form})

    def get(self, request, code, year):
        initial = {k: t.value for k, t in selectors.targets(self.project, year).items()}
        return self.show(year, TargetForm(initial=initial))

    def post(self, request, code, year):
        form = TargetForm(request.POST)
        if not form.is_valid():
            return self.show(year, form)
        try:
            actions.set_targets(actor=request.user, project=self.project, year=year,
                                values={k: form.cleaned_data[k] for k in Indicator.values})
        except ServiceError as error:
            form.add_error(None, error.message)
            return self.show(year, form)
        messages.success(request, _("The targets were saved."))
        return redirect(self.detail_url(year))


class AgreeTargetsView(ProjectView):
    act_perm = "services.agree_targets"
    http_method_names = ["post"]

    def post(self, request, code, year):
        try:
            count = actions.agree_targets(actor=request.user, project=self.project, year=year)
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, ngettext("%(count)s target was agreed.",
                                               "%(count)s targets were agreed.", count)
                             % {"count": count})
        return redirect(self.detail_url(year))


class EvaluationView(ProjectView):
    read_perm = "services.view_evaluations"

    def dispatch(self, request, *args, **kwargs):
        if kwargs.get("evaluator") not in EVALUATE_PERMS:
            raise Http404
        self.act_perm = EVALUATE_PERMS[kwargs["evaluator"]]
        return super().dispatch(request, *args, **kwargs)

    def show(self, year, evaluator, form):
        return render(self.request, "services/evaluation_form.html", {
            "project": self.project, "year": year, "form": form,
            "evaluator_label": Evaluation.Evaluator(evaluator).label,
        })

    def get(self, request, code, year, evaluator):
        existing = selectors.evaluations(self.project, year).get(evaluator)
        return self.show(year, evaluator, EvaluationForm(instance=existing))

    def post(self, request, code, year, evaluator):
        form = EvaluationForm(request.POST)
        if not form.is_valid():
            return self.show(year, evaluator, form)
        try:
            actions.save_evaluation(actor=request.user, project=self.project, year=year,
                                    evaluator=evaluator, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
            return self.show(year, evaluator, form)
        messages.success(request, _("The evaluation was saved."))
        return redirect(self.detail_url(year))


class ImportUploadView(View):
    """Staff upload a CSV file, see a preview with every error, then confirm the import."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm("services.import_records"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def allowed(self) -> set[int]:
        return set(selectors.projects_run_by(self.request.user).values_list("pk", flat=True))

    def show(self, form, parsed=None):
        context = {"form": form, "parsed": parsed,
                   "projects": selectors.projects_run_by(self.request.user)}
        if parsed is not None:
            required, optional = importing.columns_of(parsed.kind)
            context.update(required=required, optional=optional)
        context["columns"] = [
            (kind.title, *importing.columns_of(kind)) for kind in KINDS.values()
        ]
        return render(self.request, "services/import_upload.html", context)

    def get(self, request):
        return self.show(ImportForm())

    def post(self, request):
        if "confirm" in request.POST:
            return self.confirm(request)
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.show(form)
        upload = form.cleaned_data["file"]
        data = upload.read()
        parsed = importing.parse(data, kind=form.cleaned_data["kind"], filename=upload.name,
                                 allowed_project_ids=self.allowed())
        self.discard_upload()
        if parsed.ok:
            # The bytes wait in the default storage, not in the session, which is loaded
            # (and rewritten by the idle timeout) on every request of the user.
            name = default_storage.save(f"{IMPORT_DIR}/{parsed.sha256}", ContentFile(data))
            request.session[SESSION_IMPORT] = {
                "kind": parsed.kind.slug, "filename": parsed.filename, "sha256": parsed.sha256,
                "name": name,
            }
        return self.show(form, parsed)

    def discard_upload(self) -> None:
        """Forget the previewed file of the session and delete its stored bytes."""
        stored = self.request.session.pop(SESSION_IMPORT, None)
        if stored and stored.get("name"):
            default_storage.delete(stored["name"])

    def confirm(self, request):
        stored = request.session.get(SESSION_IMPORT)
        data = None
        if stored and stored["sha256"] == request.POST.get("sha256"):
            try:
                with default_storage.open(stored["name"], "rb") as file:
                    data = file.read()
            except (FileNotFoundError, KeyError):  # deleted meanwhile, or an older session
                pass
            self.discard_upload()  # one confirmation per preview, whatever happens next
        if data is None:
            messages.error(request, _("The upload has expired: choose the file again."))
            return redirect("services:import_upload")
        if hashlib.sha256(data).hexdigest() != stored["sha256"]:
            raise PermissionDenied
        parsed = importing.parse(data, kind=stored["kind"], filename=stored["filename"],
                                 allowed_project_ids=self.allowed())
        if parsed.errors:
            for problem in parsed.errors:
                messages.error(request, problem_text(problem))
            return redirect("services:import_upload")
        try:
            batch = actions.import_records(actor=request.user, parsed=parsed)
        except ServiceError as error:
            messages.error(request, error.message)
            return redirect("services:import_upload")
        messages.success(request, ngettext("%(rows)s record was imported from %(file)s.",
                                           "%(rows)s records were imported from %(file)s.",
                                           batch.rows)
                         % {"rows": batch.rows, "file": batch.filename})
        return redirect("services:import_upload")
