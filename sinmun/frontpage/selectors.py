"""What the front page shows. Each story appears once, in the first box that claims it."""

from sinmun.articles import selectors as article_selectors
from sinmun.sections import selectors as section_selectors

MAIN_STORIES = 4
PER_SECTION = 4
LATEST = 8
MOST_READ = 8
COLUMNS = 4


def front_page() -> dict:
    """Return the front page's boxes: top story, main stories, sections, latest, most read, columns."""
    tree = section_selectors.section_tree()
    with_photo = list(
        article_selectors.published()
        .news()
        .filter(lead_image__isnull=False)
        .newest_first()[: 1 + MAIN_STORIES]
    )
    top_story = with_photo[0] if with_photo else None
    main_stories = with_photo[1:]
    shown = [a.pk for a in with_photo]

    columns = list(article_selectors.published().columns().newest_first()[:COLUMNS])
    shown += [a.pk for a in columns]

    branches = [s for s in tree.top if s.show_on_front_page]
    per_branch = article_selectors.newest_per_branch(
        branch_paths=[s.path for s in branches], per_branch=PER_SECTION, exclude=shown
    )
    section_blocks = [
        (s, per_branch.get(s.path, [])) for s in branches if per_branch.get(s.path)
    ]
    shown += [a.pk for _, articles in section_blocks for a in articles]

    latest = article_selectors.headline_box("latest", limit=LATEST, exclude=shown)
    shown += [a.pk for a in latest]
    most_read = article_selectors.headline_box(
        "most_read", limit=MOST_READ, exclude=shown
    )

    with_cards = [*with_photo, *(a for _, articles in section_blocks for a in articles)]
    article_selectors.prefetch_cards(with_cards)
    article_selectors.prefetch_renditions(
        [c.columnist.photo for c in columns if c.columnist and c.columnist.photo]
    )
    return {
        "top_story": top_story,
        "main_stories": main_stories,
        "section_blocks": section_blocks,
        "latest_articles": latest,
        "most_read_articles": most_read,
        "columns": columns,
    }
