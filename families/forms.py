"""The forms of the family-situation reports; their data goes to `families.actions`."""

from django import forms
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from .models import MAX_REFERENCE, MAX_TEXT, FamilyReport

R = FamilyReport


class FileReportForm(forms.Form):
    family_reference = forms.CharField(
        label=_("Family reference"), max_length=MAX_REFERENCE,
        help_text=_("The code your group keeps for this family: never a name."))
    category = forms.ChoiceField(label=_("Category"), choices=R.Category.choices)
    urgency = forms.ChoiceField(label=_("Urgency"), choices=R.Urgency.choices,
                                widget=forms.RadioSelect)
    observed = forms.CharField(label=_("What was observed"), max_length=MAX_TEXT,
                               widget=forms.Textarea(attrs={"rows": 5}))
    npo_action = forms.CharField(label=_("What the group did"), max_length=MAX_TEXT,
                                 required=False, widget=forms.Textarea(attrs={"rows": 4}))
    consent = forms.TypedChoiceField(
        label=_("Did the family consent to the city being told?"),
        choices=[("yes", pgettext_lazy("consent", "Yes")),
                 ("no", pgettext_lazy("consent", "No"))], coerce=lambda value: value == "yes",
        widget=forms.RadioSelect)


class AcknowledgeForm(forms.Form):
    reply = forms.CharField(
        label=_("Reply to the group (optional)"), max_length=MAX_TEXT, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The filing group reads this reply."))


class InterventionForm(forms.Form):
    intervention = forms.ChoiceField(label=_("Intervention"), choices=R.Intervention.choices)
    city_notes = forms.CharField(
        label=_("City's notes (optional)"), max_length=MAX_TEXT, required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only child-welfare officers read these notes."))


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Fiscal year"), coerce=int)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        pattern = gettext("FY%(year)s")
        self.fields["year"].choices = [(year, pattern % {"year": year}) for year in years]
