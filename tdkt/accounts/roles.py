"""Roles and the role sets, written once: every app's permission rules and the home page read them here.

A role is held over a unit (and, unless a rule says "this unit only", everything under it) for a period:
`RoleAssignment`. Two roles are not assigned by hand: COUNCIL_MEMBER and COUNCIL_SECRETARY are derived from
the membership of an Emulation and Commendation Council (`org.CouncilMember` linked to an account, through
`org.services.council_member_add`), so that "who sits on the council" and "who has the council's role" are
one fact; the council's own rules (who may vote) read the membership itself.
"""

from django.db import models


class Role(models.TextChoices):
    ADMIN = "admin", "Quản trị hệ thống"
    UNIT_OFFICER = "unit_officer", "Cán bộ TĐKT đơn vị"
    APPRAISER = "appraiser", "Chuyên viên thẩm định (cơ quan thường trực)"
    OFFICE_HEAD = "office_head", "Lãnh đạo cơ quan thường trực"
    COUNCIL_MEMBER = "council_member", "Thành viên Hội đồng TĐKT"
    COUNCIL_SECRETARY = "council_secretary", "Thư ký Hội đồng TĐKT"
    SIGNER = "signer", "Người ký quyết định (Chủ tịch)"
    CLUSTER_HEAD = "cluster_head", "Trưởng cụm, khối thi đua"
    PORTAL_EDITOR = "portal_editor", "Biên tập cổng thông tin"
    AGENCY = "agency", "Cơ quan được lấy ý kiến (hiệp y)"


ALL = frozenset(Role.values)
# Derived from council membership (org.CouncilMember), never assigned directly.
COUNCIL_ROLES = frozenset({Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY})
ASSIGNABLE = ALL - COUNCIL_ROLES
# Read units, people and their achievement ledgers in their subtrees (and run batch eligibility over them).
LEDGER_READERS = frozenset({Role.ADMIN, Role.UNIT_OFFICER, Role.APPRAISER, Role.OFFICE_HEAD, Role.COUNCIL_SECRETARY,
                            Role.SIGNER})
# Add and change people and their ledgers, import past history.
LEDGER_EDITORS = frozenset({Role.ADMIN, Role.UNIT_OFFICER})
# The agencies asked for an opinion on nominees (hiệp y: the police, tax, social insurance, inspection...), held
# over the agency's own unit with the "this unit only" relation (`scoping.addressed_to_q`): they see the requests
# addressed to that unit and nothing else — no ledger, no dossier, not the unit tree.
AGENCIES = frozenset({Role.AGENCY})
# Read the unit tree (organisation, no personal data): every role but the agencies'.
UNIT_READERS = ALL - AGENCIES
# The signing authority of a level (Chủ tịch): signs its decisions, sees its council's sessions.
SIGNERS = frozenset({Role.SIGNER})
# The standing office (Phòng/Sở Nội vụ): open commendation rounds, receive and appraise the dossiers of its level.
OFFICE = frozenset({Role.ADMIN, Role.APPRAISER, Role.OFFICE_HEAD})
# Manage units, role assignments and the legal catalogue.
ADMINS = frozenset({Role.ADMIN})
