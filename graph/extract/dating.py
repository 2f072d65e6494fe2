"""Which date each event mention gets, and a date window for the ones the text leaves undated.

Three steps, each for the mentions the step before left without a date:

1. :class:`DateAssigner`, per sentence (called by the event finder): the date phrase the trigger
   hangs from in the parse, else its governing trigger's, else a free date phrase of the sentence;
   not a deadline ("must leave by Friday") nor a phrase of a clause still to come. A weekday or a
   yearless date takes its reading by the trigger's tense ("on Sunday": the last Sunday before
   publication, "will meet on Sunday": the next one); "the next day" counts from the previous
   dated event.
2. :func:`inherit`, per article, once every mention (mediation and reported speech included) is
   known: the sentence's own date phrases for mentions that did not come from the finder; an
   occasion named again ("the talks", "the agreement") takes the date given to it before; a mention
   told as done (past or reporting present, not a past perfect nor an ongoing "is investigating")
   or as planned takes the time of the previous sentence's main clause, else of its paragraph's
   first dated sentence, when both are done or both still to come; a mention told as done takes,
   last, the story's day (the first day the opening sentences give). Inherited dates are weak.
3. :func:`windows`, per article, on the assembled events: what is still undated gets an explicit
   window (:meth:`DateRange.between`, precision unknown) up to the article's date for what was
   done or said, from it for what is planned. Only an article with no date at all (no
   publication date, no dateline, no full day in its text) leaves events undated.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from graph.extract.dates import DateMention, shift, stand_in
from graph.extract.lexicon import Entry
from graph.extract.modality_words import FUTURE_AUX, MODAL_AUX, PLAN_HEADS
from graph.extract.nlp import Doc, Span, Token, doc_text, sentences
from graph.model import DateRange, Event, Modality, Precision

if TYPE_CHECKING:
    from graph.extract.events import Found

NOT_DONE = (Modality.PLANNED, Modality.HYPOTHETICAL)
PAST_AUX = {"had", "has", "have", "was", "were", "did", "'d"}
# word lists as strings: a line each, not a word a line
CLIMB_DEPS = tuple("xcomp advcl acl dobj pobj prep pcomp nsubj nsubjpass attr compound conj".split())  # noqa: SIM905
GOVERNED_DEPS = tuple("advcl xcomp conj ccomp dobj pcomp pobj prep acl".split())  # noqa: SIM905
# nouns that name one occasion, so that "the talks" later in an article is the same talks
OCCASIONS = set(
    "talk talks meeting summit visit trip call conversation agreement deal accord treaty declaration ceasefire "  # noqa: SIM905
    "truce signing ceremony conference negotiation negotiations raid attack strike referendum election vote "
    "announcement speech interview".split()
)
MODAL = FUTURE_AUX | MODAL_AUX | {"to"}
PROPOSING = PLAN_HEADS | {"suggest", "seek", "request", "demand", "urge", "call", "want", "welcome", "reject"}
ORDERS = {"order", "ask", "demand", "tell", "instruct", "give", "require", "urge", "direct"}
DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her", "our"}
YEAR = timedelta(days=365)
SHORT = 14  # days: a range that short ("from March 6 to 10") can be a story's date


def date_tokens(doc: Doc, dates: list[DateMention]) -> list[tuple[int, int, DateMention]]:
    """Token spans of the date phrases that can date an event (not "since 2022", not the article's own date)."""
    out = []
    for d in dates:
        if (d.range is None and d.after is None) or d.since or d.dateline:
            continue
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.start, span.end, d))
    return out


def last_dated(found: list[Found]) -> DateRange | None:
    """The date of the latest mention dated by its own phrase, for "the next day"."""
    return next((f.date for f in reversed(found) if f.date and not f.date_weak), None)


