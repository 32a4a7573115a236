"""Keep the compiled program of very large regular expressions on disk, so a start skips compiling them.

Why: spaCy's French tokenizer matches hyphenated and elided words (« anti-inflammatoire »,
« entr'abat ») with one regular expression of 1.45 million characters, built and compiled
by ``spacy.lang.fr.tokenizer_exceptions`` when it is imported: 266 alternatives, each
spelling out the Unicode lower-case letters. CPython's ``re`` parses and compiles patterns in
Python code, which takes 3 to 4 CPU seconds for that one pattern: a third of the gateway's
start. The program ``re`` produces is a list of integers (the SRE byte code) that depends
only on the pattern, the flags and the interpreter's SRE engine, so it can be stored once
and handed back to the engine on the next start (about 10 ms).

How: :func:`stored_programs` replaces ``re``'s compiler function, for the duration of a
``with`` block, by one that looks a pattern of at least ``min_length`` characters up in a
directory, keyed by the SHA-256 of the interpreter version, the SRE engine's magic number
and code size, the flags and the pattern; on a miss it compiles as ``re`` does and stores the
result. Every other pattern goes to ``re`` untouched. The compiled pattern lands in ``re``'s
own cache as usual, so a later ``re.compile`` of the same text (spaCy's tokenizer loading
its serialised ``token_match``) finds it there.

Guarantees: a stored program is used only under the exact interpreter and engine that
wrote it, its bytes are checked against the SHA-256 stored with them, and the engine itself
validates the code when it builds the pattern (CPython ``_sre.compile``); anything
unexpected (unreadable file, other Python, corrupt entry) falls back to compiling. A pattern
built from a stored program compares equal (``==``: same pattern text, flags and code) to
one compiled afresh, which the tests check. Writes are atomic (temporary file, then
rename), so workers starting together never read half an entry.

Source for the compiler steps mirrored here: CPython 3.11 ``Lib/re/_compiler.py``,
function ``compile`` (parse, ``_code``, then ``_sre.compile`` with the group maps). Other
interpreter versions are not mirrored: there, this module compiles as ``re`` does.
"""

from __future__ import annotations

import _sre
import array
import contextlib
import hashlib
import json
import logging
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

log = logging.getLogger("iag_gateway.startup")

#: Patterns shorter than this (characters) compile fast enough: left to ``re``.
MIN_LENGTH = 100_000
#: The interpreter line whose ``_sre.compile`` signature this module mirrors.
MIRRORED_PYTHON = (3, 11)
_ITEM = "I"  # SRE code words are 32-bit unsigned (CODESIZE 4)


@contextlib.contextmanager
def stored_programs(directory: Path | None, min_length: int = MIN_LENGTH) -> Iterator[None]:
    """Within the block, compile patterns of ``min_length`` characters or more from ``directory``.

    ``directory`` is created (mode 0700) if missing; ``None``, an interpreter other than
    CPython 3.11 or a directory that cannot be created leave ``re`` as it is. Raises
    nothing of its own: every failure falls back to compiling.
    """
    if directory is None or sys.version_info[:2] != MIRRORED_PYTHON or _sre.CODESIZE != 4:
        yield
        return
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        log.info("compiled-pattern cache unavailable (%s): large patterns are compiled", exc.strerror)
        yield
        return
    original = _compiler.compile

    def compile_stored(pattern: Any, flags: int = 0) -> Any:
        if not isinstance(pattern, str) or len(pattern) < min_length or flags & re.DEBUG:
            return original(pattern, flags)
        return _load_or_compile(directory, pattern, flags)

    _compiler.compile = compile_stored
    try:
        yield
    finally:
        _compiler.compile = original


def entry_path(directory: Path, pattern: str, flags: int) -> Path:
    """The file holding ``pattern``'s program under this interpreter (it may not exist)."""
    key = hashlib.sha256()
    for part in (sys.version, str(_sre.MAGIC), str(_sre.CODESIZE), str(int(flags))):
        key.update(part.encode() + b"\0")
    key.update(pattern.encode("utf-8", "surrogatepass"))
    return directory / f"sre-{key.hexdigest()[:32]}.bin"


def _load_or_compile(directory: Path, pattern: str, flags: int) -> re.Pattern[str]:
    path = entry_path(directory, pattern, flags)
    try:
        stored = _read(path, pattern)
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        log.warning("compiled-pattern entry %s unusable (%s): compiling again", path.name, exc)
        stored = None
    if stored is not None:
        return stored
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    header = program_header(parsed, flags)
    with contextlib.suppress(OSError):
        _write(path, header, code)
    return build_pattern(pattern, header, code)


def program_header(parsed: Any, flags: int) -> dict[str, Any]:
    """What ``_sre.compile`` needs besides the program: flags and group maps of ``parsed``
    (a ``re._parser.SubPattern`` of the pattern compiled with ``flags``), as ``re``'s
    ``_compiler.compile`` computes them."""
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return {
        "flags": flags | parsed.state.flags,
        "groups": parsed.state.groups - 1,
        "groupindex": groupindex,
        "indexgroup": indexgroup,
    }


def _read(path: Path, pattern: str) -> re.Pattern[str] | None:
    """The pattern built from ``path``; None when there is no entry. Raises ValueError when corrupt."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    head, sep, body = raw.partition(b"\n")
    if not sep:
        raise ValueError("no header")
    header = json.loads(head)
    if hashlib.sha256(body).hexdigest() != header["code_sha256"]:
        raise ValueError("code digest mismatch")
    code = array.array(_ITEM)
    code.frombytes(body)
    return build_pattern(pattern, header, code.tolist())


def build_pattern(pattern: str, header: dict[str, Any], code: list[int]) -> re.Pattern[str]:
    """The pattern object of ``pattern`` running ``code`` (the engine validates the program and
    raises ``RuntimeError`` if it is malformed; CPython 3.11 ``_sre.compile``)."""
    pattern_object: re.Pattern[str] = _sre.compile(
        pattern,
        header["flags"],
        code,
        header["groups"],
        header["groupindex"],
        tuple(header["indexgroup"]),
    )
    return pattern_object


def _write(path: Path, header: dict[str, Any], code: list[int]) -> None:
    body = array.array(_ITEM, code).tobytes()
    line = json.dumps({**header, "code_sha256": hashlib.sha256(body).hexdigest()}).encode()
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".sre-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(line + b"\n" + body)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def main() -> None:
    """Store the programs a gateway start compiles: ``python -m iag_gateway.compiled_patterns DIR``.

    Used when building an image whose file system is read-only at run time.
    """
    with stored_programs(Path(sys.argv[1])):
        import spacy.lang.fr  # noqa: F401 - its tokenizer exceptions compile the largest pattern


if __name__ == "__main__":
    main()
