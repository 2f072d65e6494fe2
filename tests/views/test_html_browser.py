"""The HTML view in a real headless Chromium (Debian's /usr/bin/chromium driven by playwright, no download).

Checked through the page's JavaScript: counts match the projection, no request leaves the page, the date
slider and the type filter change what is shown, clicking an edge shows its evidence, and untrusted text
(names, sentences, titles, URLs with script payloads) shows literally and executes nothing.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph.views.html import render_view
from graph.views.viewdata import day_number
from tests.views.conftest import ID, PAYLOADS, contract_graph, events_drawn, xss_graph

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"
)
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 900}

# a point on an edge that hits that edge and no node, in page coordinates (vis-network internals)
EDGE_POINT_JS = """(id) => {
  const net = window.diplograph.network, box = document.getElementById("dg-network").getBoundingClientRect();
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
    const c = net.body.edges[id].edgeType.getPoint(t), d = net.canvasToDOM(c);
    if (net.getNodeAt(d) === undefined && net.getEdgeAt(d) === id) return {x: box.left + d.x, y: box.top + d.y};
  }
  return null;
}"""
NODE_POINT_JS = """(id) => {
  const net = window.diplograph.network, box = document.getElementById("dg-network").getBoundingClientRect();
  const d = net.canvasToDOM(net.getPosition(id));
  return {x: box.left + d.x, y: box.top + d.y};
}"""
SHOWN_JS = """() => ({
  nodes: window.diplograph.nodes.get({filter: n => !n.hidden}).length,
  edges: window.diplograph.edges.get({filter: e => !e.hidden}).length,
  header: document.getElementById("dg-count-edges").textContent
})"""


@dataclass
class Loaded:
    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def shown(self) -> dict[str, Any]:
        result: dict[str, Any] = self.page.evaluate(SHOWN_JS)
        return result


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def open_view(browser: Any, tmp_path: Path) -> Iterator[Callable[[nx.MultiDiGraph, str], Loaded]]:
    contexts: list[Any] = []

    def load(nxg: nx.MultiDiGraph, title: str) -> Loaded:
        path = tmp_path / f"view-{len(contexts)}.html"
        render_view(nxg, title=title, store=str(tmp_path / "kg")).write(path)
        context = browser.new_context(viewport=VIEWPORT)
        contexts.append(context)
        page = context.new_page()
        loaded = Loaded(page=page, url=path.as_uri())

        def guard(route: Any) -> None:
            if route.request.url == loaded.url:
                route.continue_()
            else:
                loaded.blocked.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        context.on("request", lambda r: loaded.requests.append(r.url))
        page.on("dialog", lambda d: (loaded.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: loaded.errors.append(str(e)))
        page.on("console", lambda m: loaded.errors.append(m.text) if m.type in ("error", "warning") else None)
        page.goto(loaded.url)
        page.wait_for_selector("body[data-ready]", state="attached", timeout=60_000)
        return loaded

    yield load
    for context in contexts:
        context.close()


@pytest.fixture(params=["contract", "seed"])
def projection(request: pytest.FixtureRequest) -> nx.MultiDiGraph:
    if request.param == "seed":
        seed: nx.MultiDiGraph = request.getfixturevalue("seed_nxg")
        return seed
    return contract_graph()


def test_counts_match_the_projection(open_view: Callable[..., Loaded], projection: nx.MultiDiGraph) -> None:
    view = open_view(projection, "counts")
    page = view.page
    assert page.evaluate("window.diplograph.nodes.length") == projection.number_of_nodes()
    assert page.evaluate("window.diplograph.edges.length") == events_drawn(projection)
    shown = view.shown()
    assert (shown["nodes"], shown["edges"]) == (projection.number_of_nodes(), events_drawn(projection))
    assert page.evaluate("window.diplograph.network.body.nodeIndices.length") == projection.number_of_nodes()
    assert page.evaluate("window.diplograph.network.body.edgeIndices.length") == events_drawn(projection)
    assert view.errors == []


def test_no_request_leaves_the_page(open_view: Callable[..., Loaded], projection: nx.MultiDiGraph) -> None:
    view = open_view(projection, "offline")
    view.page.click("#dg-fit")
    view.page.check("#dg-physics")
    view.page.wait_for_timeout(300)
    view.page.uncheck("#dg-physics")
    assert view.requests == [view.url]
    assert view.blocked == [] and view.errors == []


def _dated(nxg: nx.MultiDiGraph) -> list[tuple[int | None, int | None, str]]:
    """(earliest day, latest day, root) of each drawn edge."""
    out, seen = [], set()
    for u, v, key, d in nxg.edges(keys=True, data=True):
        if d.get("symmetric"):
            if (key, frozenset((u, v))) in seen:
                continue
            seen.add((key, frozenset((u, v))))
        lo, hi = d.get("earliest") or d.get("date"), d.get("latest") or d.get("date")
        root = str(d.get("root") or str(d.get("cameo"))[:2])
        out.append((day_number(lo), day_number(hi, end=True), root))
    return out


def test_date_slider_hides_events_outside_the_range(
    open_view: Callable[..., Loaded], projection: nx.MultiDiGraph
) -> None:
    events = _dated(projection)
    days = sorted({d for lo, hi, _ in events for d in (lo, hi) if d is not None})
    if len(days) < 2:
        pytest.skip("the projection has fewer than two distinct dates")
    cut = days[len(days) // 2]
    expected = sum(1 for lo, hi, _ in events if (lo is None and hi is None) or (hi if hi is not None else lo) >= cut)
    view = open_view(projection, "dates")
    before = view.shown()["edges"]
    view.page.locator("#dg-from").fill(str(cut))
    after = view.shown()
    assert after["edges"] == expected < before
    assert view.page.text_content("#dg-from-label") == _iso(cut)
    view.page.locator("#dg-undated").uncheck()
    dated = sum(1 for lo, hi, _ in events if lo is not None or hi is not None)
    assert view.shown()["edges"] == expected - (len(events) - dated)
    view.page.click("#dg-reset")
    assert view.shown()["edges"] == before


def _iso(day: int) -> str:
    import datetime as dt

    return (dt.date(1970, 1, 1) + dt.timedelta(days=day)).isoformat()


def test_type_filter_hides_that_type(open_view: Callable[..., Loaded], projection: nx.MultiDiGraph) -> None:
    events = _dated(projection)
    roots = sorted({r for _, _, r in events}, key=lambda r: -sum(1 for *_, x in events if x == r))
    view = open_view(projection, "types")
    view.page.locator(f'input[data-root="{roots[0]}"]').uncheck()
    shown = view.shown()
    expected = sum(1 for *_, r in events if r != roots[0])
    assert shown["edges"] == expected < len(events)
    assert shown["header"] == f"{expected:,}"


def _edge_with_sentence(nxg: nx.MultiDiGraph) -> tuple[str, str, str, str]:
    for u, v, key, d in nxg.edges(keys=True, data=True):
        for ev in d.get("evidence") or []:
            if ev.get("sentence"):
                return str(u), str(v), str(key), str(ev["sentence"])
    raise AssertionError("no event with evidence in the projection")


def test_clicking_an_edge_shows_its_evidence(open_view: Callable[..., Loaded], projection: nx.MultiDiGraph) -> None:
    u, v, key, sentence = _edge_with_sentence(projection)
    view = open_view(projection, "click")
    page = view.page
    edge_id = page.evaluate(
        """([u, v, key]) => window.diplograph.data.edges.find(e => e.key === key &&
             window.diplograph.data.nodes[e.from].iri === u && window.diplograph.data.nodes[e.to].iri === v).id""",
        [u, v, key],
    )
    point = page.evaluate(EDGE_POINT_JS, edge_id)
    assert point is not None, "no clickable point on the edge"
    page.mouse.click(point["x"], point["y"])
    assert page.text_content("#dg-details-title") == "Event"
    assert sentence in page.locator("#dg-panel blockquote").all_text_contents()
    assert page.evaluate("window.diplograph.network.getSelectedEdges()") == [edge_id]


def test_clicking_a_node_and_searching_show_the_actor(open_view: Callable[..., Loaded]) -> None:
    view = open_view(contract_graph(), "actor")
    page = view.page
    node_id = "(iri) => window.diplograph.data.nodes.find(n => n.iri === iri).id"
    petro = page.evaluate(node_id, ID + "person-gustavo-petro")
    point = page.evaluate(NODE_POINT_JS, petro)
    page.mouse.click(point["x"], point["y"])
    assert page.text_content("#dg-panel h3") == "Gustavo Petro"
    assert "President, Colombia (2022-08-07" in page.text_content("#dg-panel")
    page.fill("#dg-search", "ofac")
    page.press("#dg-search", "Enter")
    assert page.text_content("#dg-panel h3") == "Office of Foreign Assets Control"
    ofac = page.evaluate(node_id, ID + "agency-usa-ofac")
    assert page.evaluate("window.diplograph.network.getSelectedNodes()") == [ofac]


@pytest.fixture(params=["hand-made", "ingested"])
def hostile(request: pytest.FixtureRequest) -> nx.MultiDiGraph:
    if request.param == "ingested":
        ingested: nx.MultiDiGraph = request.getfixturevalue("xss_nxg")
        return ingested
    return xss_graph()


def test_untrusted_text_shows_literally_and_runs_nothing(
    open_view: Callable[..., Loaded], hostile: nx.MultiDiGraph
) -> None:
    view = open_view(hostile, "<script>window.__xss='title'</script>")
    page = view.page
    texts = []
    for i in range(page.evaluate("window.diplograph.data.edges.length")):
        page.evaluate("(i) => window.diplograph.showEdge(i)", i)
        texts.append(page.text_content("#dg-panel"))
        hrefs = page.eval_on_selector_all("#dg-panel a", "links => links.map(a => a.href)")
        assert all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
    for i in range(page.evaluate("window.diplograph.data.nodes.length")):
        page.evaluate("(i) => window.diplograph.showNode(i)", i)
        texts.append(page.text_content("#dg-panel"))
    for label in (str(d.get("label")) for _, d in hostile.nodes(data=True)):
        page.fill("#dg-search", label)
        page.press("#dg-search", "Enter")
        assert page.text_content("#dg-panel h3") == label
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert view.dialogs == [] and view.blocked == [] and view.requests == [view.url]
    assert view.errors == []
    assert page.evaluate("document.querySelectorAll('#dg-main img, #dg-main script, #dg-main b').length") == 0
    assert page.evaluate("document.title") == "<script>window.__xss='title'</script>"
    shown = "\n".join(texts)
    for _, d in hostile.nodes(data=True):
        assert str(d["label"]) in shown  # names show literally, markup and all
    for *_, d in hostile.edges(keys=True, data=True):
        for ev in d.get("evidence") or []:
            assert ev["sentence"] in shown
            if ev.get("title"):
                assert ev["title"] in shown
    assert "javascript:" not in "".join(page.eval_on_selector_all("a", "xs => xs.map(a => a.href)"))
    assert any(p in shown for p in PAYLOADS[:2]) or "<script>" in shown


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_screenshot(open_view: Callable[..., Loaded], projection: nx.MultiDiGraph, tmp_path: Path) -> None:
    view = open_view(projection, "shot")
    view.page.evaluate("window.diplograph.showEdge(0)")
    shot = tmp_path / "view.png"
    view.page.screenshot(path=str(shot))
    assert _png_size(shot) == (VIEWPORT["width"], VIEWPORT["height"])
    assert shot.stat().st_size > 40_000  # a drawn graph and panels, not a blank page


def test_the_request_recorder_sees_requests(browser: Any, tmp_path: Path) -> None:
    """The offline checks are not vacuous: a page that does fetch something is caught."""
    (tmp_path / "leaky.html").write_text('<img src="x.png"><link rel="stylesheet" href="https://cdn.invalid/a.css">')
    context = browser.new_context()
    try:
        page, seen, blocked = context.new_page(), [], []
        url = (tmp_path / "leaky.html").as_uri()
        context.route("**/*", lambda r: r.continue_() if r.request.url == url else (blocked.append(1), r.abort()))
        context.on("request", lambda r: seen.append(r.url))
        page.goto(url)
        page.wait_for_load_state("load")
        assert url in seen and len(seen) >= 3 and len(blocked) >= 2
    finally:
        context.close()
