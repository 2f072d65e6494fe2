"""Off-topic sentences (graph/extract/discards.py): sports, entertainment and business reports yield no
events, whatever verbs and actors they hold; their actors are still read, and political sentences
beside them keep their events."""

from __future__ import annotations

from graph.extract.discards import Discards, drop, load_phrases
from graph.extract.events.found import Found
from graph.extract.lexicon import Entry
from graph.extract.nlp import load_pipeline

from .conftest import run


def test_a_match_report_is_no_attack() -> None:
    v = run("Brazil beat Argentina in the World Cup final in Doha.")
    assert v.ex.events == ()
    assert {"Brazil", "Argentina"} <= {a.name for a in v.ex.actors}


def test_the_political_sentence_beside_a_sports_one_keeps_its_event() -> None:
    v = run("Brazil beat Argentina in the World Cup final. Brazil accused Argentina of interference on Tuesday.")
    assert v.directed("112") == {(frozenset({"Brazil"}), frozenset({"Argentina"}))}
    assert v.directed("18") == set()


def test_a_market_move_on_a_political_act_keeps_the_act() -> None:
    v = run("Shares fell in Tokyo after Japan threatened China with new tariffs.")
    assert (frozenset({"Japan"}), frozenset({"China"})) in v.directed("13")


def test_phrases_match_whole_words_case_aside() -> None:
    nlp = load_pipeline()
    finder = Discards(nlp, ("world cup",))
    doc = nlp("Qatar hosted the WORLD CUP. Qatar hosted the worldcupper talks.")
    assert finder.sentences(doc) == {0}
    assert "tennis" in load_phrases()
    assert "marathon" not in load_phrases()  # "marathon talks" are talks


def test_dropping_a_sentence_re_points_answers_to_the_kept_mentions() -> None:
    entry = Entry(code="111", lemma="criticize")
    found = [
        Found(entry, 0, 1),
        Found(entry, 1, 5),
        Found(entry, 2, 9, responds_to=1),
        Found(entry, 2, 9, responds_to=0),
    ]
    kept = drop(found, {0})
    assert [f.sent_index for f in kept] == [1, 2, 2]
    assert kept[1].responds_to == 0
    assert kept[2].responds_to is None
