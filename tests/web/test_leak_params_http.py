"""Texts the caller writes in a request's parameters leave pseudonymised too, through real HTTP.

Found by a fresh user (2026-12-01): a JSON schema's description and ``enum`` in
``response_format`` reached the provider word for word, and a surname alone in ``stop`` after
the full name in the message. The kind: any text of the request that leaves, whatever field
holds it; and any part of a name the call gives in full, wherever it stands alone.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import KeyFactory
from tests.fakes.upstream import FakeUpstream
from tests.harness import LiveGateway
from tests.web.test_leak_kinds_http import assert_nothing_left, post

SCHEMA = {
    "type": "object",
    "description": "Fiche de suivi de Solène Kerbrat, joignable au 06 12 34 56 78.",
    "properties": {
        "interlocuteur": {
            "type": "string",
            "enum": ["Solène Kerbrat", "Yannick Le Bihan"],
            "description": "Qui a validé : Mme Kerbrat ou M. Le Bihan",
        },
        "name": {"type": "string", "examples": ["Dr Amara Diop"], "title": "Signataire"},
        "montant": {"type": "number"},
    },
    "required": ["interlocuteur", "montant"],
}


@pytest.mark.parametrize("stream", [False, True])
def test_when_a_json_schema_names_people_then_its_texts_leave_pseudonymised(
    gateway: LiveGateway, upstream: FakeUpstream, make_key: KeyFactory, stream: bool
) -> None:
    body = {
        "model": "onprem-llm",
        "stream": stream,
        "messages": [{"role": "user", "content": "Remplis la fiche de suivi de la commande de gants."}],
        "response_format": {"type": "json_schema", "json_schema": {"name": "fiche_suivi", "schema": SCHEMA}},
    }
    response = post(gateway, make_key("buyer"), "/v1/chat/completions", body)
    assert response.status_code == 200, response.text
    assert_nothing_left(
        upstream, ["Kerbrat", "Solène", "Bihan", "Yannick", "Diop", "Amara", "06 12 34 56 78"]
    )
    sent = upstream.received[-1]["response_format"]["json_schema"]
    assert sent["name"] == "fiche_suivi"  # identifiers stay as they are
    schema = sent["schema"]
    assert schema["required"] == ["interlocuteur", "montant"] and set(schema["properties"]) == set(
        SCHEMA["properties"]
    )
    assert schema["properties"]["montant"] == {"type": "number"}
    first, second = schema["properties"]["interlocuteur"]["enum"]
    assert first.startswith("<PERSONNE_") and second.startswith("<PERSONNE_") and first != second
    # the same person under the same placeholder in the description and in the enum
    assert first in schema["description"] and first in schema["properties"]["interlocuteur"]["description"]


def test_when_a_stop_string_holds_a_surname_given_in_full_in_the_message_then_it_is_masked(
    gateway: LiveGateway, upstream: FakeUpstream, make_key: KeyFactory
) -> None:
    body = {
        "model": "onprem-llm",
        "messages": [
            {"role": "user", "content": "Relis le mail de Solène Kerbrat (06 12 34 56 78) sur la livraison."}
        ],
        "stop": ["Kerbrat", "FIN"],
    }
    response = post(gateway, make_key("buyer"), "/v1/chat/completions", body)
    assert response.status_code == 200, response.text
    assert_nothing_left(upstream, ["Kerbrat", "Solène", "06 12 34 56 78"])
    sent = upstream.received[-1]
    assert sent["stop"] == ["<PERSONNE_1>", "FIN"]
    assert "<PERSONNE_1>" in json.dumps(sent["messages"], ensure_ascii=False)


def test_tool_and_function_schemas_have_their_texts_mapped_and_their_identifiers_kept() -> None:
    from iag_gateway.messages import forwarded_texts, map_param_texts

    tool = {
        "type": "function",
        "function": {
            "name": "relancer_fournisseur",
            "description": "Relance par écrit, copie à Solène Kerbrat.",
            "parameters": {
                "type": "object",
                "properties": {"destinataire": {"type": "string", "default": "Mme Kerbrat"}},
                "required": ["destinataire"],
            },
        },
    }
    legacy = {"name": "noter", "description": "Note pour Yannick Le Bihan", "parameters": {"type": "object"}}
    params = {"tools": [tool], "functions": [legacy], "temperature": 0.2}
    mapped = map_param_texts(params, str.upper)
    function = mapped["tools"][0]["function"]
    assert function["name"] == "relancer_fournisseur" and mapped["functions"][0]["name"] == "noter"
    assert function["description"] == "RELANCE PAR ÉCRIT, COPIE À SOLÈNE KERBRAT."
    assert function["parameters"]["properties"]["destinataire"] == {
        "type": "string",
        "default": "MME KERBRAT",
    }
    assert function["parameters"]["required"] == ["destinataire"]
    assert mapped["functions"][0]["description"] == "NOTE POUR YANNICK LE BIHAN"
    assert mapped["temperature"] == 0.2 and params["tools"][0] is tool  # a copy: the caller's left as sent
    assert tool["function"]["description"] == "Relance par écrit, copie à Solène Kerbrat."
    # what the policy checks is what leaves: the schema texts are among the forwarded texts
    texts = list(forwarded_texts([], params))
    assert "Relance par écrit, copie à Solène Kerbrat." in texts and "Mme Kerbrat" in texts
