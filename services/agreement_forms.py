"""The agreement's form: its terms, and the reason when it is an amendment."""

from django import forms

from .forms import DateInput
from .models import Agreement

TERMS = ["starts_on", "ends_on", "group_role", "city_role", "city_contribution",
         "group_share", "indicators", "reporting", "family_contacts"]


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["reason", *TERMS]
        widgets = {
            "starts_on": DateInput(), "ends_on": DateInput(),
            "reason": forms.Textarea(attrs={"rows": 3}),
            "group_role": forms.Textarea(attrs={"rows": 4}),
            "city_role": forms.Textarea(attrs={"rows": 4}),
            "indicators": forms.Textarea(attrs={"rows": 4}),
            "reporting": forms.Textarea(attrs={"rows": 3}),
            "city_contribution": forms.NumberInput(attrs={"min": "0", "inputmode": "numeric"}),
            "group_share": forms.NumberInput(attrs={"min": "0", "inputmode": "numeric"}),
        }

    def __init__(self, *args, amendment: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if amendment:
            self.fields["reason"].required = True
        else:  # the first version amends nothing
            del self.fields["reason"]
