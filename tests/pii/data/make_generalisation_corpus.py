"""Build pii_fr_generalisation.jsonl: texts written unlike the dev corpus, personal data marked.

Run: .venv/bin/python -m tests.pii.data.make_generalisation_corpus > tests/pii/data/pii_fr_generalisation.jsonl

Styles the dev corpus lacks: pasted e-mail threads with headers and signatures, CSV
exports, English and mixed FR/EN, hurried lower-case typing, « NOM Prénom », initials,
particles, odd phone writings, bis/ter addresses with all-caps cities, several birth-date
writings, NIR with spaces or its key set apart, RPPS/ADELI and IPP/NDA/MRN with context.
Every value is invented here; check digits (NIR, RPPS, IBAN, SIRET) are computed, and
offsets come from the markup, never typed:

- ``⟦LABEL|value⟧`` is personal data (a gold span);
- ``⟪what|value⟫`` must stay readable (a keep span: company, amount, siret, institution...).
"""

from __future__ import annotations

from tests.pii.check_digits import iban_with_key as iban
from tests.pii.check_digits import luhn_complete as luhn
from tests.pii.check_digits import nir_with_key as nir
from tests.pii.data.markup import build_records, write_jsonl

# -- check digits -------------------------------------------------------------


def grouped(value: str, size: int = 4) -> str:
    return " ".join(value[i : i + size] for i in range(0, len(value), size))


def nir_spaced(value: str) -> str:
    """1 74 09 69 388 047 53 — the writing of the carte Vitale."""
    return " ".join([value[0], value[1:3], value[3:5], value[5:7], value[7:10], value[10:13], value[13:]])


# -- invented identifiers ------------------------------------------------------
NIR_A = nir("1740969388047")
NIR_B = nir("2881142217135")
NIR_C = nir("2550599350012")  # born abroad (99)
NIR_D = nir("163022B045128")  # Haute-Corse
NIR_E = nir("291042A004017")  # Corse-du-Sud
NIR_F = nir("1450375114026")
NIR_G = nir("2070197412009")  # overseas (974)
NIR_H = nir("1810238185091")
RPPS_A = luhn("1000387521")
RPPS_B = luhn("1010946372")
RPPS_C = luhn("1009216645")
RPPS_D = luhn("1003158890")
IBAN_A = iban("FR", "1027800740000203645K170")
IBAN_B = iban("FR", "3000400827000115648T081")
IBAN_C = iban("BE", "310072684415")
IBAN_D = iban("DE", "500105175407324931")
IBAN_E = iban("FR", "1751200016000342519A774")
SIRET_A = luhn("3845527140001")
SIRET_B = luhn("4127093480003")
SIRET_C = luhn("7781625330002")


def r(domain: str, markup: str) -> tuple[str, str]:
    return domain, markup


