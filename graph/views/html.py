"""The interactive HTML graph: one self-contained, offline page (vis-network through pyvis).

This is the only module that imports pyvis. pyvis is used for what it is good at here: the copy of
vis-network it bundles and inlines with ``cdn_resources="in_line"`` (its ``local`` and ``remote``
modes load vis-network from a CDN, and every one of its templates loads Bootstrap from another).
The page itself comes from our own template (``templates/view.html``, ``view.css``, ``view.js``):
legend, filters, date range, search, evidence and actor panels. Node and edge records are built
directly (pyvis's ``add_edge`` is O(E) per call), positions are computed in Python
(``graph.views.layout``) so the page draws at once with physics off, and above ``max_nodes``
actors the view folds the least connected ones (``graph.views.viewdata``).

Safety: names, sentences, titles and URLs come from articles and are untrusted. They reach the page
only as JSON inside ``<script type="application/json">`` with ``<``, ``>``, ``&``, U+2028 and U+2029
escaped, and the page's script writes them with ``textContent`` only and links only http(s) URLs.
A Content-Security-Policy allows exactly the page's two scripts (by hash) and no network access.

Example:
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("usa", kind="state", label="United States")
    >>> g.add_node("col", kind="state", label="Colombia")
    >>> _ = g.add_edge("usa", "col", key="ev1", cameo="138", root="13", quad_class=3, label="<b>threat</b>")
    >>> view = render_view(g, title="Example")
    >>> "<b>threat</b>" in view.html, "\\\\u003cb\\\\u003ethreat" in view.html
    (False, True)
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html as htmlmod
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from graph.errors import GraphError
from graph.views.layout import layout
from graph.views.viewdata import build_view_data

DEFAULT_MAX_NODES = 2000
_PLACEHOLDER = re.compile(r"@@([A-Z_]+)@@")
# anything that would make the page fetch something: external scripts, styles, imports, source maps
_REMOTE = re.compile(
    r"<script\b[^>]*\bsrc\s*=[^>]*>\s*</script\s*>|<link\b[^>]*>|@import\b[^;]*;?|"
    r"/[/*]\s*[#@]\s*source(?:Mapping)?URL=[^\s*]*(?:\s*\*/)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class HtmlView:
    """A rendered page: ``.html``, ``.write(path)``, and inline display in Jupyter / VS Code."""

    html: str
    title: str
    nodes: int
    edges: int
    events: int
    aggregated: bool
    height: int = 760

    def write(self, path: str | Path) -> Path:
        """Write the page (UTF-8), creating missing folders, and return its path.

        Raises:
            SourceError: the file cannot be written (the message names it).
        """
        from graph.errors import SourceError

        target = Path(path)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(self.html, encoding="utf-8")
        except OSError as exc:
            raise SourceError(
                f"cannot write the page: {exc.strerror or exc}",
                where=str(target),
                hint="choose a writable path with -o",
            ) from exc
        return target

    def _repr_html_(self) -> str:
        """An ``<iframe srcdoc>`` (works in classic Jupyter, JupyterLab and VS Code), sandboxed."""
        doc = htmlmod.escape(self.html, quote=True)
        return (
            f'<iframe srcdoc="{doc}" title="{htmlmod.escape(self.title, quote=True)}" '
            f'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
            f'style="width:100%;height:{int(self.height)}px;border:1px solid #d8dce1"></iframe>'
        )

    def __repr__(self) -> str:
        note = ", aggregated" if self.aggregated else ""
        return f"<HtmlView {self.title!r}: {self.nodes} nodes, {self.edges} edges, {self.events} events{note}>"


def script_json(obj: Any) -> str:
    """JSON safe to put inside a ``<script>`` element: no ``<``, ``>``, ``&``, U+2028 or U+2029 left.

    Example:
        >>> script_json({"s": "</script><b>&\\u2028"})
        '{"s":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026\\\\u2028"}'
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates cannot be written as UTF-8


