"""Personal data in pasted CSV/TSV rows, recognised by the column header above them.

A row such as ``12345678;MARTIN;Léa;06...`` carries no context words; its
header line (``ipp;nom;prénom;tél``) does. Every cell under a personal-data
column is reported with that column's label.
"""

from __future__ import annotations

import re
import string
from typing import ClassVar

from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from iag_gateway.pii.lexicon import fold

_COLUMNS = {
    "PERSON": "nom prenom nomprenom prenomnom nomdenaissance nomdusage nomusage nomcomplet name firstname "
    "lastname surname givenname fullname patient patiente agent contact medecin praticien beneficiaire "
    "interlocuteur referent investigateur patientname nompatient patientnom contactname demandeur "
    "demandeuse requester requestedby acheteur acheteuse buyer signataire redacteur auteur author "
    "investigator initiales initials patientinitials subjectinitials",
    "FR_NIR": "nir ins nss numsecu numerosecu securitesociale numerodesecuritesociale matriculeins insee ssn",
    "PHONE_NUMBER": "tel telephone portable mobile phone telephonenumber phonenumber gsm fixe",
    "EMAIL_ADDRESS": "email mail courriel adressemail adresseemail emailaddress",
    "IBAN_CODE": "iban rib",
    "ADDRESS": "adresse address adressepostale domicile adresseducomicile adressedudomicile streetaddress "
    "adressepatient complementadresse",
    "DATE_OF_BIRTH": "ddn datenaissance datedenaissance naissance dob birthdate dateofbirth nele nee",
    "PATIENT_ID": "ipp nda mrn sejour numsejour numerosejour numerodesejour dossier numdossier numerodossier "
    "venue patientid idpatient identifiantpatient hospitalnumber hospitalno hospitalid medicalrecordnumber",
    "HEALTH_PRO_ID": "rpps adeli idnps numrpps",
}

# the ASCII letters, deleted by ``bytes.translate`` to count them in a cell of prose (C speed)
_ASCII_LETTERS = string.ascii_letters.encode()

# columns that belong to an address only in a table that has an address column
_ADDRESS_PARTS = (
    "cp codepostal postcode zipcode zip ville commune city town localite bureaudistributeur complement"
)


