"""Build pii_fr_heldout2.jsonl (held-out French personal-data corpus, set 2).

Written by a helper session on 2026-11-29 from the label definitions only.
Texts are written with inline markup, stripped here to compute offsets:
  [[LABEL:value]]   -> gold span (personal data)
  {{what:value}}    -> must-keep span (company, institution, amount, code, ...)
All values are invented by the generator functions below (seeded, no third-party package).

Usage: python3 make_heldout2.py > pii_fr_heldout2.jsonl   (style counts on stderr)
"""
from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from collections import Counter

R = random.Random(2026_11_29)
LABELS = {"PERSON", "FR_NIR", "PHONE_NUMBER", "EMAIL_ADDRESS", "IBAN_CODE", "ADDRESS",
          "DATE_OF_BIRTH", "PATIENT_ID", "HEALTH_PRO_ID"}


# ---------------------------------------------------------------- markup helpers
def P(x: str) -> str:
    return f"[[PERSON:{x}]]"


def L(label: str, x: str) -> str:
    assert label in LABELS, label
    return f"[[{label}:{x}]]"


def K(what: str, x: str) -> str:
    return "{{" + what + ":" + x + "}}"


TOK = re.compile(r"\[\[([A-Z_]+):(.*?)\]\]|\{\{([a-z_]+):(.*?)\}\}", re.S)


def strip(marked: str):
    out, spans, keep = [], [], []
    pos = cur = 0
    for m in TOK.finditer(marked):
        out.append(marked[pos:m.start()])
        cur += m.start() - pos
        if m.group(1):
            label, val = m.group(1), m.group(2)
            assert label in LABELS, label
            spans.append({"start": cur, "end": cur + len(val), "label": label, "_v": val})
        else:
            what, val = m.group(3), m.group(4)
            keep.append({"start": cur, "end": cur + len(val), "what": what, "_v": val})
        out.append(val)
        cur += len(val)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    for bad in ("[[", "]]", "{{", "}}"):
        assert bad not in text, (bad, text)
    for s in spans + keep:
        assert text[s["start"]:s["end"]] == s.pop("_v")
        assert s["start"] < s["end"]
        seg = text[s["start"]:s["end"]]
        assert seg == seg.strip(), repr(seg)
    return text, spans, keep


# ---------------------------------------------------------------- identifiers
def digits(n: int) -> str:
    return "".join(R.choice("0123456789") for _ in range(n))


