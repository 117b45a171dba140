"""A SHA-256 digest without loading OpenSSL."""

from __future__ import annotations

# The interpreter's own SHA-256 where it has one: hashlib would load OpenSSL's libcrypto for this one digest
# of a few kB, 3.5 MiB more of the window's memory for the whole run (docs/benchmarks.md). Same digest.
try:
    from _sha256 import sha256  # type: ignore[import-not-found]  # Python 3.11
except ImportError:
    try:
        from _sha2 import sha256  # type: ignore[import-not-found,no-redef]  # 3.12 and later
    except ImportError:  # built without them
        from hashlib import sha256


def sha256_hex(data: bytes) -> str:
    """SHA-256 of `data`, in hex."""
    return str(sha256(data).hexdigest())
