"""The long-lived services one gateway instance holds, built once by ``create_app``."""

from __future__ import annotations

from dataclasses import dataclass, field

from iag_gateway.audit.heads import HeadSigner
from iag_gateway.audit.store import AuditStore
from iag_gateway.identity.keys import KeyStore
from iag_gateway.identity.oidc_client import OidcClient
from iag_gateway.metrics import Metrics
from iag_gateway.pii.engine import PiiEngine
from iag_gateway.policy.loader import PolicyHolder
from iag_gateway.policy.quotas import QuotaEnforcer
from iag_gateway.policy.token_meter import TokenMeter
from iag_gateway.projects.store import ProjectStore
from iag_gateway.prompts.library import TemplateLibrary
from iag_gateway.providers.router import ProviderRouter
from iag_gateway.settings import Settings
from iag_gateway.telemetry import Telemetry
from iag_gateway.usage.gate import UsageGate


@dataclass
class Services:
    settings: Settings
    keys: KeyStore
    audit: AuditStore
    policies: PolicyHolder
    quotas: QuotaEnforcer
    pii: PiiEngine
    templates: TemplateLibrary
    router: ProviderRouter
    telemetry: Telemetry
    usage: UsageGate  # usage-intent classifier (+ guard model), charter art. 5
    projects: ProjectStore
    # Signs the trail's head (None: no signing key configured).
    heads: HeadSigner | None = None
    metrics: Metrics = field(default_factory=Metrics)
    # The institutional sign-in (OpenID Connect), when configured.
    oidc: OidcClient | None = None
    # Tokens of finished calls, charged to the quotas off the request path (built from ``quotas``).
    meter: TokenMeter = field(init=False)

    def __post_init__(self) -> None:
        self.meter = TokenMeter(self.quotas)
