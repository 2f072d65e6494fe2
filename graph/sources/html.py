"""HTML pages: the main text and metadata of a news page, via trafilatura.

trafilatura (the only importer of it here) drops scripts, styles, navigation, boilerplate and
comments, and reads the title, publication date and publisher (site name) from the page's
meta tags (Open Graph, JSON-LD, ``<title>``). Values given by the caller win over the page's.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from graph.errors import SourceError
from graph.model import Article
from graph.sources.text import (
    DEFAULT_MAX_BYTES,
    bom_encoding,
    decode_unicode,
    make_article,
    parse_date,
    read_limited,
    sidecar_meta,
)

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_CHARSET = re.compile(rb"""charset=["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


def parse_html(
    content: str | bytes,
    origin: str,
    *,
    url: str | None = None,
    meta: Mapping[str, Any] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Article:
    """An Article from the source of an HTML page.

    Raises:
        SourceError: trafilatura is not installed, or the page holds no main text.

    Example:
        >>> page = ("<html><head><title>Talks</title><script>var x = 1;</script></head><body>"
        ...         "<nav>Home | World</nav><article><p>The two presidents spoke by phone on Tuesday "
        ...         "and agreed to meet in February, officials in both capitals said.</p></article></body></html>")
        >>> a = parse_html(page, "page.html")
        >>> "var x" in a.text, a.text.startswith("The two presidents")
        (False, True)
    """
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - trafilatura is a dependency
        raise SourceError(
            "reading HTML needs the trafilatura package", where=origin, hint="pip install trafilatura"
        ) from exc
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    if isinstance(content, bytes):
        content = content.decode("utf-8", errors="replace")
    if "<" not in content:
        raise SourceError("not an HTML page (no markup found)", where=origin, hint="give it a .txt suffix")
    try:
        doc = trafilatura.bare_extraction(
            content, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
        )
        if doc is None:
            doc = trafilatura.bare_extraction(
                content, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True
            )
    except Exception as exc:  # trafilatura/lxml raise many kinds of errors on broken markup
        raise SourceError(
            f"cannot parse the HTML: {exc}", where=origin, hint="check that the file is a web page"
        ) from exc
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise SourceError(
            "no article text found in the HTML page (only scripts, navigation or boilerplate)",
            where=origin,
            hint="save the article page itself, or give its text as .txt",
        )
    page_meta: dict[str, Any] = {}
    for field, attr in (("title", "title"), ("url", "url"), ("outlet", "sitename")):
        value = getattr(doc, attr, None)
        if value:
            page_meta[field] = str(value)
    hostname = getattr(doc, "hostname", None)
    if not page_meta.get("outlet") and hostname:
        page_meta["outlet"] = str(hostname)
    raw_date = getattr(doc, "date", None)
    if raw_date:
        with contextlib.suppress(SourceError):  # a guessed page date that cannot be read is dropped
            page_meta["published"] = parse_date(raw_date, origin)
    return make_article(text, {**page_meta, **(meta or {})}, overrides or {}, origin)


def _decode(raw: bytes, where: str) -> str:
    """UTF-8, unless a byte-order mark says UTF-16/UTF-32 or the page declares another charset in its
    first 2 kB (a byte-order mark wins over the declaration, as in browsers)."""
    if bom_encoding(raw):
        return decode_unicode(raw, where, hint="save the page as UTF-8")
    m = _CHARSET.search(raw[:2048])
    declared = m[1].decode("ascii").lower() if m else "utf-8"
    try:
        return raw.decode(declared)
    except LookupError:
        pass
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"not valid {declared} (byte {exc.start})", where=where, hint="save the page as UTF-8"
        ) from exc
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(f"not valid UTF-8 (byte {exc.start})", where=where, hint="save the page as UTF-8") from exc


def read_html(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, overrides: Mapping[str, Any] | None = None
) -> Article:
    """Read one saved HTML page (metadata sidecar allowed, as for text files)."""
    p = Path(path)
    raw = read_limited(p, max_bytes)
    if not raw.strip():
        raise SourceError("the file is empty", where=str(p), hint="remove the file or save the page again")
    if not bom_encoding(raw) and b"\x00" in raw[:65536]:
        raise SourceError("looks like a binary file (it contains NUL bytes), not HTML", where=str(p))
    content = _decode(raw, str(p))
    url = (overrides or {}).get("url")
    return parse_html(content, str(p), url=url, meta=sidecar_meta(p), overrides=overrides)
