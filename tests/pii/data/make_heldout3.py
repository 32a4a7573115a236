# Over 400 lines: a corpus generator is a long list of hand-written styles; split, they scatter.
"""Write the third held-out personal-data corpus (``pii_fr_heldout3.jsonl``, ~200 records).

Written on 2026-11-29 by a helper session given only the label definitions (shared eval
README), the markup helper and the check-digit helpers; it never saw the detector, its
rules or the other corpora. Never used for tuning: a fixer must not open this file or
its output.

Usage (from the worktree root)::

    python3 -m tests.pii.data.make_heldout3 > tests/pii/data/pii_fr_heldout3.jsonl

Every value is invented (random combinations of invented given names, family names,
streets and numbers, seed fixed). Offsets come from ``markup.parse``; NIR keys, IBAN keys,
RPPS/ADELI/SIRET Luhn digits come from ``tests/pii/check_digits.py``. A self-check
asserts that every span slices to the value written in the markup.

Annotation rules
----------------
- A span covers the whole value; offsets never include the cue word (« IPP », « né le »,
  « Tél. ») nor the trailing punctuation.
- PERSON: names of real individuals; given and family names together in one span when
  adjacent (any order, any case, particles, hyphenated or apostrophe names); a given name
  alone when it points to one person (« merci Karima »); a family name alone after a
  title (« Mme Petit » -> « Petit »). Titles (M., Mme, Dr, Pr, Ms.) are outside the span.
  Names in separate table/CSV/XML cells are separate spans. Initials alone and study
  subject codes (« 012-004 ») are not marked. Eponymous diseases, scores, institutions,
  rooms, streets of an institution, brands named after people are not personal data;
  some are recorded as keep.
- ADDRESS: a private person's street address: number, street, complements (Bât.,
  Résidence, appt, lieu-dit, BP) and postcode + town when they follow, one span even over
  several lines. The address of a hospital, a supplier or a sponsor is not marked (often
  keep). A town alone is not marked.
- DATE_OF_BIRTH: only when the context makes it a birth date (né(e) le, DDN, DN, date de
  naissance, naissance :, DOB, born, a date next to an age, a « ddn » column), in any
  format, spelled-out included. Rule for partial dates: a year alone (« né en 1961 ») or a
  month and year is NOT marked (not a full date of birth). Ages are not marked. Other
  dates (admission, delivery, invoice, expiry, visit) are not marked; some are keep.
- PATIENT_ID: IPP, NDA, stay / séjour / venue number, patient file number: the number only
  (with its letter prefix when the number has one, e.g. « V23004512 »), not the cue word.
- FR_NIR: NIR / INS / n° sécu, with or without key, spaces, dots.
- HEALTH_PRO_ID: RPPS and ADELI numbers.
- PHONE_NUMBER: whole number with its separators and international prefix; internal
  4-digit extensions (« poste 4512 ») are not marked (keep).
- EMAIL_ADDRESS: whole address, obfuscated forms too (« [at] », « (at) », « arobase »).
- IBAN_CODE: whole IBAN with its spaces.
- Staff and supplier employees' direct phones and e-mails are personal data; generic
  mailboxes of a company (« commandes@… ») are not marked.
- Never marked: supplier/brand names, SIRET/SIREN, market/order/lot/ticket references,
  amounts, budget accounts, FINESS, drugs and devices, internal extensions.

Styles
------
SMS and chat messages without accents and with typos; Teams-like and WhatsApp-like chat
logs; GLPI-like tickets (delivery, pharmacy, lab tubes with « # », « No. », « n° » prefixes
and split identifiers); delivery slips with recipient blocks; HR letters; letters with
multi-line address blocks (Bât., Résidence, lieu-dit, BP, CEDEX for institutions); minutes
of meetings (« Présents : », « Excusés : »); HR/payroll lines (pipe tables); note de frais
in key: value form; titres de recette; transport vouchers; CSV exports (semicolons,
quoted commas); Markdown tables; YAML, XML and JSON snippets (JSON with escaped unicode); voicemail
transcriptions; sponsor and supplier e-mails in English; recall lists; long e-mail threads
(1–3 KB); near-miss texts (order, lot, ticket, SIRET, FINESS, amounts and dates that are not
birth dates, common words that are also family names: petit, blanc, marchand, boulanger).
"""

from __future__ import annotations

import itertools
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from tests.pii.check_digits import iban_with_key, luhn_complete, nir_with_key
from tests.pii.data.markup import build_records, write_jsonl

# ---------------------------------------------------------------- markup shortcuts


def m(label: str, value: str) -> str:
    """Personal data to mask."""
    return f"⟦{label}|{value}⟧"


def k(what: str, value: str) -> str:
    """Text that must stay readable."""
    return f"⟪{what}|{value}⟫"


# one shortcut per label, so that templates read like the text they produce
per, adr, dob, pid = (partial(m, label) for label in ("PERSON", "ADDRESS", "DATE_OF_BIRTH", "PATIENT_ID"))
nir, hpi, tel = (partial(m, label) for label in ("FR_NIR", "HEALTH_PRO_ID", "PHONE_NUMBER"))
mail, iban = (partial(m, label) for label in ("EMAIL_ADDRESS", "IBAN_CODE"))


def unaccent(markup: str) -> str:
    """Drop accents (SMS style); the markup brackets have no decomposition and survive."""
    return "".join(c for c in unicodedata.normalize("NFD", markup) if not unicodedata.combining(c))


# ---------------------------------------------------------------- invented values
# fmt: off

GIVEN_F = (
    "Karima", "Hélène", "Aïssatou", "Mei", "Oksana", "Maria João", "Léa", "Nathalie", "Fatoumata",
    "Thi Hoa", "Ewa", "Sandrine", "Inès", "Chloé", "Yasmina", "Bérénice", "Marie-Claude", "Anne-Sophie",
    "Soraya", "Ngozi", "Ioana", "Agnieszka", "Rosa", "Catarina", "Jeanne", "Linh", "Zoé", "Maëlle",
    "Khadija", "Svetlana", "Gwenaëlle", "Aminata", "Sofia", "Marie-Thérèse", "Naïma", "Colette",
)
GIVEN_M = (
    "Jean-Marc", "Mamadou", "Wei", "Dmitri", "João", "Youssef", "Thierry", "Pierre-Yves", "Kofi",
    "Sébastien", "Mehdi", "Bogdan", "Luc", "Hugo", "Rachid", "Minh", "Tomasz", "Paulo", "Gaëtan",
    "Abdelkader", "Olivier", "Seán", "Cédric", "Kévin", "Ibrahima", "François-Xavier", "Erwan", "Hamza",
    "Vasile", "Rui", "Loïc", "Bernard", "Moussa", "Arnaud", "Yann", "Quang",
)
FAMILY = (
    "Le Gall", "N'Diaye", "O'Neill", "Petit", "Blanc", "Lebrun", "Marchand", "Boulanger", "Ben Saïd",
    "Nguyen", "Tran", "Kowalczyk", "Dos Santos", "Ferreira", "da Costa", "de La Roche-Vernet", "Diallo",
    "Traoré", "Haddad", "El Amrani", "Popescu", "Ivanova", "Zhang", "Morel-Duval", "Lefèvre", "Garnier",
    "Ould Ahmed", "Kamara", "Moreau", "Rousseau-Bertin", "D'Almeida", "Benali", "Chevalier", "Pham",
    "Boucher", "Legrand", "Mendy", "Okafor", "Yilmaz", "Sokolova", "Novak", "Pereira", "Le Floc'h",
    "Kerbrat", "Dubois-Laurent", "Saint-Hilaire", "Abdallah", "Wiśniewski", "Hoang", "Bakayoko",
    "Gonçalves", "Mercier", "Lacroix", "Ait Ouali", "Ramanantsoa", "Nowak", "Guérin", "Le Bihan",
)
FEMININE_FAMILIES = ("Ivanova", "Sokolova")
COMMON_WORD_FAMILIES = (
    "Petit", "Blanc", "Marchand", "Boulanger", "Legrand", "Boucher", "Lebrun",
)

