"""Only pages wait for the publish task; photos and people are indexed as they are saved."""

from wagtail.search.backends import get_search_backend

from sinmun.articles.tests.factories import make_photo
from sinmun.newsroom.models import Reporter
from sinmun.newsroom.tests.factories import ReporterFactory


def test_photos_and_reporters_are_searchable_as_soon_as_they_are_saved(db):
    photo = make_photo(title="가람천 산책로 야경")
    reporter = ReporterFactory(name="윤하람", slug="yoon-haram")
    backend = get_search_backend()

    assert list(backend.search("산책로", type(photo))) == [photo]
    assert list(backend.search("윤하람", Reporter)) == [reporter]
