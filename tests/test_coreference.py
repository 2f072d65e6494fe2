"""Event coreference across articles (graph/coreference.py): reports of one event by several sources
are one event with its sources and independent sources counted, whatever the order the sources
arrive in; a planned and a held event stay two, linked; disagreements are typed contradictions that
never become fact; a curated owl:differentFrom undoes a merge.

The story below is written for these tests (no outlet's text): an expulsion told by three outlets,
one a syndicated copy of another and one with another date, and denied by a fourth; a meeting
announced, then held; a phone call two outlets report."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from graph.coreference import Claimed, Report, plan
from graph.pipeline import ingest
from graph.queries.api import KnowledgeGraph
from graph.store import open_store
from graph.store.base import Store

EXPULSION = (
    "Norway expelled two Chilean diplomats on March 3, 2026, the Norwegian foreign ministry said. "
    "The ministry gave the diplomats one week to leave the country. Chile called the decision regrettable."
)
STORY = {
    "ledger": ("Nordic Ledger", "2026-03-04", EXPULSION),
    "coastal": ("Coastal Daily", "2026-03-04", "OSLO (Reuters) - " + EXPULSION),
    "andes": (
        "Andes Review",
        "2026-03-05",
        "Norway on March 4, 2026 expelled two diplomats from Chile, according to officials in Santiago. "
        "Chilean officials said they would respond.",
    ),
    "polar": (
        "Polar Post",
        "2026-03-05",
        "A Norwegian foreign ministry spokesperson denied that Norway expelled two Chilean diplomats on March 3, "
        "2026, saying the two had left on their own.",
    ),
    "fjord": (
        "Fjord Times",
        "2026-03-08",
        "Norwegian Prime Minister Jonas Gahr Støre will meet Chilean President Gabriel Boric in Oslo on "
        "April 10, 2026, the Norwegian government said. Boric called Støre on March 6, 2026.",
    ),
    "cross": (
        "Southern Cross",
        "2026-04-11",
        "Norwegian Prime Minister Jonas Gahr Støre met Chilean President Gabriel Boric in Oslo on April 10, "
        "2026. Støre called Boric on March 6, 2026 to propose the meeting.",
    ),
}


def _files(tmp_path: Path, keys: list[str]) -> list[str]:
    out = []
    for key in keys:
        outlet, published, text = STORY[key]
        path = tmp_path / f"{key}.jsonl"
        record = {"text": text, "url": f"https://example.org/{key}", "outlet": outlet, "published": published}
        path.write_text(json.dumps(record) + "\n", encoding="utf-8")
        out.append(str(path))
    return out


def _store(tmp_path: Path, name: str, keys: list[str]) -> Store:
    """A store of the ``keys`` articles, ingested one at a time in that order."""
    inputs = tmp_path / f"{name}-inputs"
    inputs.mkdir()
    store = open_store(str(tmp_path / name), create=True)
    for f in _files(inputs, keys):
        ingest([f], store)
    return store


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return KnowledgeGraph.open(_store(tmp_path_factory.mktemp("story"), "s", list(STORY)))


def _expulsions(kg: KnowledgeGraph) -> list:
    return [r for r in kg.relations("Norway", "Chile") if r.root == "16" or r.root == "17"]


OUTLETS = {"Nordic Ledger", "Coastal Daily", "Andes Review", "Polar Post"}


def test_four_reports_of_one_expulsion_are_one_event_with_four_sources(story: KnowledgeGraph) -> None:
    (event,) = _expulsions(story)
    assert event.sources == 4
    assert len(story.reports(event.event)) == 4
    assert {e.outlet for e in event.evidence} == OUTLETS
    assert {e.outlet for e in story.sources(event.event)} == OUTLETS


def test_a_syndicated_copy_counts_once_among_independent_sources(story: KnowledgeGraph) -> None:
    (event,) = _expulsions(story)
    assert (event.sources, event.independent_sources) == (4, 3)


def test_the_event_keeps_the_date_most_sources_give_and_the_other_date_is_a_contradiction(
    story: KnowledgeGraph,
) -> None:
    (event,) = _expulsions(story)
    assert event.date == dt.date(2026, 3, 3)
    (dates,) = story.contradictions(event.event, kinds=["date"])
    assert dates.detail == "2026-03-03 vs 2026-03-04" and dates.across_sources
    assert {dates.first.source, dates.second.source} >= {"Andes Review"}
    assert dates.first.evidence and dates.second.evidence and "March 4" in dates.second.evidence.sentence
    # neither side becomes fact: the event keeps its reports and both sentences stay its evidence
    assert {e.sentence for e in story.sources(event.event)} >= {dates.first.evidence.sentence}


def test_a_denial_by_another_source_is_a_polarity_contradiction_and_no_fact(story: KnowledgeGraph) -> None:
    (event,) = _expulsions(story)
    assert event.modalities == ("asserted", "denied")  # both stances stay; neither is dropped
    (denial,) = story.contradictions(event.event, kinds=["polarity"])
    assert (denial.first.modality, denial.second.modality) == ("asserted", "denied")
    assert denial.second.source == "Polar Post" and "denied" in (denial.second.evidence.sentence or "")


def test_a_call_two_outlets_report_is_one_event(story: KnowledgeGraph) -> None:
    calls = [r for r in story.relations("Jonas Gahr Støre", "Gabriel Boric") if r.cameo == "041"]
    assert [(c.date, c.sources) for c in calls] == [(dt.date(2026, 3, 6), 2)]


def test_who_called_whom_told_both_ways_is_an_initiator_contradiction(story: KnowledgeGraph) -> None:
    (c,) = story.contradictions(kinds=["initiator"])
    sentences = {
        c.first.evidence.sentence if c.first.evidence else "",
        c.second.evidence.sentence if c.second.evidence else "",
    }
    assert any("Boric called Støre" in s for s in sentences) and any("Støre called Boric" in s for s in sentences)


def test_a_planned_meeting_and_the_meeting_held_are_two_events_linked(story: KnowledgeGraph) -> None:
    meetings = [
        r
        for r in story.relations("Jonas Gahr Støre", "Gabriel Boric", include_planned=True)
        if r.cameo == "040" and r.date == dt.date(2026, 4, 10)
    ]
    assert sorted(m.modality or "" for m in meetings) == ["asserted", "planned"]
    planned = next(m for m in meetings if m.modality == "planned")
    held = next(m for m in meetings if m.modality == "asserted")
    linked = story.query(
        "SELECT ?p ?h WHERE { GRAPH dipg:events { ?p dip:heldAs ?h } }",
    )
    assert [(str(r["p"]), str(r["h"])) for r in linked] == [(planned.event, held.event)]


def test_the_events_are_the_same_whatever_order_the_articles_arrive_in(tmp_path: Path) -> None:
    def digest(store: Store) -> str:
        return hashlib.sha256("\n".join(sorted(q.nq() for q in store.quads())).encode()).hexdigest()

    forward = _store(tmp_path, "forward", list(STORY))
    backward = _store(tmp_path, "backward", list(reversed(STORY)))
    assert digest(forward) == digest(backward)


def test_a_curated_difference_undoes_a_merge(tmp_path: Path) -> None:
    store = _store(tmp_path, "s", ["ledger", "andes"])
    kg = KnowledgeGraph.open(store)
    (event,) = _expulsions(kg)
    member = next(r.event for r in kg.reports(event.event) if r.event != event.event)
    curated = tmp_path / "split.ttl"
    curated.write_text(f"<{member}> <http://www.w3.org/2002/07/owl#differentFrom> <{event.event}> .\n")
    ingest([str(curated)], store)
    kg = KnowledgeGraph.open(store)
    assert sorted(r.sources for r in _expulsions(kg)) == [1, 1]
    assert kg.contradictions(kinds=["date"]) == []


def test_the_cli_lists_typed_contradictions_with_both_sentences(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from graph.cli import main

    location = str(tmp_path / "kg")
    run = CliRunner().invoke
    assert run(main, ["--store", location, "ingest", *_files(tmp_path, ["ledger", "andes"])]).exit_code == 0
    out = run(main, ["--store", location, "contradictions", "--kind", "date", "-f", "json"])
    assert out.exit_code == 0, out.output
    (row,) = json.loads(out.stdout)
    assert row["kind"] == "date" and row["detail"] == "2026-03-03 vs 2026-03-04"
    assert "March 4" in row["second sentence"] and "March 3" in row["first sentence"]
    events = run(main, ["--store", location, "timeline", "Norway", "Chile", "-f", "json"])
    ((timeline_row),) = json.loads(events.stdout)
    assert (timeline_row["sources"], timeline_row["independent"]) == ("2", "2")
    why = run(main, ["--store", location, "reports", timeline_row["event"], "-f", "json"])
    assert [(r["rule"], r["date"]) for r in json.loads(why.stdout)] == [
        ("canonical", "2026-03-03"),
        ("adjacent-day", "2026-03-04"),
    ]


# -- the rules, on reports written out ----------------------------------------------------------------
DAY = dt.date(2026, 1, 7)


def report(
    event: str,
    source: str,
    code: str = "041",
    *,
    senders: tuple[str, ...] = ("USA",),
    receivers: tuple[str, ...] = ("COL",),
    day: dt.date | None = DAY,
    window: tuple[dt.date, dt.date] | None = None,
    planned: bool = False,
    modality: str = "asserted",
    published: dt.date | None = DAY,
    sentence: str | None = None,
    named: tuple[tuple[str, str], ...] = (),
) -> Report:
    earliest, latest = window or (day, day)
    claim = Claimed(f"{event}/claim", "planned" if planned else modality, source, published, sentence or event)
    return Report(
        event,
        code,
        frozenset(senders),
        frozenset(receivers),
        frozenset(senders + receivers),
        earliest,
        latest,
        planned,
        (claim,),
        frozenset(named),
    )


def merged(reports: list[Report]) -> dict[str, str]:
    return {m.member: m.canonical for m in plan(reports).merges}


def test_a_phone_call_is_not_a_meeting() -> None:
    assert merged([report("x:call", "a"), report("x:visit", "b", "042")]) == {}
    assert merged([report("x:call", "a"), report("x:consult", "b", "040")]) == {"x:consult": "x:call"}


def test_direction_tells_two_expulsions_apart_but_not_who_called_whom() -> None:
    one = report("x:a", "a", "174")
    other_way = report("x:b", "b", "174", senders=("COL",), receivers=("USA",))
    assert merged([one, other_way]) == {}
    call, reversed_call = report("x:c", "a"), report("x:d", "b", senders=("COL",), receivers=("USA",))
    decided = plan([call, reversed_call])
    assert [(m.member, m.canonical) for m in decided.merges] == [("x:d", "x:c")]
    assert [c.kind for c in decided.contradictions] == ["initiator"]


def test_dates_a_day_apart_merge_with_a_date_contradiction_and_further_apart_do_not() -> None:
    a, b = report("x:a", "a"), report("x:b", "b", day=DAY + dt.timedelta(days=1))
    decided = plan([a, b])
    assert [m.rule for m in decided.merges] == ["adjacent-day"]
    assert [(c.kind, c.detail) for c in decided.contradictions] == [("date", "2026-01-07 vs 2026-01-08")]
    assert merged([a, report("x:c", "c", day=DAY + dt.timedelta(days=3))]) == {}


def test_an_undated_report_joins_the_one_event_its_publication_allows_never_a_bucket() -> None:
    dated = report("x:dated", "a")
    undated = report("x:undated", "b", day=None, published=DAY + dt.timedelta(days=2))
    assert merged([dated, undated]) == {"x:undated": "x:dated"}
    earlier = report("x:earlier", "c", day=DAY - dt.timedelta(days=3))
    assert merged([dated, earlier, undated]) == {}  # two dated events fit: ambiguous, left alone
    months_later = report("x:stale", "d", day=None, published=DAY + dt.timedelta(days=90))
    assert merged([dated, months_later]) == {}
    apart = [report(f"x:u{i}", f"s{i}", day=None, published=DAY + dt.timedelta(days=30 * i)) for i in range(4)]
    assert merged(apart) == {}


def test_a_month_dated_report_joins_the_one_day_inside_its_window() -> None:
    day = report("x:day", "a")
    month = report("x:month", "b", day=None, window=(dt.date(2026, 1, 1), dt.date(2026, 1, 31)))
    assert merged([day, month]) == {"x:month": "x:day"}


def test_planned_and_held_are_two_events_and_a_late_plan_is_a_status_contradiction() -> None:
    plan_ = report("x:plan", "a", "042", day=DAY, planned=True, published=DAY - dt.timedelta(days=5))
    held = report("x:held", "b", "042", published=DAY)
    late = report("x:late", "c", "042", planned=True, published=DAY + dt.timedelta(days=3))
    decided = plan([plan_, held, late])
    assert decided.canonical("x:plan") != decided.canonical("x:held")
    assert decided.held == [(decided.canonical("x:plan"), "x:held")]
    assert [c.kind for c in decided.contradictions] == ["status"]


def test_asserted_and_denied_reports_are_a_polarity_contradiction() -> None:
    decided = plan([report("x:a", "a", "112"), report("x:b", "b", "112", modality="denied")])
    assert [(c.kind, c.first.modality, c.second.modality) for c in decided.contradictions] == [
        ("polarity", "asserted", "denied")
    ]


def test_different_persons_of_one_state_are_different_events() -> None:
    trump = report("x:a", "a", "042", named=(("USA", "trump"),))
    rubio = report("x:b", "b", "042", named=(("USA", "rubio"),))
    states = report("x:c", "c", "042")
    assert merged([trump, rubio]) == {}
    assert merged([trump, states]) == {"x:c": "x:a"}


def test_an_articles_own_reports_stay_apart() -> None:
    assert merged([report("x:a", "a", "112"), report("x:b", "a", "111", window=(DAY, DAY + dt.timedelta(3)))]) == {}


def test_copies_count_once_among_independent_sources() -> None:
    same = "Norway expelled two Chilean diplomats on Tuesday."
    reports = [report("x:a", "a", sentence=same), report("x:b", "b", sentence=same.upper()), report("x:c", "c")]
    assert plan(reports).sources == {"x:a": (3, 2)}


def test_the_plan_does_not_depend_on_the_order_of_reports() -> None:
    reports = [report(f"x:{i}", f"s{i}", day=DAY + dt.timedelta(days=i % 2)) for i in range(6)]
    assert plan(reports) == plan(list(reversed(reports)))


def test_the_named_dyad_timeline_reads_one_row_per_event_with_both_counts(story: KnowledgeGraph) -> None:
    rows = story.named("analyst/dyad_timeline", a="Norway", b="Chile")
    (expulsion,) = [r for r in rows if r["type"] == "Reduce or break diplomatic relations"]
    assert (expulsion["sources"], expulsion["independent"]) == (4, 3)
    assert len(rows) == len({r["event"] for r in rows})


def test_the_network_draws_one_edge_for_the_event_with_its_sources(story: KnowledgeGraph) -> None:
    graph = story.to_networkx("Norway", "Chile")
    edges = [d for *_, d in graph.edges(data=True) if d["cameo"] == "161"]
    assert [(d["sources"], len(d["evidence"])) for d in edges] == [(4, 4)]


def test_articles_of_one_agency_count_once_among_independent_sources() -> None:
    reports = [report("x:a", "a"), report("x:b", "b"), report("x:c", "c")]
    assert plan(reports, wires={"a": "Reuters", "b": "Reuters"}).sources == {"x:a": (3, 2)}
    assert plan(reports, wires={"a": "Reuters", "b": "AFP"}).sources == {"x:a": (3, 3)}


def test_the_store_keeps_the_agency_beside_the_outlet(story: KnowledgeGraph) -> None:
    rows = story.query("SELECT ?outlet ?wire WHERE { ?a dip:wireOrigin ?wire ; dct:publisher/skos:prefLabel ?outlet }")
    assert [(r["outlet"], r["wire"]) for r in rows] == [("Coastal Daily", "Reuters")]


def test_sources_that_each_name_another_target_of_one_act_are_a_participants_contradiction() -> None:
    window = (dt.date(2025, 10, 1), dt.date(2025, 10, 31))
    relatives = report("x:a", "a", "163", receivers=("relatives",), window=window)
    president = report("x:b", "b", "163", receivers=("petro",), day=dt.date(2025, 10, 24))
    (dispute,) = plan([relatives, president]).contradictions
    assert (dispute.kind, dispute.detail) == ("participants", "targets: relatives vs petro")
    both = report("x:c", "a", "163", receivers=("petro",), day=dt.date(2025, 10, 24))  # one source names both
    assert plan([relatives, both]).contradictions == []
    praise = [report("x:d", "a", "051", receivers=("relatives",)), report("x:e", "b", "051", receivers=("petro",))]
    assert plan(praise).contradictions == []  # verbal acts: one sender praises many
    states = [report("x:f", "a", "163", receivers=("RUS",)), report("x:g", "b", "163", receivers=("IRN",))]
    assert plan(states).contradictions == []  # sanctions on two states in one month are two acts


def test_a_plan_announced_again_for_a_later_date_is_postponed_to_it() -> None:
    first = report("x:first", "a", "042", day=DAY, planned=True, published=DAY - dt.timedelta(days=9))
    again = report("x:again", "b", "042", day=DAY + dt.timedelta(7), planned=True, published=DAY)
    decided = plan([first, again])
    assert (decided.held, decided.postponed) == ([], [("x:first", "x:again")])
    held = report("x:held", "c", "042", day=DAY + dt.timedelta(7), published=DAY + dt.timedelta(7))
    decided = plan([first, again, held])
    assert decided.postponed == [("x:first", "x:again")] and decided.held == [("x:again", "x:held")]


def test_the_html_view_data_carries_both_counts(story: KnowledgeGraph) -> None:
    from graph.views.viewdata import build_view_data

    graph = story.to_networkx("Norway", "Chile")
    (data,) = [d for *_, d in graph.edges(data=True) if d["cameo"] == "161"]
    assert data["independent_sources"] == 3
    (record,) = [e for e in build_view_data(graph)["edges"] if e["cameo"] == "161"]
    assert (record["nsrc"], record["nind"]) == (4, 3)


def test_every_merge_is_explained_by_its_rule_and_score(story: KnowledgeGraph) -> None:
    (event,) = _expulsions(story)
    found = story.merges(event.event)
    assert [m.rule for m in found] == ["canonical", "same-day", "same-day", "adjacent-day"]
    assert [m.score for m in found] == [1.0, 0.95, 0.95, 0.6]
    assert {e.outlet for m in found for e in m.relation.evidence} == OUTLETS
    assert all(m.event == event.event for m in found)
    # a report asks for the event it was merged into
    assert [m.report for m in story.merges(found[-1].report)] == [m.report for m in found]


def test_the_sources_name_the_agency_beside_the_outlet(story: KnowledgeGraph) -> None:
    (event,) = _expulsions(story)
    found = {(e.outlet, e.origin) for e in story.sources(event.event)}
    assert found == {
        ("Nordic Ledger", None),
        ("Coastal Daily", "Reuters"),
        ("Andes Review", None),
        ("Polar Post", None),
    }
