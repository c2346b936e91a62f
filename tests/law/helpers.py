"""Law test helpers: a catalogue snapshot built from the shipped file and a payload builder."""

from __future__ import annotations

from tdkt.law import catalogue as cat
from tdkt.law import engine

FILE_CATALOGUE = cat.build(cat.read_file(), source="file")


def payload(award: str, year: int, *, kind: str = "individual", recruited_on: str | None = None, ratings=None, awards=(),
            proposed=(), disciplines=(), initiatives=(), collective=None, service_start: str | None = None, work_years=(),
            period: tuple[int, int] | None = None) -> dict:
    """ratings {year: code}; awards/proposed [(year, code)]; disciplines [(form, start, end)]; initiatives [(year, scope)] or
    [(year, scope, used_for_award, used_for_year)]; work_years [{"year": …, "days_off": …, …}] as in the JSON; period (from, to)."""
    def initiative(item) -> dict:
        out = {"year": item[0], "scope": item[1]}
        if len(item) > 2:
            out["used_for"] = {"award": item[2], "year": item[3]}
        return out

    data = {
        "award": award,
        "year": year,
        "subject": {"kind": kind, **({"recruited_on": recruited_on} if recruited_on else {}),
                    **({"service_start": service_start} if service_start else {})},
        "history": {
            "ratings": [{"year": y, "rating": r} for y, r in (ratings or {}).items()],
            "awards": [{"year": y, "award": a} for y, a in awards] + [{"year": y, "award": a, "proposed": True} for y, a in proposed],
            "disciplines": [{"form": f, "start": s, "end": e} for f, s, e in disciplines],
            "initiatives": [initiative(i) for i in initiatives],
            "work_years": list(work_years),
        },
    }
    if period is not None:
        data["period"] = {"from": period[0], "to": period[1]}
    if collective is not None:
        data["collective"] = collective
    return data


def run(data: dict, catalogue=FILE_CATALOGUE):
    return engine.evaluate(engine.parse_request(data, catalogue=catalogue), catalogue=catalogue)