def strip_remote(text: str) -> str:
    """Remove every reference that would make a browser fetch something (script src, link, @import, source maps).

    Example:
        >>> strip_remote('<link href="https://cdn.jsdelivr.net/x.css" rel="stylesheet"><p>ok</p>')
        '<p>ok</p>'
    """
    return _REMOTE.sub("", text)


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's CSS and JS, as pyvis inlines them with ``cdn_resources="in_line"``."""
    from pyvis.network import Network

    net = Network(cdn_resources="in_line")
    folder = Path(net.template_dir)
    template = (folder / "template.html").read_text(encoding="utf-8")
    inline = template.split('cdn_resources=="in_line"', 1)[-1].split("{%  elif", 1)[0]
    found = dict(re.findall(r"include '(lib/vis-[^']+/vis-network(?:\.min)?\.(js|css))'", inline))
    css_path = next((p for p, ext in found.items() if ext == "css"), None)
    js_path = next((p for p, ext in found.items() if ext == "js"), None)
    if css_path is None or js_path is None:  # another pyvis layout: take the newest bundled copy
        js_path = str(sorted(folder.glob("lib/vis-*/vis-network.min.js"))[-1].relative_to(folder))
        css_path = js_path.replace(".min.js", ".css")
    css = (folder / css_path).read_text(encoding="utf-8")
    js = (folder / js_path).read_text(encoding="utf-8")
    return strip_remote(css), strip_remote(js)


def _template(name: str) -> str:
    return resources.files("graph.views").joinpath("templates", name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _root_labels(roots: set[str]) -> dict[str, str]:
    """CAMEO root code -> label from the packaged scheme (empty when the scheme cannot be read)."""
    try:
        from graph.ontology import cameo_types

        types = cameo_types()
    except (GraphError, ImportError):  # the view still renders, with codes only
        types = {}
    return {r: types[r].label if r in types else "" for r in sorted(roots)}


def _filters_text(filters: Mapping[str, Any] | str | None) -> str | None:
    if filters is None or isinstance(filters, str):
        return filters or None
    parts = []
    for key, value in filters.items():
        if value is None or value is False or value == [] or value == ():
            continue
        if value is True:
            parts.append(key.replace("_", " "))
        elif isinstance(value, list | tuple | set):
            parts.append(f"{key.replace('_', ' ')}: {', '.join(str(v) for v in value)}")
        else:
            parts.append(f"{key.replace('_', ' ')}: {value}")
    return "; ".join(parts) or None


def render_view(
    nxg: nx.MultiDiGraph,
    *,
    title: str = "diplograph",
    store: str | None = None,
    filters: Mapping[str, Any] | str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
    seed: int = 42,
    exported: dt.datetime | None = None,
) -> HtmlView:
    """Render a projection (actors as nodes, events as edges) as one self-contained HTML page.

    Args:
        nxg: a ``MultiDiGraph`` as made by ``graph.views.network``: node attributes ``kind``,
            ``label``, ``aliases``, ``iso3``, ``wikidata`` (optional ``roles``); one edge per event,
            keyed by the event IRI, with ``cameo``, ``label``, ``root``, ``quad_class``,
            ``goldstein``, ``date``/``earliest``/``latest``/``precision``, ``modality``,
            ``confidence``, ``evidence`` (dicts: sentence, start, end, article, title, outlet, url,
            published), ``sources`` and ``symmetric``.
        title: page title and heading.
        store: the store location, shown in the header.
        filters: what the projection was restricted to (shown in the header).
        max_nodes: above this many actors, keep the most connected and fold the rest by kind.
        seed: layout seed (same graph and seed, same picture).
        exported: export time shown in the header (default: now, UTC).

    Returns:
        The page; ``.write(path)`` saves it, and it displays inline in notebooks.
    """
    data = build_view_data(nxg, max_nodes=max_nodes)
    positions = layout(range(len(data["nodes"])), [(e["from"], e["to"]) for e in data["edges"]], seed=seed)
    for node in data["nodes"]:
        node["x"], node["y"] = positions[node["id"]]
    roots = {e["root"] for e in data["edges"] if "agg" not in e}
    roots |= {m[0] for e in data["edges"] for m in e.get("agg", ())}
    data["roots"] = _root_labels(roots)
    from graph import __version__

    when = (exported or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    data["meta"] = {
        "title": title,
        "exported": when,
        "store": store,
        "filters": _filters_text(filters),
        "generator": f"diplograph {__version__}",
    }
    vis_css, vis_js = _vis_assets()
    app_js = _template("view.js").replace("</", "<\\/")
    parts = {
        "CSP": "default-src 'none'; script-src "
        + " ".join((_sha256(vis_js), _sha256(app_js)))
        + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
        "GENERATOR": htmlmod.escape(data["meta"]["generator"]),
        "TITLE": htmlmod.escape(title),
        "VIS_CSS": vis_css,
        "APP_CSS": _template("view.css"),
        "DATA": script_json(data),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    }
    page = _PLACEHOLDER.sub(lambda m: parts[m.group(1)], _template("view.html"))
    n_events = data["totals"]["events"]
    return HtmlView(
        html=page,
        title=title,
        nodes=len(data["nodes"]),
        edges=len(data["edges"]),
        events=n_events,
        aggregated=data["aggregation"] is not None,
    )
