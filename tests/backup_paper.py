"""Fill a scratch database with a small paper, or describe one, for the backup round trip.

Run in its own process against the scratch database (tests/test_backup.py):
    DATABASE_URL=… SINMUN_MEDIA_ROOT=… python -m tests.backup_paper seed|snapshot
`snapshot` prints one JSON object: every article's headline, body, revision count and
live flag, and every photo and rendition file's SHA-256.
"""

import hashlib
import json
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sinmun.settings.base")
os.environ.setdefault("DJANGO_SECRET_KEY", "backup-test-" + "b" * 50)


def seed() -> None:
    from django.core.management import call_command

    from sinmun.articles.tests.factories import make_article, make_photo
    from sinmun.frontpage.tests.factories import make_paper
    from sinmun.newsroom.tests.factories import ReporterFactory

    call_command("migrate", verbosity=0, interactive=False)
    paper = make_paper()
    reporter = ReporterFactory(name="박지훈", slug="park-jihoon")
    stories = [
        ("가람시, 시내버스 노선 18개 조정", "society"),
        ("가람천 산책로 3.2km 새 단장", "society/incidents"),
        ("가람시의회, 내년 예산 1조 2천억 원 의결", "politics"),
    ]
    for n, (title, section) in enumerate(stories):
        photo = make_photo(title=f"{title} 사진", credit=f"가람일보 사진부 {n}")
        photo.get_rendition("fill-320x180")
        article = make_article(
            paper.sections[section], title=title, reporters=[reporter], lead_image=photo
        )
    article.title = "가람시의회, 내년 예산 1조 2천억 원 의결 (수정)"
    article.save_revision().publish()  # a second revision
    make_article(paper.sections["economy"], title="엠바고 기사", publish=False)


def sha256(field) -> str:
    with field.open("rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def snapshot() -> dict:
    from sinmun.articles.models import ArticlePage
    from sinmun.images.models import Photo, PhotoRendition

    return {
        "articles": [
            {
                "id": a.pk,
                "title": a.title,
                "body": json.dumps(list(a.body.raw_data), ensure_ascii=False),
                "revisions": a.revisions.count(),
                "live": a.live,
                "lead_image": a.lead_image_id,
            }
            for a in ArticlePage.objects.order_by("pk")
        ],
        "photos": {p.file.name: sha256(p.file) for p in Photo.objects.order_by("pk")},
        "renditions": {
            r.file.name: sha256(r.file) for r in PhotoRendition.objects.order_by("pk")
        },
    }


if __name__ == "__main__":
    import django

    django.setup()
    if sys.argv[1] == "seed":
        seed()
    else:
        sys.stdout.write(json.dumps(snapshot(), ensure_ascii=False) + "\n")
