"""The partnership's members-only thread on a proposal: read by the members and the chair
(never by the proposing group's own members); written while the review is open."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnership.view_mixins import ActionFormView

from .. import actions
from ..deliberation import DeliberationMessage
from ..hearing_forms import DeliberationForm
from .mixins import ProposalPage


class DeliberationView(ProposalPage, ActionFormView):
    permission_required = "proposals.read_deliberation"
    template_name = "proposals/review/deliberation.html"
    form_class = DeliberationForm
    extra_context = {"heading": gettext_lazy("Deliberation")}

    def get_context_data(self, **kwargs):
        messages = DeliberationMessage.objects.filter(proposal=self.proposal).select_related(
            "author")
        return super().get_context_data(thread=list(messages), **kwargs)

    def perform(self, form):
        return actions.post_deliberation(actor=self.request.user, proposal=self.proposal,
                                         **form.cleaned_data)

    def success_message(self, result) -> str:
        return _("Your message is posted to the partnership's members.")

    def get_success_url(self, result=None) -> str:
        return reverse("proposals:deliberation", kwargs={"pk": self.proposal.pk})
