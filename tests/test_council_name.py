"""The council has one Japanese name, 市民協働推進会議: its old name stays out of the templates,
the code and the Japanese translations."""

import os
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
# Written in two halves, so that this file does not hold the name it looks for.
OLD_NAME = "協働事業提案" + "審査会"
PO_FILES = "locale*/*/LC_MESSAGES/*.po"
SKIPPED = {"staticfiles", "node_modules", "__pycache__", "build", "media"}


def _files(suffixes=None) -> list[Path]:
    """The repository's files, without the virtual environment, caches and collected files."""
    files = []
    for folder, subfolders, names in os.walk(ROOT):
        subfolders[:] = [name for name in subfolders
                         if not name.startswith(".") and name not in SKIPPED]
        files += [Path(folder, name) for name in names
                  if suffixes is None or Path(name).suffix in suffixes]
    return files


def _templates() -> list[Path]:
    return [path for path in _files() if "templates" in path.relative_to(ROOT).parts]


def test_the_search_covers_the_templates_and_the_code():
    assert {path.suffix for path in _templates()} >= {".html", ".txt"}
    assert len(_templates()) > 100
    assert Path(__file__).resolve() in _files({".py"})
    assert ROOT / "locale" / "ja" / "LC_MESSAGES" / "django.po" in set(ROOT.glob(PO_FILES))


def test_the_council_has_one_name():
    found = [str(path.relative_to(ROOT)) for path in [*_templates(), *_files({".py"})]
             if OLD_NAME in path.read_text(encoding="utf-8")]
    for po in ROOT.glob(PO_FILES):
        for entry in polib.pofile(str(po)):
            msgstrs = [entry.msgstr, *entry.msgstr_plural.values()]
            if any(OLD_NAME in msgstr for msgstr in msgstrs):
                found.append(f"{po.relative_to(ROOT)}: {entry.msgid}")
    assert found == []
