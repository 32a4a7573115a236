"""A streamed answer reaches the caller word by word, its caller's own values restored."""

from __future__ import annotations

import openai

from tests.conftest import KeyFactory
from tests.harness import LiveGateway

NAME = "Mme Perrine Lacombe-Audibert"
PHONE = "04 76 31 58 20"


def api(gateway: LiveGateway, key: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=gateway.base_url + "/v1", api_key=key, max_retries=0, timeout=30)


def test_when_a_streamed_answer_is_prose_then_it_arrives_in_as_many_pieces_as_words(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    # The fake provider echoes the prompt three characters at a time.
    prompt = "Rédige une courte note pour annoncer la réunion du comité de pilotage à toute l'équipe."
    stream = api(gateway, make_key("buyer")).chat.completions.create(
        model="onprem-llm", messages=[{"role": "user", "content": prompt}], stream=True
    )
    pieces = [c.choices[0].delta.content for c in stream if c.choices and c.choices[0].delta.content]
    assert "".join(pieces).startswith(f"echo: {prompt}")
    assert len(pieces) >= len(prompt.split()) - 3  # not one piece per sentence


def test_when_the_caller_s_own_name_and_phone_stream_back_then_they_are_restored_whole(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    prompt = f"Merci de rappeler {NAME} au {PHONE} avant la réunion de demain matin."
    stream = api(gateway, make_key("buyer")).chat.completions.create(
        model="onprem-llm", messages=[{"role": "user", "content": prompt}], stream=True
    )
    pieces = [c.choices[0].delta.content for c in stream if c.choices and c.choices[0].delta.content]
    assert "".join(pieces).startswith(f"echo: {prompt}")
    assert any(NAME.split()[-1] in piece for piece in pieces) and any(PHONE in piece for piece in pieces)
