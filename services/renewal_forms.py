"""The mayor's office's renewal decision: continue (to a new end) or end, with reasons."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import DateInput
from .models import Renewal


class RenewalForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Decision"), choices=Renewal.Outcome.choices,
                                widget=forms.RadioSelect)
    ends_on = forms.DateField(
        label=_("Renewed until"), required=False, widget=DateInput(),
        help_text=_("Only for a renewal: the last day of the renewed period, usually the "
                    "end of a fiscal year (31 March)."))
    reasons = forms.CharField(
        label=_("Reasons"), max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Published with the decision on the project's public page."))

    def clean(self):
        data = super().clean()
        if data.get("outcome") == Renewal.Outcome.RENEW and not data.get("ends_on"):
            self.add_error("ends_on", _("Give the renewed period's end."))
        return data
