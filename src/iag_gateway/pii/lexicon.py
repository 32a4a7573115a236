"""Word lists the person detector leans on: given names, titles, acronyms, company words.

All lists are written by hand from general knowledge of French usage; they are
generic (no value taken from any evaluation corpus). Lookups go through
``fold`` so accents and case do not matter.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def _words(text: str) -> list[str]:
    return text.split()


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower-case and strip accents, so « Hélène », « HELENE » and « helene » compare equal."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


_FIRST_NAMES = _words(
    "aaron abdel abdelkader abdallah abdou abdoulaye abel achille adam adèle adeline adrien adrienne "
    "agathe agnès ahmed aicha aïcha aimé aimée alain alban albert alberte albin alexandra alexandre "
    "alexandrine alexis alfred alice alicia aline alix aliya alphonse amandine amaury ambre amédée "
    "amélie amine amir anaïs anatole andré andrée ange angèle angélique anissa anne annabelle annette "
    "annick annie anouk anthony antoine antoinette antonin antonio apolline arianne ariane arlette "
    "armand armelle arnaud arthur astrid aude audrey augustin auguste aurèle aurélie aurélien aurore "
    "axel axelle aymeric baptiste barbara bastien béatrice benjamin benoît benoit bérénice bernadette "
    "bernard berthe bertrand blanche blandine boris brigitte bruno camille capucine carine carla "
    "carole caroline cassandre catherine cécile cédric céline chantal charles charlotte chloé "
    "christelle christian christiane christine christophe claire clarisse claude claudine clément "
    "clémence clémentine clothilde clotilde colette coline colin constance corentin corinne cyril "
    "cyrille damien daniel danielle david davy delphine denis denise didier dimitri diane djamel "
    "dominique dorothée édith edmond édouard eléonore éléonore eliane éliane élie élise elisa "
    "élisabeth elisabeth ella élodie éloïse elsa émeline émile émilie emma emmanuel emmanuelle enzo "
    "éric erwan estelle ethan étienne eugène eugénie eva éva evelyne éveline fabien fabienne fabrice "
    "fanny farid fatima fatiha fatou fatoumata félix fernand fernande flavie florence florent florian "
    "francine francis franck françois françoise frédéric frédérique gabriel gabrielle gaël gaëlle "
    "gaétan gaëtan gaspard gauthier geneviève georges georgette gérald gérard géraldine germain "
    "germaine ghislaine gilbert gilberte gilles ginette gisèle grégoire grégory guillaume guy "
    "guylaine hakim halima hamid hannah hassan hector hélène henri henriette hervé hubert hugo hugues "
    "ibrahim ilan inès ingrid irène isaac isabelle jacqueline jacques jade jamel jasmine jean jeanne "
    "jeannine jérémie jérémy jérôme joël joëlle johan johanna jonathan jordan joseph josèphe "
    "joséphine josette josiane jules julia julie julien juliette justine karim karima karine katia "
    "kevin kévin khadija laetitia laëtitia lamia laura laure laurence laurent laurine léa léo léon "
    "léonard léonie léna lilian liliane lina lionel lisa lise loïc lola lorraine louis louise luc "
    "luca lucas lucie lucien lucienne lucile lucille ludovic lydie lydia madeleine maël maëlle maëlys "
    "magali maïté malik manon marc marceau marcel marcelle margaux margot marguerite maria marianne "
    "marie mariette marin marina marine marion marius marjorie marthe martin martine maryse mathéo "
    "mathias mathieu mathilde matthieu maud maurice maxence maxime maximilien mehdi mélanie mélissa "
    "michaël michel micheline michèle michelle mickaël mireille mohamed mohammed monique morgane "
    "mounir muriel myriam nadège nadia nadine nathalie nathan nicolas nicole nina noah noé noël "
    "noémie norbert océane octave odette odile olivia olivier omar ophélie orlane pascal pascale "
    "patrice patricia patrick paul paule paulette pauline perrine philippe pierre pierrette quentin "
    "rachel rachid raphaël raphaëlle raymond raymonde rayan rémi rémy renaud rené renée richard "
    "robert roger roland romain romane rose rosalie roseline sabine sabrina salomé samia samir samuel "
    "sandra sandrine sarah sébastien serge séverine sidonie simon simone solange solène sophie "
    "stéphane stéphanie suzanne suzette sylvain sylvie sylviane tatiana téo théo théodore théophile "
    "thérèse thibault thibaut thierry thomas timothée tristan valentin valentine valérie vanessa "
    "véronique victor victoire victoria vincent violette virginie vivien viviane xavier yann yannick "
    "yasmine yassine yves yvette yvonne youssef zoé zohra bernardette marcelline gustave firmin "
    "honoré hortense jules-henri léopold lazare margot noëlle nestor oscar paulin prosper rodolphe "
    "sacha sophia thaïs ulysse valère wilfried yolande "
)

# regional French, Maghreb, West-African, English, European and Asian given names met in a
# French hospital's staff, patients and suppliers' correspondence
_MORE_FIRST_NAMES = _words(
    "gwenaël gwenaëlle gwendal gwendoline gwladys erwann ewen goulven katell klervi loïg maïwenn "
    "morgan nolwenn ronan soizic solenn tanguy tifenn tugdual yannig yvon yvonnick enora elouan "
    "ségolène bérangère blanche-marie gaëtane léandre mathurin clotaire baptistin florestan ambroise "
    "anatole augustine célestin célestine eudes hélios héloïse isabeau lison loïs oriane sixtine "
    "sylvère valériane ysaline bartholomé thibaud tiphaine anselme aristide barnabé côme cyprien "
    "désiré eloi éloi faustine gonzague hermine hippolyte jehanne joachim josselin leandre "
    "marius-jean oscar philomène quitterie romy séraphin séraphine tancrède venceslas wandrille "
    "apolline bertille domitille ombeline pétronille "
    "nawel leïla leila yasmina amel amina aminata awa aïssatou fatoumata mariama oumou binta "
    "kadiatou mamadou moussa ousmane seydou souleymane idrissa boubacar cheikh modibo kofi kwame "
    "abdelaziz abdelhak abderrahmane ali bilal driss faycal fayçal hicham hocine issam kamel khaled "
    "lakhdar mourad nabil nacer nassim nordine rachida redouane riad saïd said sofiane sofia soufiane "
    "tarek walid yacine yanis yazid zakaria zineb nadir nour nora naïma naima houria latifa malika "
    "meriem myriem samira sihem wassila yamina djamila farida fadila hafida kenza salma "
    "inês joão joana rui nuno tiago miguel carlos diego pablo sergio javier alejandro lucía lucia "
    "carmen pilar dolores mercedes giulia giovanni giuseppe francesco matteo alessandro chiara "
    "federica lorenzo marco paolo stefano elena beatriz "
    "hans jürgen klaus wolfgang stefan uwe dieter helmut katrin ursula heike sabine gudrun "
    "sebastiaan pieter joost maarten willem anouk femke lotte sanne "
    "tadeusz krzysztof wojciech piotr agnieszka katarzyna małgorzata magdalena dorota ewa jan "
    "ivan dmitri sergei natalia olga irina svetlana "
    "priya anjali arjun rahul ravi sanjay deepak sunita lakshmi aditya "
    "wei li ming hua mei lin yan jun hiroshi yuki kenji akiko "
    "james john robert michael william david richard joseph charles thomas christopher daniel matthew "
    "anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward "
    "jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin "
    "samuel gregory frank alexander raymond patrick jack dennis jerry tyler aaron jose adam henry "
    "nathan douglas zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald "
    "carl terry sean austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie "
    "gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip "
    "johnny oliver harry rupert gareth nigel colin graham simon neil trevor desmond declan ciaran "
    "bradley liam connor callum rhys owen dylan hamish angus fergus "
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty "
    "margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah "
    "stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela "
    "nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria "
    "heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith "
    "megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice "
    "jean alice madison doris abigail julia judy grace denise amber marilyn beverly danielle "
    "theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla eleanor "
    "harriet fiona gemma siobhan niamh aoife bridget imogen philippa penelope naomi rosalind "
    "abigail gwen bethany chloe holly poppy "
)

# West- and Central-African, Malagasy, South-Asian, East-Asian, Hispanic and Nordic given names, so
# that a name written without a title (« from Priyanka Venkataraman ») is still seen
_WORLD_FIRST_NAMES = _words(
    "abena adaeze adebayo adenike adewale adwoa afia akosua akissi akua ama amadou amara amina "
    "ayodele babajide bintou chiamaka chidi chidinma chinedu chinonso chioma chukwuemeka "
    "efua emeka esi folake funmilayo ifeoma ikechukwu kwabena kwadwo kwaku kwesi ngozi nkechi "
    "nnamdi obinna olamide olawale olufemi olumide oluwaseun oluwatobi segun temitope tunde "
    "uchenna yaa yaw yao koffi kouassi kouadio adjoua affoué aya brou n'golo siaka salif seydina "
    "sekou sékou lassana drissa bakary bakari mamadi youssouf yacouba hamidou ibrahima ousmane "
    "oumar rokia mariam assetou kadidia aminata djeneba djénéba hawa fanta sokhna ndeye ndèye "
    "coumba khady mame astou babacar cheikhou lamine pape modou alioune sidy rama mbaye "
    "hery fara tiana rivo mamy njaka haja lalaina "
    "priyanka ayaan aarav vivek vikram rajesh suresh ramesh anil sunil amit rohit nikhil "
    "kavita pooja neha divya shreya ananya meera geeta sita parvati nandini sanjana "
    "haruto yui sota hina riku aoi yuto sakura ren mio takeshi hiroko naoko keiko yoko "
    "min-jun seo-yeon ji-ho ji-woo jisoo minji hyun woo-jin "
    "thanh minh lan huong hoa thu mai linh tuan duc hung quang phuong ngoc trang "
    "wen-hao mingzhe lifen xiaoming xiaoling jian jing hui fang yu-ting chun "
    "paloma esperanza guadalupe consuelo rocío rocio inmaculada montserrat itziar ainhoa "
    "iñaki aitor unai xabier joaquín joaquin rodrigo santiago mateo valentina camila "
    "ingeborg solveig sigrid astrid bjørn björn lars nils sven gunnar henrik magnus "
)
FIRST_NAMES: frozenset[str] = frozenset(
    fold(name) for name in _FIRST_NAMES + _MORE_FIRST_NAMES + _WORLD_FIRST_NAMES
)

# East-Asian family names, written before the given name (« Nguyen Van Long », « Zhao Lifen »);
# words that are also French words (le, ho, do, ma) are left out
FAMILY_NAMES_FIRST: frozenset[str] = frozenset(
    _words(
        "nguyen tran pham hoang huynh phan vu vo dang bui ngo duong truong dinh trinh doan "
        "wang zhang liu chen yang huang zhao zhou xu sun zhu guo luo liang song zheng xie "
        "han feng deng cao peng zeng xiao tian dong yuan pan jiang cai yu wu "
        "kim park choi jung jeong kang cho yoon jang shin "
        "sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada"
    )
)

# words that open a letter or a message and come before a name: « Bonjour Claire, », « Hi Tom »
GREETINGS = r"bonjour|bonsoir|salut|coucou|cher|ch[èe]re|chers|ch[èe]res|dear|hi|hello|hey"

# lower-case words that may sit inside a name: « Marie de La Tour », « Sebastiaan van der Meulen »
NAME_PARTICLES: frozenset[str] = frozenset(
    _words(
        "de du des d' d’ le la da di del della van von der den ter ten ben bin el al ait aït mac dos das do"
    )
)
#: The particles written as words (not « d' »), as a regular-expression alternation, longest
#: first: the one list the name recognizers read (« van der Berg », « dos Santos », « ter Horst »).
PARTICLE_WORDS = "|".join(
    sorted((p for p in NAME_PARTICLES if "'" not in p and "’" not in p), key=lambda p: (-len(p), p))
)

# given names that are also everyday French words: trusted only when capitalised
AMBIGUOUS_FIRST_NAMES: frozenset[str] = frozenset(
    fold(word)
    for word in _words(
        "ange aimé aimée ambre blanche claire constance france grâce jade lise margot marin martin noël "
        "olive pierre rose prosper rené salomé victoire violette guy colin "
        "eloi côme mark will bill jack frank grant amber holly hope joy may june april august "
        "john carol wei li ming hua mei lin yan jun ali said nour ewa jan ravi "
        "mai lan hoa thu minh linh ren rama fara haja mamy aya hawa hui jing mio sita esi aoi hina fang "
        "chun hung duc pape mame rivo ama yaa yaw amara hyun tiana sakura lamine ren santiago "
    )
)

TITLES = (
    r"M\.|MM\.|Mr\.?|Mrs\.?|Ms\.?|Mme|Mmes|Mlle|Mlles|Madame|Monsieur|Mademoiselle|Messieurs|"
    r"Dr\.?|Drs?\.?|Docteur|Docteure|Pr\.?|Prof\.?|Professeur|Professeure|Me|Maître|Sir|Miss|Doctor"
)

# upper-case words that are acronyms, not surnames
ACRONYMS: frozenset[str] = frozenset(
    _words(
        "AP HP APHP ARS ATIH CCAG CCAP CCTP CDD CDI CE CH CHR CHS CHU CHRU CIM CNIL CNAM CPAM CSV CNOM "
        "DAF DG DGOS DIM DMP DPI DPO DRCI DRH DSI EHPAD EPRD ETP EUR FINESS GCS GHM GHS GHT HAS HCL HT "
        "IBAN ID IDE INS INSEE IPP IRM JO JOUE MCO MRN NDA NIR OK PACS PDF PMSI PUI RGPD RH RIB RPPS SAMU "
        "SAS SARL SIREN SIRET SMUR SSR TTC TVA UE UF UHCD URSSAF USA USLD CEO CFO CTO HR IT QA RSI TEL "
        "TÉL URGENT RE TR FW FWD NB PS CC CCI BCC TO FROM OBJET CR CRH BOAMP DCE DUME AAPC MAPA AO RC BPU "
        "DQE DPGF CSP CNRS INSERM ANSM COVID SIDA VIH ECG EEG TDM PET SA SNC EURL GIE SCI SEL SELARL OPH "
        "ORL ICU UCI ESMS IFSI MERCI DUPLICATA "
    )
)

# words that, right after a capitalised pair, mark it as a company rather than a person
COMPANY_WORDS: frozenset[str] = frozenset(
    fold(word)
    for word in _words(
        "medical médical medicale médicale healthcare health pharma pharmaceuticals pharmaceutique "
        "laboratoires laboratoire labs sa sas sasu sarl eurl snc gmbh ag inc ltd llc plc group groupe "
        "france industrie industries santé technologies technology systems solutions diagnostics services "
        "international europe biotech biomedical biomédical scientific instruments surgical care associés "
        "consulting conseil logistique distribution software electronics électronique corporation corp co "
        "company "
    )
)

# words that introduce a company name: a spaCy PER guess right after them is dropped
COMPANY_CUES = (
    r"soci[ée]t[ée]|entreprise|laboratoires?|fournisseurs?|titulaire|attributaire|prestataires?|"
    r"candidats?|groupement|marque|fabricant|industriels?|sponsor|promoteur|suppliers?|vendors?|company|"
    r"soutenu\s+par|financ[ée]e?\s+par|consult[ée]s?|contrat|commande|march[ée]|offres?|"
    r"appel\s+d['’]offres|lot|devis|facture|sous-traitant|distributeur|partenaire"
)

# capitalised words that start sentences or name things, never a surname next to a given name
NOT_SURNAMES: frozenset[str] = frozenset(
    fold(word)
    for word in _words(
        "bonjour bonsoir merci cordialement madame monsieur le la les un une des de du et ou pour par sur "
        "avec dans contact service pôle hôpital centre université institut clinique unité direction cher "
        "chère chers lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai "
        "juin juillet août septembre octobre novembre décembre objet réf référence note patient patiente "
        "agent docteur professeur achats équipe team pharmacie comptabilité secrétariat accueil "
        "support admissions facturation cellule bureau département department office staff lyon paris "
        "france europe saint sainte rue avenue boulevard place quai "
        "hello hi dear thanks regards nom prénom prénoms surname firstname "
    )
)

# lower-case words a title may precede that are roles, not surnames: « monsieur le directeur »
ROLE_WORDS: frozenset[str] = frozenset(
    fold(word)
    for word in _words(
        "directeur directrice président présidente responsable chef cheffe cadre maire ministre associé "
        "associée agrégé agrégée émérite honoraire adjoint adjointe titulaire stagiaire interne externe "
        "remplaçant remplaçante veuve épouse vve référent référente coordonnateur coordinatrice "
        "investigateur investigatrice praticien praticienne pharmacien pharmacienne ingénieur ingénieure "
        "the and who from "
    )
)

# nouns naming someone's role or tie, after which a capitalised word is that person's name even
# when no lexicon knows it: « l'infirmière Ysolde », « sa fille Maëlys », « the nurse Ysolde »
ROLE_NOUNS: frozenset[str] = frozenset(
    fold(word)
    for word in _words(
        "infirmier infirmière ide aide-soignant aide-soignante secrétaire interne externe cadre "
        "collègue patient patiente médecin docteur chirurgien chirurgienne anesthésiste pharmacien "
        "pharmacienne préparateur préparatrice kiné kinésithérapeute ergothérapeute orthophoniste "
        "psychologue diététicien diététicienne sage-femme assistant assistante acheteur acheteuse agent "
        "technicien technicienne manipulateur manipulatrice brancardier brancardière stagiaire "
        "directeur directrice responsable référent référente gestionnaire juriste ingénieur "
        "ingénieure coordinateur coordinatrice coordonnateur coordonnatrice investigateur "
        "investigatrice praticien praticienne biologiste radiologue cardiologue pédiatre gériatre "
        "urgentiste résident résidente fils fille mère père époux épouse mari femme frère soeur sœur "
        "conjoint conjointe tuteur tutrice voisin voisine ami amie "
        "nurse colleague doctor surgeon pharmacist secretary buyer manager son daughter wife husband"
    )
)
