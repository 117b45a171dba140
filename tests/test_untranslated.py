"""Every sentence the app shows goes through the catalogue: a static walk over the code finds string literals
that reach a person unmarked — printed, given to the command line's parser, carried by an exception or a
problem, or returned by a function that builds a message — and fails on each one that is not wrapped in
_(), ngettext(), pgettext(), npgettext() or N_().

To cover another part of the app, add its folder or module to ROOTS, and the calls that show text there
(a widget's setText, setToolTip, …) to SHOWN_CALLS or SHOWN_KEYWORDS. Text that reaches one of these and is
not for a person — an error only a programmer meets, a file name, SQL — is allowed by its function in
NOT_SHOWN, and a literal that must stay as written by its text in ALLOWED, each with its reason; keep those
lists short.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# What is checked: every .py file under these folders, and these modules.
ROOTS = ("selfmassage/core", "selfmassage/cli", "selfmassage/store", "selfmassage/sound",
         "selfmassage/runner.py", "selfmassage/qt")

MARKERS = frozenset({"_", "N_", "ngettext", "pgettext", "npgettext"})

# Calls whose arguments reach a person: the callee's name → the positions that do (None: every one).
SHOWN_CALLS: dict[str, tuple[int, ...] | None] = {
    "print": None,
    "write": (0,),  # a stream's write: the terminal runner's lines
    "_line": (0,),
    "Problem": (2,),
    "_field": (0,),
    "_error": (1,),
    "_warning": (1,),
    "Fix": (1,),
    "error": (0,),  # argparse's parser.error
    "_problem": (0,),
    "on_problem": (0,),
    "PlanWarning": (1,),
    # The window's: a widget's text, tip and accessible words, the status bar, dialogs and their buttons.
    "setText": (0,), "setToolTip": (0,), "setStatusTip": (0,), "setWhatsThis": (0,),
    "setAccessibleName": (0,), "setAccessibleDescription": (0,), "setWindowTitle": (0,),
    "setPlaceholderText": (0,), "setTitle": (0,),
    "showMessage": (0,), "setInformativeText": (0,), "setDetailedText": (0,), "setLabelText": (0,),
    "describe": None, "confirm": None, "QMessageBox": None, "information": (1, 2), "warning": (1, 2),
    "critical": (1, 2), "question": (1, 2), "getText": (1, 2), "getInt": (1, 2), "getItem": (1, 2),
    "getOpenFileName": (1, 3), "getSaveFileName": (1, 3), "getExistingDirectory": (1,),
    "file_to_open": (1, 3), "file_to_save": (1, 3),
    "QLabel": (0,), "QPushButton": (0,), "QCheckBox": (0,), "QRadioButton": (0,), "QGroupBox": (0,),
    "QAction": (0,), "addAction": (0,), "addMenu": (0,), "addButton": (0,), "addTab": (1,), "addItem": (0,),
    "addRow": (0,), "setHorizontalHeaderLabels": (0,), "setItemText": (1,), "setTabText": (1,),
    "announce": None, "add_action": (1,), "QStandardItem": (0,), "QListWidgetItem": (0,),
    "QTableWidgetItem": (0,), "setHeaderData": (2,), "setItemData": (1,),
}
# Lists and attributes that hold what a person is told: `problems.append(…)`, `self.problem = …`.
SHOWN_ATTRIBUTES = frozenset({"problems", "problem", "notice", "notices", "message"})
# Keyword arguments that reach a person, whatever the call (argparse's help, titles, labels, messages).
SHOWN_KEYWORDS = frozenset({"help", "description", "title", "metavar", "epilog", "usage", "message", "label",
                            "summary", "advice", "notice", "text", "detail", "hint", "tip"})
# Exceptions raised with a message for a programmer, never shown (a bug in the calling code).
INTERNAL_EXCEPTIONS = frozenset({"AssertionError", "TypeError", "NotImplementedError", "KeyError",
                                 "IndexError", "AttributeError"})

# Functions whose literals reach no person, each with the reason. Keep it short: a sentence a person can
# read belongs in the catalogue even when it is rare.
_A_BUG = "an error for a programmer: the caller checked first, so a person never meets it"
_REPLACED = "an error caught and replaced by a sentence of its own, which is marked"
_A_NAME = "a file name, a key or SQL, never shown as text"
_A_STYLE = "a Qt style sheet: selectors and colours"
NOT_SHOWN: dict[str, str] = {
    "selfmassage/core/checkin.py:__post_init__": _A_BUG,
    "selfmassage/core/clock.py:__init__": _A_BUG,
    "selfmassage/core/clock.py:advance": _A_BUG,
    "selfmassage/core/engine.py:__init__": _A_BUG,
    "selfmassage/core/movement.py:point_along": _A_BUG,
    "selfmassage/core/stats.py:week_window": _A_BUG,  # `stats --weeks` is checked with its own sentence
    "selfmassage/sound/silent.py:checked_volume": _A_BUG,
    "selfmassage/store/history_time.py:utc_text": _A_BUG,
    "selfmassage/store/history_time.py:offset_minutes": _A_BUG,
    "selfmassage/store/history_writes.py:finish_session": _A_BUG,
    "selfmassage/store/history_writes.py:add_imported": _A_BUG,
    "selfmassage/store/history_writes.py:add_sessions": _A_BUG,
    "selfmassage/store/safety.py:record": _A_BUG,
    "selfmassage/sound/pcm.py:load_wav": _REPLACED,  # the player says BAD_FILE
    "selfmassage/sound/player.py:_clip": _REPLACED,
    "selfmassage/sound/player.py:_prompt_pcm": _REPLACED,
    "selfmassage/store/history.py:_open_kept": _REPLACED,
    "selfmassage/store/history_schema.py:connect": _REPLACED,  # a history that is not ours: moved aside, said
    "selfmassage/store/safety.py:__init__": _REPLACED,
    "selfmassage/store/safety.py:_parse": _REPLACED,
    "selfmassage/store/settings.py:_load": _REPLACED,
    "selfmassage/store/settings.py:set": _REPLACED,
    "selfmassage/core/areas.py:_region_id": _A_NAME,
    "selfmassage/core/stats.py:iso_week": _A_NAME,  # 2026-W45, the ISO week as written everywhere
    "selfmassage/sound/cues.py:filename": _A_NAME,
    "selfmassage/sound/voice.py:technique_clip": _A_NAME,
    "selfmassage/store/desktop_entry.py:default_command": _A_NAME,
    "selfmassage/store/history_queries.py:_where": _A_NAME,
    "selfmassage/store/library.py:safe_file_stem": _A_NAME,
    "selfmassage/qt/stage_strip.py:state_of": _A_NAME,  # the style sheet's [stage="done"]
    "selfmassage/qt/tempo_pulse.py:side": _A_NAME,  # which way the pulse leans
    "selfmassage/qt/icons.py:draw": _A_BUG,  # the icons are named in the code
    "selfmassage/qt/theme.py:stylesheet": _A_STYLE,
    "selfmassage/qt/calm_style.py:stylesheet": _A_STYLE,
}
# Module constants that look like sentences and are not.
# SQL: a column list, and the history's triggers that count completed sessions per day.
NOT_SHOWN_CONSTANTS = frozenset({"SESSION_COLUMNS", "_COUNT_IN", "_COUNT_OUT"})

# Literals that reach a sink but stay as written, each with its reason.
ALLOWED: dict[str, str] = {
    "preventive|pain-relief|N": "the values `selfmassage plan` takes, typed as they are",
    "\tEnter": "a key's name beside its menu item, as written on the keyboard",
    "\tEsc": "a key's name beside its menu item, as written on the keyboard",
}

_APP_NAME = re.compile(r"\bselfmassage\b")
_ESCAPES = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\(\w+\)[sdr]|%[sdr]")
_COMMAND = re.compile(r"`[^`]*`|--[a-z][a-z-]*")  # a command or an option to type, quoted as code
# Rich text's markup around the words: tags (even one cut by an f-string), entities, colours.
_MARKUP = re.compile(r"<[^<>]*>|^[^<>]*>|<[^<>]*$|&#?\w+;|#[0-9a-fA-F]{3,8}\b")


def wordy(text: str) -> bool:
    """Whether a literal holds words a person reads (not a separator, an escape or the app's own name)."""
    for pattern in (_ESCAPES, _MARKUP, _APP_NAME, _PLACEHOLDER, _COMMAND):
        text = pattern.sub("", text)
    return re.search(r"[A-Za-z]", text) is not None


@dataclass(frozen=True)
class Unmarked:
    path: str
    line: int
    text: str
    why: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.why}: {self.text!r}"


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _assignments(function: ast.AST) -> dict[str, list[ast.expr]]:
    """What each local name is given in a function: `x = …`, `x += …`, `x.append(…)`."""
    given: dict[str, list[ast.expr]] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    given.setdefault(target.id, []).append(node.value)
        elif isinstance(node, ast.AugAssign | ast.AnnAssign) and isinstance(node.target, ast.Name):
            if node.value is not None:
                given.setdefault(node.target.id, []).append(node.value)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in ("append", "extend", "insert") and isinstance(node.func.value, ast.Name)):
            given.setdefault(node.func.value.id, []).extend(node.args[-1:])
    return given


