"""YAML read with bounded work: anchors and aliases may not blow a small file up.

YAML lets a node be written once (``&a``) and repeated by reference (``*a``); nested, ten
aliases of ten aliases of … make a 1 KB file stand for billions of strings (an "alias bomb").
The parser itself shares the repeated nodes, but anything that walks the data afterwards (turning
``aliases`` into strings, say) pays the full size. :func:`load_yaml` composes the document,
measures the size it stands for with every alias expanded (a few operations per node, whatever the
expansion) and refuses it when that exceeds :data:`EXPANSION_FACTOR` times the text plus
:data:`EXPANSION_SLACK` characters, before anything is built. Recursive aliases and nesting deeper
than the parser can follow are refused the same way: as a :class:`SourceError` naming the file.
"""

from __future__ import annotations

import re
from typing import Any

from graph.errors import SourceError

EXPANSION_FACTOR = 10
"""How many times its own length a YAML text may stand for once its aliases are expanded."""
EXPANSION_SLACK = 10_000
"""Characters of expansion every text is allowed whatever its length."""
MAX_FLOW_DEPTH = 100
"""Deepest nesting of flow collections (``[[[…]]]``): PyYAML's scanner takes time quadratic in it
(1,000 levels: 2 s, 3,000: 3.4 s, and on), while curated data needs a handful."""

_FLOW = re.compile(r"""[\[\]{}#'"]""")
_TOKEN_START = frozenset(" \t\r\n[{,:-?")


def load_yaml(
    content: str,
    where: str,
    *,
    loader: type | None = None,
    what: str = "",
    hint: str = "fix the YAML syntax (indentation, quotes, colons)",
) -> Any:
    """Parse one YAML document with a safe loader and bounded alias expansion.

    Args:
        content: the YAML text.
        where: the file (or file and part) for messages.
        loader: a subclass of ``yaml.SafeLoader`` (default: ``yaml.SafeLoader``).
        what: how messages name the text ("metadata": "metadata is not valid YAML: …").
        hint: what to do about a syntax error.

    Raises:
        SourceError: a syntax error (with its line), aliases that expand past the bound, a recursive
            alias, nesting too deep, or a string that is not valid Unicode.

    Example:
        >>> load_yaml("a: &x [1, 2]\\nb: *x\\n", "f.yaml")
        {'a': [1, 2], 'b': [1, 2]}
        >>> bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\\n" + "".join(
        ...     f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\\n"
        ...     for p, c in zip("abcdefgh", "bcdefghi"))
        >>> try:
        ...     load_yaml(bomb, "bomb.yaml")
        ... except SourceError as err:
        ...     print(err.message)
        YAML aliases (*name) expand this 413-character text past 14130 characters (an alias bomb?)
    """
    import yaml

    if _flow_deeper_than(content, MAX_FLOW_DEPTH):
        raise SourceError(
            f"{what or 'YAML'} nests [ ] or {{ }} more than {MAX_FLOW_DEPTH} deep",
            where=where,
            hint="flatten the nested lists and mappings",
        )
    parser = None
    try:
        parser = (loader or yaml.SafeLoader)(content)  # its reader refuses control characters at once
        node = parser.get_single_node()
        if node is None:
            return None
        limit = EXPANSION_FACTOR * len(content) + EXPANSION_SLACK
        size = _expanded_size(node, limit, where)
        if size > limit:
            raise SourceError(
                f"YAML aliases (*name) expand this {len(content)}-character text past {limit} characters"
                " (an alias bomb?)",
                where=where,
                hint="write the repeated values out, or use fewer nested anchors (&name)",
            )
        try:
            data = parser.construct_document(node)
        except (ValueError, TypeError, OverflowError) as exc:  # a date like 2026-99-99, an explicit !!tag
            raise SourceError(
                f"{what or 'YAML'} holds a value that cannot be read: {exc}",
                where=where,
                hint="quote the value, or write a valid date (YYYY-MM-DD)",
            ) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        message = f"{what} is not valid YAML" if what else "not valid YAML"
        raise SourceError(f"{message}: {problem}", where=f"{where}{line}", hint=hint) from exc
    except RecursionError:
        raise SourceError(
            f"{what or 'YAML'} is nested too deeply to read", where=where, hint="flatten the nested lists and mappings"
        ) from None
    finally:
        if parser is not None:
            parser.dispose()
    check_unicode(data, where)
    return data


