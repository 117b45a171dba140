"""The layer contract, read from docs/architecture.md and checked against every import in selfmassage/:
each layer imports only the layers the map allows, Qt only in selfmassage.qt, no import cycles, every
module is on the map (so the map stays true as modules come and go), no module is over 400 lines, and no
import sits inside a function but the few the map lists for start-up."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "selfmassage"
MAP = ROOT / "docs" / "architecture.md"
MOST_LINES = 400


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports(path: Path, *, at_run_time: bool) -> set[str]:
    """Every module this file imports (ours and others'), in functions too; `at_run_time` leaves out the
    imports under `if TYPE_CHECKING:`, which never run."""
    found: set[str] = set()
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and at_run_time and _type_checking_only(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def ours(names: set[str], known: dict[str, Path]) -> set[str]:
    """Our modules among `names`; `from package import module` counts as importing the module."""
    found = {name for name in names if name in known}
    return {name for name in found if not any(other.startswith(name + ".") for other in found)}


def layers() -> list[tuple[str, list[str], list[str]]]:
    """(layer, its module prefixes, the layers it may import) from the table in docs/architecture.md."""
    text = MAP.read_text(encoding="utf-8")
    table = text.split("<!-- layers -->")[1]
    rows = []
    for line in table.strip().splitlines()[2:]:
        if not line.startswith("|"):
            break
        layer, prefixes, allowed = (cell.strip() for cell in line.strip("|").split("|")[:3])
        rows.append((layer, re.findall(r"`([\w.]+)`", prefixes), [a.strip() for a in allowed.split(",")]))
    return rows


def layer_of(module: str, rows: list[tuple[str, list[str], list[str]]]) -> str:
    best = max(((len(prefix), layer) for layer, prefixes, _ in rows for prefix in prefixes
                if module == prefix or module.startswith(prefix + ".")), default=None)
    assert best is not None, f"{module} is in no layer of docs/architecture.md"
    return best[1]


def test_each_layer_imports_only_what_the_map_allows():
    known = modules()
    rows = layers()
    allowed = {layer: set(may) for layer, _, may in rows}
    wrong = []
    for module, path in known.items():
        mine = layer_of(module, rows)
        for imported in sorted(ours(imports(path, at_run_time=False), known)):
            theirs = layer_of(imported, rows)
            if theirs != mine and theirs not in allowed[mine] and "everything" not in allowed[mine]:
                wrong.append(f"{module} ({mine}) imports {imported} ({theirs})")
    assert wrong == []


def test_qt_is_imported_only_in_the_qt_layer():
    wrong = [module for module, path in modules().items()
             if not module.startswith("selfmassage.qt")
             and any(name.split(".")[0] == "PySide6" for name in imports(path, at_run_time=False))]
    assert wrong == []


def test_no_import_cycles():
    known = modules()
    graph = {module: ours(imports(path, at_run_time=True), known) - {module}
             for module, path in known.items()}
    cycles = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def walk(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                cycles.append(" → ".join([*stack[stack.index(target):], target]))
            elif target not in state:
                walk(target)
        stack.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            walk(module)
    assert cycles == []


def test_every_module_is_on_the_map():
    text = MAP.read_text(encoding="utf-8")
    named = [str(path.relative_to(PACKAGE)) for path in modules().values() if path.name != "__init__.py"]
    missing = [name for name in named if f"`{name}`" not in text and f"`{Path(name).stem}`" not in text]
    assert missing == [], "docs/architecture.md does not say where these are: add each to the map"


def test_no_module_is_over_400_lines():
    long = {module: lines for module, path in modules().items()
            if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES}
    assert long == {}, "split these into modules of one job each (docs/architecture.md)"


def lazy_imports() -> dict[str, list[str]]:
    """Module → what it may import inside a function, from the table in docs/architecture.md."""
    table = MAP.read_text(encoding="utf-8").split("<!-- lazy imports -->")[1]
    allowed: dict[str, list[str]] = {}
    for line in table.strip().splitlines()[2:]:
        if not line.startswith("|"):
            break
        owners, names = (re.findall(r"`([\w.]+)`", cell) for cell in line.strip("|").split("|")[:2])
        for owner in owners:
            allowed.setdefault(owner, []).extend(names)
    return allowed


def imports_in_functions(path: Path) -> list[tuple[int, list[str]]]:
    """(line, the names it imports as `module.name`, or the module itself) for each import in a function."""
    found: list[tuple[int, list[str]]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import) and in_function:
                found.append((child.lineno, [alias.name for alias in child.names]))
            elif isinstance(child, ast.ImportFrom) and in_function:
                found.append((child.lineno, [f"{child.module}.{alias.name}" for alias in child.names]))
            visit(child, in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef))

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def test_imports_sit_at_the_top_but_for_the_start_up_boundary():
    allowed = lazy_imports()
    known = modules()
    assert set(allowed) <= set(known), "the lazy-imports table names a module that is not there"
    wrong = []
    for module, path in known.items():
        prefixes = allowed.get(module, [])
        for line, names in imports_in_functions(path):
            if not all(any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)
                       for name in names):
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {', '.join(names)} inside a function")
    assert wrong == [], "move these to the top of the module, or say why in docs/architecture.md"
