"""The HTML view without a browser: escaping, no remote references, CSP, aggregation, layout, notebook display."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph.views.html import HtmlView, render_view, script_json, strip_remote
from graph.views.layout import layout
from graph.views.viewdata import build_view_data, day_number
from tests.views.conftest import PAYLOADS, contract_graph, events_drawn, xss_graph

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)


def page_data(page: str) -> dict[str, Any]:
    block = re.search(r'<script type="application/json" id="dg-data">(.*?)</script>', page, re.DOTALL)
    assert block is not None
    data: dict[str, Any] = json.loads(block.group(1))
    return data


@pytest.fixture(scope="module")
def contract_view() -> HtmlView:
    return render_view(contract_graph(), title="Contract", store="/tmp/kg", filters={"actors": ["Petro"], "depth": 1})


def test_script_json_escapes_everything_that_can_end_a_script() -> None:
    value = {"s": "</script><script>alert(1)</script><!-- & \u2028 \u2029 ' \""}
    text = script_json(value)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == value


def test_payloads_appear_only_escaped_in_the_page() -> None:
    page = render_view(xss_graph(), title="XSS").html
    for payload in PAYLOADS:
        if any(c in payload for c in "<>&\u2028"):  # a javascript: URL is plain data; the page never links it
            assert payload not in page
    data = page_data(page)
    labels = {n["label"] for n in data["nodes"]}
    assert PAYLOADS[0] + " Mallory" in labels and PAYLOADS[2] in labels  # data round-trips exactly
    assert data["edges"][0]["ev"][0][0] == " ".join(PAYLOADS)
    assert data["articles"][0]["url"] == PAYLOADS[3]
    scripts = SCRIPT.findall(page)
    assert len(scripts) == 3  # the JSON block, vis-network, ours: nothing else can run


def test_title_is_escaped_in_the_head() -> None:
    page = render_view(contract_graph(), title="<script>x</script> & co").html
    assert "<title>&lt;script&gt;x&lt;/script&gt; &amp; co</title>" in page
    assert page_data(page)["meta"]["title"] == "<script>x</script> & co"


def test_no_remote_reference_is_left(contract_view: HtmlView) -> None:
    page = contract_view.html
    assert "<link" not in page.lower()
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", page, re.IGNORECASE)
    for needle in ("cdnjs", "jsdelivr", "bootstrap", "sourceMappingURL", "@import", "url(http"):
        assert needle.lower() not in page.lower(), needle
    assert "vis.Network" in page and "vis-network" in page  # vis-network itself is inlined


def test_strip_remote_cleans_pyvis_own_page() -> None:
    from pyvis.network import Network

    net = Network(cdn_resources="in_line")
    net.add_node(1)
    raw = net.generate_html()
    assert "cdn.jsdelivr.net" in raw  # pyvis's template loads Bootstrap from a CDN in every mode
    cleaned = strip_remote(raw)
    assert "jsdelivr" not in cleaned and "<link" not in cleaned
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", cleaned)


def test_csp_allows_exactly_the_page_scripts(contract_view: HtmlView) -> None:
    page = contract_view.html
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None
    policy = csp.group(1)
    assert "default-src 'none'" in policy and "unsafe-eval" not in policy
    allowed = set(re.findall(r"'sha256-([^']+)'", policy))
    executable = [body for attrs, body in SCRIPT.findall(page) if "application/json" not in attrs]
    digests = {base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() for b in executable}
    assert digests == allowed


def test_counts_and_header_data(contract_view: HtmlView) -> None:
    g = contract_graph()
    data = page_data(contract_view.html)
    assert contract_view.nodes == len(data["nodes"]) == g.number_of_nodes()
    assert contract_view.edges == len(data["edges"]) == events_drawn(g) == 7
    assert data["totals"] == {"actors": 7, "events": 7, "edges": 8}
    meta = data["meta"]
    assert meta["store"] == "/tmp/kg" and meta["filters"] == "actors: Petro; depth: 1"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", meta["exported"])
    assert data["roots"]["13"] == "Threaten"  # labels from the packaged CAMEO scheme
    assert data["aggregation"] is None and not contract_view.aggregated


def test_event_records_follow_the_contract(contract_view: HtmlView) -> None:
    data = page_data(contract_view.html)
    by_key = {e["key"].rsplit("-", 1)[-1]: e for e in data["edges"]}
    threat = by_key["threat"]
    assert (threat["cameo"], threat["root"], threat["quad"], threat["mod"]) == ("138", "13", 3, "asserted")
    assert threat["ev"][0][0] == "Trump threatened action against Colombia on January 4."
    assert data["articles"][threat["ev"][0][1]]["outlet"] == "Example News"
    sanction = by_key["sanction"]
    assert (sanction["d0"], sanction["d1"]) == (day_number("2025-10-01"), day_number("2025-10-31"))
    assert by_key["deny"]["d0"] is None and by_key["meet"]["sym"] is True
    nodes = data["nodes"]
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes)
    assert len({(n["x"], n["y"]) for n in nodes}) == len(nodes)


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [("2026-01-04", False, 20457), ("2025-10", True, 20392), ("2025-10", False, 20362), ("2025", True, 20453)],
)
def test_day_number(text: str, end: bool, expected: int) -> None:
    assert day_number(text, end=end) == expected


def star_graph(n_leaves: int, hubs: int = 3) -> nx.MultiDiGraph:
    """Hubs with many events; leaves (persons and groups) with one each."""
    g = nx.MultiDiGraph()
    for h in range(hubs):
        g.add_node(f"hub{h}", kind="state", label=f"Hub {h}")
    for i in range(n_leaves):
        g.add_node(f"leaf{i}", kind="person" if i % 3 else "group", label=f"Leaf {i}")
        day = f"2025-{i % 12 + 1:02d}-01"
        g.add_edge(f"leaf{i}", f"hub{i % hubs}", key=f"e{i}", **_ev(day))
    for h in range(hubs):
        g.add_edge(f"hub{h}", f"hub{(h + 1) % hubs}", key=f"h{h}", **_ev("2025-01-01"))
    return g


def _ev(day: str) -> dict[str, Any]:
    return {"cameo": "042", "root": "04", "quad_class": 1, "modality": "asserted", "date": day, "evidence": []}


def test_aggregation_keeps_the_most_connected_and_counts_every_event() -> None:
    g = star_graph(60)
    data = build_view_data(g, max_nodes=20)
    nodes, edges = data["nodes"], data["edges"]
    assert len(nodes) <= 20
    assert {n["label"] for n in nodes[:3]} == {"Hub 0", "Hub 1", "Hub 2"}
    folds = [n for n in nodes if n.get("folded")]
    assert {f["kind"] for f in folds} == {"person", "group"}
    assert sum(f["folded"] for f in folds) + len(nodes) - len(folds) == g.number_of_nodes()
    single = [e for e in edges if "agg" not in e]
    members = sum(len(e["agg"]) for e in edges if "agg" in e)
    assert len(single) + members == g.number_of_edges()
    agg = data["aggregation"]
    assert agg["folded_actors"] == g.number_of_nodes() - agg["kept"] and agg["folded_events"] == members


def test_aggregation_is_said_on_the_page() -> None:
    view = render_view(star_graph(60), max_nodes=20)
    assert view.aggregated and view.nodes <= 20
    assert page_data(view.html)["aggregation"]["limit"] == 20
    assert not render_view(star_graph(10), max_nodes=20).aggregated


def test_layout_is_deterministic_and_separates_components() -> None:
    g = nx.gnm_random_graph(80, 160, seed=3)
    g.add_nodes_from(range(80, 90))  # isolated actors
    first = layout(list(g.nodes), list(g.edges), seed=5)
    assert first == layout(list(g.nodes), list(g.edges), seed=5)
    assert len(set(first.values())) == 90


def test_repr_html_is_a_sandboxed_srcdoc_iframe(contract_view: HtmlView) -> None:
    frame = contract_view._repr_html_()
    assert frame.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts' in frame
    assert "allow-same-origin" not in frame
    srcdoc = re.search(r'srcdoc="([^"]*)"', frame)
    assert srcdoc is not None and html.unescape(srcdoc.group(1)) == contract_view.html
    assert "<script" not in frame


def test_write(tmp_path: Path, contract_view: HtmlView) -> None:
    out = contract_view.write(tmp_path / "view.html")
    assert out.read_text(encoding="utf-8") == contract_view.html
    assert out.stat().st_size > 500_000  # vis-network is inlined


def test_importing_the_module_does_not_import_pyvis() -> None:
    code = "import sys, graph.views.html; print('pyvis' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_max_nodes_must_be_positive() -> None:
    with pytest.raises(ValueError):
        render_view(contract_graph(), max_nodes=0)


def test_write_creates_missing_folders_and_reports_unwritable_paths(tmp_path: Path) -> None:
    import networkx as nx

    from graph.errors import SourceError
    from graph.views.html import render_view

    page = render_view(nx.MultiDiGraph(), title="empty")
    written = page.write(tmp_path / "new" / "dir" / "g.html")
    assert written.read_text(encoding="utf-8") == page.html
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(SourceError, match="cannot write the page"):
        page.write(blocker / "g.html")
