from django import template

from .. import follows

register = template.Library()


@register.simple_tag(takes_context=True)
def following(context, obj) -> bool:
    """Whether the signed-in person follows `obj` (one query)."""
    return follows.is_following(context["request"].user, obj)


@register.inclusion_tag("partials/follow_button.html", takes_context=True)
def follow_button(context, obj):
    request = context["request"]
    user = request.user
    return {"obj": obj, "user": user, "kind": follows.kind_of(obj).kind,
            "is_following": follows.is_following(user, obj),
            "next": request.get_full_path(), "csrf_token": context.get("csrf_token")}
