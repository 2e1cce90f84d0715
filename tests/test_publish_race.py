"""Two editors press publish at the same instant from the same version (issue #21, item 1).

Against a real threaded web server and a database it shares with the test, so the two
requests truly run at once: one goes live, the other waits for the page's row, sees the
first one's version and is kept as a draft with a warning; neither is lost.
"""

import json
import threading

import pytest
from django.urls import reverse

from sinmun.articles.tests.factories import make_article
from sinmun.core.tests.processes import SharedDatabase, start_web_server, stop
from sinmun.desk.services import DESK
from sinmun.desk.tests.factories import make_user
from sinmun.desk.tests.forms import article_edit_data
from tests.admin_login import log_in_http

pytestmark = pytest.mark.django_db(transaction=True)

TITLES = {"desk-kim": "김 데스크가 게시한 제목", "desk-lee": "이 데스크가 게시한 제목"}


def test_simultaneous_publishes_from_one_version_do_not_both_go_through(
    paper, tmp_path
):
    article = make_article(paper.sections["society"], title="가람시 버스 노선 개편")
    for name in TITLES:
        make_user(name, DESK, first_name=name)
    database = SharedDatabase.of_test_database(tmp_path)
    server, base = start_web_server(database, log=tmp_path / "server.log")
    try:
        url = base + reverse("wagtailadmin_pages:edit", args=[article.pk])
        editors = {}
        for name, title in TITLES.items():
            session = log_in_http(base, name)
            form = session.get(url, timeout=30)
            assert form.status_code == 200
            data = article_edit_data(form.text, article)
            data.update({"title": title, "action-publish": "action-publish"})
            editors[name] = (session, data)
        # Both forms were loaded from the same version.
        assert len({d["loaded_revision_id"] for _, d in editors.values()}) == 1

        start = threading.Barrier(len(editors))
        pages_after = {}

        def publish(name):
            session, data = editors[name]
            start.wait()
            response = session.post(
                url, data=data, headers={"Referer": url}, timeout=60
            )
            pages_after[name] = response.text

        threads = [threading.Thread(target=publish, args=(n,)) for n in editors]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=90)
        assert set(pages_after) == set(TITLES)

        [(live_title, latest_revision)] = database.rows(
            "SELECT title, latest_revision_id FROM wagtailcore_page WHERE id = %s",
            (article.pk,),
        )
        revisions = database.rows(
            "SELECT id, content FROM wagtailcore_revision WHERE object_id = %s "
            "ORDER BY id",
            (str(article.pk),),
        )
        published = database.rows(
            "SELECT count(*) FROM wagtailcore_pagelogentry "
            "WHERE page_id = %s AND action = 'wagtail.publish'",
            (article.pk,),
        )
    finally:
        stop(server)

    winner = next(name for name, title in TITLES.items() if title == live_title)
    loser = next(name for name in TITLES if name != winner)
    # The factory's version, then both editors' versions, none lost.
    assert len(revisions) == 3
    content = revisions[-1][1]
    content = json.loads(content) if isinstance(content, str) else content
    assert content["title"] == TITLES[loser]
    assert latest_revision == revisions[-1][0]
    assert published == [
        (2,)
    ]  # the factory's publish and the winner's, not the loser's
    # The one held back is told who published in between.
    assert winner in pages_after[loser]
    assert "게시하거나 다음 단계로 넘기지 않았습니다" in pages_after[loser]
    assert "게시하거나 다음 단계로 넘기지 않았습니다" not in pages_after[winner]
