"""Search fields that index Kiwi morphemes instead of raw Korean text."""

from modelsearch import index

from sinmun.search.analysis import index_text


class KoreanSearchField(index.SearchField):
    """A `SearchField` whose indexed value is the analysed text (analysis.index_text).

    The field keeps its name, so `title` still fills the index's title column and boosts
    still apply on every backend.
    """

    def get_value(self, obj):
        value = super().get_value(obj)
        if isinstance(value, list | tuple):
            value = "\n".join(str(v) for v in value if v)
        return index_text(str(value or ""))


def koreanize(fields):
    """Return `fields` with every plain SearchField replaced by a KoreanSearchField."""
    return [
        KoreanSearchField(f.field_name, boost=f.boost, **f.kwargs)
        if type(f) is index.SearchField
        else f
        for f in fields
    ]
