"""Plain-text articles (``.txt``), with metadata from YAML front matter or a sidecar file.

Metadata fields are ``id``, ``title``, ``url``, ``outlet`` and ``published`` (a date). They come
from, in increasing priority: a sidecar ``FILE.meta.json`` / ``FILE.meta.yaml`` (or
``FILE.json`` / ``FILE.yaml`` beside ``FILE.txt``), a front-matter block at the top of the file
(``---`` lines around YAML), and the values the caller passes (command-line options).

The helpers here (bounded reading, decoding, date parsing) are shared by the other readers.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from graph.errors import SourceError
from graph.model import Article

DEFAULT_MAX_BYTES = 5_000_000
META_FIELDS = ("id", "title", "url", "outlet", "published")
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_DMY = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$")
_MDY = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The bytes of a file, refusing files over ``max_bytes`` before reading them."""
    where = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceError(
                f"file is {size} bytes, over the limit of {max_bytes}",
                where=where,
                hint="split it, or raise the limit (DIPLOGRAPH_MAX_ARTICLE_BYTES)",
            )
        with path.open("rb") as fh:
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        raise SourceError(
            f"cannot read the file: {exc.strerror or exc}", where=where, hint="check the path and its permissions"
        ) from exc
    if len(raw) > max_bytes:
        raise SourceError(
            f"file is over the limit of {max_bytes} bytes",
            where=where,
            hint="split it, or raise the limit (DIPLOGRAPH_MAX_ARTICLE_BYTES)",
        )
    return raw


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),  # before UTF-16 LE, whose mark it starts with
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def bom_encoding(raw: bytes) -> tuple[str, str] | None:
    """The codec and name of the Unicode encoding whose byte-order mark starts ``raw``, if any.

    Example:
        >>> bom_encoding("Talks".encode("utf-16")), bom_encoding(b"Talks")
        (('utf-16', 'UTF-16'), None)
    """
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            return codec, name
    return None


def decode_unicode(raw: bytes, where: str, hint: str = "convert the file to UTF-8 (e.g. iconv -t utf-8)") -> str:
    """Decode UTF-8, or UTF-16 / UTF-32 / UTF-8 when a byte-order mark says so (the mark dropped).

    Example:
        >>> decode_unicode("Путин".encode("utf-32"), "x"), decode_unicode(b"\\xef\\xbb\\xbfok", "x")
        ('Путин', 'ok')
    """
    codec, name = bom_encoding(raw) or ("utf-8", "UTF-8")
    try:
        content = raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise SourceError(f"not valid {name} (byte {exc.start})", where=where, hint=hint) from exc
    return content.removeprefix("\ufeff")


def decode_text(raw: bytes, where: str) -> str:
    """Decode text: UTF-8, or UTF-16/UTF-32 with a byte-order mark; refusing binary and empty input.

    Example:
        >>> decode_text("\ufeffThe leaders met.".encode("utf-16-le"), "a.txt")
        'The leaders met.'
    """
    binary = SourceError(
        "looks like a binary file (it contains NUL bytes), not text",
        where=where,
        hint="give a .txt, .html or .jsonl file saved as UTF-8 (or UTF-16 with a byte-order mark)",
    )
    if bom_encoding(raw) is None and b"\x00" in raw[:65536]:
        raise binary
    content = decode_unicode(raw, where)
    if "\x00" in content[:65536]:
        raise binary
    if not content.strip():
        raise SourceError("the text is empty", where=where, hint="remove the file or give it some text")
    return content


