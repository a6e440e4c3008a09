"""Forms of the citizen-group pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CitizenGroup, GroupMembership


class GroupForm(forms.ModelForm):
    class Meta:
        model = CitizenGroup
        fields = ["name", "kind", "contact_email"]
        labels = {
            "name": _("Name of the group"),
            "kind": _("Kind of group"),
            "contact_email": _("Contact e-mail"),
        }
        help_texts = {
            "name": _("The name as it should appear on proposals."),
            "contact_email": _("The city writes to this address about the group's proposals."),
        }
        widgets = {"contact_email": forms.EmailInput(attrs={"autocomplete": "email"})}

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if CitizenGroup.objects.filter(name__iexact=name).exists():
            raise forms.ValidationError(_("A citizen group with this name is already registered."))
        return name


class MemberAddForm(forms.Form):
    identifier = forms.CharField(
        label=_("User name or e-mail address"),
        max_length=254,
        help_text=_("The person needs an account on this portal already."),
    )
    role = forms.ChoiceField(
        label=_("Role in the group"),
        choices=GroupMembership.GroupRole.choices,
        initial=GroupMembership.GroupRole.MEMBER,
    )


class ConfirmForm(forms.Form):
    """A confirmation page's form: no fields, one button."""
