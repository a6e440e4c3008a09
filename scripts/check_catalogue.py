"""Exit 1 when a gettext catalogue has untranslated or fuzzy entries (used by CI)."""

import sys

import polib


def main(path: str) -> int:
    catalogue = polib.pofile(path)
    problems = [("untranslated", e.msgid) for e in catalogue.untranslated_entries()]
    problems += [("fuzzy", e.msgid) for e in catalogue.fuzzy_entries()]
    for kind, msgid in problems:
        print(f"{path}: {kind}: {msgid!r}")
    print(f"{path}: {len(catalogue.translated_entries())} translated, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
