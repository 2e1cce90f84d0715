"""Count near-duplicate warnings over the demo paper (there should be none).

    .venv/bin/python -m bench.near_duplicates

Loads the demo paper into a scratch SQLite database, fingerprints every published story
(`manage.py reindex`), then asks `near_duplicates()` about each story. Every pair reported
is a false positive: the demo stories are all different.
"""

import os

from bench import setup_scratch_sqlite


def main():
    setup_scratch_sqlite("near-duplicates")
    from django.core.management import call_command
    from django.test import override_settings

    from sinmun.articles.models import ArticlePage
    from sinmun.search.selectors import near_duplicates

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    call_command("reindex", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    stories = list(ArticlePage.objects.live().specific())
    with override_settings(SINMUN_NEAR_DUPLICATE_DAYS=3650):  # compare every pair
        pairs = {
            tuple(sorted((story.pk, other.pk))): score
            for story in stories
            for other, score in near_duplicates(story)
        }
        highest = max(
            (s for story in stories for _, s in near_duplicates(story, threshold=0.0)),
            default=0.0,
        )
    print(f"{len(stories)} published demo stories; {len(pairs)} pairs ≥ threshold")
    for (a, b), score in sorted(pairs.items()):
        print(f"  {a} ~ {b}: {score:.2f}")
    print(f"highest similarity between two different stories: {highest:.2f}")


if __name__ == "__main__":
    main()
