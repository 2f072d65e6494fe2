"""No-model fallback, arbitrary input, JSON output against its schema, and mapping to triples."""

from __future__ import annotations

import json
import warnings
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph import ids
from graph.errors import GraphError
from graph.extract import Pipeline, extract, extract_many
from graph.extract import nlp as nlp_mod
from graph.extract.jsonout import extraction_to_dict
from graph.model import Article, Modality
from graph.sources.articles import read_articles
from graph.triples import source_batch

from .conftest import ARTICLES

SCHEMA = Path(__file__).resolve().parents[2] / "graph" / "extract" / "schema" / "extraction.schema.json"
TEXT = (
    "Kenyan President Ruth Otieno accused Uganda of smuggling on March 2, 2025. "
    "Uganda was sanctioned by Tanzania. Otieno and Paul Okello will meet in Nairobi next week."
)


def test_without_a_trained_model_it_warns_once_and_still_extracts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOGRAPH_SPACY_MODEL", "no_such_model_xyz")
    nlp_mod._load.cache_clear()
    nlp_mod._warned.clear()
    try:
        with pytest.warns(RuntimeWarning, match="no trained spaCy pipeline"):
            blank = nlp_mod.load_pipeline()
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            nlp_mod.load_pipeline()  # cached: no second warning
        assert not nlp_mod.is_trained(blank) and nlp_mod.model_label(blank) == "blank:en"
        ex = extract(Article(text=TEXT, published=date(2025, 3, 14)), nlp=blank)
        assert ex.extractor.model == "blank:en"
        assert any("no trained spaCy pipeline" in n for n in ex.notes)
        keys = {a.key for a in ex.actors}
        assert {"KEN", "UGA", "TZA", "person-ruth-otieno"} <= keys
        pairs = {(e.cameo, e.actors, e.targets) for e in ex.events}
        assert ("112", ("person-ruth-otieno",), ("UGA",)) in pairs
        assert ("163", ("TZA",), ("UGA",)) in pairs  # passive "by" from word order
    finally:
        nlp_mod._load.cache_clear()


def test_json_output_follows_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text())
    arts = [a for a in read_articles(ARTICLES) if isinstance(a, Article)]
    for ex in extract_many(arts):
        doc = extraction_to_dict(ex)
        jsonschema.validate(doc, schema)
        json.dumps(doc)
    doc = extraction_to_dict(extract(Article(text=TEXT, published=date(2025, 3, 14), id="t1")))
    assert doc["article"]["id"] == "t1"
    ev = next(e for e in doc["events"] if e["cameo"] == "112")
    assert ev["source"] == ["person-ruth-otieno"] and ev["target"] == ["UGA"] and ev["date"] == "2025-03-02"
    assert ev["date_precision"] == "day" and ev["type"] and ev["evidence"]["rule"]
    planned = [e for e in doc["events"] if e["modality"] == Modality.PLANNED.value]
    assert planned and not planned[0]["directed"]


def test_extractions_map_to_triples_without_errors() -> None:
    arts = [a for a in read_articles(ARTICLES) if isinstance(a, Article)]
    arts.append(Article(text=TEXT, published=date(2025, 3, 14)))
    for ex in extract_many(arts):
        batch = source_batch([ex], ids.document_graph(ex.article.key, ex.extractor.name))
        assert batch.insert or not ex.actors
        held = {e.key for e in ex.events} | {s.key for s in ex.sanctions} | {f.key for f in ex.facts}
        held |= {p.key for p in ex.propositions}
        assert all(c.about in held for c in ex.claims), "a claim about nothing the extraction holds"


def test_oversized_text_is_not_parsed_but_reported() -> None:
    huge = Article(text="Kenya praised Uganda. " * (nlp_mod.MAX_CHARS // 20))
    (ex,) = list(extract_many([huge]))
    assert not ex.events and "over the extraction limit" in ex.notes[0]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=0, max_size=400))
def test_arbitrary_unicode_only_raises_graph_errors(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("hyp") / "a.txt"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    try:
        items = list(read_articles(path))
    except GraphError:
        return
    pipe = Pipeline()
    for item in items:
        if isinstance(item, GraphError):
            continue
        try:
            ex = next(extract_many([item], nlp=pipe.nlp))
            source_batch([ex], ids.document_graph(ex.article.key, ex.extractor.name))
        except GraphError:
            pass


@settings(max_examples=25, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("Kenya Uganda accused met praised on January 4, 2025 .,'’\n-")),
        min_size=1,
        max_size=300,
    )
)
def test_news_like_noise_extracts_consistently(text: str) -> None:
    if not text.strip():
        return
    try:
        ex = extract(Article(text=text, published=date(2025, 1, 10)))
    except GraphError:
        return
    keys = {a.key for a in ex.actors}
    for e in ex.events:
        assert set(e.everyone) <= keys and e.evidence is not None
        assert text[e.evidence.start : e.evidence.end] == e.evidence.sentence
