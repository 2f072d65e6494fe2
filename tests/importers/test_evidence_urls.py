"""The source URL of an imported row (GDELT SOURCEURL, a GDELT mention's MentionIdentifier, an FtM
``sourceUrl``) is the ``url`` of the evidence the lookups show for claims derived from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.importers import import_files
from graph.pipeline import add_digests
from graph.queries.api import KnowledgeGraph
from graph.store import Store
from tests.importers.conftest import COL, USA, ftm, gdelt_row, write
from tests.importers.test_gdelt import mention_row

ID = "https://w3id.org/diplograph/id/"
OFAC = "https://ofac.example.gov/recent-actions/20251024"


def _gdelt(tmp_path: Path, store: Store) -> KnowledgeGraph:
    rows = [
        gdelt_row(2001, "20260104", USA, COL, "130", url="https://news.example.org/threat"),
        gdelt_row(2002, "20260105", COL, USA, "042", url="https://news.example.org/visit"),
    ]
    mentions = [mention_row("2001", "https://wire.example.org/threat-mention")]
    import_files(
        "gdelt", [str(write(tmp_path / "d.export.CSV", rows)), str(write(tmp_path / "d.mentions.CSV", mentions))], store
    )
    return KnowledgeGraph(store)


def test_gdelt_source_urls_are_in_the_evidence(tmp_path: Path, store: Store) -> None:
    kg = _gdelt(tmp_path, store)
    threat = f"{ID}ev-gdelt-2001"
    assert sorted(e.url or "" for e in kg.sources(threat)) == [
        "https://news.example.org/threat",  # the event row's SOURCEURL
        "https://wire.example.org/threat-mention",  # the mention row's MentionIdentifier
    ]
    by_event = {r.event: sorted(e.url or "" for e in r.evidence) for r in kg.relations("USA")}
    assert by_event[f"{ID}ev-gdelt-2002"] == ["https://news.example.org/visit"]
    (claim,) = [c for c in kg.claims(f"{ID}ev-gdelt-2002")]
    assert claim.evidence is not None and claim.evidence.url == "https://news.example.org/visit"


def test_gdelt_source_urls_are_on_the_network_edges_with_digests(tmp_path: Path, store: Store) -> None:
    kg = _gdelt(tmp_path, store)
    add_digests(store)  # the whole-store read from the digests
    kg.refresh()
    urls = {e["url"] for _, _, d in kg.to_networkx().edges(data=True) for e in d["evidence"]}
    assert urls == {
        "https://news.example.org/threat",
        "https://wire.example.org/threat-mention",
        "https://news.example.org/visit",
    }


def test_an_ftm_sanction_shows_its_source_url(tmp_path: Path, store: Store) -> None:
    pytest.importorskip("followthemoney")
    rows = [
        ftm("S-p", "Person", name="Ana Rojas", country="ve"),
        ftm("S-1", "Sanction", entity="S-p", country="us", program="SDN", startDate="2025-10-24", sourceUrl=OFAC),
        ftm("S-q", "Person", name="Bruno Diaz", country="ve"),
        ftm("S-2", "Sanction", entity="S-q", country="us", program="SDN"),  # no source URL
    ]
    import_files("ftm", [str(write(tmp_path / "list.ftm.json", rows))], store)
    kg = KnowledgeGraph(store)
    by_target = {s.target.label: s for s in kg.sanctions(imposed_by="USA")}
    (shown,) = kg.sources(by_target["Ana Rojas"].sanction)
    assert shown.url == OFAC and shown.title is None
    assert shown.article is not None and shown.article.startswith(f"{ID}dataset-ftm-file-list-ftm-json-")
    (claim,) = kg.claims(by_target["Ana Rojas"].sanction)
    assert claim.evidence is not None and claim.evidence.url == OFAC
    assert [e.url for e in kg.sources(by_target["Bruno Diaz"].sanction)] == [None]
