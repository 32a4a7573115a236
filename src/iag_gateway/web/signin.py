"""Sign staff in and out: the institutional account first (OpenID Connect), an API key if allowed.

Why the OpenID transaction has its own cookie: the provider sends the browser back with
a cross-site top-level GET, on which browsers do not send the SameSite=Strict session
cookie. The state, nonce and PKCE verifier therefore travel in ``iag_oidc``: signed
(itsdangerous, its own salt), HttpOnly, SameSite=Lax (sent on that top-level GET, not on
cross-site subrequests or POSTs), Secure like the session, scoped to the callback path,
valid 10 minutes and deleted at the callback (single use). Its state must match the
query's in constant time; the ID token's nonce must match its nonce.

The callback then starts a fresh Strict session and answers with a small page that
moves on to the home page itself: a redirect would still belong to the cross-site
navigation and arrive without the new cookie.
"""

from __future__ import annotations

import hmac
from typing import Any

from anyio import to_thread
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from iag_gateway.errors import AuthenticationFailed, NotFound
from iag_gateway.identity.keys import Identity
from iag_gateway.identity.oidc_client import OidcClient, session_end
from iag_gateway.identity.oidc_config import map_claims
from iag_gateway.policy.grants import (
    can_read_audit,
    can_read_dashboard,
    template_approve_domains,
    template_submit_domains,
)
from iag_gateway.services import Services
from iag_gateway.web import session as web_session
from iag_gateway.web.pages import audit_web, current_identity, french_pages, read_form, services_of, to_login
from iag_gateway.web.views import WebError, page

router = APIRouter(include_in_schema=False)

TX_COOKIE = "iag_oidc"
TX_PATH = "/connexion/etablissement"
TX_TTL_S = 600
TX_SALT = "iag-oidc-transaction"
ID_TOKEN_HINT_MAX = 2048
REFUSED = WebError(
    401,
    "Connexion refusée",
    "La connexion par le compte de l'établissement n'a pas abouti (lien expiré, réutilisé ou modifié). "
    "Recommencez depuis la page de connexion.",
)
NO_ROLE = WebError(
    403,
    "Accès non ouvert",
    "Votre compte de l'établissement est reconnu, mais aucun rôle de la passerelle ne lui est attribué. "
    "Adressez-vous au référent IA de votre direction.",
)


def _oidc(services: Services) -> OidcClient:
    if services.oidc is None:
        raise NotFound("La connexion par le compte de l'établissement n'est pas configurée.")
    return services.oidc


def _serializer(services: Services) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(web_session.session_secret(services.settings), salt=TX_SALT)


def landing(services: Services, identity: Identity) -> str:
    """People who use no template land on what they came for: the journal, or the dashboard."""
    if services.templates.visible_to(identity.roles):
        return "/"
    policy = services.policies.current.policy
    if can_read_audit(policy, identity.roles):
        return "/audit"
    if can_read_dashboard(policy, identity.roles):
        return "/tableau-de-bord"
    if template_approve_domains(policy, identity.roles) or template_submit_domains(policy, identity.roles):
        return "/gabarits"  # referents and the directorate land on the template queue
    return "/"


def login_page(
    request: Request, status: int = 200, error: str | None = None, notice: str | None = None
) -> Response:
    services = services_of(request)
    oidc = services.oidc
    return page(
        request,
        "login.html",
        status=status,
        csrf=web_session.csrf_token(request),
        identity=None,
        error=error,
        notice=notice,
        oidc_label=oidc.config.label if oidc else None,
        key_login=services.settings.key_login,
    )


@router.get("/connexion")
@french_pages
async def login_form(request: Request) -> Response:
    if await current_identity(request) is not None:
        return RedirectResponse("/", status_code=303)
    return login_page(request)


@router.post("/connexion")
@french_pages
async def login_with_key(request: Request) -> Response:
    services = services_of(request)
    if not services.settings.key_login:
        raise WebError(
            403, "Connexion par clé fermée", "Connectez-vous avec votre compte de l'établissement."
        )
    fields = await read_form(request)
    token = fields.get("cle", "").strip()
    identity = await to_thread.run_sync(services.keys.authenticate, token) if token else None
    if identity is None:
        await audit_web(services, "web.login", "unauthenticated", 401, None)
        error = "Clé d'accès inconnue, mal saisie, expirée ou révoquée. Vérifiez-la et recommencez."
        return login_page(request, status=401, error=error)
    await audit_web(services, "web.login", "ok", 200, identity, {"method": "key"})
    web_session.sign_in_with_key(request, identity)
    return RedirectResponse(landing(services, identity), status_code=303)


