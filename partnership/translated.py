"""Reference data in the visitor's language. Departments, calls and criteria are entered in
Japanese, the portal's first language, and may be given an English name as well: a page in
English shows it, and falls back to the Japanese where none was given.

Japanese left on a page in another language is marked as Japanese (WCAG 3.1.2): a screen
reader then reads 子育て支援 with a Japanese voice, not letter by letter."""

import re

from django.utils.html import format_html
from django.utils.translation import get_language

# Hiragana, katakana and the CJK ideographs (with the iteration mark 々 and full-width forms).
JAPANESE = re.compile(r"[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff9f]")


def _japanese_page() -> bool:
    return (get_language() or "ja").startswith("ja")


def in_language(japanese: str, english: str) -> str:
    """`english` on a page in a language other than Japanese when it is filled in;
    `japanese` otherwise."""
    return english if english and not _japanese_page() else japanese


def mark_japanese(value):
    """The value as it is on a Japanese page; elsewhere, in a <span lang="ja"> when it holds
    Japanese script."""
    text = "" if value is None else str(value)
    if _japanese_page() or not JAPANESE.search(text):
        return text
    return format_html('<span lang="ja">{}</span>', text)
