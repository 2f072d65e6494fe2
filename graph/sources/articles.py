"""One entry point for articles: files, directories, globs and ``-`` (stdin), any format.

:func:`read_articles` dispatches on the suffix (``.txt``, ``.html``/``.htm``, ``.jsonl``) or, for
stdin and unknown suffixes, on the content. Every input that cannot be read becomes a
:class:`SourceError` naming the file and record, *yielded* in place of the article so that the
caller can skip it, count it, or stop (``--strict``).
"""

from __future__ import annotations

import glob
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from graph.errors import SourceError
from graph.model import Article
from graph.sources.html import HTML_SUFFIXES, parse_html, read_html
from graph.sources.jsonl import JSONL_SUFFIXES, iter_lines, read_jsonl
from graph.sources.text import DEFAULT_MAX_BYTES, decode_text, parse_date, parse_text, read_text

TEXT_SUFFIXES = (".txt", ".text", ".md")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
CURATED_SUFFIXES = (".yaml", ".yml", ".json")
RDF_SUFFIXES = (".trig", ".nq", ".ttl", ".nt")
OTHER_RDF_SUFFIXES = (".rdf", ".owl", ".n3", ".jsonld", ".trix", ".nquads", ".ntriples", ".hext")
_GLOB_CHARS = set("*?[")
_RDF_START = re.compile(rb"\A(?:\s|#[^\n]*\n)*(?:@prefix\s|@base\s|(?i:prefix|base)\s+\S*\s*<)")
_CURATED_START = re.compile(
    rb"\A(?:\s|#[^\n]*\n)*(?:source|analyst|articles|actors|events|roles|family|sanctions)[ \t]*:", re.MULTILINE
)


class NotAnArticle(SourceError):
    """An input that is curated data or RDF: ``ingest`` stores it as it is; there is no text to extract.

    ``diplograph extract`` exits with the usage code (2) for it."""


def not_an_article(path: str | Path, head: bytes | None = None) -> NotAnArticle | None:
    """Why a file is not an article (curated YAML/JSON, RDF, an article's metadata), else None.

    Known suffixes decide; a file of another suffix (or standard input, by its ``head``) is
    recognised from its first bytes: RDF prefix declarations, or YAML that starts with a curated
    section (``articles:``, ``actors:``, …).

    Example:
        >>> not_an_article("facts.yaml").describe()
        'facts.yaml: this is curated data (YAML/JSON), not an article. Store it with `diplograph ingest facts.yaml`.'
        >>> not_an_article("seed.trig").message, not_an_article("a.txt")
        ('this is RDF (TriG), not an article', None)
    """
    p = Path(path)
    name = "standard input" if str(path) == "-" else str(p)
    ingest = (
        "save it to a file (.yaml, .trig) and store it with `diplograph ingest FILE`"
        if str(path) == "-"
        else f"store it with `diplograph ingest {p}`"
    )
    suffix = p.suffix.lower() if str(path) != "-" else ""
    if suffix in CURATED_SUFFIXES and ".meta." in p.name.lower():
        return NotAnArticle(
            "this is the metadata of an article, read with the article it sits beside",
            where=name,
            hint=f"extract the article itself ({p.name.lower().split('.meta.')[0]})",
        )
    if suffix in CURATED_SUFFIXES:
        return NotAnArticle("this is curated data (YAML/JSON), not an article", where=name, hint=ingest)
    if suffix in RDF_SUFFIXES:
        return NotAnArticle(f"this is RDF ({_RDF_NAMES[suffix]}), not an article", where=name, hint=ingest)
    if suffix in OTHER_RDF_SUFFIXES:
        return NotAnArticle(
            f"this is RDF ({suffix[1:]}), not an article",
            where=name,
            hint="convert it to TriG, N-Quads, Turtle or N-Triples and store it with `diplograph ingest`",
        )
    if suffix in ARTICLE_SUFFIXES:
        return None
    if head is None:
        try:
            with p.open("rb") as fh:
                head = fh.read(4096)
        except OSError:
            return None
    head = head.removeprefix(b"\xef\xbb\xbf")
    if _RDF_START.match(head):
        return NotAnArticle(
            "this is RDF (Turtle or TriG, from its prefix lines), not an article",
            where=name,
            hint="give it a .ttl or .trig suffix and store it with `diplograph ingest`",
        )
    if _CURATED_START.match(head) and _is_curated_yaml(head):
        return NotAnArticle(
            "this is curated data (YAML), not an article",
            where=name,
            hint="give it a .yaml suffix and store it with `diplograph ingest`",
        )
    return None


_RDF_NAMES = {".trig": "TriG", ".nq": "N-Quads", ".ttl": "Turtle", ".nt": "N-Triples"}


def _is_curated_yaml(head: bytes) -> bool:
    """Whether text starts like a curated file: every line at the left margin (but a cut last one) is
    ``section:`` of a curated section, and one of them is ``articles``, ``actors`` or ``events``."""
    from graph.sources.curated import SECTIONS

    lines = (
        head.decode("utf-8", "replace").splitlines()[:-1]
        if len(head) >= 4096
        else head.decode("utf-8", "replace").splitlines()
    )
    keys = []
    for line in lines:
        if not line.strip() or line[:1] in " \t#-" or line.startswith("..."):
            continue
        m = re.match(r"([A-Za-z_]+)[ \t]*:(?:\s|$)", line)
        if m is None or m[1] not in SECTIONS:
            return False
        keys.append(m[1])
    return bool({"articles", "actors", "events"} & set(keys))


