"""What every signed-in page shares: one permission check, and one way to run an action.

`PermissionPage` signs the visitor in first, then answers 404 when they may not know
the object exists (`secret_permission`) and 403 when they may know it but not do this
(`permission_required`). Both are `rules` permissions, the same the templates and the
actions ask.

`ActionFormView` and `ActionView` call an action; a `DomainError` it raises changed
nothing and is shown to the person (on the form, or as a message).
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.views import View
from django.views.generic import FormView
from rules.contrib.views import PermissionRequiredMixin

from . import submissions, text
from .errors import DomainError

PAGE_SIZE = 50


class PermissionPage(PermissionRequiredMixin):
    secret_permission: str | None = None
    page_size = PAGE_SIZE
    object = None

    def get_object(self):
        """The object the page is about (None for a list page); 404 when it does not exist."""
        return None

    def get_permission_object(self):
        return self.object

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        self.object = self.get_object()
        if self.secret_permission and not request.user.has_perm(self.secret_permission,
                                                                self.object):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def paginate(self, queryset):
        return Paginator(queryset, self.page_size).get_page(self.request.GET.get("page"))


class ActionFormView(PermissionPage, FormView):
    """A form whose valid data goes to an action. Subclasses write `perform(form)` (which
    calls the action and returns what it made), `success_message` and `success_url`.
    The action's refusal goes on the field it names (`DomainError.field`), else on
    `error_field`, else on the form as a whole."""

    error_field: str | None = None

    def perform(self, form):
        raise NotImplementedError

    def success_message(self, result) -> str:
        return ""

    def get_success_url(self, result=None) -> str:
        raise NotImplementedError

    def form_valid(self, form):
        if not text.check_all(form):
            return self.form_invalid(form)
        try:
            with transaction.atomic():
                submissions.once(self.request)
                result = self.perform(form)
        except submissions.AlreadySent as sent:  # (a DomainError: caught first)
            messages.info(self.request, sent.message)
            return HttpResponseRedirect(self.request.path)
        except DomainError as error:
            form.add_error(error.field or self.error_field, error.message)
            return self.form_invalid(form)
        message = self.success_message(result)
        if message:
            messages.success(self.request, message)
        return HttpResponseRedirect(self.get_success_url(result))


class ActionView(PermissionPage, View):
    """A button: a POST calls `perform()`, then the page goes back to `get_success_url()`
    with the action's message or its refusal."""

    http_method_names = ["post"]

    def perform(self):
        raise NotImplementedError

    def success_message(self, result) -> str:
        return ""

    def get_success_url(self) -> str:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        try:
            result = self.perform()
        except DomainError as error:
            messages.error(request, error.message)
        else:
            message = self.success_message(result)
            if message:
                messages.success(request, message)
        return HttpResponseRedirect(self.get_success_url())
