"""Hostile text (issue 18, part 3): small versions of every adversarial shape go through the extractor
without an exception and with well-formed output, the tokenizer keeps the text exactly, and an article
over its time budget is skipped with a message naming it while the rest of the batch goes on.

Behaviour only, no timings: the timings are in scripts/bench/bench_adversarial.py and BENCHMARKS.md.
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.errors import ExtractionError
from graph.extract import ArticleTimeout, extract, extract_many
from graph.extract import nlp as nlp_mod
from graph.extract.jsonout import extraction_to_dict
from graph.extract.sentence_breaks import MAX_SENT_TOKENS
from graph.extract.tokenizer import LONG_RUN, PIECE_CHARS
from graph.model import Article
from graph.settings import load_setting, load_settings

LEAD = "Colombian President Gustavo Petro met U.S. President Donald Trump in Washington on Tuesday.\n"
NAMES = ["Gustavo Petro", "Donald Trump", "Nicolas Maduro"]


def _shapes() -> dict[str, str]:
    rnd = random.Random(18)
    emoji = "".join(chr(rnd.randrange(0x1F600, 0x1F650)) for _ in range(600))
    marks = "".join(
        chr(rnd.randrange(0x300, 0x370)) if rnd.random() < 0.9 else rnd.choice("aex😀") for _ in range(1500)
    )
    return {
        "punct-run": LEAD + "!" * 3000 + "\n",
        "punct-run-glued": LEAD.rstrip("\n") + "!" * 3000 + "Trump praised Petro.",
        "punct-mixed-run": LEAD + "!?" * 1000 + "\n",
        "punct-spaced": LEAD + ". " * 1500 + "\n",
        "dashes": LEAD + "-" * 40 + "\nTrump praised Petro.\n" + "=" * 2000,
        "emoji": LEAD + emoji + "\n",
        "emoji-spaced": LEAD + " ".join(emoji[i : i + 4] for i in range(0, len(emoji), 4)) + "\n",
        "combining": LEAD + marks + "\n",
        "long-token": LEAD + "x" * 5000 + " Trump praised Petro.",
        "long-word-glued": "Petro" + "ab" * 3000 + " met Trump.",
        "short-lines": "".join(
            f"{NAMES[i % 3]} met {NAMES[(i + 1) % 3]}.\n" if i % 3 == 0 else f"Item {i}\n" for i in range(300)
        ),
        "blank-lines": LEAD + "\n" * 3000 + " " * 3000 + "\t\n" * 500 + "Trump praised Petro.",
        "names-one-sentence": LEAD + " ".join(NAMES[i % 3] for i in range(600)) + ".\n",
        "names-sentences": LEAD + "".join(f"President {NAMES[i % 3]} met {NAMES[(i + 2) % 3]}. " for i in range(120)),
        "underscores": LEAD + "_" * 3000 + "\n",
        "empty": "",
        "only-symbols": "!!!!! ????? ..... 😀😀😀😀😀",
    }


SHAPES = _shapes()


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_tokenizer_keeps_the_text_exactly(name: str) -> None:
    text = SHAPES[name]
    doc = nlp_mod.load_pipeline().make_doc(text)
    assert doc.text == text
    assert all(len(t.text) <= max(LONG_RUN, PIECE_CHARS) for t in doc if not t.is_space)


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_every_shape_extracts_or_is_skipped_with_a_message(name: str) -> None:
    text = SHAPES[name]
    art = Article(text=text, id=name, origin=f"{name}.txt")
    errors: list[ExtractionError] = []
    out = list(extract_many([art], on_error=lambda a, e: errors.append(e)))
    assert len(out) + len(errors) == 1
    for e in errors:  # only a budget overrun may skip it, and then it says which article
        assert isinstance(e, ArticleTimeout) and f"{name}.txt" in e.describe()
    for ex in out:
        doc = extraction_to_dict(ex)
        json.loads(json.dumps(doc))
        for m in ex.mentions:
            assert text[m.start : m.end] == m.text
        for ev in ex.events:
            assert ev.evidence is not None and ev.evidence.start is not None and ev.evidence.end is not None
            assert text[ev.evidence.start : ev.evidence.end] == ev.evidence.sentence
        if text.startswith(LEAD):
            assert {"person-gustavo-petro", "person-donald-trump"} <= {a.key for a in ex.actors}


def test_the_lead_sentence_reads_the_same_beside_junk() -> None:
    plain = extract(Article(text=LEAD), budget=0)
    key = {(e.cameo, e.actors, e.targets, e.participants) for e in plain.events}
    assert key
    for name in ("punct-run", "emoji", "combining", "long-token", "punct-spaced"):
        ex = extract(Article(text=SHAPES[name]), budget=0)
        assert key <= {(e.cameo, e.actors, e.targets, e.participants) for e in ex.events}, name


def test_no_sentence_is_longer_than_the_cap() -> None:
    doc = nlp_mod.load_pipeline()(SHAPES["names-one-sentence"])
    assert max(len(s) for s in doc.sents) <= MAX_SENT_TOKENS


@pytest.mark.parametrize("n_process", [1, 2])
def test_an_article_over_budget_is_skipped_and_the_batch_goes_on(n_process: int) -> None:
    slow = Article(text=SHAPES["short-lines"] * 3, id="slow", origin="slow.txt")
    arts = [Article(text="Kenya accused Uganda of smuggling.", id="a"), slow, Article(text=LEAD, id="b")]
    errors: list[tuple[str, ExtractionError]] = []
    out = list(
        extract_many(arts, n_process=n_process, budget=0.05, on_error=lambda a, e: errors.append((a.id or "", e)))
    )
    skipped = {i for i, _ in errors}
    assert "slow" in skipped and {x.article.id for x in out} | skipped == {"a", "slow", "b"}
    for _, e in errors:
        assert isinstance(e, ArticleTimeout)
        assert "time budget of 0.05 s" in e.describe()
    assert any("slow.txt" in e.describe() for _, e in errors)


def test_without_on_error_an_overrun_is_an_empty_extraction_with_a_note() -> None:
    ex = extract(Article(text=SHAPES["short-lines"] * 3, id="slow"), budget=0.05)
    assert not ex.events and any("time budget" in n for n in ex.notes)


def test_the_budget_is_a_setting_with_a_default() -> None:
    assert load_setting("article_seconds", environ={}) == 60.0
    assert load_setting("article_seconds", environ={"DIPLOGRAPH_ARTICLE_SECONDS": "2.5"}) == 2.5
    assert load_settings(environ={"DIPLOGRAPH_ARTICLE_SECONDS": "0"}).article_seconds == 0.0


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_cli_names_the_skipped_article_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    from graph.cli import main
    from graph.extract import Pipeline

    (tmp_path / "a-good.txt").write_text("Kenya accused Uganda of smuggling on Monday.\n", encoding="utf-8")
    (tmp_path / "b-slow.txt").write_text("Uganda accused Kenya of smuggling on Tuesday.\n", encoding="utf-8")
    run = Pipeline.run

    def slow_for_b(self: Pipeline, article: Article, doc: object) -> object:
        if (article.origin or "").endswith("b-slow.txt"):
            time.sleep(30)  # the rules stuck on this article: the budget must cut them
        return run(self, article, doc)

    monkeypatch.setattr(Pipeline, "run", slow_for_b)
    monkeypatch.setenv("DIPLOGRAPH_ARTICLE_SECONDS", "1")
    args = [command, str(tmp_path / "a-good.txt"), str(tmp_path / "b-slow.txt")]
    if command == "ingest":
        args += ["--store", str(tmp_path / "store")]
    else:
        args += ["--format", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr  # one article skipped, the batch went on
    assert "b-slow.txt" in result.stderr and "time budget" in result.stderr
    if command == "extract":
        docs = json.loads(result.stdout)["articles"]
        assert len(docs) == 1 and docs[0]["events"]
