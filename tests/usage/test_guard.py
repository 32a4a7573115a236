"""The guard model's answer format is strict: one line, ``VERDICT: <category>``."""

from __future__ import annotations

import pytest

from iag_gateway.usage.guard import JUDGE_PROMPT, MAX_CONVERSATION_CHARS, judge_messages, parse_verdict


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("VERDICT: diagnosis", "diagnosis"),
        ("  VERDICT : allowed.\n", "allowed"),
        ("VERDICT: decision_about_staff", "decision_about_staff"),
        ("VERDICT: dangerous", None),  # not a category
        ("Verdict: diagnosis", None),  # case matters: the format is fixed
        ("Je pense que VERDICT: diagnosis", None),  # nothing before
        ("VERDICT: diagnosis\nparce que...", None),  # nothing after
        ("", None),
    ],
)
def test_when_the_guard_answers_then_only_the_strict_format_is_accepted(
    answer: str, expected: str | None
) -> None:
    assert parse_verdict(answer) == expected


def test_when_a_conversation_is_judged_then_the_fixed_prompt_leads_and_the_text_is_bounded() -> None:
    messages = [{"role": "user", "content": "x" * (3 * MAX_CONVERSATION_CHARS)}]
    judged = judge_messages(messages)
    assert judged[0] == {"role": "system", "content": JUDGE_PROMPT}
    assert len(judged[1]["content"]) < MAX_CONVERSATION_CHARS + 200