class CsvColumnRecognizer(LocalRecognizer):
    """Label the cells of CSV/TSV rows by their header (nom, prénom, nir, tél, ipp, rpps...)."""

    SCORE = 0.8
    COLUMN_LABELS: ClassVar[dict[str, str]] = {
        key: label for label, keys in _COLUMNS.items() for key in keys.split()
    }
    DELIMITERS: ClassVar[tuple[str, ...]] = (";", "\t", "|", ",")
    # the longest column name, plus the « numero » and « de » a name may carry before it
    LONGEST_NAME: ClassVar[int] = max(map(len, COLUMN_LABELS)) + len("numero") + len("de")
    ADDRESS_PARTS: ClassVar[frozenset[str]] = frozenset(_ADDRESS_PARTS.split())
    # what may stand before a column's name once folded: numéro, num, no (n° is dropped), then de/du/d'
    NUMBER_WORD: ClassVar[re.Pattern[str]] = re.compile(r"^(?:numero|num|no)(?=[a-z]{3})")
    OF_WORD: ClassVar[re.Pattern[str]] = re.compile(r"^(?:de|du|d)(?=[a-z]{3})")

    def __init__(self) -> None:
        super().__init__(
            supported_entities=sorted(set(self.COLUMN_LABELS.values())),
            supported_language="fr",
            name="CsvColumnRecognizer",
        )

    def load(self) -> None:
        """Nothing to load: column names are class constants."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Find header lines, then report the personal-data cells of the rows below them."""
        if not any(d in text for d in self.DELIMITERS):
            return []
        lines = []
        offset = 0
        for line in text.split("\n"):
            lines.append((offset, line.rstrip("\r")))
            offset += len(line) + 1
        results: list[RecognizerResult] = []
        columns: dict[int, str] | None = None
        delimiter = ""
        width = 0
        for start, line in lines:
            if columns is not None and line.strip():
                cells = self._cells(line, delimiter)
                # a pasted row may lose its empty trailing cells or gain one (never with commas, which
                # prose uses too): every named column must be there
                fits = len(cells) == width or (delimiter != "," and max(columns) < len(cells) <= width + 1)
                if fits:
                    results.extend(self._row(start, line, cells, columns))
                    continue
            columns = None
            found = self._header(line)
            if found is not None:
                delimiter, columns = found
                width = len(self._cells(line, delimiter))
        return results

    @classmethod
    def _cells(cls, line: str, delimiter: str) -> list[tuple[int, int]]:
        """Split a row into cell spans; a delimiter inside double quotes belongs to the cell."""
        if '"' not in line:
            spans, offset = [], 0
            for cell in line.split(delimiter):
                spans.append((offset, offset + len(cell)))
                offset += len(cell) + len(delimiter)
            return spans
        spans, start, quoted = [], 0, False
        for index, char in enumerate(line):
            if char == '"':
                quoted = not quoted
            elif char == delimiter and not quoted:
                spans.append((start, index))
                start = index + 1
        spans.append((start, len(line)))
        return spans

    def _header(self, line: str) -> tuple[str, dict[int, str]] | None:
        for delimiter in self.DELIMITERS:
            cells = line.split(delimiter)
            if len(cells) < 2:
                continue
            columns = {}
            for index, cell in enumerate(cells):
                label = self._label(cell)
                if label is None and index == 0:
                    # the header pasted after its instruction, on its line: « Mets en forme : Nom;… »
                    label = self._label(self._last_words(cell))
                if label is not None:
                    columns[index] = label
            if "ADDRESS" in columns.values():  # the postcode and the town of that address
                for index, cell in enumerate(cells):
                    if re.sub(r"[^a-z]", "", fold(cell)) in self.ADDRESS_PARTS:
                        columns[index] = "ADDRESS"
            if columns:
                return delimiter, columns
        return None

    def _label(self, cell: str) -> str | None:
        return None if not cell or self._too_long_for_a_name(cell) else self._folded_label(cell)

    @staticmethod
    def _last_words(cell: str) -> str:
        """What follows the instruction in a first cell: after its last colon, else its last word."""
        if ":" in cell:
            return cell.rsplit(":", 1)[1]
        words = cell.split()
        return words[-1] if len(words) > 1 else ""

    @classmethod
    def _folded_label(cls, cell: str) -> str | None:
        """The label of the column a header cell names, read from its folded letters, or None."""
        key = re.sub(r"[^a-z]", "", fold(cell).replace("n°", "").strip().strip("\"'"))
        label = cls.COLUMN_LABELS.get(key)
        if label is None:  # « Numéro IPP », « N° de séjour », « No dossier », « Num. venue »
            bare = cls.NUMBER_WORD.sub("", key)
            label = cls.COLUMN_LABELS.get(bare) or cls.COLUMN_LABELS.get(cls.OF_WORD.sub("", bare))
        return label

    @classmethod
    def _too_long_for_a_name(cls, cell: str) -> bool:
        """Tell, without folding it, that a cell (a fragment of prose) holds no column's name.

        Its key keeps every ASCII letter of the cell (folding keeps them, lower-cased) but the
        « n » of each « n° », which needs a character beyond ASCII; the prefixes tried after it
        (« numero », « de ») are eight letters at most. A cell with more ASCII letters, less its
        other characters, than the longest name and those prefixes cannot be one.
        """
        ascii_part = cell.encode("ascii", "ignore")
        letters = len(ascii_part) - len(ascii_part.translate(None, _ASCII_LETTERS))
        return letters - (len(cell) - len(ascii_part)) > cls.LONGEST_NAME

    def _row(
        self, start: int, line: str, cells: list[tuple[int, int]], columns: dict[int, str]
    ) -> list[RecognizerResult]:
        results = []
        for index, (cell_start, cell_end) in enumerate(cells):
            label = columns.get(index)
            cell = line[cell_start:cell_end]
            value = cell.strip().strip("\"'").strip()
            if label is not None and value and any(char.isalnum() for char in value):
                begin = start + cell_start + cell.index(value)
                results.append(RecognizerResult(label, begin, begin + len(value), self.SCORE))
        return results
