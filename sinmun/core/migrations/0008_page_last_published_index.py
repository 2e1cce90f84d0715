"""An index on Wagtail's page table for the newest change (sitemaps' lastmod, feeds).

`syndication.selectors.latest_change` reads the newest `last_published_at` of the live
stories; without an index PostgreSQL sorts the whole archive for it (180 ms at 300,000
stories). Wagtail indexes `first_published_at` only, and its model is not ours to add
Meta.indexes to, so the index is created here by name, on both databases.
"""

from django.db import migrations

INDEX = "sinmun_page_last_published_at"


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0007_merge_20261206_1051"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (last_published_at)",
            f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