def tense(tok: Token) -> str | None:
    """``future`` ("will meet", "plans to visit"), ``past`` ("met", "has met", "was signed"), ``present``
    ("calls"), ``ongoing`` ("is investigating") or None, from the trigger or the verb it depends on
    (a participle, an infinitive or an event noun has the tense of its verb)."""
    node, below = tok, None
    for _ in range(4):
        aux = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
        if aux & FUTURE_AUX or (below is not None and below.dep_ == "xcomp" and node.lemma_.lower() in PLAN_HEADS):
            return "future"
        if node.pos_ in ("VERB", "AUX"):
            if node.tag_ == "VBD" or aux & PAST_AUX:
                return "past"
            if node.tag_ == "VBG" and aux & {"is", "are", "am", "'s", "'re"}:
                return "ongoing"
            if node.tag_ in ("VBZ", "VBP"):
                return "present"
            if aux & MODAL_AUX:
                return None
        if node.head.i == node.i or node.dep_ not in CLIMB_DEPS:
            return None
        node, below = node.head, node
    return None


class DateAssigner:
    """Which date phrase of a sentence belongs to which trigger.

    A date belongs to the trigger it hangs from in the parse (not through the trigger's particle,
    "locked in February 3", nor through another clause with its own subject); a date just before
    an event noun ("the January 7 phone call") belongs to the noun; a subordinate trigger takes
    its governing trigger's date; a date hanging from no trigger goes to the nearest trigger
    that has none (weakly). ``previous`` is the date "the next day" counts from.
    """

    def __init__(
        self,
        sent: Span,
        spans: list[tuple[int, int, DateMention]],
        triggers: list[tuple[Token, Entry]],
        parsed: bool,
        previous: DateRange | None = None,
    ) -> None:
        self.sent = sent
        self.local = [
            (s, e, d)
            for s, e, d in (_counted(x, _nearer(x, spans, sent, previous)) for x in spans)
            if sent.start <= s < sent.end
        ]
        self.local = [(s, e, d) for s, e, d in self.local if d.range is not None]
        self.parsed = parsed
        self.triggers = {t.i: e for t, e in triggers}
        self.owner: dict[int, int | None] = {}
        self.steps: dict[int, int] = {}
        doc = sent.doc
        for n, (s, e, _d) in enumerate(self.local):
            self.owner[n], self.steps[n] = self._climb(doc[s:e].root, s, e) if parsed else (None, 0)
            for t in triggers:  # "January 7 phone call", "a January 14 cabinet broadcast"
                tok = t[0]
                if (
                    t[1].noun
                    and 0 <= tok.i - e <= 4
                    and all(doc[k].pos_ in ("PROPN", "NOUN", "ADJ", "PUNCT", "NUM", "DET") for k in range(e, tok.i))
                ):
                    self.owner[n], self.steps[n] = tok.i, 0

    def _climb(self, head: Token, s: int, e: int) -> tuple[int | None, int]:
        node, steps = head, 0
        last: Token | None = None
        for _hop in range(8):
            if node.i in self.triggers and not (s <= node.i < e):
                if (
                    last is not None
                    and last is not head
                    and last.dep_ in ("dobj", "oprd")
                    and last.pos_ == "NOUN"
                    and node.lemma_.lower() in PROPOSING
                ):
                    return -1, steps  # "floated a January meeting": the date of the content, not of the act
                return node.i, steps
            if node is not head and node.pos_ == "NOUN" and node.lemma_.lower() in OCCASIONS and not (s <= node.i < e):
                return -1, steps  # "the first call since their meeting last November": the meeting's date
            if node.pos_ in ("VERB", "AUX") and (carried := _carried_noun(node, self.triggers)) is not None:
                return carried, steps  # "held a phone call on Tuesday": the date of the call the verb carries
            if (
                node is not head
                and node.pos_ in ("VERB", "AUX")
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
            ):
                if any(c.dep_ == "aux" and c.lower_ in MODAL for c in node.children):
                    return -1, steps  # "(said that) the diplomats must leave on Saturday": what is to come
                if node.dep_ in ("advcl", "relcl", "acl"):
                    return -1, steps  # "the first call since they met in November": the time of another act
                return None, steps  # the date belongs to a clause with no trigger
            if node.head.i == node.i:
                return None, steps
            if node.dep_ == "prep" and not (s <= node.i < e) and _deadline(node):
                return -1, steps  # "must leave by Saturday": a deadline, not the date of an act
            prt = self.triggers.get(node.head.i)
            if prt is not None and prt.prt and node.lower_ == prt.prt:
                return -1, steps  # the object of "lock in": content, not time
            last = node
            if (
                node.dep_ == "prep"
                and node.head.dep_ in ("nsubj", "nsubjpass")
                and node.head.i < node.i < node.head.head.i
            ):
                node = node.head.head  # "the ministry on Monday summoned": parsed under the subject, said of the verb
                continue
            # a preposition is no step of its own: "on Monday" hangs from its verb as near as "last week"
            steps += 0 if node.dep_ == "pobj" and node.head.dep_ == "prep" else 1
            node = node.head
        return None, steps

    def date_for(self, tok: Token, entry: Entry, triggers: set[int]) -> tuple[DateRange | None, bool]:
        if not self.local:
            return None, False
        when = tense(tok) if self.parsed else None
        if not self.parsed:
            best = min(self.local, key=lambda x: abs(x[0] - tok.i))
            return best[2].range, False
        own = [
            (self.steps[n], abs(s - tok.i), d.reading(when))
            for n, (s, _e, d) in enumerate(self.local)
            if self.owner[n] == tok.i
        ]
        if own:  # the nearest in the parse, then in the text
            return min(own, key=lambda x: (x[0], x[1]))[2], False
        node = tok
        for _ in range(3):  # a subordinate trigger takes its governing trigger's date
            if node.head.i == node.i or node.dep_ not in GOVERNED_DEPS:
                break
            node = node.head
            owned = [d.reading(when) for n, (_s, _e, d) in enumerate(self.local) if self.owner[n] == node.i]
            if owned:
                return owned[0], True
        free = [(abs(s - tok.i), n) for n, (s, _e, _d) in enumerate(self.local) if self.owner[n] is None]
        if free:
            return self.local[min(free)[1]][2].reading(when), True
        return None, False


