"""``datasets=``: the lookups answered from imported data alone, from articles alone, and mixed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from graph.errors import QueryError
from graph.importers import import_files
from graph.queries.api import KnowledgeGraph
from tests.conftest import SEED_TRIG
from tests.importers.conftest import COL, USA, USAGOV, gdelt_row, write


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    """The seed article's graph plus a GDELT file about the same dyad (one event the article reports
    too, one it does not, one in another month)."""
    tmp = tmp_path_factory.mktemp("mixed")
    rows = [
        gdelt_row(1, "20260104", USAGOV, COL, "138"),  # the article's threat, reported by GDELT too
        gdelt_row(2, "20260120", USA, COL, "042"),  # only GDELT
        gdelt_row(3, "20260203", COL, USA, "057"),  # only GDELT, next month
    ]
    with KnowledgeGraph.open("memory:") as graph_:
        graph_.ingest([str(SEED_TRIG)])
        import_files("gdelt", [str(write(tmp / "g.csv", rows))], graph_.store)
        graph_.refresh()
        yield graph_


def test_timeline_from_imported_data_alone(kg: KnowledgeGraph) -> None:
    found = kg.timeline("USA", "COL", datasets="gdelt")
    assert [(str(r.earliest), r.cameo) for r in found] == [
        ("2026-01-04", "138"),
        ("2026-01-20", "042"),
        ("2026-02-03", "057"),
    ]


def test_timeline_mixed_and_articles_alone(kg: KnowledgeGraph) -> None:
    mixed = kg.timeline("USA", "COL")
    articles = kg.timeline("USA", "COL", datasets=["articles"])
    both = kg.timeline("USA", "COL", datasets="articles,gdelt")
    assert [r.event for r in both] == [r.event for r in mixed]
    assert len(mixed) == len(articles) + 2  # the threat is one event, reported by both
    threat = next(r for r in mixed if r.cameo == "138")
    assert threat.sources == 2 and threat in articles
    assert {r.cameo for r in mixed} - {r.cameo for r in articles} == {"042", "057"}


def test_balance_counts_the_chosen_datasets(kg: KnowledgeGraph) -> None:
    only = {r.period: (r.cooperative, r.conflictual) for r in kg.balance("USA", "COL", datasets="gdelt")}
    assert only == {"2026-01": (1, 1), "2026-02": (1, 0)}


def test_unknown_dataset_is_a_query_error(kg: KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match="acled"):
        kg.timeline("USA", "COL", datasets="acled")


def test_imported_events_carry_no_article(kg: KnowledgeGraph) -> None:
    (event,) = [r for r in kg.timeline("USA", "COL", datasets="gdelt") if r.cameo == "042"]
    (evidence,) = event.evidence
    assert evidence.title is None and evidence.published is None and evidence.sentence is None
    assert evidence.article is not None and "dataset-gdelt-file-g-csv" in evidence.article
