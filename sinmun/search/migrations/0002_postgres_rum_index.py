"""PostgreSQL: a `document` column (title || body) with a RUM index ordered by entry id.

Relevance ranking reads the newest SINMUN_SEARCH_RANK_WINDOW matches of a query, as on
SQLite. GIN can only hand those over after reading every match and sorting (298 ms p95 at
100,000 articles for a common word, with `ts_rank`); a RUM index with the entry id
attached returns the matches newest first. RUM indexes a column, not an expression, hence
the generated column. Debian: `apt-get install postgresql-15-rum` (bin/start-services does
it). SQLite needs nothing: its FTS5 rowid is already the entry order.
"""

from django.db import migrations

INDEX = "sinmun_search_document_rum"
MISSING = (
    "Korean search on PostgreSQL needs the RUM extension. Install it on the database "
    "server (Debian/Ubuntu: apt-get install postgresql-{major}-rum) and migrate again."
)


def create_document_index(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        if cursor.fetchone() is None:
            raise RuntimeError(MISSING.format(major=connection.pg_version // 10000))
        cursor.execute("CREATE EXTENSION IF NOT EXISTS rum")
        cursor.execute(
            "ALTER TABLE wagtailsearch_indexentry ADD COLUMN IF NOT EXISTS document "
            "tsvector GENERATED ALWAYS AS (title || body) STORED"
        )
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING rum (document rum_tsvector_addon_ops, id) "
            "WITH (attach = 'id', to = 'document')"
        )


def drop_document_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        schema_editor.execute(
            "ALTER TABLE wagtailsearch_indexentry DROP COLUMN IF EXISTS document"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_document_index, drop_document_index)]
