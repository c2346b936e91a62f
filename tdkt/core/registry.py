"""Where apps add themselves to the shell: menu entries, home-page sections and the abilities of each role.

An app registers in its AppConfig.ready() (through its own `navigation.py`):

    registry.nav(NavEntry(key="people", label="Cá nhân", url_name="records:people_list", order=30,
                          permission="org.view_people", match=("records:people_list", "records:person_detail")))
    registry.section(HomeSection(key="ledger", order=20, template="records/_home.html", context=home_context))
    registry.ability(Ability(text="Xem hồ sơ thành tích...", links=("people",), roles=LEDGER_READERS))
    registry.panel(Panel(key="unit_eligibility", place="unit", order=10, template="records/_unit_eligibility.html",
                         context=panel_context))

The shell (`web`) renders what is registered and never names an app; a new app adds its screens without
editing it. Nothing here knows an app above `core`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class NavEntry:
    key: str
    label: str
    url_name: str
    order: int
    permission: str | None = None  # rules permission (no object); None = every signed-in user
    staff_only: bool = False
    match: tuple[str, ...] = ()  # "namespace:name" of the pages that highlight this entry (default: url_name)

    def url(self) -> str:
        return reverse(self.url_name)

    def visible_to(self, user) -> bool:
        if user is None or not user.is_authenticated:
            return False
        if self.staff_only and not user.is_staff:
            return False
        return self.permission is None or user.has_perm(self.permission)

    def is_current(self, view_name: str | None) -> bool:
        return bool(view_name) and view_name in (self.match or (self.url_name,))


@dataclass(frozen=True)
class HomeSection:
    key: str
    order: int
    template: str
    context: Callable  # (request) -> dict, or None when the section has nothing for this user


@dataclass(frozen=True)
class Ability:
    """A line of a role's card on the home page: what the role can do today, with links to nav entries."""

    text: str
    roles: frozenset[str]
    links: tuple[str, ...] = ()  # keys of nav entries
    order: int = 0


@dataclass(frozen=True)
class Panel:
    """A block that an upper app adds to a lower app's page (e.g. records' eligibility panel on org's unit page):
    `place` names the page ("unit"), the template reads `data`, what `context(request, obj)` returns (None hides it)."""

    key: str
    place: str
    order: int
    template: str
    context: Callable  # (request, obj) -> dict | None


_NAV: dict[str, NavEntry] = {}
_PANELS: dict[str, Panel] = {}
_SECTIONS: dict[str, HomeSection] = {}
_ABILITIES: list[Ability] = []


def nav(entry: NavEntry) -> None:
    _NAV[entry.key] = entry


def section(entry: HomeSection) -> None:
    _SECTIONS[entry.key] = entry


def ability(entry: Ability) -> None:
    if entry not in _ABILITIES:
        _ABILITIES.append(entry)


def panel(entry: Panel) -> None:
    _PANELS[entry.key] = entry


def panels_for(place: str, request, obj) -> list[tuple[Panel, dict]]:
    """The panels registered for a page with something to show for this request and object, with their contexts."""
    out = []
    for entry in sorted((p for p in _PANELS.values() if p.place == place), key=lambda p: (p.order, p.key)):
        context = entry.context(request, obj)
        if context is not None:
            out.append((entry, context))
    return out


def nav_entries() -> list[NavEntry]:
    return sorted(_NAV.values(), key=lambda e: (e.order, e.key))


def nav_for(user) -> list[NavEntry]:
    """The menu of a user: the entries whose permission the user holds, in order."""
    return [e for e in nav_entries() if e.visible_to(user)]


def current_entry(entries: list[NavEntry], view_name: str | None, path: str) -> NavEntry | None:
    """The entry a page highlights: the one that names the page (`match`), else the one whose address is the
    longest start of the page's address (a person's edit page under /ca-nhan/ highlights "Cá nhân"); the home
    page's "/" only highlights itself."""
    for entry in entries:
        if entry.is_current(view_name):
            return entry
    best, best_url = None, ""
    for entry in entries:
        url = entry.url()
        if url != "/" and path.startswith(url) and len(url) > len(best_url):
            best, best_url = entry, url
    return best


def sections_for(request) -> list[tuple[HomeSection, dict]]:
    """The home-page sections with something to show for this request, with their contexts."""
    out = []
    for entry in sorted(_SECTIONS.values(), key=lambda e: (e.order, e.key)):
        context = entry.context(request)
        if context is not None:
            out.append((entry, context))
    return out


def abilities_for(role: str) -> list[Ability]:
    return sorted((a for a in _ABILITIES if role in a.roles), key=lambda a: a.order)
