"""Forms of a person's own account: signing up, resetting a password, changing e-mail."""

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import PasswordResetForm, UsernameField
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from . import account_mail
from .models import User


def language_choices() -> list[tuple[str, str]]:
    # Each language in its own words: whoever cannot read this page still finds theirs.
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


class SignUpForm(forms.Form):
    username = UsernameField(
        label=_("User name"), max_length=150,
        validators=User._meta.get_field("username").validators,
        help_text=_("Letters, digits and @ . + - _ only; others see it on the portal."),
        widget=forms.TextInput(attrs={"autocomplete": "username"}))
    display_name = forms.CharField(
        label=_("Display name"), max_length=150, required=False,
        help_text=_("The name shown to the groups and people you work with."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("E-mail address"), max_length=254,
        help_text=_("We send a link to this address: your account works once you open it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    language = forms.ChoiceField(
        label=_("Language"), widget=forms.RadioSelect,
        help_text=_("The language of the portal once you sign in, and of your e-mails."))
    password1 = forms.CharField(
        label=_("Password"), strip=False, max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html())
    password2 = forms.CharField(
        label=_("Password again"), strip=False, max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()
        current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        self.fields["language"].initial = current

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            candidate = User(username=data.get("username") or "", email=data.get("email") or "",
                             display_name=data.get("display_name") or "")
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, whose e-mail leaves through the queue: the task finds the
    account (if any), so the request is the same whether or not one exists."""

    email = forms.EmailField(label=_("E-mail address"), max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))

    def save(self, **kwargs) -> None:
        account_mail.send_password_reset.enqueue(self.cleaned_data["email"])


class EmailChangeForm(forms.Form):
    email = forms.EmailField(
        label=_("New e-mail address"), max_length=254,
        help_text=_("We send a link to the new address; your address changes once you "
                    "open it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    password = forms.CharField(
        label=_("Your password"), strip=False, max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password
