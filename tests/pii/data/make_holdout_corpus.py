"""Build pii_fr_holdout.jsonl: a third corpus, written apart from the dev and generalisation ones.

Run: .venv/bin/python -m tests.pii.data.make_holdout_corpus > tests/pii/data/pii_fr_holdout.jsonl

Styles neither other corpus uses much: Outlook « NOM Prénom <mail> » and « Last, First »
headers, forwarded English chains, signatures with Port./Ligne directe/Standard/Fax,
procurement and research CSV/TSV exports with English headers and quoted fields,
Markdown tables and bullet lists, minutes of meetings (« Présents : ... ; Excusés : ... »),
monitoring notes, English protocol extracts, Asian and African names, names with
apostrophes and particles, institutions, streets and suppliers named after people.

Annotation rules (decided here, applied throughout):

- every telephone number is PHONE_NUMBER, a switchboard or fax included: the gateway
  cannot tell a desk from a department, and a number is rarely what an answer needs;
- a birth year alone (« né en 1957 », « 67 ans ») is not a DATE_OF_BIRTH: only a full
  date is marked; the year stays readable (it is what research questions are about);
- a study subject code (« sujet 01-003 », « patient 12-0041 » in a trial) is a
  pseudonym, not a PATIENT_ID: it is marked as must-keep;
- FINESS, SIREN, SIRET, UAI and order numbers are must-keep;
- a street named after a person is part of the ADDRESS span, never a PERSON;
- every e-mail address is EMAIL_ADDRESS, a shared mailbox included (same reason as phones);
- a title (Mme, M., Dr, Prof., Ms) stays outside the PERSON span, as in the other corpora.

Every value is invented here; check digits (NIR, RPPS, IBAN, SIRET) are computed, and
offsets come from the markup:

- ``⟦LABEL|value⟧`` is personal data (a gold span);
- ``⟪what|value⟫`` must stay readable (a keep span).
"""

from __future__ import annotations

from tests.pii.check_digits import iban_with_key as iban
from tests.pii.check_digits import luhn_complete as luhn
from tests.pii.check_digits import nir_with_key as nir
from tests.pii.data.markup import build_records, write_jsonl

# -- check digits -------------------------------------------------------------


def by4(value: str) -> str:
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4))


def nir_cut(value: str, sep: str) -> str:
    """1 57 08 69 123 045 xx with any separator."""
    return sep.join([value[0], value[1:3], value[3:5], value[5:7], value[7:10], value[10:13], value[13:]])


# -- invented identifiers ------------------------------------------------------
NIR_1 = nir("1570869123045")
NIR_2 = nir("2611238456112")
NIR_3 = nir("184022A013022")  # Corse-du-Sud
NIR_4 = nir("293072B033117")  # Haute-Corse
NIR_5 = nir("1780599135207")  # born abroad
NIR_6 = nir("2450113055318")
NIR_7 = nir("1990997612456")  # Mayotte (976)
NIR_8 = nir("2680344109876")
NIR_9 = nir("1520742218031")
NIR_10 = nir("2791063175240")
INS_1 = nir("1720157215033")
INS_2 = nir("2830929019144")
RPPS_1 = luhn("1000529386")
RPPS_2 = luhn("1010377842")
RPPS_3 = luhn("1009863104")
RPPS_4 = luhn("1002741958")
RPPS_5 = luhn("1011620437")
RPPS_6 = luhn("1004418273")
IBAN_FR1 = iban("FR", "30066100210002051374915")
IBAN_FR2 = iban("FR", "18206000450321987654P12")
IBAN_FR3 = iban("FR", "14508000704197236508K47")
IBAN_DE = iban("DE", "520503530004519283")
IBAN_BE = iban("BE", "063548219047")
IBAN_ES = iban("ES", "20852066623456789011")
SIREN_1 = luhn("73282093")
SIRET_1 = luhn(SIREN_1 + "0002")
SIREN_2 = luhn("41905127")
SIRET_2 = luhn(SIREN_2 + "0013")
SIRET_3 = luhn(luhn("55218703") + "0004")


def r(domain: str, markup: str) -> tuple[str, str]:
    return domain, markup


