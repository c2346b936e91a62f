"""The reasons of a stored result, each said once: what the batch run's list and spreadsheet show beside a title.

A discipline restarts every chain and every period the title counts, so the engine's chain check and its
initiative check both end with the same note ("; kỷ luật Khiển trách đến 28/02/2026: chỉ tính thành tích từ năm
2027"). Each check is right to say it on the person's page, where the checks are listed one by one; in a line of
reasons the note is taken out of every message and said once, after them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from tdkt.law.messages import render

RESTART = "note.restart"
SHOWN = ("fail", "cannot_judge")  # a result's reasons: its failing checks, then the ones the system cannot judge


def _restart_notes(args: Any) -> list[Mapping]:
    """The restart notes nested anywhere in a stored check's arguments ({"id": "note.restart", "args": {...}})."""
    if isinstance(args, Mapping):
        if args.get("id") == RESTART and isinstance(args.get("args"), Mapping):
            return [args["args"]]
        return [note for value in args.values() for note in _restart_notes(value)]
    if isinstance(args, list | tuple):
        return [note for value in args for note in _restart_notes(value)]
    return []


def _sentence(note: str) -> str:
    note = note.strip().removeprefix(";").strip()
    return note[:1].upper() + note[1:]


def check_messages(checks: Iterable[Mapping]) -> list[str]:
    """The messages of the failing, then the unjudgeable checks of a stored result, each once, with the
    discipline's restart note taken out of them and added once at the end."""
    checks = list(checks)
    messages: dict[str, None] = {}
    notes: dict[str, None] = {}
    for result in SHOWN:
        for check in checks:
            if check.get("result") != result:
                continue
            text = check.get("message", "")
            for args in _restart_notes(check.get("args", {})):
                try:
                    note = render(RESTART, args)
                except (KeyError, TypeError, ValueError):  # a note stored in another shape: leave the text whole
                    continue
                if note and note in text:
                    text = text.replace(note, "")
                    notes[_sentence(note)] = None
            messages[text] = None
    return [*messages, *notes]
