"""French prompts carrying personal data, of a chosen size, for the benchmarks.

Invented people and numbers only. Paragraphs are drawn in turn from a small set of
support-function texts (procurement, analytical accounting, clinical research), each
with names, phone numbers and e-mail addresses, until the prompt reaches the size.

``french_prompt(size)`` is the same text at every call (variant 0, the figures before
2026-12-01); ``french_prompt(size, variant)`` for ``variant`` ≥ 1 puts other people in it:
a given name from a list, an invented surname made of syllables (a word the analyser has
not met, as most surnames are), a phone number and an e-mail address of their own, and
starts from another paragraph. Callers vary the prompt per request, as staff do, so the
analyser's per-word caches meet new words as they would in service.
"""

from __future__ import annotations

import hashlib
import unicodedata

PARAGRAPHS = (
    "Bonjour, je prépare le cahier des clauses techniques particulières pour le renouvellement "
    "des pousse-seringues du pôle anesthésie. Le référent technique est Mme {first} {last}, "
    "joignable au {phone} ou par courriel à {email}. "
    "Merci de rédiger les exigences de performance et les conditions de maintenance. ",
    "Pour l'analyse des écarts du compte de résultat analytique, M. {first} {last} (contrôle de "
    "gestion, {phone}) signale une hausse de 12 % des charges de personnel du bloc "
    "opératoire entre le deuxième et le troisième trimestre. Propose un plan de note explicative. ",
    "Le protocole de recherche porte sur la réhabilitation précoce après chirurgie colorectale. "
    "L'attachée de recherche clinique, {first} {last} ({email}), souhaite "
    "un résumé en langage simple pour la note d'information, sans jargon, en dix lignes. ",
    "Le fournisseur a répondu le 14 mars ; son interlocuteur, {first} {last}, propose une visite "
    "de démonstration. Rappeler le candidat au {phone} pour fixer la date, et préparer "
    "une grille de questions sur la formation des utilisateurs et le délai de livraison. ",
    "Dans le cadre du dialogue de gestion, le chef de pôle, le Pr {first} {last}, demande une "
    "synthèse des indicateurs d'activité et de coûts par unité fonctionnelle, avec un tableau "
    "comparatif et trois messages clés pour le directoire. ",
)
# variant 0: (given name, surname, phone, e-mail) per paragraph
PEOPLE = (
    ("Clémence", "Varin", "04 72 11 38 60", "clemence.varin@chu-exemple.fr"),
    ("Olivier", "Perrault", "06 41 27 93 05", ""),
    ("Sophie", "N'Diaye", "", "sophie.ndiaye@chu-exemple.fr"),
    ("Karim", "Benali", "01 45 67 20 19", ""),
    ("Étienne", "Garnier", "", ""),
)
# the given name agrees with the paragraph's civility or role (Mme, M., l'attachée)
GIVEN = (
    ("Clémence", "Nathalie", "Inès", "Hélène", "Camille", "Aurélie", "Julie", "Fatoumata", "Élodie"),
    ("Olivier", "Thierry", "Mehdi", "Julien", "Pascal", "François", "Yannick", "Grégoire", "Hugo"),
    ("Sophie", "Amandine", "Laëtitia", "Céline", "Myriam", "Léa", "Chloé", "Sandrine", "Aïcha"),
    ("Karim", "Vincent", "Mathieu", "Sébastien", "Romain", "Nicolas", "Antoine", "Loïc", "Bruno"),
    ("Étienne", "Philippe", "Bernard", "Jean-Marc", "Alain", "Dominique", "Christophe", "Éric", "Luc"),
)
SYLLABLES = (
    "ber", "la", "mon", "tri", "gau", "vin", "cha", "ro", "dé", "lan", "fer", "quet",
    "rand", "bou", "mar", "tel", "gné", "sa", "vel", "cour", "ni", "pel", "sou", "ta",
    "gue", "lo", "mè", "ric", "don", "vé", "pra", "zi",
)  # fmt: skip


def french_prompt(size_bytes: int, variant: int = 0) -> str:
    """Return a French prompt of at least ``size_bytes`` UTF-8 bytes (whole paragraphs).

    ``variant`` 0 is the fixed prompt; each other non-negative value gives other people
    and another first paragraph (deterministic: the same variant, the same text).
    """
    parts: list[str] = []
    total = 0
    index = variant % len(PARAGRAPHS)
    slot = 0
    while total < size_bytes:
        paragraph_index = index % len(PARAGRAPHS)
        paragraph = PARAGRAPHS[paragraph_index].format(**_person(paragraph_index, variant, slot))
        parts.append(paragraph)
        total += len(paragraph.encode("utf-8"))
        index += 1
        slot += 1
    return "".join(parts).strip()


def _person(paragraph: int, variant: int, slot: int) -> dict[str, str]:
    if variant == 0:
        first, last, phone, email = PEOPLE[paragraph]
        return {"first": first, "last": last, "phone": phone, "email": email}
    # independent draws per (variant, slot): 32 syllables, three or four of them, about 1.1
    # million surnames, so a run of the benchmark meets few of them twice
    draw = hashlib.blake2b(f"{variant}:{slot}".encode(), digest_size=16).digest()
    first = GIVEN[paragraph][draw[0] % len(GIVEN[paragraph])]
    last = "".join(SYLLABLES[draw[k] % len(SYLLABLES)] for k in range(1, 4 + draw[4] % 2)).capitalize()
    digits = f"{int.from_bytes(draw[5:10], 'big') % 10**8:08d}"
    phone = f"0{1 + draw[10] % 7} " + " ".join(digits[k : k + 2] for k in range(0, 8, 2))
    email = f"{_ascii(first)}.{_ascii(last)}@chu-exemple.fr"
    return {"first": first, "last": last, "phone": phone, "email": email}


def _ascii(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c == "-"))
