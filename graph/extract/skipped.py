"""Articles that cannot be extracted: their errors and the empty extraction that stands for one."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from graph.errors import ExtractionError
from graph.model import Article, Extraction

if TYPE_CHECKING:
    from graph.extract.pipeline import Pipeline


class ArticleTooLong(ExtractionError):
    """An article over the extraction limit (:data:`graph.extract.nlp.MAX_CHARS` characters): skipped."""


class ArticleTimeout(ExtractionError):
    """An article whose extraction took longer than the per-article time budget: skipped."""


OnError = Callable[[Article, ExtractionError], None]


def _empty(pipe: Pipeline, art: Article, exc: ExtractionError) -> Extraction:
    """The extraction of a skipped article, with the reason as its note."""
    note = exc.message.rstrip(".")
    if ": not extracted" not in note:
        note += ": not extracted"
    if exc.hint:
        note += f"; {exc.hint}"
    return Extraction(article=art, extractor=pipe.extractor, notes=(note,))


def _too_long(pipe: Pipeline, art: Article) -> ExtractionError:
    from graph.extract.nlp import MAX_CHARS

    return ArticleTooLong(
        f"text of {len(art.text)} characters is over the extraction limit of {MAX_CHARS}",
        where=art.origin or art.key,
        hint="split the article into parts",
    )
