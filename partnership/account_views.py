"""Signing up, verifying the address, resetting a password and changing e-mail: Django's
own auth views where they fit, with the e-mails sent through the queue."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.urls import reverse, reverse_lazy
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from . import actions, rate_limit, submissions, text
from .account_forms import EmailChangeForm, QueuedPasswordResetForm, SignUpForm
from .client_ip import client_ip
from .errors import DomainError
from .forms import ConfirmForm
from .models import User
from .view_mixins import ActionFormView

# Each address may ask for so many mails an hour, and each client for so many more.
LIMITS = {"address": 3, "client": 20}


def too_many(form, request, scope: str, address: str):
    """Refuse the form (status 429, nothing sent) when the rate limit is reached."""
    values = {"address": address, "client": client_ip(request) or "unknown"}
    if rate_limit.allow(scope, values, LIMITS):
        return None
    form.add_error(None, _("Too many requests for this address or from this connection. "
                           "Try again in an hour."))
    return form


class SignUpView(PermissionRequiredMixin, FormView):
    permission_required = "partnership.sign_up"
    template_name = "registration/signup.html"
    form_class = SignUpForm

    def form_valid(self, form):
        if not text.check_all(form):
            return self.form_invalid(form)
        if too_many(form, self.request, "signup", form.cleaned_data["email"]):
            return self.render_to_response(self.get_context_data(form=form), status=429)
        data = form.cleaned_data
        try:
            with transaction.atomic():
                submissions.once(self.request)
                actions.sign_up(actor=self.request.user, username=data["username"],
                                email=data["email"], password=data["password1"],
                                display_name=data["display_name"], language=data["language"])
        except submissions.AlreadySent:
            pass  # the first one was done: the same answer
        except DomainError as error:
            form.add_error("username", error.message)
            return self.form_invalid(form)
        return HttpResponseRedirect(reverse("signup_done"))


class SignUpDoneView(PermissionRequiredMixin, TemplateView):
    permission_required = "partnership.sign_up"
    template_name = "registration/signup_done.html"


class VerifyView(PermissionRequiredMixin, FormView):
    """The link in the sign-up e-mail shows a button: a mail scanner that opens links must
    not be the one to verify an account."""

    permission_required = "partnership.sign_up"
    template_name = "registration/verify.html"
    form_class = ConfirmForm

    def dispatch(self, request, *args, **kwargs):
        try:
            pk = int(force_str(urlsafe_base64_decode(kwargs["uidb64"])))
        except (TypeError, ValueError, OverflowError):
            raise Http404 from None
        self.account = User.objects.filter(pk=pk).first()
        if self.account is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            user = actions.verify_account(actor=self.account, token=self.kwargs["token"])
        except DomainError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        # Signing in applies the account's language (partnership.language).
        login(self.request, user, backend="partnership.backends.StaffModelBackend")
        messages.success(self.request, _("Your e-mail address is verified. Welcome!"))
        return HttpResponseRedirect(resolve_url(settings.LOGIN_REDIRECT_URL))


class PasswordResetView(auth_views.PasswordResetView):
    """Django's: the same answer whether or not the address has an account."""

    form_class = QueuedPasswordResetForm

    def form_valid(self, form):
        if too_many(form, self.request, "password_reset", form.cleaned_data["email"]):
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


class EmailChangeView(ActionFormView):
    permission_required = "partnership.change_own_email"
    template_name = "registration/email_change.html"
    form_class = EmailChangeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        if too_many(form, self.request, "email_change", form.cleaned_data["email"]):
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)

    def perform(self, form):
        return actions.request_email_change(actor=self.request.user,
                                            new_address=form.cleaned_data["email"])

    def success_message(self, result) -> str:
        return _("We sent a link to %(address)s. Your address changes once you open it.") % {
            "address": self.request.POST.get("email", "")}

    def get_success_url(self, result=None) -> str:
        return reverse("account_settings")


class EmailChangeConfirmView(ActionFormView):
    permission_required = "partnership.change_own_email"
    template_name = "registration/email_change_confirm.html"
    form_class = ConfirmForm
    success_url = reverse_lazy("account_settings")

    def perform(self, form):
        return actions.confirm_email_change(actor=self.request.user, token=self.kwargs["token"])

    def success_message(self, user) -> str:
        return _("Your e-mail address is now %(address)s.") % {"address": user.email}

    def get_success_url(self, result=None) -> str:
        return reverse("account_settings")
