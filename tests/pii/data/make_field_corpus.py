"""Held-out "field" corpus of French texts with personal data, for the AI gateway's detector.

Written on 2026-11-29 by a helper session that was given only the label definitions
(shared/eval/README.md), the inline markup helper and the check-digit helpers -- never the
detector's rules, recognizers, policies or the other corpora. It measures generalisation
and must never be used for tuning.

Styles covered (about 18 records each), in the three domains procurement / accounting /
research:
  1. forwarded e-mails with full headers (Thunderbird « Message transféré », Outlook
     From/Sent/To), « > » quoted replies, long signatures, disclaimers;
  2. spreadsheet pastes: tab-separated rows, « NOM PRENOM » columns, semicolon CSV, merged
     cells as empty columns, numbers with spaces;
  3. voice dictation without punctuation, numbers spelled out, phones dictated in pairs;
  4. OCR text: words cut across lines, stray characters, « l » for « 1 », page headers;
  5. French-English mixes (sponsor, CRO monitoring reports, international suppliers);
  6. Word/Outlook unicode: NBSP, narrow NBSP, thin space, zero-width space, soft hyphen,
     fullwidth digits and ＠, curly quotes (kept inside the marked value);
  7. identifiers named by context: séjour / NDA / venue / stay, IPP, dossier n°, NIR with a
     wrong or missing key, RPPS / ADELI;
  8. names in every order and case, particles, compound names, nicknames, many origins,
     first names alone next to a role cue;
  9. obfuscated e-mails ([at], (dot), « arobase ») and normal ones;
 10. JSON snippets from tools and logs, some with literal \\u00e9 escapes.

Annotation rules applied:
  - A span covers the whole value: a name without its title (M., Mme, Dr, Pr), given and
    family names together when adjacent (any order, any case, with particles, nickname
    and zero-width characters inside); an e-mail whole, obfuscated forms included; a phone
    whole with +33 / (0) and its separators, dictated phones from the first to the last
    digit word.
  - First names alone are PERSON when they point to one individual (greeting, signature,
    « l'interne Yanis »). Eponymous diseases, devices, brands, institutions, streets and
    rooms named after people are not personal data (often marked keep).
  - ADDRESS is the street address of a private person (number, street, complement,
    postcode, town when they follow); the address of a hospital or supplier is not.
  - DATE_OF_BIRTH only when the context makes it a birth date (né le, DDN, DOB...),
    spelled-out dates included; other dates are left alone or kept.
  - PATIENT_ID: IPP, NDA / séjour / venue / stay number, patient file number, with the
    number only (not the cue word). FR_NIR: any NIR / INS / n° sécu, even with a wrong or
    missing key or OCR damage. HEALTH_PRO_ID: RPPS and ADELI numbers.
  - Direct phone numbers and e-mails of staff and supplier employees are personal data.
  - Bare initials (« JMD ») and placeholders (« Dr X. ») are not marked; internal
    4-digit extensions (« poste 4109 ») are not phone numbers.
  - Never masked: supplier and brand names, SIRET/SIREN, market / order / lot / UGAP
    references, code articles, budget accounts, amounts, FINESS, drugs and devices.
All values are invented; NIR keys, IBAN keys, RIB keys and Luhn digits are computed below.
"""

from __future__ import annotations

import re

from tests.pii.check_digits import iban_with_key, luhn_complete, nir_with_key
from tests.pii.data.markup import build_records, write_jsonl

NB = "\u00a0"  # no-break space
NN = "\u202f"  # narrow no-break space
TH = "\u2009"  # thin space
ZW = "\u200b"  # zero-width space
SH = "\u00ad"  # soft hyphen


def nir(sex, yy, mm, dep, com, order, sep=" ", bad_key=0, key=True):
    """NIR as written on forms; ``bad_key`` shifts the key, ``key=False`` drops it."""
    body = f"{sex}{yy:02d}{mm:02d}{dep}{com:0{5 - len(dep)}d}{order:03d}"
    full = nir_with_key(body)
    k = int(full[-2:])
    if bad_key:
        k = (k + bad_key) % 100
        assert f"{k:02d}" != full[-2:]
    parts = [
        body[0],
        body[1:3],
        body[3:5],
        body[5:7] if len(dep) == 2 else body[5:8],
        body[7:10] if len(dep) == 2 else body[8:10],
        body[10:13],
    ]
    if key:
        parts.append(f"{k:02d}")
    return sep.join(parts)


