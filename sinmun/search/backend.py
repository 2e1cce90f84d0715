"""The Korean search backend: Wagtail's database backend, with queries analysed by Kiwi.

`WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "sinmun.search.backend"`. `SearchBackend`
picks the SQLite FTS5 or the PostgreSQL backend by the database in use, as Wagtail's own
factory does, and subclasses it so that every query (the reader's search page, the admin,
the API) is rewritten into Kiwi terms before it reaches the database. The index side is
`fields.KoreanSearchField`.
"""

from contextlib import contextmanager

from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.db.models import (
    BigIntegerField,
    Case,
    Expression,
    F,
    FloatField,
    Func,
    IntegerField,
    Lookup,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from modelsearch.query import MatchAll, Not, Phrase, PlainText, SearchQuery

from sinmun.search.analysis import analyser

# FTS5 columns are (autocomplete, body, title): a headline match counts three times.
SQLITE_COLUMN_WEIGHTS = (0.0, 1.0, 3.0)
EMPTY = object()
# PostgreSQL looks for a query's newest matches among this many × the window of the newest
# index entries first, and walks at most this far back before asking the RUM index.
WALK_FIRST = 2.5
WALK_MOST = 6


def rank_window() -> int:
    """How many of the newest matches relevance ranking scores (SINMUN_SEARCH_RANK_WINDOW).

    Scoring every match of a common word grows with the archive (346 ms p95 on SQLite, 298 ms
    on PostgreSQL at 100,000 articles); scoring only the newest N keeps it flat, and both
    databases then rank the same stories. A story older than the newest N matches of a
    query is found by `sort=newest` paging.
    """
    from django.conf import settings

    return settings.SINMUN_SEARCH_RANK_WINDOW


def ranked_limit() -> int:
    """How many stories relevance ranking lists: half the window, so that stories the
    reader may not see (another section, a private page) rarely leave it short."""
    return max(1, rank_window() // 2)


def korean_query(query, operator=None):
    """Return `query` (a string or a query tree) with every plain text analysed by Kiwi."""
    if isinstance(query, str):
        return analyser().query(query, operator or "and") or EMPTY
    if isinstance(query, PlainText):
        return analyser().query(query.query_string, query.operator) or EMPTY
    if isinstance(query, Phrase):
        terms = analyser().analyse(query.query_string).main
        return Phrase(" ".join(terms)) if terms else EMPTY
    if isinstance(query, MatchAll) or not isinstance(query, SearchQuery):
        return query
    if hasattr(query, "subqueries"):
        parts = [korean_query(q, operator) for q in query.subqueries]
        parts = [p for p in parts if p is not EMPTY]
        if not parts:
            return EMPTY
        query.subqueries = parts
    if hasattr(query, "subquery"):
        sub = korean_query(query.subquery, operator)
        if sub is EMPTY:
            return EMPTY
        query.subquery = sub
    return query


class KoreanQueryMixin:
    score_ascending = False  # SQLite's bm25 is negative: lower is better

    def score_order(self, score_field):
        """Return the ORDER BY term that puts the best score first."""
        score = F(score_field)
        return score.asc() if self.score_ascending else score.desc()

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if query_compiler_class is self.query_compiler_class:
            query = korean_query(query, kwargs.get("operator"))
            if query is EMPTY:
                query = ""  # nothing searchable: the base returns no results
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)

    def compiler(self, queryset, query, *, order_by_relevance=True):
        """Return a query compiler for an analysed `query` over any `queryset`.

        The reader's search page filters by section, reporter and view restrictions, which
        are not `FilterField`s; the database backends apply the queryset as SQL anyway, so
        the page builds its own compiler and skips the search-engine field check.
        """
        return self.query_compiler_class(
            queryset, query, order_by_relevance=order_by_relevance
        )


def bm25():
    weights = ", ".join(str(w) for w in SQLITE_COLUMN_WEIGHTS)
    return RawSQL(
        f"bm25(wagtailsearch_indexentry_fts, {weights})", [], output_field=FloatField()
    )


def _load_ranked(queryset, ranked, score_field):
    """Return `queryset` rows of the ranked (pk, score) pairs, in that order."""
    if not ranked:
        return queryset.none()
    pks = [pk for pk, _ in ranked]
    queryset = queryset.filter(pk__in=pks).order_by(
        Case(
            *[When(pk=pk, then=Value(i)) for i, pk in enumerate(pks)],
            output_field=IntegerField(),
        )
    )
    if score_field:
        queryset = queryset.annotate(
            **{
                score_field: Case(
                    *[When(pk=pk, then=Value(score)) for pk, score in ranked],
                    output_field=FloatField(),
                )
            }
        )
    return queryset


def _rank_then_filter(queryset, hits, hits_within):
    """Keep the ranked `hits` whose story is in `queryset`, best ranked_limit().

    Matching inside the allowed stories (`object_id IN (SELECT … every live story)`) cost
    60 of SQLite's 69 ms for a common word at 100,000 articles: the index is ranked on its
    own first and its candidates are checked by primary key. When that leaves fewer than
    ranked_limit() and the window was full (a search narrowed to one section or reporter),
    older allowed matches could be missing, so the match runs again inside the allowed
    stories (`hits_within`).
    """
    pks = [pk for pk, _ in hits]
    allowed = set(_filter_pks(queryset.order_by(), pks).values_list("pk", flat=True))
    kept = [hit for hit in hits if hit[0] in allowed]
    if len(kept) < ranked_limit() and len(hits) >= rank_window():
        within = queryset.order_by().annotate(_object_id=Cast("pk", TextField()))
        kept = hits_within(within.values("_object_id"))
    return kept[: ranked_limit()]


def _filter_pks(queryset, pks):
    """`queryset` narrowed to `pks`; on PostgreSQL by `pk = ANY(one array parameter)`.

    psycopg binds parameters on the client: splitting a query with 2,000 placeholders took
    25 ms, longer than the query. `IN (SELECT unnest(…))` became a hash join over a
    sequential scan of the stories (27 ms at 100,000); `= ANY` is read from the primary key.
    """
    if connection.vendor != "postgresql":
        return queryset.filter(pk__in=pks)
    from django.contrib.postgres.fields import ArrayField

    array = Value(pks, output_field=ArrayField(BigIntegerField()))
    return queryset.filter(_EqualsAny(F("pk"), array))


class _EqualsAny(Lookup):
    """`lhs = ANY(array)`, used as a filter expression."""

    lookup_name = "equals_any"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = compiler.compile(self.rhs)
        return f"{lhs} = ANY({rhs})", (*lhs_params, *rhs_params)


class RankedCountMixin:
    """Count a self-ranked search by its ranked list instead of a second COUNT query.

    The results class is shared with the backend's autocomplete compiler (the admin's page
    and photo search), which ranks in the stock way and has no `ranks_itself`.
    """

    def _do_count(self):
        compiler = self.query_compiler
        ranks_itself = getattr(compiler, "ranks_itself", None)
        if ranks_itself is not None and ranks_itself():
            return len(compiler.ranked(compiler.get_config(self.backend)))
        return super()._do_count()


def _sqlite_backend():
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteFTSIndexEntry,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
        SQLiteSearchResults,
    )
    from modelsearch.utils import get_descendants_content_types_pks

    class KoreanSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
        """One bm25() over the whole MATCH, with the headline column weighted.

        The stock compiler ranks `And([a, b])` as (1 + bm25)·(1 + bm25) - 1; FTS5's bm25 is
        negative (lower is better), so with two sub-queries the product flips the order.
        Kiwi queries are `And` trees, so the stock rank would put the worst match first.
        """

        def _build_rank_expression(self, vectors, config):
            return bm25()

        def _hits(self, config, allowed=None) -> list[tuple[int, float]]:
            """(pk, bm25) of the newest rank_window() matches, best first.

            With `allowed` (a queryset of object ids), only those stories are matched.
            """
            hits = SQLiteFTSIndexEntry.objects.filter(
                MatchExpression(
                    self.fields or self.FTS_TABLE_FIELDS,
                    self.build_search_query(normalize(self.query), config=config),
                ),
                index_entry__content_type__in=get_descendants_content_types_pks(
                    self.queryset.model
                ),
            )
            if allowed is not None:
                hits = hits.filter(index_entry__object_id__in=allowed)
            hits = (
                hits.annotate(score=bm25())
                # The FTS rowid follows indexing order: newest stories first.
                .order_by("-index_entry_id")
                .values_list("index_entry__object_id", "score")[: rank_window()]
            )
            sql, params = hits.query.sql_with_params()
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT * FROM ({sql}) ORDER BY 2", params)
                return [(int(pk), score) for pk, score in cursor.fetchall()]

        def ranked(self, config) -> list[tuple[int, float]]:
            """The best ranked_limit() (pk, bm25) of the queryset, best first."""
            if not hasattr(self, "_ranked"):
                self._ranked = _rank_then_filter(
                    self.queryset,
                    self._hits(config),
                    lambda allowed: self._hits(config, allowed),
                )
            return self._ranked

        def ranks_itself(self) -> bool:
            query = normalize(self.query)
            return self.order_by_relevance and not isinstance(query, MatchAll | Not)

        def search(self, config, start, stop, score_field=None):
            """Rank in one query over the FTS table, then load only the rows asked for.

            The stock compiler annotates each result with a correlated sub-query that runs
            the MATCH again per row, which grows with the square of the matches.
            """
            if not self.ranks_itself():
                return super().search(config, start, stop, score_field=score_field)
            return _load_ranked(
                self.queryset, self.ranked(config)[start:stop], score_field
            )

    class KoreanSQLiteSearchResults(RankedCountMixin, SQLiteSearchResults):
        pass

    class KoreanSQLiteSearchBackend(KoreanQueryMixin, SQLiteSearchBackend):
        score_ascending = True
        query_compiler_class = KoreanSQLiteSearchQueryCompiler
        results_class = KoreanSQLiteSearchResults

    return KoreanSQLiteSearchBackend


