"""What a caller's roles open, as ``policies/access.yaml`` grants them.

Pure queries over the policy's role grants: models (charter art. 4.5, 10.1), uses and
templates (5.1), the audit journal (8.3), the directorate's dashboard (2.1, 10.3), template
submission and approval (2.1, 5.1); used by ``decide`` and by the pages that show or hide
what a role may reach. An unknown role name grants nothing.
"""

from __future__ import annotations

from iag_gateway.policy.models import PolicySet, RoleGrant


def role_grants(policy: PolicySet, roles: frozenset[str]) -> list[RoleGrant]:
    """The grants of the caller's roles, in role-name order; unknown role names grant nothing."""
    return [policy.access.roles[r] for r in sorted(roles) if r in policy.access.roles]


def role_allows_model(policy: PolicySet, roles: frozenset[str], alias: str) -> bool:
    """Whether one of the roles opens this model (``"*"`` opens every listed model)."""
    return any(alias in g.models or "*" in g.models for g in role_grants(policy, roles))


def can_read_audit(policy: PolicySet, roles: frozenset[str]) -> bool:
    """Whether one of the roles may read audit records (article 8.3)."""
    return any(grant.read_audit for grant in role_grants(policy, roles))


def can_read_dashboard(policy: PolicySet, roles: frozenset[str]) -> bool:
    """Whether one of the roles may read the directorate's dashboard (articles 2.1, 10.3)."""
    return any(grant.read_dashboard for grant in role_grants(policy, roles))


def template_submit_domains(policy: PolicySet, roles: frozenset[str]) -> frozenset[str]:
    """Domains whose templates one of the roles may submit as new versions (``"*"``: all)."""
    return frozenset(d for g in role_grants(policy, roles) for d in g.template_submit_domains)


def template_approve_domains(policy: PolicySet, roles: frozenset[str]) -> frozenset[str]:
    """Domains whose submitted template versions one of the roles may approve or reject."""
    return frozenset(d for g in role_grants(policy, roles) for d in g.template_approve_domains)


def covers(domains: frozenset[str], domain: str) -> bool:
    """Whether a set of granted domains includes ``domain`` (``"*"`` includes every domain)."""
    return "*" in domains or domain in domains
