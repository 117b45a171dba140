"""selfmassage: a guided self-massage at home.

Kept import-free on purpose: the command line (`selfmassage routines validate`, `stats`) must not pay for
Qt. The GUI imports Qt only when it starts.
"""

__version__ = "0.1.0"
