"""What an ``.npz`` archive holds, read from its zip directory and ``.npy`` headers
without unpacking a single array.

An uploaded checkpoint is a stranger's zip file: a few kilobytes of zeros can declare
gigabytes (a "zip bomb"), and ``numpy.load`` allocates whatever a member's header
declares before it reads a byte of data. :func:`inspect_npz` lists the members, refuses
a name that is not ``<key>.npy`` (or not among the expected keys), reads each header
(dtype, shape: a few hundred bytes inflated) and checks that the zip's declared size of
the member, its compressed size and its header agree, and that the total stays within
a budget; only then may the caller unpack. Every refusal is an
:class:`~negsamp.checks.InputError`, so a front end words it in its own language.
"""
from __future__ import annotations

import math
import zipfile
from dataclasses import dataclass

import numpy as np

from negsamp.checks import InputError, shorten

# Deflate cannot shrink data more than ~1032:1 (RFC 1951: a 258-byte match costs at
# least 2 bits); a member claiming more is lying about its size.
MAX_DEFLATE_RATIO = 1032
HEADER_BYTES = 10_000  # numpy's own limit on an .npy header (max_header_size)


@dataclass(frozen=True)
class Member:
    """One array of an archive, as its header describes it."""

    key: str            # the name numpy.load gives it (the member name without ".npy")
    dtype: np.dtype
    shape: tuple
    nbytes: int         # what unpacking it allocates (a Python int: never overflows)


def _header(zf: zipfile.ZipFile, info: zipfile.ZipInfo, where: str):
    with zf.open(info) as f:  # inflates only what the header reads
        version = np.lib.format.read_magic(f)
        if version == (1, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(
                f, max_header_size=HEADER_BYTES)
        elif version == (2, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(
                f, max_header_size=HEADER_BYTES)
        else:
            raise InputError("{where}: member {member} has .npy format version {version}, "
                             "which negsamp does not read", where=where,
                             member=shorten(info.filename), version=version)
        return shape, dtype, f.tell()


def inspect_npz(source, *, where: str, keys=None, max_bytes: int) -> dict:
    """The members of an ``.npz`` archive, checked before any is unpacked.

    Parameters
    ----------
    source : path or binary file
        Left at its start when a file object.
    where : str
        How to name the archive in messages.
    keys : collection of str, optional
        The only member names allowed (without ``.npy``); None allows any.
    max_bytes : int
        The most the arrays may take once unpacked, all together.

    Returns
    -------
    dict of str to Member

    Raises
    ------
    InputError
        Not a zip; a member that is not an ``.npy`` array or not expected (named); a
        header that is unreadable or declares pickled objects; a member whose zip sizes
        and header disagree, or packed beyond what deflate can do; a total over
        ``max_bytes``.
    """
    start = source.tell() if hasattr(source, "tell") else None
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
        if start is not None:
            source.seek(start)
            magic = source.read(6)
            source.seek(start)
        else:
            with open(source, "rb") as f:
                magic = f.read(6)
        if magic == b"\x93NUMPY":
            raise InputError("{where}: is a single .npy array, not an .npz checkpoint",
                             where=where) from None
        if magic[:1] == b"\x80":  # pickle protocol 2 and later
            raise InputError("{where}: not a readable .npz checkpoint (a pickle file: "
                             "negsamp never loads pickle)", where=where) from None
        if isinstance(e, zipfile.BadZipFile):
            raise InputError("{where}: not a readable .npz checkpoint (not a zip archive)",
                             where=where) from None
        raise InputError("{where}: not a readable .npz checkpoint ({error})", where=where,
                         error=f"{type(e).__name__}: {shorten(e, 200)}") from None
    members, total = {}, 0
    try:
        with zf:
            for info in zf.infolist():
                name = info.filename
                key = name.removesuffix(".npy")
                if key == name or (keys is not None and key not in keys) or key in members:
                    raise InputError(
                        "{where}: holds {member}, which is not part of a negsamp checkpoint "
                        "(it holds {expected})", where=where, member=shorten(name),
                        expected=", ".join(sorted(keys)) if keys else "arrays named *.npy")
                if info.file_size > MAX_DEFLATE_RATIO * info.compress_size + HEADER_BYTES:
                    raise InputError(
                        "{where}: member {member} claims {size:,} bytes packed into "
                        "{packed:,}, more than deflate can pack; refused unread",
                        where=where, member=shorten(name), size=info.file_size,
                        packed=info.compress_size)
                try:
                    shape, dtype, header = _header(zf, info, where)
                except InputError:
                    raise
                except Exception as e:  # a truncated or garbled header, a bad zip entry
                    raise InputError("{where}: not a readable .npz checkpoint ({error})",
                                     where=where, error=f"{type(e).__name__}: "
                                     f"{shorten(e, 200)}") from None
                if dtype.hasobject:
                    raise InputError("{where}: member {member} holds Python objects, which "
                                     "would need pickle; refused unread", where=where,
                                     member=shorten(name))
                nbytes = math.prod(shape) * dtype.itemsize
                if info.file_size != header + nbytes:
                    raise InputError(
                        "{where}: member {member} declares {size:,} bytes, but its header "
                        "describes {described:,}; refused unread", where=where,
                        member=shorten(name), size=info.file_size, described=header + nbytes)
                total += nbytes
                if total > max_bytes:
                    raise InputError(
                        "{where}: its arrays would take {total:,} bytes or more once unpacked "
                        "(at most {limit:,} here); refused unread", where=where,
                        total=total, limit=max_bytes)
                members[key] = Member(key, dtype, tuple(shape), nbytes)
    finally:
        if start is not None:
            source.seek(start)
    return members
