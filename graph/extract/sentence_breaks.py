"""The sentence-break component: a sentence after every line break and a dateline, none after a colon."""

from __future__ import annotations

from graph.extract.date_patterns import MONTHS
from graph.extract.nlp import Doc, token_columns

# bounds the length of every sentence (see _mark_line_breaks): the work per token stays constant on any text
MAX_SENT_TOKENS = 256  # tokens with no sentence-final punctuation before a sentence is cut
SENTENCE_END = frozenset(".!?;")


def _register_line_breaks() -> None:
    """A component that starts a sentence after every line break (headlines, bullets, paragraphs)."""
    from spacy.language import Language

    if Language.has_factory("diplograph_line_breaks"):
        return

    @Language.component("diplograph_line_breaks")
    def line_breaks(doc: Doc) -> Doc:
        _split_dateline(doc)
        text = doc.text
        if "\n" not in text and ":" not in text and len(doc) <= MAX_SENT_TOKENS:
            return doc  # nothing to mark: no Token objects built
        _mark_line_breaks(doc)
        return doc


def _mark_line_breaks(doc: Doc) -> None:
    """Sentence starts after line breaks, none after a colon, and a cut in any stretch of
    :data:`MAX_SENT_TOKENS` tokens with no sentence-final punctuation (a list of names, a run of symbols),
    so that no sentence the parser and the rules see is longer than that.

    Written through one array: setting ``Token.is_sent_start`` scans the whole doc at every call."""
    from spacy.attrs import SENT_START

    words, spaces, blank = token_columns(doc)
    arr = doc.to_array([SENT_START]).view("int64")  # 1 start, -1 not a start, 0 unknown
    after_break = False
    start_next: int | None = None  # what the token after this one must be (None: leave it)
    prev_text, prev_ws = "", ""
    run = 0  # tokens since the last known start or sentence-final punctuation
    for i, text in enumerate(words):
        ws = spaces[i]
        if start_next is not None:
            arr[i] = start_next
            start_next = None
        if (blank[i] and "\n" in text) or ws == "\n":
            after_break = True
            start_next = 1
        elif after_break:
            after_break = False
            if text in ("-", "•", "*", "–", "—"):
                start_next = -1
        elif prev_text == ":" and "\n" not in prev_ws:
            arr[i] = -1  # "shifted tones: Trump praised Petro" stays one sentence
        run = 0 if arr[i] == 1 else run + 1
        if run >= MAX_SENT_TOKENS and start_next is None:
            arr[i] = 1  # over-long: cut here
            run = 0
        if text[-1:] in SENTENCE_END:
            run = 0
        prev_text, prev_ws = text, ws
    doc.from_array([SENT_START], arr.view("uint64"))


DATELINE_DASHES = {"-", "--", "–", "—"}


def _split_dateline(doc: Doc) -> None:
    """A dateline before the first sentence is not part of it: "date 2024-06-19 Following talks ...",
    "KINSHASA, July 3 (Xinhua) -- The peace ...". The parser otherwise takes the date as the subject."""
    n = min(len(doc), 16)
    words = [doc[i].text for i in range(n)]
    lowers = [w.lower().rstrip(".") for w in words]
    if not any(w.isdigit() or w in MONTHS for w in lowers):
        return
    for i in range(1, n - 1):
        closes = words[i - 1] == ")" or words[i - 1].isdigit()
        if words[i] in DATELINE_DASHES and words[i + 1][:1].isupper() and closes:
            doc[i + 1].is_sent_start = True  # "(Xinhua) -- The", "July 3 - The"
            return
    k = 0
    while k < n and doc[k].is_space:
        k += 1
    if k + 6 < n and lowers[k] == "date" and words[k + 1].isdigit() and words[k + 2] == "-" and words[k + 4] == "-":
        doc[k + 6].is_sent_start = True  # "date 2024-06-19 Following ..."
