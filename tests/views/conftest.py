"""Projections for the HTML view tests: hand-made ones following the contract of graph.views.network,
and, once that module exists, the real projection of the seed and of the XSS fixture."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "ontology" / "examples" / "seed.trig"
XSS_YAML = ROOT / "tests" / "fixtures" / "views" / "xss.yaml"
ID = "https://w3id.org/diplograph/id/"
PAYLOADS = [
    "<script>window.__xss='name'</script>",
    "<img src=x onerror=\"window.__xss='img'\">",
    "\"quoted\" & 'single' </script><!--",
    "javascript:window.__xss='url'",
    "line\u2028separator\u2029paragraph",
]


def evidence(sentence: str, *, title: str = "Example article", url: str = "https://example.org/a1") -> list[dict]:
    return [
        {
            "sentence": sentence,
            "start": 0,
            "end": len(sentence),
            "article": ID + "doc-0000000000000001",
            "title": title,
            "outlet": "Example News",
            "url": url,
            "published": "2026-01-15",
        }
    ]


def event(cameo: str, label: str, quad: int, day: str | None, modality: str = "asserted", **extra: Any) -> dict:
    attrs = {
        "cameo": cameo,
        "label": label,
        "root": cameo[:2],
        "quad_class": quad,
        "goldstein": -7.0 if quad > 2 else 3.0,
        "date": day,
        "earliest": day,
        "latest": day,
        "precision": "day" if day else None,
        "modality": modality,
        "confidence": 0.9,
        "evidence": evidence(f"Sentence for {label} on {day}."),
        "sources": 1,
        "symmetric": False,
    }
    attrs.update(extra)
    return attrs


def contract_graph() -> nx.MultiDiGraph:
    """Seven actors of five kinds, seven events: every quad class, modality, a symmetric event stored
    in both directions, a month-precision date and an undated event."""
    g = nx.MultiDiGraph()
    g.add_node(ID + "USA", kind="state", label="United States", aliases=["U.S."], iso3="USA", wikidata="Q30")
    g.add_node(ID + "COL", kind="state", label="Colombia", aliases=[], iso3="COL", wikidata="Q739")
    g.add_node(ID + "person-donald-trump", kind="person", label="Donald Trump", aliases=["Trump"])
    g.add_node(
        ID + "person-gustavo-petro",
        kind="person",
        label="Gustavo Petro",
        aliases=["Petro"],
        roles=[{"label": "President", "of": "Colombia", "start": "2022-08-07"}],
    )
    g.add_node(ID + "agency-usa-ofac", kind="agency", label="Office of Foreign Assets Control", aliases=["OFAC"])
    g.add_node(ID + "group-relatives", kind="group", label="relatives of Gustavo Petro", aliases=[])
    g.add_node(ID + "site-white-house", kind="site", label="White House", aliases=[])
    trump, petro = ID + "person-donald-trump", ID + "person-gustavo-petro"
    threat = event("138", "Threaten with military force", 3, "2026-01-04")
    threat["evidence"] = evidence("Trump threatened action against Colombia on January 4.")
    g.add_edge(trump, ID + "COL", key=ID + "event-threat", **threat)
    meet = event("044", "Meet at a third location", 1, "2026-02-03", "planned", symmetric=True)
    g.add_edge(trump, petro, key=ID + "event-meet", **meet)
    g.add_edge(petro, trump, key=ID + "event-meet", **meet)  # symmetric: both directions, one event
    sanction = event("163", "Impose embargo, boycott, or sanctions", 4, None, date=None)
    sanction.update(earliest="2025-10-01", latest="2025-10-31", precision="month")
    g.add_edge(ID + "agency-usa-ofac", ID + "group-relatives", key=ID + "event-sanction", **sanction)
    g.add_edge(petro, ID + "USA", key=ID + "event-accuse", **event("112", "Accuse", 3, "2025-09-20", "alleged"))
    g.add_edge(petro, ID + "USA", key=ID + "event-deny", **event("016", "Deny responsibility", 1, None, "denied"))
    g.add_edge(ID + "USA", ID + "COL", key=ID + "event-aid", **event("071", "Provide economic aid", 2, "2025-06-01"))
    g.add_edge(trump, petro, key=ID + "event-call", **event("041", "Discuss by telephone", 1, "2026-01-07"))
    return g


def xss_graph() -> nx.MultiDiGraph:
    """Every shown field carries a payload."""
    g = nx.MultiDiGraph()
    a, b = ID + "person-evil", ID + "XEV"
    g.add_node(a, kind="person", label=PAYLOADS[0] + " Mallory", aliases=[PAYLOADS[1]], wikidata=PAYLOADS[1])
    g.add_node(b, kind="state", label=PAYLOADS[2], aliases=[PAYLOADS[4]], iso3=PAYLOADS[0])
    attrs = event("138", PAYLOADS[1], 3, "2026-01-04")
    attrs["evidence"] = evidence(" ".join(PAYLOADS), title=PAYLOADS[1], url=PAYLOADS[3])
    attrs["evidence"][0]["outlet"] = PAYLOADS[0]
    g.add_edge(a, b, key=ID + "event-x", **attrs)
    return g


def events_drawn(nxg: nx.MultiDiGraph) -> int:
    """Edges the page must draw: one per (event, direction), a symmetric event once."""
    seen: set[tuple[Hashable, frozenset[Hashable]]] = set()
    count = 0
    for u, v, key, sym in nxg.edges(keys=True, data="symmetric"):
        if sym:
            pair = (key, frozenset((u, v)))
            if pair in seen:
                continue
            seen.add(pair)
        count += 1
    return count


def have_projection() -> bool:
    return importlib.util.find_spec("graph.views.network") is not None


def project(paths: list[Path], tmp: Path) -> nx.MultiDiGraph:
    """Ingest files into a fresh Oxigraph store and project it with graph.views.network."""
    if not have_projection():
        pytest.skip("graph.views.network (the networkx projection) is not in the tree yet")
    from graph.pipeline import ingest
    from graph.store import open_store

    to_networkx = importlib.import_module("graph.views.network").to_networkx

    store = open_store(str(tmp / "kg"), create=True)
    try:
        report = ingest([str(p) for p in paths], store)
        assert report.ok, report.summary()
        nxg = to_networkx(store)
    finally:
        store.close()
    return nxg


@pytest.fixture(scope="session")
def seed_nxg(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    return project([SEED], tmp_path_factory.mktemp("seed"))


@pytest.fixture(scope="session")
def xss_nxg(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    return project([XSS_YAML], tmp_path_factory.mktemp("xss"))