def read_articles(
    paths_or_dash: str | Path | Iterable[str | Path],
    *,
    published: date | str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | SourceError]:
    """Articles from files, directories, globs or ``-`` (stdin), errors yielded in place.

    Args:
        paths_or_dash: one path or several; ``-`` reads standard input (text, HTML or JSONL,
            recognised from the content).
        published, outlet, url: metadata that overrides what the files say (for JSONL,
            fills only what a record lacks).
        max_bytes: largest file (for JSONL: largest line) accepted.
        stdin: stream to read for ``-`` (default: ``sys.stdin.buffer``).

    Example:
        >>> import tempfile
        >>> d = Path(tempfile.mkdtemp())
        >>> _ = (d / "a.txt").write_text("Trump praised Petro on Tuesday.")
        >>> _ = (d / "b.txt").write_bytes(b"")
        >>> [type(x).__name__ for x in read_articles(d, published="2026-01-15")]
        ['Article', 'SourceError']
    """
    overrides: dict[str, Any] = {"outlet": outlet, "url": url}
    try:
        overrides["published"] = parse_date(published, "--published")
    except SourceError as err:
        yield err
        return
    items: Iterable[str | Path] = [paths_or_dash] if isinstance(paths_or_dash, str | Path) else paths_or_dash
    for item in items:
        if str(item) == "-":
            yield from _read_stream(stdin if stdin is not None else sys.stdin.buffer, "<stdin>", overrides, max_bytes)
            continue
        yield from _read_path(Path(item), overrides, max_bytes)


def _expand(path: Path) -> Iterator[Path | SourceError]:
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file() and _is_article_file(p))
        if not found:
            yield SourceError(
                "no article files in the directory",
                where=str(path),
                hint="articles end in " + ", ".join(ARTICLE_SUFFIXES),
            )
        yield from found
    elif path.exists():
        yield path
    elif _GLOB_CHARS & set(str(path)):
        matches = sorted(Path(m) for m in glob.glob(str(path), recursive=True))
        files = [m for m in matches if m.is_file() and _is_article_file(m)]
        if not files:
            yield SourceError("the pattern matches no article files", where=str(path))
        yield from files
    else:
        yield SourceError("no such file or directory", where=str(path), hint="check the path")


def _is_article_file(p: Path) -> bool:
    name = p.name
    return not name.startswith(".") and p.suffix.lower() in ARTICLE_SUFFIXES and ".meta." not in name


def _read_path(path: Path, overrides: dict[str, Any], max_bytes: int) -> Iterator[Article | SourceError]:
    for p in _expand(path):
        if isinstance(p, SourceError):
            yield p
            continue
        suffix = p.suffix.lower()
        refused = not_an_article(p)
        if refused is not None:
            yield refused
            continue
        try:
            if suffix in JSONL_SUFFIXES:
                yield from read_jsonl(p, max_bytes=max_bytes, defaults=_defaults(overrides))
            elif suffix in HTML_SUFFIXES:
                yield read_html(p, max_bytes=max_bytes, overrides=overrides)
            elif suffix in TEXT_SUFFIXES:
                yield read_text(p, max_bytes=max_bytes, overrides=overrides)
            else:
                with p.open("rb") as fh:
                    yield from _read_stream(fh, str(p), overrides, max_bytes)
        except SourceError as err:
            yield err
        except OSError as exc:
            yield SourceError(f"cannot read the file: {exc.strerror or exc}", where=str(p))


def _defaults(overrides: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in overrides.items() if v is not None}


def _read_stream(
    stream: BinaryIO, name: str, overrides: dict[str, Any], max_bytes: int
) -> Iterator[Article | SourceError]:
    """Standard input or a file of unknown type: JSONL, HTML or text, recognised from the content."""
    head = stream.read(min(max_bytes, 65536) + 1)
    if head.lstrip().startswith(b"{"):
        rest = _Chain(head, stream)
        yield from iter_lines(rest, name, max_bytes, _defaults(overrides))
        return
    raw = head + stream.read(max(0, max_bytes + 1 - len(head)))
    if len(raw) > max_bytes:
        yield SourceError(
            f"input is over the limit of {max_bytes} bytes",
            where=name,
            hint="split it, or raise the limit (DIPLOGRAPH_MAX_ARTICLE_BYTES)",
        )
        return
    if name == "<stdin>":
        refused = not_an_article("-", raw[:4096])
        if refused is not None:
            yield refused
            return
    try:
        content = decode_text(raw, name)
        low = content[:2048].lstrip().lower()
        if low.startswith(("<!doctype html", "<html")) or "<body" in low:
            yield parse_html(content, name, url=overrides.get("url"), overrides=overrides)
        else:
            yield parse_text(content, name, overrides=overrides)
    except SourceError as err:
        yield err


class _Chain:
    """A binary stream that first replays bytes already read (for sniffing stdin)."""

    def __init__(self, head: bytes, tail: BinaryIO) -> None:
        self.head = head
        self.tail = tail

    def readline(self, limit: int = -1) -> bytes:
        if self.head:
            cut = self.head.find(b"\n")
            if cut >= 0 and (limit < 0 or cut < limit):
                line, self.head = self.head[: cut + 1], self.head[cut + 1 :]
                return line
            if limit >= 0 and len(self.head) >= limit:
                line, self.head = self.head[:limit], self.head[limit:]
                return line
            line, self.head = self.head, b""
            return line + self.tail.readline(-1 if limit < 0 else limit - len(line))
        return self.tail.readline(limit)
