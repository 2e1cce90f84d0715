"""The editor-in-chief's pinned stories (편집판): slots, windows, fallback, preview, caches."""

import re
import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from sinmun.articles.models import ArticlePage
from sinmun.articles.tests.factories import make_article, make_articles, make_photo
from sinmun.core import fragments
from sinmun.frontpage import selectors
from sinmun.frontpage.models import FrontPagePin, Slot
from sinmun.frontpage.tests.test_pages import COLD_BUDGET, news_ids
from sinmun.users.models import User

pytestmark = pytest.mark.django_db


def set_pins(home, *pins: FrontPagePin, publish: bool = True):
    """Edit the front page's lineup the way the admin does: a revision, then publish."""
    home.pins = list(pins)
    revision = home.save_revision()
    if publish:
        revision.publish()
        home.refresh_from_db()
    return revision


def pin(article, slot=Slot.MAIN, **window) -> FrontPagePin:
    return FrontPagePin(article=article, slot=slot, **window)


def lead_and_main(html: str) -> tuple[str, list[str]]:
    grid = html[html.index('class="front-lead"') : html.index('class="front-side"')]
    ids = news_ids(grid)
    return ids[0], ids[1:]


@pytest.fixture
def stories(paper, reporter):
    """Eight stories with photos in 사회, newest first."""
    return make_articles(
        paper.sections["society"], 8, reporters=[reporter], lead_image=make_photo()
    )


def test_pinned_stories_take_the_top_and_main_slots_in_order(client, paper, stories):
    oldest, older = stories[-1], stories[-2]
    set_pins(
        paper.home,
        pin(oldest, Slot.TOP),
        pin(stories[-3], Slot.MAIN),
        pin(older, Slot.MAIN),
    )
    top, main = lead_and_main(client.get("/").text)
    assert top == str(oldest.pk)
    # Pinned main stories first, in the editor's order; the newest fill the rest.
    assert main == [
        str(stories[-3].pk),
        str(older.pk),
        *map(str, (s.pk for s in stories[:2])),
    ]


def test_unpinned_slots_fall_back_to_the_newest_stories(client, paper, stories):
    top, main = lead_and_main(client.get("/").text)
    assert top == str(stories[0].pk)
    assert main == [str(s.pk) for s in stories[1:5]]


def test_a_pin_shows_only_inside_its_window(paper, stories):
    now = timezone.now()
    pinned = stories[-1]
    window = {"starts_at": now, "ends_at": now + timedelta(hours=2)}
    set_pins(paper.home, pin(pinned, Slot.TOP, **window))

    def top_at(moment):
        return selectors.front_page(home=paper.home, now=moment)["top_story"]

    assert top_at(now - timedelta(minutes=1)) == stories[0]  # before: the newest
    assert top_at(now) == pinned
    assert top_at(now + timedelta(hours=1)) == pinned
    assert top_at(now + timedelta(hours=2)) == stories[0]  # after: falls back


def test_an_expired_pin_falls_back_on_the_page(client, paper, stories):
    now = timezone.now()
    set_pins(
        paper.home,
        pin(stories[-1], Slot.TOP, ends_at=now - timedelta(minutes=1)),
        pin(stories[-2], Slot.MAIN, starts_at=now + timedelta(hours=1)),
    )
    top, main = lead_and_main(client.get("/").text)
    assert top == str(stories[0].pk)
    assert str(stories[-2].pk) not in main


def test_the_next_window_boundary_ends_the_shared_copy(paper, stories):
    now = timezone.now()
    set_pins(
        paper.home,
        pin(stories[-1], Slot.TOP, starts_at=now + timedelta(seconds=90)),
        pin(stories[-2], Slot.MAIN, ends_at=now + timedelta(hours=3)),
    )
    changes_at = selectors.front_page(home=paper.home, now=now)["changes_at"]
    assert changes_at == now + timedelta(seconds=90)
    assert fragments.lifetime(300, changes_at, now=now) == 90
    assert fragments.lifetime(300, None, now=now) == 300


def test_a_window_opening_takes_effect_without_a_publish(client, paper, stories):
    client.get("/")  # shared caches warm
    starts_at = timezone.now() + timedelta(seconds=3)
    set_pins(paper.home, pin(stories[-1], Slot.TOP, starts_at=starts_at))
    assert lead_and_main(client.get("/").text)[0] == str(stories[0].pk)
    time.sleep(max(0, (starts_at - timezone.now()).total_seconds()) + 1.2)
    assert lead_and_main(client.get("/").text)[0] == str(stories[-1].pk)


def test_publishing_the_lineup_shows_it_at_once(client, paper, stories):
    client.get("/")
    set_pins(paper.home, pin(stories[-1], Slot.TOP))
    assert lead_and_main(client.get("/").text)[0] == str(stories[-1].pk)


def test_unpublished_or_embargoed_pinned_stories_never_show(client, paper, stories):
    society = paper.sections["society"]
    draft = make_article(society, title="초안 표식QX", publish=False)
    embargoed = make_article(
        society,
        title="엠바고 표식QX",
        go_live_at=timezone.now() + timedelta(hours=3),
    )
    assert not embargoed.live
    withdrawn = make_article(society, title="철회 표식QX")
    withdrawn.unpublish()
    set_pins(
        paper.home,
        pin(draft, Slot.TOP),
        pin(embargoed, Slot.MAIN),
        pin(withdrawn, Slot.SECTION),
    )
    html = client.get("/").text
    assert "표식QX" not in html
    top, main = lead_and_main(html)
    assert top == str(stories[0].pk)
    assert main == [str(s.pk) for s in stories[1:5]]


