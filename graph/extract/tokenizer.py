"""spaCy's tokenizer bounded to time linear in the text, and the hyphen split after abbreviations."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from graph.extract.nlp import Doc, Language

# Bounds that keep the work per character constant on any text (see BoundedTokenizer):
LONG_RUN = 256  # a stretch of this many characters with no whitespace is not prose: cut into pieces
PIECE_CHARS = 64  # the pieces of such a stretch, and of a run of one repeated symbol, are tokens of this size
REPEAT_RUN = 5  # a symbol repeated this many times in a row ("!!!!!", "-----") is one token per piece
SYMBOL_RUN = 32  # so is a stretch of this many symbols with no letter or digit ("! ! ! ! …", spaced emoji)


def _split_hyphens(nlp: Language) -> None:
    """Split "U.S.-Latin" and "U.S.-led" at the hyphen, as spaCy already does for "Colombia-U.S."."""
    from spacy.util import compile_infix_regex

    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Z]\.)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


# what BoundedTokenizer cuts into pieces: a stretch with no whitespace too long to be prose; a stretch of
# symbols (punctuation, emoji, marks) with at most single spaces between them and no letter, digit or line
# break; a run of one repeated symbol. Linear to search: the look-behind lets the first branch start only
# where a stretch starts, and the others fail within a few characters where they do not match.
_ODD_RUN = re.compile(
    rf"(?<!\S)\S{{{LONG_RUN + 1},}}|(?:[^\w\s][^\S\n]?){{{SYMBOL_RUN},}}|([^\w\s])\1{{{REPEAT_RUN - 1},}}"
)


class BoundedTokenizer:
    """spaCy's tokenizer, in time linear in the text whatever it holds.

    spaCy strips prefixes and suffixes one character at a time, searching the rest of the string again at
    each step, so a long run of "!" or of emoji costs time quadratic in its length (16 KB of "!": 70 s).
    Text with no such run goes to spaCy's tokenizer unchanged. Otherwise the text between the runs does,
    and each run becomes tokens of at most :data:`PIECE_CHARS` characters: a run of one repeated symbol
    (:data:`REPEAT_RUN` or more, "!!!!!", "-----"), a stretch of :data:`SYMBOL_RUN` or more symbols with
    no letter or digit (spaced punctuation or emoji: one token a byte would cost 5 times the time of news
    per KB in every later stage), and any stretch of more than :data:`LONG_RUN` characters with no
    whitespace (emoji, combining marks, a 1 MB "word"). The doc's text is still exactly the input.
    """

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.vocab = inner.vocab

    def __getattr__(self, name: str) -> Any:  # rules, prefix_search, ... of the wrapped tokenizer
        return getattr(self.__dict__["inner"], name)

    def __call__(self, text: str) -> Doc:
        if _ODD_RUN.search(text) is None:
            return self.inner(text)
        from spacy.tokens import Doc as SpacyDoc

        docs = []
        pos = 0
        for m in _ODD_RUN.finditer(text):
            start, end = m.span()
            end = start + len(m.group().rstrip())  # a stretch of symbols may end with a space
            if start > pos:
                docs.append(self.inner(text[pos:start]))
            words = [text[i : min(i + PIECE_CHARS, end)] for i in range(start, end, PIECE_CHARS)]
            spaces = [False] * len(words)
            if text[end : end + 1] == " ":  # one space after a token is its whitespace, as spaCy has it
                spaces[-1] = True
                end += 1
            docs.append(SpacyDoc(self.vocab, words=words, spaces=spaces))
            pos = end
        if pos < len(text):
            docs.append(self.inner(text[pos:]))
        return SpacyDoc.from_docs(docs, ensure_whitespace=False)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def to_bytes(self, **kwargs: Any) -> bytes:
        return bytes(self.inner.to_bytes(**kwargs))

    def from_bytes(self, data: bytes, **kwargs: Any) -> BoundedTokenizer:
        self.inner.from_bytes(data, **kwargs)
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        self.inner.to_disk(path, **kwargs)

    def from_disk(self, path: Any, **kwargs: Any) -> BoundedTokenizer:
        self.inner.from_disk(path, **kwargs)
        return self
