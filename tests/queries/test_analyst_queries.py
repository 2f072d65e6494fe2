"""The six analyst queries (graph/queries/analyst/*.rq) give the right answers on real data.

Each runs on both backends (rdflib in memory and Oxigraph on disk) over the seed annotation
(ontology/examples/seed.trig), and, for the questions that need a second source, over the seed
plus tests/fixtures/analyst/treasury-release.trig (the sanctioning authority's own release).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from graph.namespaces import sparql_prologue
from graph.pipeline import ingest
from graph.queries import list_queries, read_query
from graph.store import SelectResult, Store, open_store

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "ontology" / "examples" / "seed.trig"
RELEASE = ROOT / "tests" / "fixtures" / "analyst" / "treasury-release.trig"
ID = "https://w3id.org/diplograph/id/"
ANALYST = {
    "who_sanctioned_whom": [],
    "dyad_timeline": ["a", "b"],
    "contradicted_claims": ["sourceX"],
    "heads_of_state_met": ["from", "to"],
    "agencies_of_state": ["state"],
    "monthly_balance": [],
}
BACKENDS = ["memory", "oxigraph"]

Row = dict[str, str]


def _open(backend: str, tmp: Path) -> Store:
    return open_store("memory:" if backend == "memory" else str(tmp / "kg"), create=True)


@pytest.fixture(scope="module", params=BACKENDS)
def seed_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = _open(request.param, tmp_path_factory.mktemp(f"seed-{request.param}"))
    report = ingest([str(SEED)], store)
    assert report.ok, report.summary()
    yield store
    store.close()


@pytest.fixture(scope="module", params=BACKENDS)
def two_source_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = _open(request.param, tmp_path_factory.mktemp(f"two-{request.param}"))
    report = ingest([str(SEED), str(RELEASE)], store)
    assert report.ok, report.summary()
    yield store
    store.close()


def run(store: Store, name: str, values: str | None = None) -> list[Row]:
    """Run ``analyst/<name>`` (optionally with its VALUES clause replaced); rows as {var: lexical value}."""
    text = read_query(f"analyst/{name}")
    if values is not None:
        text, n = re.subn(r"VALUES[^{]*\{[^}]*\}", values, text, count=1)
        assert n == 1
    result = store.query(sparql_prologue() + text)
    assert isinstance(result, SelectResult)
    return [{k: str(v) for k, v in row.items()} for row in result.dicts()]


def local(iri: str) -> str:
    return iri.removeprefix(ID)


# -- the files themselves --------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(ANALYST))
def test_header_and_parameters(name: str) -> None:
    text = read_query(f"analyst/{name}")
    lines = text.splitlines()
    assert lines[0].startswith("# ") and lines[0].rstrip().endswith(".")
    assert not re.search(r"^\s*PREFIX\b", text, re.MULTILINE | re.IGNORECASE), "the runner prepends the prefixes"
    params = re.findall(r"^# param (\w+): .+\(default: .+\)$", text, re.MULTILINE)
    assert params == ANALYST[name]
    values = re.search(r"VALUES\s*\(?([?\w\s]*?)\)?\s*\{", text)
    bound = re.findall(r"\?(\w+)", values.group(1)) if values else []
    assert bound == ANALYST[name]


def test_listed_with_their_summary() -> None:
    listed = {q.name: q.summary for q in list_queries()}
    for name in ANALYST:
        assert listed[f"analyst/{name}"]


# -- Q1 who sanctioned whom ------------------------------------------------------------------------
def test_q1_seed_sanction_on_relatives(seed_store: Store) -> None:
    rows = run(seed_store, "who_sanctioned_whom")
    assert rows == [
        {
            "authority": "United States",
            "authorityState": "United States",
            "target": "relatives of Gustavo Petro",
            "since": "2025-10-01",
            "sources": "1",
            "reasonDeniedBy": "Gustavo Petro",
        }
    ]


def test_q1_second_publisher_counts(two_source_store: Store) -> None:
    rows = run(two_source_store, "who_sanctioned_whom")
    by_authority = {r["authority"]: r for r in rows}
    assert set(by_authority) == {"United States", "Office of Foreign Assets Control"}
    ofac = by_authority["Office of Foreign Assets Control"]
    assert ofac["authorityState"] == "United States"  # OFAC -> Treasury -> USA through the agency tree
    assert all(r["sources"] == "2" and r["reasonDeniedBy"] == "Gustavo Petro" for r in rows)
    assert all(r["since"] == "2025-10-01" for r in rows)  # earliest start any source gives


# -- Q2 dyad timeline ------------------------------------------------------------------------------
def test_q2_timeline_usa_colombia(seed_store: Store) -> None:
    rows = run(seed_store, "dyad_timeline")
    events = [(r["when"], local(r["event"]), r["modalities"]) for r in rows]
    assert events == [
        ("2025-10-01", "seed-ev-denial", "asserted"),
        ("2026-01-04", "seed-ev-threat", "asserted"),
        ("2026-01-05", "seed-ev-rejection", "asserted"),
        ("2026-01-05", "seed-ev-counter-threat", "asserted"),
        ("2026-01-07", "seed-ev-call", "asserted"),
        ("2026-01-07", "seed-ev-invitation", "asserted"),
        ("2026-01-07", "seed-ev-praise", "asserted"),
        ("2026-01-14", "seed-ev-announcement", "asserted"),
        ("2026-02-03", "seed-ev-meeting", "planned"),
    ]
    by_event = {local(r["event"]): r for r in rows}
    threat = by_event["seed-ev-threat"]
    assert (threat["from"], threat["to"]) == ("United States", "Colombia")
    assert threat["type"] == "Threaten with military force"
    meeting = by_event["seed-ev-meeting"]
    assert (meeting["from"], meeting["to"], meeting["type"]) == ("United States", "Colombia", "Host a visit")
    assert by_event["seed-ev-denial"]["until"] == "2026-01-15"  # uncertain window kept
    assert "from" not in by_event["seed-ev-call"]  # symmetric: no direction
    assert {r["sources"] for r in rows} == {"1"}


def test_q2_other_dyad_and_order_of_parameters(seed_store: Store) -> None:
    swapped = run(seed_store, "dyad_timeline", "VALUES (?a ?b) { (dipd:COL dipd:USA) }")
    assert len(swapped) == 9
    assert run(seed_store, "dyad_timeline", "VALUES (?a ?b) { (dipd:USA dipd:VEN) }") == []


def test_q2_sources_intersect_windows(two_source_store: Store) -> None:
    rows = run(two_source_store, "dyad_timeline", "VALUES (?a ?b) { (dipd:USA dipd:USA) }")
    designation = next(r for r in rows if local(r["event"]) == "seed-ev-designation")
    # the seed says October 2025, the release 24 October: the intersection is the day
    assert (designation["when"], designation["until"], designation["sources"]) == ("2025-10-24", "2025-10-24", "2")


# -- Q3 contradicted claims ------------------------------------------------------------------------
def test_q3_empty_with_one_source(seed_store: Store) -> None:
    assert run(seed_store, "contradicted_claims") == []


def test_q3_release_contradicts_the_denial(two_source_store: Store) -> None:
    rows = run(two_source_store, "contradicted_claims")
    assert [(local(r["claim"]), local(r["other"])) for r in rows] == [
        ("seed-c-ties-denied-s17", "treasury-c-ties-s1"),
        ("seed-c-ties-denied-s5", "treasury-c-ties-s1"),
    ]
    for r in rows:
        assert local(r["content"]) == "seed-prop-drug-ties"
        assert (r["mX"], r["claimantX"]) == ("denied", "Gustavo Petro")
        assert (r["mY"], r["claimantY"]) == ("asserted", "U.S. Department of the Treasury")
        assert r["sourceY"] == "U.S. Department of the Treasury"


def test_q3_seen_from_the_authority(two_source_store: Store) -> None:
    rows = run(
        two_source_store, "contradicted_claims", "VALUES ?sourceX { dipd:agency-usa-department-of-the-treasury }"
    )
    assert {(local(r["claim"]), local(r["other"]), r["mY"]) for r in rows} == {
        ("treasury-c-ties-s1", "seed-c-ties-denied-s5", "denied"),
        ("treasury-c-ties-s1", "seed-c-ties-denied-s17", "denied"),
    }
    assert {r["sourceY"] for r in rows} == {"Unknown outlet (seed sample)"}


# -- Q4 heads of state who met ---------------------------------------------------------------------
def test_q4_phone_call_not_planned_meeting(seed_store: Store) -> None:
    rows = run(seed_store, "heads_of_state_met")
    assert rows == [
        {
            "when": "2026-01-07",
            "how": "Discuss by telephone",
            "leader1": "Donald Trump",
            "state1": "United States",
            "leader2": "Gustavo Petro",
            "state2": "Colombia",
        }
    ]


def test_q4_period_and_tenure_bounds(seed_store: Store) -> None:
    february = 'VALUES (?from ?to) { ("2026-02-01"^^xsd:date "2026-02-28"^^xsd:date) }'
    assert run(seed_store, "heads_of_state_met", february) == []  # only the planned meeting is in February
    before_trump = 'VALUES (?from ?to) { ("2024-01-01"^^xsd:date "2024-12-31"^^xsd:date) }'
    assert run(seed_store, "heads_of_state_met", before_trump) == []


def test_q4_tenure_without_start_is_open(tmp_path: Path) -> None:
    store = open_store("memory:")
    ingest([str(SEED)], store)
    # drop the start date of Trump's tenure: still head of state on 2026-01-07
    tenure = f"<{ID}tenure-donald-trump-usa-president-2>"
    store.apply(_delete_start(store, tenure))
    assert len(run(store, "heads_of_state_met")) == 1


def _delete_start(store: Store, tenure: str):  # type: ignore[no-untyped-def]
    from graph.store import WriteBatch

    keep = [
        q
        for q in store.quads("https://w3id.org/diplograph/graph/reference")
        if not (q.subject.nt() == tenure and q.predicate.value.endswith("#startDate"))
    ]
    return WriteBatch(drop_graphs={"https://w3id.org/diplograph/graph/reference"}, insert=keep)


# -- Q5 agencies of a state ------------------------------------------------------------------------
def test_q5_no_agency_acts_in_the_seed(seed_store: Store) -> None:
    assert run(seed_store, "agencies_of_state") == []


def test_q5_ofac_found_through_the_treasury(two_source_store: Store) -> None:
    rows = run(two_source_store, "agencies_of_state")
    assert len(rows) == 1
    row = rows[0]
    assert local(row["agency"]) == "agency-usa-office-of-foreign-assets-control"
    assert row["events"] == "1"
    assert set(row["roles"].split("; ")) == {
        "Impose embargo, boycott, or sanctions as actor",
        "Impose embargo, boycott, or sanctions as sanctioning authority",
    }
    assert run(two_source_store, "agencies_of_state", "VALUES ?state { dipd:COL }") == []


# -- Q6 monthly balance ----------------------------------------------------------------------------
def test_q6_january_2026(seed_store: Store) -> None:
    rows = run(seed_store, "monthly_balance")
    assert len(rows) == 1  # October 2025 involves only the USA; the denial spans months; February is planned
    row = rows[0]
    assert (row["stateA"], row["stateB"], row["month"]) == ("Colombia", "United States", "2026-01")
    # threat 138 (-7), rejection 120 (-4), counter-threat 130 (-4.4), invitation 036 (+4),
    # call 041 (+1), praise 051 (+3.4), announcement 010 (0)
    assert (row["events"], row["cooperative"], row["conflictual"]) == ("7", "3", "3")
    assert Decimal(row["goldsteinSum"]) == Decimal("-7")
    assert Decimal(row["goldsteinMean"]) == Decimal("-1")
