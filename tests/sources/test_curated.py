"""Curated input: the analyst's hand-written facts, and the clear errors bad files get."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import MappingError, SourceError
from graph.model import ActorKind, Modality, Precision
from graph.sources.curated import parse_date_range, read_curated
from graph.triples import source_batch

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "curated" / "minimal.yaml"

HEADER = """\
articles: [{id: a1, title: T, outlet: O, published: 2026-01-15}]
actors:
  - {id: col, kind: state, name: Colombia, iso3: COL, iso2: CO}
  - {id: usa, kind: state, name: United States, iso3: USA, iso2: US}
"""


def write(tmp_path: Path, body: str, name: str = "facts.yaml") -> Path:
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    return p


def test_fixture_reads_into_model_objects_with_canonical_keys() -> None:
    src = read_curated(FIXTURE)
    assert src.graph.endswith("/curated-minimal-example")
    (ex,) = src.extractions
    keys = {a.key: a.kind for a in ex.actors}
    assert keys["COL"] is ActorKind.STATE and keys["person-gustavo-petro"] is ActorKind.PERSON
    assert keys["agency-usa-office-of-foreign-assets-control"] is ActorKind.AGENCY
    threat = next(e for e in ex.events if e.cameo == "138")
    assert threat.actors == ("person-donald-trump",) and threat.targets == ("COL",)
    assert (
        threat.evidence is not None
        and ex.article.text[threat.evidence.start : threat.evidence.end] == threat.evidence.sentence
    )
    meeting = next(e for e in ex.events if e.cameo == "044")
    assert meeting.modality is Modality.PLANNED and set(meeting.participants) == {
        "person-donald-trump",
        "person-gustavo-petro",
    }
    (sanction,) = ex.sanctions
    assert sanction.start is not None and sanction.start.precision is Precision.MONTH
    assert {c.modality for c in ex.claims} == {Modality.ALLEGED, Modality.DENIED}


def test_fixture_maps_to_quads_without_error() -> None:
    src = read_curated(FIXTURE)
    batch = source_batch(src.extractions, src.graph)
    assert batch.drop_graphs == {src.graph}
    assert len(batch.insert) > 100


@pytest.mark.parametrize(
    ("body", "expect"),
    [
        ("articles: [\n  {id: a1\n", "not valid YAML"),
        (HEADER + "events:\n  - {type: '130', actor: usa, target: mars, evidence: x}\n", "undefined actor 'mars'"),
        (
            HEADER + "events:\n  - {type: '130', actor: usa, target: col, modality: maybe, evidence: x}\n",
            "unknown modality 'maybe'",
        ),
        (
            HEADER + "events:\n  - {type: '130', actor: usa, target: col, date: 2026-13-45, evidence: x}\n",
            "unparseable date",
        ),
        (
            HEADER + "events:\n  - {type: '130', actor: usa, target: col, confidence: 1.5, evidence: x}\n",
            "outside [0, 1]",
        ),
        (HEADER + "events:\n  - {type: '130', actor: usa, target: col}\n", "evidence: is missing"),
        ("actors: []\n", "articles: is missing"),
        (HEADER + "rumours: []\n", "unknown section"),
        ("- just a list\n", "must be a mapping"),
    ],
)
def test_bad_files_get_an_error_naming_the_file_and_record(tmp_path: Path, body: str, expect: str) -> None:
    p = write(tmp_path, body)
    with pytest.raises(SourceError) as err:
        read_curated(p)
    text = err.value.describe()
    assert str(p) in text
    assert expect in text


def test_yaml_syntax_errors_name_the_line(tmp_path: Path) -> None:
    p = write(tmp_path, HEADER + "events:\n  - {type: '130', actor: usa\n")
    with pytest.raises(SourceError) as err:
        read_curated(p)
    assert err.value.where is not None and err.value.where.startswith(f"{p}:")


def test_json_errors_name_the_line(tmp_path: Path) -> None:
    p = write(tmp_path, '{"articles": [\n  {"id": "a1",}\n]}', name="facts.json")
    with pytest.raises(SourceError) as err:
        read_curated(p)
    assert err.value.where == f"{p}:2"


def test_unknown_event_type_is_a_mapping_error(tmp_path: Path) -> None:
    p = write(tmp_path, HEADER + "events:\n  - {type: '999', actor: usa, target: col, evidence: x}\n")
    src = read_curated(p)
    with pytest.raises(MappingError, match="unknown CAMEO event code '999'"):
        source_batch(src.extractions, src.graph)


def test_a_quote_missing_from_the_article_text_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Colombia and the United States talked.", encoding="utf-8")
    body = HEADER.replace("published: 2026-01-15}", "published: 2026-01-15, text_file: a.txt}")
    p = write(tmp_path, body + "events:\n  - {type: '130', actor: usa, target: col, evidence: 'not there'}\n")
    with pytest.raises(SourceError, match="quote is not in the text"):
        read_curated(p)


@pytest.mark.parametrize(
    ("raw", "iso", "precision"),
    [
        ("2026-01-04", "2026-01-04", Precision.DAY),
        ("2025-10", "2025-10", Precision.MONTH),
        ("2022", "2022", Precision.YEAR),
        ({"earliest": "2025-10-01", "latest": "2026-01-15"}, "2025-10-01/2026-01-15", Precision.UNKNOWN),
    ],
)
def test_date_forms(raw: object, iso: str, precision: Precision) -> None:
    d = parse_date_range(raw)
    assert d.iso() == iso and d.precision is precision