@router.get(TX_PATH)
@french_pages
async def oidc_start(request: Request) -> Response:
    """Send the browser to the provider, keeping the transaction in its own cookie."""
    services = services_of(request)
    tx = await _oidc(services).begin(str(request.url_for("oidc_callback")))
    response = RedirectResponse(tx.url, status_code=302)
    value = _serializer(services).dumps(
        {"s": tx.state, "n": tx.nonce, "v": tx.code_verifier, "r": tx.redirect_uri}
    )
    response.set_cookie(
        TX_COOKIE,
        value,
        max_age=TX_TTL_S,
        path=TX_PATH,
        secure=services.settings.cookie_secure,
        httponly=True,
        samesite="lax",
    )
    return response


def _transaction(request: Request, services: Services) -> dict[str, Any] | None:
    raw = request.cookies.get(TX_COOKIE)
    if not raw:
        return None
    try:
        data = _serializer(services).loads(raw, max_age=TX_TTL_S)
    except BadSignature:
        return None
    if not isinstance(data, dict) or not all(isinstance(data.get(k), str) for k in "snvr"):
        return None
    return data


@router.get(TX_PATH + "/retour", name="oidc_callback")
@french_pages
async def oidc_callback(request: Request) -> Response:
    """Check the state, exchange the code, verify the ID token, map the claims, sign in."""
    services = services_of(request)
    oidc = _oidc(services)
    tx = _transaction(request, services)
    state, code = request.query_params.get("state", ""), request.query_params.get("code", "")
    if tx is None or not code or not hmac.compare_digest(state.encode(), tx["s"].encode()):
        await audit_web(
            services, "web.login", "unauthenticated", 401, None, {"method": "oidc", "why": "state"}
        )
        return _forget_transaction(login_error(request, REFUSED))
    try:
        signed = await oidc.finish(code=code, redirect_uri=tx["r"], code_verifier=tx["v"], nonce=tx["n"])
    except AuthenticationFailed as exc:
        await audit_web(
            services, "web.login", "unauthenticated", 401, None, {"method": "oidc", "why": exc.message}
        )
        return _forget_transaction(login_error(request, REFUSED))
    mapped = map_claims(oidc.config, signed.claims)
    if mapped is None:
        claimed = signed.claims.get(oidc.config.claims.user_id)
        await audit_web(
            services,
            "web.login",
            "denied",
            403,
            None,
            {"method": "oidc", "why": "no mapped role"},
            user_id=claimed if isinstance(claimed, str) else None,
        )
        return _forget_transaction(login_error(request, NO_ROLE))
    user_id, department, roles = mapped
    web_session.sign_in(
        request,
        {
            "kind": "oidc",
            "user_id": user_id,
            "department": department,
            "roles": sorted(roles),
            "exp": session_end(signed, web_session.SESSION_TTL_S),
            # The logout hint, unless it would push the cookie past what browsers keep (~4 KB):
            # large group lists make large tokens; logout then names the client instead.
            "id_token": signed.id_token if len(signed.id_token) <= ID_TOKEN_HINT_MAX else None,
        },
    )
    identity = Identity(web_session.OIDC_KEY_ID, user_id, department, roles, trained=False)
    await audit_web(services, "web.login", "ok", 200, identity, {"method": "oidc"})
    target = landing(services, identity)
    return _forget_transaction(page(request, "signed_in.html", identity=None, target=target))


def login_error(request: Request, error: WebError) -> Response:
    web_session.sign_out(request)
    return page(
        request,
        "error.html",
        status=error.status,
        title=error.title,
        message=error.message,
        status_code=error.status,
        identity=None,
    )


def _forget_transaction(response: Response) -> Response:
    response.delete_cookie(TX_COOKIE, path=TX_PATH)
    return response


@router.get("/deconnexion")
@french_pages
async def logout_form(request: Request) -> Response:
    if await current_identity(request) is None:
        return to_login()
    return page(request, "logout.html")


@router.post("/deconnexion")
@french_pages
async def logout(request: Request) -> Response:
    """End the session; for a provider session, also end the provider's (RP-initiated logout)."""
    await read_form(request)
    services = services_of(request)
    who = web_session.signed_in(request)
    web_session.sign_out(request)
    if who is not None and who.kind == "oidc" and services.oidc is not None:
        back = str(request.url_for("login_form"))
        url = await services.oidc.logout_url(back, who.id_token)
        if url is not None:
            return page(request, "signed_out.html", identity=None, provider_logout=url)
    return login_page(request, notice="Vous êtes déconnecté(e).")
