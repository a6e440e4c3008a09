"""The agreement's pages: its versions, the draft (or amendment) the partner department
writes, and each side's confirmation (`services.transitions.AGREEMENT`)."""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from partnership.view_mixins import ActionFormView, ActionView

from .. import actions, selectors
from ..actions.agreements import SIDES
from ..agreement_forms import TERMS, AgreementForm
from ..kinds import KINDS
from ..transitions import AGREEMENT
from .mixins import ProjectPage


class AgreementPage(ProjectPage):
    def agreement_url(self) -> str:
        return reverse("services:agreement", kwargs={"code": self.project.code})

    def get_success_url(self, result=None) -> str:
        return self.agreement_url()

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "kinds": KINDS.values(),
                "agreement_page": True}


class AgreementView(AgreementPage, TemplateView):
    """Every version, newest first: what was agreed and who confirmed it when."""

    template_name = "services/agreement.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            agreements=selectors.agreements(self.project), **kwargs)


class AgreementDraftView(AgreementPage, ActionFormView):
    """The draft being written, or a new version (the first, or an amendment)."""

    template_name = "services/agreement_form.html"
    form_class = AgreementForm

    def get_object(self):
        project = super().get_object()
        self.draft = selectors.agreement_draft(project)
        self.latest = selectors.latest_agreement(project)
        return project

    def get_permission_object(self):
        return self.draft or self.project

    def get_permission_required(self):
        if self.draft is not None:
            return (AGREEMENT["edit_agreement"].permission,)
        return ("services.draft_agreement",)

    def amendment(self) -> bool:
        if self.draft is not None:
            return self.draft.is_amendment
        return self.latest is not None

    def get_form_kwargs(self):
        kwargs = {**super().get_form_kwargs(), "amendment": self.amendment()}
        if self.draft is not None:
            kwargs["instance"] = self.draft
        elif self.latest is not None:  # an amendment starts from the latest text
            kwargs["initial"] = {name: getattr(self.latest, name) for name in TERMS}
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(draft=self.draft, amendment=self.amendment(), **kwargs)

    def perform(self, form):
        terms = dict(form.cleaned_data)
        if self.draft is not None:
            return actions.edit_agreement(actor=self.request.user, agreement=self.draft,
                                          **terms)
        return actions.draft_agreement(actor=self.request.user, project=self.project, **terms)

    def success_message(self, result) -> str:
        return _("The draft agreement was saved; both sides now confirm it.")


class AgreementConfirmView(AgreementPage, ActionView):
    """One side confirms a draft (`side` in the URL: group or department)."""

    def get_object(self):
        project = super().get_object()
        if self.kwargs["side"] not in SIDES:
            raise Http404
        self.agreement = selectors.agreement_version(project, self.kwargs["version"])
        if self.agreement is None:
            raise Http404
        return project

    def get_permission_object(self):
        return self.agreement

    def get_permission_required(self):
        return (AGREEMENT[SIDES[self.kwargs["side"]]].permission,)

    def perform(self):
        return actions.confirm_agreement(actor=self.request.user, agreement=self.agreement,
                                         side=self.kwargs["side"])

    def success_message(self, agreement) -> str:
        if agreement.status == agreement.Status.IN_FORCE:
            return _("Confirmed: both sides have confirmed, the agreement is in force.")
        return _("Confirmed: the agreement comes into force when the other side confirms it.")