class _Walker(ast.NodeVisitor):
    def __init__(self, path: str) -> None:
        self.path = path
        self.found: list[Unmarked] = []
        self.functions: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
        self.given: list[dict[str, list[ast.expr]]] = []
        self.classes = 0

    def bare_literals(self, node: ast.expr | None,
                      seen: frozenset[str] = frozenset()) -> Iterator[ast.Constant]:
        """The string literals that reach an expression's value unmarked, through the local names it reads."""
        if node is None:
            return
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node
        elif isinstance(node, ast.Name):
            if self.given and node.id not in seen:
                for value in self.given[-1].get(node.id, []):
                    yield from self.bare_literals(value, seen | {node.id})
        elif isinstance(node, ast.JoinedStr):
            for part in node.values:
                if isinstance(part, ast.Constant):
                    yield part
                elif isinstance(part, ast.FormattedValue):
                    yield from self.bare_literals(part.value, seen)
        elif isinstance(node, ast.IfExp):
            yield from self.bare_literals(node.body, seen)
            yield from self.bare_literals(node.orelse, seen)
        elif isinstance(node, ast.BoolOp):
            for value in node.values:
                yield from self.bare_literals(value, seen)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
            yield from self.bare_literals(node.left, seen)
            yield from self.bare_literals(node.right, seen)
        elif isinstance(node, ast.Call):
            func = node.func
            if _name(func) in MARKERS:
                return
            # "…".format(…) and "…".join(…): the literal is the text shown.
            if isinstance(func, ast.Attribute) and func.attr in ("format", "join", "capitalize", "lower",
                                                                  "upper", "strip"):
                yield from self.bare_literals(func.value, seen)
                if func.attr == "join":
                    for arg in node.args:
                        yield from self.bare_literals(arg, seen)
        elif isinstance(node, ast.List | ast.Tuple):
            for element in node.elts:
                yield from self.bare_literals(element, seen)
        elif isinstance(node, ast.GeneratorExp | ast.ListComp):
            yield from self.bare_literals(node.elt, seen)
        elif isinstance(node, ast.Subscript):  # {"done": "✓ {stage}", …}[state]: the values are shown
            yield from self.bare_literals(node.value, seen)
        elif isinstance(node, ast.Dict):
            for value in node.values:
                yield from self.bare_literals(value, seen)

    def _sink(self, node: ast.expr | None, why: str) -> None:
        if any(f"{self.path}:{function.name}" in NOT_SHOWN for function in self.functions):
            return
        for literal in self.bare_literals(node):
            if wordy(literal.value) and literal.value not in ALLOWED:
                self.found.append(Unmarked(self.path, literal.lineno, literal.value, why))

    def visit_Call(self, node: ast.Call) -> None:
        name = _name(node.func)
        func = node.func
        if (isinstance(func, ast.Attribute) and func.attr in ("append", "extend", "insert")
                and _name(func.value) in SHOWN_ATTRIBUTES):
            self._sink(node.args[-1] if node.args else None, f"added to {_name(func.value)}")
        elif name not in MARKERS:
            positions = SHOWN_CALLS.get(name, ())
            if name.endswith(("Error", "Refused")) and name not in INTERNAL_EXCEPTIONS:
                positions = (0,)
            for index, arg in enumerate(node.args):
                if positions is None or index in positions:
                    self._sink(arg, f"shown by {name}()")
            for keyword in node.keywords:
                if keyword.arg in SHOWN_KEYWORDS:
                    self._sink(keyword.value, f"{keyword.arg}= of {name}()")
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            # `self.problem = "…"`: a problem or notice a person is shown.
            if isinstance(target, ast.Attribute) and target.attr in SHOWN_ATTRIBUTES:
                self._sink(node.value, f"kept in .{target.attr}")
            # A sentence kept in a constant (a word or a key has no space): N_() marks it.
            if (not self.functions and not self.classes and isinstance(target, ast.Name)
                    and target.id.isupper()
                    and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
                    and " " in node.value.value.strip() and target.id not in NOT_SHOWN_CONSTANTS):
                self._sink(node.value, f"the constant {target.id}")
        self.generic_visit(node)

    def visit_Raise(self, node: ast.Raise) -> None:
        if isinstance(node.exc, ast.Call):
            name = _name(node.exc.func)
            if name not in INTERNAL_EXCEPTIONS and not name.endswith(("Error", "Refused")) and node.exc.args:
                self._sink(node.exc.args[0], f"the message of {name}")
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes += 1
        self.generic_visit(node)
        self.classes -= 1

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.functions.append(node)
        self.given.append(_assignments(node))
        self.generic_visit(node)
        self.given.pop()
        self.functions.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Return(self, node: ast.Return) -> None:
        function = self.functions[-1] if self.functions else None
        if (function is not None and function.returns is not None
                and re.search(r"\bstr\b", ast.unparse(function.returns))
                and not function.name.startswith("__")):
            self._sink(node.value, f"returned by {function.name}()")
        self.generic_visit(node)


