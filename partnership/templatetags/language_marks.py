"""Japanese names and titles on pages in another language, marked as Japanese."""

from django import template

from partnership.translated import mark_japanese

register = template.Library()


@register.filter
def ja(value):
    """The value as it is on a Japanese page; elsewhere, in a <span lang="ja"> when it holds
    Japanese script."""
    return mark_japanese(value)
