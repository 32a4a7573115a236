"""Map gateway errors to HTTP: OpenAI-shaped JSON on the API."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from iag_gateway.errors import BadRequest, GatewayError, NotFound


def error_response(error: GatewayError, request_id: str | None = None) -> JSONResponse:
    headers = dict(error.headers())
    if request_id:
        headers["X-IAG-Request-Id"] = request_id
    return JSONResponse(error.body(), status_code=error.status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """One handler per family; none ever shows a stack trace or the prompt."""

    @app.exception_handler(GatewayError)
    async def _gateway(request: Request, exc: GatewayError) -> JSONResponse:
        return error_response(exc, getattr(request.state, "request_id", None))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            return error_response(NotFound("Unknown route."))
        if exc.status_code == 405:
            error = BadRequest("Method not allowed on this route.")
            return JSONResponse(error.body(), status_code=405)
        return JSONResponse(GatewayError("HTTP error.").body(), status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": ("query",), "msg": "invalid"}
        field = ".".join(str(p) for p in first["loc"][1:]) or "query"
        error = BadRequest(f"Invalid parameter '{field}': {first['msg']}", param=field)
        return error_response(error)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        return error_response(GatewayError("Internal error; the request was not completed."))
