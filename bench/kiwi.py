"""The importers' reference, measured in the same run as they are: Kiwi analysing each
story's text once, which any import that indexes for Korean search must pay."""

import time


def analysis_seconds(texts: list[str]) -> float:
    """Seconds Kiwi takes to analyse `texts` once each (the analyser loaded first)."""
    from sinmun.search.analysis import analyser

    analyser()
    started = time.monotonic()
    for text in texts:
        analyser().analyse(text)
    return time.monotonic() - started
