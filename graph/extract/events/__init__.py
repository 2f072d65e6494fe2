"""Typed, directed events from trigger words and the dependency parse.

For every sentence, triggers from the lexicon (verbs, event nouns, multi-word nouns) are
found; their arguments come from the parse: subject -> object ("Trump praised Petro"),
passives ("Y was sanctioned by X"), possessors and modifiers of event nouns ("Trump's threats
against Colombia", "U.S. sanctions on Y", "sanctions hit Y"), light verbs ("slapped sanctions
on Y"), subjects shared by coordinated or subordinate verbs ("fired back, rejecting ..."), and
symmetric events ("X and Y met", "their phone call") with participants. An object that is
itself an earlier event ("rejected the threats") points at that event's actor. Without a
parser, surface order (actor before and after the trigger) is used, with lower confidence.
"""

from __future__ import annotations

from graph.extract.events.finder import EventFinder
from graph.extract.events.found import Found
from graph.extract.events.phrases import np_actors, pobj_actors, prep_actors, recent_actors
from graph.extract.events.places import state_of
from graph.extract.events.subjects import inherited_subject, subject_actors

__all__ = [
    "EventFinder",
    "Found",
    "inherited_subject",
    "np_actors",
    "pobj_actors",
    "prep_actors",
    "recent_actors",
    "state_of",
    "subject_actors",
]
