from django.core.paginator import Paginator
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from partnership import text

from . import search
from .search_forms import KINDS, SearchForm


class CountedPaginator(Paginator):
    """A paginator told its count: the tabs have just counted the same rows, and counting
    them again would search the proposals a second time."""

    def __init__(self, object_list, per_page: int, count: int):
        super().__init__(object_list, per_page)
        self._count = count

    @property
    def count(self) -> int:
        return self._count


class SearchView(PermissionRequiredMixin, TemplateView):
    """Everyone's search; the form is read from the address, so a search can be shared."""

    permission_required = "portal.search"
    template_name = "portal/search.html"
    page_size = 20

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET or None)
        context = {"form": form, "searched": False}
        if form.is_bound and form.is_valid() and text.check(form):
            query, kind = form.search_query(), form.search_kind()
            counts = search.counts(query)
            page = CountedPaginator(search.results(kind, query), self.page_size,
                                    counts[kind]).get_page(self.request.GET.get("page"))
            params = self.request.GET.copy()
            params.pop("page", None)
            tabs = []
            for value, label in KINDS:
                params["kind"] = value
                tabs.append((value, label, counts[value], params.urlencode()))
            params["kind"] = kind
            context.update(searched=True, kind=kind, page_obj=page, tabs=tabs,
                           query=params.urlencode())
        return super().get_context_data(**context, **kwargs)
