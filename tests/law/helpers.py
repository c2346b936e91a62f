"""Law test helpers: a catalogue snapshot built from the shipped file and a payload builder."""

from __future__ import annotations

from tdkt.law import catalogue as cat
from tdkt.law import engine

FILE_CATALOGUE = cat.build(cat.read_file(), source="file")


def payload(award: str, year: int, *, kind: str = "individual", recruited_on: str | None = None, ratings=None, awards=(),
            proposed=(), disciplines=(), initiatives=(), collective=None) -> dict:
    """ratings {year: code}; awards/proposed [(year, code)]; disciplines [(form, start, end)]; initiatives [(year, scope)]."""
    data = {
        "award": award,
        "year": year,
        "subject": {"kind": kind, **({"recruited_on": recruited_on} if recruited_on else {})},
        "history": {
            "ratings": [{"year": y, "rating": r} for y, r in (ratings or {}).items()],
            "awards": [{"year": y, "award": a} for y, a in awards] + [{"year": y, "award": a, "proposed": True} for y, a in proposed],
            "disciplines": [{"form": f, "start": s, "end": e} for f, s, e in disciplines],
            "initiatives": [{"year": y, "scope": s} for y, s in initiatives],
        },
    }
    if collective is not None:
        data["collective"] = collective
    return data


def run(data: dict, catalogue=FILE_CATALOGUE):
    return engine.evaluate(engine.parse_request(data, catalogue=catalogue), catalogue=catalogue)
