"""The request path, top to bottom, and nothing else.

    authenticate → receive → redact → authorize → render → invoke → scan → restore → record

``redact`` runs before ``authorize`` because the charter routes by data class and
the personal-data findings raise it; nothing leaves the gateway before
``invoke``. ``record`` always runs (``finally``), so denied and failed calls are
audited too; if it cannot be written before the provider is called, the provider
is not called (fail closed).
"""

from __future__ import annotations

import functools
import logging
import time
import traceback
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

from anyio import CancelScope, to_thread

from iag_gateway.errors import (
    AuditUnavailable,
    GatewayError,
    ModelNotFound,
    UpstreamError,
)
from iag_gateway.exchange import Exchange
from iag_gateway.logs import log_outage
from iag_gateway.metrics import provider_name
from iag_gateway.policy.engine import article_refs
from iag_gateway.policy.loader import LoadedPolicy
from iag_gateway.responses import response_metadata, sse
from iag_gateway.services import Services
from iag_gateway.stages.authenticate import authenticate
from iag_gateway.stages.authorize import authorize
from iag_gateway.stages.invoke import invoke, invoke_stream, take_chunk_usage
from iag_gateway.stages.receive import receive_chat, receive_template
from iag_gateway.stages.record import record, record_start
from iag_gateway.stages.redact import redact
from iag_gateway.stages.render import render
from iag_gateway.stages.restore import restore
from iag_gateway.stages.scan import StreamScanner, scan
from iag_gateway.stream_relay import StreamRelay
from iag_gateway.telemetry import set_attributes

log = logging.getLogger("iag_gateway.pipeline")


def _not_configured(ex: Exchange) -> str:
    """Why the approved model cannot be reached, naming a reroute the caller did not ask for."""
    reroute = next((r for r in (ex.decision.rules if ex.decision else ()) if r.effect == "reroute"), None)
    if reroute is None or ex.requested_model == ex.model:
        return f"Le modèle « {ex.model} » est approuvé par la charte mais pas configuré sur cette passerelle."
    return (
        f"La requête demandait « {ex.requested_model} » ; la charte l'a redirigée vers « {ex.model} » "
        f"({reroute.message or 'données trop sensibles'} ; {article_refs(reroute.articles)} de la charte), "
        "et ce modèle n'est pas configuré sur cette passerelle."
    )


