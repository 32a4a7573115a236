"""The object that flows through the request path, one per call."""

from __future__ import annotations

import re
import time
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from iag_gateway.errors import GatewayError
    from iag_gateway.identity.keys import Identity
    from iag_gateway.pii.pseudonymizer import Pseudonymizer
    from iag_gateway.policy.engine import Decision
    from iag_gateway.policy.loader import LoadedPolicy
    from iag_gateway.prompts.models import PromptTemplate
    from iag_gateway.usage.verdict import UsageVerdict


#: The shape of the request ids ``new_request_id`` issues.
REQUEST_ID = re.compile(r"req_[0-9a-f]{32}")


def new_request_id() -> str:
    """Return a fresh, unguessable request id."""
    return "req_" + uuid.uuid4().hex


@dataclass
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


@dataclass
class Exchange:
    """One call's state. Stages read it and fill it in; they never call each other.

    Personal data lives only in ``pseudonymizer`` (in memory, for this call); every
    other text field holds pseudonymised text.
    """

    route: str  # "chat" | "template"
    token: str | None = None
    body: bytes = b""
    template_id: str | None = None
    declared_data_class: str | None = None
    request_id: str = field(default_factory=new_request_id)
    started: float = field(default_factory=time.perf_counter)

    # receive
    model: str = ""
    requested_model: str = ""  # as the caller asked, before the charter's routing
    stream: bool = False
    messages: list[dict[str, Any]] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    include_usage: bool = False  # stream_options.include_usage: send the usage chunk
    json_mode: bool = False  # response_format json_object/json_schema: the answer must stay JSON
    dropped_params: list[str] = field(default_factory=list)  # accepted, not forwarded (named in iag)
    template: PromptTemplate | None = None
    inputs: dict[str, Any] = field(default_factory=dict)

    # authenticate / redact / authorize
    identity: Identity | None = None
    pseudonymizer: Pseudonymizer | None = None
    pii_counts: dict[str, int] = field(default_factory=dict)
    decision: Decision | None = None
    usage_verdict: UsageVerdict | None = None  # what the usage classifier read (charter art. 5)
    policy: LoadedPolicy | None = None  # one snapshot for the whole call, whatever reloads

    # invoke / scan / restore
    provider_model: str | None = None
    provider_kind: str | None = None
    answer: str = ""  # pseudonymised answer as the provider sent it (after scan masking)
    restored_answer: str = ""
    finish_reason: str | None = None
    tool_calls: list[dict[str, Any]] | None = None
    response_pii_counts: dict[str, int] = field(default_factory=dict)
    usage: Usage = field(default_factory=Usage)
    upstream_id: str | None = None
    replaced_characters: int = 0  # unencodable characters of the answer replaced by U+FFFD

    # outcome
    error: GatewayError | None = None
    outcome: str = "ok"
    status_code: int = 200
    recorded: bool = False

    @property
    def elapsed_ms(self) -> float:
        return (time.perf_counter() - self.started) * 1000.0

    @property
    def policy_version(self) -> str | None:
        return self.policy.version if self.policy else None

    @property
    def policy_digest(self) -> str | None:
        return self.policy.digest if self.policy else None

    @property
    def roles(self) -> list[str]:
        return sorted(self.identity.roles) if self.identity else []

    def fail(self, error: GatewayError) -> None:
        """Remember why the call ended early; the record stage writes it."""
        self.error = error
        self.outcome = error.outcome
        self.status_code = error.status
