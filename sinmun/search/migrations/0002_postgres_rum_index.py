"""PostgreSQL: a RUM index on the search index's `title || body`, for relevance ranking.

GIN finds the matches but ranking them with `ts_rank` reads every matching row (298 ms p95
at 100,000 articles for a common word); RUM keeps term positions in the index and returns
matches in `<=>` order. Debian: `apt-get install postgresql-15-rum` (bin/start-services
does it). SQLite needs nothing: FTS5 ranks in its own index.
"""

from django.db import migrations

INDEX = "sinmun_search_document_rum"
MISSING = (
    "Korean search on PostgreSQL needs the RUM extension. Install it on the database "
    "server (Debian/Ubuntu: apt-get install postgresql-{major}-rum) and migrate again."
)


def create_rum_index(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        if cursor.fetchone() is None:
            major = connection.pg_version // 10000
            raise RuntimeError(MISSING.format(major=major))
        cursor.execute("CREATE EXTENSION IF NOT EXISTS rum")
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING rum ((title || body) rum_tsvector_ops)"
        )


def drop_rum_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_rum_index, drop_rum_index)]