STREETS = (
    "rue des Lilas", "avenue Jean-Jaurès", "allée des Peupliers", "impasse du Moulin",
    "chemin de la Croix-Blanche", "boulevard de la Liberté", "place du Marché", "route de Kerlouan",
    "rue Victor-Hugo", "quai des Tanneurs", "cours Gambetta", "rue du Petit-Pont", "rue de la Gare",
    "allée Louise-Michel", "rue des Écoles", "avenue de Verdun", "chemin des Vignes", "rue Pasteur",
    "square des Acacias", "rue du Général-Leclerc", "impasse des Mésanges", "rue Paul-Bert",
    "avenue des Tilleuls", "rue de Brest", "passage du Commerce", "rue Saint-Exupéry",
)
COMPLEMENTS = (
    "Bât. B", "Bâtiment 3, appt 41", "Résidence Les Glycines", "Rés. du Parc, esc. C", "Appt 12 – 3e étage",
    "Résidence Ker Anna, Bât. A", "porte 214", "Bât. C2, apt 7",
)
LIEUX_DITS = (
    "Kerhuel", "La Croix Rouge", "Le Haut-Bois", "Pen ar Hoat", "Les Landes", "Le Moulin Neuf",
)
TOWNS = (
    ("29200", "Brest"), ("35000", "Rennes"), ("69003", "Lyon"), ("13005", "Marseille"), ("59000", "Lille"),
    ("31400", "Toulouse"), ("44100", "Nantes"), ("97490", "Sainte-Clotilde"), ("20000", "Ajaccio"),
    ("67000", "Strasbourg"), ("33800", "Bordeaux"), ("63000", "Clermont-Ferrand"), ("76600", "Le Havre"),
    ("57000", "Metz"), ("87000", "Limoges"), ("29870", "Landéda"), ("56100", "Lorient"),
    ("22300", "Lannion"), ("93200", "Saint-Denis"), ("75018", "Paris"),
)
SUPPLIERS = (
    "Medilog Santé", "Biotrame SAS", "Pharmadis Ouest", "Orthéa Distribution", "Labonord",
    "Stérimed Atlantique", "Hygiène Plus SARL", "Cardiotech France", "Dialyse Services", "Infuséo",
    "Oxyhome", "Respiradom",
)
FEMININE_DEVICES = ("pompe à perfusion", "chambre d'inhalation")
BRANDS = (
    "B. Braun", "Becton Dickinson", "Fresenius Kabi", "Johnson & Johnson", "Baxter",
)
DEVICES = (
    "concentrateur d'oxygène", "lit médicalisé", "pompe à perfusion", "fauteuil roulant",
    "matelas anti-escarres", "lève-personne", "aérosol pneumatique", "déambulateur", "chambre d'inhalation",
    "extracteur d'oxygène",
)
DRUGS = (
    "méthotrexate 25 mg", "adalimumab 40 mg", "enoxaparine 4000 UI", "pembrolizumab", "ténofovir 245 mg",
)
EPONYMS = (
    "maladie de Crohn", "maladie de Parkinson", "syndrome de Guillain-Barré", "maladie de Hodgkin",
    "maladie d'Alzheimer", "sarcome d'Ewing", "maladie de Basedow", "syndrome de Sjögren",
)
ROOMS = (
    "salle Laennec", "pavillon Charcot", "amphi Claude-Bernard", "bâtiment Marie-Curie",
    "salle Ambroise-Paré",
)
SPONSORS = (
    "Nordhaven Pharma", "Calyxa Therapeutics", "BioVesta Ltd", "Medexon Research",
)
HOSPITAL_DOMAINS = ("chu-ouest.fr", "ch-vallee.fr", "chu-armor.fr")
MAIL_DOMAINS = (
    "gmail.com", "orange.fr", "laposte.net", "hotmail.fr", "free.fr", "yahoo.fr", "sfr.fr",
)
MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre",
)
MONTHS_ABBR = (
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.",
)
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)
_UNITS = (
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
    "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
)
_TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}

# fmt: on


def french_number(n: int) -> str:
    """Spell 0..99 in French (traditional spelling, « et un », « soixante et onze »)."""
    if n < 20:
        return _UNITS[n]
    if n < 70:
        tens, unit = n // 10 * 10, n % 10
        if unit == 0:
            return _TENS[tens]
        return f"{_TENS[tens]} et un" if unit == 1 else f"{_TENS[tens]}-{_UNITS[unit]}"
    if n < 80:
        return "soixante et onze" if n == 71 else f"soixante-{_UNITS[n - 60]}"
    if n == 80:
        return "quatre-vingts"
    return f"quatre-vingt-{_UNITS[n - 80]}"


def french_year(year: int) -> str:
    rest = year % 100
    head = "mille neuf cent" if year < 2000 else "deux mille"
    return f"{head} {french_number(rest)}" if rest else head


def _english_ordinal(day: int) -> str:
    return f"{day}" + {1: "st", 21: "st", 2: "nd", 22: "nd", 3: "rd", 23: "rd"}.get(day, "th")


# style name -> (day, month, year) -> text; « premier »/« 1er » for the first of the month
DATE_STYLES: dict[str, Callable[[int, int, int], str]] = {
    "slash": lambda d, mo, y: f"{d:02d}/{mo:02d}/{y}",
    "short": lambda d, mo, y: f"{d}/{mo}/{y % 100:02d}",
    "dot": lambda d, mo, y: f"{d:02d}.{mo:02d}.{y}",
    "iso": lambda d, mo, y: f"{y}-{mo:02d}-{d:02d}",
    "dash": lambda d, mo, y: f"{d:02d}-{mo:02d}-{y}",
    "long": lambda d, mo, y: f"{'1er' if d == 1 else d} {MONTHS[mo - 1]} {y}",
    "long61": lambda d, mo, y: f"{d} {MONTHS[mo - 1]} {y % 100:02d}",
    "abbr": lambda d, mo, y: f"{d:02d} {MONTHS_ABBR[mo - 1]} {y}",
    "spelled": lambda d, mo, y: (
        f"{'premier' if d == 1 else french_number(d)} {MONTHS[mo - 1]} {french_year(y)}"
    ),
    "en": lambda d, mo, y: f"{MONTHS_EN[mo - 1]} {d}, {y}",
    "en_ord": lambda d, mo, y: f"{_english_ordinal(d)} {MONTHS_EN[mo - 1]} {y}",
    "crf": lambda d, mo, y: f"{d:02d}{MONTHS_EN[mo - 1][:3].upper()}{y}",
    "compact": lambda d, mo, y: f"{y}{mo:02d}{d:02d}",
}


