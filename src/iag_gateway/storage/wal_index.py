"""Look at SQLite's WAL index (``<db>-shm``) and its locks from outside SQLite, without taking any.

Why the care: SQLite's unix VFS locks the database and the ``-shm`` file with POSIX
``fcntl`` record locks, and POSIX drops *every* lock a process holds on a file as soon as
that process closes *any* descriptor of it. Opening and closing ``<db>-shm`` beside a live
connection silently releases that connection's WAL write lock, and another process then
writes the same WAL frames: committed records are lost (we measured it: issue #10). So:

- ``other_holders`` reads ``/proc/locks`` (no descriptor at all) to learn which other
  processes hold a lock on a file;
- ``frames_fit`` opens the ``-shm`` file only for a process that holds no connection on
  the database, hence no lock to lose;
- ``reset_index`` extends the file and voids its header from a short-lived child
  process, whose own descriptor cannot release this process's locks.

Facts used, from SQLite's documentation (https://www.sqlite.org/walformat.html, §2.1-2.2
"The WAL-Index Header" and "The WAL-Index Hash Tables"; https://www.sqlite.org/lockingv3.html):
each 32 KiB region of the index covers 4,096 frames, the first only 4,062 (its header
takes 136 bytes); the header is 48 bytes written twice (``iVersion`` at offset 0 is
3007000, ``isInit`` at 12, ``mxFrame``, the last valid frame, at 16), in native byte
order; a connection in WAL mode holds a shared lock on the database file for as long as
it is open, and one on the ``-shm`` file's byte 128 (``DMS``) while it maps the index.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

REGION_BYTES = 32768
_FRAMES_PER_REGION = 4096
_FRAMES_IN_FIRST_REGION = 4062
_HEADER = struct.Struct("=I4xIBBHI")  # iVersion, iChange, isInit, bigEndCksum, szPage, mxFrame
_HEADER_BYTES = 48
_WAL_VERSION = 3007000

_RESET = (
    "import os,sys;fd=os.open(sys.argv[1],os.O_RDWR);"
    "os.posix_fallocate(fd,0,int(sys.argv[2]));os.pwrite(fd,bytes(int(sys.argv[3])),0);os.fsync(fd)"
)


def other_holders(path: Path) -> set[int] | None:
    """Pids of the *other* processes holding a POSIX lock on ``path``; ``None`` when unknowable.

    Read from Linux's ``/proc/locks`` (one line per lock: ``N: POSIX ADVISORY READ <pid>
    <major>:<minor>:<inode> <start> <end>``, see proc(5)); waiters (``->``) hold nothing.
    An absent file has no holder. ``None`` off Linux or when ``/proc`` is hidden.
    """
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return set()
    key = f"{os.major(stat.st_dev):02x}:{os.minor(stat.st_dev):02x}:{stat.st_ino}"
    me = os.getpid()
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as table:
            lines = table.readlines()
    except OSError:
        return None
    holders: set[int] = set()
    for line in lines:
        fields = line.split()
        if len(fields) < 6 or fields[1] != "POSIX":
            continue
        pid, file = fields[4], fields[5]
        if file == key and pid.isdigit() and int(pid) != me:
            holders.add(int(pid))
    return holders


def frames_fit(shm: Path) -> bool:
    """Say whether ``shm`` is long enough for the frames its header says the WAL holds.

    Only for a process with no open connection on the database (see the module
    docstring). ``False`` when the header is missing, torn or not initialised.
    """
    try:
        with open(shm, "rb") as index:
            head = index.read(2 * _HEADER_BYTES)
            size = os.fstat(index.fileno()).st_size
    except FileNotFoundError:
        return False
    if len(head) < 2 * _HEADER_BYTES or head[:_HEADER_BYTES] != head[_HEADER_BYTES:]:
        return False
    version, _change, initialised, _big_endian, _page, last_frame = _HEADER.unpack_from(head)
    if version != _WAL_VERSION or not initialised:
        return False
    return size >= bytes_for(last_frame)


def bytes_for(frames: int) -> int:
    """The index length, in bytes, that covers ``frames`` WAL frames (at least one region)."""
    if frames <= _FRAMES_IN_FIRST_REGION:
        return REGION_BYTES
    regions = 2 + (frames - _FRAMES_IN_FIRST_REGION - 1) // _FRAMES_PER_REGION
    return regions * REGION_BYTES


def reset_index(shm: Path, size: int) -> str | None:
    """Give a cut ``shm`` its ``size`` bytes back and void its header; the error (text) or ``None``.

    The pages come back as allocated zeros (``posix_fallocate`` never shrinks a file and
    fails on a full disk instead of leaving a hole that would raise SIGBUS when written
    through the mapping); the voided header (both copies zero, ``isInit`` 0) makes the
    next reader rebuild the whole index from the WAL file instead of trusting hash
    tables the cut emptied. Only for a process alone on the database with no transaction
    open. It runs in a child process so that no descriptor of the file is ever closed in
    this one.
    """
    done = subprocess.run(  # noqa: S603 (our interpreter, our constant code, a path and two numbers)
        [sys.executable, "-I", "-S", "-c", _RESET, str(shm), str(size), str(2 * _HEADER_BYTES)],
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    if done.returncode == 0:
        return None
    lines = done.stderr.strip().splitlines()
    return lines[-1] if lines else f"exit {done.returncode}"
