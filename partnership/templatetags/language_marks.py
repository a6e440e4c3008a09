"""Japanese names and titles on pages in another language, marked as Japanese (WCAG 3.1.2):
a screen reader then reads 子育て支援 with a Japanese voice, not letter by letter."""

import re

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()

# Hiragana, katakana and the CJK ideographs (with the iteration mark 々 and full-width forms).
JAPANESE = re.compile(r"[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff9f]")


@register.filter
def ja(value):
    """The value as it is on a Japanese page; elsewhere, in a <span lang="ja"> when it holds
    Japanese script."""
    text = "" if value is None else str(value)
    if (get_language() or "").startswith("ja") or not JAPANESE.search(text):
        return text
    return format_html('<span lang="ja">{}</span>', text)
