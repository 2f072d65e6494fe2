"""The conversions every lookup result shares: Record (dicts, flat records) and ResultList (tables, data frames)."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from typing import Any, TypeVar

T = TypeVar("T")


class Record:
    """Mixin of the result dataclasses: conversions to dicts and flat records."""

    def to_dict(self) -> dict[str, Any]:
        """Nested, JSON-ready: dates as ISO strings, actors as ``{"iri", "label"}``."""
        return {f.name: _nested(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]

    def to_record(self) -> dict[str, Any]:
        """Flat: one plain value per field (actors by label, lists joined with ``"; "``)."""
        return {f.name: _flat(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]


def _nested(value: object) -> object:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [_nested(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _flat(value: object) -> object:
    if isinstance(value, tuple | list):
        return "; ".join(str(_flat(v)) for v in value if v is not None)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Record):
        return str(value)
    return value


class ResultList(list[T]):
    """A list of result records, with conversions for tables and data frames."""

    def to_records(self) -> list[dict[str, Any]]:
        """Flat dicts, one per row (see :meth:`Record.to_record`)."""
        return [r.to_record() if isinstance(r, Record) else dict(r) for r in self]  # type: ignore[call-overload]

    def to_dicts(self) -> list[dict[str, Any]]:
        """Nested, JSON-ready dicts, one per row."""
        return [r.to_dict() if isinstance(r, Record) else dict(r) for r in self]  # type: ignore[call-overload]

    def to_dataframe(self) -> Any:
        """A ``pandas.DataFrame`` of the flat records (dates stay ``datetime.date``).

        Raises:
            ImportError: pandas is not installed (it is optional: ``pip install pandas``).
        """
        try:
            import pandas as pd
        except ImportError as exc:
            raise ImportError("to_dataframe() needs pandas, an optional dependency: pip install pandas") from exc
        rows = [
            {k: (getattr(r, k) if isinstance(getattr(r, k, None), dt.date) else v) for k, v in rec.items()}
            for r, rec in zip(self, self.to_records(), strict=True)
        ]
        return pd.DataFrame(rows)