RECORDS: list[tuple[str, str]] = [
    # ---------------------------------------------------------------- e-mail threads
    r(
        "procurement",
        "De : ⟦PERSON|Faure-Lacombe Ségolène⟧ <⟦EMAIL_ADDRESS|segolene.faure-lacombe@chu-lyon.fr⟧>\n"
        "Envoyé : mardi 4 mars 2025 09:12\n"
        "À : ⟦PERSON|Tanguy LE BRIS⟧ <⟦EMAIL_ADDRESS|tanguy.le-bris@chu-lyon.fr⟧>\n"
        "Objet : RE: pousse-seringues bloc B\n\n"
        "⟦PERSON|Tanguy⟧,\nle devis de ⟪company|B. Braun Medical⟫ est à ⟪amount|18 940,00 € HT⟫. "
        "Peux-tu le comparer avec celui de ⟪company|Becton Dickinson⟫ ?\n\n"
        "Cordialement,\n⟦PERSON|Ségolène Faure-Lacombe⟧\nIngénieure biomédicale – ⟪institution|Hôpital Édouard Herriot⟫\n"
        "Tél. ⟦PHONE_NUMBER|04 72 11 62 35⟧",
    ),
    r(
        "procurement",
        "From: ⟦PERSON|Gwendal Kerhervé⟧ [mailto:⟦EMAIL_ADDRESS|gwendal.kerherve@dragerfr.example⟧]\n"
        "Sent: Thursday, 6 March 2025 14:03\n"
        "To: ⟦PERSON|Perrine Vasseur-Clément⟧\n"
        "Subject: Quote 2025-0412 ventilators\n\n"
        "Dear Ms ⟦PERSON|Vasseur-Clément⟧, please find attached our quote for 6 Evita V600 units "
        "(⟪amount|EUR 214,800.00⟫ excl. VAT) from ⟪company|Dräger Médical⟫. "
        "Feel free to call me on ⟦PHONE_NUMBER|+33 6 71 24 90 18⟧.\n\nBest regards,\n⟦PERSON|Gwendal Kerhervé⟧\nKey Account Manager",
    ),
    r(
        "procurement",
        "-----Message d'origine-----\nDe : ⟦PERSON|BOUCHAREB Nawel⟧\nÀ : Achats Consommables\n"
        "Cc : ⟦PERSON|Ambroise Delaunay⟧; ⟦PERSON|Hortense Mercadier⟧\nObjet : TR: relance facture\n\n"
        "Bonjour,\nla facture ⟪reference|FA-2025-00871⟫ de ⟪company|Medline International France SAS⟫ "
        f"(SIRET ⟪siret|{SIRET_A}⟫) reste impayée, ⟪amount|3 412,56 €⟫ TTC.\nMerci\n⟦PERSON|Nawel⟧",
    ),
    r(
        "accounting",
        "Le 12 févr. 2025 à 17:45, ⟦PERSON|Maxence Oudin⟧ <⟦EMAIL_ADDRESS|m.oudin@free.fr⟧> a écrit :\n"
        "> Bonjour, je n'ai toujours pas reçu le remboursement de ma franchise. Mon RIB : "
        f"⟦IBAN_CODE|{grouped(IBAN_A)}⟧\n> ⟦PERSON|Maxence Oudin⟧\n\n"
        "Peux-tu vérifier dans la régie si le virement est parti ?",
    ),
    r(
        "research",
        "Objet : inclusion étude CARDIO-FRAIL\nDe : Pr ⟦PERSON|Anne-Sophie Quémeneur⟧\n\n"
        "Bonjour à tous,\nnouvelle inclusion ce matin : patiente ⟦PERSON|R.M.⟧, IPP ⟦PATIENT_ID|80214763⟧, "
        "née le ⟦DATE_OF_BIRTH|07/11/1943⟧. Randomisée bras B.\n\n"
        "--\n⟦PERSON|Anne-Sophie Quémeneur⟧\nPU-PH, service de gériatrie, ⟪institution|Hôpital des Charpennes⟫\n"
        "⟦PHONE_NUMBER|04.72.43.19.66⟧ – ⟦EMAIL_ADDRESS|anne-sophie.quemeneur@chu-lyon.fr⟧",
    ),
    r(
        "procurement",
        "Envoyé depuis mon iPhone\n\nLe lun. 3 mars 2025, ⟦PERSON|Corentin Abgrall⟧ a écrit :\n"
        "Pour le lot 4, ⟪company|Baxter⟫ propose ⟪amount|0,87 € l'unité⟫ ; on reste sous le seuil de "
        "l'article ⟪reference|R2123-1 du Code de la commande publique⟫ ?",
    ),
    r(
        "accounting",
        "De: ⟦PERSON|Leïla Haddad⟧ <⟦EMAIL_ADDRESS|leila.haddad@chu-lyon.fr⟧>\nCc: ⟦PERSON|Baptistin Roux⟧ "
        "<⟦EMAIL_ADDRESS|baptistin.roux@chu-lyon.fr⟧>\nObjet: UF ⟪cost_centre|2208⟫\n\n"
        "Les charges de l'⟪cost_centre|UF 2208⟫ ont été imputées par erreur sur le ⟪cost_centre|CR 4521⟫. "
        "Montant à reprendre : ⟪amount|27 300 €⟫.\n⟦PERSON|Leïla⟧",
    ),
    r(
        "research",
        "Hi ⟦PERSON|Marguerite⟧,\nthe monitor from the sponsor will visit on 14 April. Patient ⟦PERSON|T.H.⟧ "
        "(MRN ⟦PATIENT_ID|00481236⟧, DOB ⟦DATE_OF_BIRTH|1958-02-19⟧) needs his source documents ready.\n"
        "Thanks,\n⟦PERSON|Oliver Pennington⟧\nClinical Research Associate\n⟦PHONE_NUMBER|+44 20 7946 0381⟧",
    ),
    r(
        "procurement",
        "Bonjour Madame ⟦PERSON|Rivière-Daumas⟧,\n\nSuite à notre échange téléphonique, je vous confirme "
        "que ⟪company|Fresenius Kabi France⟫ maintient ses prix pour 2025.\n\n"
        "Bien à vous,\n⟦PERSON|Jean-Baptiste Morvan⟧\nResponsable grands comptes\nPortable : "
        "⟦PHONE_NUMBER|06 63 18 42 07⟧\n⟦EMAIL_ADDRESS|jb.morvan@fresenius-kabi.example⟧",
    ),
    r(
        "accounting",
        "À : ⟦PERSON|Sandrine COSTE⟧; ⟦PERSON|Hugues Mallet⟧\nObjet : clôture ⟪date|31/12/2024⟫\n\n"
        "Bonjour,\nl'écart sur le compte 6021 du pôle est de ⟪amount|12 874,30 €⟫. Je vous propose un point "
        "jeudi avec M. ⟦PERSON|Pradel-Vignon⟧ au ⟪institution|Groupement Hospitalier Est⟫.",
    ),
    r(
        "research",
        "Re: AE grave\n\nOn 10/03/2025 Dr ⟦PERSON|Kofi Mensah⟧ wrote:\n> The patient (NDA ⟦PATIENT_ID|250087341⟧) "
        "was admitted to the ICU at ⟪institution|Centre Léon Bérard⟫ on day 12.\n"
        "Merci de déclarer l'EIG à la ⟪organisation|DRCI⟫ sous 24 h.",
    ),
    r(
        "procurement",
        "Cordialement\n\nMme ⟦PERSON|Solenn Guéguen⟧\nCadre de santé – Bloc opératoire\n⟪institution|Hôpital Femme Mère Enfant⟫\n"
        "⟦ADDRESS|59 boulevard Pinel – 69500 Bron⟧\nLigne directe : ⟦PHONE_NUMBER|04 27 85 61 09⟧ / standard ⟦PHONE_NUMBER|04 72 35 71 71⟧",
    ),
    # ---------------------------------------------------------------- CSV exports
    r(
        "accounting",
        "Voici l'extraction, peux-tu repérer les doublons ?\n"
        "IPP;NOM;Prénom;Date naissance;Montant\n"
        "⟦PATIENT_ID|80331452⟧;⟦PERSON|LEMAIRE⟧;⟦PERSON|Gaëtane⟧;⟦DATE_OF_BIRTH|14/06/1951⟧;⟪amount|84,20⟫\n"
        "⟦PATIENT_ID|80331452⟧;⟦PERSON|LEMAIRE⟧;⟦PERSON|Gaëtane⟧;⟦DATE_OF_BIRTH|14/06/1951⟧;⟪amount|84,20⟫\n"
        "⟦PATIENT_ID|80417790⟧;⟦PERSON|N'DIAYE⟧;⟦PERSON|Aminata⟧;⟦DATE_OF_BIRTH|02/12/1987⟧;⟪amount|12,00⟫",
    ),
    r(
        "accounting",
        "nda,nom_usage,prenom,nir,reste_a_charge\n"
        f"⟦PATIENT_ID|250114872⟧,⟦PERSON|Berthelot⟧,⟦PERSON|Léandre⟧,⟦FR_NIR|{NIR_A}⟧,⟪amount|45.50⟫\n"
        f"⟦PATIENT_ID|250114990⟧,⟦PERSON|Da Costa⟧,⟦PERSON|Inês⟧,⟦FR_NIR|{NIR_B}⟧,⟪amount|0.00⟫",
    ),
    r(
        "research",
        "Patient ID\tSurname\tFirst name\tPhone\n"
        "⟦PATIENT_ID|4412093⟧\t⟦PERSON|Whitcombe⟧\t⟦PERSON|Harriet⟧\t⟦PHONE_NUMBER|07 81 22 45 39⟧\n"
        "⟦PATIENT_ID|4412107⟧\t⟦PERSON|Abramowicz⟧\t⟦PERSON|Tadeusz⟧\t⟦PHONE_NUMBER|06 18 90 37 52⟧",
    ),
    r(
        "procurement",
        "Fournisseur;SIRET;Montant HT;Interlocuteur;Courriel\n"
        f"⟪company|Vygon⟫;⟪siret|{SIRET_B}⟫;⟪amount|12 300,00⟫;⟦PERSON|Clotaire Jaouen⟧;⟦EMAIL_ADDRESS|c.jaouen@vygon.example⟧\n"
        f"⟪company|Getinge France⟫;⟪siret|{SIRET_C}⟫;⟪amount|8 450,00⟫;⟦PERSON|Ysaline Forestier⟧;⟦EMAIL_ADDRESS|ysaline.forestier@getinge.example⟧",
    ),
    r(
        "accounting",
        "rpps|nom|prenom|specialite|uf\n"
        f"⟦HEALTH_PRO_ID|{RPPS_A}⟧|⟦PERSON|Kervella⟧|⟦PERSON|Armelle⟧|anesthésie|⟪cost_centre|1402⟫\n"
        f"⟦HEALTH_PRO_ID|{RPPS_B}⟧|⟦PERSON|Ostrowski⟧|⟦PERSON|Bartholomé⟧|radiologie|⟪cost_centre|1517⟫",
    ),
    r(
        "accounting",
        "Lignes sans en-tête copiées depuis le tableur, merci de les remettre au format :\n"
        f"⟦PERSON|GRANDJEAN Ophélie⟧;⟦FR_NIR|{NIR_C}⟧;⟦PHONE_NUMBER|0645128730⟧\n"
        f"⟦PERSON|TESSIER Mathurin⟧;⟦FR_NIR|{NIR_F}⟧;⟦PHONE_NUMBER|0761539024⟧",
    ),
    r(
        "procurement",
        "Lot;Désignation;Titulaire;Montant annuel\n1;Gants nitrile;⟪company|Medline International France SAS⟫;"
        "⟪amount|96 000 €⟫\n2;Seringues;⟪company|Becton Dickinson⟫;⟪amount|41 250 €⟫\n3;Perfuseurs;"
        "⟪company|B. Braun Medical⟫;⟪amount|58 700 €⟫",
    ),
    r(
        "research",
        "patient;ddn;tel;email\n"
        "⟦PERSON|marchand lucile⟧;⟦DATE_OF_BIRTH|1966-09-30⟧;⟦PHONE_NUMBER|+33 6 49 81 27 03⟧;⟦EMAIL_ADDRESS|lucile.marchand66@gmail.com⟧",
    ),
    r(
        "accounting",
        "Extraction GEF (sans données patient) :\nUF;Libellé;Charges 2024\n⟪cost_centre|3104⟫;Cardiologie interventionnelle;"
        "⟪amount|1 284 330,12⟫\n⟪cost_centre|3107⟫;USIC;⟪amount|914 002,55⟫",
    ),
    # ---------------------------------------------------------------- English and mixed
    r(
        "research",
        'Can you translate this into French: "Patient ⟦PERSON|Eleanor Hastings⟧, born on ⟦DATE_OF_BIRTH|March 4, 1949⟧, '
        'was referred by Dr. ⟦PERSON|Rupert Caldwell⟧ for a second opinion."',
    ),
    r(
        "research",
        "Please draft a reply to Mr. ⟦PERSON|Desmond O'Riley⟧ (⟦EMAIL_ADDRESS|desmond.oriley@hospital-dublin.example⟧) "
        "saying that the samples will ship from ⟪institution|Hôpital Lyon Sud⟫ next week.",
    ),
    r(
        "procurement",
        "Le sales rep de ⟪company|Stryker⟫, ⟦PERSON|Bradley Cunningham⟧, nous propose un deal à ⟪amount|€ 49,900⟫ "
        "pour deux tables d'opération. Call him at ⟦PHONE_NUMBER|+33 7 58 13 64 20⟧ si besoin.",
    ),
    r(
        "research",
        "Summary for the DSMB: subject ⟦PERSON|J.W.⟧, hospital number ⟦PATIENT_ID|77120934⟧, had a grade 3 event. "
        f"Investigator: Prof. ⟦PERSON|Isabeau Lachenal⟧ (RPPS ⟦HEALTH_PRO_ID|{RPPS_C}⟧).",
    ),
    r(
        "accounting",
        f"Quick question : the refund to Mrs ⟦PERSON|Abigail Thornton⟧ went to IBAN ⟦IBAN_CODE|{IBAN_C}⟧ — "
        "is that a Belgian account ? Montant ⟪amount|230,00 €⟫.",
    ),
    r(
        "research",
        "Write an e-mail to the PI, Professor ⟦PERSON|Naomi Achterberg⟧, asking whether the ⟪institution|Institut Paul Bocuse⟫ "
        "kitchen can host the nutrition workshop on 2 June.",
    ),
    r(
        "procurement",
        "The tender is governed by ⟪reference|décret n° 2016-360⟫ ; our contact at ⟪company|Philips Healthcare⟫ is "
        "⟦PERSON|Sebastiaan Van der Meulen⟧, ⟦EMAIL_ADDRESS|sebastiaan.vandermeulen@philips.example⟧.",
    ),
    r(
        "research",
        "Le screening log indique : Mr ⟦PERSON|Ethan Blackwood⟧, DOB ⟦DATE_OF_BIRTH|12 Jan 1972⟧, screen failure (HbA1c).",
    ),
    # ---------------------------------------------------------------- hurried lower case
    r(
        "accounting",
        "vu avec mme ⟦PERSON|giraudet⟧ ce matin, elle conteste la facture du séjour ⟦PATIENT_ID|250093318⟧ "
        "peux tu me faire un courrier de réponse stp",
    ),
    r(
        "research",
        "rappeler ⟦PERSON|solange ferrandon⟧ au ⟦PHONE_NUMBER|06 12 83 47 90⟧ pour la visite M3, elle a changé de numéro",
    ),
    r(
        "procurement",
        "mail de ⟦PERSON|thibaud castagné⟧ : le fournisseur ⟪company|Coloplast⟫ ne livre plus avant le 15, trouver une alternative",
    ),
    r(
        "accounting",
        f"urgent - le patient ⟦PERSON|gérald pichon⟧ nir ⟦FR_NIR|{nir_spaced(NIR_H)}⟧ attend son remboursement depuis janvier",
    ),
    r(
        "research",
        "note pour moi : dr ⟦PERSON|lacombe⟧ veut la liste des inclusions du mois, ipp ⟦PATIENT_ID|80299817⟧ exclu",
    ),
    r(
        "accounting",
        "le monsieur ⟦PERSON|jean-michel astier⟧ a rappelé, son adresse c'est ⟦ADDRESS|17 bis rue des Tuiliers 69008 Lyon⟧",
    ),
    # ---------------------------------------------------------------- NOM Prénom, particles, initials
    r(
        "accounting",
        "Dossier de ⟦PERSON|DE LA ROCHE-AYMON Bérangère⟧ : la mutuelle refuse la prise en charge. NDA ⟦PATIENT_ID|250120457⟧.",
    ),
    r(
        "research",
        "Liste des co-investigateurs : Dr ⟦PERSON|J.-P. Vasseur⟧, Dr ⟦PERSON|A.-M. Coste-Ribière⟧ et Pr ⟦PERSON|Du Pasquier⟧.",
    ),
    r(
        "procurement",
        "La commission a entendu M. ⟦PERSON|Van Acker⟧ pour ⟪company|Getinge France⟫ et Mlle ⟦PERSON|Da Rocha⟧ pour ⟪company|Baxter⟫.",
    ),
    r(
        "accounting",
        "Demande d'avance de frais : ⟦PERSON|LE GALL Yvonnick⟧, ⟦PERSON|D'ALMEIDA Ruben⟧, ⟦PERSON|MOREL-BÉRAUD Capucine⟧.",
    ),
    r(
        "research",
        "Le consentement de ⟦PERSON|Maëlys El Amrani⟧ a été recueilli par Docteur ⟦PERSON|Héloïse Le Coz⟧ le ⟪date|5 février 2025⟫.",
    ),
    r(
        "accounting",
        f"Merci de rembourser Mme ⟦PERSON|Ben Slimane⟧ (IBAN ⟦IBAN_CODE|{IBAN_B}⟧) — ⟪amount|62,40 €⟫ trop perçus.",
    ),
    r(
        "procurement",
        "Réunion de lancement : Professeur ⟦PERSON|Tristan de Villeneuve⟧, Mme ⟦PERSON|Karine Aubertin-Roy⟧, "
        "M. ⟦PERSON|Noé Delorme⟧ ; côté ⟪company|Siemens Healthineers⟫, deux ingénieurs d'application.",
    ),
    r(
        "research",
        "⟦PERSON|G. LAFFONT⟧ et ⟦PERSON|S. Meyer-Brandt⟧ relisent le protocole avant soumission au CPP.",
    ),
    r(
        "accounting",
        "Patient : ⟦PERSON|CHAMPEAUX Jean-Loup⟧ — né le ⟦DATE_OF_BIRTH|3 janvier 1939⟧ — ⟦ADDRESS|4 ter, chemin de la Garenne 42100 SAINT-ÉTIENNE⟧.",
    ),
    r(
        "research",
        "Signataires : Pr ⟦PERSON|LEBLOND⟧ (⟪institution|Hôpital Louis Pradel⟫) et Dr ⟦PERSON|Ferhat⟧ (⟪institution|CHU de Saint-Étienne⟫).",
    ),
    # ---------------------------------------------------------------- institutions named after people
    r(
        "no_personal_data",
        "Compare les durées moyennes de séjour en chirurgie digestive entre l'⟪institution|Hôpital Édouard Herriot⟫, "
        "le ⟪institution|Centre Hospitalier Lyon Sud⟫ et la ⟪institution|Clinique du Parc⟫.",
    ),
    r(
        "no_personal_data",
        "Le ⟪institution|Centre Léon Bérard⟫ et l'⟪institution|Université Claude Bernard Lyon 1⟫ co-financent une chaire ; "
        "budget ⟪amount|150 000 € par an⟫.",
    ),
    r(
        "no_personal_data",
        "Prépare une note sur le transfert des lits de l'⟪institution|Hôpital Pierre Wertheimer⟫ vers le "
        "⟪institution|Groupement Hospitalier Est⟫ (⟪cost_centre|UF 5120⟫).",
    ),
    r(
        "no_personal_data",
        "Quels sont les délais de paiement applicables au ⟪institution|CHU de Saint-Étienne⟫ selon l'article "
        "⟪reference|R2192-10 du Code de la commande publique⟫ ?",
    ),
    r(
        "no_personal_data",
        "Rédige une convention de stage entre l'⟪institution|Institut Paul Bocuse⟫ et l'⟪institution|Hôpital Femme Mère Enfant⟫ "
        "pour la restauration des patients.",
    ),
    r(
        "no_personal_data",
        "Liste des sites : ⟪institution|Hôpital Henry Gabrielle⟫, ⟪institution|Hôpital Antoine Charial⟫, "
        "⟪institution|Hôpital Renée Sabran⟫ (FINESS ⟪finess|690000740⟫).",
    ),
    r(
        "no_personal_data",
        "Patients adressés à l'⟪institution|Institut Curie⟫ ou au ⟪institution|Centre Oscar Lambret⟫ : combien de séjours en 2024 ?",
    ),
    r(
        "no_personal_data",
        "Convention avec la ⟪institution|Fondation Mérieux⟫ et l'⟪institution|Université Jean Moulin Lyon 3⟫ : "
        "montant ⟪amount|42 000 €⟫, imputé sur le ⟪cost_centre|CR 7731⟫.",
    ),
    r(
        "no_personal_data",
        "Le ⟪institution|Centre Hospitalier Le Vinatier⟫ (FINESS ⟪finess|690780101⟫) rejoint le groupement d'achat.",
    ),
    r(
        "research",
        "Le ⟪institution|Centre Hospitalier Jules Courmont⟫ "
        "accueille la formation. Interlocutrice sur place : Mme ⟦PERSON|Clarisse Vernay⟧.",
    ),
    # ---------------------------------------------------------------- suppliers, amounts, references (no PII)
    r(
        "no_personal_data",
        "Rédige un rapport d'analyse des offres : ⟪company|Medline International France SAS⟫ ⟪amount|312 450 € HT⟫, "
        "⟪company|Becton Dickinson⟫ ⟪amount|298 900 € HT⟫, ⟪company|B. Braun Medical⟫ ⟪amount|305 120 € HT⟫.",
    ),
    r(
        "no_personal_data",
        "Le marché relève de la procédure adaptée (⟪reference|article R2123-1 du Code de la commande publique⟫) ; "
        "montant estimé ⟪amount|89 000 € HT⟫.",
    ),
    r(
        "no_personal_data",
        "Explique l'impact du ⟪reference|décret n° 2016-360 du 25 mars 2016⟫ sur les achats groupés du GHT.",
    ),
    r(
        "no_personal_data",
        f"Le titulaire ⟪company|Dräger Médical⟫ (SIRET ⟪siret|{grouped(SIRET_A, 3)}⟫) facture ⟪amount|7 820,00 €⟫ de maintenance.",
    ),
    r(
        "no_personal_data",
        "Ventile ⟪amount|1 250 000 €⟫ de charges indirectes entre l'⟪cost_centre|UF 1234⟫, l'⟪cost_centre|UF 1235⟫ et le "
        "⟪cost_centre|CR 4521⟫ au prorata des ETP.",
    ),
    r(
        "no_personal_data",
        "Compare les offres de ⟪company|Smith & Nephew⟫ et de ⟪company|Paul Hartmann SA⟫ pour les pansements hydrocellulaires.",
    ),
    r(
        "no_personal_data",
        "Les ⟪company|Laboratoires Pierre Fabre⟫ proposent une remise de ⟪amount|12 %⟫ sur la gamme dermatologique.",
    ),
    r(
        "no_personal_data",
        "Quels articles du RGPD s'appliquent (⟪reference|règlement (UE) 2016/679⟫, ⟪reference|article L1111-8 du Code de la santé publique⟫) ?",
    ),
    r(
        "no_personal_data",
        "Budget 2025 : ⟪amount|4,2 M€⟫ pour le biomédical, dont ⟪amount|650 k€⟫ chez ⟪company|GE Healthcare⟫ et "
        "⟪amount|410 k€⟫ chez ⟪company|Olympus France⟫.",
    ),
    r(
        "no_personal_data",
        "Le fournisseur ⟪company|Johnson & Johnson Medical⟫ a transmis son DUME le ⟪date|17/02/2025⟫ ; la date limite était le "
        "⟪date|14/02/2025⟫.",
    ),
    r(
        "no_personal_data",
        "FINESS juridique ⟪finess|690781810⟫, FINESS géographique ⟪finess|690784152⟫ : lequel mettre sur le bon de commande ?",
    ),
    r(
        "no_personal_data",
        "La réunion du ⟪date|3 avril 2025⟫ est reportée au ⟪date|10/04/2025⟫ en salle 2.14, bâtiment B.",
    ),
    # ---------------------------------------------------------------- phones in odd writings
    r(
        "procurement",
        "Le standard du ⟪institution|Centre Léon Bérard⟫ est au ⟦PHONE_NUMBER|04 78 78 28 28⟧, mais pour "
        "⟦PERSON|Maud Chevrier⟧ appelez plutôt le ⟦PHONE_NUMBER|06 07 45 12 88⟧.",
    ),
    r(
        "research",
        "Tél : ⟦PHONE_NUMBER|+33 (0)4 72 68 49 05⟧ – fax : ⟦PHONE_NUMBER|+33 (0)4 72 68 49 99⟧ (Dr ⟦PERSON|Ilan Boukobza⟧).",
    ),
    r("accounting", "Joindre Mme ⟦PERSON|Pinatel⟧ au ⟦PHONE_NUMBER|06/48/21/93/07⟧ après 17 h."),
    r("research", "Numéro de la patiente : ⟦PHONE_NUMBER|0033 6 85 40 17 29⟧ (vit en Suisse la semaine)."),
    r("procurement", "Contact ⟪company|Vygon⟫ : ⟦PERSON|Loïs Carpentier⟧, ⟦PHONE_NUMBER|06 85 144 932⟧."),
    r("accounting", "tel de m. ⟦PERSON|bernardin⟧ : ⟦PHONE_NUMBER|07.69.03.58.14⟧"),
    r("research", "Call ⟦PERSON|Priya Raghunathan⟧ on ⟦PHONE_NUMBER|+1 (617) 555-0143⟧ about the shipment."),
    r("procurement", "Joignable au ⟦PHONE_NUMBER|+33 478 63 20 11⟧ (⟦PERSON|Anatole Giraud-Mounier⟧)."),
    r("accounting", "Numéro direct de ⟦PERSON|Florestan Achard⟧ : ⟦PHONE_NUMBER|04 72 11 - 52 67⟧."),
    r("research", "Permanence des investigateurs : ⟦PHONE_NUMBER|06 1234 5678⟧ (Dr ⟦PERSON|Romy Sabatier⟧)."),
    # ---------------------------------------------------------------- addresses
    r(
        "accounting",
        "Adresse de facturation du patient ⟦PERSON|Bastien Ollier⟧ : ⟦ADDRESS|12 ter avenue Berthelot, 69007 LYON⟧.",
    ),
    r(
        "accounting",
        "Courrier revenu NPAI pour Mme ⟦PERSON|Josiane Perret⟧, ⟦ADDRESS|3 BIS RUE DU DOCTEUR CRESTIN 69007 LYON⟧.",
    ),
    r(
        "research",
        "La patiente a déménagé : ⟦ADDRESS|Résidence Les Tilleuls, 45 allée des Peupliers, 38200 VIENNE⟧.",
    ),
    r(
        "accounting",
        "Envoyer la mise en demeure à M. ⟦PERSON|Désiré Mavoungou⟧, ⟦ADDRESS|108 cours Émile Zola 69100 Villeurbanne⟧.",
    ),
    r(
        "research",
        "Home address of the participant: ⟦ADDRESS|27 Kingsley Road, Bristol BS6 6AF⟧ (Ms ⟦PERSON|Fiona Langridge⟧).",
    ),
    r(
        "accounting",
        "Mme veuve ⟦PERSON|Charrier⟧ demeurant ⟦ADDRESS|9 B, impasse des Lilas 42000 SAINT-ETIENNE⟧ demande un échéancier.",
    ),
    # ---------------------------------------------------------------- dates of birth
    r(
        "research",
        "Patiente ⟦PERSON|Constance Brault⟧ (DDN : ⟦DATE_OF_BIRTH|03-08-1977⟧), IPP ⟦PATIENT_ID|80412266⟧.",
    ),
    r("research", "Né(e) le : ⟦DATE_OF_BIRTH|22.10.1956⟧ — ⟦PERSON|Sylvère Lamotte⟧."),
    r(
        "accounting",
        "⟦PERSON|Aurore Delcourt⟧, née le ⟦DATE_OF_BIRTH|1er mai 1982⟧, conteste sa facture du ⟪date|12/01/2025⟫.",
    ),
    r(
        "research",
        "date de naissance ⟦DATE_OF_BIRTH|19/4/64⟧ pour ⟦PERSON|Fernand Ricou⟧, à vérifier sur la carte Vitale",
    ),
    r(
        "research",
        "Subject ⟦PERSON|Gareth Pryce⟧, date of birth ⟦DATE_OF_BIRTH|21st July 1960⟧, withdrew on ⟪date|2 March 2025⟫.",
    ),
    r(
        "accounting",
        "Ddn ⟦DATE_OF_BIRTH|1990-12-07⟧ ; nom ⟦PERSON|Anaëlle Fournel⟧ ; séjour ⟦PATIENT_ID|250133906⟧.",
    ),
    # ---------------------------------------------------------------- NIR writings
    r(
        "accounting",
        f"NIR du patient : ⟦FR_NIR|{nir_spaced(NIR_D)}⟧ (né en Haute-Corse), ⟦PERSON|Ange-Marie Santoni⟧.",
    ),
    r(
        "accounting",
        f"N° SS ⟦FR_NIR|{NIR_E[:13]} {NIR_E[13:]}⟧ pour Mme ⟦PERSON|Orsoni⟧, à rapprocher de l'ALD.",
    ),
    r("accounting", f"INS : ⟦FR_NIR|{NIR_G}⟧ (matricule INS qualifié), ⟦PERSON|LEBON Mathis⟧."),
    r(
        "accounting",
        f"Numéro de sécu ⟦FR_NIR|{nir_spaced(NIR_C)[:-3]} clé {NIR_C[13:]}⟧ — assurée ⟦PERSON|Ingrid Solheim⟧.",
    ),
    r("accounting", f"le nss de m. ⟦PERSON|Fabre⟧ c'est ⟦FR_NIR|{NIR_F[:13]}/{NIR_F[13:]}⟧ je crois"),
    # ---------------------------------------------------------------- RPPS / ADELI
    r("research", f"Prescripteur : Dr ⟦PERSON|Hélios Marchetti⟧, n° RPPS : ⟦HEALTH_PRO_ID|{RPPS_D}⟧."),
    r(
        "procurement",
        f"Le pharmacien ⟦PERSON|Valentin Fougerolle⟧ (identifiant RPPS ⟦HEALTH_PRO_ID|{RPPS_B}⟧) valide la commande.",
    ),
    r(
        "accounting",
        "Infirmière libérale ⟦PERSON|Noémie Arnaud-Pelletier⟧, n° ADELI ⟦HEALTH_PRO_ID|699312485⟧, facture ⟪amount|640 €⟫.",
    ),
    r("accounting", "Kiné : ⟦PERSON|Gauthier Sarrazin⟧ – Adeli : ⟦HEALTH_PRO_ID|69 7 02114 3⟧"),
    r("research", f"RPPS of the co-investigator: ⟦HEALTH_PRO_ID|{RPPS_A}⟧ (Dr ⟦PERSON|Oriane Beaulieu⟧)."),
    # ---------------------------------------------------------------- IPP / NDA / MRN
    r(
        "accounting",
        "IPP n°⟦PATIENT_ID|80501873⟧ / NDA n°⟦PATIENT_ID|250140228⟧ : double facturation, ⟪amount|1 180 €⟫ à annuler.",
    ),
    r("research", "Numéro de séjour : ⟦PATIENT_ID|250151007⟧ ; MRN : ⟦PATIENT_ID|0052291784⟧."),
    r(
        "accounting",
        "Le dossier patient ⟦PATIENT_ID|80612455⟧ est fusionné avec l'IPP ⟦PATIENT_ID|80612460⟧.",
    ),
    r("research", "encounter number ⟦PATIENT_ID|2503310447⟧, patient Ms ⟦PERSON|Li Wei⟧."),
    # ---------------------------------------------------------------- IBAN
    r(
        "accounting",
        f"Virement de remboursement : bénéficiaire ⟦PERSON|Rosalind Kaufmann⟧, IBAN ⟦IBAN_CODE|{grouped(IBAN_D)}⟧.",
    ),
    r("accounting", f"RIB reçu de M. ⟦PERSON|Eudes Charvet⟧ : ⟦IBAN_CODE|{IBAN_E}⟧, à saisir dans la régie."),
    r(
        "accounting",
        f"Le titulaire ⟪company|Baxter⟫ (SIRET ⟪siret|{SIRET_B}⟫) a changé de banque : nouvel IBAN société "
        f"⟦IBAN_CODE|{grouped(iban('FR', '18206000012345678901E45'))}⟧.",
    ),
]


def build() -> list[dict[str, object]]:
    """Return the records, ids gen-0001..."""
    return build_records(RECORDS, "gen")


if __name__ == "__main__":
    write_jsonl(build())