def _flow_deeper_than(content: str, limit: int) -> bool:
    """Whether ``[``/``{`` nest deeper than ``limit`` outside quoted scalars and comments (an estimate
    that never reads a plain scalar's quote, as in ``O'Brien``, as the start of a quoted one)."""
    if content.count("[") + content.count("{") <= limit:
        return False
    depth = 0
    pos = 0
    while (m := _FLOW.search(content, pos)) is not None:
        ch, at = m.group(), m.start()
        pos = at + 1
        before = content[at - 1] if at else "\n"
        if ch in "[{":
            depth += 1
            if depth > limit:
                return True
        elif ch in "]}":
            depth = max(0, depth - 1)
        elif before not in _TOKEN_START:
            continue
        elif ch == "#":
            end = content.find("\n", pos)
            pos = len(content) if end < 0 else end
        elif ch == "'":
            while (end := content.find("'", pos)) >= 0 and content.startswith("''", end):
                pos = end + 2
            pos = len(content) if end < 0 else end + 1
        else:
            while (end := content.find('"', pos)) >= 0 and _escaped(content, end):
                pos = end + 1
            pos = len(content) if end < 0 else end + 1
    return False


def _escaped(content: str, at: int) -> bool:
    """Whether the character at ``at`` follows an odd number of backslashes."""
    n = 0
    while at - n - 1 >= 0 and content[at - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def _expanded_size(root: Any, limit: int, where: str) -> int:
    """Characters and nodes ``root`` stands for with aliases expanded (stops early past ``limit``).

    Each distinct node is measured once (aliases are the same node object), iteratively, so the
    cost is linear in the number of nodes written, not in the expansion."""
    import yaml

    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            if isinstance(node, yaml.ScalarNode):
                total = 1 + len(node.value)
            elif isinstance(node, yaml.MappingNode):
                total = 1 + sum(sizes[id(k)] + sizes[id(v)] for k, v in node.value)
            else:
                total = 1 + sum(sizes[id(c)] for c in node.value)
            sizes[key] = min(total, limit + 1)
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise SourceError(
                "a YAML alias refers to a node that contains it (a recursive alias)",
                where=where,
                hint="remove the alias (*name) from inside its own anchor (&name)",
            )
        on_path.add(key)
        stack.append((node, True))
        if isinstance(node, yaml.MappingNode):
            children = [c for pair in node.value for c in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        else:
            children = []
        for child in reversed(children):
            if id(child) in on_path:
                raise SourceError(
                    "a YAML alias refers to a node that contains it (a recursive alias)",
                    where=where,
                    hint="remove the alias (*name) from inside its own anchor (&name)",
                )
            if id(child) not in sizes:
                stack.append((child, False))
    return sizes[id(root)]


def check_unicode(data: Any, where: str) -> None:
    """Refuse strings that cannot be written as UTF-8 (lone surrogates from ``\\ud800`` escapes).

    Walks the data once; call it only on data whose expanded size is bounded."""
    stack = [data]
    seen: set[int] = set()
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise SourceError(
                    f"a string holds a lone surrogate (\\u{ord(item[exc.start]):04x}), which is not a character",
                    where=where,
                    hint="write the character itself, or a pair of \\u escapes that make one",
                ) from None
        elif isinstance(item, dict | list | tuple | set | frozenset):
            if id(item) in seen:
                continue
            seen.add(id(item))
            if isinstance(item, dict):
                stack.extend(item.keys())
                stack.extend(item.values())
            else:
                stack.extend(item)
