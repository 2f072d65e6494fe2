"""The prefilter: a pipeline that parses only the sentences that can hold an event."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from graph.extract.nlp import Doc, Language, Span, is_trained, token_columns

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
