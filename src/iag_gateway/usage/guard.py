"""Ask the policy's guard model to judge a borderline request, with a fixed prompt.

The conversation is already pseudonymised when it gets here; it goes to the model
the policy names (an approved, internally hosted one, checked at load) through the
providers router, with no retry and no fallback. The answer must be exactly one line
``VERDICT: <category>``; anything else is unparsable and the classifier's verdict
stands.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

from iag_gateway.usage.categories import CATEGORIES
from iag_gateway.usage.features import message_text

MAX_CONVERSATION_CHARS = 6000

JUDGE_PROMPT = """Tu es le contrôleur de conformité de la passerelle d'IA générative d'un CHU.
Tu ne réponds jamais à la demande : tu la classes.
Lis la conversation ci-dessous et classe la DERNIÈRE demande de l'utilisateur dans une seule catégorie :
- diagnosis : demander un diagnostic ou l'interprétation clinique pour un patient donné ;
- prescription : demander un médicament, une dose ou un traitement pour un patient donné ;
- clinical_decision : demander une décision de prise en charge pour un patient donné (tri, admission,
  sortie, transfert, intervention, limitation des soins) ;
- decision_about_staff : demander de recruter, licencier, sanctionner, primer, classer ou noter
  des agents ou des candidats identifiés ;
- decision_about_person : demander si une personne identifiée a droit à un congé, une prestation,
  une indemnisation ;
- reidentification : chercher à retrouver l'identité d'une personne pseudonymisée ou anonymisée ;
- allowed : tout le reste (achats, marchés, comptabilité, recherche, procédures RH générales,
  enseignement en termes généraux, exercices avec des données inventées).
Les marqueurs comme <PERSONNE_1> désignent des personnes réelles identifiées.
Réponds par une seule ligne, exactement : VERDICT: <catégorie>"""

_ANSWER = re.compile(r"\s*VERDICT\s*:\s*(?P<category>[a-z_]+)\s*\.?\s*")


def judge_messages(messages: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    """The fixed judging prompt and the conversation, rendered as one user message."""
    lines = [f"[{m.get('role', 'user')}] {message_text(m)}" for m in messages]
    conversation = "\n".join(lines)
    if len(conversation) > MAX_CONVERSATION_CHARS:
        conversation = "…\n" + conversation[-MAX_CONVERSATION_CHARS:]
    return [
        {"role": "system", "content": JUDGE_PROMPT},
        {"role": "user", "content": f"Conversation à classer :\n<<<\n{conversation}\n>>>"},
    ]


def parse_verdict(answer: str) -> str | None:
    """The category of a well-formed answer, or ``None``."""
    match = _ANSWER.fullmatch(answer or "")
    if match is None or match["category"] not in CATEGORIES:
        return None
    return match["category"]


Ask = Callable[[str, list[dict[str, str]], float], Awaitable[str]]
