"""What the classifier reads: the latest user request, its context, folded and bounded."""

from __future__ import annotations

from iag_gateway.usage.features import (
    CONTENT_FREE,
    CONTEXT_PREFIX,
    MAX_CONTEXT_WORDS,
    MAX_REQUEST_WORDS,
    SEPARATOR,
    request_words,
    split_request,
    words_of,
)


def test_when_text_has_accents_case_and_numbered_placeholders_then_words_are_folded() -> None:
    assert words_of("Quelle POSOLOGIE pour <PERSONNE_12>, 72 ans ?") == [
        "quelle",
        "posologie",
        "pour",
        "<personne>",
        "72",
        "ans",
        "?",
    ]


def test_when_the_last_message_is_from_the_assistant_then_the_request_is_the_last_user_one() -> None:
    messages = [
        {"role": "system", "content": "Tu es un assistant."},
        {"role": "user", "content": "Voici le bilan."},
        {"role": "assistant", "content": "Merci."},
        {"role": "user", "content": "Ton avis ?"},
        {"role": "assistant", "content": "..."},
    ]
    request, context = split_request(messages)
    assert request == "Ton avis ?"
    assert context == ["Tu es un assistant.", "Voici le bilan.", "Merci."]


def test_when_earlier_turns_exist_then_their_words_are_prefixed_as_context() -> None:
    words = request_words(
        [{"role": "user", "content": "Hémoglobine basse"}, {"role": "user", "content": "Conclusion ?"}]
    )
    request_part = words[: words.index(SEPARATOR)]
    assert request_part == ["conclusion", "?"]
    assert f"{CONTEXT_PREFIX}hemoglobine" in words and "hemoglobine" not in words


def test_when_content_is_a_list_of_parts_then_text_parts_are_read() -> None:
    words = request_words([{"role": "user", "content": [{"type": "text", "text": "Diagnostic svp"}]}])
    assert words[:2] == ["diagnostic", "svp"]


def test_when_a_prompt_is_very_long_then_the_words_read_are_bounded() -> None:
    long_context = " ".join(f"mot{i}" for i in range(5000))
    words = request_words(
        [{"role": "user", "content": long_context}, {"role": "user", "content": long_context}]
    )
    assert len(words) <= 2 * MAX_REQUEST_WORDS + MAX_CONTEXT_WORDS + 2


def test_when_there_is_no_user_message_then_features_are_not_empty() -> None:
    assert set(request_words([{"role": "system", "content": ""}])) == {SEPARATOR, CONTENT_FREE}


def test_when_a_request_is_only_function_words_and_placeholders_then_it_is_marked_content_free() -> None:
    assert CONTENT_FREE in request_words([{"role": "user", "content": "Et alors, <PERSONNE_1> ?"}])
    assert CONTENT_FREE not in request_words([{"role": "user", "content": "On monte en réa ?"}])


def test_when_a_function_word_is_long_then_it_yields_no_stem() -> None:
    words = request_words([{"role": "user", "content": "quelque posologie"}])
    assert "~posol" in words and "~quelq" not in words
