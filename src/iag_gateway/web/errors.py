"""Map gateway errors to HTTP: OpenAI-shaped JSON on the API, the French error page elsewhere.

Paths under ``/v1`` and ``/healthz`` are read by programs, so they get JSON; every other
path is a staff page (``/connexion``, ``/formulaires/…``, a mistyped address), so an
unknown route, a wrong method or a bug answers with the French HTML page, status kept.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from iag_gateway.errors import BadRequest, GatewayError, NotFound, ServiceUnavailable, UpstreamError
from iag_gateway.exchange import new_request_id
from iag_gateway.logs import log_internal_error, log_outage
from iag_gateway.web.observe import route_of
from iag_gateway.web.validation_messages import french_message, parameter_name
from iag_gateway.web.views import WebError, error_page

API_PREFIXES = ("/v1", "/healthz", "/readyz", "/metrics")


def is_api_path(path: str) -> bool:
    """Tell whether ``path`` belongs to the API (JSON errors) rather than to the pages."""
    return any(path == prefix or path.startswith(prefix + "/") for prefix in API_PREFIXES)


def id_headers(request_id: str) -> dict[str, str]:
    """The request id under the gateway's header and the one OpenAI's SDKs read (``x-request-id``)."""
    return {"X-IAG-Request-Id": request_id, "X-Request-Id": request_id}


def error_response(
    error: GatewayError, request_id: str | None = None, *, status: int | None = None
) -> JSONResponse:
    """The OpenAI-shaped error answer; every one carries a request id (a fresh one if none yet)."""
    headers = {**error.headers(), **id_headers(request_id or new_request_id())}
    return JSONResponse(error.body(), status_code=status or error.status, headers=headers)


def http_page_error(exc: StarletteHTTPException) -> Exception:
    """The page-side meaning of a routing error raised by Starlette."""
    if exc.status_code == 404:
        return NotFound("Adresse inconnue de l'API.")
    if exc.status_code == 405:
        return WebError(
            405,
            "Action non autorisée",
            "Cette page ne peut pas être utilisée de cette façon. Revenez à l'accueil.",
        )
    return WebError(exc.status_code, "Demande impossible", "La demande n'a pas pu être traitée.")


def install_error_handlers(app: FastAPI) -> None:
    """One handler per family; none ever shows a stack trace or the prompt."""

    @app.exception_handler(GatewayError)
    async def _gateway(request: Request, exc: GatewayError) -> Response:
        request_id = getattr(request.state, "request_id", None)
        if isinstance(exc, ServiceUnavailable):  # an outage: say which dependency and why
            log_outage(exc.code, exc, request_id)
        elif exc.status >= 500 and not isinstance(exc, UpstreamError):  # ours, not the provider's
            log_internal_error(exc, route_of(request.scope), request_id)
        if not is_api_path(request.url.path):
            return error_page(request, exc)
        return error_response(exc, getattr(request.state, "request_id", None))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if not is_api_path(request.url.path):
            response = error_page(request, http_page_error(exc))
            if exc.status_code == 405 and exc.headers and "Allow" in exc.headers:
                response.headers["Allow"] = exc.headers["Allow"]
            return response
        if exc.status_code == 404:
            return error_response(NotFound("Adresse inconnue de l'API."))
        if exc.status_code == 405:
            return error_response(BadRequest("Méthode non autorisée sur cette adresse."), status=405)
        return error_response(GatewayError("Erreur HTTP."), status=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        if not is_api_path(request.url.path):
            return error_page(request, BadRequest("Requête invalide."))
        errors = exc.errors()
        first = errors[0] if errors else {"loc": ("query",), "type": "value_error"}
        field = parameter_name(first["loc"])
        error = BadRequest(f"Paramètre « {field} » invalide : {french_message(first)}", param=field)
        return error_response(error)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log_internal_error(exc, route_of(request.scope), getattr(request.state, "request_id", None))
        if not is_api_path(request.url.path):
            return error_page(request, exc)
        return error_response(GatewayError("Erreur interne : la requête n'a pas abouti."))
