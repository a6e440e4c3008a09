"""Forms of the consultation pages. They only shape the input: the rules live in
`proposals.actions.consultation`."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnership.models import Department
from partnership.selectors import groups_of

from .models import Proposal, Status
from .selectors import open_calls

LONG = 4000


def _text(label, *, required: bool = True, help_text: str = "") -> forms.CharField:
    return forms.CharField(label=label, required=required, max_length=LONG,
                           widget=forms.Textarea(attrs={"rows": 4}), help_text=help_text)


class OpenConsultationForm(forms.Form):
    group = forms.ModelChoiceField(label=_("Group"), queryset=None)
    call = forms.ModelChoiceField(label=_("Call for proposals"), queryset=None)
    department = forms.ModelChoiceField(
        label=_("Department to consult"), queryset=Department.objects.all(),
        help_text=_("The department you would like as the project's partner."))
    proposal = forms.ModelChoiceField(
        label=_("Draft (if there is one)"), queryset=None, required=False,
        help_text=_("You may consult before writing a draft and attach the consultation "
                    "to it later."))
    subject = forms.CharField(label=_("Subject"), max_length=200)
    question = _text(_("What would you like to discuss?"),
                     help_text=_("The idea, what the group would do, and what it would ask "
                                 "of the city."))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        groups = groups_of(user=user).order_by("name")
        self.fields["group"].queryset = groups
        self.fields["call"].queryset = open_calls()
        self.fields["proposal"].queryset = Proposal.objects.filter(
            group__in=groups, status=Status.DRAFT, consultation__isnull=True).order_by("title")


class AnswerConsultationForm(forms.Form):
    fit = _text(_("Fit with existing city services"))
    overlap = _text(_("Overlap with existing city services"), required=False,
                    help_text=_("A city service that does the same, if any."))
    contribution = _text(_("What the city could contribute"), required=False)
    concerns = _text(_("Concerns"), required=False)


class ReplyConsultationForm(forms.Form):
    reply = _text(_("The group's reply"),
                  help_text=_("The partnership and the mayor's office read it with the "
                              "department's view."))


class LinkConsultationForm(forms.Form):
    proposal = forms.ModelChoiceField(label=_("Draft"), queryset=None)

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].queryset = Proposal.objects.filter(
            group_id=consultation.group_id, call_id=consultation.call_id,
            status=Status.DRAFT, consultation__isnull=True).order_by("title")
