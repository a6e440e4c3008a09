"""Templates ask the transition tables, never compare states themselves."""

from django import template

from partnership.lifecycle import lifecycle_of

register = template.Library()


@register.simple_tag(takes_context=True)
def transitions(context, obj) -> dict:
    """{% transitions proposal as can %} … {% if can.submit %}: the steps the signed-in
    person may take on `obj` now, by name."""
    return lifecycle_of(obj).available(context["request"].user, obj)
