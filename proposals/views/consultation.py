"""Consultation pages (事前相談): the list of one's consultations, opening one, the
department's answer, the group's reply, and attaching it to a draft."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView

from partnership.view_mixins import ActionFormView, PermissionPage

from .. import actions
from ..consultation_forms import (
    AnswerConsultationForm,
    LinkConsultationForm,
    OpenConsultationForm,
    ReplyConsultationForm,
)
from ..consultations import Consultation
from ..selectors import consultations_for


class ConsultationListView(PermissionPage, ListView):
    """The consultations of the user's groups, or of the user's departments."""

    permission_required = "proposals.view_consultations"
    template_name = "proposals/consultation_list.html"
    context_object_name = "consultations"
    paginate_by = 50

    def get_queryset(self):
        return consultations_for(self.request.user)


class OpenConsultationView(ActionFormView):
    permission_required = "proposals.open_consultation"
    template_name = "proposals/consultation_form.html"
    form_class = OpenConsultationForm
    extra_context = {"heading": gettext_lazy("Open a consultation"),
                     "button": gettext_lazy("Send to the department")}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        proposal = self.request.GET.get("proposal", "")
        return {"proposal": int(proposal)} if proposal.isdigit() else {}

    def perform(self, form):
        return actions.open_consultation(actor=self.request.user, **form.cleaned_data)

    def success_message(self, consultation) -> str:
        return _("The consultation is sent to %(department)s.") % {
            "department": str(consultation.department)}

    def get_success_url(self, consultation=None) -> str:
        return reverse("proposals:consultation_detail", kwargs={"pk": consultation.pk})


class ConsultationPage(PermissionPage):
    """A page about one consultation; its existence is secret from those who may not read
    it (404)."""

    secret_permission = "proposals.read_consultation"

    def get_object(self):
        return get_object_or_404(
            Consultation.objects.select_related("call", "group", "department", "proposal",
                                                "answered_by"),
            pk=self.kwargs["pk"])

    @property
    def consultation(self) -> Consultation:
        return self.object

    def get_context_data(self, **kwargs):
        return super().get_context_data(consultation=self.consultation, **kwargs)


class ConsultationDetailView(ConsultationPage, DetailView):
    permission_required = "proposals.read_consultation"
    template_name = "proposals/consultation_detail.html"

    def get_object(self, queryset=None):
        return self.object or super().get_object()


class ConsultationStepView(ConsultationPage, ActionFormView):
    template_name = "proposals/consultation_form.html"

    def get_success_url(self, result=None) -> str:
        return reverse("proposals:consultation_detail", kwargs={"pk": self.consultation.pk})


class AnswerConsultationView(ConsultationStepView):
    permission_required = "proposals.answer_consultation"
    form_class = AnswerConsultationForm
    extra_context = {"heading": gettext_lazy("The department's view"),
                     "button": gettext_lazy("Send the view")}

    def perform(self, form):
        return actions.answer_consultation(actor=self.request.user,
                                           consultation=self.consultation, **form.cleaned_data)

    def success_message(self, result) -> str:
        return _("The department's view is recorded; the group is told.")


class ReplyConsultationView(ConsultationStepView):
    permission_required = "proposals.reply_consultation"
    form_class = ReplyConsultationForm
    extra_context = {"heading": gettext_lazy("Reply to the department"),
                     "button": gettext_lazy("Send the reply")}

    def perform(self, form):
        return actions.reply_consultation(actor=self.request.user,
                                          consultation=self.consultation, **form.cleaned_data)

    def success_message(self, result) -> str:
        return _("The reply is recorded; the department is told.")


class LinkConsultationView(ConsultationStepView):
    permission_required = "proposals.link_consultation"
    form_class = LinkConsultationForm
    extra_context = {"heading": gettext_lazy("Attach the consultation to a draft"),
                     "button": gettext_lazy("Attach")}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "consultation": self.consultation}

    def perform(self, form):
        return actions.link_consultation(actor=self.request.user,
                                         consultation=self.consultation, **form.cleaned_data)

    def success_message(self, result) -> str:
        return _("The consultation now goes with the draft.")
