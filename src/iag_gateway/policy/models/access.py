"""Describe ``access.yaml``: what each role may do, and the rules a refusal cites."""

from __future__ import annotations

from pydantic import Field

from iag_gateway.policy.models.rule import Rule, Strict


class RoleGrant(Strict):
    description: str = ""
    chat: bool = False
    template_domains: list[str] = []  # "*" means every domain
    template_ids: list[str] = []
    models: list[str] = []  # aliases, or "*" for every approved model
    read_audit: bool = False
    read_dashboard: bool = False  # the directorate's figures (/tableau-de-bord), not the records
    #: Holders may create their own API keys (« Mes clés ») for their scripts.
    self_service_keys: bool = False
    # Template governance (art. 2.1, 5.1): domains whose templates this role may submit
    # (a referent), and domains whose submissions it may approve or reject (the directorate).
    template_submit_domains: list[str] = []
    template_approve_domains: list[str] = []


class AccessRules(Strict):
    chat: Rule
    template: Rule
    model: Rule
    audit_read: Rule
    dashboard_read: Rule
    template_admin: Rule


class AccessFile(Strict):
    rules: AccessRules
    roles: dict[str, RoleGrant] = Field(min_length=1)
