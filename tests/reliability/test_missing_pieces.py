"""Missing pieces and damaged files: no sound device, no sound library, a missing asset (a cue, the body map,
a built-in routine), a damaged history, a bad CSV backup. Each is told once in one plain line, the rest works,
nothing the person had is lost, and no traceback ever reaches the terminal.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfmassage import resources
from selfmassage.cli import main
from selfmassage.sound.interface import BAD_FILE, NO_DEVICE, NO_LIBRARY
from selfmassage.store.history import History
from selfmassage.store.paths import history_path
from tests.history_support import BERLIN, add

ROOT = Path(__file__).resolve().parents[2]
NAME = "Quick back"
ROUTINE = {"format": 1, "name": NAME, "steps": [
    {"stage": "preparatory", "technique": "stroking", "area": "lower back", "seconds": 3},
    {"stage": "medium-deep", "technique": "rubbing", "area": "lower back", "seconds": 3},
    {"stage": "final", "technique": "stroking", "area": "lower back", "seconds": 3},
]}
DONE = "Done: 00:09 of massage, 3 of 3 steps."


@pytest.fixture
def routine_file(tmp_path: Path) -> Path:
    path = tmp_path / "quick.json"
    path.write_text(json.dumps(ROUTINE), encoding="utf-8")
    return path


@pytest.fixture
def imported(routine_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["routines", "import", str(routine_file)]) == 0
    capsys.readouterr()


def run_session(*extra: str, env: dict[str, str] | None = None,
                prelude: str = "") -> subprocess.CompletedProcess[str]:
    """`selfmassage run` as a program, with sound on; `prelude` is Python run before the command line."""
    code = f"{prelude}\nimport sys\nfrom selfmassage.cli import main\nsys.exit(main(sys.argv[1:]))"
    done = subprocess.run([sys.executable, "-c", code, "run", NAME, "--speed", "30", "--keep-rehearsal",
                           *extra], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, env=env or os.environ.copy())
    assert "Traceback" not in done.stderr, done.stderr
    return done


# -- no sound ----------------------------------------------------------------------------------------------


def test_no_sound_device_is_told_once_and_the_session_runs(imported, tmp_path):
    conf = tmp_path / "nocard.conf"
    conf.write_text('pcm.!default { type hw; card "NoSuchCard" }\n')
    env = {**os.environ, "ALSA_CONFIG_PATH": f"/usr/share/alsa/alsa.conf:{conf}"}
    done = run_session(env=env)
    assert done.returncode == 0 and DONE in done.stdout
    assert done.stderr.splitlines() == [NO_DEVICE]


def test_no_sound_library_is_told_once_and_the_session_runs(imported):
    done = run_session(prelude="import sys; sys.modules['simpleaudio'] = None  # as if not installed")
    assert done.returncode == 0 and DONE in done.stdout
    assert done.stderr.splitlines() == [NO_LIBRARY]


# -- missing assets ----------------------------------------------------------------------------------------


@pytest.fixture
def assets_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app reads its assets from a copy that a test may take files out of."""
    copy = tmp_path / "assets"
    shutil.copytree(resources.assets_dir(), copy)
    monkeypatch.setattr(resources, "assets_dir", lambda: copy)
    return copy


def test_a_missing_cue_file_is_told_once_and_the_session_runs(imported, tmp_path):
    copy = tmp_path / "assets"
    shutil.copytree(resources.assets_dir(), copy)
    (copy / "sounds" / "tick.wav").unlink()
    prelude = ("from pathlib import Path\nfrom selfmassage import resources\n"
               f"resources.assets_dir = lambda: Path({str(copy)!r})")
    done = run_session(prelude=prelude)
    assert done.returncode == 0 and DONE in done.stdout
    assert done.stderr.splitlines() == [BAD_FILE]


def test_a_missing_built_in_routine_leaves_the_others_and_says_what_is_not_there(assets_copy, cli):
    (assets_copy / "routines" / "classic-back-session.json").unlink()
    code, out, err = cli("routines", "list")
    assert code == 0 and err == ""
    assert "Classic back session" not in out and len(out.splitlines()) == 5
    code, out, err = cli("run", "Classic back session", "--speed", "1000", "--mute", "--keep-rehearsal")
    assert code == 1 and out == ""
    assert err == "selfmassage: no routine called 'Classic back session'; see `selfmassage routines list`.\n"


def test_no_assets_at_all_still_runs_your_own_routine(assets_copy, imported, cli):
    shutil.rmtree(assets_copy)
    code, out, err = cli("routines", "list")
    assert code == 0 and out.startswith(NAME)
    code, out, err = cli("run", NAME, "--speed", "1000", "--keep-rehearsal")
    assert code == 0 and DONE in out
    assert err.splitlines() == [BAD_FILE]


def test_a_missing_body_map_leaves_a_blank_map_and_one_notice(assets_copy, qtbot):
    from selfmassage.qt import body_map

    body_map._source.cache_clear()
    body_map.styled_svg.cache_clear()
    (assets_copy / "bodymap.svg").unlink()
    try:
        widget = body_map.BodyMap()
        qtbot.addWidget(widget)
        widget.resize(240, 480)
        widget.set_area("lower back")  # the session goes on moving through its areas
        widget.set_area("neck")
        assert widget.problem == body_map.MISSING_MAP
        assert widget.region_rect("neck").isEmpty()
        assert not widget.grab().isNull()  # paints, blank
        assert "neck" in widget.accessibleDescription().lower()
    finally:
        body_map._source.cache_clear()
        body_map.styled_svg.cache_clear()


