"""The gateway's error tree: one place that says how every failure is reported.

Each class knows its HTTP status, its OpenAI error ``type`` and ``code``, the
CLI exit code, and the ``outcome`` written in the audit record. Foreign
exceptions (litellm, Presidio, Jinja2, SQLAlchemy) are translated into these at
the adapter that imports the library, with ``raise ... from exc``.

    GatewayError                      500 api_error        outcome=error
    ├── BadRequest                    400 invalid_request_error
    │   ├── MalformedJson             400
    │   ├── InvalidField              400 (names the field)
    │   └── VersionConflict           409 (template version exists or was decided)
    ├── PayloadTooLarge               413
    ├── AuthenticationFailed          401 authentication_error
    ├── PermissionDenied              403 permission_error  outcome=denied
    │   ├── PolicyDenied              403 (cites charter articles)
    │   └── TrainingRequired          403
    ├── NotFound                      404
    │   ├── ModelNotFound             404
    │   └── TemplateNotFound          404
    ├── InputInvalid                  422 (one entry per bad field)
    ├── RateLimited                   429 (Retry-After)         outcome=denied
    ├── UpstreamRejected              4xx as the provider said (its message, code, param)
    ├── UpstreamError                 502 upstream_error        outcome=failed
    │   ├── UpstreamRateLimited       429 (Retry-After)
    │   └── UpstreamTimeout           504
    ├── ServiceUnavailable            503 (Retry-After)         outcome=failed
    │   ├── AuditUnavailable          503 (fail closed: provider not called)
    │   ├── PiiAnalysisFailed         503 (fail closed: nothing forwarded)
    │   └── PiiEngineBusy             503 (no analysis thread free in time)
    ├── AuditInconsistent             500 (the trail does not give its signed head; CLI exit 1
    │                                     as `audit verify`)
    └── ConfigError                   (startup only: file, line, field)
        ├── PolicyConfigError
        ├── TemplateConfigError
        └── UsageModelError       (the usage-intent model is missing or unreadable)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Literal, get_args


class GatewayError(Exception):
    """Base of every error the gateway raises on purpose."""

    status: ClassVar[int] = 500
    error_type: ClassVar[str] = "api_error"
    code: ClassVar[str] = "internal_error"
    exit_code: ClassVar[int] = 1
    outcome: ClassVar[str] = "error"

    def __init__(self, message: str, *, param: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.param = param

    def headers(self) -> dict[str, str]:
        """Extra HTTP headers this error must carry."""
        return {}

    def body(self) -> dict[str, Any]:
        """Serialise as an OpenAI-style error body."""
        error: dict[str, Any] = {"message": self.message, "type": self.error_type, "code": self.code}
        if self.param is not None:
            error["param"] = self.param
        return {"error": error}


class BadRequest(GatewayError):
    status = 400
    error_type = "invalid_request_error"
    code = "invalid_request"
    exit_code = 2
    outcome = "rejected"


class MalformedJson(BadRequest):
    code = "malformed_json"


class InvalidField(BadRequest):
    code = "invalid_field"

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"Champ « {field} » invalide : {message}", param=field)
        self.field = field


class VersionConflict(BadRequest):
    """A template version that already exists, or a decision on a version no longer submitted."""

    status = 409
    code = "version_conflict"


class PayloadTooLarge(GatewayError):
    status = 413
    error_type = "invalid_request_error"
    code = "payload_too_large"
    exit_code = 2
    outcome = "rejected"


class AuthenticationFailed(GatewayError):
    status = 401
    error_type = "authentication_error"
    code = "invalid_api_key"
    exit_code = 3
    outcome = "unauthenticated"


class PermissionDenied(GatewayError):
    status = 403
    error_type = "permission_error"
    code = "permission_denied"
    exit_code = 3
    outcome = "denied"


#: What a fired rule did to a call; every one has a French label (``web/console_labels.EFFECT_LABELS``).
Effect = Literal["deny", "flag", "raise", "strip", "cap", "review", "label", "reroute", "block", "mask"]
EFFECTS: frozenset[str] = frozenset(get_args(Effect))


@dataclass(frozen=True)
class FiredRule:
    """A policy rule that contributed to a decision, with the charter articles it cites."""

    rule_id: str
    articles: tuple[str, ...]
    effect: Effect
    message: str = ""


class PolicyDenied(PermissionDenied):
    code = "policy_denied"

    def __init__(self, message: str, rules: tuple[FiredRule, ...] = ()) -> None:
        super().__init__(message)
        self.rules = rules

    @property
    def articles(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for rule in self.rules:
            for article in rule.articles:
                seen.setdefault(article, None)
        return tuple(seen)


class TrainingRequired(PolicyDenied):
    code = "training_required"


class NotFound(GatewayError):
    status = 404
    error_type = "invalid_request_error"
    code = "not_found"
    exit_code = 4
    outcome = "rejected"


class ModelNotFound(NotFound):
    code = "model_not_found"


class TemplateNotFound(NotFound):
    code = "template_not_found"


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class InputInvalid(GatewayError):
    """One or more template inputs failed validation (422, each field named)."""

    status = 422
    error_type = "invalid_request_error"
    code = "invalid_inputs"
    exit_code = 2
    outcome = "rejected"

    def __init__(self, errors: list[FieldError]) -> None:
        names = ", ".join(e.field for e in errors)
        super().__init__(f"Entrées invalides : {names}", param=errors[0].field if errors else None)
        self.errors = errors

    def body(self) -> dict[str, Any]:
        body = super().body()
        body["error"]["fields"] = [{"field": e.field, "message": e.message} for e in self.errors]
        return body


class RateLimited(GatewayError):
    status = 429
    error_type = "rate_limit_error"
    code = "rate_limited"
    exit_code = 5
    outcome = "denied"

    def __init__(self, message: str, retry_after: int, rules: tuple[FiredRule, ...] = ()) -> None:
        super().__init__(message)
        self.retry_after = max(1, int(retry_after))
        self.rules = rules

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class UpstreamRejected(BadRequest):
    """The provider refused the request as the caller's error (400, 413, 422): passed through.

    Carries the provider's status, message, ``code`` and ``param``, so that SDKs treat
    it as the client error it is (and do not retry it like a 5xx).
    """

    code = "upstream_rejected"

    def __init__(
        self, message: str, *, status: int = 400, provider_code: str | None = None, param: str | None = None
    ) -> None:
        super().__init__(message, param=param)
        self.status = status  # type: ignore[misc]  # the provider's own status
        self.provider_code = provider_code

    def body(self) -> dict[str, Any]:
        body = super().body()
        if self.provider_code:
            body["error"]["code"] = self.provider_code
        return body


class UpstreamError(GatewayError):
    status = 502
    error_type = "upstream_error"
    code = "upstream_error"
    exit_code = 6
    outcome = "failed"


class UpstreamRateLimited(UpstreamError):
    status = 429
    error_type = "rate_limit_error"
    code = "upstream_rate_limited"

    def __init__(self, message: str, retry_after: int = 1) -> None:
        super().__init__(message)
        self.retry_after = max(1, int(retry_after))

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class UpstreamTimeout(UpstreamError):
    status = 504
    code = "upstream_timeout"


class ServiceUnavailable(GatewayError):
    status = 503
    error_type = "service_unavailable"
    code = "service_unavailable"
    exit_code = 7
    outcome = "failed"

    def __init__(self, message: str, *, retry_after: int = 1, param: str | None = None) -> None:
        super().__init__(message, param=param)
        self.retry_after = max(1, int(retry_after))

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}

    def body(self) -> dict[str, Any]:
        """Add the cause when storage knows it (« disque … plein », shared memory cut…)."""
        body = super().body()
        reason = known_cause(self)
        if reason:
            body["error"]["message"] = f"{self.message} Cause : {reason}."
        return body


def known_cause(error: BaseException) -> str | None:
    """The French ``reason_fr`` of the first exception in ``error``'s causes that has one."""
    seen: set[int] = set()
    cause = error.__cause__ or error.__context__
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        reason = getattr(cause, "reason_fr", None)
        if isinstance(reason, str):
            return reason
        cause = cause.__cause__ or cause.__context__
    return None


class AuditUnavailable(ServiceUnavailable):
    code = "audit_unavailable"


class PiiAnalysisFailed(ServiceUnavailable):
    code = "pii_analysis_failed"


class PiiEngineBusy(ServiceUnavailable):
    code = "pii_engine_busy"


class AuditInconsistent(GatewayError):
    """The database's records do not give a signed head's root, or miss records it covers.

    Exit 1, as ``audit verify`` finding an inconsistency: the trail was altered, or it is
    not the database the export was signed from; ``audit verify --heads`` names where.
    """

    code = "audit_inconsistent"


class ConfigError(GatewayError):
    """A configuration file is invalid; names the file, line and field."""

    code = "config_error"
    exit_code = 2

    def __init__(self, file: str, message: str, *, line: int | None = None, field: str | None = None) -> None:
        where = file if line is None else f"{file}:{line}"
        text = f"{where}: {field}: {message}" if field else f"{where}: {message}"
        super().__init__(text)
        self.file = file
        self.line = line
        self.field = field


class PolicyConfigError(ConfigError):
    code = "policy_config_error"


class TemplateConfigError(ConfigError):
    code = "template_config_error"


class UsageModelError(ConfigError):
    code = "usage_model_error"