class Document(Expression):
    """The `document` column (title || body) and RUM index that migration search.0002 adds."""

    def __init__(self):
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(output_field=SearchVectorField())

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{table}.document", []


class Distance(Func):
    """RUM's `vector <=> query`: 1 / rank, lower is better."""

    template = "(%(expressions)s)"
    arg_joiner = " <=> "
    output_field = FloatField()


class NewestFirst(Func):
    """RUM's ordering on the attached entry id: the index returns the newest match first."""

    template = "(%(expressions)s <=| 2147483647)"
    output_field = IntegerField()


@contextmanager
def _planner_avoids_seq_scan():
    """Within the block, PostgreSQL's planner prefers an index to reading the whole table.

    It prices RUM's ordered scan as if each match were a random heap read, so on a table of
    10,000 entries it tested every row (46 ms) instead of asking the index (12 ms).
    """
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), "
            "set_config('enable_seqscan', 'off', true)"
        )
        previous = cursor.fetchone()[0]
        try:
            yield
        finally:
            cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [previous])


def _postgres_backend():
    from modelsearch.backends.database.postgres.postgres import (
        IndexEntry,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
        PostgresSearchResults,
    )
    from modelsearch.utils import get_descendants_content_types_pks

    class KoreanPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
        """Rank the newest rank_window() matches, as on SQLite, best ranked_limit().

        The stock compiler concatenates title and body vectors per row through the generic
        relation, which no index serves, and `ts_rank` reads every matching row: 298 ms
        p95 at 100,000 articles for a word half of them contain. Here the newest matches
        come from the `document` column (migration search.0002) and only they are ranked
        with RUM's `<=>` (1 / ts_rank, the headline's weight A counting 10 × the body's D).
        """

        def _hits(self, config, allowed=None) -> list[tuple[int, float]]:
            """(pk, score) of the newest rank_window() matches, best first.

            A common word's newest matches are found fastest by testing the newest
            entries, walking the primary key backwards (~4 µs an entry): first 2.5 ×
            the window, then as far as the matches found so far say is needed, up to 6 ×.
            A rarer word's matches are few, and the RUM index returns them newest first.
            """
            window = rank_window()
            search_query = self.build_tsquery(self.query, config=config)
            hits = IndexEntry.objects.alias(document=Document()).filter(
                document=search_query,
                content_type__in=get_descendants_content_types_pks(self.queryset.model),
            )
            if allowed is not None:
                hits = hits.filter(object_id__in=allowed)
            hits = hits.annotate(
                distance=Distance(F("document"), search_query)
            ).values_list("object_id", "distance")

            def entry_at(offset):
                """The id `offset` entries back from the newest (NULL past the oldest)."""
                newest_first = IndexEntry.objects.order_by("-id").values("id")
                return Subquery(newest_first[offset : offset + 1])

            scan = int(WALK_FIRST * window)
            newest = list(hits.filter(id__gte=entry_at(scan)).order_by("-id")[:window])
            if newest and len(newest) < window:
                needed = int(1.2 * scan * window / len(newest))
                if needed <= WALK_MOST * window:
                    # Walk on from where the first walk stopped.
                    older = hits.filter(id__gte=entry_at(needed), id__lt=entry_at(scan))
                    newest += older.order_by("-id")[: window - len(newest)]
            if len(newest) < window:
                with _planner_avoids_seq_scan():
                    newest = list(hits.order_by(NewestFirst(F("id")))[:window])
            # Best rank first; equal ranks: the newest story first.
            ordered = sorted((d, -int(pk)) for pk, d in newest)
            return [(-pk, 1 / d if d else 0.0) for d, pk in ordered]

        def ranked(self, config) -> list[tuple[int, float]]:
            if not hasattr(self, "_ranked"):
                self._ranked = _rank_then_filter(
                    self.queryset,
                    self._hits(config),
                    lambda allowed: self._hits(config, allowed),
                )
            return self._ranked

        def ranks_itself(self) -> bool:
            return (
                self.order_by_relevance
                and self.fields is None
                and not isinstance(self.query, MatchAll | Not)
            )

        def search(self, config, start, stop, score_field=None, backend=None):
            if not self.ranks_itself():
                return super().search(
                    config, start, stop, score_field=score_field, backend=backend
                )
            return _load_ranked(
                self.queryset, self.ranked(config)[start:stop], score_field
            )

    class KoreanPostgresSearchResults(RankedCountMixin, PostgresSearchResults):
        pass

    class KoreanPostgresSearchBackend(KoreanQueryMixin, PostgresSearchBackend):
        query_compiler_class = KoreanPostgresSearchQueryCompiler
        results_class = KoreanPostgresSearchResults

    return KoreanPostgresSearchBackend


def SearchBackend(params):
    """Return the Korean backend for the database in use ('default')."""
    if connection.vendor == "postgresql":
        # 'simple': no English stemming of Latin words (ktx, ai), no stop words.
        return _postgres_backend()({"SEARCH_CONFIG": "simple", **params})
    if connection.vendor == "sqlite":
        return _sqlite_backend()(params)
    raise ImproperlyConfigured(
        f"Korean search supports SQLite and PostgreSQL, not {connection.vendor}"
    )
