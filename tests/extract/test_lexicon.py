"""The trigger lexicon: hand entries (triggers.yaml) before those generated from PETRARCH-2."""

from __future__ import annotations

from graph.extract.lexicon import load_lexicon

from .conftest import run


def test_a_verb_only_the_generated_lexicon_knows_is_a_trigger() -> None:
    v = run("Norway berated Sweden on Monday.")
    events = v.events("111")
    assert [(v.n(e.actors), v.n(e.targets)) for e in events] == [({"Norway"}, {"Sweden"})]
    assert events[0].evidence is not None and events[0].evidence.rule.startswith("petrarch:berate")


def test_hand_verbs_are_the_hands_alone() -> None:
    lex = load_lexicon()
    for lemma in ("expel", "accuse", "meet", "call", "broker"):
        assert lex.verbs[lemma] and not any(e.generated for e in lex.verbs[lemma]), lemma


def test_patterns_beside_the_generated_ones_keep_them() -> None:
    launch = load_lexicon().verbs["launch"]
    assert any(e.generated for e in launch) and any(not e.generated and "missile" in e.obj for e in launch)
    v = run("Chile launched missiles at Peru on Monday. Chile launched talks with Bolivia on Tuesday.")
    assert v.events("19") and v.events("04")


def test_a_root_catch_all_verb_names_no_event_by_itself() -> None:
    lex = load_lexicon()
    assert not any(e.specificity == 0 for e in lex.verbs["say"])  # 010 in the dictionary: too vague alone
    assert not any(e.specificity == 0 for e in lex.verbs["take"])  # a light verb: its objects decide
    v = run("Norway took Sweden by surprise. Norway said Sweden was right.")
    assert not v.ex.events


def test_a_blocking_pattern_names_no_event() -> None:
    lex = load_lexicon()
    assert any(not e.code and "budget" in e.obj for e in lex.verbs["approve"])
    assert not run("Norway approved the budget of Sweden.").events("")


def test_generated_triggers_need_arguments_from_the_parse() -> None:
    # "berated" with no subject or object in the parse: no guessing the ends from word order
    assert not run("Norway, Sweden: berated.").events("111")
