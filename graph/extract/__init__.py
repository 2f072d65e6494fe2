"""Article -> Extraction: actors, typed events, facts, sanctions and claims, each with evidence.

Example:
    >>> from datetime import date
    >>> from graph.model import Article
    >>> art = Article(text="Colombian President Gustavo Petro met U.S. President Donald Trump on Tuesday. "
    ...               "Trump praised Petro.", published=date(2026, 2, 5))
    >>> ex = extract(art)
    >>> sorted(a.key for a in ex.actors)
    ['COL', 'USA', 'person-donald-trump', 'person-gustavo-petro']
    >>> [(e.cameo, e.actors, e.targets) for e in ex.events if e.cameo == "051"]
    [('051', ('person-donald-trump',), ('person-gustavo-petro',))]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from graph.errors import ExtractionError, GraphError
from graph.extract.pipeline import EXTRACTOR_NAME, EXTRACTOR_VERSION, Pipeline, _pipeline, prefilter_default
from graph.extract.skipped import ArticleTimeout, ArticleTooLong, OnError, _empty
from graph.extract.time_budget import _within, budget_default
from graph.extract.workers import _can_fork, _extract_in_workers
from graph.model import Article, Extraction

__all__ = [
    "EXTRACTOR_NAME",
    "EXTRACTOR_VERSION",
    "ArticleTimeout",
    "ArticleTooLong",
    "Pipeline",
    "extract",
    "extract_many",
]


def extract(
    article: Article, *, nlp: Any = None, prefilter: bool | None = None, budget: float | None = None
) -> Extraction:
    """Extract actors, events, facts and claims from one article.

    Raises:
        ExtractionError: the text could not be processed (the message names the article).
    """
    return next(extract_many([article], nlp=nlp, prefilter=prefilter, budget=budget))


def extract_many(
    articles: Iterable[Article],
    *,
    nlp: Any = None,
    n_process: int = 1,
    batch_size: int = 16,
    prefilter: bool | None = None,
    on_error: OnError | None = None,
    budget: float | None = None,
) -> Iterator[Extraction]:
    """Extractions of many articles, in order, parsed as one stream with ``nlp.pipe``.

    Args:
        n_process: worker processes (2 uses both cores of a 2-core machine). Where ``fork`` exists the
            workers inherit the loaded pipeline and both parse and extract, returning finished
            extractions in order; elsewhere spaCy's own ``n_process`` parses and this process extracts.
        batch_size: articles per spaCy batch.
        prefilter: parse only the sentences that can hold an event (a trigger word and an entity
            or personal pronoun); ``None`` reads ``DIPLOGRAPH_PREFILTER``. Faster, at a small
            recall cost (see BENCHMARKS.md).
        on_error: called with the article and an :class:`~graph.errors.ExtractionError` (e.g.
            :class:`ArticleTooLong`, :class:`ArticleTimeout`) for each article that cannot be
            extracted; the article is then skipped and the others go on. Without it, an over-long
            or over-budget article yields an empty extraction with a note, and other failures raise.
        budget: seconds the rules may take on one article (``None`` reads
            ``DIPLOGRAPH_ARTICLE_SECONDS``, default 60; 0 or less: no limit). An article over it is
            stopped and skipped with :class:`ArticleTimeout`. The spaCy parse itself stays batched and
            is bounded by the text's length (every stage is linear: :class:`graph.extract.tokenizer.BoundedTokenizer`).
    """
    from collections import deque

    from graph.extract.nlp import MAX_CHARS, parse_many

    pipe = _pipeline(nlp, prefilter_default() if prefilter is None else prefilter)
    seconds = budget_default() if budget is None else float(budget)
    if n_process > 1 and _can_fork():
        yield from _extract_in_workers(pipe, articles, n_process, batch_size, on_error, seconds)
        return
    pending: deque[Article] = deque()

    def texts() -> Iterator[str]:
        for a in articles:
            pending.append(a)
            yield a.text if len(a.text) <= MAX_CHARS else ""

    docs = parse_many(pipe.parse_nlp, texts(), batch_size=batch_size, n_process=n_process)
    while True:
        try:
            doc = next(docs)
        except StopIteration:
            break
        except GraphError:
            raise
        except Exception as exc:  # spaCy errors on pathological input
            where = pending[0].origin if pending else None
            raise ExtractionError(f"spaCy could not process the batch: {exc}", where=where) from exc
        art = pending.popleft()
        if len(art.text) > MAX_CHARS:
            err: ExtractionError = ArticleTooLong(
                f"text of {len(art.text)} characters is over the extraction limit of {MAX_CHARS}",
                where=art.origin or art.key,
                hint="split the article into parts",
            )
            if on_error is not None:
                on_error(art, err)
                continue
            yield Extraction(
                article=art,
                extractor=pipe.extractor,
                notes=(
                    f"text of {len(art.text)} characters is over the extraction limit of {MAX_CHARS}: not extracted; "
                    "split the article into parts",
                ),
            )
            continue
        try:
            result = _within(seconds, art, partial(pipe.run, art, doc))
        except ArticleTimeout as exc:
            if on_error is not None:
                on_error(art, exc)
            else:
                yield _empty(pipe, art, exc)
            continue
        except GraphError as exc:
            if on_error is None or not isinstance(exc, ExtractionError):
                raise
            on_error(art, exc)
            continue
        except Exception as exc:
            err = ExtractionError(
                f"extraction failed: {type(exc).__name__}: {exc}",
                where=art.origin or art.key,
                hint="report this article as a bug",
            )
            if on_error is None:
                raise err from exc
            on_error(art, err)
            continue
        yield result