@dataclass(frozen=True)
class Person:
    given: str
    family: str
    female: bool

    @property
    def title(self) -> str:
        return "Mme" if self.female else "M."

    @property
    def full(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def upper(self) -> str:
        """Administrative order: FAMILY Given."""
        return f"{self.family.upper()} {self.given}"

    @property
    def initial(self) -> str:
        initials = "-".join(f"{part[0]}." for part in self.given.split("-"))
        return f"{initials} {self.family}"

    @property
    def sms(self) -> str:
        return unaccent(self.full.lower())

    @property
    def login(self) -> str:
        """Mailbox local part: given.family, ascii, no spaces or apostrophes."""
        raw = unaccent(f"{self.given}.{self.family}".lower())
        return raw.replace(" ", "").replace("'", "")


@dataclass(frozen=True)
class Birth:
    day: int
    month: int
    year: int


class Fake:
    """Invented values drawn from one seeded generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def pick(self, items: tuple[str, ...]) -> str:
        return self.rng.choice(items)

    def person(self, female: bool | None = None) -> Person:
        if female is None:
            female = self.rng.random() < 0.5
        given = self.pick(GIVEN_F if female else GIVEN_M)
        family = self.pick(FAMILY)
        while not female and family in FEMININE_FAMILIES:
            family = self.pick(FAMILY)
        return Person(given, family, female)

    def people(self, count: int) -> list[Person]:
        chosen: list[Person] = []
        while len(chosen) < count:
            candidate = self.person()
            if all(candidate.family != p.family and candidate.given != p.given for p in chosen):
                chosen.append(candidate)
        return chosen

    # -- addresses
    def street(self) -> str:
        number = str(self.rng.randint(1, 187)) + self.pick(("", "", "", "", " bis", " ter", "B"))
        return f"{number} {self.pick(STREETS)}"

    def town(self, upper: bool = False) -> str:
        postcode, town = self.rng.choice(TOWNS)
        if self.rng.random() < 0.2:
            postcode = f"{postcode[:2]} {postcode[2:]}"
        return f"{postcode} {town.upper() if upper else town}"

    def address_line(self) -> str:
        sep = self.pick((", ", " ", " – ", ", "))
        if self.rng.random() < 0.3:
            return f"{self.street()}, {self.pick(COMPLEMENTS)}{sep}{self.town()}"
        return f"{self.street()}{sep}{self.town()}"

    def address_block(self) -> str:
        shape = self.rng.randrange(4)
        if shape == 0:
            return f"{self.street()}\n{self.town(upper=True)}"
        if shape == 1:
            return f"{self.pick(COMPLEMENTS)}\n{self.street()}\n{self.town(upper=True)}"
        if shape == 2:
            return f"Lieu-dit {self.pick(LIEUX_DITS)}\n{self.town(upper=True)}"
        return f"{self.street()}\nBP {self.rng.randint(2, 90)}\n{self.town(upper=True)}"

    # -- dates
    def birth(self) -> Birth:
        return Birth(self.rng.randint(1, 28), self.rng.randint(1, 12), self.rng.randint(1932, 2004))

    def date_text(self, b: Birth, style: str | None = None) -> str:
        style = style or self.pick(
            ("slash", "slash", "short", "dot", "iso", "dash", "long", "long61", "abbr")
        )
        return DATE_STYLES[style](b.day, b.month, b.year)

    def other_date(self) -> str:
        d, mo, y = self.rng.randint(1, 28), self.rng.randint(1, 12), self.rng.choice((2024, 2025, 2026))
        return self.pick((f"{d:02d}/{mo:02d}/{y}", f"{d} {MONTHS[mo - 1]}", f"{y}-{mo:02d}-{d:02d}"))

    # -- identifiers
    def digits(self, count: int) -> str:
        return "".join(str(self.rng.randrange(10)) for _ in range(count))

    def ipp(self) -> str:
        raw = self.pick(("40", "80", "00", "12")) + self.digits(6)
        shape = self.rng.randrange(5)
        if shape == 3:
            return f"{raw[:4]} {raw[4:]}"
        if shape == 4:
            return f"{raw[:3]}-{raw[3:6]}-{raw[6:]}"
        return raw

    def nda(self) -> str:
        year = self.pick(("23", "24", "25", "26"))
        shape = self.rng.randrange(4)
        if shape == 0:
            return f"{year}{self.digits(7)}"
        if shape == 1:
            return f"{year}-{self.digits(6)}"
        if shape == 2:
            return f"V{year}{self.digits(6)}"
        return f"{self.digits(3)} {self.digits(3)} {self.digits(3)}"

    def nir_value(self, person: Person, b: Birth, grouped: str | None = None) -> str:
        dept = self.pick(("29", "35", "75", "69", "2A", "13", "99", "56", "2B"))
        commune = f"{self.rng.randint(1, 400):03d}"
        body = f"{2 if person.female else 1}{b.year % 100:02d}{b.month:02d}{dept}{commune}{self.digits(3)}"
        full = nir_with_key(body)
        shape = grouped or self.pick(("spaces", "spaces", "flat", "dots", "nokey", "slashkey"))
        parts = (full[0], full[1:3], full[3:5], full[5:7], full[7:10], full[10:13])
        if shape == "spaces":
            return " ".join((*parts, full[13:]))
        if shape == "flat":
            return full
        if shape == "dots":
            return ".".join((*parts, full[13:]))
        if shape == "nokey":
            return " ".join(parts)
        return f"{' '.join(parts)} / {full[13:]}"

    def rpps(self) -> str:
        value = luhn_complete("10" + self.digits(8))
        return self.pick((value, value, f"{value[:3]} {value[3:6]} {value[6:9]} {value[9:]}"))

    def adeli(self) -> str:
        value = luhn_complete(
            self.pick(("29", "35", "75", "56")) + self.pick(("6", "7", "9")) + self.digits(5)
        )
        return self.pick((value, f"{value[:2]} {value[2:4]} {value[4:8]} {value[8]}"))

    def phone(self, mobile: bool | None = None, style: str | None = None) -> str:
        if mobile is None:
            mobile = self.rng.random() < 0.6
        first = self.pick(("6", "7")) if mobile else self.pick(("1", "2", "3", "4", "5", "9"))
        rest = self.digits(8)
        pairs = [rest[i : i + 2] for i in range(0, 8, 2)]
        style = style or self.pick(("spaces", "spaces", "dots", "flat", "intl", "intl0", "dashes"))
        if style == "spaces":
            return f"0{first} " + " ".join(pairs)
        if style == "dots":
            return f"0{first}." + ".".join(pairs)
        if style == "flat":
            return f"0{first}{rest}"
        if style == "intl":
            return f"+33 {first} " + " ".join(pairs)
        if style == "intl0":
            return f"+33 (0){first} " + " ".join(pairs)
        return f"0{first}-" + "-".join(pairs)

    def email(self, person: Person, work: bool = False) -> str:
        domain = self.pick(HOSPITAL_DOMAINS if work else MAIL_DOMAINS)
        local = person.login
        if self.rng.random() < 0.3:
            local = unaccent(f"{person.given[0]}{person.family}".lower()).replace(" ", "").replace("'", "")
        return f"{local}@{domain}"

    def email_obfuscated(self, person: Person) -> str:
        local, domain = person.login, self.pick(MAIL_DOMAINS)
        name, tld = domain.rsplit(".", 1)
        return self.pick(
            (
                f"{local} [at] {domain}",
                f"{local}(at){domain}",
                f"{local} arobase {name} point {tld}",
                f"{local} @ {name} . {tld}",
            )
        )

    def iban_value(self, country: str = "FR", grouped: bool = True) -> str:
        if country == "FR":
            bank, branch, account = self.digits(5), self.digits(5), self.digits(11)
            key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
            value = iban_with_key("FR", f"{bank}{branch}{account}{key:02d}")
        else:
            length = {"BE": 12, "DE": 18, "PT": 21, "ES": 20, "LU": 16}[country]
            value = iban_with_key(country, self.digits(length))
        if not grouped:
            return value
        return " ".join(value[i : i + 4] for i in range(0, len(value), 4))

    def siret(self) -> str:
        value = luhn_complete(self.pick(("3", "4", "5", "7", "8")) + self.digits(12))
        return self.pick((value, f"{value[:3]} {value[3:6]} {value[6:9]} {value[9:]}"))

    def finess(self) -> str:
        return luhn_complete(self.pick(("29", "35", "56", "22")) + "0" + self.digits(5))

    def order(self) -> str:
        return self.pick(
            (f"45{self.digits(8)}", f"CDE-{self.digits(2)}-{self.digits(5)}", f"BC{self.digits(7)}")
        )

    def lot(self) -> str:
        return self.pick(
            (
                f"{self.digits(2)}B{self.digits(4)}",
                f"L{self.digits(7)}",
                f"A{self.digits(3)}-{self.digits(2)}",
            )
        )

    def amount(self) -> str:
        value = self.rng.randint(1200, 2_000_000)
        euros = f"{value // 100:,}".replace(",", " ")
        return f"{euros},{value % 100:02d} €"

    def device(self, article: str = "") -> str:
        """A device, with « le »/« du » (or « la », « l' », « de la », « de l' ») when asked."""
        name = self.pick(DEVICES)
        if not article:
            return name
        if name[0] in "aeiouyéèâ":
            return ("l'" if article == "le" else "de l'") + name
        if name in FEMININE_DEVICES:
            return ("la " if article == "le" else "de la ") + name
        return f"{article} {name}"

    def ext(self) -> str:
        return self.pick(("4", "5", "6", "7")) + self.digits(3)


# ---------------------------------------------------------------- procurement styles

Record = tuple[str, str]


def sms_home_delivery(f: Fake) -> Record:
    staff, patient = f.people(2)
    variant = f.rng.randrange(3)
    if variant == 0:
        text = (
            f"slt {per(staff.given.lower())} c moi, {f.device('le')} pr {per(patient.sms)} (ipp {pid(f.ipp())}) "
            f"doit etre livre demain au {adr(f.address_line().lower())} mais perssone repond au {tel(f.phone(True))} , "
            f"tu px rappeler? c la cmd {k('order_ref', f.order())} chez {k('company', f.pick(SUPPLIERS))} mrc"
        )
    elif variant == 1:
        text = (
            f"{per(staff.given)} urgent!! le livreur {k('company', f.pick(SUPPLIERS))} est devant chez "
            f"{per(patient.family.upper() + ' ' + patient.given.lower())} ({adr(f.address_line())}) et trouve pas "
            f"le bat, le fils dit de l appeler au {tel(f.phone(True, 'flat'))}. dossier {pid(f.ipp())} stp tu geres ?"
        )
    else:
        text = (
            f"re {per(staff.given.lower())}, pr info j ai change l adresse de livraison de mme {per(patient.family.lower())} "
            f"(ipp {pid(f.ipp())}) : c plus chez sa fille mais {adr(f.address_line())}, tel {tel(f.phone(True))}. "
            f"la cde {k('order_ref', f.order())} part jeudi"
        )
    return "procurement", unaccent(text)


def glpi_ticket(f: Fake) -> Record:
    requester, patient, relative = f.people(3)
    ticket = f"2{f.digits(7)}"
    text = (
        f"Ticket n° {k('ticket', ticket)} – [Logistique > Livraisons HAD]\n"
        f"Demandeur : {per(requester.upper)} (poste {k('extension', f.ext())})\n"
        "Type : Demande – Urgence : moyenne\n"
        "Description :\n"
        + f.pick(
            (
                f"Bonjour, la livraison {f.device('du')} {k('brand', f.pick(BRANDS))} pour {patient.title} "
                f"{per(patient.full)} (IPP : {pid(f.ipp())}) prévue le {f.other_date()} n'a pas eu lieu.\n",
                f"Le patient {per(patient.upper)} – n° de venue {pid(f.nda())} – sort en HAD le {f.other_date()}, "
                f"il faut {f.device('le')} {k('brand', f.pick(BRANDS))} à domicile.\n",
                f"Retour de prêt : {f.device('le')} prêté à {patient.title} {per(patient.family)} "
                f"(dossier {pid(f.ipp())}) n'a jamais été récupéré.\n",
            )
        )
        + f"Adresse de livraison : {adr(f.address_line())}\n"
        f"Contact famille : {per(relative.full)} au {tel(f.phone())}\n"
        f"Merci de relancer le transporteur {k('company', f.pick(SUPPLIERS))}."
    )
    return "procurement", text


def delivery_slip(f: Fake) -> Record:
    patient = f.person()
    supplier = f.pick(SUPPLIERS)
    text = (
        f"BON DE LIVRAISON N° {k('reference', 'BL-' + f.digits(4) + '-' + f.digits(5))}\n"
        f"Expéditeur : {k('company', supplier)} – SIRET {k('siret', f.siret())}\n"
        f"{k('supplier_address', 'ZA de Kergaradec, 12 rue Alain-Colas, 29806 BREST CEDEX 9')}\n\n"
        "Destinataire :\n"
        f"{patient.title.upper()} {per(patient.upper)}\n"
        f"{adr(f.address_block())}\n"
        f"Tél. {tel(f.phone())}\n\n"
        "Réf.    | Désignation                 | Qté\n"
        f"{f.digits(6)}  | {k('device', f.device())} | 1\n"
        f"Lot : {k('lot', f.lot())} – à utiliser avant le {f.other_date()}\n"
        f"N° de commande CHU : {k('order_ref', f.order())}"
    )
    return "procurement", text


def supplier_signature(f: Fake) -> Record:
    buyer, rep = f.people(2)
    supplier = f.pick(SUPPLIERS)
    text = (
        f"Bonjour {buyer.title} {per(buyer.family)},\n\n"
        f"Veuillez trouver ci-joint notre devis n° {k('reference', 'DV' + f.digits(6))} pour 40 unités ({k('device', f.device())}) "
        f"au prix unitaire de {k('amount', f.amount())} HT, conformément au marché {k('reference', '2025-0' + f.digits(2))} "
        f"lot {f.rng.randint(1, 9)}.\n\nBien cordialement,\n\n"
        f"{per(rep.full)}\nChargé(e) de clientèle grands comptes – {k('company', supplier)}\n"
        f"Ligne directe : {tel(f.phone(False))} | Mobile : {tel(f.phone(True))}\n"
        f"{mail(rep.login + '@' + unaccent(supplier.split()[0].lower()) + '.fr')}\n"
        f"Standard : commandes@{unaccent(supplier.split()[0].lower())}.fr"
    )
    return "procurement", text


def purchase_minutes(f: Fake) -> Record:
    p = f.people(6)
    text = (
        f"Compte rendu – Commission des achats du {f.other_date()}\n"
        f"Lieu : {k('room', f.pick(ROOMS))}\n\n"
        f"Présents : {per(p[0].full)} (DAF), {per(p[1].upper)} (pharmacie), Mme {per(p[2].family)} "
        f"(biomédical), Dr {per(p[3].full)}\n"
        f"Excusés : {per(p[4].initial)}, {per(p[5].given)} (stagiaire)\n\n"
        f"1. Renouvellement du marché « {k('device', f.device())} » : {k('company', f.pick(SUPPLIERS))} retenu, "
        f"montant estimé {k('amount', f.amount())}.\n"
        f"2. Litige livraison : {per(p[1].given)} rappelle que le fournisseur a livré au domicile d'un patient "
        "sans bon signé ; le biomédical récupère le matériel.\n"
        f"3. {per(p[0].family)} demande un point mensuel. Prochaine réunion le {f.other_date()}.\n"
        f"Rédactrice : {per(p[2].full)} – {mail(f.email(p[2], work=True))}"
    )
    return "procurement", text


def teams_chat(f: Fake) -> Record:
    a, b, rep = f.people(3)
    supplier = f.pick(SUPPLIERS)
    text = (
        f"[09:12] {per(a.full)}\nqqn a le mail de {per(rep.given)} chez {k('company', supplier)} ? "
        f"c'est pour la cde {k('order_ref', f.order())}\n"
        f"[09:13] {per(b.full)}\n{mail(rep.login + '@' + unaccent(supplier.split()[0].lower()) + '.com')}\n"
        f"[09:13] {per(b.full)}\nou son portable : {tel(f.phone(True))}\n"
        f"[09:15] {per(a.full)}\nsuper merci {per(b.given)} 👍 je lui demande le lot {k('lot', f.lot())}"
    )
    return "procurement", text


def english_supplier(f: Fake) -> Record:
    rep, patient, buyer = f.people(3)
    text = (
        f"Hi {per(rep.given)},\n\nFollowing our call, please ship the replacement {k('device', 'infusion pump')} "
        f"(serial {k('reference', 'SN' + f.digits(8))}) directly to the patient's home:\n"
        f"{per(patient.full)}\n{adr(f.address_block())}\nPhone: {tel(f.phone(True, 'intl'))}\n\n"
        f"Our PO number is {k('order_ref', f.order())}. The patient's hospital number is {pid(f.ipp())}, "
        "please put it on the delivery note.\n\n"
        f"Best regards,\n{per(buyer.full)} | Procurement | {mail(f.email(buyer, work=True))} | ext. {k('extension', f.ext())}"
    )
    return "procurement", text


def recall_list(f: Fake) -> Record:
    pts = f.people(3)
    lot = f.lot()
    lines = "\n".join(
        f"- {per(p.upper)} (IPP {pid(f.ipp())}) – {adr(f.address_line())} – {tel(f.phone())}" for p in pts
    )
    text = (
        f"URGENT – Rappel du lot {k('lot', lot)} « {k('device', f.device())} » ({k('company', f.pick(SUPPLIERS))}).\n"
        "Patients équipés à domicile à contacter avant vendredi :\n"
        f"{lines}\n"
        "Merci de me confirmer l'échange pour chacun."
    )
    return "procurement", text


def purchase_near_misses(f: Fake) -> Record:
    buyer = f.person()
    word = f.pick(COMMON_WORD_FAMILIES)
    text = (
        f"Commande {k('order_ref', f.order())} du {k('date', f.other_date())} – fournisseur "
        f"{k('company', f.pick(SUPPLIERS))} (SIRET {k('siret', f.siret())}, FINESS de livraison "
        f"{k('finess', f.finess())}).\n"
        f"Lot {k('lot', f.lot())}, péremption {k('date', f.other_date())}, quantité 1 200, total "
        f"{k('amount', f.amount())} TTC imputé sur le compte {k('budget_account', '6066' + f.digits(1))}.\n"
        f"Le carton est arrivé avec un {k('common_word', 'petit')} défaut d'étiquetage, étiquette {k('common_word', 'blanc')}he.\n"
        f"Contact acheteur : {buyer.title} {per(buyer.family)}, poste {k('extension', f.ext())} ou {tel(f.phone(False))}."
    )
    if word not in buyer.family:
        text += f"\n(ne pas confondre avec le fournisseur {k('company', word + ' Médical')})"
    return "procurement", text


def xml_delivery(f: Fake) -> Record:
    p = f.person()
    text = (
        "<livraison>\n"
        "  <destinataire>\n"
        f"    <nom>{per(p.family.upper())}</nom>\n"
        f"    <prenom>{per(p.given)}</prenom>\n"
        f"    <adresse>{adr(f.address_line())}</adresse>\n"
        f"    <tel>{tel(f.phone())}</tel>\n"
        f"    <ipp>{pid(f.ipp().replace(' ', '').replace('-', ''))}</ipp>\n"
        "  </destinataire>\n"
        f'  <commande ref="{k("order_ref", f.order())}" fournisseur="{k("company", f.pick(SUPPLIERS))}"/>\n'
        "</livraison>\npourquoi ce XML est rejeté par le portail du transporteur ?"
    )
    return "procurement", text


def voicemail(f: Fake) -> Record:
    caller = f.person()
    mother = Person(f.pick(GIVEN_F), caller.family, True)
    text = (
        f"Transcription messagerie (14h32) : « oui bonjour c'est {per(caller.given + ' ' + caller.family)} "
        f"je vous appelle pour {f.device('le')} de ma mère madame {per(mother.full)}, "
        f"elle est sortie le {f.other_date()}, son numéro de dossier c'est le {pid(f.ipp())}, "
        f"le livreur devait passer au {adr(f.street())} à {f.rng.choice(TOWNS)[1]} et personne est venu, "
        f"vous pouvez me rappeler au {tel(f.phone(True))} voilà merci au revoir »\n"
        "→ reformule-moi ça en ticket propre pour le magasin"
    )
    return "procurement", text


def eponym_procurement(f: Fake) -> Record:
    p = f.person()
    text = (
        f"Pour le {k('room', f.pick(ROOMS))}, il faut commander 6 pompes {k('brand', f.pick(BRANDS))} et des kits "
        f"{k('brand', f.pick(BRANDS))}. La livraison se fait à l'{k('institution', 'hôpital Morvan')}, "
        f"{k('hospital_address', '2 avenue Foch, 29200 Brest')}, quai 3. "
        f"Référent(e) : {per(p.full)}, {tel(f.phone(False, 'dots'))}. Le service prend en charge surtout des "
        f"patients suivis pour {k('disease', f.pick(EPONYMS))}."
    )
    return "procurement", text


# ---------------------------------------------------------------- accounting styles


def payroll_lines(f: Fake) -> Record:
    rows = []
    for p in f.people(4):
        country = f.pick(("FR", "FR", "FR", "PT", "BE"))
        rows.append(
            f"| {f.digits(6)} | {per(p.upper)} | {iban(f.iban_value(country))} | {k('amount', f.amount())} |"
        )
    text = (
        "Extraction test paie (données fictives à vérifier) :\n"
        "| Matricule | Agent | IBAN | Net à payer |\n|---|---|---|---|\n"
        + "\n".join(rows)
        + "\nLe virement de la 3e ligne est revenu en rejet, comment le justifier au comptable ?"
    )
    return "accounting", text


def refund_letter(f: Fake) -> Record:
    p = f.person()
    treasurer = f.person()
    text = (
        f"{'Madame' if p.female else 'Monsieur'} {per(p.full)}\n{adr(f.address_block())}\n\n"
        f"Objet : remboursement d'un trop-perçu – séjour n° {pid(f.nda())}\n\n"
        f"{'Madame' if p.female else 'Monsieur'},\n\n"
        f"Suite à votre hospitalisation du {k('date', f.other_date())}, vous avez réglé deux fois la somme de "
        f"{k('amount', f.amount())}. Afin de procéder au remboursement, merci de nous retourner un relevé "
        "d'identité bancaire à votre nom.\n\n"
        f"Pour le Trésorier, {per(treasurer.full)}\n"
        f"{k('hospital_address', 'Direction des finances, 5 avenue Foch, BP 824, 29609 BREST CEDEX')}\n\n"
        "--> peux-tu rendre ce courrier plus aimable ?"
    )
    return "accounting", text


def csv_debts(f: Fake) -> Record:
    rows = []
    for p in f.people(3):
        b = f.birth()
        rows.append(
            f"{pid(f.nda())};{per(p.family.upper())};{per(p.given)};{dob(f.date_text(b, 'slash'))};"
            f"{k('amount', f.amount())}"
        )
    text = (
        "nda;nom;prenom;ddn;reste_a_charge\n" + "\n".join(rows) + "\n\nfais-moi un TCD par tranche de montant"
    )
    return "accounting", text


def expense_claim(f: Fake) -> Record:
    p = f.person()
    text = (
        "NOTE DE FRAIS – déplacement formation\n"
        f"Agent : {per(p.upper)}\n"
        f"Service : DIM – UF {k('reference', f.digits(4))}\n"
        f"Adresse personnelle : {adr(f.address_line())}\n"
        f"Téléphone : {tel(f.phone(True))}\n"
        f"Courriel : {mail(f.email(p))}\n"
        f"IBAN : {iban(f.iban_value())}\n"
        f"Montant : {k('amount', f.amount())} (train + 2 nuits)\n"
        "Question : le barème kilométrique s'applique-t-il si le trajet part du domicile ?"
    )
    return "accounting", text


def accounting_chat(f: Fake) -> Record:
    p = f.person()
    b = f.birth()
    if f.rng.random() < 0.4:
        text = (
            f"bjr, un patient ({per(p.full)}) conteste sa facture, il dit qu il etait pas hospitalise le "
            f"{f.other_date()}. ddn {dob(f.date_text(b, 'dash'))} sejour {pid(f.nda())}. je lui reponds quoi ? "
            f"il menace d ecrire au directeur. son portable {tel(f.phone(True))}"
        )
        return "accounting", unaccent(text)
    text = (
        f"salut tu peux m aider a ecrire un mail de relance pour le patient {per(p.sms)} ne le "
        f"{dob(f.date_text(b, f.pick(('short', 'slash'))))} nda {pid(f.nda())}, il doit {k('amount', f.amount())} "
        f"depuis {f.other_date()} et il repond pas au {tel(f.phone(True, 'flat'))}. son mail c {mail(f.email(p))}"
    )
    return "accounting", unaccent(text)


def json_escaped(f: Fake) -> Record:
    p = f.person()
    b = f.birth()

    def esc(s: str) -> str:
        return json.dumps(s)[1:-1]

    text = (
        '{"debiteur": {"nom": "' + per(esc(p.family.upper())) + '", "prenom": "' + per(esc(p.given)) + '",\n'
        ' "date_naissance": "' + dob(f.date_text(b, "iso")) + '",\n'
        ' "adresse": "' + adr(esc(f.address_line())) + '",\n'
        ' "iban": "' + iban(f.iban_value(grouped=False)) + '"},\n'
        ' "sejour": "' + pid(f.nda()) + '", "montant": "' + k("amount", f.amount()) + '",\n'
        ' "commentaire": "' + esc("Échéancier accepté, relance à J+30") + '"}\n'
        "Ce JSON vient de l'export Pastel, pourquoi les accents sont bizarres ?"
    )
    return "accounting", text


def receivable_title(f: Fake) -> Record:
    p = f.person()
    b = f.birth()
    text = (
        f"TITRE DE RECETTE n° {k('reference', '2025-' + f.digits(6))} – exercice 2025\n"
        f"Débiteur : {per(p.upper)}, {'née' if p.female else 'né'} le {dob(f.date_text(b))}\n"
        f"N° sécu : {nir(f.nir_value(p, b))}\n"
        f"Domicile : {adr(f.address_line())}\n"
        f"Objet : forfait journalier – NDA {pid(f.nda())}\n"
        f"Imputation : compte {k('budget_account', '4111')} / {k('budget_account', '7068')} – "
        f"{k('amount', f.amount())}"
    )
    return "accounting", text


def budget_minutes(f: Fake) -> Record:
    p = f.people(5)
    text = (
        f"Dialogue de gestion pôle médecine – {k('room', f.pick(ROOMS))}\n"
        f"Présents : Pr {per(p[0].upper)}, {per(p[1].full)} (cadre sup.), {per(p[2].initial)} (contrôle de gestion), "
        f"Dr {per(p[3].family)}\n"
        f"Excusée : {per(p[4].full)}\n\n"
        f"- Les dépenses du compte {k('budget_account', '60221')} augmentent de 12 % ({k('amount', f.amount())}).\n"
        f"- L'unité {k('disease', f.pick(EPONYMS))} demande un poste d'IDE.\n"
        f"- {per(p[1].given)} signale une erreur d'imputation sur l'UF {k('reference', f.digits(4))}.\n"
        f"- Le Pr {per(p[0].family)} souhaite un tableau par GHM.\n"
        f"Suivi : {per(p[2].full)}, {tel(f.phone(False))}, {mail(f.email(p[2], work=True))}"
    )
    return "accounting", text


def yaml_insured(f: Fake) -> Record:
    p = f.person()
    b = f.birth()
    text = (
        "assure:\n"
        f"  nom: {per(p.family.upper())}\n"
        f"  prenom: {per(p.given)}\n"
        f'  nir: "{nir(f.nir_value(p, b, "flat"))}"\n'
        f"  date_naissance: {dob(f.date_text(b, 'iso'))}\n"
        f'  adresse: "{adr(f.address_line())}"\n'
        f'  telephone: "{tel(f.phone())}"\n'
        "mutuelle:\n"
        f"  nom: {k('company', 'Mutuelle Armorique')}\n"
        f"  montant_pris_en_charge: {k('amount', f.amount())}\n"
        "# comment je valide ce fichier contre le schéma ?"
    )
    return "accounting", text


def english_auditor(f: Fake) -> Record:
    p, auditor = f.people(2)
    text = (
        f"Dear colleagues,\n\nDuring the audit we found a payment of {k('amount', f.amount())} to "
        f"{per(p.full)} (IBAN {iban(f.iban_value(f.pick(('DE', 'LU', 'ES'))))}) without an approved invoice. "
        f"The home address on file is {adr(f.address_line())}. Could you confirm whether this person is a "
        f"locum doctor (RPPS {hpi(f.rpps())})?\n\nKind regards,\n{per(auditor.full)}\n"
        f"External auditor – {k('company', 'Harcourt & Lamb LLP')} – {tel(f.phone(True, 'intl'))}"
    )
    return "accounting", text


def staff_sms_rib(f: Fake) -> Record:
    p, colleague = f.people(2)
    text = (
        f"coucou {per(colleague.given.lower())} c {per(p.given.lower())} de la compta fournisseurs, mon rib a change "
        f"c {iban(f.iban_value(grouped=False))} , tu px mettre a jour pr la paie stp? et ma nouvelle adresse c "
        f"{adr(f.address_line().lower())}. jsuis joignable au {tel(f.phone(True, 'dots'))} bisous"
    )
    return "accounting", unaccent(text)


def accounting_near_misses(f: Fake) -> Record:
    p = f.person()
    text = (
        f"Rapprochement : facture {k('reference', 'FA' + f.digits(8))} du {k('date', f.other_date())}, "
        f"fournisseur {k('company', f.pick(SUPPLIERS))} (SIREN {k('siret', f.siret().replace(' ', '')[:9])}), "
        f"montant {k('amount', f.amount())}, engagement {k('reference', f.digits(8))}, mandat "
        f"{k('reference', '06 ' + f.digits(2) + ' ' + f.digits(2) + ' ' + f.digits(2))}.\n"
        f"Le montant de {k('amount', f.amount())} semble saisi deux fois.\n"
        f"Gestionnaire : {per(p.initial)} (poste {k('extension', f.ext())}). Le {k('common_word', 'marchand')} "
        "de fournitures a aussi envoyé un avoir."
    )
    return "accounting", text


def hr_family_names(f: Fake) -> Record:
    p = Person(f.pick(GIVEN_F), f.pick(COMMON_WORD_FAMILIES), True)
    q = Person(f.pick(GIVEN_M), f.pick(COMMON_WORD_FAMILIES), False)
    text = (
        f"Mme {per(p.family)} a un {k('common_word', 'petit')} souci sur sa fiche de paie : la prime de nuit "
        f"n'apparaît pas. Elle demande aussi que {per(q.full)} (son chef d'équipe) valide le planning. "
        f"Ses coordonnées : {tel(f.phone(True))}, {mail(f.email(p))}. Le {k('common_word', 'boulanger')} "
        "du self a été payé en double, sans rapport."
    )
    return "accounting", text


# ---------------------------------------------------------------- research styles


def sponsor_redaction(f: Fake) -> Record:
    investigator, patient, cra = f.people(3)
    b = f.birth()
    sponsor = f.pick(SPONSORS)
    text = (
        f"Dear Dr {per(investigator.family)},\n\n"
        f"During remote monitoring of study {k('study', 'NHP-' + f.digits(3))} we received a CRF page for subject "
        f"{k('reference', f.digits(3) + '-' + f.digits(3))} that was not pseudonymised. It shows: Name "
        f"{per(patient.upper)}, DOB {dob(f.date_text(b, f.pick(('iso', 'crf', 'en'))))}, hospital number "
        f"{pid(f.ipp())}. Please redact these and re-upload. As a reminder, only the subject number and year "
        "of birth may be transmitted.\n\n"
        f"Regards,\n{per(cra.full)}\nClinical Research Associate, {k('company', sponsor)}\n"
        f"{tel(f.phone(True, 'intl'))} – {mail(cra.login + '@' + sponsor.split()[0].lower() + '.com')}"
    )
    return "research", text


def inclusion_markdown(f: Fake) -> Record:
    rows = []
    for index, p in enumerate(f.people(3), start=1):
        b = f.birth()
        rows.append(
            f"| {k('reference', f'{index:02d}-0{f.digits(2)}')} | {per(p.family.upper())} | {per(p.given)} | "
            f"{dob(f.date_text(b, f.pick(('slash', 'dot'))))} | {pid(f.ipp())} | {k('date', f.other_date())} |"
        )
    text = (
        "Tableau de suivi des inclusions (à garder en local !)\n\n"
        "| N° inclusion | Nom | Prénom | DDN | IPP | Date d'inclusion |\n"
        "|---|---|---|---|---|---|\n"
        + "\n".join(rows)
        + "\n\nPeux-tu calculer le délai moyen entre la DDN et l'inclusion ? Non, plutôt l'âge à l'inclusion."
    )
    return "research", text


def observation_note(f: Fake) -> Record:
    patient, doctor = f.people(2)
    b = f.birth()
    age = 2025 - b.year
    text = (
        f"{'Patiente' if patient.female else 'Patient'} {per(patient.full)} ({age} ans, "
        f"{'née' if patient.female else 'né'} le {dob(f.date_text(b))}), IPP {pid(f.ipp())}, "
        f"NDA {pid(f.nda())}, {'incluse' if patient.female else 'inclus'} le {k('date', f.other_date())} "
        f"dans l'essai (indication : {k('disease', f.pick(EPONYMS))}). Traitement : {k('drug', f.pick(DRUGS))}. "
        f"Investigateur : Dr {per(doctor.full)} (RPPS {hpi(f.rpps())}). Résume-moi ça pour le CRF."
    )
    return "research", text


def consent_sms(f: Fake) -> Record:
    patient, colleague = f.people(2)
    b = f.birth()
    if f.rng.random() < 0.5:
        text = (
            f"{per(colleague.given.lower())} le patient {per(patient.family.lower())} a pa signe le 2eme consentement, "
            f"ddn {dob(f.date_text(b, 'short'))} ipp {pid(f.ipp())}, je le rapel au {tel(f.phone(True, 'flat'))} "
            "ce soir, tu px pas lui envoyer par mail stp"
        )
    else:
        text = (
            f"Coucou, {'ta patiente' if patient.female else 'ton patient'} de 14h ("
            f"{per(patient.given + ' ' + patient.family.upper())}, {'née' if patient.female else 'né'} le {dob(f.date_text(b, 'long61'))}) "
            "a appele, vient pas, covid. demande qu on rappelle sur le fixe du domicile "
            f"{tel(f.phone(False))}. Bisous {per(colleague.given)}"
        )
    return "research", unaccent(text)


def monitoring_minutes(f: Fake) -> Record:
    pi, nurse, arc, monitor = f.people(4)
    text = (
        f"Compte rendu de visite de monitoring – étude {k('study', 'CALYX-' + f.digits(2))}\n"
        f"Présents : Pr {per(pi.full)} (investigateur principal, RPPS {hpi(f.rpps())}), "
        f"{per(nurse.full)} (IDE de recherche, ADELI {hpi(f.adeli())}), {per(arc.upper)} (TEC), "
        f"{per(monitor.full)} ({k('company', f.pick(SPONSORS))})\n\n"
        f"Points : 3 écarts au protocole ; le patient {k('reference', f.digits(3) + '-' + f.digits(3))} "
        f"a été vu hors fenêtre le {k('date', f.other_date())}. {per(nurse.given)} refait le classeur "
        f"investigateur. Contact : {mail(f.email(arc, work=True))}"
    )
    return "research", text


def pharmacy_trial_ticket(f: Fake) -> Record:
    patient, prescriber, requester = f.people(3)
    b = f.birth()
    text = (
        f"GLPI #{k('ticket', f.digits(7))} – Pharmacie essais cliniques\n"
        f"Demandeur : {per(requester.full)}\n"
        "Objet : dispensation bloquée\n"
        f"Patient : {per(patient.upper)} – DN {dob(f.date_text(b, 'slash'))} – INS {nir(f.nir_value(patient, b))}\n"
        f"Prescripteur : Dr {per(prescriber.full)}, RPPS {hpi(f.rpps())}\n"
        f"Traitement : {k('drug', f.pick(DRUGS))}, lot {k('lot', f.lot())}, kit n° {k('reference', f.digits(5))}\n"
        "Le logiciel refuse l'ordonnance, l'INS n'est pas qualifiée."
    )
    return "research", text


def ecrf_json(f: Fake) -> Record:
    p = f.person()
    b = f.birth()
    doctor = f.person()

    def esc(s: str) -> str:
        return json.dumps(s)[1:-1]

    text = (
        "Export eCRF brut (ne devrait pas contenir d'identifiants) :\n"
        '[{"subject": "'
        + k("reference", f.digits(3) + "-" + f.digits(3))
        + '", "identite": "'
        + per(esc(p.full))
        + '", "ddn": "'
        + dob(f.date_text(b, "compact"))
        + '", "ipp": "'
        + pid(f.ipp().replace(" ", "").replace("-", ""))
        + '",\n  "visite": "'
        + k("date", f.other_date())
        + '", "investigateur": "'
        + per(esc(doctor.full))
        + '", "rpps": "'
        + hpi(f.rpps().replace(" ", ""))
        + '"}]\nComment supprimer ces champs avec jq ?'
    )
    return "research", text


def participant_letter(f: Fake) -> Record:
    p, nurse = f.people(2)
    text = (
        f"{k('institution', 'Centre d’investigation clinique')} – {k('hospital_address', '2 avenue Foch, 29200 Brest')}\n\n"
        f"{p.title} {per(p.full.upper() if f.rng.random() < 0.5 else p.full)}\n{adr(f.address_block())}\n\n"
        f"{'Madame' if p.female else 'Monsieur'}, votre visite de suivi à 12 mois est prévue le "
        f"{k('date', f.other_date())} en {k('room', f.pick(ROOMS))}. En cas d'empêchement, contactez "
        f"{per(nurse.full)} au {tel(f.phone(False))} ou par courriel {mail(f.email(nurse, work=True))}.\n"
        "→ corrige les fautes s'il te plaît"
    )
    return "research", text


def investigator_sheet(f: Fake) -> Record:
    pi, sub, nurse = f.people(3)
    text = (
        "Fiche site – étude multicentrique\n"
        f"Investigateur principal : Pr {per(pi.upper)}\n"
        f"RPPS : {hpi(f.rpps())}\n"
        f"Co-investigateur : Dr {per(sub.initial)}\n"
        f"N° RPPS co-inv. : {hpi(f.rpps())}\n"
        f"IDE : {per(nurse.full)} – ADELI : {hpi(f.adeli())}\n"
        f"Tél. : {tel(f.phone())}\n"
        f"Mail : {mail(f.email(pi, work=True))}\n"
        f"FINESS site : {k('finess', f.finess())}"
    )
    return "research", text


def english_sae(f: Fake) -> Record:
    p, reporter = f.people(2)
    b = f.birth()
    text = (
        f"SAE report – site 07\nPatient: {per(p.full)} (please pseudonymise before sending)\n"
        f"Date of birth: {dob(f.date_text(b, f.pick(('en', 'en_ord', 'crf'))))}\n"
        f"Hospital stay number: {pid(f.nda())}\n"
        f"Event: hospitalisation for pneumonia on {k('date', f.other_date())}, related to "
        f"{k('drug', f.pick(DRUGS))}? Unlikely.\n"
        f"Reporter: Dr {per(reporter.full)}, RPPS {hpi(f.rpps())}, {tel(f.phone(False, 'intl0'))}\n"
        "Can you translate this narrative into French?"
    )
    return "research", text


def eponym_research(f: Fake) -> Record:
    p = f.person()
    b = f.birth()
    text = (
        f"Protocole : cohorte « {k('disease', f.pick(EPONYMS))} » ; critère principal : score de "
        f"{k('disease', 'Hoehn et Yahr')} ; suivi à l'{k('institution', 'Institut Gustave-Roussy')} et en "
        f"{k('room', f.pick(ROOMS))}. Le test de {k('disease', 'Schirmer')} est facultatif.\n"
        f"Premier patient : {per(p.upper)}, {'née' if p.female else 'né'} le {dob(f.date_text(b, 'long'))}, "
        f"dossier n° {pid(f.ipp())}. La {k('disease', 'classification de Child-Pugh')} est à remplir."
    )
    return "research", text


def spelled_birth(f: Fake) -> Record:
    p = f.person()
    b = f.birth()
    text = (
        "Transcription dictée (à corriger) : « "
        f"{'madame' if p.female else 'monsieur'} {per(p.full)} {'née' if p.female else 'né'} le "
        f"{dob(f.date_text(b, 'spelled'))} domicilié{'e' if p.female else ''} {adr(f.address_line())} "
        f"numéro de séjour {pid(f.nda())} est inclus{'e' if p.female else ''} dans le registre »"
    )
    return "research", text


def year_only(f: Fake) -> Record:
    p = f.person()
    b = f.birth()
    text = (
        f"Dans le registre, {per(p.initial)} ({'née' if p.female else 'né'} en {b.year}, {2025 - b.year} ans) "
        f"a l'IPP {pid(f.ipp())}. Le registre ne garde que l'année de naissance et la date de diagnostic "
        f"({k('date', f.other_date())}). Est-ce suffisant pour la CNIL ?"
    )
    return "research", text


def age_dob_parenthesis(f: Fake) -> Record:
    pts = f.people(3)
    lines = []
    for p in pts:
        b = f.birth()
        lines.append(
            f"- {per(p.upper)} ({2025 - b.year} a, {dob(f.date_text(b, f.pick(('slash', 'abbr', 'long61', 'dash'))))})"
            f" – séjour {pid(f.nda())}"
        )
    text = (
        "Patients à reconvoquer pour la visite M6 :\n"
        + "\n".join(lines)
        + "\nRédige un SMS de rappel neutre."
    )
    return "research", text


def pipe_export(f: Fake) -> Record:
    header = "IPP|NOM|PRENOM|DATE_NAIS|NIR|CP_VILLE"
    rows = []
    for p in f.people(3):
        b = f.birth()
        rows.append(
            f"{pid(f.ipp().replace(' ', ''))}|{per(p.family.upper())}|{per(p.given.upper())}|"
            f"{dob(f.date_text(b, 'compact'))}|{nir(f.nir_value(p, b, 'flat'))}|{f.town(upper=True)}"
        )
    text = (
        "extrait du fichier envoyé par le DIM :\n"
        + header
        + "\n"
        + "\n".join(rows)
        + "\nil faut pseudonymiser avant envoi au promoteur"
    )
    return "research", text


def research_obfuscated(f: Fake) -> Record:
    p, q = f.people(2)
    text = (
        f"Pour éviter les robots, le patient expert de l'association a écrit son adresse ainsi : "
        f"{mail(f.email_obfuscated(p))}. Son nom : {per(p.full)}. L'autre contact, {per(q.full)}, "
        f"donne {mail(f.email_obfuscated(q))} et le {tel(f.phone(True, 'dashes'))}. "
        "Peux-tu rédiger l'invitation au comité ?"
    )
    return "research", text


def long_thread(f: Fake) -> Record:
    pi, rep, cra = f.people(3)
    tec, patient = f.person(female=True), f.person(female=False)
    b = f.birth()
    sponsor = f.pick(SPONSORS)
    text = (
        f"De : {per(tec.full)} <{mail(f.email(tec, work=True))}>\n"
        f"À : {per(pi.full)}\nCc : {per(cra.full)} <{mail(cra.login + '@' + sponsor.split()[0].lower() + '.com')}>\n"
        f"Objet : TR: TR: étude {k('study', 'NHP-' + f.digits(3))} – patient à déclarer\n\n"
        f"Bonjour {per(pi.given)},\n\n"
        f"Je te transfère le fil. Le patient {per(patient.upper)} (né le "
        f"{dob(f.date_text(b))}, IPP {pid(f.ipp())}) a été hospitalisé en urgence le {k('date', f.other_date())} "
        f"(séjour {pid(f.nda())}). Sa fille a appelé au secrétariat depuis le {tel(f.phone(True))} ; elle habite "
        f"avec lui au {adr(f.address_line())}. Il faut déclarer un EIG sous 24 h au promoteur. Je n'ai pas "
        "encore rempli le formulaire car le logiciel de l'eCRF est en maintenance jusqu'à demain.\n\n"
        "Le traitement de l'étude a été suspendu par l'interne de garde, la pharmacie a mis le kit en "
        f"quarantaine (lot {k('lot', f.lot())}). Le promoteur demande la copie du compte rendu d'hospitalisation "
        "pseudonymisé : je barre le nom, la date de naissance et l'IPP, mais le numéro de séjour apparaît "
        "dans l'en-tête de chaque page, est-ce qu'on peut l'imprimer sans ?\n\n"
        f"Bonne journée,\n{per(tec.given)}\n"
        f"Technicienne d'études cliniques – poste {k('extension', f.ext())}\n\n"
        "-----Message d'origine-----\n"
        f"De : {per(cra.full)}\nEnvoyé : {k('date', f.other_date())}\n"
        f"Objet : RE: étude {k('study', 'NHP')} – patient à déclarer\n\n"
        "Dear all,\n\nThank you for the notification. Please submit the SAE form within 24 hours and "
        "send the discharge letter with all direct identifiers removed (name, date of birth, hospital "
        "numbers, address, phone). Do not send the INS or social security number under any circumstances. "
        "If the eCRF is unavailable, use the paper back-up form and fax it to the safety desk.\n\n"
        f"Best regards,\n{per(cra.full)}\nCRA – {k('company', sponsor)}\nMobile {tel(f.phone(True, 'intl'))}\n\n"
        "-----Message d'origine-----\n"
        f"De : {per(rep.initial)}\nObjet : patient {per(patient.family)}\n\n"
        f"Pour info, le dossier patient n° {pid(f.ipp())} a été fusionné avec l'ancien dossier. "
        "Merci de vérifier les inclusions.\n\n"
        "=> Rédige une réponse courte au promoteur en anglais."
    )
    return "research", text


def long_procurement_thread(f: Fake) -> Record:
    pharma, patient, driver, rep = f.people(4)
    buyer = f.person(female=True)
    supplier = f.pick(SUPPLIERS)
    text = (
        f"Bonjour à tous,\n\nPoint sur le marché {k('reference', 'AOO-2025-' + f.digits(3))} (dispositifs de "
        f"perfusion à domicile), lot 2, attribué à {k('company', supplier)} (SIRET {k('siret', f.siret())}).\n\n"
        f"1) Livraisons : depuis le {k('date', f.other_date())}, trois livraisons chez des patients HAD ont "
        f"échoué. Exemple : {patient.title} {per(patient.full)}, {adr(f.address_block())}, joignable au "
        f"{tel(f.phone(True))}. Le livreur ({per(driver.given)}) n'avait pas le code d'accès du bâtiment.\n\n"
        f"2) Facturation : la facture {k('reference', 'F' + f.digits(7))} de {k('amount', f.amount())} reprend "
        f"des quantités non livrées ; la commande {k('order_ref', f.order())} n'est soldée qu'à 60 %.\n\n"
        f"3) Pharmacie : {per(pharma.full)} rappelle que les {k('device', 'pompes élastomériques')} "
        f"{k('brand', f.pick(BRANDS))} du lot {k('lot', f.lot())} ont une date de péremption courte "
        f"({k('date', f.other_date())}).\n\n"
        f"4) Contact fournisseur : {per(rep.full)}, {tel(f.phone(False))}, {mail(f.email(rep))} (adresse perso, "
        "il est en télétravail), à mettre en copie.\n\n"
        "Je propose une réunion la semaine prochaine pour décider d'éventuelles pénalités de retard "
        "(article 14 du CCAP : 1/1000e du montant par jour).\n\n"
        f"{per(buyer.full)}\nAcheteuse – Direction des achats – poste {k('extension', f.ext())}\n\n"
        "=> fais-moi un résumé en 5 puces pour le directeur"
    )
    return "procurement", text


def long_accounting_memo(f: Fake) -> Record:
    p = f.people(4)
    births = [f.birth() for _ in range(2)]
    text = (
        "Note interne – contentieux patients non résidents\n\n"
        f"Rédigée par {per(p[0].full)} (bureau des entrées), relue par {per(p[1].upper)}.\n\n"
        "Contexte : plusieurs séjours de patients sans couverture sociale restent impayés. Le Trésor public "
        "a rejeté les titres faute d'adresse valide. Les cas ci-dessous sont à régulariser avant la clôture.\n\n"
        f"Cas 1 – {per(p[2].upper)}, {'née' if p[2].female else 'né'} le {dob(f.date_text(births[0]))}, "
        f"NDA {pid(f.nda())}, adresse déclarée : {adr(f.address_line())}. Montant dû : {k('amount', f.amount())}. "
        f"Paiement partiel reçu par virement depuis {iban(f.iban_value('PT'))}.\n\n"
        f"Cas 2 – {per(p[3].full)}, date de naissance {dob(f.date_text(births[1], 'dot'))}, NIR provisoire "
        f"{nir(f.nir_value(p[3], births[1], 'nokey'))}, IPP {pid(f.ipp())}. Hébergé chez un tiers : "
        f"{adr(f.address_block())}. Téléphone {tel(f.phone(True, 'intl'))}.\n\n"
        f"Comptes concernés : {k('budget_account', '4116')} et {k('budget_account', '6541')}. Le service "
        "social propose un échéancier ; la commission des admissions en non-valeur se réunit le "
        f"{k('date', f.other_date())}.\n\n"
        "Question : comment présenter ces deux cas en commission sans mettre les identités ?"
    )
    return "accounting", text


def transport_voucher(f: Fake) -> Record:
    p = f.person()
    b = f.birth()
    text = (
        "BON DE TRANSPORT (VSL)\n"
        f"Nom : {per(p.family.upper())}\nPrénom : {per(p.given)}\n"
        f"Date de naissance : {dob(f.date_text(b, 'slash'))}\n"
        f"N° sécu : {nir(f.nir_value(p, b))}\n"
        f"Adresse de prise en charge : {adr(f.address_line())}\n"
        f"Tél. : {tel(f.phone())}\n"
        f"Venue n° : {pid(f.nda())}\n"
        f"Transporteur : {k('company', 'Ambulances ' + f.pick(COMMON_WORD_FAMILIES))} – marché {k('reference', '2024-0' + f.digits(2))}\n"
        "Le transporteur facture 2 trajets au lieu d'un, quel article du marché invoquer ?"
    )
    return "procurement", text


def english_patient_call(f: Fake) -> Record:
    p = Person(
        f.pick(GIVEN_F + GIVEN_M),
        f.pick(("O'Neill", "N'Diaye", "D'Almeida", "Le Floc'h")),
        f.rng.random() < 0.5,
    )
    b = f.birth()
    text = (
        f"Phone note (sponsor helpdesk): Mr/Ms {per(p.family)} called about travel refunds. Full name "
        f"{per(p.given + ' ' + p.family)}, born {dob(f.date_text(b, 'en'))}, lives at {adr(f.address_line())}. "
        f"Call back on {tel(f.phone(True, 'intl'))} or e-mail {mail(f.email(p))}. Refund to IBAN "
        f"{iban(f.iban_value())}. Please draft a polite reply in French."
    )
    return "research", text


def lab_tubes_ticket(f: Fake) -> Record:
    p, q, tech = f.people(3)
    raw = f"{f.pick(('40', '80'))}{f.digits(6)}"
    text = (
        f"[GLPI #{k('ticket', f.digits(6))}] Coursier – tubes sans étiquette\n"
        f"Reçu ce matin au labo 2 glacières sans bon. Sur les tubes on lit seulement :\n"
        f"  - « #{pid(raw)} » (écrit au feutre)\n"
        f"  - « IPP n° {pid(raw[:2] + ' ' + raw[2:5] + ' ' + raw[5:])} – {per(p.family.upper())} »\n"
        f"  - « No. {pid(f.nda())} / {per(q.initial)} »\n"
        f"Commande de glacières {k('order_ref', f.order())}, lot {k('lot', f.lot())}, n° de tournée "
        f"{k('reference', f.digits(4) + '-' + f.digits(2))}.\n"
        f"Technicien : {per(tech.full)} – {tel(f.phone(True, 'dashes'))}"
    )
    return "procurement", text


def long_research_committee(f: Fake) -> Record:
    chair, pharm, nurse, arc, dpo, guest = f.people(6)
    pts = f.people(2)
    births = [f.birth() for _ in pts]
    text = (
        f"COMPTE RENDU – Comité de pilotage recherche clinique du {k('date', f.other_date())}\n"
        f"Lieu : {k('room', f.pick(ROOMS))} et visio\n\n"
        f"Présents : Pr {per(chair.full)} (président), Dr {per(pharm.upper)} (pharmacie), "
        f"{per(nurse.full)} (IDE coordinatrice), {per(arc.initial)} (ARC), {per(dpo.full)} (DPO)\n"
        f"Invité : {per(guest.full)} ({k('company', f.pick(SPONSORS))})\n"
        "Excusés : néant\n\n"
        "1. Inclusions\n"
        "Le centre a inclus 42 patients sur 60 prévus. Le rythme a baissé depuis l'été à cause des congés "
        "et du départ de deux internes. Le promoteur accepte de prolonger la période d'inclusion de six mois "
        "sans avenant financier, à condition que le taux de données manquantes reste sous 5 %.\n\n"
        "2. Incidents de confidentialité\n"
        f"{per(dpo.given)} signale deux incidents. (a) Un tableau d'inclusions contenant {per(pts[0].upper)}, "
        f"{'née' if pts[0].female else 'né'} le {dob(f.date_text(births[0]))}, IPP {pid(f.ipp())}, a été envoyé "
        "par erreur au promoteur. (b) Une ordonnance d'essai a été faxée au mauvais numéro : elle portait le "
        f"nom de {per(pts[1].full)}, sa date de naissance ({dob(f.date_text(births[1], 'slash'))}) et son "
        f"NIR {nir(f.nir_value(pts[1], births[1]))}. Les deux incidents sont déclarés au registre interne ; "
        "l'avis de la CNIL n'est pas requis selon la DPO.\n\n"
        "3. Pharmacie\n"
        f"Le Dr {per(pharm.family)} rappelle que les kits de {k('drug', f.pick(DRUGS))} du lot "
        f"{k('lot', f.lot())} expirent le {k('date', f.other_date())}. Une commande de réapprovisionnement "
        f"({k('order_ref', f.order())}, {k('amount', f.amount())}) est en cours auprès du promoteur.\n\n"
        "4. Questions diverses\n"
        f"{per(nurse.given)} demande un téléphone dédié pour l'étude : en attendant, les patients appellent son "
        f"portable personnel ({tel(f.phone(True))}), ce qui n'est pas acceptable. Le Pr {per(chair.family)} "
        "valide l'achat. Prochaine réunion dans trois mois.\n\n"
        f"Rédigé par {per(arc.initial)} – {mail(f.email(arc, work=True))}\n\n"
        "=> Peux-tu en faire une synthèse d'une demi-page sans aucun nom ?"
    )
    return "research", text


def payroll_csv(f: Fake) -> Record:
    rows = []
    for p in f.people(3):
        rows.append(
            f'{f.digits(6)},"{per(p.family.upper())}","{per(p.given)}","{adr(f.address_line())}",'
            f"{iban(f.iban_value(grouped=False))},{k('amount', f.amount().replace(' €', ''))}"
        )
    text = (
        "matricule,nom,prenom,adresse,iban,net\n"
        + "\n".join(rows)
        + "\nExcel coupe les adresses en deux colonnes à cause des virgules, comment l'éviter ?"
    )
    return "accounting", text


def staff_letter(f: Fake) -> Record:
    p = f.person()
    hr = f.person()
    text = (
        f"{k('hospital_address', 'CHU – Direction des ressources humaines – BP 1234 – 29609 BREST CEDEX')}\n\n"
        f"{'Madame' if p.female else 'Monsieur'} {per(p.upper)}\n"
        f"{adr(f.pick(COMPLEMENTS) + chr(10) + f.street() + chr(10) + f.town(upper=True))}\n\n"
        f"Objet : trop-perçu sur traitement – matricule {f.digits(6)}\n\n"
        f"Suite à une erreur de saisie, un montant de {k('amount', f.amount())} vous a été versé à tort sur le "
        f"compte {iban(f.iban_value())}. Un échéancier vous est proposé sur six mois.\n"
        f"Votre gestionnaire : {per(hr.full)}, {tel(f.phone(False))}.\n\n"
        "=> raccourcis ce courrier, le ton est trop sec"
    )
    return "accounting", text


def whatsapp_research(f: Fake) -> Record:
    a, b = f.person(female=True), f.person()
    p = f.person()
    birth = f.birth()
    text = (
        f"[{f.rng.randint(1, 28):02d}/0{f.rng.randint(1, 9)}/2025 08:14:22] {per(a.given)}: tu as le dossier de "
        f"{per(p.family.lower())} ?\n"
        f"[08:15:03] {per(b.given + ' ' + b.family[0])}.: oui {per(p.given.lower() + ' ' + p.family.lower())} "
        f"ne le {dob(f.date_text(birth, f.pick(('long61', 'short', 'abbr'))))} ipp {pid(f.ipp())}\n"
        f"[08:15:40] {per(a.given)}: il habite tjs {adr(f.address_line())} ? le courrier de convoc est revenu\n"
        f"[08:16:12] {per(b.given + ' ' + b.family[0])}.: aucune idee, essaie le {tel(f.phone(True, 'flat'))}"
    )
    return "research", unaccent(text)


TEMPLATES: tuple[tuple[Callable[[Fake], Record], int], ...] = (
    (sms_home_delivery, 5),
    (glpi_ticket, 5),
    (delivery_slip, 5),
    (supplier_signature, 4),
    (purchase_minutes, 4),
    (teams_chat, 3),
    (english_supplier, 3),
    (recall_list, 3),
    (purchase_near_misses, 5),
    (xml_delivery, 3),
    (voicemail, 3),
    (eponym_procurement, 3),
    (long_procurement_thread, 3),
    (transport_voucher, 5),
    (payroll_lines, 4),
    (refund_letter, 5),
    (csv_debts, 3),
    (expense_claim, 5),
    (accounting_chat, 5),
    (json_escaped, 3),
    (receivable_title, 5),
    (budget_minutes, 4),
    (yaml_insured, 3),
    (english_auditor, 4),
    (staff_sms_rib, 4),
    (accounting_near_misses, 5),
    (hr_family_names, 3),
    (long_accounting_memo, 3),
    (sponsor_redaction, 5),
    (inclusion_markdown, 4),
    (observation_note, 5),
    (consent_sms, 5),
    (monitoring_minutes, 4),
    (pharmacy_trial_ticket, 5),
    (ecrf_json, 4),
    (participant_letter, 5),
    (investigator_sheet, 3),
    (english_sae, 3),
    (eponym_research, 4),
    (spelled_birth, 5),
    (year_only, 3),
    (age_dob_parenthesis, 3),
    (pipe_export, 3),
    (research_obfuscated, 4),
    (long_thread, 3),
    (english_patient_call, 4),
    (lab_tubes_ticket, 4),
    (long_research_committee, 3),
    (payroll_csv, 3),
    (staff_letter, 4),
    (whatsapp_research, 4),
)

LABELS = frozenset(shortcut.args[0] for shortcut in (per, adr, dob, pid, nir, hpi, tel, mail, iban))
_VALUES = re.compile(r"⟦[A-Z_]+\|([^⟧]*)⟧|⟪[a-z_]+\|([^⟫]*)⟫")


def markups(seed: int = 3) -> list[Record]:
    """Every (domain, markup) pair, shuffled so that domains and styles interleave."""
    fake = Fake(seed)
    pairs = [template(fake) for template, count in TEMPLATES for _ in range(count)]
    fake.rng.shuffle(pairs)
    return pairs


def _luhn_ok(digits: str) -> bool:
    return luhn_complete(digits[:-1]) == digits


def self_check(pairs: list[Record], records: list[dict[str, object]]) -> Counter[str]:
    """Check offsets, labels and check digits; return span counts per label."""
    counts: Counter[str] = Counter()
    for (_, markup), record in zip(pairs, records, strict=True):
        text = str(record["text"])
        assert "⟦" not in text and "⟪" not in text, record["id"]
        values = [a if a else b for a, b in _VALUES.findall(markup)]
        marks = sorted(
            [(s["start"], s["end"]) for s in record["spans"]]
            + [(s["start"], s["end"]) for s in record["keep"]]  # type: ignore[attr-defined]
        )
        assert [text[a:b] for a, b in marks] == values, record["id"]
        for span in record["spans"]:  # type: ignore[attr-defined]
            value = text[span["start"] : span["end"]]
            label = span["label"]
            assert label in LABELS, label
            assert value and value == value.strip() and value[-1] not in ".,;:", (record["id"], value)
            compact = re.sub(r"[\s.\-/]", "", value)
            if label == "IBAN_CODE":
                numeric = "".join(str(int(c, 36)) for c in compact[4:] + compact[:4])
                assert int(numeric) % 97 == 1, value
            if label == "FR_NIR" and len(compact) == 15:
                assert nir_with_key(compact[:13]) == compact, value
            if label == "HEALTH_PRO_ID":
                assert compact.isdigit() and len(compact) in (9, 11) and _luhn_ok(compact), value
            counts[label] += 1
        ordered = sorted(record["spans"], key=lambda span: span["start"])  # type: ignore[attr-defined]
        for left, right in itertools.pairwise(ordered):
            if left["label"] == right["label"] == "PERSON":
                assert text[left["end"] : right["start"]].strip(), ("split name", record["id"])
    return counts


def main() -> None:
    pairs = markups()
    records = build_records(pairs, "ho3")
    counts = self_check(pairs, records)
    write_jsonl(records)
    summary = ", ".join(f"{label}={counts[label]}" for label in sorted(counts))
    print(f"{len(records)} records; {summary}", file=sys.stderr)


if __name__ == "__main__":
    main()