def test_preview_shows_draft_pins_while_the_live_page_does_not(
    client, admin_user, paper, stories
):
    revision = set_pins(paper.home, pin(stories[-1], Slot.TOP), publish=False)
    assert lead_and_main(client.get("/").text)[0] == str(stories[0].pk)

    client.force_login(admin_user)
    url = reverse(
        "wagtailadmin_pages:revisions_view", args=[paper.home.pk, revision.pk]
    )
    preview = client.get(url)
    assert preview.status_code == 200
    assert "no-store" in preview["Cache-Control"]
    assert lead_and_main(preview.text)[0] == str(stories[-1].pk)

    client.logout()
    assert lead_and_main(client.get("/").text)[0] == str(stories[0].pk)


def test_section_pick_leads_its_sections_block(client, paper, reporter, stories):
    politics = make_articles(paper.sections["politics"], 6, reporters=[reporter])
    set_pins(paper.home, pin(politics[-1], Slot.SECTION))
    html = client.get("/").text
    section_id = paper.sections["politics"].pk
    block = re.search(rf'id="section-{section_id}".*?</section>', html, re.S)
    assert news_ids(block.group(0))[0] == str(politics[-1].pk)
    assert len(news_ids(block.group(0))) == selectors.PER_SECTION


def test_no_story_appears_twice_with_pins(client, busy_paper):
    society = busy_paper.sections["society"]
    candidates = list(society.get_descendants().type(ArticlePage).specific())
    set_pins(
        busy_paper.home,
        pin(candidates[5], Slot.TOP),
        pin(candidates[5], Slot.MAIN),  # pinned twice: shown once
        pin(candidates[6], Slot.MAIN),
        pin(candidates[7], Slot.SECTION),
        pin(candidates[0], Slot.SECTION),
    )
    ids = news_ids(client.get("/").text)
    assert str(candidates[5].pk) == ids[0]
    assert len(ids) == len(set(ids))


def test_front_page_query_budget_with_pins(
    client, busy_paper, django_assert_max_num_queries
):
    society = busy_paper.sections["society"]
    candidates = list(society.get_descendants().type(ArticlePage).specific())
    now = timezone.now()
    set_pins(
        busy_paper.home,
        pin(candidates[9], Slot.TOP, starts_at=now - timedelta(hours=1)),
        *(pin(a, Slot.MAIN, ends_at=now + timedelta(hours=1)) for a in candidates[5:9]),
        *(pin(a, Slot.SECTION) for a in candidates[1:4]),
    )
    client.get("/")
    with django_assert_max_num_queries(12):
        response = client.get("/")
    cache.clear()
    with django_assert_max_num_queries(COLD_BUDGET):
        client.get("/")
    assert lead_and_main(response.text)[0] == str(candidates[9].pk)


def test_pin_window_must_end_after_it_starts(stories):
    now = timezone.now()
    bad = pin(stories[0], starts_at=now, ends_at=now)
    with pytest.raises(ValidationError, match="ends_at"):
        bad.clean()


def test_only_those_with_rights_on_the_front_page_can_edit_its_lineup(client, paper):
    access = Permission.objects.get(codename="access_admin")
    desk = Group.objects.create(name="사회부 데스크")
    desk.permissions.add(access)
    for permission in ("change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=desk,
            page=paper.sections["society"],
            permission=Permission.objects.get(codename=permission),
        )
    chief = Group.objects.create(name="편집국장단")
    chief.permissions.add(access)
    for permission in ("change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=chief,
            page=paper.home,
            permission=Permission.objects.get(codename=permission),
        )
    edit_url = reverse("wagtailadmin_pages:edit", args=[paper.home.pk])

    desk_editor = User.objects.create_user("desk", password="x")
    desk_editor.groups.add(desk)
    client.force_login(desk_editor)
    assert client.get(edit_url).status_code != 200

    editor_in_chief = User.objects.create_user("chief", password="x")
    editor_in_chief.groups.add(chief)
    client.force_login(editor_in_chief)
    form = client.get(edit_url)
    assert form.status_code == 200
    assert "pins-TOTAL_FORMS" in form.text
    assert (
        reverse("story_chooser:choose") in form.text
    )  # the chooser offers stories only


def test_editor_in_chief_publishes_a_lineup_from_the_admin_and_it_is_logged(
    client, admin_user, paper, stories
):
    client.force_login(admin_user)
    edit_url = reverse("wagtailadmin_pages:edit", args=[paper.home.pk])
    data = nested_form_data(
        {
            "title": paper.home.title,
            "slug": paper.home.slug,
            "pins": inline_formset(
                [
                    {"slot": Slot.MAIN, "article": stories[-2].pk},
                    {"slot": Slot.TOP, "article": stories[-1].pk},
                ]
            ),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors
    assert [(p.slot, p.article_id) for p in paper.home.pins.all()] == [
        (Slot.MAIN, stories[-2].pk),
        (Slot.TOP, stories[-1].pk),
    ]
    assert PageLogEntry.objects.filter(
        page=paper.home, action="wagtail.publish", user=admin_user
    ).exists()
    client.logout()
    top, main = lead_and_main(client.get("/").text)
    assert (top, main[0]) == (str(stories[-1].pk), str(stories[-2].pk))
