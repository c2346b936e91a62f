"""The apps of `tdkt/` in their allowed import order, written once (docs/architecture.md explains it).

An app may import the apps of the layers below its own, never one of its own layer (other than itself) or
above. `tests/test_architecture.py` reads the imports of every module under `tdkt/` and fails on a
back-import. The project modules at the top of the package (settings, urls, cli, wsgi) may import anything.
"""

LAYERS: tuple[tuple[str, ...], ...] = (
    ("core",),  # shared kernel: audit, workflow kernel, registry, tabular import, Vietnamese text, system actor
    ("accounts",),  # users, roles and role sets, scoping by subtree and by relation (units known by their path)
    ("org", "law"),  # units, people, councils | the legal catalogue and the eligibility engine
    ("records",),  # the achievement ledger, the one request builder into the engine, the people screens
    ("documents",),  # .docx templates (NĐ 30/2020) and their rendering, PDF conversion, certificates
    ("reports", "web"),  # the batch eligibility run | the shell (base layout, home page, navigation)
    ("nominations",),  # commendation rounds, nomination dossiers and their workflow (reads the batch run's suggestions)
    ("council",),  # council sessions, agendas, ballots (secret by default) and their tallies
    ("decisions",),  # forwarding dossiers upward and the exchange package (the council's layer goes below it: issue 14)
    ("movements",),  # emulation movements, criteria, registrations (issue 15)
    ("plans",),  # the year's TĐKT plan, key tasks, council programme, its document (issue 15)
    ("demo",),  # the demo data generator: nothing imports it
)

PROJECT_MODULES = ("__init__", "settings", "urls", "cli", "wsgi", "asgi", "architecture")


def layer_of(app: str) -> int:
    for index, apps in enumerate(LAYERS):
        if app in apps:
            return index
    raise KeyError(app)


def may_import(app: str, other: str) -> bool:
    """Whether a module of `app` may import a module of `other`."""
    return app == other or layer_of(other) < layer_of(app)
