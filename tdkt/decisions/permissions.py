"""Who may forward and exchange dossiers (rules predicates, used by the services and the screens).

- decisions.forward_dossier (dossier)   the standing office of the dossier's level (sends its nominees upward)
- decisions.export_dossier (dossier)    the same office (the package for a higher level using another installation)
- decisions.import_package (round)      the standing office of the round's level, while the round is open
- decisions.import_packages ()          an office somewhere (the API's import endpoint, before the round is read)
"""

import rules

from tdkt.accounts import roles, scoping
from tdkt.nominations.permissions import can_appraise, can_open_round


def can_import(user, round_) -> bool:
    return round_ is not None and round_.status == "open" and can_open_round(user, round_.office_unit)


rules.add_perm("decisions.forward_dossier", rules.predicate(lambda user, dossier=None: can_appraise(user, dossier)))
rules.add_perm("decisions.export_dossier", rules.predicate(lambda user, dossier=None: can_appraise(user, dossier)))
rules.add_perm("decisions.import_package", rules.predicate(lambda user, round_=None: can_import(user, round_)))
rules.add_perm("decisions.import_packages", rules.predicate(lambda user, obj=None: scoping.may(user, roles.OFFICE)))
