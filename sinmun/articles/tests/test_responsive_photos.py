"""Story photos at several widths, so a phone downloads a small one (core_tags.responsive_rendition)."""

import re

import pytest

from sinmun.articles.tests.factories import make_article, make_photo
from sinmun.core.templatetags.core_tags import responsive_rendition


@pytest.mark.django_db
def test_responsive_rendition_lists_each_width_once():
    photo = make_photo()  # 640 px wide: width-1200 and width-800 both give 640
    responsive = responsive_rendition(photo, "width-{1200,800,480}|format-jpeg")
    assert responsive.src.width == 640
    widths = [entry.rsplit(" ", 1)[1] for entry in responsive.srcset.split(", ")]
    assert widths == ["640w", "480w"]
    assert responsive_rendition(None, "width-{1200,800}") is None


@pytest.mark.django_db
def test_article_photo_offers_a_phone_sized_rendition(client, paper, reporter):
    story = make_article(
        paper.sections["society"], reporters=[reporter], lead_image=make_photo()
    )
    html = client.get(story.url).text
    img = re.search(r'<figure class="article-photo">\s*(<img[^>]*>)', html).group(1)

    assert 'sizes="(max-width: 960px) 100vw, 760px"' in img
    assert re.search(r"width-480\.format-jpeg\.jpegquality-82\.jpg 480w", img)
