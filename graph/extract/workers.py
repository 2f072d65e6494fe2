"""Extraction in forked worker processes that each parse and extract, returning results in order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from graph.errors import ExtractionError, GraphError
from graph.extract.skipped import ArticleTimeout, ArticleTooLong, OnError, _empty, _too_long
from graph.extract.time_budget import _within
from graph.model import Article, Extraction

if TYPE_CHECKING:
    from graph.extract.pipeline import Pipeline

WORKER_CHUNK = 4  # articles per task sent to a worker: small, so that both cores stay busy to the last one
_WORKER_PIPE: Pipeline | None = None  # the pipeline a forked worker inherits from its parent


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _work(chunk: list[Article], budget: float = 0.0) -> list[tuple[Any, ...]]:
    """In a worker: parse and extract a chunk of articles; errors travel back as plain tuples.

    The chunk is parsed as one spaCy batch (every stage of the parse is linear in the text); the rules
    of each article run within the time budget."""
    from graph.extract.nlp import MAX_CHARS

    pipe = _WORKER_PIPE
    assert pipe is not None
    out: list[tuple[Any, ...]] = []
    try:
        docs = list(pipe.parse_nlp.pipe([a.text if len(a.text) <= MAX_CHARS else "" for a in chunk]))
    except Exception as exc:  # spaCy errors on pathological input
        return [("batch", f"spaCy could not process the batch: {exc}", chunk[0].origin if chunk else None, None)]
    for art, doc in zip(chunk, docs, strict=True):
        if len(art.text) > MAX_CHARS:
            err = _too_long(pipe, art)
            out.append(("long", err.message, err.where, err.hint))
            continue
        try:
            out.append(("ok", _within(budget, art, partial(pipe.run, art, doc))))
        except ArticleTimeout as exc:
            out.append(("timeout", exc.message, exc.where, exc.hint))
        except ExtractionError as exc:
            out.append(("error", exc.message, exc.where, exc.hint))
        except GraphError as exc:
            out.append(("fatal", f"{type(exc).__name__}: {exc}", art.origin or art.key, None))
        except Exception as exc:
            out.append(
                (
                    "error",
                    f"extraction failed: {type(exc).__name__}: {exc}",
                    art.origin or art.key,
                    "report this article as a bug",
                )
            )
    return out


def _extract_in_workers(
    pipe: Pipeline,
    articles: Iterable[Article],
    n_process: int,
    batch_size: int,
    on_error: OnError | None,
    budget: float = 0.0,
) -> Iterator[Extraction]:
    """Parse *and* extract in ``n_process`` forked workers (each inherits the loaded pipeline), in order.

    spaCy's own ``n_process`` only parses in its workers and ships every doc back to this process,
    which then runs the extractor alone; here the workers return finished extractions, so both cores
    do the whole job. At most ``2 * n_process`` chunks are in flight, so memory stays bounded.
    """
    import multiprocessing
    from collections import deque
    from itertools import islice

    global _WORKER_PIPE
    _WORKER_PIPE = pipe
    ctx = multiprocessing.get_context("fork")
    source = iter(articles)
    with ctx.Pool(n_process) as pool:
        flight: deque[tuple[list[Article], Any]] = deque()

        def feed() -> None:
            while len(flight) < 2 * n_process:
                chunk = list(islice(source, max(1, min(batch_size, WORKER_CHUNK))))
                if not chunk:
                    return
                flight.append((chunk, pool.apply_async(_work, (chunk, budget))))

        feed()
        while flight:
            chunk, result = flight.popleft()
            rows = result.get()
            feed()
            if len(rows) == 1 and rows[0][0] == "batch":
                raise ExtractionError(rows[0][1], where=rows[0][2])
            for art, row in zip(chunk, rows, strict=True):
                kind = row[0]
                if kind == "ok":
                    yield row[1]
                    continue
                if kind == "fatal":
                    raise ExtractionError(row[1], where=row[2])
                kinds = {"long": ArticleTooLong, "timeout": ArticleTimeout}
                err = kinds.get(kind, ExtractionError)(row[1], where=row[2], hint=row[3])
                if on_error is not None:
                    on_error(art, err)
                elif kind in kinds:
                    yield _empty(pipe, art, err)
                else:
                    raise err