def _carried_noun(verb: Token, triggers: dict[int, Entry]) -> int | None:
    """The event noun a verb that is no trigger itself carries as its object ("held talks", "paid a visit")."""
    if verb.i in triggers:
        return None
    return next(
        (c.i for c in verb.children if c.dep_ in ("dobj", "attr") and c.i in triggers and triggers[c.i].noun), None
    )


def _deadline(prep: Token) -> bool:
    """ "until Friday", or "by Saturday" on an act still to come ("must leave by Saturday", "ordered them to leave
    before Sunday"), unlike "by January 7, the call had shifted tones"."""
    if prep.lower_ in ("until", "till"):
        return True
    verb = prep.head
    if prep.lower_ not in ("by", "before"):
        return False
    ordered = verb.lemma_.lower() in ORDERS or (verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in ORDERS)
    return ordered or any(c.dep_ == "aux" and c.lower_ in MODAL for c in verb.children)


def _a_deadline(doc: Doc, s: int, e: int) -> bool:
    """Whether a date phrase is a deadline ("must leave by Friday")."""
    node = doc[s:e].root
    for _ in range(8):
        if node.dep_ == "prep" and not (s <= node.i < e) and _deadline(node):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _nearer(
    span: tuple[int, int, DateMention],
    spans: list[tuple[int, int, DateMention]],
    sent: Span,
    previous: DateRange | None,
) -> DateRange | None:
    """What "the following day" counts from: a day named earlier in its own sentence ("suspended the
    ministers Sunday, ... summoned the envoy the following day"), else the last dated event."""
    s0, _e0, d0 = span
    if d0.after is None:
        return previous
    before = [
        d.range
        for s, _e, d in spans
        if sent.start <= s < s0 and d.after is None and d.range is not None and d.range.earliest == d.range.latest
    ]
    return before[-1] if before else previous


def _counted(span: tuple[int, int, DateMention], previous: DateRange | None) -> tuple[int, int, DateMention]:
    """ "The next day" as a day, once the previous dated event is known."""
    s, e, d = span
    if d.after is None:
        return span
    return s, e, replace(d, range=shift(previous, d.after) if previous is not None else None)


