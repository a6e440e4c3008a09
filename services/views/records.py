"""Service record pages: the list of a kind, the fast entry of several, edit and delete."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from partnership.fiscal import fiscal_year_of
from partnership.view_mixins import ActionFormView, ActionView

from .. import actions, selectors
from ..forms import FilterForm, entry_formset_class, record_form_class
from ..models import Record
from .mixins import KindPage

WRITE = "services.write_records"


def _cell(record, name):
    value = getattr(record, name)
    display = getattr(record, f"get_{name}_display", None)
    if display is not None:
        return display()
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return value


def writable(user, years: dict) -> dict[int, bool]:
    """Fiscal year -> whether `user` may write records in it now."""
    return {number: user.has_perm(WRITE, year) for number, year in years.items()}


class RecordListView(KindPage, TemplateView):
    """A kind's records, filtered by fiscal year and month; edit links in the open years."""

    template_name = "services/record_list.html"

    def get_context_data(self, **kwargs):
        years = self.project.fiscal_years()
        data = (self.request.GET if "year" in self.request.GET
                else {"year": selectors.current_year_of(self.project)})
        filters = FilterForm(data, years=years)
        year = month = None
        if filters.is_valid():
            year = filters.cleaned_data["year"] or None
            month = filters.cleaned_data["month"] or None
        page = self.paginate(selectors.records(self.project, self.kind, year=year, month=month))
        project_years = selectors.years_of(self.project)
        may_write = writable(self.request.user, project_years)
        rows = [(record, [_cell(record, name) for name in self.kind.list_fields],
                 may_write.get(fiscal_year_of(record.record_date()), False))
                for record in page.object_list]
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filters=filters, page_obj=page, rows=rows, query=query.urlencode(),
            can_write=any(may_write.values()),
            year_closed=year in project_years and project_years[year].is_closed,
            headers=[self.kind.model._meta.get_field(name).verbose_name
                     for name in (self.kind.date_field, *self.kind.list_fields)],
            **kwargs)


class RecordEntryView(KindPage, ActionFormView):
    """Several records of one kind in one form; each goes in the fiscal year of its date.
    For the group's staff while a year of the project is open (403 otherwise)."""

    template_name = "services/record_entry.html"

    def has_permission(self) -> bool:
        return any(writable(self.request.user, selectors.years_of(self.project)).values())

    def get_form(self, form_class=None):
        initial = {self.kind.date_field: selectors.entry_day(self.project),
                   **selectors.last_values(self.project, self.kind)}
        data = self.request.POST if self.request.method == "POST" else None
        # Defaults through form_kwargs: every row stays an extra (optional) row, so untouched
        # rows are ignored (rows given as formset initial data would all be required).
        formset = entry_formset_class(self.kind)(data, form_kwargs={"initial": initial},
                                                 prefix=self.kind.slug)
        if data is None:  # the date is today's: start typing in the next field
            formset.forms[0].fields[self.kind.fields[1]].widget.attrs["autofocus"] = True
        return formset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**context, "formset": context["form"],
                "fields": [self.kind.model._meta.get_field(name) for name in self.kind.fields]}

    def perform(self, formset):
        rows = [form.cleaned_data for form in formset if form.has_changed() and form.cleaned_data]
        return actions.create_records(actor=self.request.user, project=self.project,
                                      kind=self.kind, rows=rows)

    def success_message(self, records) -> str:
        return ngettext("%(count)s record was saved.", "%(count)s records were saved.",
                        len(records)) % {"count": len(records)}

    def get_success_url(self, result=None) -> str:
        return self.request.path if "add_more" in self.request.POST else self.list_url()


class RecordPage(KindPage):
    """A step on one record (`pk` in the URL), permitted on the fiscal year of its date:
    a record of a closed year (or outside the project's period) gets 403."""

    permission_required = WRITE

    def get_object(self):
        project = super().get_object()
        self.record: Record = get_object_or_404(self.kind.model, pk=self.kwargs["pk"],
                                                project=project)
        self.record.project = project
        return project

    def get_permission_object(self):
        return selectors.years_of(self.project).get(fiscal_year_of(self.record.record_date()))

    def get_context_data(self, **kwargs):
        return super().get_context_data(record=self.record, **kwargs)

    def get_success_url(self, result=None) -> str:
        return self.list_url()


class RecordEditView(RecordPage, ActionFormView):
    template_name = "services/record_form.html"

    def get_form_class(self):
        return record_form_class(self.kind)

    def get_form_kwargs(self):
        # The action reads the record afresh under its lock, whatever the form did to it.
        return {**super().get_form_kwargs(), "instance": self.record}

    def perform(self, form):
        return actions.update_record(actor=self.request.user, record=self.record,
                                     **form.cleaned_data)

    def success_message(self, record) -> str:
        return _("The record was saved.")


class RecordDeleteView(RecordPage, TemplateView, ActionView):
    """A confirmation page; the POST deletes the record (the audit log keeps a copy)."""

    http_method_names = ["get", "post"]
    template_name = "services/record_confirm_delete.html"

    def get_context_data(self, **kwargs):
        cells = [(self.kind.model._meta.get_field(name).verbose_name, _cell(self.record, name))
                 for name in self.kind.fields]
        return super().get_context_data(cells=cells, **kwargs)

    def perform(self):
        return actions.delete_record(actor=self.request.user, record=self.record)

    def success_message(self, result) -> str:
        return _("The record was deleted.")