def python_files() -> Iterator[Path]:
    for root in ROOTS:
        path = ROOT / root
        yield from sorted(path.rglob("*.py")) if path.is_dir() else [path]


def unmarked(path: Path) -> list[Unmarked]:
    walker = _Walker(str(path.relative_to(ROOT)))
    walker.visit(ast.parse(path.read_text(encoding="utf-8")))
    return walker.found


def unmarked_in(source: str) -> list[str]:
    walker = _Walker("<test>")
    walker.visit(ast.parse(source))
    return [found.text for found in walker.found]


def test_every_sentence_shown_is_marked_for_translation():
    found = [str(item) for path in python_files() for item in unmarked(path)]
    assert found == [], "mark these with _() / ngettext() (or allow them with a reason):\n" + "\n".join(found)


def test_the_walk_finds_what_a_person_would_read_unmarked():
    source = '''
def cmd(args) -> int:
    print(f"Imported {n} sessions.")
    print(_("Done."), "—", f"{count:>5}")
    raise UserError("no routine called " + repr(name))

def summary(n) -> str:
    if n:
        return _("{n} left").format(n=n)
    return "Nothing left." if n == 0 else "\\r\\x1b[K"

def add(parser):
    parser.add_argument("--speed", help="a faster rehearsal", metavar=N_("SPEED"))
    raise ValueError(f"{key} is missing")
    raise TypeError("a bug, for a programmer")
'''
    assert unmarked_in(source) == ["Imported ", " sessions.", "no routine called ", "Nothing left.",
                                   "a faster rehearsal", " is missing"]


def test_the_walk_reads_the_window_as_a_person_sees_it():
    source = '''
def build(self) -> None:
    self.title.setText("<b>" + _("Routines") + "</b>&nbsp;·&nbsp;<span style='color:#1c2a2e'>")
    self.button.setToolTip("Start the chosen routine")
    self.window.add_action("start", "Start", self.start, tip=_("Start it"), keys="Ctrl+S")
    self.statusBar().showMessage(f"Saved {name}", 5000)
    QMessageBox.warning(self, _("Can't save"), "The folder is read only")
    mark = {"done": "✓ {stage}", "todo": "{stage} to come"}[state]
    label.setAccessibleName(mark)
'''
    assert unmarked_in(source) == ["Start the chosen routine", "Start", "Saved ", "The folder is read only",
                                   "{stage} to come"]


def test_every_root_exists_so_a_moved_folder_is_not_silently_skipped():
    assert all((ROOT / root).exists() for root in ROOTS)
