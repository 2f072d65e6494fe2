"""Reading articles: text with front matter or sidecar, HTML, JSONL, directories, stdin, bad input."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from graph.errors import SourceError
from graph.model import Article
from graph.sources.articles import read_articles

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def only(items: list[Article | SourceError]) -> Article:
    assert len(items) == 1, items
    assert isinstance(items[0], Article), items[0]
    return items[0]


def error(items: list[Article | SourceError]) -> SourceError:
    assert len(items) == 1, items
    assert isinstance(items[0], SourceError), items[0]
    return items[0]


def test_text_front_matter_wins_over_sidecar() -> None:
    art = only(list(read_articles(ARTICLES / "summit.txt")))
    assert art.id == "fixture-summit"
    assert art.outlet == "Example Wire"
    assert art.published == date(2025, 3, 14)
    assert art.text.startswith("Portuguese President Ana Varga")
    assert art.key.startswith("doc-") and art.origin and art.origin.endswith("summit.txt")


def test_text_sidecar_yaml_and_cli_overrides() -> None:
    art = only(list(read_articles(ARTICLES / "sanctions.txt")))
    assert (art.id, art.title, art.published) == ("fixture-sanctions", "Sanctions on relatives", date(2024, 10, 20))
    art = only(list(read_articles(ARTICLES / "sanctions.txt", published="2024-11-01", outlet="CLI", url="https://x/y")))
    assert (art.published, art.outlet, art.url) == (date(2024, 11, 1), "CLI", "https://x/y")


def test_html_main_text_and_metadata_without_scripts() -> None:
    art = only(list(read_articles(ARTICLES / "page.html")))
    assert "Peruvian President Luis Soto" in art.text
    for junk in ("tracking", "document.write", "font-family", "Home", "Copyright", "threatens"):
        assert junk not in art.text
    assert art.published == date(2024, 5, 2)
    assert art.outlet == "Example Times"
    assert art.title and "Peru and Chile" in art.title


def test_html_full_of_scripts_gives_no_script_text() -> None:
    items = list(read_articles(ARTICLES / "scripts-only.html"))
    for item in items:
        if isinstance(item, Article):
            assert "attacked" not in item.text and "function" not in item.text
        else:
            assert "scripts-only.html" in str(item)


def test_jsonl_bad_lines_are_yielded_with_file_and_line() -> None:
    items = list(read_articles(ARTICLES / "batch.jsonl"))
    good = [i for i in items if isinstance(i, Article)]
    bad = [i for i in items if isinstance(i, SourceError)]
    assert [a.id for a in good] == ["j1", "j5"]
    assert good[0].published == date(2025, 6, 1)
    wheres = [e.where or "" for e in bad]
    assert [w.split(": ")[0].rsplit(":", 1)[-1] for w in wheres] == ["2", "3", "4"]
    assert "not valid JSON" in str(bad[0]) and "no text" in str(bad[1]) and "date" in str(bad[2])


def test_directory_and_glob(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Kenya praised Uganda.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text(
        "<html><body><article><p>" + "Kenya met Uganda today. " * 5 + "</p></article></body></html>", encoding="utf-8"
    )
    (tmp_path / "a.meta.json").write_text('{"title": "T"}', encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x,y", encoding="utf-8")
    items = list(read_articles(tmp_path))
    assert len(items) == 2 and all(isinstance(i, Article) for i in items)
    assert only(list(read_articles(str(tmp_path / "*.txt")))).title == "T"
    assert "no such file" in str(error(list(read_articles(tmp_path / "missing.txt"))))
    assert "matches no" in str(error(list(read_articles(str(tmp_path / "*.nothing")))))


def test_stdin_text_and_jsonl() -> None:
    art = only(list(read_articles("-", stdin=io.BytesIO(b"Kenya praised Uganda."), published="2025-01-02")))
    assert art.text == "Kenya praised Uganda." and art.published == date(2025, 1, 2) and art.origin == "<stdin>"
    items = list(read_articles("-", stdin=io.BytesIO(b'{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n')))
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "b"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"caf\xe9 au lait", "UTF-8"),
        (b"---\ntitle: x\npublished: not a date\n---\nText.", "cannot read the date"),
    ],
)
def test_bad_text_files_are_errors_naming_the_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    err = error(list(read_articles(path)))
    assert message in str(err)
    assert "bad.txt" in str(err)


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        fh.seek(20 * 1024 * 1024)
        fh.write(b"x")
    err = error(list(read_articles(path)))
    assert "over the limit" in str(err) and "big.txt" in str(err)
    line = b'{"text": "' + b"a" * 2000 + b'"}\n{"id": "ok", "text": "Fine."}\n'
    items = list(read_articles("-", stdin=io.BytesIO(line), max_bytes=1000))
    assert isinstance(items[0], SourceError) and "over the limit" in str(items[0])
    assert isinstance(items[1], Article) and items[1].id == "ok"


def test_bad_published_option_is_one_error() -> None:
    assert "cannot read the date" in str(error(list(read_articles(ARTICLES / "summit.txt", published="soon"))))
