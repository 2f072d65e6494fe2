"""graph.views.export: networks written as GEXF, GraphML, node-link JSON and CSV, and read back."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

import graph
from graph.views import export
from graph.views.network import collapse

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "ontology" / "examples" / "seed.trig"
ID = "https://w3id.org/diplograph/id/"


@pytest.fixture(scope="module")
def nxg() -> Iterator[nx.MultiDiGraph]:
    with graph.open("memory:") as kg:
        kg.ingest([str(SEED)])
        yield kg.to_networkx(include_planned=True)


def written(g: nx.Graph, fmt: str) -> bytes:
    buf = io.BytesIO()
    export.write(g, buf, fmt)
    return buf.getvalue()


def keyed_edges(g: nx.Graph) -> list[tuple[str, str, str]]:
    return sorted((str(u), str(v), str(k)) for u, v, k in g.edges(keys=True))


def test_gexf_reads_back_with_the_same_nodes_and_edges(nxg: nx.MultiDiGraph) -> None:
    back = nx.read_gexf(io.BytesIO(written(nxg, "gexf")))
    assert isinstance(back, nx.MultiDiGraph)
    assert sorted(back.nodes) == sorted(nxg.nodes)
    assert keyed_edges(back) == keyed_edges(nxg)
    node = back.nodes[ID + "USA"]
    assert (node["label"], node["kind"], node["iso3"]) == ("United States", "state", "USA")
    assert "U.S." in node["aliases"].split("|")
    threat = back.get_edge_data(ID + "person-donald-trump", ID + "COL", key=ID + "seed-ev-threat")
    assert (threat["cameo"], threat["goldstein"], threat["quad_class"], threat["symmetric"]) == ("138", -7.0, 3, False)
    assert json.loads(threat["evidence"])[0]["outlet"] == "Unknown outlet (seed sample)"


def test_graphml_reads_back_with_the_same_nodes_and_edges(nxg: nx.MultiDiGraph) -> None:
    back = nx.read_graphml(io.BytesIO(written(nxg, "graphml")), force_multigraph=True)
    assert sorted(back.nodes) == sorted(nxg.nodes)
    assert keyed_edges(back) == keyed_edges(nxg)
    call = back.get_edge_data(ID + "person-donald-trump", ID + "person-gustavo-petro", key=ID + "seed-ev-call")
    assert call["symmetric"] is True and call["date"] == "2026-01-07" and call["sources"] == 1
    meeting = back.get_edge_data(ID + "person-donald-trump", ID + "person-gustavo-petro", key=ID + "seed-ev-meeting")
    assert meeting["modality"] == "planned"


def test_node_link_json_keeps_lists(nxg: nx.MultiDiGraph) -> None:
    data = json.loads(written(nxg, "json"))
    assert {"nodes", "links"} <= set(data)
    back = nx.node_link_graph(data, edges="links")
    assert sorted(back.nodes) == sorted(nxg.nodes) and keyed_edges(back) == keyed_edges(nxg)
    assert isinstance(back.nodes[ID + "USA"]["aliases"], list)
    threat = back.get_edge_data(ID + "person-donald-trump", ID + "COL", key=ID + "seed-ev-threat")
    assert isinstance(threat["evidence"], list) and threat["evidence"][0]["start"] >= 0


def test_csv_edge_list(nxg: nx.MultiDiGraph) -> None:
    rows = list(csv.DictReader(io.StringIO(written(nxg, "csv").decode("utf-8"))))
    assert len(rows) == nxg.number_of_edges()
    threat = next(r for r in rows if r["key"] == ID + "seed-ev-threat")
    assert (threat["source_label"], threat["target_label"], threat["cameo"]) == ("Donald Trump", "Colombia", "138")
    assert len(json.loads(threat["evidence"])) == 3


def test_collapsed_graphs_export_too(nxg: nx.MultiDiGraph) -> None:
    for directed in (True, False):
        dyads = collapse(nxg, directed=directed)
        back = nx.read_graphml(io.BytesIO(written(dyads, "graphml")))
        assert sorted(back.nodes) == sorted(dyads.nodes)
        assert back.number_of_edges() == dyads.number_of_edges()
        gexf = nx.read_gexf(io.BytesIO(written(dyads, "gexf")))
        assert gexf.number_of_edges() == dyads.number_of_edges()


def test_mixed_and_missing_values_become_safe() -> None:
    g = nx.MultiDiGraph()
    g.add_node("a", label="A", aliases=[], score=1)
    g.add_node("b", label="B", aliases=["x", "y"], score=2.5, extra=None)
    g.add_edge("a", "b", key="e1", goldstein=1, evidence=[{"sentence": "s"}], when=None)
    g.add_edge("b", "a", key="e2", goldstein=2.5, evidence=[])
    safe = export.safe_for_xml(g)
    assert safe.nodes["a"]["score"] == 1.0 and isinstance(safe.nodes["a"]["score"], float)
    assert "extra" not in safe.nodes["b"] and safe.nodes["b"]["aliases"] == "x|y"
    assert safe.edges["a", "b", "e1"]["goldstein"] == 1.0 and "when" not in safe.edges["a", "b", "e1"]
    back = nx.read_graphml(io.BytesIO(written(g, "graphml")), force_multigraph=True)
    assert keyed_edges(back) == [("a", "b", "e1"), ("b", "a", "e2")]


def test_write_to_a_path_and_unknown_format(nxg: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = tmp_path / "seed.gexf"
    export.write(nxg, out, "gexf")
    assert nx.read_gexf(out).number_of_edges() == nxg.number_of_edges()
    with pytest.raises(ValueError, match="unknown graph format"):
        export.write(nxg, tmp_path / "x", "dot")
