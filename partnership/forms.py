"""Forms of the partnership app's pages: citizen groups, and a person's own settings."""

import datetime

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from . import notices
from .models import CitizenGroup, GroupMembership


class GroupForm(forms.ModelForm):
    """A group's details; saving goes through partnership.actions (which checks the name)."""

    class Meta:
        model = CitizenGroup
        fields = ["name", "kind", "contact_email", "articles"]
        labels = {
            "name": _("Name of the group"),
            "kind": _("Kind of group"),
            "contact_email": _("Contact e-mail"),
            "articles": _("The group's rules"),
        }
        help_texts = {
            "name": _("The name as it should appear on proposals."),
            "contact_email": _("The group's own address, for the city to reach it. Notices "
                               "about proposals go to each member's account."),
            "articles": _("Its purpose, how it takes decisions and handles money, as its "
                          "articles (規約) say. The city checks them before the group may "
                          "submit proposals."),
        }
        widgets = {"contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
                   "articles": forms.Textarea(attrs={"rows": 6})}

    def validate_unique(self):
        """The action checks the name (any case), with a message of its own."""


class InviteForm(forms.Form):
    identifier = forms.CharField(
        label=_("User name or e-mail address"),
        max_length=254,
        help_text=_("If this person has an account on the portal, they are told and may "
                    "accept. Nobody joins a group without accepting."),
    )
    role = forms.ChoiceField(
        label=_("Role in the group"),
        choices=GroupMembership.GroupRole.choices,
        initial=GroupMembership.GroupRole.MEMBER,
    )


class ReturnGroupForm(forms.Form):
    reason = forms.CharField(
        label=_("What the group must change"), max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The representative reads this comment with the group's page."),
    )


class ConfirmForm(forms.Form):
    """A confirmation page's form: no fields, one button."""


EARLIEST, LATEST = datetime.date(1990, 1, 1), datetime.date(2200, 12, 31)


class AuditFilterForm(forms.Form):
    """The audit log's filters: one object (and its parts), one person, a span of days."""

    kind = forms.ChoiceField(label=_("Kind of object"), required=False)
    object_id = forms.IntegerField(label=_("Object number"), required=False, min_value=1,
                                   max_value=2**62)
    actor = forms.CharField(label=_("User name of the person"), required=False, max_length=150)
    # The portal's records begin in the 2000s; the bounds keep every date convertible.
    date_from = forms.DateField(label=_("From (date)"), required=False,
                                validators=[MinValueValidator(EARLIEST), MaxValueValidator(LATEST)],
                                widget=forms.DateInput(attrs={"type": "date", "min": EARLIEST,
                                                              "max": LATEST}))
    date_to = forms.DateField(label=_("To (date)"), required=False,
                              validators=[MinValueValidator(EARLIEST), MaxValueValidator(LATEST)],
                              widget=forms.DateInput(attrs={"type": "date", "min": EARLIEST,
                                                            "max": LATEST}))

    def __init__(self, *args, kinds: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Any")), *kinds]

    def clean(self):
        data = super().clean()
        if data.get("object_id") and not data.get("kind"):
            self.add_error("kind", _("Choose the kind of object the number belongs to."))
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return data


class SettingsForm(forms.Form):
    """A person's display name, language and the notices they want by e-mail (one box per
    kind)."""

    display_name = forms.CharField(
        label=_("Display name"), max_length=150, required=False,
        help_text=_("The name shown to the groups and people you work with; your user "
                    "name when empty."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}))
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

    def clean_display_name(self):
        # A form sent without the field (an older page, a script) keeps the name as it is.
        return self.cleaned_data["display_name"] if "display_name" in self.data else None
