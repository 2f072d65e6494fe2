"""GDELT event files: layouts, the mapping to the model, bad rows, strict imports, re-imports."""

from __future__ import annotations

import gzip
import re
import zipfile
from pathlib import Path

import pytest

from graph.errors import ValidationFailed
from graph.importers import import_files
from graph.importers.base import Problem, Record
from graph.importers.gdelt import read
from graph.store import Store, open_store
from tests.conftest import quad_lines
from tests.importers.conftest import COL, USA, gdelt_row, gdelt_rows, write

DIP = "https://w3id.org/diplograph/ontology#"
ID = "https://w3id.org/diplograph/id/"


def _read(rows: list[str]) -> list[Record | Problem]:
    return list(read(iter(enumerate(rows, 1)), "test.csv"))


def test_layouts_61_58_and_57_columns_are_read() -> None:
    out = _read(
        [
            gdelt_row(1, "20260104", USA, COL, "130"),
            gdelt_row(2, "20260104", USA, COL, "130", columns=58),
            gdelt_row(3, "20260104", USA, COL, "130", columns=57),
        ]
    )
    assert [type(r) for r in out] == [Record, Record, Record]
    assert [r.url for r in out if isinstance(r, Record)] == [
        "https://news.example.org/story",
        "https://news.example.org/story",
        None,
    ]


def test_row_maps_to_directed_event_with_extraction_iris() -> None:
    (rec,) = _read([gdelt_row(42, "20260104", ("USAGOV", "UNITED STATES", "USA"), ("COLMIL", "", "COL"), "130")])
    assert isinstance(rec, Record)
    (event,) = rec.events
    assert event.key == "ev-gdelt-42" and event.cameo == "130"
    assert event.actors == ("USA",)  # the government is the state, as extraction reads "the US government"
    assert event.targets == ("agency-col-armed-forces",)
    assert event.date is not None and event.date.exact is not None and event.date.exact.isoformat() == "2026-01-04"
    assert dict(rec.counts) == {"numMentions": 7, "numSources": 3, "numArticles": 6}
    kinds = {a.key: a.kind.value for a in rec.actors}
    assert kinds == {"USA": "state", "agency-col-armed-forces": "agency", "COL": "state"}


def test_event_code_falls_back_to_base_and_root_codes() -> None:
    row = gdelt_row(5, "20260104", USA, COL, "0419").split("\t")
    row[27] = "041"
    (rec,) = _read(["\t".join(row)])
    assert isinstance(rec, Record) and rec.events[0].cameo == "041"


def test_bad_rows_are_reported_with_their_line_and_left_out_rows_counted() -> None:
    out = _read(gdelt_rows())
    problems = {p.line: p for p in out if isinstance(p, Problem)}
    bad = {line: p.reason for line, p in problems.items() if p.bad}
    assert sorted(bad) == [23, 24, 25, 26, 29]
    assert "SQLDATE" in bad[23] and "3 tab-separated columns" in bad[24] and "'999'" in bad[25]
    assert "NumMentions" in bad[26] and "SQLDATE" in bad[29]
    assert [line for line, p in problems.items() if not p.bad] == [27]
    assert sum(isinstance(r, Record) for r in out) == 22


def test_import_writes_one_graph_per_file_with_claims_citing_dataset_records(tmp_path: Path, store: Store) -> None:
    path = write(tmp_path / "events.export.CSV", gdelt_rows())
    bad: list[str] = []
    report = import_files("gdelt", [str(path)], store, derive=False, on_bad=bad.append)
    assert report.records == 22 and report.left_out == 1 and len(report.bad) == 5
    assert bad[0] == "events.export.CSV:23: SQLDATE '2026011x' is not a date YYYYMMDD"
    (named,) = report.graphs  # the file name, then the hash of where the file is
    assert re.fullmatch(r"https://w3id.org/diplograph/graph/dataset-gdelt-events-export-csv-[0-9a-f]{10}", named)
    found = store.query(
        f"""SELECT ?line ?url ?mentions ?label ?licence WHERE {{
          ?c <{DIP}about> <{ID}ev-gdelt-1001> ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?r ;
             <http://www.w3.org/ns/prov#wasGeneratedBy>/<http://www.w3.org/ns/prov#used> ?f .
          ?r <{DIP}lineNumber> ?line ; <https://schema.org/url> ?url ; <{DIP}numMentions> ?mentions ;
             <{DIP}fromFile> ?f .
          ?f <http://www.w3.org/2000/01/rdf-schema#label> ?label ; <{DIP}inDataset> ?d .
          ?d <http://purl.org/dc/terms/license> ?licence }}"""
    )
    rows = [[t.value if t else None for t in row] for row in found.rows]  # type: ignore[union-attr]
    assert rows == [
        [
            "1",
            "https://news.example.org/story",
            "7",
            "events.export.CSV",
            "https://www.gdeltproject.org/about.html#termsofuse",
        ]
    ]
    generated = "http://www.w3.org/ns/prov#wasGeneratedBy"
    articles = store.query(f"ASK {{ ?c <{DIP}about> ?e ; <{generated}> ?r . ?r a <{DIP}ExtractionRun> }}")
    assert articles.value is False  # type: ignore[union-attr]