RECORDS: list[tuple[str, str]] = [
    # ------------------------------------------------------------ forwarded chains, English
    r(
        "procurement",
        "-----Original Message-----\n"
        "From: ⟦PERSON|Okonkwo, Ngozi⟧ <⟦EMAIL_ADDRESS|n.okonkwo+tenders@healthineers.example.com⟧>\n"
        "Sent: Monday, March 10, 2025 4:27 PM\n"
        "To: ⟦PERSON|GIRAUDOUX Bérangère⟧ <⟦EMAIL_ADDRESS|berangere.giraudoux@chu-st-etienne.example⟧>\n"
        "Cc: ⟦PERSON|Théodore Lambrechts⟧\n"
        "Subject: RE: MRI maintenance renewal\n\n"
        "Hi ⟦PERSON|Bérangère⟧,\nthe renewal for the Magnetom unit comes to ⟪amount|EUR 86,400.00⟫ per year "
        "excl. VAT from ⟪company|Siemens Healthineers⟫. Let me know whether ⟪institution|CHU Saint-Étienne⟫ "
        "wants the 5-year option.\n\nKind regards,\n⟦PERSON|Ngozi Okonkwo⟧\nKey Account Manager",
    ),
    r(
        "procurement",
        "From: ⟦PERSON|Haruto Tanaka⟧ [mailto:⟦EMAIL_ADDRESS|h.tanaka@olympus-med.example.jp⟧]\n"
        "Sent: 11 February 2025 09:05\nTo: Achats Endoscopie <⟦EMAIL_ADDRESS|achats.endo@chu.example.fr⟧>\n"
        "Subject: FW: loaner scopes\n\n"
        "Good morning, as discussed with Dr ⟦PERSON|Van Damme⟧ we can lend two scopes until the "
        "tender closes. Please ring my mobile ⟦PHONE_NUMBER|+81 90 4412 7785⟧ or the Paris office "
        "⟦PHONE_NUMBER|+33 1 84 88 21 30⟧.\n⟦PERSON|Haruto⟧",
    ),
    r(
        "procurement",
        "----- Forwarded message -----\nFrom: ⟦PERSON|Kim Min-jun⟧ <⟦EMAIL_ADDRESS|minjun.kim@sub.mail.example.kr⟧>\n"
        "Date: Tue, Feb 4, 2025 at 3:16 PM\nSubject: Quote Q-88412\nTo: <⟦EMAIL_ADDRESS|p.lestringant@chu.example.fr⟧>\n\n"
        "Dear Mr ⟦PERSON|Lestringant⟧,\nattached is quote ⟪reference|Q-88412⟫ (⟪amount|USD 12,950⟫). "
        "Our distributor ⟪company|Fresenius Kabi⟫ will invoice in euros.",
    ),
    r(
        "accounting",
        "Le lun. 3 mars 2025 à 10:12, ⟦PERSON|Siaka Traoré⟧ <⟦EMAIL_ADDRESS|siaka.traore@laposte.example⟧> a écrit :\n"
        "> Bonjour, je n'ai pas été remboursé de mes frais de déplacement au congrès. "
        f"Voici mon IBAN : ⟦IBAN_CODE|{IBAN_FR1}⟧\n> Merci d'avance\n\n"
        "Transféré à la régie : peux-tu traiter ?",
    ),
    r(
        "accounting",
        "Le mer. 19 févr. 2025 à 16:41, ⟦PERSON|EL KHOURY Rania⟧ <⟦EMAIL_ADDRESS|rania.elkhoury@chu.example.fr⟧> a écrit :\n"
        "> La facture ⟪reference|F2025-3318⟫ de ⟪company|Laboratoires Servier⟫ (⟪amount|12 500,00 € HT⟫) "
        "est-elle imputée sur l'UF 4120 ?",
    ),
    r(
        "procurement",
        "De : ⟦PERSON|N'GUESSAN Akissi⟧ <⟦EMAIL_ADDRESS|akissi.nguessan@chu.example.fr⟧>\n"
        "Envoyé : vendredi 7 février 2025 11:48\n"
        "À : ⟦PERSON|Mathis Carbonnel⟧ (DAF) <⟦EMAIL_ADDRESS|mathis.carbonnel@chu.example.fr⟧>\n"
        "Objet : TR: avenant maintenance\n\n"
        "⟦PERSON|Mathis⟧, l'avenant de ⟪company|Dräger⟫ passe à ⟪amount|1.2 M€⟫ sur 4 ans. "
        "On le présente en commission ?\n\n⟦PERSON|Akissi N'Guessan⟧\nAcheteuse – Direction des achats\n"
        "Port. : ⟦PHONE_NUMBER|07 81 36 52 04⟧",
    ),
    r(
        "procurement",
        "De : ⟦PERSON|Yao Kouadio⟧ (DRH) <⟦EMAIL_ADDRESS|yao.kouadio@chu.example.fr⟧>\n"
        "Objet : RE: intérim IDE\n\nBonjour,\nle surcoût intérim atteint ⟪amount|15k€⟫ sur janvier. "
        "Je vois ça avec Mme ⟦PERSON|Ben Ali⟧ demain.\n\n"
        "Ligne directe : ⟦PHONE_NUMBER|04 77 82 91 35⟧\n« Standard » : ⟦PHONE_NUMBER|04 77 82 80 00⟧",
    ),
    r(
        "procurement",
        "Bonjour,\n\nJe vous transfère la réponse du fournisseur.\n\n"
        "________________________________\nDe : ⟦PERSON|Leclerc-Dumoulin Anne⟧ <⟦EMAIL_ADDRESS|anne.leclerc-dumoulin@pierrefabre.example⟧>\n"
        "Envoyé : jeudi 13 mars 2025 08:30\nObjet : Tarifs 2025\n\n"
        "Les tarifs ⟪company|Pierre Fabre⟫ sont inchangés : ⟪amount|3 240 € TTC⟫ le lot.\n\n"
        "⟦PERSON|Anne Leclerc-Dumoulin⟧\nTél. : ⟦PHONE_NUMBER|05 63 71 42 88⟧ | Fax : ⟦PHONE_NUMBER|05 63 71 42 89⟧",
    ),
    r(
        "accounting",
        "From: ⟦PERSON|O'Neil, Siobhan⟧\nSent: Wednesday, January 22, 2025 2:10 PM\n"
        "To: ⟦PERSON|Lefranc Hippolyte⟧\nSubject: bank details\n\n"
        f"⟦PERSON|Hippolyte⟧ - our new account is ⟦IBAN_CODE|{IBAN_DE}⟧ (Commerzbank). "
        "Please update the supplier file before the next payment run.\nThanks, ⟦PERSON|Siobhan⟧",
    ),
    r(
        "accounting",
        "Début du message réexpédié :\n\nDe: ⟦PERSON|Wouter Claes⟧ <⟦EMAIL_ADDRESS|wouter.claes@ucb.example.be⟧>\n"
        "Date: 14 février 2025 à 13:22:05 UTC+1\nObjet: remboursement\n\n"
        f"Bonjour, merci de verser le remboursement sur ⟦IBAN_CODE|{by4(IBAN_BE)}⟧ au nom de ⟦PERSON|Wouter Claes⟧. "
        "Tél. ⟦PHONE_NUMBER|+32 2 555 12 34⟧",
    ),
    r(
        "research",
        "From: Dr. ⟦PERSON|Amara Diop⟧ <⟦EMAIL_ADDRESS|amara.diop@hug.example.ch⟧>\nTo: URC\n"
        "Subject: site activation\n\nDear colleagues, Geneva is ready. My direct line is "
        "⟦PHONE_NUMBER|+41 22 379 41 18⟧. ⟦PERSON|Amara⟧",
    ),
    r(
        "accounting",
        "Re: note de frais\n\n"
        "Le 04/03/2025 09:58, ⟦PERSON|Paloma Etxeberria⟧ a écrit :\n"
        f"> Mi cuenta en España : ⟦IBAN_CODE|{IBAN_ES}⟧\n> Gracias, ⟦PERSON|Paloma⟧",
    ),
    # ------------------------------------------------------------ signatures
    r(
        "procurement",
        "Bien cordialement,\n\n⟦PERSON|Gwenola Le Goff⟧\nCadre de santé – Bloc opératoire\n"
        "⟪institution|Hôpital Pierre Wertheimer⟫\nTél. : ⟦PHONE_NUMBER|+33 (0)4 72 35 71 08⟧\n"
        "Port. : ⟦PHONE_NUMBER|06.72.18.44.09⟧\n⟦EMAIL_ADDRESS|gwenola.legoff@chu.example.fr⟧",
    ),
    r(
        "procurement",
        "--\n⟦PERSON|Baptiste de La Fontaine⟧ | Responsable achats médicaux\n"
        "⟪institution|Centre Léon Bérard⟫ – ⟦ADDRESS|28 rue Laennec, 69008 Lyon⟧\n"
        "T ⟦PHONE_NUMBER|0033 4 78 78 26 41⟧ · M ⟦PHONE_NUMBER|0685213974⟧",
    ),
    r(
        "accounting",
        "Sincères salutations,\nMme ⟦PERSON|Clémentine D'Alembert⟧\nRégie des recettes\n"
        "Standard : ⟦PHONE_NUMBER|04 77 12 85 40⟧ – poste 4412",
    ),
    r(
        "research",
        "Merci à toi,\n⟦PERSON|Tiphaine Van Damme⟧\nARC – Direction de la recherche clinique\n"
        "⟪institution|Institut Curie⟫\n☎ ⟦PHONE_NUMBER|01 56 24 58 30⟧",
    ),
    r(
        "research",
        "Regards,\nProf. ⟦PERSON|Chinedu Eze⟧\nPrincipal Investigator, NIGERIA-HEART\n"
        "⟦EMAIL_ADDRESS|chinedu.eze@unilag.example.ng⟧",
    ),
    # ------------------------------------------------------------ CSV / TSV exports
    r(
        "research",
        "last_name,first_name,dob,mrn,phone\n"
        "⟦PERSON|Nakamura⟧,⟦PERSON|Yui⟧,⟦DATE_OF_BIRTH|1961-04-03⟧,⟦PATIENT_ID|40018823⟧,⟦PHONE_NUMBER|0612457803⟧\n"
        "⟦PERSON|Bamba⟧,⟦PERSON|Fanta⟧,⟦DATE_OF_BIRTH|1975-11-21⟧,⟦PATIENT_ID|40027716⟧,⟦PHONE_NUMBER|0778120945⟧",
    ),
    r(
        "procurement",
        "fournisseur;siret;montant_ht;contact;email\n"
        f'"⟪company|Fresenius Kabi France⟫";⟪siret|{SIRET_1}⟫;"⟪amount|48 210,00⟫";'
        '"⟦PERSON|Rémi Castagnac⟧";⟦EMAIL_ADDRESS|r.castagnac@fk.example.fr⟧\n'
        f'"⟪company|Laboratoires Servier⟫";⟪siret|{SIRET_2}⟫;"⟪amount|7 995,50⟫";'
        '"⟦PERSON|Oumar Sissoko⟧";⟦EMAIL_ADDRESS|oumar.sissoko+achats@servier.example.com⟧',
    ),
    r(
        "research",
        "subject_id\tinitials\tyear_of_birth\tsite\n"
        "⟪study_code|01-003⟫\t⟦PERSON|M.K.⟧\t1957\t⟪institution|Centre Léon Bérard⟫\n"
        "⟪study_code|01-004⟫\t⟦PERSON|A.-L.B.⟧\t1963\t⟪institution|Gustave Roussy⟫",
    ),
    r(
        "accounting",
        "nom;prénom;nir;iban\n"
        f"⟦PERSON|DUCHEMIN⟧;⟦PERSON|Aurèle⟧;⟦FR_NIR|{NIR_9}⟧;⟦IBAN_CODE|{IBAN_FR2}⟧\n"
        f"⟦PERSON|KONATÉ⟧;⟦PERSON|Mariam⟧;⟦FR_NIR|{NIR_10}⟧;⟦IBAN_CODE|{by4(IBAN_FR3)}⟧",
    ),
    r(
        "research",
        '"Name","Role","RPPS","Email"\n'
        f'"Dr ⟦PERSON|Ayaan Mehta⟧","Co-investigator","⟦HEALTH_PRO_ID|{RPPS_1}⟧","⟦EMAIL_ADDRESS|ayaan.mehta@chu.example.fr⟧"\n'
        f'"Dr ⟦PERSON|Soline Abiven⟧","Sub-investigator","⟦HEALTH_PRO_ID|{RPPS_2}⟧","⟦EMAIL_ADDRESS|s.abiven@chu.example.fr⟧"',
    ),
    r(
        "research",
        "Patient Name,Date of Birth,Hospital Number,Address\n"
        "⟦PERSON|Ahmed Benhamou⟧,⟦DATE_OF_BIRTH|03/04/1961⟧,⟦PATIENT_ID|H00451278⟧,"
        '"⟦ADDRESS|12 bis rue Pasteur, 42000 SAINT-ÉTIENNE⟧"',
    ),
    r(
        "procurement",
        "Export GEF du 03/03/2025\nN° commande|Fournisseur|Montant TTC|Demandeur\n"
        "⟪reference|C25-004412⟫|⟪company|Siemens Healthineers⟫|⟪amount|18 360,00 €⟫|⟦PERSON|FONTVIEILLE Lorraine⟧\n"
        "⟪reference|C25-004413⟫|⟪company|Dräger Medical⟫|⟪amount|2 115,80 €⟫|⟦PERSON|Olawale Adeyemi⟧",
    ),
    r(
        "accounting",
        "id_agent;nom_prenom;telephone;adresse\n"
        "A10442;⟦PERSON|RAZAFINDRAKOTO Hery⟧;⟦PHONE_NUMBER|06 44 10 72 38⟧;"
        "⟦ADDRESS|7 ter chemin des Vignes 42100 SAINT-ÉTIENNE⟧",
    ),
    r(
        "research",
        "patient_id;ins;sexe;ddn\n"
        f"⟦PATIENT_ID|P-0093⟧;⟦FR_NIR|{INS_1}⟧;M;⟦DATE_OF_BIRTH|12/01/1972⟧\n"
        f"⟦PATIENT_ID|P-0094⟧;⟦FR_NIR|{INS_2}⟧;F;⟦DATE_OF_BIRTH|29/09/1983⟧",
    ),
    # ------------------------------------------------------------ Markdown tables and lists
    r(
        "research",
        "| Investigateur | Centre | RPPS |\n|---|---|---|\n"
        f"| Pr ⟦PERSON|Hoang Van Thanh⟧ | ⟪institution|Hôpital Necker-Enfants malades⟫ | ⟦HEALTH_PRO_ID|{RPPS_3}⟧ |\n"
        f"| Dr ⟦PERSON|Fatou Ndiaye⟧ | ⟪institution|Gustave Roussy⟫ | ⟦HEALTH_PRO_ID|{RPPS_4}⟧ |",
    ),
    r(
        "procurement",
        "| Lot | Attributaire | Montant HT |\n|:--|:--|--:|\n"
        "| 1 | ⟪company|Laboratoires Servier⟫ | ⟪amount|12 500,00 €⟫ |\n"
        "| 2 | ⟪company|Fresenius Kabi⟫ | ⟪amount|1,2 M€⟫ |\n"
        "Interlocuteur : ⟦PERSON|Quentin Rabier-Lesage⟧ (⟦PHONE_NUMBER|04 26 73 18 90⟧)",
    ),
    r(
        "research",
        "Contacts de l'étude :\n"
        "- Promoteur : ⟪institution|Hospices Civils de Lyon⟫\n"
        "- Investigateur coordonnateur : Pr ⟦PERSON|Jean-Marc Aubertot⟧\n"
        "- ARC : ⟦PERSON|Sokhna Diagne⟧, ⟦EMAIL_ADDRESS|sokhna.diagne@chu.example.fr⟧\n"
        f"- Pharmacien : Dr ⟦PERSON|Malo Kerjean⟧ (RPPS ⟦HEALTH_PRO_ID|{RPPS_5}⟧)",
    ),
    r(
        "procurement",
        "* Dräger : ⟪amount|42 000 €⟫ (contact ⟦PERSON|Jonas Weißmüller⟧, ⟦PHONE_NUMBER|+49 451 882 3317⟧)\n"
        "* ⟪company|Fresenius Kabi⟫ : ⟪amount|38 500 €⟫\n"
        "* ⟪company|Pierre Fabre⟫ : hors délai",
    ),
    r(
        "accounting",
        "| Agent | Matricule | NIR |\n| --- | --- | --- |\n"
        f"| ⟦PERSON|ABDELMALEK Sofia⟧ | 004812 | ⟦FR_NIR|{nir_cut(NIR_2, ' ')}⟧ |\n"
        f"| ⟦PERSON|PHAM Thi Thu⟧ | 004813 | ⟦FR_NIR|{nir_cut(NIR_6, '.')}⟧ |",
    ),
    r(
        "research",
        "Checklist inclusion :\n1. consentement signé par M. ⟦PERSON|Olivier Ravanel⟧ ✔\n"
        "2. IPP ⟦PATIENT_ID|20093341⟧ créé ✔\n3. tirage au sort : bras A",
    ),
    # ------------------------------------------------------------ minutes of meetings
    r(
        "procurement",
        "Compte rendu – commission des achats du 6 mars 2025\n"
        "Présents : Mme ⟦PERSON|A. Perrichon⟧, M. ⟦PERSON|C. Daubigny⟧, Dr ⟦PERSON|E. Fouqueray⟧ ; "
        "Excusés : M. ⟦PERSON|Benoît Sarrazin-Cluzel⟧, Mme ⟦PERSON|Yasmina Hadjadj⟧.\n"
        "1. Le marché ⟪company|Siemens Healthineers⟫ (⟪amount|1.2 M€⟫) est validé.",
    ),
    r(
        "accounting",
        "CR réunion pôle — présents : ⟦PERSON|Lou Caradec⟧ (cadre sup), ⟦PERSON|Thibaut Morlaix⟧ (DAF), "
        "le Dr ⟦PERSON|Iyad Haddadin⟧ (chef de pôle). Le déficit de l'UF est de ⟪amount|230 k€⟫.",
    ),
    r(
        "research",
        "Relevé de décisions du comité de pilotage\n"
        "Participants : Pr ⟦PERSON|Mireille Audoin-Casteran⟧, Dr ⟦PERSON|Koffi Agbodjan⟧, "
        "Mme ⟦PERSON|Tran Thi Mai⟧ (ARC), M. ⟦PERSON|Dimitri Papadakis⟧ (data manager)\n"
        "Décision : ouverture du centre ⟪institution|Fondation Rothschild⟫ en avril.",
    ),
    r(
        "procurement",
        "Réunion du 12/02 : le Dr ⟦PERSON|Lemarchand⟧ demande un second échographe ; "
        "le devis ⟪company|Siemens Healthineers⟫ est de ⟪amount|64 900 € HT⟫. "
        "M. ⟦PERSON|Ouedraogo⟧ (biomédical) vérifie la compatibilité PACS.",
    ),
    r(
        "research",
        "Présents : Dr ⟦PERSON|R. Kaddouri⟧, Pr ⟦PERSON|S. Ionescu⟧, Mme ⟦PERSON|V. Le Bihan⟧\n"
        "Excusée : Mme ⟦PERSON|H. Takahashi⟧\nOrdre du jour : amendement n°3, budget ⟪amount|15k€⟫.",
    ),
    r(
        "accounting",
        "Minutes – finance committee (English version)\n"
        "Attendees: Mr ⟦PERSON|Kwame Asante⟧, Ms ⟦PERSON|Ingeborg Halvorsen⟧, Dr ⟦PERSON|Rafael Quintero⟧\n"
        "Apologies: Ms ⟦PERSON|Aoife Brennan⟧\nThe deficit is ⟪amount|€230k⟫.",
    ),
    # ------------------------------------------------------------ monitoring notes
    r(
        "research",
        "Visite de monitoring n°4 – ⟪institution|Centre Léon Bérard⟫\n"
        "Sujet ⟪study_code|01-003⟫ (initiales ⟦PERSON|M-K⟧, né en 1957) : EIG déclaré le 02/02/2025. "
        "Source vérifiée avec le Dr ⟦PERSON|Vuong⟧.",
    ),
    r(
        "research",
        "Monitoring note: subject ⟪study_code|02-017⟫, DOB ⟦DATE_OF_BIRTH|04/03/61⟧, "
        "informed consent signed by Mrs ⟦PERSON|Esperanza Villalobos⟧ on 2025-01-14. "
        "Investigator: Dr ⟦PERSON|Hamidou Sangaré⟧.",
    ),
    r(
        "research",
        "Écart au protocole : la patiente ⟦PERSON|C.D.⟧ (DDN : ⟦DATE_OF_BIRTH|03/04/1961⟧, "
        "IPP ⟦PATIENT_ID|30017452⟧) a reçu la dose J8 à J10.",
    ),
    r(
        "research",
        "Queries ouvertes : sujet ⟪study_code|03-001⟫ – date de naissance ⟦DATE_OF_BIRTH|1961-04-03⟧ "
        "incohérente avec le CRF ; contacter l'ARC ⟦PERSON|Nolwenn Tréguier⟧ au ⟦PHONE_NUMBER|02 98 34 71 12⟧.",
    ),
    r(
        "research",
        "Patient de 67 ans, né en 1957, inclus dans la cohorte ⟪reference|COHORTE-AVC⟫ ; "
        "médecin traitant : Dr ⟦PERSON|Nsimba Lukusa⟧, ⟦ADDRESS|4 place Jean Jaurès, 42000 Saint-Étienne⟧.",
    ),
    r(
        "research",
        "Note to file: patient ⟦PERSON|J.S.⟧, MRN ⟦PATIENT_ID|00781234⟧, date of birth: "
        "⟦DATE_OF_BIRTH|1958-07-22⟧, withdrew consent. Site: ⟪institution|Hôpital Georges-Pompidou⟫.",
    ),
    r(
        "research",
        "SAE narrative: a 71-year-old male (born ⟦DATE_OF_BIRTH|3rd April 1953⟧) was admitted to "
        "⟪institution|Gustave Roussy⟫ under Dr ⟦PERSON|Olumide Bakare⟧.",
    ),
    r(
        "research",
        "Monitoring : n° de séjour ⟦PATIENT_ID|250041877⟧, NDA ⟦PATIENT_ID|2500 4187 8⟧ ; "
        "médecin investigateur Dr ⟦PERSON|Yacouba Ouattara⟧.",
    ),
    # ------------------------------------------------------------ English protocol extracts
    r(
        "research",
        "1.2 Study personnel\nPrincipal Investigator: Prof. ⟦PERSON|Marguerite Lachaise-Orsat⟧\n"
        "Sponsor: ⟪institution|Hospices Civils de Lyon⟫\n"
        "Coordinating centre: ⟪institution|Centre Léon Bérard⟫, ⟦ADDRESS|28 rue Laennec, 69373 LYON CEDEX 08⟧\n"
        "Statistician: Dr. ⟦PERSON|Wen-Hao Chang⟧ (⟦EMAIL_ADDRESS|wenhao.chang@stats.univ.example.fr⟧)",
    ),
    r(
        "research",
        "Sponsor's medical monitor: Dr ⟦PERSON|Bronwyn MacAllister⟧, phone ⟦PHONE_NUMBER|+44 20 7946 0321⟧, "
        "24/7 hotline ⟦PHONE_NUMBER|+33 1 70 48 92 15⟧.",
    ),
    r(
        "research",
        "Inclusion criteria were checked by the sub-investigator (Dr. ⟦PERSON|Aziz El Amrani-Joutey⟧, "
        f"RPPS ⟦HEALTH_PRO_ID|{RPPS_6}⟧) at ⟪institution|Hôpital Necker-Enfants malades⟫.",
    ),
    r(
        "research",
        "Data Protection Officer: Ms ⟦PERSON|Hélène Marchetti-Dubreuil⟧, ⟦EMAIL_ADDRESS|dpo+etudes@chu.example.fr⟧. "
        "Funding: ⟪company|Fondation ARC⟫ (⟪amount|€150,000⟫).",
    ),
    # ------------------------------------------------------------ names: lower/ALL caps, particles
    r(
        "procurement",
        "vu avec mme ⟦PERSON|ben ali⟧ ce matin, elle valide le devis ⟪company|Pierre Fabre⟫.",
    ),
    r(
        "procurement",
        "RAPPEL : MME ⟦PERSON|SOPHIANE EL KHOURY⟧ ATTEND LE BON DE COMMANDE ⟪reference|C25-004519⟫ AVANT VENDREDI.",
    ),
    r(
        "research",
        "Merci de transmettre le dossier au Dr ⟦PERSON|Maël O'Sullivan⟧ et à Mme ⟦PERSON|Jade D'Souza⟧.",
    ),
    r(
        "accounting",
        "Remboursement à effectuer au profit de ⟦PERSON|Van Damme Ludivine⟧, "
        "⟦ADDRESS|15 quater avenue Jean Jaurès, 42100 Saint-Étienne⟧.",
    ),
    r(
        "procurement",
        "le dr ⟦PERSON|le goff⟧ voudrait un rdv avec ⟪company|Dräger⟫ pour les respirateurs",
    ),
    r(
        "accounting",
        "Chèque reçu de ⟦PERSON|Mohamed-Amine Ben Slama⟧ pour la chambre particulière (⟪amount|45,00 €⟫).",
    ),
    r(
        "procurement",
        "Demande de ⟦PERSON|Nguyen Van Long⟧ (biomédical) : 3 moniteurs à ⟪amount|4 250 € HT⟫ pièce.",
    ),
    r(
        "research",
        "Co-investigateurs : ⟦PERSON|Xu Mingzhe⟧, ⟦PERSON|Zhao Lifen⟧ et ⟦PERSON|Adaeze Nwosu⟧.",
    ),
    r(
        "research",
        "Le Pr ⟦PERSON|Eudoxie Mbala-Nkanga⟧ présentera les résultats à ⟪institution|Gustave Roussy⟫.",
    ),
    r(
        "accounting",
        "Avis de somme à payer adressé à M. ⟦PERSON|DE SAINT-EXUPÉRY Foulques⟧, "
        "⟦ADDRESS|Lieu-dit La Croix Blanche, 43200 YSSINGEAUX⟧.",
    ),
    # ------------------------------------------------------------ institutions, streets, suppliers
    r(
        "procurement",
        "Le groupement réunit le ⟪institution|CHU Saint-Étienne⟫, l'⟪institution|Hôpital Pierre Wertheimer⟫, "
        "le ⟪institution|Centre Léon Bérard⟫ et la ⟪institution|Clinique Sainte-Anne⟫. "
        "Coordination : ⟦PERSON|Ysé Marcadier⟧.",
    ),
    r(
        "procurement",
        "Comparer les offres de ⟪company|Laboratoires Servier⟫, ⟪company|Pierre Fabre⟫ et "
        "⟪company|Fresenius Kabi⟫ pour le lot antalgiques ; budget ⟪amount|12 500,00 € HT⟫.",
    ),
    r(
        "research",
        "Étude multicentrique : ⟪institution|Institut Curie⟫, ⟪institution|Gustave Roussy⟫, "
        "⟪institution|Fondation Rothschild⟫, ⟪institution|Hôpital Necker-Enfants malades⟫ et "
        "⟪institution|Hôpital Georges-Pompidou⟫. Référente : ⟦PERSON|Albane Vercruysse⟧.",
    ),
    r(
        "procurement",
        "Livraison à l'⟪institution|Hôpital Pierre Wertheimer⟫, quai 3. FINESS ⟪finess|690784512⟫, "
        "UAI ⟪uai|0693456K⟫. Fournisseur ⟪company|Siemens Healthineers⟫ "
        f"(SIREN ⟪siren|{SIREN_1}⟫).",
    ),
    r(
        "procurement",
        f"Le fournisseur ⟪company|Dräger⟫ (SIRET ⟪siret|{SIRET_3}⟫) livre au ⟪institution|Centre Léon Bérard⟫ ; "
        "facturation ⟪amount|8 760,00 € TTC⟫.",
    ),
    r(
        "accounting",
        "Adresse de facturation : CHU – Direction des finances, ⟪address_institution|CS 60012⟫, "
        "⟪address_institution|42055 SAINT-ÉTIENNE CEDEX 2⟫. Contact : ⟦PERSON|Ilona Szabó⟧.",
    ),
    r(
        "procurement",
        "Produits : Hémoclar, Doliprane 1 g, Aerius ; fournisseur ⟪company|Laboratoires Servier⟫ "
        "et ⟪company|Sanofi Winthrop Industrie⟫. Montant : ⟪amount|2.450 €⟫.",
    ),
    r(
        "research",
        "Financement ⟪company|Fondation Rothschild⟫ / ⟪company|Pierre Fabre⟫ : ⟪amount|1.2 M€⟫ sur 3 ans.",
    ),
    # ------------------------------------------------------------ identifiers written many ways
    r(
        "accounting",
        f"N° sécu : ⟦FR_NIR|{nir_cut(NIR_1, '-')}⟧ – à vérifier avant remboursement.",
    ),
    r(
        "accounting",
        f"NIR ⟦FR_NIR|{NIR_3[:13]} clé {NIR_3[13:]}⟧ (patient né en Corse-du-Sud).",
    ),
    r(
        "accounting",
        f"Sécurité sociale : ⟦FR_NIR|{nir_cut(NIR_4, ' ')}⟧ ; mutuelle à jour.",
    ),
    r(
        "research",
        f"INS (NIR) : ⟦FR_NIR|{NIR_5[:13]}-{NIR_5[13:]}⟧ – OID 1.2.250.1.213.1.4.8",
    ),
    r(
        "accounting",
        f"Patient né à Mayotte, n° SS ⟦FR_NIR|{NIR_7[:13]} {NIR_7[13:]}⟧.",
    ),
    r(
        "accounting",
        f"Social security no.: ⟦FR_NIR|{NIR_8}⟧ (France).",
    ),
    r(
        "accounting",
        f"Matricule INS ⟦FR_NIR|{nir_cut(INS_2, '.')}⟧ / IPP ⟦PATIENT_ID|71004523⟧",
    ),
    r(
        "accounting",
        f"Virement à effectuer : ⟦IBAN_CODE|{by4(IBAN_FR3)}⟧ – montant ⟪amount|1 245,60 €⟫ – "
        f"SIRET bénéficiaire ⟪siret|{SIRET_2}⟫.",
    ),
    r(
        "accounting",
        f"IBAN: ⟦IBAN_CODE|{by4(IBAN_DE)}⟧ BIC COBADEFFXXX",
    ),
    r(
        "accounting",
        f"RIB joint : ⟦IBAN_CODE|{IBAN_BE}⟧ ; ⟪amount|980 €⟫ à rembourser.",
    ),
    r(
        "procurement",
        "Joindre le service au ⟦PHONE_NUMBER|+33 6 09 87 14 52⟧ ou au ⟦PHONE_NUMBER|0033 (0)4 77 42 18 30⟧.",
    ),
    r(
        "procurement",
        "Tél : ⟦PHONE_NUMBER|06 09 87 14 52⟧ / ⟦PHONE_NUMBER|04-77-42-18-31⟧ / ⟦PHONE_NUMBER|0477421832⟧",
    ),
    r(
        "procurement",
        "Astreinte biomédicale : ⟦PHONE_NUMBER|07.61.22.39.85⟧ (⟦PERSON|Loïc Tanguy-Prigent⟧).",
    ),
    r(
        "accounting",
        "Veuillez rappeler Mme ⟦PERSON|Abena Owusu⟧ au ⟦PHONE_NUMBER|06 1234 5678⟧ concernant sa facture "
        "⟪reference|FAC-2025-1187⟫.",
    ),
    r(
        "research",
        "Contact e-mail : ⟦EMAIL_ADDRESS|prenom.nom+crf@recherche.chu.example.fr⟧ ; "
        "secrétariat ⟦EMAIL_ADDRESS|sec.urc@chu-saint-etienne.example.fr⟧",
    ),
    r(
        "accounting",
        "Le patient ⟦PERSON|Idrissa Camara⟧, DDN : ⟦DATE_OF_BIRTH|03/04/1961⟧, conteste la facture de "
        "⟪amount|312,40 €⟫.",
    ),
    r(
        "accounting",
        "Mme ⟦PERSON|Rokia Fofana⟧, née le ⟦DATE_OF_BIRTH|1er mai 1948⟧, domiciliée "
        "⟦ADDRESS|3 ter avenue Jean Jaurès, BP 40112, 69361 LYON CEDEX 07⟧.",
    ),
    r(
        "accounting",
        "Identité : ⟦PERSON|Lucien Aubrac-Morand⟧, né(e) le ⟦DATE_OF_BIRTH|14.09.1972⟧ à Firminy.",
    ),
    r(
        "research",
        "Date of birth: ⟦DATE_OF_BIRTH|April 3, 1961⟧ – sex: F – initials ⟦PERSON|K.O.⟧",
    ),
    r(
        "research",
        "D.O.B. ⟦DATE_OF_BIRTH|12-Jan-1955⟧, MRN ⟦PATIENT_ID|A0098812⟧.",
    ),
    r(
        "accounting",
        "Date de naissance : ⟦DATE_OF_BIRTH|3 avril 1961⟧ ; adresse : ⟦ADDRESS|Résidence Les Platanes, "
        "bât. C, 8 allée des Tilleuls, 42270 Saint-Priest-en-Jarez⟧.",
    ),
    r(
        "accounting",
        "Courrier retourné : M. ⟦PERSON|Ousmane Keïta⟧, ⟦ADDRESS|12, rue Pasteur – CS 20045 – "
        "42028 SAINT-ÉTIENNE CEDEX 1⟧.",
    ),
    r(
        "accounting",
        "Nouvelle adresse de Mme ⟦PERSON|Li Na⟧ : ⟦ADDRESS|21 bis boulevard Karl Marx, 42100 Saint-Étienne⟧.",
    ),
    r(
        "procurement",
        "Livraison : ⟪institution|Hôpital Nord⟫, quai B – contact : ⟦PERSON|Ibrahima Diakité⟧ ⟦PHONE_NUMBER|06 21 47 93 05⟧.",
    ),
    r(
        "research",
        f"Investigateur : Dr ⟦PERSON|Aïssata Coulibaly⟧ – RPPS : ⟦HEALTH_PRO_ID|{RPPS_4[:4]} {RPPS_4[4:8]} {RPPS_4[8:]}⟧",
    ),
    r(
        "research",
        f"RPPS du prescripteur : ⟦HEALTH_PRO_ID|{RPPS_1}⟧ ; ordonnance du 03/02/2025.",
    ),
    r(
        "accounting",
        "Dossier ⟦PATIENT_ID|2025-00418⟧ : séjour du 2 au 5 février, montant ⟪amount|1 845,00 €⟫.",
    ),
    r(
        "accounting",
        "Hospital no. ⟦PATIENT_ID|66120093⟧ – stay number ⟦PATIENT_ID|250012376⟧ – invoice ⟪amount|€2,310.00⟫.",
    ),
    r(
        "research",
        "EDS export request: PID ⟦PATIENT_ID|81004472⟧, IPP ⟦PATIENT_ID|81004473⟧; "
        "requested by Dr ⟦PERSON|Marius Ologoudou⟧.",
    ),
    # ------------------------------------------------------------ mixed, short, chatty
    r(
        "procurement",
        "Can you summarise this e-mail from ⟦PERSON|Priyanka Venkataraman⟧ about the ⟪company|Dräger⟫ "
        "ventilators? She quotes ⟪amount|15k€⟫ per unit.",
    ),
    r(
        "research",
        "Traduire en anglais : « Le Pr ⟦PERSON|Tchoumba⟧ remercie ⟪institution|Gustave Roussy⟫ et "
        "l'⟪institution|Institut Curie⟫ pour leur soutien. »",
    ),
    r(
        "procurement",
        "Résume : ⟦PERSON|Rachida Bouzid-Lefort⟧ (acheteuse) signale que ⟪company|Fresenius Kabi⟫ "
        "augmente ses prix de 4 %.",
    ),
    r(
        "accounting",
        "@⟦PERSON|Théo Marchal-Ruiz⟧ peux-tu relancer ⟪company|Siemens Healthineers⟫ sur l'avoir de "
        "⟪amount|1 250 €⟫ ?",
    ),
    r(
        "procurement",
        "Objet : devis\nBonjour Mme ⟦PERSON|Ferrandière⟧,\nnous attendons votre devis. "
        "Bien à vous,\n⟦PERSON|Aurélien Sabatini⟧",
    ),
    r(
        "research",
        "Quelle est la procédure CNIL MR-004 pour une étude rétrospective au ⟪institution|CHU Saint-Étienne⟫ ?",
    ),
    r(
        "accounting",
        "Calcule la TVA sur ⟪amount|12 500,00 € HT⟫ et sur ⟪amount|3 240 € TTC⟫.",
    ),
]


def build() -> list[dict[str, object]]:
    """Return the records, ids hold-0001..."""
    return build_records(RECORDS, "hold")


if __name__ == "__main__":
    write_jsonl(build())
