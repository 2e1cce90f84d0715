"""Docs and translations keep up with the code (after datasette's and sql-dashboard's test_docs)."""

import re
from pathlib import Path

import polib
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def test_every_sinmun_setting_is_documented():
    documented = (ROOT / "docs" / "settings.md").read_text()
    names = {name for name in dir(settings) if name.startswith("SINMUN_")}
    for source in (ROOT / "sinmun").rglob("*.py"):
        names |= set(re.findall(r"\b(SINMUN_[A-Z_]+)\b", source.read_text()))
    missing = sorted(n for n in names if f"`{n}`" not in documented)
    assert not missing, f"Document these settings in docs/settings.md: {missing}"


def test_korean_catalogue_has_no_untranslated_or_fuzzy_entries():
    catalogue = polib.pofile(
        str(ROOT / "sinmun" / "locale" / "ko" / "LC_MESSAGES" / "django.po")
    )
    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert not untranslated, (
        f"Translate these in sinmun/locale/ko/LC_MESSAGES/django.po: {untranslated}"
    )
    assert not fuzzy, f"Review these fuzzy translations: {fuzzy}"


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    quick_start = readme[readme.index("## Quick start") :][:600]
    assert "make demo" in quick_start
    assert "make test" in quick_start
