"""Shape of a hand-written case and how it becomes chat messages.

A case is ``(label, lang, style, turns)``: ``turns`` is either one string (a single user
message) or a list of strings alternating user / assistant, starting and ending with user.
An optional system prompt is given as a leading ``("system", text)`` tuple in the list.
"""

LABELS = (
    "diagnosis",
    "prescription",
    "clinical_decision",
    "decision_about_staff",
    "decision_about_person",
    "reidentification",
    "allowed",
)

STYLES = (
    "plain",
    "short",
    "dictation",
    "forwarded_email",
    "shorthand",
    "hypothetical",
    "roleplay",
    "euphemism",
    "sponsor_en",
    "multi_turn_followup",
    "polite_indirect",
    "terse_everyday",
)


def to_messages(turns: str | list) -> list[dict[str, str]]:
    """Return OpenAI-style messages; user and assistant alternate from the first user turn."""
    if isinstance(turns, str):
        return [{"role": "user", "content": turns}]
    messages = []
    rest = list(turns)
    if rest and isinstance(rest[0], tuple):
        messages.append({"role": rest[0][0], "content": rest[0][1]})
        rest = rest[1:]
    for index, text in enumerate(rest):
        role = "user" if index % 2 == 0 else "assistant"
        messages.append({"role": role, "content": text})
    return messages