def inherit(
    doc: Doc, found: list[Found], dates: list[DateMention], published: date | None, parsed: bool
) -> list[Found]:
    """Dates for the mentions that their sentence left undated (step 2 of the module doc); the
    inherited dates are weak (a mention of the same event that has its own date wins)."""
    spans = date_tokens(doc, dates)
    sents = sentences(doc)
    by_sent: dict[int, list[Found]] = {}
    for f in found:
        by_sent.setdefault(f.sent_index, []).append(f)
    occasions: dict[str, DateRange] = {}  # "talks" -> the date last given to talks
    previous: DateRange | None = None
    time_of: dict[int, tuple[DateRange, bool]] = {}  # sentence -> its own time (date, done), for the next ones
    paragraph_of = _paragraphs(doc, sents)
    story = _story_date(sents, spans, article_date(dates, published)) if parsed else None
    for si, sent in enumerate(sents):
        group = sorted(by_sent.get(si, []), key=lambda f: f.trigger)
        if any(f.date is None for f in group):
            assigner = DateAssigner(sent, spans, [(doc[f.trigger], f.entry) for f in group], parsed, previous)
            taken = {f.trigger for f in group}
            for f in group:
                if f.date is None:
                    f.date, f.date_weak = assigner.date_for(doc[f.trigger], f.entry, taken)
        own = [f for f in group if f.date is not None]
        for f in group:
            if f.date is None and parsed:
                f.date = next((occasions[w] for w in _occasions_named(doc[f.trigger]) if w in occasions), None)
                f.date_weak = f.date is not None
            if f.date is None and (not parsed or _narrative(f, doc[f.trigger])):
                f.date = _from_context(f, si, time_of, paragraph_of)
                if f.date is None and story is not None and f.modality not in NOT_DONE:
                    f.date = story  # the story's date, for what the article reports as done
                f.date_weak = f.date is not None
        main = [f for f in own if not parsed or _in_main_clause(doc[f.trigger])]
        if main:
            g = min(main, key=lambda f: (_depth(doc[f.trigger]) if parsed else 0, f.date_weak))
            if g.date is not None:
                time_of[si] = (g.date, g.modality not in NOT_DONE)
        elif parsed and (when := _main_clause_date(sent, spans)) is not None:
            time_of[si] = when
        previous = last_dated(own) or previous
        if parsed:
            occasions.update(_occasions_dated(sent, spans))
            for f in own:
                if f.date is not None and not f.date_weak:
                    occasions.update((w, f.date) for w in _occasions_named(doc[f.trigger], definite=False))
    return found


def _narrative(f: Found, tok: Token) -> bool:
    """Whether a mention moves with the narrative: told as done (in the past or the reporting present tense,
    "Macron's team calls"), or as planned; not a past perfect ("had increased": before the time of the
    narrative) nor an ongoing state ("is investigating"); a verbless headline or caption reports the story."""
    if any(c.lower_ in ("had", "'d") and c.dep_ == "aux" for c in tok.children):
        return False
    if f.modality in NOT_DONE or tense(tok) in ("past", "present"):
        return True
    return not any(t.pos_ in ("VERB", "AUX") for t in tok.sent)  # a headline or caption without a verb


def _from_context(
    f: Found, si: int, time_of: dict[int, tuple[DateRange, bool]], paragraph_of: list[int]
) -> DateRange | None:
    """The time of the previous sentence, else of the paragraph's first dated one, if of the same tense."""
    first = min((k for k in time_of if paragraph_of[k] == paragraph_of[si]), default=None)
    for k in (si - 1, first):
        when = time_of.get(k) if k is not None else None
        if when is not None and when[1] == (f.modality not in NOT_DONE):
            return when[0]
    return None


def _main_clause_date(sent: Span, spans: list[tuple[int, int, DateMention]]) -> tuple[DateRange, bool] | None:
    """The date phrase of a sentence's main clause ("Putin arrived in Pyongyang on 18 June"), with its tense."""
    for s, _e, d in spans:
        if not (sent.start <= s < sent.end) or d.range is None:
            continue
        node = sent.doc[s]
        for _ in range(6):
            if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
                break
            node = node.head
        if node.i == sent.root.i:
            when = tense(node)
            return (d.reading(when) or d.range), when != "future"
    return None


