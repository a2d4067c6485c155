#!/usr/bin/env python3
"""Writes a winmail.dat (TNEF, MS-OXTNEF) carrying the given files, as Outlook does when it
sends in its own rich-text format, so the tests read a real TNEF stream through ytnef without
shipping anyone's e-mail.

    python3 tools/make_tnef.py OUT.dat FILE...
"""
import os
import struct
import sys

SIGNATURE = 0x223E9F78
MESSAGE, ATTACHMENT = 1, 2


def attribute(level: int, ident: int, data: bytes) -> bytes:
    """One attribute: level, id (type << 16 | id), length, data, checksum of the data bytes."""
    return struct.pack("<BII", level, ident, len(data)) + data + struct.pack("<H", sum(data) & 0xFFFF)


def tnef(files: list[str]) -> bytes:
    out = struct.pack("<IH", SIGNATURE, 0x0001)
    out += attribute(MESSAGE, 0x00089006, struct.pack("<I", 0x00010000))        # attTnefVersion
    out += attribute(MESSAGE, 0x00069007, struct.pack("<II", 1252, 0))          # attOemCodepage
    out += attribute(MESSAGE, 0x00078008, b"IPM.Microsoft Mail.Note\0")         # attMessageClass
    for path in files:
        with open(path, "rb") as handle:
            content = handle.read()
        # attAttachRendData: a file attachment, no position in the body.
        out += attribute(ATTACHMENT, 0x00069002, struct.pack("<HIHHI", 1, 0xFFFFFFFF, 0, 0, 0))
        out += attribute(ATTACHMENT, 0x00018010, os.path.basename(path).encode("ascii") + b"\0")  # attAttachTitle
        out += attribute(ATTACHMENT, 0x0006800F, content)                                       # attAttachData
    return out


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    with open(sys.argv[1], "wb") as handle:
        handle.write(tnef(sys.argv[2:]))