def parse_date(value: object, where: str) -> date | None:
    """A publication date from ISO (``2026-01-15``, ``2026-01-15T10:00:00Z``) or ``15 January 2026``.

    Example:
        >>> parse_date("January 15, 2026", "x")
        datetime.date(2026, 1, 15)
        >>> parse_date("2026-01-15T08:30:00+01:00", "x")
        datetime.date(2026, 1, 15)
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for rx, order in ((_DMY, "dmy"), (_MDY, "mdy")):
        m = rx.match(text)
        if m:
            day, month_name, year = (m[1], m[2], m[3]) if order == "dmy" else (m[2], m[1], m[3])
            month = _MONTHS.get(month_name.lower())
            if month:
                try:
                    return date(int(year), month, int(day))
                except ValueError:
                    break
    raise SourceError(
        f"cannot read the date {text[:60]!r}", where=where, hint="write dates as YYYY-MM-DD (e.g. 2026-01-15)"
    )


def meta_from_mapping(data: object, where: str) -> dict[str, Any]:
    """Keep the known metadata fields of a mapping, as strings (``published`` as a date)."""
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise SourceError("metadata must be a mapping of id, title, url, outlet, published", where=where)
    out: dict[str, Any] = {}
    for key in META_FIELDS:
        value = data.get(key)
        if value is None or value == "":
            continue
        out[key] = parse_date(value, f"{where}: published") if key == "published" else str(value)
    return out


def _load_yaml(content: str, where: str) -> object:
    from graph.sources.yamlsafe import load_yaml

    return load_yaml(content, where, what="metadata", hint="fix the front matter or sidecar file")


def sidecar_meta(path: Path) -> dict[str, Any]:
    """Metadata from ``FILE.meta.json``/``.meta.yaml``/``.meta.yml`` (or ``FILE.json``/``.yaml``)."""
    stem = path.with_suffix("")
    candidates = [Path(f"{path}.meta{ext}") for ext in (".json", ".yaml", ".yml")]
    candidates += [Path(f"{stem}.meta{ext}") for ext in (".json", ".yaml", ".yml")]
    candidates += [stem.with_suffix(ext) for ext in (".json", ".yaml", ".yml")]
    for side in candidates:
        if side == path or not side.is_file():
            continue
        where = str(side)
        content = decode_text(read_limited(side, 1_000_000), where)
        if side.suffix == ".json":
            try:
                data = json.loads(content)
            except json.JSONDecodeError as exc:
                raise SourceError(f"metadata is not valid JSON: {exc.msg}", where=f"{where}:{exc.lineno}") from exc
        else:
            data = _load_yaml(content, where)
        return meta_from_mapping(data, where)
    return {}


def split_front_matter(content: str, where: str) -> tuple[dict[str, Any], str]:
    """Separate a leading ``---`` YAML block from the text."""
    m = _FRONT.match(content)
    if not m:
        return {}, content
    return meta_from_mapping(_load_yaml(m[1], f"{where} (front matter)"), f"{where} (front matter)"), content[m.end() :]


def make_article(text: str, meta: Mapping[str, Any], overrides: Mapping[str, Any], origin: str) -> Article:
    """An Article from text, metadata read from the input, and caller overrides (which win)."""
    merged = {**meta, **{k: v for k, v in overrides.items() if v is not None}}
    if not text.strip():
        raise SourceError("the text is empty", where=origin, hint="remove the record or give it some text")
    published = merged.get("published")
    if published is not None and not isinstance(published, date):
        published = parse_date(published, f"{origin}: published")
    return Article(
        text=text,
        id=merged.get("id"),
        title=merged.get("title"),
        url=merged.get("url"),
        outlet=merged.get("outlet"),
        published=published,
        origin=origin,
    )


def parse_text(
    content: str, origin: str, *, meta: Mapping[str, Any] | None = None, overrides: Mapping[str, Any] | None = None
) -> Article:
    """An Article from the decoded content of a text file (front matter allowed)."""
    front, body = split_front_matter(content, origin)
    return make_article(body, {**(meta or {}), **front}, overrides or {}, origin)


def read_text(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, overrides: Mapping[str, Any] | None = None
) -> Article:
    """Read one ``.txt`` article.

    Raises:
        SourceError: the file is missing, too large, binary, not UTF-8, empty, or its metadata
            cannot be read.

    Example:
        >>> import tempfile
        >>> p = Path(tempfile.mkdtemp()) / "a.txt"
        >>> _ = p.write_text("---\\ntitle: Talks\\npublished: 2026-01-15\\n---\\nThe leaders met.\\n")
        >>> a = read_text(p)
        >>> (a.title, a.published.isoformat(), a.text)
        ('Talks', '2026-01-15', 'The leaders met.\\n')
    """
    p = Path(path)
    content = decode_text(read_limited(p, max_bytes), str(p))
    return parse_text(content, str(p), meta=sidecar_meta(p), overrides=overrides)