class Pipeline:
    """Run exchanges through the stages with the services of one gateway."""

    def __init__(self, services: Services) -> None:
        self.s = services

    async def handle(self, ex: Exchange) -> AsyncIterator[bytes] | None:
        """Run one call. Streamed calls return the event stream to relay (recorded when
        it ends), opened first so that a provider refusing the call is answered with its
        own status, as unstreamed; others complete here. Errors are recorded, then raised."""
        try:
            await to_thread.run_sync(self._prepare, ex)
        except BaseException as exc:
            self._fail(ex, exc)
            await self._record_shielded(ex)
            raise self._public(exc) from exc
        if ex.stream:
            try:
                chunks = invoke_stream(ex, self.s.router)
                first = await anext(chunks, None)
            except BaseException as exc:
                self._fail(ex, exc)
                await self._record_shielded(ex)
                raise self._public(exc) from exc
            return self._relay(ex, first, chunks)
        try:
            with self._span(ex, "invoke") as span:
                await invoke(ex, self.s.router)
                self._usage_attributes(span, ex)
        except BaseException as exc:
            self._fail(ex, exc)
            await self._record_shielded(ex)
            raise self._public(exc) from exc
        with CancelScope(shield=True):  # the answer's scan and its record: one trip to a thread
            failure = await to_thread.run_sync(self._finish_and_record, ex)
        if failure is not None:
            raise self._public(failure) from failure
        return None

    def _finish_and_record(self, ex: Exchange) -> BaseException | None:
        """Scan and restore the answer, then record the call whatever happened; return the failure."""
        failure = None
        try:
            self._finish(ex)
        except BaseException as exc:  # recorded below, raised by the caller
            self._fail(ex, exc)
            failure = exc
        self._record(ex)
        return failure

    async def _record_shielded(self, ex: Exchange) -> None:
        """Record even when the caller went away (the cancellation waits for the record)."""
        with CancelScope(shield=True):
            await to_thread.run_sync(self._record, ex)

    def _span(self, ex: Exchange, name: str, **attributes: Any) -> Any:
        """A stage's span, carrying the request id so traces, logs and audit records match."""
        return self.s.telemetry.span(name, request_id=ex.request_id, **attributes)

    def record_only(self, ex: Exchange) -> None:
        """Record a call refused before the pipeline could start (e.g. body too large)."""
        self._record(ex)

    # -- the stages -----------------------------------------------------------------

    def _prepare(self, ex: Exchange) -> None:
        span = functools.partial(self._span, ex)
        ex.policy = loaded = self.s.policies.current
        with span("authenticate"):
            authenticate(ex, self.s.keys)
        with span("receive"):
            if ex.route == "template":
                receive_template(ex, self.s.templates, loaded.policy, self.s.router.config)
            else:
                receive_chat(ex)
        with span("redact") as sp:
            redact(ex, self.s.pii)
            set_attributes(sp, pii_entities=sum(ex.pii_counts.values()))
        with span("authorize") as sp:
            authorize(ex, loaded, self.s.quotas, self.s.usage)
            assert ex.decision is not None
            set_attributes(sp, decision=ex.decision.action, gen_ai_request_model=ex.model)
        with span("render"):
            render(ex)
        if not self.s.router.knows(ex.model):
            raise ModelNotFound(_not_configured(ex), param="model")
        # Fail closed: never call a provider we could not audit. The call's first record,
        # written now, is its trace whatever happens after (append-only: completed by a second).
        self._record(ex, start=True)

    def _finish(self, ex: Exchange) -> None:
        loaded = self._policy(ex)
        with self._span(ex, "scan"):
            scan(ex, loaded)
        with self._span(ex, "restore"):
            restore(ex, enabled=loaded.policy.pseudonymisation.restore_answers)
        self._count_tokens(ex)

    def _count_tokens(self, ex: Exchange) -> None:
        """Charge the tokens used to the quotas (after the answer, like any meter; written later)."""
        assert ex.identity is not None
        try:
            self.s.meter.charge(
                self._policy(ex).policy,
                user_id=ex.identity.user_id,
                department=ex.identity.department,
                tokens=ex.usage.total_tokens,
                now=datetime.now(UTC),
            )
        except Exception as exc:  # the answer is complete: never fail the call for its meter
            log.warning("token usage not counted for request %s: %s", ex.request_id, type(exc).__name__)

    def _policy(self, ex: Exchange) -> LoadedPolicy:
        """The policy snapshot this call started with (the current one if it never started)."""
        return ex.policy or self.s.policies.current

    def _record(self, ex: Exchange, *, start: bool = False) -> None:
        started = time.perf_counter()
        try:
            with self._span(ex, "record", outcome="in_flight" if start else ex.outcome):
                (record_start if start else record)(
                    ex,
                    self.s.audit,
                    store_text=self._policy(ex).policy.audit.store_redacted_text,
                    policy_version=ex.policy_version,
                    policy_digest=ex.policy_digest,
                )
        except Exception as exc:
            self.s.metrics.audit_append(0.0, ok=False)
            log_outage("database", exc, ex.request_id)
            raise
        else:
            self.s.metrics.audit_append(time.perf_counter() - started, ok=True)
        finally:
            if not start:
                self.s.metrics.exchange_done(ex)

    async def _relay(
        self, ex: Exchange, first: dict[str, Any] | None, chunks: AsyncIterator[dict[str, Any]]
    ) -> AsyncIterator[bytes]:
        loaded = self._policy(ex)
        scanner = StreamScanner(ex, loaded)
        relay = StreamRelay(
            ex,
            restore=loaded.policy.pseudonymisation.restore_answers,
            scan=lambda text: self._scan_segment(ex, loaded, text),
            stream_scan=lambda text, end: self._scan_stream(ex, scanner, text, end),
            metadata=response_metadata(ex, self.s),
        )
        try:
            with self._span(ex, "invoke", gen_ai_request_model=ex.model) as span:
                chunk = first
                while chunk is not None:
                    take_chunk_usage(ex, chunk)
                    shaped = await relay.shape(chunk)
                    if shaped is not None:
                        yield sse(shaped)
                    chunk = await anext(chunks, None)
                self._usage_attributes(span, ex)
            if ex.finish_reason is None:
                raise UpstreamError("Le fournisseur du modèle a terminé le flux avant la fin de la réponse.")
            self._count_tokens(ex)
            await to_thread.run_sync(self._record, ex)  # durable before the caller sees the end
            yield b"data: [DONE]\n\n"
        except GatewayError as exc:
            ex.fail(exc)
            yield sse(exc.body())
        except BaseException as exc:  # client went away (cancelled) or a bug
            self._fail(ex, exc)
            raise
        finally:
            # Synchronous on purpose: a cancelled stream must still be recorded.
            try:
                if not ex.recorded:
                    self._record(ex)
            except AuditUnavailable:
                log.critical("audit record lost for streamed request %s", ex.request_id)

    async def _scan_stream(self, ex: Exchange, scanner: StreamScanner, text: str, end: bool) -> str:
        """Release the streamed answer's settled text, scanned off the event loop (spaCy is CPU-bound)."""
        if not scanner.add(text, end=end):
            return ""
        if not scanner.needs_analysis:
            return scanner.release()
        with self._span(ex, "scan"):
            return await to_thread.run_sync(scanner.release)

    async def _scan_segment(self, ex: Exchange, loaded: LoadedPolicy, text: str) -> str:
        """Scan a whole text off the event loop (streamed tool-call arguments)."""
        if not text:
            return ""
        with self._span(ex, "scan"):
            return await to_thread.run_sync(lambda: scan(ex, loaded, text=text))

    # -- outcomes -------------------------------------------------------------------

    @staticmethod
    def _fail(ex: Exchange, exc: BaseException) -> None:
        if isinstance(exc, GatewayError):
            ex.fail(exc)
        elif isinstance(exc, Exception):
            # Frames only, never the message: an exception text may quote the prompt.
            frames = "".join(traceback.format_tb(exc.__traceback__))
            log.error("unexpected %s in request %s\n%s", type(exc).__name__, ex.request_id, frames)
            ex.fail(GatewayError("Erreur interne : la requête n'a pas abouti."))
        else:  # CancelledError, GeneratorExit: the caller went away
            ex.outcome = "cancelled"
            ex.status_code = 499

    @staticmethod
    def _public(exc: BaseException) -> BaseException:
        if isinstance(exc, GatewayError) or not isinstance(exc, Exception):
            return exc
        return GatewayError("Erreur interne : la requête n'a pas abouti.")

    @staticmethod
    def _usage_attributes(span: Any, ex: Exchange) -> None:
        set_attributes(
            span,
            gen_ai_operation_name="chat",
            gen_ai_provider_name=provider_name(ex.provider_model),
            gen_ai_request_model=ex.model,
            gen_ai_response_model=ex.provider_model,
            gen_ai_usage_input_tokens=ex.usage.prompt_tokens,
            gen_ai_usage_output_tokens=ex.usage.completion_tokens,
        )