def test_reimport_leaves_the_store_identical(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", gdelt_rows())
    s = open_store(str(tmp_path / "kg"), create=True)
    try:
        import_files("gdelt", [str(path)], s)
        first = quad_lines(s)
        import_files("gdelt", [str(path)], s)
        assert quad_lines(s) == first
        write(path, gdelt_rows()[:3])  # the file changed: its graph is replaced, not added to
        import_files("gdelt", [str(path)], s, derive=False)
        events = s.query(f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a <{DIP}Interaction> }}")
        assert events.rows[0][0].value == "3"  # type: ignore[union-attr]
    finally:
        s.close()


def test_strict_stops_at_the_first_bad_row_and_writes_nothing(tmp_path: Path, store: Store) -> None:
    good = write(tmp_path / "good.csv", gdelt_rows()[:5])
    bad = write(tmp_path / "bad.csv", gdelt_rows())
    before = quad_lines(store)
    with pytest.raises(ValidationFailed, match=r"bad\.csv:23: SQLDATE"):
        import_files("gdelt", [str(good), str(bad)], store, strict=True)
    assert quad_lines(store) == before


def test_gzip_zip_and_glob_inputs(tmp_path: Path, store: Store) -> None:
    rows = gdelt_rows()[:4]
    with gzip.open(tmp_path / "a.export.CSV.gz", "wt", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    with zipfile.ZipFile(tmp_path / "b.zip", "w") as z:
        z.writestr("b1.export.CSV", "\n".join(rows[:2]) + "\n")
        z.writestr("b2.export.CSV", "\n".join(rows[2:]) + "\n")
    report = import_files("gdelt", [str(tmp_path / "*.gz"), str(tmp_path / "b.zip")], store, derive=False)
    assert report.files == 3 and report.records == 8
    assert sorted(g.rsplit("/", 1)[1][:-11] for g in report.graphs) == [
        "dataset-gdelt-a-export-csv-gz",
        "dataset-gdelt-b-zip-b1-export-csv",
        "dataset-gdelt-b-zip-b2-export-csv",
    ]


def test_validate_passes_on_imported_data(tmp_path: Path, store: Store) -> None:
    from graph.validate import validate_store

    import_files("gdelt", [str(write(tmp_path / "a.csv", gdelt_rows()))], store)
    report = validate_store(store)
    assert report.conforms, [f.message for f in report.findings][:5]


def test_fast_nquads_path_writes_what_the_triples_path_writes(tmp_path: Path) -> None:
    from graph.importers.base import DATASETS
    from graph.importers.nquads import EventLines
    from graph.importers.quads import FileWriter

    records = [r for r in _read(gdelt_rows()) if isinstance(r, Record)]
    generic = FileWriter(DATASETS["gdelt"], "a.csv")
    expected = sorted({q.nq() for rec in records for q in generic.record(rec)})
    fast = EventLines(FileWriter(DATASETS["gdelt"], "a.csv"))
    got = sorted({line for rec in records for line in fast.lines(rec).splitlines()})
    assert got == expected


def mention_row(event_id: str, url: str, confidence: str = "80") -> str:
    """One row of the GDELT 2.0 Mentions table (16 columns)."""
    head = [event_id, "20260104000000", "20260104011500", "1", "example.org", url, "3", "10", "52", "31", "1"]
    return "\t".join([*head, confidence, "2400", "-3.2", "", ""])


def test_mentions_are_further_claims_about_the_events(tmp_path: Path, store: Store) -> None:
    from graph.queries.api import KnowledgeGraph

    events = write(tmp_path / "day.export.CSV", gdelt_rows()[:3])
    mentions = write(
        tmp_path / "day.mentions.CSV",
        [
            mention_row("1001", "https://a.example.org/1"),
            mention_row("1001", "https://b.example.org/2", "55"),
            mention_row("1001", "https://c.example.org/3", "x"),  # bad confidence
        ],
    )
    report = import_files("gdelt", [str(events), str(mentions)], store)
    assert report.records == 5 and len(report.bad) == 1 and "day.mentions.CSV:3: Confidence" in report.bad[0]
    found = store.query(
        f"""SELECT ?conf ?url WHERE {{ ?c <{DIP}about> <{ID}ev-gdelt-1001> ; <{DIP}confidence> ?conf ;
            <http://www.w3.org/ns/prov#wasDerivedFrom>/<https://schema.org/url> ?url }} ORDER BY ?conf"""
    )
    rows = [(c.value, u.value) for c, u in found.rows]  # type: ignore[union-attr]
    assert rows == [("0.55", "https://b.example.org/2"), ("0.8", "https://a.example.org/1")]
    (threat,) = [r for r in KnowledgeGraph(store).timeline("USA", "COL") if r.cameo == "130"]
    assert threat.sources == 2  # the events file and the mentions file
    from graph.validate import validate_store

    assert validate_store(store).conforms
