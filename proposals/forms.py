"""Forms of the citizen-group pages: a proposal draft, withdrawal, attachments."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnership.models import Department
from partnership.selectors import groups_of

from .actions import EDITABLE_FIELDS
from .attachments import ACCEPT
from .models import ActivityField, Call, Proposal
from .selectors import open_calls

YEN_HELP = _("In yen, whole numbers without commas (for example 1200000).")


class ProposalForm(forms.ModelForm):
    """The fields a group writes; saving goes through proposals.actions."""

    class Meta:
        model = Proposal
        fields = list(EDITABLE_FIELDS)
        labels = {
            "title": _("Title"),
            "field_of_activity": _("Field of activity"),
            "summary": _("Summary"),
            "problem": _("The local problem it answers"),
            "group_role": _("What the group will do"),
            "city_role": _("What the city is asked to do"),
            "beneficiaries": _("Who benefits"),
            "expected_outcomes": _("Expected outcomes and measurable targets"),
            "budget_total": _("Total budget (yen)"),
            "budget_city_share": _("City's share (yen)"),
            "duration_months": _("Duration (months)"),
            "desired_department": _("Desired partner department"),
        }
        help_texts = {
            "field_of_activity": _(
                "Needed to submit. The public search can find proposals by their field."
            ),
            "summary": _("Two or three sentences that say what the project is."),
            "expected_outcomes": _(
                "Say what will change and how it will be measured, e.g. 3,000 consultations a year."
            ),
            "budget_total": YEN_HELP,
            "budget_city_share": _(
                "In yen, whole numbers without commas. At most the total budget."
            ),
            "duration_months": _("From 1 to 60 months."),
            "desired_department": _("Leave empty if you do not know which department fits."),
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "problem": forms.Textarea(attrs={"rows": 4}),
            "group_role": forms.Textarea(attrs={"rows": 4}),
            "city_role": forms.Textarea(attrs={"rows": 4}),
            "beneficiaries": forms.Textarea(attrs={"rows": 3}),
            "expected_outcomes": forms.Textarea(attrs={"rows": 4}),
            "budget_total": forms.NumberInput(attrs={"min": 0, "step": 1, "inputmode": "numeric"}),
            "budget_city_share": forms.NumberInput(
                attrs={"min": 0, "step": 1, "inputmode": "numeric"}
            ),
            "duration_months": forms.NumberInput(attrs={"min": 1, "max": 60, "step": 1}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["desired_department"].queryset = Department.objects.order_by("name")
        self.fields["field_of_activity"].choices = [("", _("Not chosen yet")),
                                                    *ActivityField.choices]

    def clean(self):
        cleaned = super().clean()
        total, share = cleaned.get("budget_total"), cleaned.get("budget_city_share")
        if total is not None and share is not None and share > total:
            self.add_error(
                "budget_city_share", _("The city's share cannot be more than the total budget.")
            )
        return cleaned

    def proposal_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in EDITABLE_FIELDS}


class ProposalCreateForm(ProposalForm):
    """A new draft: also which of the user's groups proposes it, and to which open call."""

    group = forms.ModelChoiceField(
        label=_("Proposing group"), queryset=None,
        help_text=_("One of the citizen groups you belong to."),
    )
    call = forms.ModelChoiceField(
        label=_("Call for proposals"), queryset=None,
        help_text=_("Only calls that are open for submissions are listed."),
    )

    field_order = ["group", "call", *EDITABLE_FIELDS]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups_of(user=user).order_by("name")
        self.fields["call"].queryset = open_calls()
        for name in ("group", "call"):  # a single choice is chosen already
            choices = list(self.fields[name].queryset[:2])
            if len(choices) == 1 and not self.initial.get(name):
                self.initial[name] = choices[0].pk
        self.fields["call"].label_from_instance = self._call_label
        self.order_fields(self.field_order)

    @staticmethod
    def _call_label(call: Call) -> str:
        return str(_("%(title)s (fiscal %(year)s)") % {"title": call.display_title,
                                                        "year": call.fiscal_year})


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The reason is shown in the proposal's public history."),
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, PNG or JPEG, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
