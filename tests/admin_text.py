"""What the newsroom reads on an admin screen: no English Wagtail left over, no broken Korean.

The visible text of each screen a walk passes is checked against strings seen wrong on the
newsroom's screens (issue #21) and against Wagtail's own English messages: a phrase of the
screen that is one of Wagtail's msgids was left untranslated.
"""

import re
from functools import cache
from pathlib import Path

import wagtail

KNOWN_BAD = (
    "더 많은 움직임",
    "라이브 날짜",
    "으로 이동",
    " 에 의한",
    "에 의한",
    "이에 의해",
    "지훈 박",
    "서연 이",
    "민준 최",
    "당신의",
    "후기",
    "작업흐름",
    "페이지가 수정되었습니다",
    "A comma-separated list of tags",
    "Referenced",
    "Root",
    "Saved",
    "More actions",
    "Changes requested",
    "has been updated",
)
# English a Korean newsroom's screens may show: names of things, keys, units.
ALLOWED_ENGLISH = {"Enter", "KST", "Wagtail", "JPEG", "PNG", "URL", "RSS", "IndexNow"}
ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'’]+(?:[ ,.-]+[A-Za-z][A-Za-z'’]+)*")


@cache
def wagtail_msgids() -> frozenset[str]:
    """Every English message in Wagtail's admin catalogue (the source language's keys)."""
    ids = set()
    for po in Path(wagtail.__file__).parent.glob("*/locale/ko/LC_MESSAGES/django.po"):
        for match in re.finditer(r'^msgid "(.+)"$', po.read_text(), re.MULTILINE):
            text = match.group(1)
            if "%" not in text and "{" not in text and len(text) > 3:
                ids.add(text.rstrip(".:"))
    return frozenset(ids)


def problems(text: str, *, allowed: tuple[str, ...] = ()) -> list[str]:
    found = [bad for bad in KNOWN_BAD if bad in text]
    msgids = wagtail_msgids()
    for run in ENGLISH_RUN.findall(text):
        phrase = run.strip(" ,.-")
        if phrase in ALLOWED_ENGLISH or phrase in allowed:
            continue
        if phrase in msgids:
            found.append(phrase)
    return found


class AdminTextCheck:
    """Collects the visible text of admin screens as a walk goes, to check at the end."""

    def __init__(self, *allowed: str):
        self.allowed = allowed  # e.g. the account names the test logs in with
        self.screens: dict[str, list[str]] = {}

    def look(self, page, name: str):
        text = page.locator("body").inner_text()
        if found := problems(text, allowed=self.allowed):
            self.screens[f"{name} ({page.url})"] = found

    def assert_clean(self):
        assert self.screens == {}, f"English or broken Korean on: {self.screens}"