def test_a_damaged_body_map_is_the_same_as_a_missing_one(assets_copy, qtbot):
    from selfmassage.qt import body_map

    body_map._source.cache_clear()
    body_map.styled_svg.cache_clear()
    (assets_copy / "bodymap.svg").write_text("<svg><g", encoding="utf-8")
    try:
        widget = body_map.BodyMap()
        qtbot.addWidget(widget)
        assert widget.problem == body_map.MISSING_MAP and not widget.grab().isNull()
    finally:
        body_map._source.cache_clear()
        body_map.styled_svg.cache_clear()


# -- a damaged history -------------------------------------------------------------------------------------

EVENING = datetime(2026, 11, 2, 19, 0, tzinfo=BERLIN)


def history_with(sessions: int) -> Path:
    path = history_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with History.open(path) as history:
        add(history, *(EVENING + timedelta(days=day) for day in range(sessions)))
    return path


def damage(path: Path, table_or_index: str) -> bytes:
    """Overwrite one page of that b-tree with noise; returns the damaged file's bytes."""
    db = sqlite3.connect(path)
    page = db.execute("SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno LIMIT 1",
                      (table_or_index,)).fetchone()[0]
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    raw = bytearray(path.read_bytes())
    raw[(page - 1) * page_size:page * page_size] = bytes(range(256)) * (page_size // 256)
    path.write_bytes(bytes(raw))
    return bytes(raw)


def asides(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.corrupt-*"))


def test_a_history_damaged_inside_is_kept_aside_and_every_readable_session_carried_over(cli):
    path = history_with(40)
    damaged = damage(path, "sessions_start")  # the index the list reads by
    code, out, err = cli("history")
    (aside,) = asides(path)
    assert code == 0 and len(out.splitlines()) == 40  # what was recovered, shown at once
    assert err == (f"selfmassage: your history file was damaged. A new one holds the 40 sessions that could "
                   f"still be read; the damaged file is kept at {aside}.\n")
    assert aside.read_bytes() == damaged  # nothing lost: the file as it was
    code, out, err = cli("history")
    assert code == 0 and err == "" and len(out.splitlines()) == 40
    code, out, _ = cli("stats", "--weeks", "52", "--json")
    assert code == 0


def test_a_history_damaged_at_its_start_is_kept_aside_and_a_new_one_started(cli):
    path = history_with(5)
    damaged = damage(path, "sqlite_schema")
    code, out, err = cli("history")
    (aside,) = asides(path)
    assert code == 0 and out == "No sessions yet.\n"
    assert err == (f"selfmassage: Your history file could not be read, so a new one was started. The old one "
                   f"is kept at {aside}.\n")
    assert aside.read_bytes() == damaged


def test_damage_found_at_the_start_of_a_session_is_repaired_and_the_session_kept(imported, cli):
    path = history_with(12)
    damaged = damage(path, "sessions_counted")  # read when the start looks for interrupted sessions
    code, out, err = cli("run", NAME, "--speed", "1000", "--mute", "--keep-rehearsal")
    (aside,) = asides(path)
    assert code == 0 and DONE in out
    assert err == (f"selfmassage: Your history file was damaged, so a new one was started with the 12 "
                   f"sessions that could still be read. The damaged file is kept at {aside}.\n")
    assert aside.read_bytes() == damaged
    code, out, err = cli("history")
    assert code == 0 and err == "" and len(out.splitlines()) == 13  # the twelve, and this one


# -- bad CSV backups ---------------------------------------------------------------------------------------

HEADER = "started_at,ended_at,routine,status,active_seconds,feeling,symptoms,note"
cell = st.one_of(
    st.sampled_from(["2026-11-02T19:00:00+01:00", "2026-11-02T19:20:00+01:00", "2026-13-40T99:00:00",
                     "2026-11-02T19:00:00", "completed", "stopped", "running", "interrupted", "1200", "-5",
                     "nan", "1e400", "3", "9", "pain;dizziness", "pain;nonsense", "", " ", "\x00",
                     "\"", "a,b", "é", "Classic back session"]),
    st.text(max_size=12),
)
row = st.lists(cell, min_size=0, max_size=10).map(lambda cells: ",".join(cells))
csv_text = st.builds(lambda header, rows: "\n".join([header, *rows]) + "\n",
                     st.sampled_from([HEADER, HEADER.upper(), "started_at,routine", ""]),
                     st.lists(row, max_size=6))
csv_bytes = st.one_of(csv_text.map(lambda text: text.encode("utf-8", "surrogatepass")),
                      st.binary(max_size=200))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=csv_bytes)
def test_any_csv_backup_is_imported_whole_or_refused_whole_in_plain_lines(raw, tmp_path, cli):
    path = history_with(0) if not history_path().exists() else history_path()
    with History.open(path) as history:
        before = history.count_sessions()
    source = tmp_path / "backup.csv"
    source.write_bytes(raw)
    code, out, err = cli("history", "import", str(source))
    with History.open(path) as history:
        after = history.count_sessions()
        assert history.integrity_ok()
    assert code in (0, 1, 2)
    if code == 0:
        assert err == "" and out.startswith("Imported ")
        return
    assert after == before, "a file with any bad row adds nothing"
    assert out == "" and err
    for line in err.splitlines():
        assert line.startswith((f"{source}: line ", f"{source}: ", "selfmassage: nothing was imported"))