def luhn_digit(base: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(base)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(s: str) -> bool:
    return luhn_digit(s[:-1]) == s[-1]


def rpps() -> str:
    base = "10" + digits(8)
    return base + luhn_digit(base)


def siren() -> str:
    b = str(R.randint(3, 9)) + digits(7)
    return b + luhn_digit(b)


def siret() -> str:
    b = siren() + "000" + str(R.randint(1, 9))
    return b + luhn_digit(b)


def nir_parts(sex=None, yy=None, mm=None, dept=None):
    sex = sex or R.choice("12")
    yy = yy if yy is not None else f"{R.randint(30, 99):02d}"
    mm = mm if mm is not None else f"{R.randint(1, 12):02d}"
    dept = dept or R.choice(["75", "29", "69", "13", "59", "2A", "2B", "974", "971", "93", "35", "99", "56", "44"])
    if len(dept) == 3:
        commune = f"{R.randint(1, 34):02d}"
    elif dept == "99":
        commune = R.choice(["350", "352", "351", "134", "139", "109"])  # birth abroad: country code
    else:
        commune = f"{R.randint(1, 450):03d}"
    order = f"{R.randint(1, 999):03d}"
    dnum = {"2A": "19", "2B": "18"}.get(dept, dept)
    num = int(sex + yy + mm + dnum + commune + order)
    key = f"{97 - num % 97:02d}"
    return [sex, yy, mm, dept, commune, order, key]


def nir_ok(s: str) -> bool:
    s = s.replace(" ", "").replace("\u00a0", "").replace(".", "")
    if len(s) != 15:
        return False
    body = s[:13]
    body = body[:5] + {"2A": "19", "2B": "18"}.get(body[5:7], body[5:7]) + body[7:]
    return 97 - int(body) % 97 == int(s[13:])


def fmt_nir(p, style="spaces"):
    if style == "spaces":
        return " ".join(p)
    if style == "compact":
        return "".join(p)
    if style == "key":  # 13 chars then key apart
        return "".join(p[:6]) + " " + p[6]
    if style == "dots":
        return ".".join(p)
    if style == "nbsp":
        return "\u00a0".join(p)
    raise ValueError(style)


def iban_fr() -> str:
    bank, guichet, acct = digits(5), digits(5), digits(11)
    rib = 97 - (89 * int(bank) + 15 * int(guichet) + 3 * int(acct)) % 97
    bban = bank + guichet + acct + f"{rib:02d}"
    num = "".join(str(int(c, 36)) for c in bban + "FR00")
    chk = 98 - int(num) % 97
    return f"FR{chk:02d}{bban}"


def iban_ok(s: str) -> bool:
    s = re.sub(r"[\s-]", "", s)
    num = "".join(str(int(c, 36)) for c in s[4:] + s[:4])
    return int(num) % 97 == 1


def fmt_iban(i: str, style="spaces") -> str:
    g = [i[k:k + 4] for k in range(0, len(i), 4)]
    if style == "spaces":
        return " ".join(g)
    if style == "compact":
        return i
    if style == "nbsp":
        return "\u00a0".join(g)
    if style == "dash":
        return "-".join(g)
    raise ValueError(style)


def phone_digits(kind="mobile") -> str:
    if kind == "mobile":
        return "0" + R.choice("67") + digits(8)
    if kind == "fixed":
        return "0" + R.choice("12345") + digits(8)
    return "09" + digits(8)


def fmt_phone(d: str, style="space") -> str:
    pairs = [d[i:i + 2] for i in range(0, 10, 2)]
    rest = " ".join(pairs[1:])
    return {
        "space": " ".join(pairs),
        "dot": ".".join(pairs),
        "nbsp": "\u00a0".join(pairs),
        "compact": d,
        "dash": "-".join(pairs),
        "intl": f"+33 {d[1]} {rest}",
        "intl0": f"+33 (0){d[1]} {rest}",
        "0033": f"0033 {d[1]} {rest}",
        "intlcompact": "+33" + d[1:],
        "intldot": f"+33.{d[1]}.{'.'.join(pairs[1:])}",
        "slash": f"{pairs[0]}/{pairs[1]}/{pairs[2]}/{pairs[3]}/{pairs[4]}",
        "mixed": f"{d[:2]} {d[2:4]}.{d[4:6]} {d[6:8]}.{d[8:]}",
        "quad": f"{d[:4]} {d[4:7]} {d[7:]}",
    }[style]


PHONE_STYLES = ["space", "dot", "nbsp", "compact", "dash", "intl", "intl0", "0033", "intlcompact",
                "intldot", "slash", "mixed", "quad"]


def rphone(kind=None, style=None):
    kind = kind or R.choice(["mobile", "mobile", "fixed", "box"])
    style = style or R.choice(PHONE_STYLES)
    return fmt_phone(phone_digits(kind), style)


U = ("zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
     "seize").split()


def fr(n: int) -> str:
    if n < 17:
        return U[n]
    if n < 20:
        return "dix-" + U[n - 10]
    tens = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
    if n < 70:
        t, u = divmod(n, 10)
        return tens[t] + ("" if u == 0 else (" et un" if u == 1 else "-" + U[u]))
    if n < 80:
        return "soixante et onze" if n == 71 else "soixante-" + fr(n - 60)
    return "quatre-vingts" if n == 80 else "quatre-vingt-" + fr(n - 80)


def spoken_pairs(d: str) -> str:
    words = []
    for i in range(0, len(d), 2):
        pr = d[i:i + 2]
        if pr[0] == "0":
            words.append("zéro " + U[int(pr[1])])
        else:
            words.append(fr(int(pr)))
    return " ".join(words)


def spoken_digits(d: str) -> str:
    return " ".join(U[int(c)] for c in d)


# ---------------------------------------------------------------- dates
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"]
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def rdob(lo=1936, hi=2003):
    return R.randint(lo, hi), R.randint(1, 12), R.randint(1, 28)


def fmt_date(y, m, d, style):
    j = "1er" if d == 1 else str(d)
    return {
        "d/m/yy": f"{d}/{m}/{y % 100:02d}",
        "dd/mm/yyyy": f"{d:02d}/{m:02d}/{y}",
        "dd.mm.yyyy": f"{d:02d}.{m:02d}.{y}",
        "dd-mm-yyyy": f"{d:02d}-{m:02d}-{y}",
        "d.m.yyyy": f"{d}.{m}.{y}",
        "ddmmyyyy": f"{d:02d}{m:02d}{y}",
        "long": f"{j} {MOIS[m - 1]} {y}",
        "month_first": f"{MOIS[m - 1]} {y} le {d}",
        "iso": f"{y}-{m:02d}-{d:02d}",
        "en": f"{MONTHS_EN[m - 1]} {d}, {y}",
        "en_dmy": f"{d:02d}-{MONTHS_EN[m - 1].upper()}-{y}",
        "dd/mm/yy": f"{d:02d}/{m:02d}/{y % 100:02d}",
        "caps": f"{j} {MOIS[m - 1].upper()} {y}",
    }[style]


DOB_FR = ["d/m/yy", "dd/mm/yyyy", "dd.mm.yyyy", "dd-mm-yyyy", "d.m.yyyy", "long", "dd/mm/yy", "ddmmyyyy"]


def spoken_date(y, m, d):
    jj = "premier" if d == 1 else fr(d)
    yy = y % 100
    return f"{jj} {MOIS[m - 1]} {'mille neuf cent ' + fr(yy) if R.random() < 0.5 else fr(yy)}"


def rfuture():
    """A non-birth date (meeting, deadline, delivery) in 2026-2027."""
    y = R.choice([2026, 2026, 2027])
    return y, R.randint(1, 12), R.randint(1, 28)


# ---------------------------------------------------------------- people
F = ["Jeanne", "Marie-Claude", "Aïcha", "Sophie", "Nadia", "Hélène", "Clémence", "Fatoumata",
     "Anne-Sophie", "Maëlle", "Chantal", "Yasmina", "Léa", "Brigitte", "Inès", "Soazig", "Odile",
     "Gwenaëlle", "Khadija", "Élodie", "Marie-Thérèse", "Lina", "Rose-Marie", "Pauline", "Sandrine"]
M = ["Jean-Pierre", "Mamadou", "Thierry", "Karim", "Loïc", "Gaëtan", "François-Xavier", "Hugo",
     "Mehdi", "Patrice", "Rémi", "Bernard", "Youssef", "Jérôme", "Étienne", "Kévin", "Yann",
     "Paul-Henri", "Anthony", "Hervé", "Moussa", "Christophe", "Didier", "Jean-Baptiste", "Nicolas"]
LAST = ["Le Goff", "de La Tour", "N'Diaye", "D'Almeida", "Ben Salah", "Kowalczyk", "Da Silva",
        "Lefèvre-Marchand", "Ould Ahmed", "El Idrissi", "Van der Berghe", "Le Bihan", "Guérin",
        "Ferrand", "Haddad", "Traoré", "Petitjean", "Rousseau-Vidal", "Castelli", "Hoarau", "Payet",
        "Bouchard", "Tessier", "Lemoine", "Giraud", "Benali", "Marchetti", "Poirier", "Delaunay",
        "Cissé", "Ménard", "Kergoat", "Abitbol", "Dos Santos", "Morel", "Le Floc'h", "du Plessis",
        "Mbappé-Nkoulou", "Garnier", "Chevallier", "Bertin", "Lambert", "Quéré", "Ait Ouarab",
        "Nguyen", "Tran", "Pham", "Schmitt", "Wagner", "Couturier", "Lebrun", "Boyer"]
VIET = [("Lan", "Nguyen Thi", "F"), ("Minh", "Tran Van", "M"), ("Hoa", "Pham Thi", "F"), ("Dung", "Le Van", "M")]


def rperson(sex=None):
    sex = sex or R.choice("FM")
    if R.random() < 0.06:
        first, last, sex = R.choice(VIET)
        return sex, first, last, True
    return sex, R.choice(F if sex == "F" else M), R.choice(LAST), False


def initials(first: str) -> str:
    return "-".join(p[0] + "." for p in first.split("-"))


def name(p, style="fl"):
    sex, first, last, viet = p
    if viet:  # Vietnamese order: family name, middle, given name
        full = f"{last} {first}"
        return {"fl": full, "LF": full.upper(), "FL": full, "ALL": full.upper(), "init": full,
                "lower": full.lower(), "Lf": f"{last.upper()} {first}", "last": last.split()[0]}.get(style, full)
    return {
        "fl": f"{first} {last}",
        "LF": f"{last.upper()} {first}",
        "Lf": f"{last.upper()} {first}",
        "FL": f"{first} {last.upper()}",
        "ALL": f"{first} {last}".upper(),
        "LFALL": f"{last} {first}".upper(),
        "init": f"{initials(first)} {last}",
        "lower": f"{last} {first}".lower(),
        "last": last,
        "LAST": last.upper(),
        "first": first,
    }[style]


def civ(p):
    return "Mme" if p[0] == "F" else "M."


def civ_long(p):
    return "Madame" if p[0] == "F" else "Monsieur"


def ne(p):
    return "née" if p[0] == "F" else "né"


def ascii_(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def slug(s: str) -> str:
    return re.sub(r"[^a-z-]", "", ascii_(s).lower().replace(" ", "-")).strip("-")


HOSP_DOM = ["chu-armor.fr", "ch-valdeloire.fr", "chu-exemple.fr", "ghu-seine-est.fr", "ch-cornouaille.fr",
            "chu-garonne.fr"]
PERSO_DOM = ["gmail.com", "orange.fr", "laposte.net", "wanadoo.fr", "free.fr", "hotmail.fr", "yahoo.fr", "sfr.fr"]


def email(p, dom=None, shape=None):
    sex, first, last, viet = p
    f_, l_ = slug(first), slug(last).replace("-", "")
    shape = shape or R.choice(["f.l", "f.l", "fl", "f-l", "i.l", "l.f", "fl99"])
    dom = dom or R.choice(HOSP_DOM)
    local = {"f.l": f"{f_}.{l_}", "fl": f"{f_}{l_}", "f-l": f"{f_}-{l_}", "i.l": f"{f_[0]}.{l_}",
             "l.f": f"{l_}.{f_}", "fl99": f"{f_}.{l_}{R.randint(50, 99)}"}[shape]
    return f"{local}@{dom}"


def obfuscate(e: str, style=None) -> str:
    local, dom = e.split("@")
    style = style or R.choice(["[at]", "(at)", " at ", "[arobase]", " AT DOT"])
    if style == " AT DOT":
        return f"{local} AT {dom.replace('.', ' DOT ')}"
    if style == "[at]":
        return f"{local} [at] {dom}"
    if style == "(at)":
        return f"{local}(at){dom}"
    if style == "[arobase]":
        return f"{local} [arobase] {dom.replace('.', '[.]')}"
    return f"{local} at {dom}"


# ---------------------------------------------------------------- addresses
CITIES = [("75015", "Paris"), ("69008", "Lyon"), ("13005", "Marseille"), ("31400", "Toulouse"),
          ("44000", "Nantes"), ("29200", "Brest"), ("56330", "Pluvigner"), ("29290", "Saint-Renan"),
          ("94000", "Créteil"), ("33700", "Mérignac"), ("38000", "Grenoble"), ("67000", "Strasbourg"),
          ("59000", "Lille"), ("20000", "Ajaccio"), ("20200", "Bastia"), ("97410", "Saint-Pierre"),
          ("35000", "Rennes"), ("80000", "Amiens"), ("87000", "Limoges"), ("25000", "Besançon"),
          ("54000", "Nancy"), ("93100", "Montreuil"), ("56000", "Vannes"), ("63000", "Clermont-Ferrand"),
          ("64000", "Pau"), ("49000", "Angers"), ("97200", "Fort-de-France"), ("22300", "Lannion"),
          ("71100", "Chalon-sur-Saône"), ("04000", "Digne-les-Bains")]
STREETS = ["rue du Docteur-Roux", "rue Pasteur", "avenue Jean-Jaurès", "allée des Acacias",
           "impasse des Lilas", "boulevard Gambetta", "chemin de la Croix-Blanche", "place Victor-Hugo",
           "rue de la République", "quai Saint-Vincent", "rue des Trois-Frères", "avenue du Général-Leclerc",
           "rue Émile-Zola", "route de Quimper", "chemin des Vignes", "rue du Maréchal-Foch",
           "square Marcel-Pagnol", "cours Lafayette", "rue Jean-Moulin", "sentier des Écoliers",
           "rue de l'Abbé-Grégoire", "allée Simone-Veil", "rue du 8-Mai-1945", "résidence du Parc"]
LIEUDIT = ["Kerbiquet", "Le Haut-Bois", "La Métairie Neuve", "Les Granges", "Pen ar Roz", "Le Moulin de Vaux"]
RESID = ["Les Tilleuls", "Le Clos Fleuri", "Les Hauts de Sèvre", "Parc Montaigne", "Les Érables"]


def raddress(shape=None, twoline=False):
    """Return a street address string (possibly with a newline) and the shape tag."""
    cp, city = R.choice(CITIES)
    if R.random() < 0.25:
        city = city.upper()
    n = R.randint(1, 148)
    st = R.choice(STREETS)
    sep = "\n" if twoline else R.choice([", ", " ", " – ", ", "])
    shape = shape or R.choice(["bis", "plain", "resid", "bp", "lieudit", "apt", "abbr", "cedex", "plain",
                               "chez", "nocomma"])
    if shape == "bis":
        a = f"{n} {R.choice(['bis', 'ter', 'B'])}, {st}"
    elif shape == "plain":
        a = f"{n}, {st}" if R.random() < 0.5 else f"{n} {st}"
    elif shape == "resid":
        a = (f"Résidence {R.choice(RESID)}, bât. {R.choice('ABCDE')}, {R.randint(1, 9)}e étage, "
             f"{n} {st}")
    elif shape == "bp":
        a = f"{n} {st}, BP {R.randint(2, 299)}"
    elif shape == "lieudit":
        a = f"{R.choice(['lieu-dit', 'Lieu-dit', 'LIEU-DIT'])} {R.choice(LIEUDIT)}"
    elif shape == "apt":
        a = f"Appt {R.randint(2, 120)}, {n} {st}"
    elif shape == "abbr":
        a = f"{n} {R.choice(['av. du Gal-Leclerc', 'bd Voltaire', 'r. Pasteur', 'pl. de la Mairie', 'chem. des Vignes'])}"
    elif shape == "cedex":
        a = f"{n} {st}, CS {R.randint(10000, 90000)}"
    elif shape == "chez":
        a = f"Bâtiment {R.choice('ABC')}, escalier {R.randint(1, 4)}, {n} {st}"
    else:  # nocomma
        a = f"{n} {st.upper()}"
    tail = f"{cp} {city}"
    if shape == "cedex":
        tail = f"{cp[:2]}{R.randint(0, 9)}{R.randint(0, 9)}{R.randint(1, 9)} {city.upper()} CEDEX {R.randint(1, 9)}"
    return a + sep + tail, shape


# ---------------------------------------------------------------- must-keep pools
COMPANIES = ["B. Braun Medical", "Vygon", "Fresenius Kabi France", "Medtronic France", "Baxter SAS",
             "Air Liquide Santé International", "Coloplast", "Smith & Nephew", "Paul Hartmann SA",
             "Laboratoires Gilbert", "Laboratoire Aguettant", "Pierre Fabre Dermo-Cosmétique", "Guerbet",
             "Stryker France", "Siemens Healthineers", "Lohmann & Rauscher", "Dräger France",
             "Johnson & Johnson Medical", "Mölnlycke Health Care", "Becton Dickinson France", "Getinge",
             "Cair LGL", "Laboratoires Thea", "Dentsply Sirona", "Vivisol France", "Bastide Le Confort Médical"]
BUYERS = ["UniHA", "Resah", "le GHT Armor", "la centrale d'achat CAIH"]
INSTIT = ["Hôpital Henri-Mondor", "Institut Curie", "Hôpital Necker-Enfants malades", "Hôpital européen Georges-Pompidou",
          "Centre Léon-Bérard", "Institut Gustave-Roussy", "Hôpital Bichat-Claude-Bernard", "CHU Charles-Nicolle",
          "Hôpital Édouard-Herriot", "Hôpital Louis-Mourier", "Institut Pasteur", "Hôpital Raymond-Poincaré",
          "Centre Oscar-Lambret", "Institut Paoli-Calmettes", "Hôpital Antoine-Béclère", "Hôpital Paul-Brousse",
          "Hôpital Robert-Debré", "CHU Gabriel-Montpied", "Centre François-Baclesse", "Hôpital Lariboisière",
          "Hôpital Ambroise-Paré", "Fondation Adolphe de Rothschild", "Hôpital Pierre-Zobda-Quitman"]
SCHOOLS = ["lycée Jean-Moulin", "IFSI Charles-Foix", "lycée Marie-Curie", "faculté de médecine Paris-Descartes",
           "IFSI Jeanne-d'Arc", "collège Louise-Michel"]
PRODUCTS = ["cathéters Leadercath 20G", "pansements Mepilex Border 10x10", "seringues BD Plastipak 50 ml",
            "poches Freeflex NaCl 0,9 % 100 ml", "gants nitrile Peha-soft", "sondes Foley CH16",
            "pousse-seringues Perfusor Space", "compresses Stérilux 7,5x7,5", "lits médicalisés Alzheimer Evolution",
            "robinets 3 voies Discofix", "moniteurs IntelliVue MX450", "concentrateurs d'oxygène EverFlo"]
DRUGS = ["pembrolizumab (Keytruda)", "Doliprane 1 g", "enoxaparine (Lovenox 4000 UI)", "amoxicilline/acide clavulanique",
         "nivolumab", "ceftriaxone 1 g", "Humira 40 mg", "insuline glargine", "paracétamol 10 mg/ml", "Opdivo 240 mg"]
REGS = ["article L. 1111-8 du code de la santé publique", "article 9 du RGPD", "méthodologie de référence MR-001",
        "loi Jardé", "article R. 2122-8 du code de la commande publique", "décret n° 2016-1537",
        "article L. 1121-1 du CSP", "référentiel MR-004", "article L. 2125-1 du CCP", "instruction M21",
        "article 1.4 du CCAP", "circulaire DGOS/PF1/2026/12"]


def money(lo=80, hi=90000):
    v = R.uniform(lo, hi)
    s = f"{v:,.2f}".replace(",", " ").replace(".", ",")
    return R.choice([s + " €", s + " € HT", s + " € TTC", "EUR " + s, s + "€"])


def lot():
    return R.choice([f"LOT {R.randint(20, 26)}{R.choice('ABCK')}{R.randint(100, 999)}",
                     f"lot n° {R.randint(1000000, 9999999)}", f"REF {R.randint(1000, 9999)}-{R.randint(10, 99)}",
                     f"réf. {R.choice('ABCXY')}{R.randint(10000, 99999)}"])


def ghm():
    return f"{R.randint(1, 28):02d}{R.choice('CKMZ')}{R.randint(1, 20):02d}{R.choice('1234ABCZ')}"


def ipp():
    return str(R.randint(100000000, 999999999)) if R.random() < 0.6 else str(R.randint(10000000, 99999999))


def nda():
    return R.choice([f"2026{R.randint(100000, 999999)}", f"2025{R.randint(100000, 999999)}",
                     f"{R.randint(600000000, 699999999)}"])


def ddate(fmt=None):
    y, m, d = rfuture()
    fmt = fmt or R.choice(["dd/mm/yyyy", "long", "dd.mm.yyyy", "d/m"])
    if fmt == "d/m":
        return f"{d}/{m}"
    return fmt_date(y, m, d, fmt)


STYLES: Counter = Counter()
RECORDS: list = []


def add(domain, styles, marked):
    RECORDS.append((domain, styles, marked))


# ================================================================ templates: procurement
def t_relance():
    p = rperson()
    co, prod = R.choice(COMPANIES), R.choice(PRODUCTS)
    ph = rphone("fixed")
    sig = R.choice([
        f"{P(name(p, 'fl'))}\nAcheteur·se – Direction des achats et de la logistique\nTél. : {L('PHONE_NUMBER', ph)}\n{L('EMAIL_ADDRESS', email(p))}",
        f"--\n{P(name(p, 'FL'))} | Cellule marchés | {L('PHONE_NUMBER', ph)} | {L('EMAIL_ADDRESS', email(p))}",
        f"Bien à vous,\n{civ(p)} {P(name(p, 'init'))}\nLigne directe {L('PHONE_NUMBER', ph)}",
    ])
    add("procurement", ["email_signature", "non_birth_date", "phone:" + ph[:3]], (
        f"Objet : RE: Relance commande {K('code', 'CDE-' + str(R.randint(2026000, 2026999)))} – {K('product', prod)}\n\n"
        f"Bonjour,\n\nSauf erreur de notre part, la livraison annoncée par {K('company', co)} pour le "
        f"{ddate()} n'est toujours pas arrivée au magasin central. Le bon de commande porte sur "
        f"{R.randint(2, 60)} cartons ({K('code', lot())}) pour un montant de {K('amount', money())}. "
        f"Merci de nous indiquer une date ferme avant le {ddate('long')}, faute de quoi nous appliquerons "
        f"les pénalités prévues à l'{K('regulation', 'article 14.2 du CCAP')}.\n\n{sig}"))


def t_supplier_reply():
    rep, buyer = rperson(), rperson()
    co = R.choice(COMPANIES)
    em = email(rep, dom=slug(co.split()[0]) + "-fr.com")
    ob = obfuscate(em)
    ph = rphone("mobile", R.choice(["intl0", "0033", "intl", "intldot"]))
    add("procurement", ["caps_name", "obfuscated_email", "intl_phone", "siret_keep"], (
        f"Bonjour {civ_long(buyer)} {P(name(buyer, 'last'))},\n\n"
        f"Suite à la rupture sur la référence {K('code', lot())}, {K('company', co)} vous propose un produit de substitution "
        f"({K('product', R.choice(PRODUCTS))}) au même prix unitaire de {K('amount', money(1, 40))}. "
        f"Notre SIRET ({K('siret', siret())}) reste inchangé pour la facturation.\n"
        f"Pour toute question, mon collègue du service clients reste joignable.\n\n"
        f"{P(name(rep, 'ALL'))}\nResponsable grands comptes hôpitaux\nMobile {L('PHONE_NUMBER', ph)}\n"
        f"Mail : {L('EMAIL_ADDRESS', ob)}"))


def t_contacts_md():
    rows = []
    for _ in range(R.randint(3, 5)):
        p = rperson()
        co = R.choice(COMPANIES)
        rows.append(f"| {P(name(p, R.choice(['fl', 'LF', 'FL'])))} | {K('company', co)} | "
                    f"{L('PHONE_NUMBER', rphone(style=R.choice(['space', 'dot', 'nbsp', 'intl'])))} | "
                    f"{L('EMAIL_ADDRESS', email(p, dom=slug(co.split()[0]) + '.com'))} |")
    add("procurement", ["markdown_table", "surname_first"], (
        f"Peux-tu me reformuler ce tableau en un courriel d'invitation à la réunion de lancement du marché "
        f"{K('code', 'n° 2026-AO-' + str(R.randint(10, 99)))} le {ddate('long')} ?\n\n"
        "| Contact | Fournisseur | Téléphone | Courriel |\n|---|---|---|---|\n" + "\n".join(rows)))


def t_cao_pv():
    members = [rperson() for _ in range(4)]
    co1, co2 = R.sample(COMPANIES, 2)
    add("procurement", ["initials", "particle_names", "regulation_keep"], (
        f"Procès-verbal de la commission des marchés du {ddate('long')}\n"
        f"Présents : {civ(members[0])} {P(name(members[0], 'init'))} (président), {civ(members[1])} {P(name(members[1], 'fl'))}, "
        f"Dr {P(name(members[2], 'LF'))}, {civ(members[3])} {P(name(members[3], 'last'))} (secrétaire de séance).\n"
        f"Lot 3 – {K('product', R.choice(PRODUCTS))} : l'offre de {K('company', co1)} ({K('amount', money(20000, 300000))}) "
        f"est classée première devant {K('company', co2)} ({K('amount', money(20000, 300000))}). "
        f"Conformément à l'{K('regulation', R.choice(REGS))}, les candidats évincés seront informés. "
        f"Prochaine séance : {ddate()}."))


HAD_PRODUCTS = ["concentrateur d'oxygène EverFlo", 'lit médicalisé Alzheimer Evolution', 'pousse-seringue Perfusor Space']


def t_had_delivery():
    pat = rperson()
    addr, shape = raddress(R.choice(["resid", "lieudit", "bis", "apt", "chez"]))
    ph = rphone("mobile", R.choice(PHONE_STYLES))
    add("procurement", ["address:" + shape, "patient_id_context", "phone_odd"], (
        f"Bonjour, {K('company', R.choice(['Air Liquide Santé International', 'Vivisol France', 'Bastide Le Confort Médical']))} doit livrer un "
        f"{K('product', R.choice(HAD_PRODUCTS))} "
        f"au domicile de {civ(pat)} {P(name(pat, R.choice(['fl', 'LF'])))} ({R.choice(['IPP', 'IPP n°', 'n° patient'])} {L('PATIENT_ID', ipp())}) "
        f"avant sa sortie prévue le {ddate()}. Adresse de livraison : {L('ADDRESS', addr)}. "
        f"Le livreur doit appeler la fille de la patiente au {L('PHONE_NUMBER', ph)} une heure avant. "
        f"Peux-tu rédiger le bon de commande (compte {K('code', '6066')}, UF {K('code', str(R.randint(1000, 9999)))}) ?"))


def t_forward_header():
    a, b, c = rperson(), rperson(), rperson()
    co = R.choice(COMPANIES)
    ea = email(a, dom=slug(co.split()[0]) + ".com")
    add("procurement", ["email_header", "surname_first", "caps_name"], (
        f"-------- Message transféré --------\n"
        f"De : {P(name(a, 'LF'))} <{L('EMAIL_ADDRESS', ea)}>\n"
        f"Envoyé : {R.choice(['lundi', 'mardi', 'jeudi'])} {ddate('long')} 09:4{R.randint(0, 9)}\n"
        f"À : {P(name(b, 'LFALL'))} <{L('EMAIL_ADDRESS', email(b))}>\n"
        f"Cc : {P(name(c, 'fl'))}\n"
        f"Objet : Révision de prix {K('company', co)}\n\n"
        f"Madame, Monsieur, en application de la clause de révision ({K('regulation', 'article 10.3 du CCAP')}), "
        f"nos tarifs augmenteront de {K('amount', str(R.randint(2, 6)) + ',5 %')} au 1er janvier. "
        f"Le montant annuel estimé passe à {K('amount', money(50000, 400000))}.\n\nQu'en penses-tu ? Faut-il accepter ?"))


def t_interpreter_invoice():
    p = rperson()
    addr, shape = raddress(twoline=True)
    add("procurement", ["letterhead_two_lines", "address:" + shape, "iban_person"], (
        f"{P(name(p, R.choice(['fl', 'ALL'])))}\nInterprète {R.choice(['arabe – français', 'tamoul – français', 'LSF'])}\n"
        f"{L('ADDRESS', addr)}\n{L('PHONE_NUMBER', rphone('mobile'))}\n\n"
        f"FACTURE n° {K('code', 'F2026-' + str(R.randint(100, 999)))}\n"
        f"Destinataire : {K('institution', R.choice(INSTIT))}, service des achats\n"
        f"Prestations d'interprétariat – {R.randint(3, 20)} heures – {K('amount', money(200, 2500))}\n"
        f"TVA non applicable, art. 293 B du CGI\n"
        f"Règlement par virement : {L('IBAN_CODE', fmt_iban(iban_fr(), R.choice(['spaces', 'compact', 'nbsp'])))}\n\n"
        f"→ Est-ce que je peux payer cette facture sans bon de commande ?"))


def t_sample_request():
    p = rperson()
    co = R.choice(COMPANIES)
    addr, shape = raddress(R.choice(["cedex", "bp"]))
    add("procurement", ["address:" + shape, "english_mix", "non_birth_date"], (
        f"Hi, please find below the shipping details for the free samples ({K('product', R.choice(PRODUCTS))}, "
        f"{K('code', lot())}):\nAttn: {P(name(p, R.choice(['fl', 'FL', 'init'])))}, pharmacie à usage intérieur\n"
        f"{K('institution', R.choice(INSTIT))}\n{L('ADDRESS', addr)}\nPhone: {L('PHONE_NUMBER', rphone('fixed', 'intl'))}\n"
        f"Expected delivery before {ddate('iso')}. Kind regards, {K('company', co)} customer service."))


# ================================================================ templates: accounting
def t_csv_expenses():
    lines = ["nom;prenom;matricule;iban;montant;compte"]
    for _ in range(R.randint(3, 5)):
        p = rperson()
        lines.append(f"{P(name(p, 'LAST'))};{P(name(p, 'first'))};{R.randint(10000, 99999)};"
                     f"{L('IBAN_CODE', fmt_iban(iban_fr(), 'compact'))};{K('amount', f'{R.uniform(20, 900):.2f}'.replace('.', ','))};"
                     f"{K('code', R.choice(['6256', '6251', '6257']))}")
    add("accounting", ["csv_semicolon", "caps_name"], (
        f"Voici l'export des frais de déplacement du mois ({K('regulation', 'décret n° 2006-781')}). "
        f"Fais-moi le total par compte et signale les doublons :\n\n" + "\n".join(lines)))


def t_analytic_extract():
    doc = rperson()
    rows = []
    for _ in range(R.randint(3, 5)):
        rows.append(f"{K('code', ghm())};{R.randint(5, 140)};{K('amount', f'{R.uniform(2000, 400000):.2f}'.replace('.', ','))}")
    add("accounting", ["rpps", "ghm_keep", "csv_semicolon"], (
        f"Extraction CREA – pôle {R.choice(['cardiologie', 'chirurgie digestive', 'oncologie', 'pédiatrie'])}, UF {K('code', str(R.randint(1000, 9999)))}\n"
        f"Responsable médical : Dr {P(name(doc, R.choice(['LF', 'fl', 'FL'])))} (RPPS {L('HEALTH_PRO_ID', rpps())})\n"
        f"GHM;nb_sejours;recettes_T2A\n" + "\n".join(rows) +
        f"\nPeux-tu calculer la recette moyenne par séjour et comparer avec l'{K('regulation', 'ENC 2025')} ?"))


def t_debt_recovery():
    p = rperson()
    y, m, d = rdob()
    addr, shape = raddress()
    st = R.choice(DOB_FR)
    add("accounting", ["address:" + shape, "dob:" + st, "patient_id_context"], (
        f"Titre de recettes {K('code', '2026-' + str(R.randint(10000, 99999)))} impayé – relance avant saisie du Trésor public.\n"
        f"Débiteur : {P(name(p, R.choice(['LF', 'FL', 'fl'])))}, {ne(p)} le {L('DATE_OF_BIRTH', fmt_date(y, m, d, st))}\n"
        f"Domicile : {L('ADDRESS', addr)}\n"
        f"{R.choice(['NDA', 'N° de séjour', 'Séjour n°', 'Dossier NDA'])} {L('PATIENT_ID', nda())} – reste à charge {K('amount', money(40, 3000))}\n"
        f"Rédige une lettre de relance amiable (délai de paiement au {ddate()})."))


def t_consultant_fees():
    p = rperson()
    addr, shape = raddress(R.choice(["cedex", "bp", "plain", "abbr"]))
    ib = iban_fr()
    add("accounting", ["rpps", "address:" + shape, "iban_person"], (
        f"Bonjour, je dois mettre en paiement les vacations du Dr {P(name(p, 'fl'))}, praticien attaché "
        f"(RPPS : {L('HEALTH_PRO_ID', rpps())}). Adresse du cabinet : {L('ADDRESS', addr)}. "
        f"Coordonnées bancaires reçues par mail : {L('IBAN_CODE', fmt_iban(ib, R.choice(['spaces', 'dash', 'compact'])))}. "
        f"Montant : {R.randint(4, 20)} vacations à {K('amount', '103,50 €')}. Imputation compte {K('code', '64211')}. "
        f"Peux-tu vérifier que l'IBAN a un format valide ?"))


def t_stay_table_md():
    rows = []
    for _ in range(R.randint(3, 4)):
        p = rperson()
        rows.append(f"| {L('PATIENT_ID', nda())} | {P(name(p, R.choice(['LF', 'Lf', 'ALL'])))} | {K('code', ghm())} | "
                    f"{K('amount', money(900, 45000))} |")
    add("accounting", ["markdown_table", "patient_id_context", "ghm_keep"], (
        "Séjours en attente de facturation (rejets B2) :\n\n| N° séjour | Patient | GHM | Montant |\n|---|---|---|---|\n"
        + "\n".join(rows) + f"\n\nRésume les motifs probables de rejet et propose un plan d'action pour le {ddate('long')}."))


def t_patient_json():
    p = rperson()
    y, m, d = rdob()
    ph = rphone()
    ad, shape = raddress()
    body = (
        '{"nom": "' + P(name(p, "LAST")) + '", "prenom": "' + P(name(p, "first")) + '", '
        '"ddn": "' + L("DATE_OF_BIRTH", fmt_date(y, m, d, R.choice(["iso", "dd/mm/yyyy"]))) + '", '
        '"ipp": "' + L("PATIENT_ID", ipp()) + '", "tel": "' + L("PHONE_NUMBER", ph) + '", '
        '"adresse": "' + L("ADDRESS", ad) + '", '
        '"solde": ' + K("amount", f"{R.uniform(10, 2000):.2f}") + ', "organisme": "' + K("company", R.choice(["MGEN", "Harmonie Mutuelle", "CPAM 29", "Malakoff Humanis"])) + '"}'
    )
    add("accounting", ["json", "address:" + shape], (
        "Le logiciel de facturation renvoie ce JSON, pourquoi le champ solde est-il refusé par la mutuelle ?\n\n" + body))


def t_rib_change():
    p = rperson()
    add("accounting", ["iban_person", "hr_payroll", "nir"], (
        f"Objet : changement de RIB\n\n{civ_long(p)}, je vous prie de bien vouloir verser mon traitement sur mon nouveau compte : "
        f"{L('IBAN_CODE', fmt_iban(iban_fr(), R.choice(['spaces', 'nbsp'])))} (BIC {K('code', R.choice(['CCBPFRPPBRT', 'AGRIFRPP882', 'CMCIFR2A']))}). "
        f"Numéro de sécurité sociale : {L('FR_NIR', fmt_nir(nir_parts(sex='2' if p[0] == 'F' else '1'), R.choice(['spaces', 'compact', 'key'])))}.\n"
        f"Cordialement,\n{P(name(p, R.choice(['fl', 'LF'])))}, {R.choice(['IDE', 'ASH', 'aide-soignant·e', 'manipulateur radio'])} – matricule {R.randint(10000, 99999)}\n\n"
        f"(Question au service paie : faut-il une attestation signée ?)"))


# ================================================================ templates: research
PROMOTERS = ["MSD France", "Bristol Myers Squibb", "AstraZeneca", "Roche SAS", "Servier", "Ipsen Pharma", "Novartis Pharma"]


def t_investigator_mail():
    inv, arc = rperson(), rperson()
    drug = R.choice(DRUGS)
    add("research", ["rpps", "email_signature", "drug_keep", "regulation_keep"], (
        f"Cher Docteur {P(name(inv, 'last'))},\n\nDans le cadre de l'étude {K('code', R.choice(['ONCO-IMM-07', 'CARDIO-HF-2026', 'PEDIA-ASTH-03', 'NEPHRO-K12']))} "
        f"promue par {K('company', R.choice(PROMOTERS))} (traitement : {K('drug', drug)}), "
        f"nous avons besoin de votre numéro RPPS pour finaliser la déclaration des investigateurs conformément à la {K('regulation', 'loi Jardé')}. "
        f"Le centre {K('institution', R.choice(INSTIT))} a bien été ouvert le {ddate()}.\n"
        f"Réponse du Dr {P(name(inv, R.choice(['init', 'fl'])))} : mon RPPS est le {L('HEALTH_PRO_ID', rpps())}.\n\n"
        f"{P(name(arc, 'fl'))}\nAttaché·e de recherche clinique – DRCI\n{L('PHONE_NUMBER', rphone('fixed', R.choice(['dot', 'space', 'nbsp'])))}\n"
        f"{L('EMAIL_ADDRESS', email(arc))}"))


def t_sae_report():
    pat = rperson()
    y, m, d = rdob(1940, 1985)
    age = 2026 - y - (1 if m == 12 or (m == 11 and d > 29) else 0)
    shape = R.choice(["age_ne", "ddn_dots", "month_first", "en_dob", "short"])
    if shape == "age_ne":
        dob = f"{age} ans, {ne(pat)} le {L('DATE_OF_BIRTH', fmt_date(y, m, d, 'dd/mm/yyyy'))}"
    elif shape == "ddn_dots":
        dob = f"DDN : {L('DATE_OF_BIRTH', fmt_date(y, m, d, 'dd.mm.yyyy'))}"
    elif shape == "month_first":
        dob = f"{ne(pat)} en {L('DATE_OF_BIRTH', fmt_date(y, m, d, 'month_first'))}"
    elif shape == "en_dob":
        dob = f"DOB {L('DATE_OF_BIRTH', fmt_date(y, m, d, 'iso'))}"
    else:
        dob = f"{ne(pat)} le {L('DATE_OF_BIRTH', fmt_date(y, m, d, 'd/m/yy'))}"
    add("research", ["dob:" + shape, "patient_id_context", "drug_keep"], (
        f"Déclaration d'EIG – étude {K('code', 'EudraCT 2025-00' + str(R.randint(1000, 9999)) + '-' + str(R.randint(10, 99)))}\n"
        f"Patient : {P(name(pat, R.choice(['LF', 'fl', 'LFALL'])))}, {dob}, IPP {L('PATIENT_ID', ipp())}, "
        f"inclus sous le numéro {K('code', str(R.randint(1, 30)).zfill(2) + '-' + str(R.randint(1, 200)).zfill(3))}.\n"
        f"Événement : neutropénie fébrile de grade 3 survenue le {ddate()} après la cure 4 de {K('drug', R.choice(DRUGS))}. "
        f"Hospitalisation à l'{K('institution', R.choice(INSTIT))}.\n"
        f"Aide-moi à rédiger la narration pour le promoteur en anonymisant correctement."))


def t_cro_english():
    pat, mon = rperson(), rperson()
    y, m, d = rdob(1945, 1990)
    add("research", ["english_mix", "dob:en", "patient_id_context", "nir"], (
        f"Dear site team,\nDuring the remote monitoring visit of {ddate('iso')} I found that the source document uploaded "
        f"for subject {K('code', 'FR-0' + str(R.randint(10, 99)) + '-' + str(R.randint(100, 999)))} is not redacted: it shows "
        f"the name {P(name(pat, R.choice(['ALL', 'fl'])))}, DOB {L('DATE_OF_BIRTH', fmt_date(y, m, d, R.choice(['en', 'iso', 'en_dmy'])))}, "
        f"hospital ID (IPP) {L('PATIENT_ID', ipp())} and social security number "
        f"{L('FR_NIR', fmt_nir(nir_parts(sex='2' if pat[0] == 'F' else '1', yy=f'{y % 100:02d}', mm=f'{m:02d}'), R.choice(['spaces', 'compact'])))}. "
        f"Please re-upload per {K('regulation', 'ICH E6(R3)')} section 2.12.\nBest regards,\n{P(name(mon, 'fl'))}, CRA – {K('company', R.choice(['IQVIA', 'ICON plc', 'Parexel', 'Syneos Health']))}"))


CIC = ["Centre d'investigation clinique de l'Hôpital Cochin", 'CIC Pierre-Drouot', 'CIC Hôpital Louis-Pradel']


def t_volunteer_comp():
    p = rperson()
    y, m, d = rdob(1970, 2004)
    addr, shape = raddress(R.choice(["lieudit", "resid", "bis", "plain", "chez"]))
    nirp = nir_parts(sex="2" if p[0] == "F" else "1", yy=f"{y % 100:02d}", mm=f"{m:02d}", dept=R.choice(["2A", "2B", "29", "974", "75"]))
    add("research", ["nir_spaces", "address:" + shape, "iban_person", "dob"], (
        f"Indemnisation volontaire sain – étude de phase I {K('code', 'PK-' + str(R.randint(100, 999)))} ({K('institution', R.choice(CIC))})\n"
        f"Volontaire : {P(name(p, R.choice(['fl', 'LF'])))}\n"
        f"Né·e le : {L('DATE_OF_BIRTH', fmt_date(y, m, d, R.choice(DOB_FR)))}\n"
        f"N° sécurité sociale : {L('FR_NIR', fmt_nir(nirp, R.choice(['spaces', 'nbsp', 'key'])))}\n"
        f"Adresse : {L('ADDRESS', addr)}\n"
        f"IBAN : {L('IBAN_CODE', fmt_iban(iban_fr(), 'spaces'))}\n"
        f"Montant de l'indemnité : {K('amount', money(300, 4500))} (plafond annuel fixé par l'{K('regulation', 'article R. 1121-11 du CSP')})\n"
        f"Question : ce montant est-il soumis à l'impôt ?"))


def t_screening_csv():
    lines = ["nom;prenom;DDN;IPP;centre;date_selection"]
    for _ in range(R.randint(3, 5)):
        p = rperson()
        y, m, d = rdob(1940, 1995)
        lines.append(f"{P(name(p, 'LAST'))};{P(name(p, 'first'))};{L('DATE_OF_BIRTH', fmt_date(y, m, d, 'dd/mm/yyyy'))};"
                     f"{L('PATIENT_ID', ipp())};{K('institution', R.choice(INSTIT))};{ddate('dd/mm/yyyy')}")
    add("research", ["csv_semicolon", "caps_name", "dob:dd/mm/yyyy", "non_birth_date"], (
        "Journal de pré-sélection (screening log) exporté depuis Excel. Calcule le taux d'éligibilité par centre, "
        "les dates de sélection ne sont pas des dates de naissance :\n\n" + "\n".join(lines)))


def t_monitoring_minutes():
    arc, pi, tec = rperson(), rperson(), rperson()
    add("research", ["initials", "particle_names", "non_birth_date", "lot_keep"], (
        f"Compte rendu de visite de monitoring du {ddate('long')} – {K('institution', R.choice(INSTIT))}\n"
        f"Participants : {P(name(arc, 'init'))} (ARC promoteur), Pr {P(name(pi, R.choice(['fl', 'FL'])))} (investigateur principal), "
        f"{P(name(tec, 'fl'))} (TEC).\n"
        f"Comptabilité des traitements : {K('drug', R.choice(DRUGS))}, {K('code', lot())}, péremption {ddate('dd/mm/yyyy')}. "
        f"Écart de température de 2 h constaté le {ddate()} ; le Pr {P(name(pi, 'LAST'))} a validé la mise en quarantaine.\n"
        f"Prochaine visite prévue le {ddate()}. Reformule ce compte rendu de manière plus synthétique."))


def t_consent_letter():
    pat = rperson()
    addr, shape = raddress(R.choice(PERSONAL_SHAPES), twoline=True)
    y, m, d = rdob(1938, 1980)
    add("research", ["letterhead_two_lines", "address:" + shape, "dob:long"], (
        f"{civ_long(pat)} {P(name(pat, 'FL'))}\n{L('ADDRESS', addr)}\n\n"
        f"Objet : étude {K('code', 'COHORTE-AVC-' + str(R.randint(10, 99)))} – retrait de consentement\n\n"
        f"{civ_long(pat)},\nNous accusons réception de votre courrier du {ddate('long')} par lequel vous retirez votre consentement. "
        f"Conformément à l'{K('regulation', 'article 17 du RGPD')}, les données collectées vous concernant "
        f"({ne(pat)} le {L('DATE_OF_BIRTH', fmt_date(y, m, d, R.choice(['long', 'caps'])))}) ne seront plus utilisées après cette date.\n"
        f"Veuillez agréer, {civ_long(pat)}, l'expression de nos salutations distinguées.\n"
        f"Le délégué à la protection des données, {K('institution', R.choice(INSTIT))}"))


# ================================================================ templates: hr
EMPLOYER_HEAD = ["Direction des ressources humaines\nCentre hospitalier de Cornouaille", "DRH – Pôle carrières\nCHU Armor",
                 "Direction des affaires médicales\nGHU Seine-Est"]


def t_work_certificate():
    p = rperson()
    y, m, d = rdob(1960, 2001)
    st = R.choice(DOB_FR + ["long"])
    addr, shape = raddress()
    nirp = nir_parts(sex="2" if p[0] == "F" else "1", yy=f"{y % 100:02d}", mm=f"{m:02d}")
    add("hr", ["letter", "dob:" + st, "nir", "address:" + shape, "school_keep"], (
        f"{R.choice(EMPLOYER_HEAD)}\n\nATTESTATION EMPLOYEUR\n\n"
        f"Je soussignée, directrice des ressources humaines, atteste que {civ(p)} {P(name(p, R.choice(['LF', 'FL', 'ALL'])))}, "
        f"{ne(p)} le {L('DATE_OF_BIRTH', fmt_date(y, m, d, st))}, demeurant {L('ADDRESS', addr)}, "
        f"n° de sécurité sociale {L('FR_NIR', fmt_nir(nirp, R.choice(['spaces', 'compact', 'dots'])))}, "
        f"titulaire d'un baccalauréat obtenu au {K('institution', R.choice(SCHOOLS))}, est employé·e en qualité "
        f"{R.choice(['d’aide-soignant·e', 'd’infirmier·ère', 'd’agent administratif', 'de technicien·ne de laboratoire'])} depuis le {ddate('dd/mm/yyyy')}.\n"
        f"Fait pour servir et valoir ce que de droit. Corrige les fautes éventuelles."))


def arret():
    m, d = R.randint(1, 12), R.randint(1, 20)
    return f"{d}/{m} au {d + R.randint(3, 8)}/{m}"


def t_sick_leave():
    p, boss = rperson(), rperson()
    ph = rphone("mobile", R.choice(["nbsp", "dot", "slash", "mixed"]))
    add("hr", ["surname_first", "phone_odd", "non_birth_date"], (
        f"Bonjour {P(name(boss, 'first'))},\n{P(name(p, R.choice(['LF', 'Lf', 'LFALL'])))} (équipe de nuit, réa) m'a transmis un arrêt "
        f"de travail du {arret()}. Je n'arrive pas à la joindre sur son portable ({L('PHONE_NUMBER', ph)}). "
        f"Peux-tu m'aider à réorganiser le planning de la semaine {R.randint(2, 50)} pour couvrir ses {R.randint(2, 5)} nuits ? "
        f"Il faudrait aussi prévenir la société d'intérim {K('company', R.choice(['Adecco Medical', 'Appel Médical', 'Randstad Santé']))}."))


def t_candidate_cv():
    p = rperson()
    y, m, d = rdob(1962, 2000)
    age = 2026 - y - (1 if m > 11 else 0)
    addr, shape = raddress(R.choice(["resid", "bis", "apt", "lieudit", "abbr"]))
    em = email(p, dom=R.choice(PERSO_DOM), shape=R.choice(["f.l", "fl99", "l.f"]))
    add("hr", ["cv", "age_and_dob", "address:" + shape, "phone_odd", "school_keep"], (
        f"Peux-tu résumer ce CV en 5 lignes pour la commission de recrutement ?\n\n"
        f"{P(name(p, R.choice(['ALL', 'FL'])))}\n{L('ADDRESS', addr)}\n"
        f"{L('PHONE_NUMBER', rphone('mobile', R.choice(['0033', 'intl0', 'compact', 'dot'])))} – {L('EMAIL_ADDRESS', em)}\n"
        f"{age} ans, {ne(p)} le {L('DATE_OF_BIRTH', fmt_date(y, m, d, R.choice(['d/m/yy', 'dd/mm/yyyy', 'long'])))} – permis B\n\n"
        f"EXPÉRIENCE\n{R.randint(2015, 2020)}–{R.randint(2021, 2026)} : infirmier·ère de bloc, {K('institution', R.choice(INSTIT))}\n"
        f"FORMATION\nDiplôme d'État, {K('institution', R.choice(SCHOOLS))}"))


def t_shift_table():
    rows = []
    for _ in range(R.randint(3, 5)):
        p = rperson()
        rows.append(f"| {P(name(p, R.choice(['LF', 'fl', 'init'])))} | {R.choice(['IDE', 'AS', 'IBODE', 'cadre'])} | "
                    f"{ddate('d/m')} | {L('PHONE_NUMBER', rphone('mobile', R.choice(['space', 'dot', 'nbsp', 'compact'])))} |")
    add("hr", ["markdown_table", "initials", "non_birth_date"], (
        "Astreintes de décembre – merci de vérifier qu'aucun agent n'a plus de 3 astreintes consécutives :\n\n"
        "| Agent | Grade | Date | Portable |\n|:--|:--|:--|:--|\n" + "\n".join(rows)))


def t_hr_json():
    p = rperson()
    y, m, d = rdob(1965, 2002)
    nirp = nir_parts(sex="2" if p[0] == "F" else "1", yy=f"{y % 100:02d}", mm=f"{m:02d}")
    body = ('{"agent": {"nom": "' + P(name(p, "fl")) + '", "date_naissance": "' + L("DATE_OF_BIRTH", fmt_date(y, m, d, "iso")) + '", '
            '"nir": "' + L("FR_NIR", fmt_nir(nirp, "compact")) + '", "email_perso": "' + L("EMAIL_ADDRESS", email(p, dom=R.choice(PERSO_DOM))) + '", '
            '"grade": "' + R.choice(["IDE", "AS", "AMA", "TSH"]) + '", "indice_majore": ' + str(R.randint(350, 700)) + ', '
            '"rpps": null, "service": "UF ' + K("code", str(R.randint(1000, 9999))) + '"}, "statut": "stagiaire"}')
    add("hr", ["json", "dob:iso", "nir_compact"], (
        "L'interface SIRH → paie plante sur cet enregistrement. Peux-tu me dire quel champ pose problème ?\n\n" + body))


def t_doctor_onboarding():
    doc = rperson()
    addr, shape = raddress(R.choice(["cedex", "plain", "bis", "bp"]), twoline=R.random() < 0.5)
    add("hr", ["rpps", "address:" + shape, "initials", "institution_keep"], (
        f"Objet : prise de fonctions – praticien contractuel\n\nLe Dr {P(name(doc, R.choice(['init', 'FL', 'fl'])))} "
        f"(RPPS {L('HEALTH_PRO_ID', rpps())}), précédemment en poste à l'{K('institution', R.choice(INSTIT))}, "
        f"rejoindra le service de {R.choice(['gériatrie', 'médecine interne', 'urgences'])} le {ddate('long')}.\n"
        f"Adresse de correspondance :\n{L('ADDRESS', addr)}\n"
        f"Merci de préparer son contrat selon l'{K('regulation', 'article R. 6152-338 du CSP')} et de demander sa carte CPS."))


def t_disciplinary():
    a, b = rperson(), rperson()
    add("hr", ["particle_names", "caps_name", "email_obfuscated"], (
        f"Je dois répondre à un agent qui conteste un avertissement. Contexte : le {ddate('long')}, "
        f"{civ(a)} {P(name(a, R.choice(['fl', 'FL'])))} a signalé par écrit un comportement inapproprié de "
        f"{civ(b)} {P(name(b, 'ALL'))} envers une patiente. L'agent m'écrit depuis son adresse personnelle "
        f"{L('EMAIL_ADDRESS', obfuscate(email(b, dom=R.choice(PERSO_DOM))))} (il l'a écrite ainsi pour éviter les robots). "
        f"Rappelle-moi la procédure prévue par le {K('regulation', 'décret n° 88-386')} et rédige une réponse neutre."))


# ================================================================ templates: other
def t_transcript():
    p = rperson()
    while p[3]:
        p = rperson()
    y, m, d = rdob(1935, 1975)
    ph = phone_digits("mobile")
    ip = ipp()
    fst = p[2].lower() + " " + p[1].lower()
    add("other", ["speech_to_text", "lowercase_name", "spoken_phone", "spoken_dob", "spoken_id"], (
        f"Transcription automatique du répondeur du secrétariat de {R.choice(['cardiologie', 'rhumatologie', 'consultations mémoire'])} "
        f"(à résumer en une ligne pour le dossier) :\n« oui bonjour c'est {civ_long(p).lower()} {P(fst)} euh j'appelle pour mon rendez-vous "
        f"du {fr(R.randint(2, 28))} décembre je peux pas venir euh je suis {ne(p)} le {L('DATE_OF_BIRTH', spoken_date(y, m, d))} "
        f"mon numéro de dossier c'est le {L('PATIENT_ID', spoken_digits(ip))} vous pouvez me rappeler au "
        f"{L('PHONE_NUMBER', spoken_pairs(ph))} voilà merci au revoir »"))


def t_transcript_mixed():
    p = rperson()
    while p[3]:
        p = rperson()
    ph = phone_digits(R.choice(["mobile", "fixed"]))
    em = email(p, dom=R.choice(PERSO_DOM), shape="f.l")
    local, dom = em.split("@")
    spoken_em = local.replace(".", " point ") + " arobase " + dom.replace(".", " point ")
    add("other", ["speech_to_text", "spoken_email", "surname_first", "lowercase_name"], (
        f"Dictée vocale (Dragon) à remettre en forme :\n« courrier à l'attention de {P(p[2].lower() + ' ' + p[1].lower())} virgule "
        f"joignable au {L('PHONE_NUMBER', ' '.join(ph[i:i + 2] for i in range(0, 10, 2)))} ou par mail {L('EMAIL_ADDRESS', spoken_em)} point "
        f"à la ligne suite à votre demande du {ddate('long')} nous vous adressons le devis de {K('company', R.choice(COMPANIES))} "
        f"pour un montant de {K('amount', str(R.randint(200, 3000)) + ' euros')} point »"))


def t_it_ticket():
    p, tech = rperson(), rperson()
    add("other", ["helpdesk", "caps_name", "phone_extension_mixed"], (
        f"Ticket #{K('code', 'INC' + str(R.randint(100000, 999999)))} – priorité 2\nDemandeur : {P(name(p, R.choice(['LF', 'LFALL'])))} "
        f"({L('EMAIL_ADDRESS', email(p))}), poste {R.randint(4000, 4999)}, portable {L('PHONE_NUMBER', rphone('mobile'))}\n"
        f"Description : impossible d'ouvrir {K('product', R.choice(['DxCare', 'Orbis', 'Easily', 'Crossway']))} depuis la mise à jour du {ddate('dd/mm/yyyy')} "
        f"sur le PC {K('code', 'PC-URG-' + str(R.randint(10, 99)))}. Erreur « certificat CPS expiré ».\n"
        f"Assigné à : {P(name(tech, 'init'))}\nPeux-tu proposer une réponse type à l'utilisateur ?"))


PERSONAL_SHAPES = ["bis", "plain", "resid", "bp", "lieudit", "apt", "abbr", "chez", "nocomma"]


def t_complaint():
    p = rperson()
    addr, shape = raddress(R.choice(PERSONAL_SHAPES), twoline=True)
    y, m, d = rdob(1928, 1962)
    add("other", ["letterhead_two_lines", "address:" + shape, "patient_id_context", "dob", "phone_odd"], (
        f"{P(name(p, R.choice(['fl', 'FL', 'ALL'])))}\n{L('ADDRESS', addr)}\nTél : {L('PHONE_NUMBER', rphone())}\n\n"
        f"À l'attention de la commission des usagers, {K('institution', R.choice(INSTIT))}\n\n"
        f"Objet : réclamation – séjour {R.choice(['NDA', 'n°', 'NDA :'])} {L('PATIENT_ID', nda())}\n\n"
        f"Madame, Monsieur,\nMa mère, {P(name(rperson('F'), 'fl'))}, née le {L('DATE_OF_BIRTH', fmt_date(y, m, d, R.choice(DOB_FR)))}, "
        f"a attendu plus de {R.randint(6, 14)} heures aux urgences le {ddate('long')}. On lui a facturé {K('amount', money(19, 300))} "
        f"de forfait patient urgences alors que... \n\n(Aide-moi à rédiger l'accusé de réception.)"))


CASF = "code de l'action sociale et des familles"


def t_social():
    p = rperson()
    addr, shape = raddress(R.choice(["lieudit", "resid", "chez", "bp", "bis"]))
    nirp = nir_parts(sex="2" if p[0] == "F" else "1", dept=R.choice(["99", "2A", "971", "59"]))
    add("other", ["social_services", "address:" + shape, "nir_spaces", "patient_id_context"], (
        f"Note de l'assistante sociale – {K('institution', R.choice(INSTIT))}\n"
        f"{civ(p)} {P(name(p, R.choice(['LF', 'fl'])))} (IPP {L('PATIENT_ID', ipp())}) sort le {ddate('d/m')} sans solution d'aval. "
        f"Vit seul·e au {L('ADDRESS', addr)}. Droits AME/CSS à vérifier : NIR provisoire {L('FR_NIR', fmt_nir(nirp, R.choice(['spaces', 'nbsp'])))}. "
        f"Contact voisin : {P(name(rperson(), R.choice(['fl', 'last'])))} au {L('PHONE_NUMBER', rphone())}.\n"
        f"Quelles aides puis-je mobiliser (APA, PCH) ? Réponds en citant le {K('regulation', CASF)}."))


def t_ambulance():
    p = rperson()
    addr, shape = raddress(R.choice(["bis", "plain", "abbr", "nocomma", "apt"]))
    y, m, d = rdob(1930, 1960)
    add("other", ["transport", "address:" + shape, "dob:dd.mm.yyyy", "patient_id_context"], (
        f"Bon de transport à reformuler pour {K('company', R.choice(['Ambulances Saint-Christophe', 'Taxi VSL Kernevez', 'Ambulances Jussieu Secours']))} :\n"
        f"Patient {P(name(p, 'LFALL'))} – DDN {L('DATE_OF_BIRTH', fmt_date(y, m, d, R.choice(['dd.mm.yyyy', 'd.m.yyyy', 'dd/mm/yy'])))} – "
        f"n° séjour {L('PATIENT_ID', nda())}\nPrise en charge : {L('ADDRESS', addr)} (digicode {R.randint(1000, 9999)}B)\n"
        f"Destination : {K('institution', R.choice(INSTIT))}, hôpital de jour, le {ddate('long')} à 8 h 30\n"
        f"Retour à domicile prévu vers 16 h. Tél famille : {L('PHONE_NUMBER', rphone('fixed', R.choice(PHONE_STYLES)))}"))


NEG_TEXTS = [
    lambda: (f"Peux-tu comparer les offres de {K('company', 'Paul Hartmann SA')} ({K('amount', money())}) et de "
             f"{K('company', 'Pierre Fabre Dermo-Cosmétique')} ({K('amount', money())}) pour le lot {K('code', lot())} ? "
             f"Le SIRET du second est {K('siret', siret())}. Date limite de remise des offres : {ddate('long')}. "
             f"Rappelle les critères de l'{K('regulation', 'article R. 2152-7 du code de la commande publique')}."),
    lambda: (f"Le {K('institution', 'Centre Léon-Bérard')} et l'{K('institution', 'Institut Gustave-Roussy')} participent à l'étude ; "
             f"le {K('institution', 'Hôpital Henri-Mondor')} rejoindra la cohorte le {ddate()}. Budget prévisionnel : {K('amount', money(100000, 900000))}. "
             f"Traitement : {K('drug', R.choice(DRUGS))}, lot {K('code', lot())}. Rédige une synthèse pour le comité de pilotage."),
    lambda: (f"Quel est le tarif du GHM {K('code', ghm())} en 2026 par rapport à {K('code', ghm())} ? Notre recette sur le pôle est de "
             f"{K('amount', money(1e5, 9e6))} pour {R.randint(200, 4000)} séjours. SIREN de l'établissement : {K('siren', siren())}. "
             f"Cite l'{K('regulation', 'arrêté tarifaire du 27 mars 2026')}."),
    lambda: (f"Rédige une note aux élèves du {K('institution', 'lycée Jean-Moulin')} et de l'{K('institution', 'IFSI Charles-Foix')} "
             f"sur la journée portes ouvertes du {ddate('long')} à l'{K('institution', 'Hôpital Robert-Debré')}. Prévoir un budget traiteur de "
             f"{K('amount', money(300, 3000))} auprès de {K('company', 'Sodexo Santé')}."),
    lambda: (f"Le fournisseur {K('company', 'Becton Dickinson France')} (SIRET {K('siret', siret())}) annonce le rappel des "
             f"{K('product', R.choice(PRODUCTS))}, {K('code', lot())} et {K('code', lot())}, fabriqués entre le {ddate('dd/mm/yyyy')} et le "
             f"{ddate('dd/mm/yyyy')}. Numéro de l'avis ANSM : {K('code', 'R2611-' + str(R.randint(100, 999)))}. Que doit faire la PUI ?"),
    lambda: (f"Fais-moi un tableau comparatif : {K('drug', 'Keytruda 25 mg/ml')} à {K('amount', '2 630,28 €')} le flacon, "
             f"{K('drug', 'Opdivo 240 mg')} à {K('amount', '2 811,00 €')}, commande via {K('company', 'UniHA')} "
             f"(marché {K('code', '2026-UNI-ONC-04')}). Échéance du marché : {ddate('long')}. Téléphone du standard fournisseur non nécessaire."),
]


def t_negative(i):
    add(R.choice(["procurement", "research", "accounting", "other"]), ["no_pii", "keep_only"], NEG_TEXTS[i % len(NEG_TEXTS)]())


TEMPLATES = [t_relance, t_supplier_reply, t_contacts_md, t_cao_pv, t_had_delivery, t_forward_header,
             t_interpreter_invoice, t_sample_request,
             t_csv_expenses, t_analytic_extract, t_debt_recovery, t_consultant_fees, t_stay_table_md, t_patient_json,
             t_rib_change,
             t_investigator_mail, t_sae_report, t_cro_english, t_volunteer_comp, t_screening_csv, t_monitoring_minutes,
             t_consent_letter,
             t_work_certificate, t_sick_leave, t_candidate_cv, t_shift_table, t_hr_json, t_doctor_onboarding,
             t_disciplinary,
             t_transcript, t_transcript_mixed, t_it_ticket, t_complaint, t_social, t_ambulance]


def main():
    for _ in range(4):
        for t in TEMPLATES:
            t()
    for i in range(6):
        t_negative(i)
    handwritten()
    order = list(range(len(RECORDS)))
    R.shuffle(order)
    styles = Counter()
    labels = Counter()
    out = []
    for n, idx in enumerate(order, 1):
        domain, st, marked = RECORDS[idx]
        text, spans, keep = strip(marked)
        assert 100 <= len(text) <= 1500, (len(text), text[:80])
        for s in spans:
            v = text[s["start"]:s["end"]]
            if s["label"] == "FR_NIR" and not v.islower():
                assert nir_ok(v), v
            if s["label"] == "IBAN_CODE":
                assert iban_ok(v), v
            if s["label"] == "HEALTH_PRO_ID":
                assert luhn_ok(v) and len(v) == 11, v
        for k in keep:
            if k["what"] == "siret":
                assert luhn_ok(text[k["start"]:k["end"]])
        styles.update(x.split(":")[0] if x.startswith("phone:") else x for x in st)
        labels.update(s["label"] for s in spans)
        out.append({"id": f"h2-{n:04d}", "domain": domain, "text": text, "spans": spans, "keep": keep})
    for r in out:
        print(json.dumps(r, ensure_ascii=False))
    print(json.dumps({"records": len(out), "labels": dict(labels.most_common()),
                      "keep": dict(Counter(k["what"] for r in out for k in r["keep"]).most_common()),
                      "domains": dict(Counter(r["domain"] for r in out).most_common()),
                      "styles": dict(sorted(styles.items()))}, ensure_ascii=False, indent=1), file=sys.stderr)


def nir_spoken(p):
    sex, yy, mm, dept, commune, order, key = p
    return " ".join([U[int(sex)], fr(int(yy)), spoken_pairs(mm), spoken_pairs(dept) if dept.isdigit() else dept,
                     spoken_digits(commune), spoken_digits(order), "clé " + fr(int(key))])


def handwritten():
    # 1 HR convocation, three-line letterhead address with lieu-dit + BP
    a = ("Jeanne", "Le Gall")
    add("hr", ["letterhead_two_lines", "address:lieudit", "address:bp", "non_birth_date"], (
        f"Mme {P('Jeanne LE GALL')}\n{L('ADDRESS', 'Lieu-dit Kerlann' + chr(10) + 'BP 12' + chr(10) + '29290 SAINT-RENAN')}\n\n"
        f"Lettre recommandée avec AR n° {K('code', '1A 176 432 9981 4')}\n\n"
        f"Objet : convocation à l'entretien préalable\n\nMadame,\nVous êtes convoquée le {ddate('long')} à 14 h, bureau 12 de la DRH, "
        f"en présence de M. {P('J.-P. Morel')}, cadre supérieur de santé. Vous pouvez vous faire assister par un représentant du personnel "
        f"({K('regulation', 'article 4 du décret n° 91-155')}).\n\nReformule ce courrier avec un ton moins sec."))
    # 2 pharmacovigilance, 'née en février 1958 le 3'
    nirp = nir_parts(sex="2", yy="58", mm="02", dept="2A")
    add("research", ["dob:month_first", "nir_corsica", "caps_name", "drug_keep"], (
        f"Déclaration de pharmacovigilance – {K('drug', 'enoxaparine (Lovenox 4000 UI)')}, {K('code', 'lot 6L214')}\n"
        f"Patiente : {P('ORSINI-CASANOVA Marie-Dominique')}, née en {L('DATE_OF_BIRTH', 'février 1958 le 3')} à Ajaccio, "
        f"INS {L('FR_NIR', fmt_nir(nirp, 'spaces'))}, hospitalisée au {K('institution', 'CHU Charles-Nicolle')} (NDA : {L('PATIENT_ID', '2026123456'[:4] + digits(6))}).\n"
        f"Hématome du psoas le {ddate('dd/mm/yyyy')}, anti-Xa à 1,6 UI/ml. Déclarant : Dr {P('Antoine Santoni')}, RPPS {L('HEALTH_PRO_ID', rpps())}.\n"
        f"Classe ce cas selon l'imputabilité française (méthode {K('regulation', 'Bégaud 2011')})."))
    # 3 transcript with spoken NIR
    nirp = nir_parts(sex="1", yy="47", mm="11", dept="29")
    ph = phone_digits("fixed")
    add("other", ["speech_to_text", "spoken_nir", "spoken_phone", "lowercase_name"], (
        "Transcription de l'appel au bureau des entrées (à mettre au propre) :\n"
        f"« alors c'est pour mon père {P('yves kerhervé')} il a été hospitalisé la semaine dernière euh son numéro de sécu c'est "
        f"{L('FR_NIR', nir_spoken(nirp))} et on n'a pas reçu la facture de {K('amount', 'quarante-deux euros')} "
        f"vous pouvez rappeler ma femme madame {P('kerhervé nolwenn')} au {L('PHONE_NUMBER', spoken_pairs(ph))} »"))
    # 4 DIM signature with RPPS, NBSP phone, obfuscated mail, quoted reply
    add("accounting", ["email_signature", "rpps", "phone_nbsp", "obfuscated_email", "quoted_reply", "ghm_keep"], (
        f"Oui, le séjour a été recodé en {K('code', '05K051')} (valorisation {K('amount', '3 412,87 €')}), merci de relancer la facturation.\n\n"
        f"Dr {P('Soazig Kergoat')}\nMédecin DIM – {K('institution', 'Hôpital Pierre-Zobda-Quitman')}\nRPPS {L('HEALTH_PRO_ID', rpps())}\n"
        f"Tél. : {L('PHONE_NUMBER', fmt_phone(phone_digits('fixed'), 'nbsp'))}\n{L('EMAIL_ADDRESS', 'soazig.kergoat [at] chu-exemple.fr')}\n"
        f"Envoyé de mon iPhone\n\n> Le {ddate('long')}, {P('Rémi Bertin')} a écrit :\n> Bonjour Docteur, le séjour {L('PATIENT_ID', nda())} est rejeté "
        f"par la CPAM (GHM {K('code', '05M09T')}). Pouvez-vous vérifier le codage ?"))
    # 5 chat export
    add("other", ["chat_export", "patient_id_context", "caps_name", "surname_first"], (
        "Résume cette conversation Teams pour la relève :\n"
        f"[07:52] {P('Fatoumata Cissé')} : le patient de la 12 c'est bien {P('LE BIHAN Yvon')} ? IPP {L('PATIENT_ID', ipp())}\n"
        f"[07:53] {P('Hugo Marchetti')} : oui, il sort aujourd'hui, sa fille passe le chercher, son num c'est le {L('PHONE_NUMBER', fmt_phone(phone_digits('mobile'), 'compact'))}\n"
        f"[07:55] {P('Fatoumata Cissé')} : ok et le {K('drug', 'Doliprane 1 g')} à 8 h est fait ?\n"
        f"[07:56] {P('Hugo Marchetti')} : fait. Pense à commander les {K('product', 'seringues BD Plastipak 50 ml')}, il en reste 3."))
    # 6 YAML / key-value
    addr, _ = raddress("resid")
    add("research", ["key_value", "yaml", "address:resid", "intl_phone"], (
        "Ce fichier de configuration du e-CRF renvoie une erreur de validation, peux-tu le corriger ?\n\n"
        f"etude: {K('code', 'CARDIO-HF-2026')}\npromoteur: {K('company', 'Servier')}\ncentre: {K('institution', 'Hôpital Édouard-Herriot')}\n"
        f"referent_local: {P('Ben Salah Khadija')}\ntel_referent: \"{L('PHONE_NUMBER', fmt_phone(phone_digits('mobile'), 'intl0'))}\"\n"
        f"adresse_envoi_kits: \"{L('ADDRESS', addr)}\"\nmail: {L('EMAIL_ADDRESS', 'k.bensalah@ch-valdeloire.fr')}\ndate_ouverture: {ddate('iso')}"))
    # 7 TSV on-call doctors with RPPS
    rows = []
    for _ in range(3):
        p = rperson()
        rows.append(f"{P(name(p, 'LF'))}\t{L('HEALTH_PRO_ID', rpps())}\t{L('PHONE_NUMBER', fmt_phone(phone_digits('mobile'), 'dot'))}\t{ddate('d/m')}")
    add("hr", ["tsv", "rpps", "surname_first"], (
        "Copié depuis Excel (tabulations) – liste de garde des médecins remplaçants, peux-tu la trier par date ?\n"
        "Nom\tRPPS\tPortable\tGarde\n" + "\n".join(rows)))
    # 8 refund cheque with particle names
    addr, _ = raddress("bis")
    add("accounting", ["particle_names", "address:bis", "non_birth_date"], (
        f"Remboursement d'un trop-perçu : le chèque de {K('amount', '86,40 €')} adressé à {civ_long(('F',))} {P('Marie-Claude de La Tour')} "
        f"({L('ADDRESS', addr)}) nous est revenu avec la mention « n'habite pas à l'adresse indiquée ». Son fils, {P('Gaspard de La Tour')}, "
        f"nous indique une nouvelle adresse : {L('ADDRESS', '12 bis, rue du Docteur-Roux, 75015 Paris')}. Faut-il émettre un nouveau mandat "
        f"(compte {K('code', '4672')}) ou un virement ? Échéance de clôture : {ddate('long')}."))
    # 9 training sign-up, Vietnamese and apostrophe names
    ND, DA = "N'Diaye Mamadou", "Rose D'Almeida-Fontaine"
    add("hr", ["vietnamese_name", "particle_names", "school_keep", "non_birth_date"], (
        f"Inscrits à la formation AFGSU niveau 2 du {ddate('long')} (salle {K('institution', 'Institut Curie')}, bâtiment B) :\n"
        f"- {P('Nguyen Thi Lan')}, IDE, réanimation\n- {P(ND)}, AS, urgences\n- {P(DA)}, IBODE\n"
        f"- {P('Ould Ahmed Youssef')}, brancardier\n- {P('M.-C. Van der Berghe')}, sage-femme\n"
        f"Coût pédagogique : {K('amount', '185 € par agent')} (organisme {K('company', 'CESU 29')}). Rédige le mail de convocation."))
    # 10 visitor register
    add("procurement", ["register", "initials", "caps_name", "phone_odd"], (
        "Registre des visites fournisseurs au bloc (à vérifier : chacun avait-il un rendez-vous ?) :\n"
        f"{ddate('d/m')} – M. {P('J.-P. MOREL')} ({K('company', 'Medtronic France')}) – {L('PHONE_NUMBER', fmt_phone(phone_digits('mobile'), 'intl0'))} – démonstration {K('product', 'agrafeuse Signia')}\n"
        f"{ddate('d/m')} – Mme {P('A. BEN SALAH')} ({K('company', 'Stryker France')}) – {L('PHONE_NUMBER', fmt_phone(phone_digits('mobile'), 'slash'))}\n"
        f"{ddate('d/m')} – {P('Thomas Le Goff')} ({K('company', 'Johnson & Johnson Medical')}) – sans rendez-vous\n"
        f"Rappel : {K('regulation', 'charte de déontologie achats, article 6')}."))
    # 11 judicial requisition, Corsica NIR 2B and DOB short
    nirp = nir_parts(sex="1", yy="71", mm="06", dept="2B")
    add("other", ["legal_request", "nir_corsica", "dob:d/m/yy", "patient_id_context"], (
        f"Le commissariat nous adresse une réquisition (article {K('regulation', '60-1 du code de procédure pénale')}) concernant "
        f"M. {P('Paul-Antoine ALBERTINI')}, né le {L('DATE_OF_BIRTH', '4/6/71')} à Bastia, NIR {L('FR_NIR', fmt_nir(nirp, 'compact'))}, "
        f"qui aurait été admis aux urgences la nuit du {ddate('d/m')} (IEP {L('PATIENT_ID', nda())}). Quelles informations avons-nous le droit de transmettre "
        f"sans l'accord du patient ? Réponds en citant le {K('regulation', 'secret professionnel (article L. 1110-4 du CSP)')}."))
    # 13 long procurement thread
    a, b, c = ("F", "Gwenaëlle", "Le Bihan", False), ("M", "Karim", "Ben Salah", False), ("M", "Paul-Henri", "du Plessis", False)
    add("procurement", ["long", "email_thread", "quoted_reply", "email_signature", "intl_phone", "non_birth_date", "siret_keep"], (
        "Peux-tu me faire une synthèse de cet échange et me dire si on peut passer commande hors marché ?\n\n"
        f"De : {P('Gwenaëlle LE BIHAN')} <{L('EMAIL_ADDRESS', email(a, dom='chu-armor.fr', shape='f.l'))}>\n"
        f"À : {P('Karim Ben Salah')} <{L('EMAIL_ADDRESS', 'karim.bensalah@coloplast-exemple.com')}>\n"
        f"Objet : RE: RE: Devis {K('product', 'poches de stomie SenSura Mio')}\n\n"
        f"Bonjour Monsieur {P('Ben Salah')},\nMerci pour le devis n° {K('code', 'DV-26-0914')} de {K('amount', '18 742,50 € HT')}. "
        f"Notre marché avec {K('company', 'Coloplast')} (SIRET {K('siret', siret())}) arrive à échéance le {ddate('long')} et le nouveau "
        f"marché {K('company', 'UniHA')} ne démarrera qu'au {ddate('long')}. Le seuil de {K('amount', '40 000 € HT')} prévu à l'"
        f"{K('regulation', 'article R. 2122-8 du code de la commande publique')} n'est pas dépassé sur la période, mais notre contrôleur de gestion, "
        f"M. {P('P.-H. du Plessis')}, demande une justification écrite du besoin.\nPouvez-vous également confirmer les délais ? "
        f"Le service de chirurgie digestive (UF {K('code', '2310')}) est en rupture depuis le {ddate('dd/mm/yyyy')}.\n\n"
        f"Cordialement,\n{P('Gwenaëlle Le Bihan')}\nAcheteuse DM – {K('institution', 'CHU Armor')}\n"
        f"Tél. {L('PHONE_NUMBER', fmt_phone(phone_digits('fixed'), 'nbsp'))} – portable {L('PHONE_NUMBER', fmt_phone(phone_digits('mobile'), 'intl0'))}\n\n"
        f"> De : {P('Karim Ben Salah')}\n> Envoyé : {ddate('long')}\n> Bonjour Madame {P('Le Bihan')}, veuillez trouver ci-joint notre meilleure offre "
        f"pour {R.randint(400, 900)} boîtes de {K('product', 'SenSura Mio Convex')} ({K('code', 'réf. 16' + digits(3))}). Livraison sous 72 h "
        f"depuis notre plateforme de Lisses. Je reste joignable au {L('PHONE_NUMBER', fmt_phone(phone_digits('mobile'), '0033'))}.\n"
        f"> {P('Karim BEN SALAH')} – Key Account Manager Hôpitaux Grand Ouest – {K('company', 'Coloplast')}"))
    # 14 long research correspondence
    pt = ("F", "Yasmina", "El Idrissi", False)
    y, m, d = 1961, 9, 14
    add("research", ["long", "protocol_correspondence", "rpps", "dob:dd/mm/yy", "patient_id_context", "nir_nbsp", "regulation_keep"], (
        f"Objet : Étude {K('code', 'IMMUNO-LUNG-2026')} – demande de dérogation au critère d'inclusion n° 7\n\n"
        f"Cher Professeur {P('Hervé Marchetti')},\n\nEn tant qu'investigateur principal pour le {K('institution', 'Centre Léon-Bérard')}, "
        f"je sollicite une dérogation pour la patiente {P('EL IDRISSI Yasmina')} (IPP {L('PATIENT_ID', ipp())}, {ne(pt)} le "
        f"{L('DATE_OF_BIRTH', fmt_date(y, m, d, 'dd/mm/yy'))}), dont la clairance de la créatinine est à 42 ml/min alors que le protocole "
        f"(version 3.0 du {ddate('long')}) exige 45 ml/min. Elle a déjà reçu {K('drug', 'pembrolizumab (Keytruda)')} en première ligne "
        f"sans toxicité rénale. Sa carte Vitale porte le numéro "
        f"{L('FR_NIR', fmt_nir(nir_parts(sex='2', yy='61', mm='09', dept='13'), 'nbsp'))} ; le promoteur {K('company', 'AstraZeneca')} "
        f"nous demande de ne jamais transmettre ce numéro, merci donc de le retirer avant tout envoi.\n\n"
        f"Je rappelle qu'aucune dérogation n'est normalement admise au titre des {K('regulation', 'Bonnes pratiques cliniques (décision du 30 novembre 2006)')} "
        f"et de la {K('regulation', 'méthodologie de référence MR-001')} ; la décision reviendra au comité de pilotage du {ddate('long')}.\n\n"
        f"Bien confraternellement,\nDr {P('Loïc Kergoat')}\nOncologue médical, RPPS {L('HEALTH_PRO_ID', rpps())}\n"
        f"Secrétariat : {L('PHONE_NUMBER', fmt_phone(phone_digits('fixed'), 'dot'))} – {L('EMAIL_ADDRESS', 'loic.kergoat(at)chu-exemple.fr')}\n\n"
        f"Peux-tu rédiger une version en anglais de cette demande pour le promoteur ?"))
    # 12 English DOB in procurement context (implant registry)
    add("procurement", ["english_mix", "dob:iso", "patient_id_context", "lot_keep"], (
        f"Implant card to send to {K('company', 'Stryker France')} for the recall of {K('product', 'Exeter V40 femoral stems')} ({K('code', 'LOT 24K118')}):\n"
        f"Patient name: {P('Bernadette QUÉMÉNEUR')}\nDOB {L('DATE_OF_BIRTH', '1958-02-03')}\nHospital no.: {L('PATIENT_ID', ipp())}\n"
        f"Surgeon: Dr {P('Y. Le Moal')}\nDate of surgery: {ddate('iso')}\nPlease tell me which fields the supplier really needs."))


if __name__ == "__main__":
    main()
