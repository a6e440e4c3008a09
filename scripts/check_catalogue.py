"""Exit 1 when a gettext catalogue has untranslated, fuzzy or obsolete entries (used by CI,
after makemessages). An obsolete entry is a string the code no longer marks where it once did,
for instance a `gettext()` moved inside an f-string, which makemessages cannot read: the page
then shows it in English. Delete obsolete entries that are really gone."""

import sys

import polib


def main(path: str) -> int:
    catalogue = polib.pofile(path)
    problems = [("untranslated", e.msgid) for e in catalogue.untranslated_entries()]
    problems += [("fuzzy", e.msgid) for e in catalogue.fuzzy_entries()]
    problems += [("obsolete (no longer marked in the code)", e.msgid)
                 for e in catalogue.obsolete_entries()]
    for kind, msgid in problems:
        print(f"{path}: {kind}: {msgid!r}")
    print(f"{path}: {len(catalogue.translated_entries())} translated, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
