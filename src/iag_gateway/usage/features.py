"""Turn a conversation into the word sequence the classifier reads.

The latest user message is the request; earlier messages (system, user, assistant)
are its context and carry a ``c:`` prefix, so that « quel est ton avis ? » after
pasted lab results differs from the same words after a procurement table. Text is
folded (case, accents) and pseudonymisation placeholders lose their number
(``<PERSONNE_2>`` → ``<personne>``): the classifier reads the text that leaves, and
an identified person is a feature, whoever it is. Each long word also yields a
five-letter stem (``~presc``) so that typos and inflections share a feature; function words
(spaCy's French and English stop words) get none: their stems merged unrelated words
(« quelque » and « quelqu'un », which re-identification requests use), and « Dis-moi quelque
chose » was refused for them. A request with no content word at all (only function words,
placeholders, digits: a greeting, « et alors ? », a bare list of pseudonymised contacts)
gets the ``CONTENT_FREE`` word, so the model learns from such requests, allowed alone and
prohibited after a clinical or re-identification context, what such a request weighs
instead of summing the weights its function words picked up in prohibited requests. The
first and last ``EMPHASIS_WORDS`` words of the request are repeated with a ``q:``
prefix: with a pasted document, the ask sits before or after it, and measured by
cross-validation on the training data this lifted both deny recall and allow rate.
Lengths are capped so the cost per request is bounded (``MAX_*``, in words).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from iag_gateway.policy.models import normalize_for_matching

MAX_REQUEST_WORDS = 600
MAX_CONTEXT_WORDS = 300
STEM_LENGTH = 5
EMPHASIS_WORDS = 20
#: How many earlier user messages a chain of short follow-ups may reach back (``followed_up``).
MAX_FOLLOW_UPS = 3
CONTEXT_PREFIX = "c:"
EMPHASIS_PREFIX = "q:"
STEM_PREFIX = "~"
SEPARATOR = "§"
#: Added to a request that holds no content word (see ``content_free``).
CONTENT_FREE = "<sans_contenu>"

_WORD = re.compile(r"<[a-z_]+?>|[a-z]+|[0-9]+|[?!]")
_PLACEHOLDER_NUMBER = re.compile(r"<([a-z_]+?)_[0-9]+>")


def message_text(message: Mapping[str, Any]) -> str:
    """The text of one chat message (a string, or the text parts of a list)."""
    content = message.get("content")
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(str(part.get("text", "")) for part in content if isinstance(part, Mapping))
    return ""


def words_of(text: str) -> list[str]:
    """Folded words, digits runs, « ? » / « ! » and number-less placeholders, in order.

    Each kind of placeholder counts once per text: a list of ten contacts is one feature
    « a person is named », as one name is. Counted, a pasted contact list or signature block
    read as a decision about several identified people.
    """
    folded = _PLACEHOLDER_NUMBER.sub(r"<\1>", normalize_for_matching(text))
    seen: set[str] = set()
    words: list[str] = []
    for word in _WORD.findall(folded):
        if word[0] == "<":
            if word in seen:
                continue
            seen.add(word)
        words.append(word)
    return words


@functools.cache
def function_words() -> frozenset[str]:
    """spaCy's French and English stop words, folded as requests are (read on first use)."""
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    out: set[str] = set()
    for word in (*FR, *EN):
        out.update(_WORD.findall(normalize_for_matching(word)))
    return frozenset(out)


def _stems(words: Iterable[str]) -> list[str]:
    function = function_words()
    return [
        STEM_PREFIX + w[:STEM_LENGTH]
        for w in words
        if len(w) > STEM_LENGTH and w[0] != "<" and w not in function
    ]


def _content(words: Iterable[str]) -> Iterator[str]:
    """The content words among ``words``: not function words, placeholders, digits or « ? »."""
    function = function_words()
    return (w for w in words if w[0].isalpha() and w not in function)


def content_free(words: Sequence[str]) -> bool:
    """Whether the words hold no content word: only function words, placeholders, digits, « ? »."""
    return next(_content(words), None) is None


def content_words(text: str) -> int:
    """How many content words ``text`` holds (not function words, placeholders or digits)."""
    return sum(1 for _ in _content(words_of(text)))


def followed_up(messages: Sequence[Mapping[str, Any]], max_words: int) -> list[Sequence[Mapping[str, Any]]]:
    """The requests a short latest request follows up, each as its conversation up to it.

    A latest user message of at most ``max_words`` content words (« Si, vas-y, réponds quand
    même. », « Merci de répondre par oui ou non. », « et pour le lit 12 ? ») carries its ask in
    the user message before it; going back over such short messages, the first longer one ends
    the chain (at most ``MAX_FOLLOW_UPS`` messages back). Empty when the latest request is
    not short or is the first.
    """
    users = [index for index, message in enumerate(messages) if message.get("role") == "user"]
    out: list[Sequence[Mapping[str, Any]]] = []
    if not users or content_words(message_text(messages[users[-1]])) > max_words:
        return out
    for index in reversed(users[:-1][-MAX_FOLLOW_UPS:]):
        out.append(messages[: index + 1])
        if content_words(message_text(messages[index])) > max_words:
            break
    return out


def split_request(messages: Sequence[Mapping[str, Any]]) -> tuple[str, list[str]]:
    """The latest user message and the texts before it (oldest first)."""
    for index in range(len(messages) - 1, -1, -1):
        if messages[index].get("role") == "user":
            return message_text(messages[index]), [message_text(m) for m in messages[:index]]
    return "", [message_text(m) for m in messages]


def request_words(messages: Sequence[Mapping[str, Any]]) -> list[str]:
    """The classifier's input: request words and stems, then context words (prefixed)."""
    request, context = split_request(messages)
    words = words_of(request)
    if len(words) > MAX_REQUEST_WORDS:  # keep the head and the tail, where the ask usually sits
        half = MAX_REQUEST_WORDS // 2
        words = words[:half] + words[-half:]
    context_words: list[str] = []
    for text in reversed(context):  # the most recent turns first
        context_words = words_of(text)[-MAX_CONTEXT_WORDS:] + context_words
        if len(context_words) >= MAX_CONTEXT_WORDS:
            context_words = context_words[-MAX_CONTEXT_WORDS:]
            break
    out = [*words, SEPARATOR, *_stems(words)]
    if content_free(words):
        out.append(CONTENT_FREE)
    if context_words:
        out += [SEPARATOR, *(CONTEXT_PREFIX + w for w in context_words)]
    out += [SEPARATOR, *(EMPHASIS_PREFIX + w for w in words[:EMPHASIS_WORDS])]
    if len(words) > EMPHASIS_WORDS:
        out += [SEPARATOR, *(EMPHASIS_PREFIX + w for w in words[-EMPHASIS_WORDS:])]
    return out
