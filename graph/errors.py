"""The GraphError family: every failure the library reports.

Library code raises these (chained with ``from``) and never prints or exits; the CLI maps
each class to an exit code (:data:`graph.cli.exits`) and prints :meth:`GraphError.describe`.
A message says what went wrong, where (file, line, record) and what to do about it.
"""

from __future__ import annotations


class GraphError(Exception):
    """Base class of every error diplograph raises on purpose.

    Args:
        message: what went wrong, in one sentence.
        where: the input concerned (file, file:line, record id, store path), if any.
        hint: what the user can do about it, if anything.

    Example:
        >>> err = SourceError("not valid YAML", where="facts.yaml:3", hint="fix the indentation")
        >>> err.describe()
        'facts.yaml:3: not valid YAML. Fix the indentation.'
    """

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint

    def describe(self) -> str:
        """One paragraph for a human: where, what, and what to do."""
        text = self.message.rstrip(".") + "."
        if self.where:
            text = f"{self.where}: {text}"
        if self.hint:
            hint = self.hint.rstrip(".")
            text += f" {hint[:1].upper()}{hint[1:]}."
        return text

    def __str__(self) -> str:
        return self.describe()


class ConfigError(GraphError):
    """A setting or option has a value that cannot be used."""


class OntologyError(GraphError):
    """The ontology, shapes or SKOS schemes cannot be found or read."""


class SourceError(GraphError):
    """An input file or record cannot be read (format, encoding, size, missing field)."""


class ExtractionError(GraphError):
    """Text could not be turned into an extraction."""


class MappingError(GraphError):
    """Model objects cannot be turned into triples (unknown actor, event type or modality)."""


class StoreError(GraphError):
    """The store cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """The on-disk store is held by another process (another ingest, or ``serve``)."""


class QueryError(GraphError):
    """A SPARQL query or a named query's parameters are invalid."""


class ValidationFailed(GraphError):
    """Data did not pass validation (SHACL, or a strict ingest that skipped records).

    Attributes:
        report: the validation report or ingest report that failed, for callers to render.
    """

    def __init__(
        self, message: str, *, report: object = None, where: str | None = None, hint: str | None = None
    ) -> None:
        super().__init__(message, where=where, hint=hint)
        self.report = report
