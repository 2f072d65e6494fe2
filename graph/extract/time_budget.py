"""The per-article time budget: its default and the alarm that stops an article over it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graph.extract.skipped import ArticleTimeout
from graph.model import Article, Extraction


def budget_default() -> float:
    """Seconds one article may take (``DIPLOGRAPH_ARTICLE_SECONDS``, see :mod:`graph.settings`); 0: no limit."""
    from graph.settings import load_setting

    return float(load_setting("article_seconds"))


class _Expired(BaseException):
    """Raised by the alarm inside an article's extraction: not an ``Exception``, so that no ``except
    Exception`` on the way can swallow it."""


def _timeout(art: Article, budget: float) -> ArticleTimeout:
    return ArticleTimeout(
        f"extraction took longer than the time budget of {budget:g} s per article: not extracted",
        where=art.origin or art.key,
        hint="raise DIPLOGRAPH_ARTICLE_SECONDS (0 turns the budget off) or split the article",
    )


def _within(budget: float, art: Article, work: Callable[[], Extraction]) -> Extraction:
    """``work()``, stopped with :class:`ArticleTimeout` once ``budget`` seconds have passed.

    The alarm (``SIGALRM``) interrupts the Python code of the rules and spaCy between its steps; spaCy's
    compiled loops run to their end first, but every stage is linear in the text (see
    :class:`graph.extract.tokenizer.BoundedTokenizer`), so they end soon. Where no alarm can be set (not the main
    thread, no ``setitimer``, or a timer already running, e.g. pytest-timeout's), the article runs to its
    end and is dropped afterwards if it overran."""
    import math
    import signal
    import threading
    import time

    if not budget > 0 or not math.isfinite(budget):
        return work()
    started = time.perf_counter()
    armed = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    previous: Any = None
    if armed:

        def expire(signum: int, frame: Any) -> None:
            raise _Expired

        previous = signal.signal(signal.SIGALRM, expire)
    try:
        try:
            if armed:
                signal.setitimer(signal.ITIMER_REAL, budget)
            out = work()
        finally:
            if armed:
                signal.setitimer(signal.ITIMER_REAL, 0)
    except _Expired:
        raise _timeout(art, budget) from None
    finally:
        if armed:
            signal.signal(signal.SIGALRM, previous)
    if time.perf_counter() - started > budget:
        raise _timeout(art, budget)
    return out
