"""Forms of the partnership app's pages: citizen groups, and a person's own settings."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from . import notices
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
            "contact_email": _("The group's own address, for the city to reach it. Notices "
                               "about proposals go to each member's account."),
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


class SettingsForm(forms.Form):
    """A person's language and the notices they want by e-mail (one box per kind)."""

    language = forms.ChoiceField(
        label=_("Language"), widget=forms.RadioSelect,
        help_text=_("The language of the portal once you sign in, and of your e-mails."),
    )
    email_kinds = forms.MultipleChoiceField(
        label=_("Send me an e-mail when"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Every notification is listed on your notifications page either way."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each language in its own words: whoever cannot read this page still finds theirs.
        self.fields["language"].choices = [
            (code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]
        self.fields["email_kinds"].choices = [
            (kind.name, kind.label) for kind in notices.KINDS.values()]