def _story_date(sents: list[Span], spans: list[tuple[int, int, DateMention]], top: date | None) -> DateRange | None:
    """The first day (or few days) the article's opening sentences give (past headlines, captions and datelines)."""
    opening = [s for s in sents if sum(1 for t in s if not t.is_space) >= 8][:3]
    for s, e, d in spans:
        r = d.range
        if r is None or not any(o.start <= s < o.end for o in opening) or (top is not None and r.latest > top):
            continue
        if _a_deadline(sents[0].doc, s, e):
            continue
        if r.precision in (Precision.DAY, Precision.UNKNOWN) and (r.latest - r.earliest).days <= SHORT:
            return r
    return None


def _paragraphs(doc: Doc, sents: list[Span]) -> list[int]:
    """The paragraph number of every sentence (a line break between two sentences starts a paragraph)."""
    out, n = [], 0
    text = doc_text(doc)  # doc.text joins every token again at each use
    for i, s in enumerate(sents):
        between = text[sents[i - 1].start_char : s.start_char] if i else ""
        if "\n" in between[len(between.rstrip()) :]:
            n += 1
        out.append(n)
    return out


def _in_main_clause(tok: Token) -> bool:
    """The sentence's main verb, one coordinated with it, or what a reporting root says ("X said it met Y")."""
    for _ in range(2):
        if tok.head.i == tok.i:
            return True
        if tok.dep_ not in ("ccomp", "conj", "xcomp") and not (tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "dobj")):
            return False
        tok = tok.head
    return tok.head.i == tok.i


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 20:
        tok, depth = tok.head, depth + 1
    return depth


def _clause(tok: Token) -> Token:
    """The verb of the clause a token is in (or the root)."""
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _occasions_dated(sent: Span, spans: list[tuple[int, int, DateMention]]) -> dict[str, DateRange]:
    """Occasion nouns of a sentence and the date phrase of the clause they are arguments of ("led the
    delegation during the talks in Beijing from March 6 to 10": talks -> March 6-10)."""
    doc = sent.doc
    out: dict[str, DateRange] = {}
    for s, _e, d in spans:
        if sent.start <= s < sent.end and d.range is not None:
            verb = _clause(doc[s])
            for tok in sent:
                if tok.lower_ in OCCASIONS and tok.pos_ == "NOUN" and _argument_of(tok, verb):
                    out.setdefault(tok.lower_, d.range)
    return out


def _argument_of(noun: Token, verb: Token) -> bool:
    """Whether a noun is an argument of a verb, or the object of one of its prepositions ("during the talks")."""
    head = noun.head
    return head.i == verb.i or (head.dep_ == "prep" and head.head.i == verb.i and noun.dep_ == "pobj")


def _occasions_named(tok: Token, definite: bool = True) -> list[str]:
    """Occasion nouns that a trigger is or takes as subject or object ("held the talks", "the deal was signed");
    with ``definite``, only those with a definite determiner (a reference back)."""
    nouns = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")]
    return [
        n.lower_
        for n in nouns
        if n.lower_ in OCCASIONS
        and n.pos_ == "NOUN"
        and (not definite or any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in n.children))
    ]


def article_date(dates: list[DateMention], published: date | None) -> date | None:
    """The article's date: its publication date, else its dateline."""
    if published is not None:
        return published
    return next((d.range.earliest for d in dates if d.dateline and d.range is not None), None)


def windows(events: list[Event], dates: list[DateMention], published: date | None) -> list[Event]:
    """Undated events with an explicit window (step 3 of the module doc).

    With the article's date (publication or dateline): done, said or denied, from the earliest date
    the article gives to an event (and at least a year back) up to the article's date; planned or
    hypothetical, from the article's date to the latest date it gives (and at least a year ahead).
    Without one, the text's own latest day (:func:`graph.extract.dates.stand_in`) stands in, and
    what was done may lie up to a year after it. With neither, events stay undated: nothing in or on
    the article bounds them.
    """
    top = article_date(dates, published)
    stand = top or stand_in(dates)
    if stand is None or all(e.date is not None for e in events):
        return events
    told = [d.range for d in dates if d.range is not None and not d.since and not d.dateline]
    low = min([stand - YEAR, *(r.earliest for r in told)])
    high = max([stand + YEAR, *(r.latest for r in told)])
    past = DateRange.between(low, stand if top else stand + YEAR)
    ahead = DateRange.between(stand, high)
    return [e if e.date is not None else replace(e, date=ahead if e.modality in NOT_DONE else past) for e in events]