def rib_key(bank, branch, account):
    return 97 - ((89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97)


def iban(bank, branch, account, sep=" "):
    bban = f"{bank}{branch}{account}{rib_key(bank, branch, account):02d}"
    raw = iban_with_key("FR", bban)
    return sep.join(raw[i : i + 4] for i in range(0, len(raw), 4))


def rpps(body):
    """11-digit RPPS: 10 digits + Luhn."""
    assert len(body) == 10
    return luhn_complete(body)


def adeli(body):
    assert len(body) == 8
    return luhn_complete(body)


def siret(siren8, nic4, sep=" "):
    siren = luhn_complete(siren8)
    full = luhn_complete(siren + nic4)
    return sep.join([siren[:3], siren[3:6], siren[6:9], full[9:]])


def siren(siren8, sep=" "):
    s = luhn_complete(siren8)
    return sep.join([s[:3], s[3:6], s[6:]])


def _spaced(raw, sep=" "):
    return sep.join(raw[i : i + 4] for i in range(0, len(raw), 4))


def _ids():
    return {
        # NIR
        "NIR1": nir(2, 78, 3, "69", 383, 112),
        "NIR2": nir(1, 85, 11, "2A", 4, 57),
        "NIR3": nir(2, 91, 7, "99", 350, 218, sep=NN),
        "NIR4": nir(1, 62, 2, "971", 5, 31, sep=""),
        "NIR5": nir(2, 55, 9, "59", 350, 44, bad_key=3),
        "NIR6": nir(1, 70, 12, "75", 115, 302, key=False),
        "NIR7": nir(2, 83, 4, "2B", 33, 9, sep=NB),
        "NIR8": nir(1, 99, 1, "13", 55, 481),
        "NIR9": nir(2, 47, 6, "29", 19, 77, sep=""),
        "NIR10": nir(1, 68, 10, "99", 243, 15),
        "NIR11": nir(2, 80, 5, "33", 63, 201, bad_key=11, sep=""),
        "NIR12": nir(1, 93, 8, "44", 109, 66, sep=TH),
        "NIR13": nir(1, 74, 2, "99", 139, 88),
        "NIR14": nir(1, 58, 6, "62", 193, 140, sep="."),
        "NIR15": nir(2, 79, 2, "99", 341, 9),
        "NIR21": nir(2, 83, 5, "99", 341, 112, sep=""),
        "NIR16": nir(1, 89, 3, "38", 185, 520, key=False, sep=""),
        "NIR17": nir(2, 52, 12, "67", 482, 301),
        "NIR18": nir(1, 76, 9, "972", 9, 112, sep=" "),
        "NIR19": nir(2, 95, 1, "31", 555, 94, sep=""),
        "NIR20": nir(1, 81, 7, "69", 123, 45, bad_key=50),
        # IBAN
        "IBAN1": iban("30004", "01823", "00012345678"),
        "IBAN2": iban("10278", "07320", "00054321987", sep=""),
        "IBAN3": iban("20041", "01007", "01234567812", sep=NB),
        "IBAN4": iban("13807", "00512", "32021894513"),
        "IBAN5": iban("17515", "90000", "08123456789", sep=""),
        "IBAN6": iban("30003", "02547", "00050291873"),
        "IBAN7": iban("16606", "10021", "00187459632"),
        "IBAN9": iban("14505", "00010", "04123987650", sep=NN),
        "IBAN8": _spaced(iban_with_key("SE", "80000810340009416725")),
        # RPPS / ADELI
        "RPPS1": rpps("1000245871"),
        "RPPS2": rpps("1010893356"),
        "RPPS3": rpps("1000671249"),
        "RPPS4": rpps("1003512087"),
        "RPPS5": rpps("1010127765"),
        "RPPS6": rpps("1000098214"),
        "RPPS7": rpps("1009874430"),
        "RPPS8": rpps("1001733608"),
        "ADELI1": adeli("69712345"),
        "ADELI2": adeli("38105542"),
        # company identifiers (keep)
        "SIRET1": siret("31236987", "0042"),
        "SIRET2": siret("52014877", "0019"),
        "SIRET3": siret("40857126", "0031", sep=""),
        "SIRET4": siret("78845102", "0027"),
        "SIREN1": siren("33071246"),
        "SIREN2": siren("49217785", sep=""),
    }


IDS = _ids()
_SLOT = re.compile(r"%%([A-Z0-9]+)%%")


def _fill(markup: str) -> str:
    return _SLOT.sub(lambda m: IDS[m.group(1)], markup)


RECORDS: list[tuple[str, str, str]] = []  # (style, domain, markup)


def add(style: str, domain: str, markup: str) -> None:
    RECORDS.append((style, domain, _fill(markup)))


# ---------------------------------------------------------------- 1. forwarded e-mails
S = "email"
add(
    S,
    "procurement",
    """-------- Message transféré --------
Sujet : 	TR: Relance devis pousse-seringues lot 4
Date : 	Mon, 12 Oct 2026 16:42:07 +0200
De : 	⟦PERSON|Sandrine Kerouédan⟧ <⟦EMAIL_ADDRESS|sandrine.kerouedan@chu-valmont.fr⟧>
Pour : 	⟦PERSON|Thomas Vasseur⟧ <⟦EMAIL_ADDRESS|thomas.vasseur@chu-valmont.fr⟧>

⟦PERSON|Thomas⟧,
Pour info la réponse de ⟪company|B. Braun Medical⟫ ci-dessous. Ils descendent le ⟪product|Perfusor Space⟫ à ⟪amount|1 184,00 € HT⟫ l'unité au lieu de ⟪amount|1 245,00 € HT⟫. Je pense qu'on peut notifier.
Bonne soirée
⟦PERSON|Sandrine⟧

> Le 9 oct. 2026 à 11:03, ⟦PERSON|Laurent Bessière⟧ <⟦EMAIL_ADDRESS|l.bessiere@bbraun-medical-exemple.fr⟧> a écrit :
>
> Bonjour Madame ⟦PERSON|Kerouédan⟧,
> Suite à notre échange téléphonique, veuillez trouver ci-joint notre offre révisée pour le ⟪reference|marché n° 2026-017⟫ lot 4.
> Je reste joignable au ⟦PHONE_NUMBER|06 71 22 48 95⟧.
> Cordialement,
> ⟦PERSON|Laurent Bessière⟧
> Key Account Manager Grand Est
> ⟪company|B. Braun Medical SAS⟫ – SIRET ⟪siret|%%SIRET1%%⟫
""",
)
add(
    S,
    "research",
    """From: ⟦PERSON|Nguyen, Minh-Chau⟧ <⟦EMAIL_ADDRESS|minh-chau.nguyen@cro-europa-exemple.com⟧>
Sent: Tuesday, November 3, 2026 8:15 AM
To: ⟦PERSON|Rousseau Claire⟧ <⟦EMAIL_ADDRESS|claire.rousseau@chu-valmont.fr⟧>
Cc: ⟦PERSON|Benhamou David⟧ <⟦EMAIL_ADDRESS|david.benhamou@chu-valmont.fr⟧>
Subject: RE: SDV findings - site 014 - VALONC-07

Bonjour ⟦PERSON|Claire⟧,

Merci pour votre retour. Il reste deux points ouverts sur le dossier du patient IPP ⟦PATIENT_ID|8004172563⟧ : la date de consentement et le bilan à J8.

Bien à vous,
⟦PERSON|Minh-Chau⟧

⟦PERSON|Minh-Chau NGUYEN⟧ | Senior Clinical Research Associate
⟪company|Cro Europa Services⟫ – Lyon office
M: ⟦PHONE_NUMBER|+33 7 61 04 88 19⟧
This e-mail and any attachments are confidential and intended solely for the addressee.
""",
)
add(
    S,
    "accounting",
    """De : ⟦PERSON|MARCHAL Hélène⟧
Envoyé : jeudi 5 novembre 2026 14:27
À : ⟦PERSON|LEROY Fabrice⟧; DAF-Contrôle de gestion
Objet : RE: imputation compte ⟪account|6022⟫ – UF 3410

Bonjour ⟦PERSON|Fabrice⟧,
Je confirme : la facture ⟪reference|FA-2026-11873⟫ de ⟪company|Fresenius Kabi France⟫ (⟪amount|23 418,60 €⟫) doit passer en ⟪account|60221⟫ et non en ⟪account|6066⟫.
Bien cordialement,

⟦PERSON|Hélène Marchal⟧
Contrôleuse de gestion – Direction des Affaires Financières
CHU de Valmont – ⟪org_address|2 rue du Docteur-Roux, 51100 Valmont⟫
Tél. ⟦PHONE_NUMBER|03 26 78 41 09⟧ – poste 4109
⟦EMAIL_ADDRESS|helene.marchal@chu-valmont.fr⟧

-----Message d'origine-----
De : ⟦PERSON|LEROY Fabrice⟧
Envoyé : mercredi 4 novembre 2026 17:02
> ⟦PERSON|Hélène⟧, sur quel compte je mets la ligne ⟪company|Fresenius⟫ ? merci
""",
)
add(
    S,
    "procurement",
    """---------- Forwarded message ---------
De : ⟦PERSON|Olivier Tchakounté⟧ <⟦EMAIL_ADDRESS|o.tchakounte@chu-valmont.fr⟧>
Date: ven. 16 oct. 2026 à 09:48
Subject: CCTP respirateurs – version 3
To: ⟦PERSON|Agathe Le Bihan⟧ <⟦EMAIL_ADDRESS|agathe.lebihan@chu-valmont.fr⟧>, ⟦PERSON|Rémi Castagné⟧ <⟦EMAIL_ADDRESS|remi.castagne@chu-valmont.fr⟧>

Bonjour à tous,
Ci-joint la V3 du CCTP. J'ai intégré les remarques du Pr ⟦PERSON|Castagné⟧ sur le mode VNI et retiré la référence explicite au ⟪product|Dräger Evita V800⟫ (interdit par l'⟪regulation|article R2111-7⟫ du code de la commande publique, on écrit « ou équivalent »).
Merci de relire avant vendredi.

⟦PERSON|Olivier Tchakounté⟧
Ingénieur biomédical
Direction des équipements – ⟪institution|Hôpital Édouard-Herriot⟫
Ligne directe ⟦PHONE_NUMBER|04 72 11 63 27⟧ / portable ⟦PHONE_NUMBER|07 83 52 19 04⟧
""",
)
add(
    S,
    "research",
    """Le 22/10/2026 à 18:04, Pr ⟦PERSON|Jean-Marc Delorme⟧ a écrit :
> Chère ⟦PERSON|Inès⟧,
> Pouvez-vous vérifier l'éligibilité de la patiente vue ce matin (IPP ⟦PATIENT_ID|700385214⟧, née le ⟦DATE_OF_BIRTH|14/02/1961⟧) pour l'étude ⟪reference|PARK-STIM⟫ ? Elle a une ⟪disease|maladie de Parkinson⟫ évoluant depuis 9 ans.
> Merci
> JMD

Bonsoir Professeur,
Oui, elle coche tous les critères sauf le score ⟪reference|MoCA⟫ qu'il faudra refaire. Je l'ai appelée au ⟦PHONE_NUMBER|06 14 90 27 73⟧, elle revient le ⟪date|3 novembre⟫.
⟦PERSON|Inès Ferhat⟧, ARC – Unité de Recherche Clinique
""",
)
add(
    S,
    "procurement",
    """-----Original Message-----
From: ⟦PERSON|Katarzyna Nowicka⟧ [mailto:⟦EMAIL_ADDRESS|katarzyna.nowicka@medlab-supplies-exemple.pl⟧]
Sent: Wednesday, 21 October 2026 10:12
To: Achats Pharmacie CHU Valmont
Subject: Quotation 4471 / catheters

Dear Sir or Madam,
Please find attached our quotation no. ⟪reference|Q-2026-4471⟫ for ⟪product|Swan-Ganz⟫ type catheters, valid 90 days.
Best regards,
⟦PERSON|Katarzyna Nowicka⟧
Export Sales Manager – France & Benelux
Tel. ⟦PHONE_NUMBER|+48 22 514 30 87⟧
""",
)
add(
    S,
    "accounting",
    """Objet : TR: RIB fournisseur à mettre à jour
De : ⟦PERSON|Yvonne Sainte-Rose⟧
À : Régie des recettes

Bonjour,
Le médecin vacataire Dr ⟦PERSON|Patrick Jean-Louis⟧ nous transmet son nouveau RIB pour le paiement de ses vacations :
IBAN ⟦IBAN_CODE|%%IBAN1%%⟧
Adresse : ⟦ADDRESS|14 allée des Flamboyants, 97122 Baie-Mahault⟧
Merci de faire la modification dans Magh2 avant la paie de ⟪date|novembre⟫.

⟦PERSON|Yvonne Sainte-Rose⟧
Gestionnaire – Bureau des personnels médicaux
Tél : ⟦PHONE_NUMBER|05 90 89 14 62⟧
AVERTISSEMENT : ce courriel et ses pièces jointes sont confidentiels. S'il vous a été adressé par erreur, merci de le détruire et d'en avertir l'expéditeur.
""",
)
add(
    S,
    "research",
    """De : ⟦PERSON|Amadou Koné⟧ <⟦EMAIL_ADDRESS|amadou.kone@chu-valmont.fr⟧>
Envoyé : lundi 9 novembre 2026 07:55
À : ⟦PERSON|Garnier, Sophie⟧ <⟦EMAIL_ADDRESS|sophie.garnier@chu-valmont.fr⟧>
Cc : URC secrétariat
Objet : EIG – hospitalisation d'un patient inclus

⟦PERSON|Sophie⟧,
Le patient inclus dans ⟪reference|GB-IMMUNO⟫ a été hospitalisé samedi en réa pour suspicion de ⟪disease|syndrome de Guillain-Barré⟫. Séjour n° ⟦PATIENT_ID|260041873⟧. Je déclare l'EIG au promoteur ce matin.
⟦PERSON|Amadou⟧

--
Dr ⟦PERSON|Amadou Koné⟧
Chef de clinique assistant – Neurologie
⟪institution|Hôpital Pierre-Wertheimer⟫, ⟪org_address|59 boulevard Pinel, 69500 Bron⟫
⟦PHONE_NUMBER|+33 (0)4 72 35 71 20⟧
""",
)
add(
    S,
    "procurement",
    """> > De : ⟦PERSON|Matthieu Roussel⟧
> > Objet : échantillons gants nitrile
> > Bonjour, pouvez-vous envoyer 2 boîtes d'échantillons à Mme ⟦PERSON|Da Costa⟧, cadre du bloc ?
>
> C'est envoyé ce jour par Chronopost, n° de suivi ⟪reference|XW481205336FR⟫.
> ⟦PERSON|Fanny Meunier⟧ – ADV ⟪company|Hartmann France⟫ – ⟦PHONE_NUMBER|03 88 41 27 70⟧

Bien reçu, merci.
⟦PERSON|Maria Da Costa⟧
Cadre de santé – Bloc opératoire central
""",
)
add(
    S,
    "accounting",
    """From: ⟦PERSON|Vincent Aubry⟧ <⟦EMAIL_ADDRESS|vincent.aubry@chu-valmont.fr⟧>
Sent: vendredi 30 octobre 2026 11:36
To: ⟦PERSON|Aurélie Fontaine⟧ <⟦EMAIL_ADDRESS|aurelie.fontaine@chu-valmont.fr⟧>
Subject: TR: écart CREA 2025 – pôle Médecine

⟦PERSON|Aurélie⟧, vois ci-dessous. L'écart vient des charges ⟪account|6152⟫ du pôle (maintenance ⟪company|Philips⟫ IRM), ⟪amount|184 300 €⟫ ré-imputés sur la SA 93211.

________________________________
De : ⟦PERSON|Claude Perrin-Maillard⟧
Envoyé : jeudi 29 octobre 2026 18:20
Objet : écart CREA 2025

Bonjour, je ne retrouve pas le même résultat que l'ATIH sur le pôle Médecine. Une idée ?
⟦PERSON|Claude⟧ – DIM, poste 5521
""",
)
add(
    S,
    "research",
    """-------- Message transféré --------
Sujet : 	Visite de sélection site – étude ALZ-NEURO
Date : 	Thu, 8 Oct 2026 13:10:55 +0000
De : 	⟦PERSON|Siobhan O'Connell⟧ <⟦EMAIL_ADDRESS|siobhan.oconnell@neurogenix-exemple.ie⟧>
Répondre à : 	⟦EMAIL_ADDRESS|s.oconnell.cra@gmail.com⟧
Pour : 	⟦PERSON|Baptiste Lemoine⟧ <⟦EMAIL_ADDRESS|baptiste.lemoine@chu-valmont.fr⟧>

Dear Dr ⟦PERSON|Lemoine⟧,
We would like to schedule the site selection visit for the ⟪disease|Alzheimer's disease⟫ study on 19 or 20 November. Could you confirm which date works for you and your study nurse, Mrs. ⟦PERSON|Lucie Carpentier⟧?
Kind regards,
⟦PERSON|Siobhan⟧
""",
)
add(
    S,
    "procurement",
    """De : ⟦PERSON|ACHOUR Nadia⟧ <⟦EMAIL_ADDRESS|nadia.achour@chu-valmont.fr⟧>
Envoyé : mardi 13 octobre 2026 09:03
À : ⟦PERSON|Jérôme Hamon⟧ (⟪company|Baxter SAS⟫)
Cc : ⟦PERSON|PETIT Gaëlle⟧; ⟦PERSON|N'GUESSAN Kouassi⟧
Objet : Convocation réunion de lancement – ⟪reference|marché 2026-031⟫ hémodialyse

Monsieur,
Nous vous confirmons la réunion de lancement le ⟪date|20 octobre 2026⟫ à 14 h, salle ⟪institution|Claude-Bernard⟫, bâtiment ⟪institution|Pasteur⟫.
Vous serez accueilli par ⟦PERSON|Kouassi N'Guessan⟧ (technicien biomédical, ⟦PHONE_NUMBER|06 32 07 81 45⟧).

⟦PERSON|Nadia Achour⟧
Acheteuse – Direction des achats
Le contenu de ce message est confidentiel. Pensez à l'environnement avant d'imprimer.
""",
)
add(
    S,
    "research",
    """Sent from my iPhone

> On 26 Oct 2026, at 21:17, ⟦PERSON|Camille Haddad⟧ <⟦EMAIL_ADDRESS|camille.haddad@chu-valmont.fr⟧> wrote:
>
> Hi ⟦PERSON|Tom⟧, the patient's daughter (Mme ⟦PERSON|Leila Haddad⟧ – no relation!) called again, her mobile is ⟦PHONE_NUMBER|06 58 13 90 24⟧. She wants to withdraw her mother from the study. Can you call her back tomorrow?
> ⟦PERSON|Camille⟧
""",
)
add(
    S,
    "accounting",
    """De : ⟦PERSON|Gérard Vandenbroucke⟧
Envoyé : 02/11/2026 08:41
À : Trésorerie
Objet : TR : remboursement frais de déplacement

Voici la note de frais de Mme ⟦PERSON|Zoé Laval⟧ (congrès ⟪reference|ESC 2026⟫, ⟪amount|612,40 €⟫).
RIB joint, IBAN : ⟦IBAN_CODE|%%IBAN6%%⟧
Domicile (pour les IK) : ⟦ADDRESS|3 impasse des Tilleuls, 59650 Villeneuve-d'Ascq⟧

⟦PERSON|G. Vandenbroucke⟧
Chargé de la paie – DRH
⟦PHONE_NUMBER|03.20.44.61.78⟧
""",
)
add(
    S,
    "procurement",
    """Début du message réexpédié :

De: ⟦PERSON|Luc Ferrand⟧ <⟦EMAIL_ADDRESS|luc.ferrand@carestream-exemple.com⟧>
Objet: Rép : Intervention capteur DRX
Date: 19 octobre 2026 à 15:31:02 UTC+2
À: ⟦PERSON|Baptiste Roy⟧ <⟦EMAIL_ADDRESS|b.roy@chu-valmont.fr⟧>

Le technicien ⟦PERSON|Stéphane⟧ passera jeudi pour le capteur ⟪product|Carestream DRX-Plus 3543⟫ (n° de série ⟪reference|DRX3543-18822⟫). Contrat de maintenance ⟪reference|CM-2024-0917⟫.

⟦PERSON|Luc Ferrand⟧ | Service Engineer | ⟪company|Carestream Health France⟫ | ⟦PHONE_NUMBER|+33 6 07 45 33 82⟧
""",
)
add(
    S,
    "research",
    """Objet : TR: Note d'information patient – relecture CPP

-------- Message transféré --------
De : ⟦PERSON|Marie-Hélène Dubois-Rigaud⟧ <⟦EMAIL_ADDRESS|mh.dubois-rigaud@chu-valmont.fr⟧>
À : ⟦PERSON|Théo Garcia⟧ <⟦EMAIL_ADDRESS|theo.garcia@chu-valmont.fr⟧>

⟦PERSON|Théo⟧, dans la NIP, remplace « Dr X. » par le nom de l'investigateur : Dr ⟦PERSON|Hugo Lambert⟧, tél. ⟦PHONE_NUMBER|04 76 76 54 21⟧. Le CPP ⟪institution|Sud-Est III⟫ a aussi demandé de citer l'⟪regulation|article L1122-1⟫ du code de la santé publique.
MHDR
""",
)
add(
    S,
    "accounting",
    """From: Workflow SAP <noreply@chu-valmont.fr>
Sent: Monday, 16 November 2026 06:00
To: ⟦PERSON|Bertrand Ogier⟧
Subject: Bon de commande ⟪reference|4500287731⟫ en attente de validation

Le bon de commande ⟪reference|4500287731⟫ (⟪company|Medtronic France⟫, ⟪amount|48 960,00 € TTC⟫, compte ⟪account|6022 4⟫) attend votre validation depuis 5 jours.
Demandeur : ⟦PERSON|OUEDRAOGO Salif⟧ – Bloc cardiaque
""",
)
add(
    S,
    "procurement",
    """Le mar. 10 nov. 2026 à 10:22, ⟦PERSON|Julien Moreau⟧ <⟦EMAIL_ADDRESS|julien.moreau@ugap-exemple.fr⟧> a écrit :
>> Pour la référence ⟪reference|UGAP 4012785⟫ (échographe ⟪product|Philips EPIQ Elite⟫) le délai est de 8 semaines.
>
> Merci, peut-on avoir une démo pour le Dr ⟦PERSON|Ho⟧ ?

Oui, contactez directement ⟦PERSON|Nathan Ho-Van⟧ chez Philips, ⟦EMAIL_ADDRESS|nathan.ho-van@philips-exemple.com⟧, ⟦PHONE_NUMBER|06 19 27 55 40⟧.
⟦PERSON|Julien⟧
""",
)

# ---------------------------------------------------------------- 2. spreadsheet pastes
S = "spreadsheet"
add(
    S,
    "procurement",
    "Nom\tPrénom\tService\tTél\tMail\n"
    "⟦PERSON|GUILLOT⟧\t⟦PERSON|Armelle⟧\tPharmacie\t⟦PHONE_NUMBER|04 73 75 12 08⟧\t⟦EMAIL_ADDRESS|aguillot@chu-valmont.fr⟧\n"
    "⟦PERSON|BENSAÏD⟧\t⟦PERSON|Karim⟧\tBiomédical\t⟦PHONE_NUMBER|04 73 75 19 44⟧\t⟦EMAIL_ADDRESS|kbensaid@chu-valmont.fr⟧\n"
    "⟦PERSON|TRAN⟧\t⟦PERSON|Thi Thu Hà⟧\tAchats\t⟦PHONE_NUMBER|06 22 48 03 17⟧\t⟦EMAIL_ADDRESS|ttha.tran@chu-valmont.fr⟧\n"
    "⟦PERSON|DE OLIVEIRA⟧\t⟦PERSON|Joaquim⟧\tLogistique\t\t⟦EMAIL_ADDRESS|jdeoliveira@chu-valmont.fr⟧\n",
)
add(
    S,
    "accounting",
    "Compte\tLibellé\tUF\tMontant 2025\tMontant 2026\tÉcart\n"
    "⟪account|60221⟫\tDispositifs médicaux stériles\t3410\t⟪amount|1 254 318,20⟫\t⟪amount|1 302 977,45⟫\t3,9 %\n"
    "⟪account|6021⟫\tProduits pharmaceutiques\t3410\t⟪amount|4 870 112,00⟫\t⟪amount|5 011 940,60⟫\t2,9 %\n"
    "⟪account|6152⟫\tMaintenance (⟪company|Siemens Healthineers⟫)\t3412\t⟪amount|312 000,00⟫\t⟪amount|298 450,00⟫\t-4,3 %\n"
    "\t\t\t\t\t\n"
    "Responsable UF :\tM. ⟦PERSON|PELLETIER Jean-Yves⟧\t\t\t\t\n",
)
add(
    S,
    "research",
    "N° inclusion;NOM PRENOM;DDN;IPP;Date inclusion;Bras\n"
    "001;⟦PERSON|LEFEBVRE Nathalie⟧;⟦DATE_OF_BIRTH|12/03/1958⟧;⟦PATIENT_ID|8001234567⟧;⟪date|04/09/2026⟫;A\n"
    "002;⟦PERSON|OUAZZANI Mohammed⟧;⟦DATE_OF_BIRTH|27/11/1949⟧;⟦PATIENT_ID|8001239981⟧;⟪date|11/09/2026⟫;B\n"
    "003;⟦PERSON|KOWALSKI Zofia⟧;⟦DATE_OF_BIRTH|03/06/1971⟧;⟦PATIENT_ID|8001245530⟧;⟪date|18/09/2026⟫;A\n"
    "004;⟦PERSON|NDIAYE Ousmane⟧;⟦DATE_OF_BIRTH|30/01/1966⟧;⟦PATIENT_ID|8001250172⟧;⟪date|02/10/2026⟫;B\n",
)
add(
    S,
    "procurement",
    "Fournisseur\tSIRET\tInterlocuteur\tPortable\tMontant HT\n"
    "⟪company|Fresenius Medical Care France⟫\t⟪siret|%%SIRET2%%⟫\tMme ⟦PERSON|Cécile Aubert⟧\t⟦PHONE_NUMBER|06 45 21 87 90⟧\t⟪amount|87 400,00⟫\n"
    "⟪company|Dräger Medical France⟫\t⟪siret|%%SIRET4%%⟫\tM. ⟦PERSON|Pierre-Antoine Salles⟧\t⟦PHONE_NUMBER|07 68 12 40 33⟧\t⟪amount|212 950,00⟫\n"
    "⟪company|Baxter SAS⟫\t\t⟦PERSON|Yasmina Benali⟧\t⟦PHONE_NUMBER|06 03 77 58 21⟧\t⟪amount|15 230,50⟫\n",
)
add(
    S,
    "accounting",
    "Matricule;Nom;Prénom;IBAN;Montant\n"
    "104522;⟦PERSON|FAURE⟧;⟦PERSON|Delphine⟧;⟦IBAN_CODE|%%IBAN2%%⟧;⟪amount|418,20⟫\n"
    "109873;⟦PERSON|M'BAPPÉ⟧;⟦PERSON|Ibrahima⟧;⟦IBAN_CODE|%%IBAN5%%⟧;⟪amount|96,00⟫\n",
)
add(
    S,
    "research",
    "Investigateur\tFonction\tRPPS\tCV signé\tBPC\n"
    "Pr ⟦PERSON|MARTINEZ Lucía⟧\tInvestigatrice principale\t⟦HEALTH_PRO_ID|%%RPPS1%%⟧\toui\t⟪date|2025-03-14⟫\n"
    "Dr ⟦PERSON|HOARAU Kevin⟧\tCo-investigateur\t⟦HEALTH_PRO_ID|%%RPPS2%%⟧\toui\t⟪date|2024-11-02⟫\n"
    "Dr ⟦PERSON|Nguyễn Văn Long⟧\tCo-investigateur\t⟦HEALTH_PRO_ID|%%RPPS3%%⟧\tnon\t\n"
    "⟦PERSON|LOPES Ana⟧\tIDE de recherche\t\toui\t⟪date|2026-01-20⟫\n",
)
add(
    S,
    "procurement",
    "LOT\tDÉSIGNATION\tMARQUE\tRÉF.\tQTÉ\tPU HT\n"
    "1\tPousse-seringue\t⟪company|B. Braun⟫\t⟪product|Perfusor Space 8713030⟫\t120\t⟪amount|1 184,00⟫\n"
    "2\tPompe volumétrique\t⟪company|Fresenius Kabi⟫\t⟪product|Agilia VP⟫\t80\t⟪amount|1 620,00⟫\n"
    "3\tMoniteur\t⟪company|Philips⟫\t⟪product|IntelliVue MX450⟫\t35\t⟪amount|6 980,00⟫\n"
    "4\tRespirateur\t⟪company|Dräger⟫\t⟪product|Evita V600⟫\t6\t⟪amount|28 400,00⟫\n"
    "\t\t\t\tTOTAL\t⟪amount|672 240,00⟫\n",
)
add(
    S,
    "research",
    "Patient\tNIR\tAdresse\tCode postal\tVille\n"
    "⟦PERSON|BARBIER Élodie⟧\t⟦FR_NIR|%%NIR1%%⟧\t⟦ADDRESS|8 rue des Acacias⟧\t⟦ADDRESS|69003⟧\t⟦ADDRESS|Lyon⟧\n"
    "⟦PERSON|SANTONI Pierre-Paul⟧\t⟦FR_NIR|%%NIR2%%⟧\t⟦ADDRESS|Lieu-dit Funtana, route de Bastelica⟧\t⟦ADDRESS|20117⟧\t⟦ADDRESS|Cauro⟧\n",
)
add(
    S,
    "accounting",
    "Nom du créancier,N° tiers,Date facture,Montant TTC,Compte\n"
    '"Dr ⟦PERSON|ROCHE Émilie⟧ (vacations)",T004518,⟪date|12/10/2026⟫,"⟪amount|1 840,00⟫",⟪account|6218⟫\n'
    '"⟪company|Medline International France⟫",T000231,⟪date|14/10/2026⟫,"⟪amount|12 004,16⟫",⟪account|60221⟫\n'
    '"⟪company|Laboratoires Gilbert⟫",T000877,⟪date|15/10/2026⟫,"⟪amount|324,00⟫",⟪account|6021⟫\n',
)
add(
    S,
    "procurement",
    "Astreinte biomédicale – novembre 2026\n"
    "Semaine\tTechnicien\tPortable\n"
    "S45\t⟦PERSON|Rodrigues Paulo⟧\t⟦PHONE_NUMBER|06 84 15 27 39⟧\n"
    "S46\t⟦PERSON|Lemaire Anthony⟧\t⟦PHONE_NUMBER|0761284930⟧\n"
    "S47\t⟦PERSON|Rodrigues Paulo⟧\t⟦PHONE_NUMBER|06 84 15 27 39⟧\n"
    "S48\t⟦PERSON|Kaci Mourad⟧\t⟦PHONE_NUMBER|06-47-33-18-02⟧\n",
)
add(
    S,
    "research",
    "Séjour\tIPP\tNom\tUF\tEntrée\tSortie\tGHM\n"
    "⟦PATIENT_ID|260112340⟧\t⟦PATIENT_ID|700112233⟧\t⟦PERSON|GIRAUD M.⟧\t4410\t⟪date|02/11/2026⟫\t⟪date|06/11/2026⟫\t05M09T\n"
    "⟦PATIENT_ID|260112987⟧\t⟦PATIENT_ID|700998812⟧\t⟦PERSON|ABDELKADER S.⟧\t4410\t⟪date|03/11/2026⟫\t⟪date|03/11/2026⟫\t05K10J\n",
)
add(
    S,
    "accounting",
    "⟪heading|CENTRE DE RESPONSABILITÉ⟫\t\t\t⟪heading|CHARGES DIRECTES⟫\t⟪heading|CHARGES INDUITES⟫\n"
    "Pôle Neurosciences\t\t\t⟪amount|18 245 770⟫\t⟪amount|3 102 400⟫\n"
    "\tUF 5120 Neurologie\tresp. : Pr ⟦PERSON|DUMONT-VERGNES⟧\t⟪amount|9 880 010⟫\t⟪amount|1 604 000⟫\n"
    "\tUF 5130 Neurochirurgie\tresp. : Dr ⟦PERSON|OKAFOR⟧\t⟪amount|8 365 760⟫\t⟪amount|1 498 400⟫\n",
)
add(
    S,
    "procurement",
    "NOM PRENOM\tFONCTION\tSIGNATURE\n"
    "⟦PERSON|VAN DEN BERGHE Pieter⟧\tDirecteur commercial ⟪company|Getinge⟫\t\n"
    "⟦PERSON|DUCHÂTEAU-LAGARDE Anne⟧\tAcheteuse CHU\t\n"
    "⟦PERSON|EL MANSOURI Rachid⟧\tPharmacien\t\n",
)
add(
    S,
    "research",
    "Sujet;Visite;Date;Commentaire ARC\n"
    "V1;Screening;⟪date|05/10/2026⟫;Consentement signé par le patient (M. ⟦PERSON|Lucas Henry⟧) et le Dr ⟦PERSON|Pham⟧\n"
    "V2;J1;⟪date|12/10/2026⟫;RAS\n"
    "V3;J28;⟪date|09/11/2026⟫;Patient joignable au ⟦PHONE_NUMBER|06 70 13 98 42⟧ uniquement le soir\n",
)
add(
    S,
    "accounting",
    "Fournisseur\tN° commande\tEngagement\tMandat\tMontant\n"
    "⟪company|Carestream Health France⟫\t⟪reference|4500281145⟫\t⟪reference|2026-ENG-00412⟫\t⟪reference|M2026-08871⟫\t⟪amount|56 700,00 €⟫\n"
    "⟪company|Becton Dickinson⟫\t⟪reference|4500281590⟫\t⟪reference|2026-ENG-00433⟫\t\t⟪amount|8 912,40 €⟫\n"
    "Visa ordonnateur : ⟦PERSON|B. Ogier⟧\t\t\t\t\n",
)
add(
    S,
    "procurement",
    "Nom;Prénom;Société;E-mail;Tél\n"
    "⟦PERSON|Wiśniewski⟧;⟦PERSON|Tomasz⟧;⟪company|Medisys Polska⟫;⟦EMAIL_ADDRESS|t.wisniewski@medisys-exemple.pl⟧;⟦PHONE_NUMBER|+48 601 224 873⟧\n"
    "⟦PERSON|Dos Santos⟧;⟦PERSON|Filipa⟧;⟪company|Lusomed⟫;⟦EMAIL_ADDRESS|filipa.dossantos@lusomed-exemple.pt⟧;⟦PHONE_NUMBER|+351 912 345 678⟧\n"
    "⟦PERSON|Smith⟧;⟦PERSON|Rebecca⟧;⟪company|Baxter Healthcare Ltd⟫;⟦EMAIL_ADDRESS|rebecca_smith@baxter-exemple.com⟧;⟦PHONE_NUMBER|+44 7700 900 412⟧\n",
)
add(
    S,
    "research",
    "Nom\tPrénom\tDate de naissance\tN° SS\tTél domicile\n"
    "⟦PERSON|Bonnet⟧\t⟦PERSON|Jeanne⟧\t⟦DATE_OF_BIRTH|19/12/1952⟧\t⟦FR_NIR|%%NIR17%%⟧\t⟦PHONE_NUMBER|03 88 61 42 90⟧\n"
    "⟦PERSON|Louis-Jeune⟧\t⟦PERSON|Fritz⟧\t⟦DATE_OF_BIRTH|04/09/1976⟧\t⟦FR_NIR|%%NIR18%%⟧\t⟦PHONE_NUMBER|05 96 71 20 84⟧\n",
)
add(
    S,
    "accounting",
    "Libellé écriture\tDébit\tCrédit\tTiers\n"
    "Remb. trop-perçu patient ⟦PERSON|CHEVALIER Monique⟧\t⟪amount|54,30⟫\t\tdossier ⟦PATIENT_ID|2026-004718⟧\n"
    "Facture ⟪company|Dräger⟫ ⟪reference|90088127⟫\t\t⟪amount|3 480,00⟫\t⟪siret|%%SIRET4%%⟫\n"
    "Régul. TVA\t⟪amount|0,12⟫\t\t\n",
)

# ---------------------------------------------------------------- 3. voice dictation
S = "dictation"
add(
    S,
    "research",
    "bonjour je vous appelle au sujet de madame ⟦PERSON|lefebvre nathalie⟧ née le ⟦DATE_OF_BIRTH|douze mars mille neuf cent cinquante-huit⟧ qui est incluse dans l'étude depuis septembre elle a eu un malaise hier soir vous pouvez la rappeler au ⟦PHONE_NUMBER|zéro six douze trente-quatre cinquante-six soixante-dix-huit⟧ merci",
)
add(
    S,
    "procurement",
    "note vocale pour ⟦PERSON|sandrine⟧ le commercial de chez ⟪company|braun⟫ monsieur ⟦PERSON|bessière⟧ a rappelé il propose une remise de ⟪amount|cinq pour cent⟫ sur le lot quatre si on commande avant la fin du mois son portable c'est le ⟦PHONE_NUMBER|06 71 22 48 95⟧ voilà à plus",
)
add(
    S,
    "research",
    "compte rendu de consultation patient ⟦PERSON|moreau juliette⟧ date de naissance ⟦DATE_OF_BIRTH|vingt et un juin quatre-vingt-quatre⟧ ipp ⟦PATIENT_ID|huit zéro zéro quatre un sept deux cinq six trois⟧ suivie pour une ⟪disease|maladie de crohn⟫ sous ⟪drug|adalimumab⟫ pas d'effet indésirable déclaré point à la ligne prochaine visite dans trois mois",
)
add(
    S,
    "accounting",
    "oui bonjour c'est ⟦PERSON|fabrice leroy⟧ de la direction financière je voulais savoir si la facture de ⟪company|fresenius⟫ de ⟪amount|vingt-trois mille quatre cent dix-huit euros⟫ a bien été mandatée c'est urgent le fournisseur nous relance rappelez-moi au poste quarante et un zéro neuf merci",
)
add(
    S,
    "research",
    "dictée du docteur ⟦PERSON|karim benali⟧ courrier pour le docteur ⟦PERSON|anne-sophie giraud⟧ chère consœur je revois ce jour monsieur ⟦PERSON|da silva joão⟧ soixante-sept ans que vous m'aviez adressé pour un ⟪disease|syndrome de guillain-barré⟫ l'évolution est favorable virgule la récupération motrice est quasi complète",
)
add(
    S,
    "procurement",
    "message pour l'acheteur de la pharmacie je suis ⟦PERSON|mélanie rousseau⟧ de chez ⟪company|baxter⟫ je vous laisse mon numéro ⟦PHONE_NUMBER|zéro sept quarante-huit vingt-deux quinze zéro trois⟧ je le répète ⟦PHONE_NUMBER|zéro sept quarante-huit vingt-deux quinze zéro trois⟧ c'est concernant l'appel d'offres ⟪reference|deux mille vingt-six tiret zéro trente et un⟫",
)
add(
    S,
    "research",
    "patiente ⟦PERSON|n'diaye aminata⟧ née le ⟦DATE_OF_BIRTH|3 février 1979⟧ numéro de sécu ⟦FR_NIR|deux soixante-dix-neuf zéro deux quatre-vingt-dix-neuf trois cent quarante et un zéro zéro neuf⟧ je n'ai pas la clé elle la donnera à la prochaine visite",
)
add(
    S,
    "accounting",
    "rappel pour demain appeler madame ⟦PERSON|chevalier⟧ pour son remboursement de cinquante-quatre euros trente elle habite ⟦ADDRESS|douze rue des lilas à villeurbanne⟧ le chèque est revenu n'habite pas à l'adresse indiquée",
)
add(
    S,
    "research",
    "ok donc pour le patient de la chambre douze monsieur ⟦PERSON|tran van minh⟧ le numéro de séjour c'est ⟦PATIENT_ID|deux six zéro zéro quatre un huit sept trois⟧ et il est né le ⟦DATE_OF_BIRTH|premier janvier mille neuf cent quarante-cinq⟧ il a signé le consentement ce matin devant l'interne ⟦PERSON|yanis⟧",
)
add(
    S,
    "procurement",
    "bonjour ici ⟦PERSON|olivier⟧ du biomédical le respirateur ⟪product|evita⟫ de ⟪company|dräger⟫ en réa deux est encore en panne le technicien ⟦PERSON|stéphane⟧ m'a dit qu'il fallait ouvrir un ticket chez eux avec le numéro de série ⟪reference|a s b f zéro zéro quatre deux⟫ merci de faire le nécessaire",
)
add(
    S,
    "research",
    "transcription entretien téléphonique avec la fille de la patiente madame ⟦PERSON|leila haddad⟧ elle souhaite retirer sa mère de l'étude ⟪reference|alz neuro⟫ elle est joignable au ⟦PHONE_NUMBER|zéro six cinquante-huit treize quatre-vingt-dix vingt-quatre⟧ ou par mail ⟦EMAIL_ADDRESS|leila point haddad arobase gmail point com⟧",
)
add(
    S,
    "accounting",
    "alors pour la réunion de clôture on avait monsieur ⟦PERSON|aubry⟧ madame ⟦PERSON|fontaine⟧ et ⟦PERSON|claude perrin-maillard⟧ du dim on a validé l'écart de ⟪amount|cent quatre-vingt-quatre mille trois cents euros⟫ sur le compte ⟪account|six mille cent cinquante-deux⟫",
)
add(
    S,
    "research",
    "dictée compte rendu opératoire patient ⟦PERSON|bouchard gérard⟧ n° de venue ⟦PATIENT_ID|2 6 0 1 1 2 9 8 7⟧ opérateur docteur ⟦PERSON|okafor⟧ aide interne ⟦PERSON|maëlle⟧ mise en place d'une ⟪product|sonde de foley⟫ numéro seize fermeture plan par plan",
)
add(
    S,
    "procurement",
    "euh oui bonjour c'est ⟦PERSON|jérôme hamon⟧ de chez ⟪company|baxter⟫ je vous appelais pour confirmer la réunion du ⟪date|vingt octobre⟫ à quatorze heures vous pouvez me joindre au ⟦PHONE_NUMBER|zéro six un sept quatre deux huit huit trois un⟧ bonne journée",
)
add(
    S,
    "research",
    "la patiente s'appelle ⟦PERSON|kowalski⟧ k o w a l s k i prénom ⟦PERSON|zofia⟧ z o f i a née le ⟦DATE_OF_BIRTH|trois juin soixante et onze⟧ elle habite ⟦ADDRESS|quarante-deux avenue jean-jaurès à vénissieux⟧",
)
add(
    S,
    "accounting",
    "note pour ⟦PERSON|bertrand⟧ le bon de commande ⟪reference|quatre cinq zéro zéro deux huit sept sept trois un⟫ attend ta validation depuis cinq jours c'est le bloc cardiaque qui relance le docteur ⟦PERSON|ouedraogo⟧ a besoin des valves avant lundi",
)
add(
    S,
    "research",
    "message laissé sur le répondeur de l'urc bonjour je suis ⟦PERSON|fatou camara⟧ je participe à l'étude sur le diabète je ne pourrai pas venir mardi mon numéro c'est le ⟦PHONE_NUMBER|07 52 18 33 60⟧ et mon numéro de dossier c'est ⟦PATIENT_ID|2026-00815⟧ merci de me rappeler",
)
add(
    S,
    "procurement",
    "rappel réunion commission d'appel d'offres jeudi présents prévus madame ⟦PERSON|achour⟧ monsieur ⟦PERSON|tchakounté⟧ le professeur ⟦PERSON|castagné⟧ et ⟦PERSON|agathe⟧ de la cellule marchés ordre du jour attribution du ⟪reference|marché deux mille vingt-six tiret zéro dix-sept⟫ lots un à quatre",
)

# ---------------------------------------------------------------- 4. OCR / scanned
S = "ocr"
add(
    S,
    "research",
    """⟪institution|CHU DE VALMONT⟫                                   Page 1/2
Unité de Recherche Clinique
⟪heading|FORMULAIRE DE CONSENTEMENT ÉCLAIRÉ⟫ — ÉTUDE ⟪reference|PARK-STIM⟫

Je soussigné(e) Nom : ⟦PERSON|DUR AND⟧   Prénom : ⟦PERSON|Chris-
tine⟧
Né(e) le : ⟦DATE_OF_BIRTH|l4 / 02 / l96l⟧
certifie avoir reçu du Dr ⟦PERSON|Jean-Marc Del orme⟧ l'information écrite
concernant l'étude sur la ⟪disease|maladie de Par-
kinson⟫ .
Signature : ___________        Fait à Valmont le ⟪date|22/l0/2026⟫
""",
)
add(
    S,
    "accounting",
    """FACTURE N° ⟪reference|F2026-l0887⟫                     ⟪company|DRÄGER MEDICAL FRANCE SAS⟫
                                                 ⟪org_address|25 rue Georges Besse, 92160 Antony⟫
                                                 SIRET ⟪siret|%%SIRET4%%⟫
Destinataire : CHU de Valmont — Service Facturier
À l'attention de : M. ⟦PERSON|B. OGlER⟧
Désignation               Qté     PU HT       Total HT
Capteur débit ⟪product|Evita⟫     l2      ⟪amount|2l4,00⟫      ⟪amount|2 568,00⟫
TVA 20 %                                      ⟪amount|5l3,60⟫
~ ' .  ,
                                    Page l / l
""",
)
add(
    S,
    "research",
    """COURRIER DE SORTIE                                 — 2 —
...suite de la page précédente
Patient : M. ⟦PERSON|ABDEL-
KADER Samir⟧  IPP : ⟦PATIENT_ID|7009 98812⟧
Adresse : ⟦ADDRESS|l7, rue du Puits-
Vieux  69l00 Villeurbanne⟧
Tél. ⟦PHONE_NUMBER|06 l2 58 7O 33⟧
Traitement de sortie : ⟪drug|Kardégic 75 mg⟫, ⟪drug|atorvasta-
tine 40 mg⟫
Dr ⟦PERSON|H. Lam bert⟧ — RPPS ⟦HEALTH_PRO_ID|%%RPPS4%%⟧
""",
)
add(
    S,
    "procurement",
    """=== ⟪heading|SPÉCIFICATION TECHNIQUE⟫ ===
⟪heading|ARTICLE 3 – PÉNALITÉS⟫
En cas de retard de livraison, le titulaire encourt une pénalité de ⟪amount|l50 €⟫ par jour
calendaire, conformément à l'article ⟪regulation|R2l91-33⟫ du code de la com-
mande publique.
Le correspondant technique du CHU est M. ⟦PERSON|Olivier Tcha-
kounté⟧ (⟦PHONE_NUMBER|04 72 ll 63 27⟧).
CCTP ⟪reference|marché n° 2026-0l7⟫                        paraphe : ___   page 4/l2
""",
)
add(
    S,
    "research",
    """CERFA N° ⟪reference|l2l35*0l⟫
Assuré(e)
Nom de famille (de naissance) : ⟦PERSON|LE G0FF⟧
Nom d'usage : ⟦PERSON|MORVAN⟧
Prénom(s) : ⟦PERSON|Anne-Marie, Josée⟧
N° d'immatriculation : ⟦FR_NIR|%%NIR9%%⟧
Date de naissance : ⟦DATE_OF_BIRTH|2 7 / 0 6 / l 9 4 7⟧
Adresse : ⟦ADDRESS|Kerléan, 29l90 Pleyben⟧
""",
)
add(
    S,
    "accounting",
    """⟪heading|RELEVÉ D'IDENTITÉ BANCAIRE⟫
Titulaire du compte : M0NSIEUR ⟦PERSON|KOUASSI N'GUESSAN⟧
⟦ADDRESS|5 ALLEE DES CHARMES
38l30 ECHIROLLES⟧
IBAN : ⟦IBAN_CODE|%%IBAN4%%⟧
BIC : CCBPFRPPGRE
Domiciliation : ⟪company|BANQUE POPULAIRE AUVERGNE RHÔNE ALPES⟫
""",
)
add(
    S,
    "procurement",
    """PROCÈS-VERBAL DE RÉCEPTION   ⟪reference|PV-2026-l45⟫
Matériel : ⟪product|Moniteur Philips IntelliVue MX450⟫ (n° série ⟪reference|DE8l2A4417⟫)
Réceptionné par : ⟦PERSON|Kouassi N'Gues-
san⟧, technicien biomédical
En présence de : ⟦PERSON|Luc Ferr and⟧ pour le fournisseur
Réserves : néant         Date : ⟪date|l9/l0/2026⟫
       ⟪institution|Hôpital Édouard-Her-
riot⟫ – Direction des équipements
""",
)
add(
    S,
    "research",
    """Page 3 sur 8           NOTE D'INFORMATION – version ⟪reference|2.l⟫ du 0l/09/2026
Qui contacter ?
Investigateur principal : Pr ⟦PERSON|Lucía MARTÍ-
NEZ⟧, service de Rhumatologie, tél. ⟦PHONE_NUMBER|0l 45 58 ll 20⟧
Attaché de recherche : ⟦PERSON|Théo Gar cia⟧, ⟦EMAIL_ADDRESS|theo.gar-
cia@chu-valmont.fr⟧
Promoteur : ⟪institution|Assistance Publique – Hôpitaux de Paris⟫
""",
)
add(
    S,
    "accounting",
    """BORDEREAU DE MANDATS N° ⟪reference|2026-0877⟫          EXERCICE 2026
Compte   Tiers                              Montant
⟪account|6l8l⟫    Dr ⟦PERSON|ROCHE Em ilie⟧ (vacations)      ⟪amount|l 840,00⟫
⟪account|60221⟫   ⟪company|MEDLINE INTERNATIONAL FRANCE⟫      ⟪amount|l2 004,l6⟫
Vu, l'ordonnateur : ⟦PERSON|B. 0gier⟧
""",
)
add(
    S,
    "research",
    """ÉTIQUETTE PATIENT
⟦PERSON|BOUCHARD  GÉRARD⟧
Né le ⟦DATE_OF_BIRTH|0l.0l.l945⟧  (M)  80 ans
IPP ⟦PATIENT_ID|7OO4l2778⟧   NDA ⟦PATIENT_ID|26Oll2987⟧
UF 44l0 – CHIR DIGESTIVE
""",
)
add(
    S,
    "procurement",
    """Objet : Mise en demeure – ⟪reference|marché n° 2025-045⟫
Madame, Monsieur,
Nous constatons que les livraisons de ⟪product|gants nitrile⟫ prévues au bon de com-
mande ⟪reference|4500 27l 902⟫ n'ont pas été honorées. ~~ | .
Le Directeur des achats,
⟦PERSON|Fran-
çois-Xavier de La Roche⟧
Affaire suivie par : ⟦PERSON|N. Achour⟧ – ⟦PHONE_NUMBER|04.73.75.l2.09⟧
""",
)
add(
    S,
    "research",
    """⟪heading|ORDONNANCE⟫
Dr ⟦PERSON|Kevin HOARAU⟧                    N° RPPS ⟦HEALTH_PRO_ID|%%RPPS2%%⟧
Médecine interne                    N° ADELI ⟦HEALTH_PRO_ID|%%ADELI1%%⟧
⟪institution|Hôpital Félix-Guyon⟫, ⟪org_address|allée des Topazes, 97400 Saint-Denis⟫
Mme ⟦PERSON|PAYET Marie-Claude⟧        le ⟪date|04/ll/2026⟫
⟪drug|Méthotrexate⟫ l5 mg / semaine
""",
)
add(
    S,
    "accounting",
    """AVIS DE SOMMES À PAYER    ⟪reference|ASAP 2026-00l2847⟫
Débiteur : Mme ⟦PERSON|CHEVALIER Monique⟧
⟦ADDRESS|l2 rue des Lilas
Bât. B, apt 3l
69l00 VILLEURBANNE⟧
Séjour du ⟪date|02/09/2026⟫ – n° de séjour ⟦PATIENT_ID|2600 8 7l45⟧
Reste à charge : ⟪amount|54,30 €⟫
""",
)
add(
    S,
    "research",
    """—— [illisible] ——
...le patient M. ⟦PERSON|Ra-
fael Gon-
çalves⟧ a été inclus le ⟪date|l2/09⟫. N° sécu : ⟦FR_NIR|%%NIR13%%⟧ (à vérifier,
photocopie de la carte vitale peu lisible).
ARC : ⟦PERSON|Inès F.⟧
""",
)
add(
    S,
    "procurement",
    """⟪heading|ATTESTATION DE VISITE DE SITE⟫
Entreprise : ⟪company|GETINGE FRANCE SAS⟫      SIREN : ⟪siret|%%SIREN1%%⟫
Représentée par : M. ⟦PERSON|Pieter VAN DEN BER-
GHE⟧
a visité le ⟪date|l4/l0/2026⟫ les locaux du ⟪institution|bloc Ambroise-Paré⟫ dans le cadre
de la consultation ⟪reference|2026-039⟫.
Pour le CHU : ⟦PERSON|Rémi Castagné⟧
""",
)
add(
    S,
    "research",
    """Fiche de recueil – Visite J28                                  - 5 -
Initiales : ___ Date de naissance : ⟦DATE_OF_BIRTH|O3/O6/l97l⟧
Médecin : Dr ⟦PERSON|Nguyễn Văn Lo ng⟧   RPPS : ⟦HEALTH_PRO_ID|%%RPPS3%%⟧
Évènement indésirable : céphalées grade l
Traitement : ⟪drug|paracétamol l g⟫ x3/j
""",
)
add(
    S,
    "accounting",
    """NOTE DE FRAIS                                          Page l/l
Agent : ⟦PERSON|LAVAL Zoé⟧   matricule 10 87 45
Objet : congrès ⟪reference|ESC 2026⟫ (Londres)
Train ⟪amount|2l8,00⟫   Hôtel ⟪amount|3l2,00⟫   Repas ⟪amount|82,40⟫
TOTAL ⟪amount|6l2,40⟫
Versement sur IBAN ⟦IBAN_CODE|%%IBAN6%%⟧
""",
)
add(
    S,
    "procurement",
    """⟪heading|CCTP – LOT 2 – SYSTÈMES D'ANESTHÉSIE⟫
2.l Le titulaire désigne un interlocuteur unique. Pour ⟪company|Dräger⟫ : M. ⟦PERSON|Fré-
déric Wagner⟧, ⟦EMAIL_ADDRESS|frederic.wagner@draeger-exem-
ple.com⟧, ⟦PHONE_NUMBER|+33 (0)6 l3 44 80 2l⟧.
2.2 Les références ⟪regulation|NF EN ISO 80601-2-13⟫ s'appliquent.
""",
)

# ---------------------------------------------------------------- 5. French-English mixes
S = "fr_en"
add(
    S,
    "research",
    """⟪heading|MONITORING VISIT REPORT⟫ – Interim Monitoring Visit #4
Protocol: ⟪reference|NGX-ALZ-301⟫ | Site 014 – CHU de Valmont
PI: Dr ⟦PERSON|Baptiste Lemoine⟧ | CRA: ⟦PERSON|Siobhan O'Connell⟧
Attendees: ⟦PERSON|B. Lemoine⟧ (PI), ⟦PERSON|Lucie Carpentier⟧ (study nurse), ⟦PERSON|Inès Ferhat⟧ (ARC)

Findings:
1. ICF v3.0 signed by the subject on 05-Oct-2026 but the witness signature (Mme ⟦PERSON|Carpentier⟧) is missing the date.
2. Source documents show a hospital stay (NDA ⟦PATIENT_ID|260098112⟧) not reported as SAE → site to assess within 24 h per ⟪regulation|ICH E6(R3)⟫.
Follow-up letter to be sent to ⟦EMAIL_ADDRESS|baptiste.lemoine@chu-valmont.fr⟧.
""",
)
add(
    S,
    "procurement",
    """Hi ⟦PERSON|Nadia⟧,
Thanks for the call. As discussed, our offer for the ⟪reference|tender 2026-031⟫ (lot 2 – hemodialysis) includes 12 ⟪product|Prismaflex⟫ units, delivery 6 weeks ARO. Je vous confirme aussi la formation sur site pour les IDE, 2 sessions.
My colleague ⟦PERSON|Jérôme⟧ from the Paris office will be your local contact: ⟦PHONE_NUMBER|+33 6 17 42 88 31⟧.
Best,
⟦PERSON|Rebecca Smith⟧ – Tender Manager EMEA, ⟪company|Baxter Healthcare Ltd⟫
""",
)
add(
    S,
    "research",
    """Dear Sponsor,
Please find below the SAE narrative (initial report).
Le patient, homme de 67 ans, né le ⟦DATE_OF_BIRTH|11/08/1959⟧ (DOB as per source), was admitted on ⟪date|07-Nov-2026⟫ for suspected ⟪disease|Guillain-Barré syndrome⟫. Hospitalisation stay number ⟦PATIENT_ID|260041873⟧. Outcome: recovering.
Reporter: Dr ⟦PERSON|Amadou Koné⟧, RPPS ⟦HEALTH_PRO_ID|%%RPPS5%%⟧, phone ⟦PHONE_NUMBER|+33 4 72 35 71 20⟧.
""",
)
add(
    S,
    "accounting",
    """Subject: invoice 90088127 – payment status?
Hello, this is ⟦PERSON|Greta Lindqvist⟧ from ⟪company|Getinge AB⟫ accounts receivable. Notre facture ⟪reference|90088127⟫ du ⟪date|15/09/2026⟫ (⟪amount|EUR 3,480.00⟫) est échue depuis 30 jours. Could you tell me when it will be paid? Our bank details: IBAN ⟦IBAN_CODE|%%IBAN8%%⟧ — no wait, please use the French account of our subsidiary, IBAN ⟦IBAN_CODE|%%IBAN4%%⟧.
Direct line ⟦PHONE_NUMBER|+46 10 335 00 41⟧.
""",
)
add(
    S,
    "research",
    """Site staff log – updated 12 Nov 2026
Name | Role | Delegated tasks | Start date
⟦PERSON|LEMOINE, Baptiste⟧ | PI | 1-12 | 01-Sep-2026
⟦PERSON|CARPENTIER, Lucie⟧ | Study nurse | 3,4,6,8 | 01-Sep-2026
⟦PERSON|FERHAT, Inès⟧ | CRC | 2,5,9 | 15-Sep-2026
⟦PERSON|DIALLO-BERTHIER, Aïssatou⟧ | Sub-I | 1-10 | 03-Oct-2026
""",
)
add(
    S,
    "procurement",
    """Bonjour,
We are a distributor of ⟪company|Medtronic⟫ and ⟪company|Abbott⟫ products in Benelux. Nous souhaitons répondre à votre consultation ⟪reference|2026-039⟫ for ⟪product|cardiac valves⟫. Please send the DCE to my colleague Mr. ⟦PERSON|Joris van Leeuwen⟧ (⟦EMAIL_ADDRESS|j.vanleeuwen@benemed-exemple.nl⟧, mobile ⟦PHONE_NUMBER|+31 6 4123 8870⟧).
Kind regards, ⟦PERSON|Els De Smet⟧
""",
)
add(
    S,
    "research",
    """Query #0457 (EDC) – Subject screening failure
Site comment: patient Mr. ⟦PERSON|Tran Van Minh⟧ ne remplit pas le critère d'inclusion n°4 (eGFR < 30). The investigator Dr ⟦PERSON|Pham Thi Hoa⟧ confirmed by phone. Please note the patient's name should not appear in EDC – to be redacted.
CRA: ⟦PERSON|Minh-Chau Nguyen⟧
""",
)
add(
    S,
    "accounting",
    """FYI – the overhead for the ⟪reference|NGX-ALZ-301⟫ study is 25 % as per the CTA signed by Mr. ⟦PERSON|David Benhamou⟧ (Directeur de la recherche). Les surcoûts hospitaliers sont facturés via la grille ⟪regulation|LEEM/DGOS⟫. Total invoiced Q3: ⟪amount|€ 42 180,00⟫ – compte ⟪account|7088⟫.
Contact finance: ⟦PERSON|Aurélie Fontaine⟧, ⟦PHONE_NUMBER|03 26 78 40 55⟧.
""",
)
add(
    S,
    "research",
    """SUBJECT CONTACT DETAILS (site file only – DO NOT SEND TO SPONSOR)
Name: ⟦PERSON|Fatou Camara⟧
DOB: ⟦DATE_OF_BIRTH|1983-05-22⟧
SSN: ⟦FR_NIR|%%NIR21%%⟧
Address: ⟦ADDRESS|27 bis rue Paul-Bert, 69003 Lyon⟧
Phone: ⟦PHONE_NUMBER|07 52 18 33 60⟧
Emergency contact: ⟦PERSON|Moussa Camara⟧ (brother) ⟦PHONE_NUMBER|06 29 44 81 07⟧
""",
)
add(
    S,
    "procurement",
    """Product recall – Field Safety Notice FSN-2026-11
To: Biomedical engineering / Pharmacovigilance
Affected product: ⟪product|Perfusor Space⟫ software 3.2.1, ⟪company|B. Braun Melsungen AG⟫. Merci de retourner le formulaire de réponse signé à Dr. ⟦PERSON|Ulrike Hoffmann⟧ (⟦EMAIL_ADDRESS|ulrike.hoffmann@bbraun-exemple.de⟧) avant le ⟪date|30/11/2026⟫.
Local contact: ⟦PERSON|Laurent Bessière⟧, ⟦PHONE_NUMBER|06 71 22 48 95⟧.
""",
)
add(
    S,
    "research",
    """Hi team, quick update after the SIV at ⟪institution|Centre Léon-Bérard⟫ and here:
- PI Pr ⟦PERSON|Hélène Marchetti⟧ OK for 15 patients/yr
- pharmacist ⟦PERSON|Karim Bensaïd⟧ needs the IMP manual (⟪drug|pembrolizumab⟫ arm)
- ⟦PERSON|Thuy⟧ (study coordinator) will handle the ePRO devices
Cheers, ⟦PERSON|Tom⟧
""",
)
add(
    S,
    "accounting",
    """Hello ⟦PERSON|Vincent⟧, can you check this expense claim? Dr ⟦PERSON|Akosua Mensah⟧ attended the ⟪reference|ESMO 2026⟫ congress in Barcelona – frais d'inscription ⟪amount|1 150 €⟫ + hôtel ⟪amount|620 €⟫. Refund to her personal account ⟦IBAN_CODE|%%IBAN3%%⟧. Thanks! ⟦PERSON|Greta⟧
""",
)
add(
    S,
    "research",
    """Protocol deviation log
PD-019 | Major | Visit V6 out of window (+9 days) | patient file no. ⟦PATIENT_ID|D-2026-004718⟧ | reported by ⟦PERSON|L. Carpentier⟧
PD-020 | Minor | ⟪drug|Levothyrox⟫ dose not recorded | IPP ⟦PATIENT_ID|8001239981⟧ | reported by ⟦PERSON|I. Ferhat⟧
""",
)
add(
    S,
    "procurement",
    """Dear Mrs ⟦PERSON|Achour⟧,
Following the ⟪regulation|Directive 2014/24/EU⟫ and French ⟪regulation|article R2144-1⟫, please find our ESPD. Our company ⟪company|Medisys Polska sp. z o.o.⟫ is represented in France by ⟦PERSON|Tomasz Wiśniewski⟧, tel. ⟦PHONE_NUMBER|+48 601 224 873⟧, home address for correspondence ⟦ADDRESS|ul. Marszałkowska 84/92 m. 15, 00-514 Warszawa⟧.
""",
)
add(
    S,
    "research",
    """Patient-reported: « I feel better since the new treatment » – dit Mme ⟦PERSON|Abena Owusu-Ansah⟧ (born ⟦DATE_OF_BIRTH|12 Jan 1969⟧), vue en consultation par l'interne ⟦PERSON|Yanis⟧. Next visit: ⟪date|Dec 14th⟫. Call her daughter ⟦PERSON|Ama⟧ on ⟦PHONE_NUMBER|+44 7911 123 456⟧ if no show.
""",
)
add(
    S,
    "accounting",
    """Reminder: the grant from ⟪institution|Fondation pour la Recherche Médicale⟫ (⟪amount|€150,000⟫) must be booked in ⟪account|7474⟫. PI Prof. ⟦PERSON|Hélène Marchetti⟧ – grant officer ⟦PERSON|Mathilde Krause⟧ (⟦EMAIL_ADDRESS|mathilde.krause@frm-exemple.org⟧).
""",
)
add(
    S,
    "research",
    """Eligibility checklist – Subject screened 03-Nov-2026
Inclusion 1: Age ≥ 18 → YES (date de naissance ⟦DATE_OF_BIRTH|30-Jan-1966⟧)
Inclusion 2: confirmed ⟪disease|Hodgkin lymphoma⟫ → YES
Informed consent obtained by: Dr ⟦PERSON|Ousmane Ndiaye⟧ — hmm no, by Dr ⟦PERSON|Hugo Lambert⟧ (Mr ⟦PERSON|Ndiaye⟧ is the patient!)
""",
)
add(
    S,
    "procurement",
    """Call report – ⟪company|Philips France Commercial⟫ / CHU de Valmont – 04 Nov 2026
Participants: ⟦PERSON|Nathan Ho-Van⟧ (Philips), ⟦PERSON|Julien Moreau⟧ (UGAP), ⟦PERSON|Baptiste Roy⟧ (biomed)
Next steps: demo of ⟪product|EPIQ Elite⟫ on ⟪date|Nov 18⟫; quote through ⟪reference|UGAP ref. 4012785⟫; SIRET Philips ⟪siret|%%SIRET3%%⟫.
""",
)

# ---------------------------------------------------------------- 6. Word / Outlook unicode
S = "unicode"
add(
    S,
    "procurement",
    "Bonjour,\nPour toute question technique, contactez M.\u00a0⟦PERSON|Frédéric\u00a0Wagner⟧ au ⟦PHONE_NUMBER|06\u00a013\u00a044\u00a080\u00a021⟧ ou par mail\u00a0: ⟦EMAIL_ADDRESS|frederic.wagner@draeger-exemple.com⟧.\nLe devis ⟪reference|n°\u00a0DQ-2026-5521⟫ s’élève à ⟪amount|28\u202f400,00\u00a0€\u00a0HT⟫.\n",
)
add(
    S,
    "research",
    "Patient\u00a0: Mme\u00a0⟦PERSON|Sa\u200bmira Bel\u200bkacem⟧\nN° de sécurité sociale\u00a0: ⟦FR_NIR|%%NIR3%%⟧\nTéléphone\u00a0: ⟦PHONE_NUMBER|07\u202f81\u202f46\u202f29\u202f05⟧\n",
)
add(
    S,
    "accounting",
    "Le virement de ⟪amount|1\u202f840,00\u00a0€⟫ au Dr\u00a0⟦PERSON|Émilie Ro\u00adche⟧ a été rejeté : l’IBAN ⟦IBAN_CODE|%%IBAN3%%⟧ ne correspond pas au titulaire. Merci de la contacter (⟦EMAIL_ADDRESS|emilie.ro\u00adche@chu-valmont.fr⟧).\n",
)
add(
    S,
    "research",
    "Investigateur\u2009: Pr\u2009⟦PERSON|Lucía Martínez⟧ – ligne directe ⟦PHONE_NUMBER|01\u200945\u200958\u200911\u200920⟧ – ⟦EMAIL_ADDRESS|lucia.martinez＠chu-valmont.fr⟧\nRPPS\u2009: ⟦HEALTH_PRO_ID|%%RPPS1%%⟧\n",
)
add(
    S,
    "procurement",
    "Fiche contact fournisseur\n« Interlocuteur » : Mme ⟦PERSON|Fi\u200blipa Dos\u00a0Santos⟧\n« Mobile » : ⟦PHONE_NUMBER|＋３５１ ９１２ ３４５ ６７８⟧\n« Société » : ⟪company|Lusomed⟫ – ⟪siret|%%SIRET1%%⟫\n",
)
add(
    S,
    "research",
    "Lettre d’information\u00a0: « Vous pouvez joindre l’infirmière de recherche, ⟦PERSON|Lucie\u00a0Carpentier⟧, au ⟦PHONE_NUMBER|04\u00a076\u00a076\u00a054\u00a018⟧ du lundi au vendredi. »\nLe promoteur (⟪institution|Hospices Civils de Lyon⟫) a souscrit une assurance conformément à l’⟪regulation|article\u00a0L1121-10⟫ du CSP.\n",
)
add(
    S,
    "accounting",
    "Tiers\u00a0: ⟦PERSON|NGUYEN\u00a0Thi\u00a0Thu\u00a0Hà⟧\nN°\u00a0SS\u00a0: ⟦FR_NIR|%%NIR7%%⟧\nMontant à rembourser\u00a0: ⟪amount|96,00\u00a0€⟫ (compte ⟪account|4671⟫)\n",
)
add(
    S,
    "research",
    "Bonjour ⟦PERSON|Inès⟧,\n\nMerci de rappeler “⟦PERSON|Jean-Baptiste “Jibé” Lacroix⟧” (patient inclus le 12/10) au ⟦PHONE_NUMBER|０６ ４５ ２１ ８７ ９０⟧ — il a perdu sa convocation.\n\n⟦PERSON|Lucie⟧\n",
)
add(
    S,
    "procurement",
    "Tableau des signataires (copié depuis Word) :\n•\t⟦PERSON|Anne Duchâteau\u00adLagarde⟧, acheteuse\u00a0—\u00a0⟦EMAIL_ADDRESS|anne.duchateau-lagarde@chu-valmont.fr⟧\n•\t⟦PERSON|Rachid El\u00a0Mansouri⟧, pharmacien\u00a0—\u00a0⟦PHONE_NUMBER|04\u202f73\u202f75\u202f14\u202f62⟧\n•\tRéférence : ⟪reference|marché\u00a0n°\u00a02026-017⟫, ⟪regulation|R2162-2⟫\n",
)
add(
    S,
    "research",
    "Date de naissance\u00a0: ⟦DATE_OF_BIRTH|22\u00a0mai\u00a01983⟧\u2003IPP\u00a0: ⟦PATIENT_ID|800\u202f124\u202f5530⟧\u2003NDA\u00a0: ⟦PATIENT_ID|260\u00a0112\u00a0340⟧\nNom\u00a0: ⟦PERSON|CAMARA⟧\u2003Prénom\u00a0: ⟦PERSON|Fatou⟧\n",
)
add(
    S,
    "accounting",
    "Bonjour,\u00a0pouvez-vous mettre à jour le RIB de M.\u00a0⟦PERSON|Ibrahima M’Bappé⟧ ? Nouvel IBAN\u00a0: ⟦IBAN_CODE|%%IBAN9%%⟧. Son adresse a changé\u00a0: ⟦ADDRESS|9\u00a0rue\u00a0Louis-Pasteur, 59000\u00a0Lille⟧.\n",
)
add(
    S,
    "research",
    "Contact promoteur\u00a0: Dr\u00a0⟦PERSON|Ulrike Hoffmann⟧ <⟦EMAIL_ADDRESS|ulrike.hoff\u200bmann@bbraun-exemple.de⟧>\nContact site\u00a0: ⟦PERSON|Baptiste Lemoine⟧ <⟦EMAIL_ADDRESS|baptiste.lemoine@chu\u2011valmont.fr⟧>\n",
)
add(
    S,
    "procurement",
    "Objet\u00a0: ⟪reference|UGAP\u00a0réf.\u00a04012785⟫ — échographe ⟪product|Philips\u00a0EPIQ\u00a0Elite⟫\nInterlocuteur UGAP\u00a0: ⟦PERSON|Julien Moreau⟧, tél.\u00a0⟦PHONE_NUMBER|+33\u00a0(0)1\u00a064\u00a073\u00a028\u00a091⟧\nMontant\u00a0: ⟪amount|148\u202f500\u00a0€\u00a0TTC⟫\n",
)
add(
    S,
    "research",
    "N° INS\u00a0: ⟦FR_NIR|%%NIR12%%⟧ – ⟦PERSON|Lo\u00adïc Guéguen⟧, né le ⟦DATE_OF_BIRTH|09/08/1993⟧ à Nantes\nTél. portable\u00a0: ⟦PHONE_NUMBER|06.84.15.27.39⟧\n",
)
add(
    S,
    "accounting",
    "Facture ⟪reference|FA-2026-11873⟫\u00a0: ⟪amount|23\u2009418,60\u00a0€⟫ – ⟪company|Fresenius\u00a0Kabi\u00a0France⟫ – validée par ⟦PERSON|Hélène\u00a0Marchal⟧ (⟦EMAIL_ADDRESS|helene.marchal＠chu-valmont.fr⟧)\n",
)
add(
    S,
    "research",
    "Mme ⟦PERSON|Aïcha Ben\u00a0Youssef⟧ (‘la fille’) a appelé\u00a0: sa mère, Mme ⟦PERSON|Zohra Ben\u00a0Youssef⟧ née ⟦PERSON|Trabelsi⟧, DDN ⟦DATE_OF_BIRTH|１２/０７/１９４１⟧, ne viendra pas à la visite M6.\nRappel au ⟦PHONE_NUMBER|+33\u00a07\u00a069\u00a041\u00a022\u00a085⟧.\n",
)
add(
    S,
    "procurement",
    "⟦PERSON|Sébastien Pi\u200bcard⟧ | Responsable grands comptes | ⟪company|Carestream\u00a0Health⟫\nT\u00a0: ⟦PHONE_NUMBER|+33\u202f1\u202f58\u202f16\u202f42\u202f90⟧ | M\u00a0: ⟦PHONE_NUMBER|+33\u202f6\u202f27\u202f91\u202f35\u202f48⟧\n⟦EMAIL_ADDRESS|sebastien.pi\u200bcard@carestream-exemple.com⟧\n",
)
add(
    S,
    "research",
    "L’interne ⟦PERSON|Maë\u00adlle⟧ a recueilli le consentement de M.\u00a0⟦PERSON|Gérard\u00a0Bouchard⟧ ; dossier n°\u00a0⟦PATIENT_ID|2026‑00815⟧ ; ⟪disease|maladie\u00a0d’Alzheimer⟫ débutante.\n",
)

# ---------------------------------------------------------------- 7. identifiers by context
S = "identifiers"
add(
    S,
    "accounting",
    "Rejet de titre : le séjour ⟦PATIENT_ID|260087145⟧ a été facturé deux fois à la mutuelle. Le bon de commande ⟪reference|4500271902⟫ n'a rien à voir, c'est une erreur de rapprochement. FINESS ⟪reference|510000029⟫.",
)
add(
    S,
    "research",
    "Pour l'extraction PMSI il me faut le NDA ⟦PATIENT_ID|260112340⟧ et l'IPP ⟦PATIENT_ID|700112233⟧ du patient ; le n° de lot du produit (⟪reference|lot 24C18-A⟫) est déjà dans le CRF.",
)
add(
    S,
    "accounting",
    "n° de venue : ⟦PATIENT_ID|2026011234⟧ / UF 3410 / montant restant dû ⟪amount|127,50 €⟫ / engagement ⟪reference|2026-ENG-00412⟫ / compte ⟪account|4111⟫",
)
add(
    S,
    "research",
    "Stay ID ⟦PATIENT_ID|2600123456⟧ – readmission within 30 days; previous stay ⟦PATIENT_ID|2600098112⟧. Protocol ⟪reference|NGX-ALZ-301⟫, site 014.",
)
add(
    S,
    "research",
    "Le Patient ⟦PATIENT_ID|5012345678⟧ a été transféré en USC. Le Patient ⟦PATIENT_ID|5019876543⟧ reste en hospitalisation complète. Aucun lien avec la commande ⟪reference|4500287731⟫.",
)
add(
    S,
    "research",
    "Attention, le NIR saisi dans le CRF est faux : ⟦FR_NIR|%%NIR5%%⟧ (la clé ne correspond pas). Le bon est sur la carte vitale, à recopier à la prochaine visite.",
)
add(
    S,
    "accounting",
    "Le NIR du bénéficiaire ⟦FR_NIR|%%NIR6%%⟧ (sans la clé) a été transmis à la CPAM pour le dossier ⟦PATIENT_ID|2024/00815⟧. SIRET du CHU : ⟪siret|%%SIRET2%%⟫.",
)
add(
    S,
    "research",
    "INS qualifiée : ⟦FR_NIR|%%NIR4%%⟧ — OID 1.2.250.1.213.1.4.8. Identité vérifiée sur pièce d'identité par ⟦PERSON|Yvonne⟧ au bureau des entrées.",
)
add(
    S,
    "procurement",
    "Références à reporter dans Chorus : ⟪reference|marché n° 2025-045⟫, ⟪reference|lot n° 3⟫, ⟪reference|bon de commande 4500281145⟫, SIREN titulaire ⟪siret|%%SIREN2%%⟫, ⟪regulation|article R2191-33⟫ et ⟪regulation|R2111-8⟫ du code de la commande publique. Aucun identifiant patient dans ce dossier.",
)
add(
    S,
    "research",
    "Liste des prescripteurs habilités : Dr ⟦PERSON|Hoarau⟧ (RPPS ⟦HEALTH_PRO_ID|%%RPPS2%%⟧), Dr ⟦PERSON|Pham⟧ (RPPS ⟦HEALTH_PRO_ID|%%RPPS6%%⟧), Mme ⟦PERSON|Lopes⟧ IDE (ADELI ⟦HEALTH_PRO_ID|%%ADELI2%%⟧).",
)
add(
    S,
    "accounting",
    "Honoraires du Dr ⟦PERSON|Thierry Masson⟧, n° RPPS ⟦HEALTH_PRO_ID|%%RPPS7%%⟧ : ⟪amount|2 340,00 €⟫ imputés sur ⟪account|6226⟫. N° d'engagement ⟪reference|2026-004471⟫, n° de mandat ⟪reference|2026-011290⟫.",
)
add(
    S,
    "research",
    "sécu : ⟦FR_NIR|%%NIR11%%⟧ / dossier n° ⟦PATIENT_ID|D2026-11907⟧ / IPP ⟦PATIENT_ID|800417256⟧ / né le ⟦DATE_OF_BIRTH|05.05.1980⟧",
)
add(
    S,
    "procurement",
    "Le numéro UGAP ⟪reference|4012785⟫, le code article fournisseur ⟪reference|8713030⟫, le code LPP ⟪reference|1165250⟫ et le code CIP ⟪reference|3400930000120⟫ ne sont pas des données personnelles, contrairement au n° RPPS ⟦HEALTH_PRO_ID|%%RPPS8%%⟧ du pharmacien référent.",
)
add(
    S,
    "research",
    "Patient file 2026: IPP ⟦PATIENT_ID|700385214⟧; SSN (NIR) ⟦FR_NIR|%%NIR20%%⟧ — key looks wrong, please double check with the patient; visit number ⟦PATIENT_ID|2600412778⟧.",
)
add(
    S,
    "accounting",
    "Titre de recettes ⟪reference|T-2026-08812⟫ émis à l'encontre de l'assuré n° ⟦FR_NIR|%%NIR14%%⟧ pour le séjour n° ⟦PATIENT_ID|260034781⟧ (⟪amount|412,00 €⟫). Budget H, compte ⟪account|7325⟫.",
)
add(
    S,
    "research",
    "Retrouver dans DxCare le dossier patient n° ⟦PATIENT_ID|00458712⟧ (ancien IPP ⟦PATIENT_ID|G0458712⟧) – fusion de doublons demandée par l'identitovigilance. NIR connu sans clé : ⟦FR_NIR|%%NIR16%%⟧.",
)
add(
    S,
    "procurement",
    "Avenant n° 2 au ⟪reference|marché 2024-112⟫ : montant porté de ⟪amount|450 000 €⟫ à ⟪amount|495 000 €⟫ (+10 %), conformément à l'⟪regulation|article R2194-8⟫. Ordre de service ⟪reference|OS-2026-07⟫ du ⟪date|12/10/2026⟫. Compte ⟪account|2154⟫, opération ⟪reference|OP-2025-018⟫.",
)
add(
    S,
    "research",
    "Identité patient : ⟦PERSON|NGUYEN Van Thanh⟧, NIR ⟦FR_NIR|%%NIR10%%⟧ (né à l'étranger), IPP ⟦PATIENT_ID|800 112 6673⟧, épisode ⟦PATIENT_ID|26 0011 2987⟧. Médecin traitant RPPS ⟦HEALTH_PRO_ID|%%RPPS5%%⟧.",
)

# ---------------------------------------------------------------- 8. names in every shape
S = "names"
add(
    S,
    "research",
    "Nom : ⟦PERSON|MOREAU⟧\nPrénom : ⟦PERSON|Juliette⟧\nNom de naissance : ⟦PERSON|DE SAINT-EXUPÉRY⟧\nSexe : F\nMédecin adresseur : Dr ⟦PERSON|d'Almeida⟧\n",
)
add(
    S,
    "procurement",
    "Présents à la réunion de négociation : ⟦PERSON|KARIM⟧, ⟦PERSON|SOPHIE⟧, ⟦PERSON|THUY⟧, ⟦PERSON|JEAN-PHILIPPE⟧ (achats) et, pour ⟪company|Baxter⟫, ⟦PERSON|REBECCA⟧ et ⟦PERSON|JÉRÔME⟧. Excusée : ⟦PERSON|MAËLLE⟧.",
)
add(
    S,
    "research",
    "Demandez à ⟦PERSON|Maëlle⟧ de l'accueil de scanner le consentement, puis l'interne ⟦PERSON|Yanis⟧ le vérifiera. ⟦PERSON|Lucie⟧ (IDE de recherche) est en congés jusqu'au ⟪date|16 novembre⟫.",
)
add(
    S,
    "accounting",
    "Agents concernés par la régularisation de prime : ⟦PERSON|du Pontavice Hervé⟧, ⟦PERSON|van der Meer Sanne⟧, ⟦PERSON|Le Gall Yannick⟧, ⟦PERSON|de La Fontaine-Mercier Anne-Laure⟧, ⟦PERSON|Nowak-Dubois Ewa⟧.",
)
add(
    S,
    "research",
    "Famille de la patiente : époux ⟦PERSON|Mamadou Diop⟧, fille ⟦PERSON|Awa Diop-Fall⟧, fils ⟦PERSON|Cheikh Tidiane Diop⟧. Personne de confiance : Mme ⟦PERSON|Ndèye Coumba Sarr⟧, nièce.",
)
add(
    S,
    "procurement",
    "Jury de l'appel d'offres : M. ⟦PERSON|LÊ Quang Huy⟧ (pharmacien), Mme ⟦PERSON|GONÇALVES DA SILVA Maria Fernanda⟧ (cadre), M. ⟦PERSON|SZYMAŃSKI Krzysztof⟧ (ingénieur), Mme ⟦PERSON|BELLEGARDE Marie-Ange⟧ (acheteuse). Le candidat ⟪company|Dräger⟫ a été jugé conforme ; ⟪company|Baxter⟫ non.",
)
add(
    S,
    "research",
    "Le ⟪disease|syndrome de Sjögren⟫ et la ⟪disease|maladie de Horton⟫ sont des critères d'exclusion. Le patient ⟦PERSON|Horton James⟧ (aucun lien !) a été exclu pour une autre raison. Avis du Pr ⟦PERSON|Charcot-Lemaire⟧ demandé.",
)
add(
    S,
    "accounting",
    'Je transmets à ⟦PERSON|Jean-Baptiste « JB » Okonkwo⟧ la liste des écritures. ⟦PERSON|"Titi" Thierry Masson⟧ de la paie a confirmé les montants. Merci à ⟦PERSON|Marie-Thérèse⟧ du bureau des entrées.',
)
add(
    S,
    "procurement",
    "Le ⟪institution|Centre hospitalier Jacques-Cœur⟫ (Bourges) et l'⟪institution|Hôpital Robert-Debré⟫ rejoignent le groupement d'achats. Interlocutrice pour Robert-Debré : Mme ⟦PERSON|Clémence Robert⟧ (aucun lien avec le nom de l'hôpital).",
)
add(
    S,
    "research",
    "Patiente : ⟦PERSON|PHAM Thị Ngọc Ánh⟧, 54 ans, originaire de Huế, accompagnée de son mari ⟦PERSON|Đặng Văn Hùng⟧. Interprète : ⟦PERSON|Linh⟧ (ISM Interprétariat).",
)
add(
    S,
    "accounting",
    "Remboursement à effectuer : ⟦PERSON|WÓJCIK Małgorzata⟧ (⟪amount|54,00 €⟫), ⟦PERSON|O'NEILL Patrick⟧ (⟪amount|12,30 €⟫), ⟦PERSON|BEN ABDALLAH Mohamed-Amine⟧ (⟪amount|210,00 €⟫), ⟦PERSON|AHOUANSOU Gbèdji Florentin⟧ (⟪amount|75,50 €⟫).",
)
add(
    S,
    "research",
    "Les prélèvements seront analysés au ⟪institution|laboratoire Marcel-Mérieux⟫ puis au ⟪institution|Centre Léon-Bérard⟫. Le Dr ⟦PERSON|Léon Bérard-Tissot⟧ (homonyme partiel) est l'investigateur associé.",
)
add(
    S,
    "procurement",
    "Bonjour Monsieur ⟦PERSON|Le Bris⟧, je me permets de vous relancer pour la fiche technique de la ⟪product|pince de Kocher⟫ et du ⟪product|porte-aiguille de Mayo-Hegar⟫ (⟪reference|réf. 20-140-18⟫). Cordialement, ⟦PERSON|Gwenaëlle⟧, cellule marchés.",
)
add(
    S,
    "research",
    "Patients vus en HDJ le ⟪date|10/11⟫ : ⟦PERSON|Saint-Prix Théodore⟧, ⟦PERSON|Célestine Marie-Josée⟧, ⟦PERSON|Jean-Pierre Lafontaine⟧, ⟦PERSON|Lafleur Rose-Aimée⟧. Tous sous ⟪drug|rituximab⟫.",
)
add(
    S,
    "accounting",
    "Validation des heures supplémentaires : l'IDE ⟦PERSON|Priscillia⟧ (réa), l'aide-soignant ⟦PERSON|Kévin⟧ (urgences) et le brancardier ⟦PERSON|Moussa⟧. Visa du cadre M. ⟦PERSON|Dubreuil⟧.",
)
add(
    S,
    "research",
    "Questionnaire rempli par la petite-fille ? — non : rempli par la patiente elle-même, Mme ⟦PERSON|Irène Vasseur-Duclos⟧, avec l'aide de sa petite-fille ⟦PERSON|Chloé⟧.",
)
add(
    S,
    "procurement",
    "Pour la démonstration ⟪product|Dräger Infinity Acute Care⟫, contacter ⟦PERSON|Hans-Jürgen Müller⟧ (Lübeck) ou son adjointe ⟦PERSON|Aleksandra Kamińska-Lévêque⟧. Le ⟪product|score de Glasgow⟫ et l'⟪product|échelle de Ramsay⟫ doivent être intégrés au logiciel.",
)
add(
    S,
    "research",
    "Résumé de la RCP : Dr ⟦PERSON|Kofi Asante⟧, Dr ⟦PERSON|Mei-Ling Chen⟧, Dr ⟦PERSON|Raphaël Benchetrit⟧, Pr ⟦PERSON|Oumar Sy⟧. Cas discuté : M. ⟦PERSON|LOPES DA CUNHA Rui⟧, ⟪disease|sarcome d'Ewing⟫ récidivant.",
)

# ---------------------------------------------------------------- 9. e-mail addresses
S = "emails"
add(
    S,
    "procurement",
    "Pour éviter les robots, voici mon adresse : ⟦EMAIL_ADDRESS|jean.dupuis[at]chu-valmont.fr⟧ (remplacer [at] par @). Le dossier de consultation est sur la plateforme ⟪company|achatpublic.com⟫.",
)
add(
    S,
    "research",
    "Contact de l'ARC promoteur : ⟦EMAIL_ADDRESS|s.oconnell (at) neurogenix-exemple (dot) ie⟧ – merci de ne pas mettre l'investigateur en copie.",
)
add(
    S,
    "accounting",
    "Les relevés sont à envoyer à ⟦PERSON|Aurélie⟧ : ⟦EMAIL_ADDRESS|aurelie.fontaine AT chu-valmont DOT fr⟧, et en copie à ⟦EMAIL_ADDRESS|v.aubry@chu-valmont.fr⟧.",
)
add(
    S,
    "research",
    "Si vous souhaitez retirer votre consentement, écrivez au Dr ⟦PERSON|Hugo Lambert⟧ : ⟦EMAIL_ADDRESS|hugo.lambert {at} chu-valmont [.] fr⟧, ou au délégué à la protection des données du promoteur.",
)
add(
    S,
    "procurement",
    "Mail du commercial : ⟦EMAIL_ADDRESS|m-rousseau_baxter@hotmail.fr⟧ (adresse perso, il est en déplacement), sinon ⟦EMAIL_ADDRESS|melanie.rousseau@baxter-exemple.com⟧.",
)
add(
    S,
    "research",
    "La patiente a donné son adresse : ⟦EMAIL_ADDRESS|fatou.camara83 arobase gmail point com⟧ — à saisir dans l'ePRO.",
)
add(
    S,
    "accounting",
    "Liste de diffusion clôture : ⟦EMAIL_ADDRESS|helene.marchal@chu-valmont.fr⟧; ⟦EMAIL_ADDRESS|fabrice.leroy@chu-valmont.fr⟧; ⟦EMAIL_ADDRESS|claude.perrin-maillard@chu-valmont.fr⟧; ⟦EMAIL_ADDRESS|g.vandenbroucke@chu-valmont.fr⟧",
)
add(
    S,
    "procurement",
    "⟦PERSON|Katarzyna⟧, tu peux écrire à ⟦EMAIL_ADDRESS|k.nowicka＠medlab-supplies-exemple.pl⟧ ? Sinon ⟦PERSON|Katarzyna⟧ est aussi sur ⟦EMAIL_ADDRESS|kasia.nowicka(at)wp(dot)pl⟧.",
)
add(
    S,
    "research",
    "mailto:⟦EMAIL_ADDRESS|ines.ferhat@chu-valmont.fr⟧?subject=Inclusion%20PARK-STIM — ou par Teams à ⟦PERSON|Inès Ferhat⟧.",
)
add(
    S,
    "accounting",
    "Adresse du créancier pour la relance : ⟦EMAIL_ADDRESS|GRETA.LINDQVIST@GETINGE-EXEMPLE.COM⟧ (en majuscules dans leur signature).",
)
add(
    S,
    "procurement",
    'Réponse de ⟦PERSON|Pieter⟧ : "contact me at ⟦EMAIL_ADDRESS|pieter.vandenberghe -at- getinge-exemple -dot- com⟧" → soit ⟦EMAIL_ADDRESS|pieter.vandenberghe@getinge-exemple.com⟧.',
)
add(
    S,
    "research",
    "Le volontaire sain n° 12 (⟦PERSON|Lucas Henry⟧, ⟦EMAIL_ADDRESS|lucas.henry.1995@laposte.net⟧) a reçu son indemnité de ⟪amount|300 €⟫.",
)
add(
    S,
    "accounting",
    "Ticket GLPI #48812 : « ne reçois plus les mails » — utilisateur ⟦EMAIL_ADDRESS|y.sainte-rose@chu-valmont.fr⟧, ancien alias ⟦EMAIL_ADDRESS|yvonne.ste-rose@chu-valmont.fr⟧.",
)
add(
    S,
    "procurement",
    "Contact formation : ⟦EMAIL_ADDRESS|anne-laure.delafontaine+formation@gmail.com⟧ (⟦PERSON|Anne-Laure de La Fontaine⟧, formatrice indépendante).",
)
add(
    S,
    "research",
    "CRA contact : ⟦EMAIL_ADDRESS|minhchau_nguyen[@]cro-europa-exemple[.]com⟧. Back-up : ⟦EMAIL_ADDRESS|j.murphy at cro-europa-exemple.com⟧.",
)
add(
    S,
    "accounting",
    "Merci d'envoyer la fiche de paie de l'interne à ⟦EMAIL_ADDRESS|yanis.bouzid@etu.univ-valmont.fr⟧ et non à sa boîte CHU.",
)
add(
    S,
    "procurement",
    "L'adresse saisie dans PLACE est erronée : ⟦EMAIL_ADDRESS|j.hamon@baxter-exemple.co⟧ au lieu de ⟦EMAIL_ADDRESS|j.hamon@baxter-exemple.com⟧ — le candidat ⟪company|Baxter⟫ n'a donc pas reçu la question n° 4.",
)
add(
    S,
    "research",
    "Ecrire à : ⟦EMAIL_ADDRESS|mei-ling.chen (arobase) chu-valmont (point) fr⟧ pour les RCP, ou à ⟦EMAIL_ADDRESS|oumar.sy@chu-valmont.fr⟧ pour l'avis du Pr ⟦PERSON|Sy⟧.",
)

# ---------------------------------------------------------------- 10. JSON from tools / logs
S = "json"
add(
    S,
    "research",
    '{"patient": "⟦PERSON|DUPRÉ Sylvie⟧", "ipp": "⟦PATIENT_ID|800512347⟧", "ddn": "⟦DATE_OF_BIRTH|1962-04-18⟧", "tel": "⟦PHONE_NUMBER|0611203948⟧", "etude": "⟪reference|PARK-STIM⟫", "bras": "A"}',
)
add(
    S,
    "procurement",
    '{"fournisseur": "⟪company|Baxter SAS⟫", "siret": "⟪siret|%%SIRET3%%⟫", "contact": {"nom": "⟦PERSON|Hamon⟧", "prenom": "⟦PERSON|J\\u00e9r\\u00f4me⟧", "email": "⟦EMAIL_ADDRESS|j.hamon@baxter-exemple.com⟧", "mobile": "⟦PHONE_NUMBER|+33617428831⟧"}, "montant_ht": "⟪amount|15230.50⟫"}',
)
add(
    S,
    "accounting",
    '[{"tiers": "⟦PERSON|FAURE Delphine⟧", "iban": "⟦IBAN_CODE|%%IBAN2%%⟧", "montant": ⟪amount|418.2⟫, "compte": "⟪account|4256⟫"},\n {"tiers": "⟪company|Fresenius Kabi France⟫", "iban": null, "montant": ⟪amount|23418.6⟫, "compte": "⟪account|60221⟫"}]',
)
add(
    S,
    "research",
    '2026-11-12T08:14:55.213Z INFO  [ehr-sync] upsert patient {"nom":"⟦PERSON|N\\u0027DIAYE⟧","prenom":"⟦PERSON|Aminata⟧","nomNaissance":"⟦PERSON|N\\u0027DIAYE⟧","nir":"⟦FR_NIR|%%NIR15%%⟧","sejour":"⟦PATIENT_ID|260077410⟧"} status=200 latency_ms=84',
)
add(
    S,
    "procurement",
    '{"event":"quote.received","supplier":"⟪company|Dräger Medical France⟫","quote_id":"⟪reference|DQ-2026-5521⟫","sales_rep":{"name":"⟦PERSON|Fr\\u00e9d\\u00e9ric Wagner⟧","phone":"⟦PHONE_NUMBER|+33 6 13 44 80 21⟧"},"market":"⟪reference|2026-017⟫","lot":4}',
)
add(
    S,
    "research",
    '{\n  "resourceType": "Patient",\n  "identifier": [\n    {"system": "urn:oid:1.2.250.1.213.1.4.8", "value": "⟦FR_NIR|%%NIR19%%⟧"},\n    {"system": "urn:oid:1.2.250.1.71.4.2.1", "value": "⟦PATIENT_ID|800998812⟧"}\n  ],\n  "name": [{"family": "⟦PERSON|Lef\\u00e8vre⟧", "given": ["⟦PERSON|Ren\\u00e9e⟧", "⟦PERSON|Odile⟧"]}],\n  "birthDate": "⟦DATE_OF_BIRTH|1995-01-31⟧",\n  "address": [{"line": ["⟦ADDRESS|4 chemin des Vignes⟧"], "postalCode": "⟦ADDRESS|31400⟧", "city": "⟦ADDRESS|Toulouse⟧"}]\n}',
)
add(
    S,
    "accounting",
    '{"ecriture": 88127, "journal": "ACH", "compte": "⟪account|6022⟫", "libelle": "Facture ⟪company|Dr\\u00e4ger⟫ ⟪reference|90088127⟫", "debit": ⟪amount|3480.00⟫, "valide_par": "⟦PERSON|Bertrand Ogier⟧", "date": "⟪date|2026-10-15⟫"}',
)
add(
    S,
    "research",
    'ERROR 2026-11-03 17:02:11 eCRF export failed: ValueError: invalid field "subject_initials" in record {"site": "014", "investigator": "Dr. ⟦PERSON|Pham Thi Hoa⟧", "investigator_rpps": "⟦HEALTH_PRO_ID|%%RPPS6%%⟧", "consent_date": "⟪date|2026-10-05⟫", "contact_email": "⟦EMAIL_ADDRESS|pham.thihoa@chu-valmont.fr⟧"}',
)
add(
    S,
    "procurement",
    '{"demandeur": {"nom": "⟦PERSON|Da Costa⟧", "pr\\u00e9nom": "⟦PERSON|Maria⟧", "service": "Bloc op\\u00e9ratoire", "poste": "4417", "portable": "⟦PHONE_NUMBER|06 33 81 20 57⟧"}, "articles": [{"ref": "⟪reference|GN-240-M⟫", "libelle": "Gants nitrile M", "qte": 200}], "fournisseur": "⟪company|Hartmann France⟫"}',
)
add(
    S,
    "research",
    '{"query": "SELECT * FROM inclusions WHERE ipp = \'⟦PATIENT_ID|8001250172⟧\'", "user": "⟦EMAIL_ADDRESS|theo.garcia@chu-valmont.fr⟧", "rows": 1, "result": [{"nom": "⟦PERSON|NDIAYE⟧", "prenom": "⟦PERSON|Ousmane⟧", "ddn": "⟦DATE_OF_BIRTH|30/01/1966⟧"}]}',
)
add(
    S,
    "accounting",
    '{"type":"remboursement","beneficiaire":{"civilite":"Mme","nom":"⟦PERSON|CHEVALIER⟧","prenom":"⟦PERSON|Monique⟧","adresse":"⟦ADDRESS|12 rue des Lilas, B\\u00e2t. B, 69100 Villeurbanne⟧"},"sejour":"⟦PATIENT_ID|260087145⟧","montant":⟪amount|54.30⟫}',
)
add(
    S,
    "procurement",
    '{"heading": "⟪heading|ARTICLE 5 \\u2013 GARANTIE⟫", "text": "Le titulaire garantit les \\u00e9quipements ⟪product|Carestream DRX-Plus⟫ pendant 24 mois.", "author": "⟦PERSON|Olivier Tchakount\\u00e9⟧", "reviewers": ["⟦PERSON|Agathe Le Bihan⟧", "⟦PERSON|R\\u00e9mi Castagn\\u00e9⟧"]}',
)
add(
    S,
    "research",
    '{"level":"warn","msg":"duplicate identity","candidates":[{"ipp":"⟦PATIENT_ID|700412778⟧","nom":"⟦PERSON|BOUCHARD G\\u00c9RARD⟧","ddn":"⟦DATE_OF_BIRTH|1945-01-01⟧"},{"ipp":"⟦PATIENT_ID|700412779⟧","nom":"⟦PERSON|BOUCHARD GERARD⟧","ddn":"⟦DATE_OF_BIRTH|1945-01-01⟧"}],"operator":"⟦PERSON|yvonne.sainte-rose⟧"}',
)
add(
    S,
    "accounting",
    "{'fournisseur': '⟪company|Philips France Commercial⟫', 'montant_ttc': '⟪amount|148 500,00⟫', 'contact': '⟦PERSON|Nathan Ho-Van⟧', 'tel': '⟦PHONE_NUMBER|06 19 27 55 40⟧', 'compte': '⟪account|2154⟫'}",
)
add(
    S,
    "research",
    '{"notice_version": "2.1", "sections": {"contact": "Investigateur : Pr ⟦PERSON|Luc\\u00eda Mart\\u00ednez⟧, t\\u00e9l. ⟦PHONE_NUMBER|01 45 58 11 20⟧", "assurance": "⟪company|Relyens⟫ contrat ⟪reference|n\\u00b0 158.432⟫", "maladie": "⟪disease|polyarthrite rhumato\\u00efde⟫"}}',
)
add(
    S,
    "procurement",
    '{"ticket": "INC0048812", "caller": "⟦PERSON|Baptiste Roy⟧", "caller_phone": "⟦PHONE_NUMBER|04.72.11.63.40⟧", "ci": "⟪product|Philips IntelliVue MX450⟫", "serial": "⟪reference|DE812A4417⟫", "assigned_to": "⟦PERSON|St\\u00e9phane Girard⟧"}',
)
add(
    S,
    "research",
    '{"ae_id": "AE-0031", "term": "⟪disease|syndrome de Guillain-Barr\\u00e9⟫", "serious": true, "reporter": {"name": "⟦PERSON|Amadou Kon\\u00e9⟧", "rpps": "⟦HEALTH_PRO_ID|%%RPPS5%%⟧", "email": "⟦EMAIL_ADDRESS|amadou.kone@chu-valmont.fr⟧"}, "stay": "⟦PATIENT_ID|260041873⟧"}',
)
add(
    S,
    "accounting",
    '{"payroll_line": {"matricule": "104588", "agent": "⟦PERSON|Damien FAURE⟧", "nir": "⟦FR_NIR|%%NIR8%%⟧", "iban": "⟦IBAN_CODE|%%IBAN7%%⟧", "net": ⟪amount|2314.87⟫}}',
)


def styled_records() -> list[tuple[str, str, str]]:
    """(style, domain, markup) triples, in corpus order."""
    return list(RECORDS)


def build() -> list[dict]:
    return build_records([(domain, markup) for _style, domain, markup in RECORDS], "field")


if __name__ == "__main__":
    write_jsonl(build())
