"""The numbers of the plan's sections, generated from their order (never typed): I., II. for sections; 1., 2. under
them; 1.1., 1.2. under those; a), b) under those. `outline(sections)` walks the tree in reading order."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_DEPTH = 4  # section, subsection, item, point
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
          (5, "V"), (4, "IV"), (1, "I"))
_LETTERS = "abcdđeghiklmnopqrstuvxy"  # the Vietnamese alphabet's points: a) b) c) d) đ) e) …


def roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def roman_value(text: str) -> int | None:
    """The value of a Roman numeral ("III" → 3), None if it is not one written the usual way."""
    text = text.upper()
    if not text or any(c not in "IVXLCDM" for c in text):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, c in enumerate(text):
        v = values[c]
        total += -v if i + 1 < len(text) and values[text[i + 1]] > v else v
    return total if roman(total) == text else None


def letter(n: int) -> str:
    return _LETTERS[n - 1] if n <= len(_LETTERS) else f"{_LETTERS[-1]}{n - len(_LETTERS)}"


def label(path: tuple[int, ...]) -> str:
    """The printed number of the section at `path` (1-based places from the top): (3,) → "III.", (3, 1) → "1.",
    (3, 1, 2) → "1.2.", (3, 1, 2, 1) → "a)"."""
    depth = len(path)
    if depth == 1:
        return f"{roman(path[0])}."
    if depth == 2:
        return f"{path[1]}."
    if depth == 3:
        return f"{path[1]}.{path[2]}."
    return f"{letter(path[-1])})"


@dataclass
class Node:
    section: object
    path: tuple[int, ...]
    children: list[Node] = field(default_factory=list)

    @property
    def label(self) -> str:
        return label(self.path)

    @property
    def depth(self) -> int:
        return len(self.path) - 1


def tree(sections) -> list[Node]:
    """The sections (of one plan) nested and numbered: siblings by (position, id)."""
    by_parent: dict[int | None, list] = {}
    for s in sections:
        by_parent.setdefault(s.parent_id, []).append(s)
    for items in by_parent.values():
        items.sort(key=lambda s: (s.position, s.pk or 0))

    def build(parent_id, prefix):
        nodes = []
        for i, s in enumerate(by_parent.get(parent_id, []), 1):
            node = Node(s, (*prefix, i))
            if len(node.path) < MAX_DEPTH + 1:
                node.children = build(s.pk, node.path)
            nodes.append(node)
        return nodes

    return build(None, ())


def outline(sections) -> list[Node]:
    """Every node of the tree in reading order (a section before its children)."""
    out: list[Node] = []

    def walk(nodes):
        for n in nodes:
            out.append(n)
            walk(n.children)

    walk(tree(sections))
    return out
