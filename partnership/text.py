"""What a person may type: printable text only. Control characters (NUL, escape…), and the
invisible ones that reorder or hide what others read (the right-to-left override, zero-width
spaces), are refused in every form an action takes, with a message; so is text longer than
any page can show."""

import re
import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

# Text longer than this is refused wherever a field sets no tighter limit.
MAX_TEXT = 10_000

_INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_ANYWHERE = re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f{_INVISIBLE}]")
_ONE_LINE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{_INVISIBLE}]")


def problem(value: str, *, multiline: bool):
    """Why `value` is refused, or None."""
    if (_ANYWHERE if multiline else _ONE_LINE).search(value):
        return _("contains a control or invisible character (such as NUL, an escape, a "
                 "right-to-left override or a zero-width space): remove it")
    if len(value) > MAX_TEXT:
        return _("is longer than %(max)s characters") % {"max": f"{MAX_TEXT:,}"}
    return None


def visible(value: str) -> bool:
    """Whether the text shows anything at all (not only spaces of any width)."""
    return any(not unicodedata.category(char).startswith(("Z", "C")) for char in value)


def check(form: forms.BaseForm) -> bool:
    """Add an error to each text field of `form` that holds refused text; True when none."""
    clean = True
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if not isinstance(value, str) or not value:
            continue
        why = problem(value, multiline=isinstance(field.widget, forms.Textarea))
        if why is None and field.required and not visible(value):
            why = _("shows nothing: type some visible characters")
        if why is not None:
            form.add_error(name, why)
            clean = False
    return clean


def check_all(form_or_formset) -> bool:
    """`check` for a form, or for every form of a formset."""
    forms_ = getattr(form_or_formset, "forms", None)
    if forms_ is None:
        return check(form_or_formset)
    return all([check(form) for form in forms_ if hasattr(form, "cleaned_data")])
