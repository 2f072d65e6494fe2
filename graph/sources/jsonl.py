"""JSON Lines: one article per line, ``{"id", "title", "url", "outlet", "published", "text"}``.

Lines are read one at a time (bounded memory for any file size); a line that is not JSON, not
an object, has no ``text``, or an unreadable date becomes a :class:`SourceError` naming
``file:line`` that is *yielded*, so the caller can skip and count it.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

from graph.errors import SourceError
from graph.model import Article
from graph.sources.text import DEFAULT_MAX_BYTES, make_article, meta_from_mapping

JSONL_SUFFIXES = (".jsonl", ".ndjson")


class LineReader(Protocol):
    """Anything with a binary ``readline`` (files, stdin, in-memory buffers)."""

    def readline(self, limit: int = -1, /) -> bytes: ...


def parse_record(line: str, where: str, defaults: Mapping[str, Any] | None = None) -> Article:
    """One JSONL record as an Article; ``defaults`` fill the metadata fields the record lacks.

    Example:
        >>> parse_record('{"id": "a1", "published": "2026-01-15", "text": "The leaders met."}', "f:1").published
        datetime.date(2026, 1, 15)
    """
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise SourceError(
            f"not valid JSON: {exc.msg} (column {exc.colno})", where=where, hint="each line must be one JSON object"
        ) from exc
    if not isinstance(data, dict):
        raise SourceError("the line is not a JSON object", where=where, hint="write one {...} object per line")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise SourceError("the record has no text", where=where, hint='add a non-empty "text" field')
    if "\x00" in text:
        raise SourceError("the text contains NUL characters", where=where)
    meta = meta_from_mapping(data, where)
    return make_article(text, {**(defaults or {}), **meta}, {}, where)


def iter_lines(
    stream: LineReader, name: str, max_bytes: int, defaults: Mapping[str, Any] | None = None
) -> Iterator[Article | SourceError]:
    """Articles (or errors) from a binary stream of JSON lines; lines over ``max_bytes`` are refused."""
    lineno = 0
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            return
        lineno += 1
        where = f"{name}:{lineno}"
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the long line
                raw = stream.readline(max_bytes + 1)
            yield SourceError(
                f"line is over the limit of {max_bytes} bytes",
                where=where,
                hint="raise the limit (DIPLOGRAPH_MAX_ARTICLE_BYTES) or shorten the record",
            )
            continue
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield SourceError(
                f"not valid UTF-8 (byte {exc.start} of the line)", where=where, hint="convert the file to UTF-8"
            )
            continue
        try:
            yield parse_record(line.lstrip("\ufeff"), where, defaults)
        except SourceError as err:
            yield err


def read_jsonl(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, defaults: Mapping[str, Any] | None = None
) -> Iterator[Article | SourceError]:
    """Articles from a ``.jsonl`` file; ``max_bytes`` limits each line, not the file."""
    p = Path(path)
    try:
        fh = p.open("rb")
    except OSError as exc:
        yield SourceError(
            f"cannot read the file: {exc.strerror or exc}", where=str(p), hint="check the path and its permissions"
        )
        return
    with fh:
        yield from iter_lines(fh, str(p), max_bytes, defaults)


def read_jsonl_text(
    lines: Iterable[str] | str, name: str = "<stdin>", max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | SourceError]:
    """Articles from JSONL already in memory (tests, stdin)."""
    text = lines if isinstance(lines, str) else "".join(lines)
    yield from iter_lines(io.BytesIO(text.encode("utf-8")), name, max_bytes)
