"""A whole session as a screen reader follows it: the real app under Xvfb, on a private AT-SPI bus, driven by
the keys a blind person presses, checked against what Orca would get (names, focus, announcements).

How it works: tests/atspi/desktop.py starts the desktop and the app; tests/atspi/reader.py listens on the
bus with pyatspi under Debian's python3. docs/accessibility.md says more.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop import Desktop, DesktopError, Node, find, focused, missing_tools, parent_of

from selfmassage.core import safety
from selfmassage.core.announcements import step_sentence
from selfmassage.core.checkin import Symptom
from selfmassage.core.routine import Routine
from selfmassage.core.safety import checkin_hint
from selfmassage.core.techniques import instruction_for
from selfmassage.resources import assets_dir
from selfmassage.store.library import Source, read_routine_file

# Names a label once carried instead of its text: a reader heard "Description", never the description.
FIXED_NAMES = {"Routine", "Where it comes from", "Description", "Length and steps", "What each stage does",
               "Why this routine can't be started", "Technique", "Body area", "Step number and pressure",
               "What to do", "Next step", "How the session ended", "What you did", "What happened"}


def routine_named(name: str) -> Routine:
    for path in sorted((assets_dir() / "routines").glob("*.json")):
        entry = read_routine_file(path, Source.BUILTIN)
        if entry.name == name and entry.routine is not None:
            return entry.routine
    raise AssertionError(f"no built-in routine called {name!r}")


def label_names(tree: list[Node]) -> list[str]:
    return [node["name"] for node in find(tree, role="label")]


def window_stack(tree: list[Node]) -> Node:
    """The page stack of the main window: a layered pane, named by its page."""
    panes = [node for node in find(tree, role="layered pane") if node["depth"] <= 4]
    assert panes, "no page stack"
    return panes[0]


@pytest.fixture
def scratch() -> Iterator[Path]:
    """A folder of its own, not under pytest's shared one, which another test run may clear meanwhile."""
    folder = Path(tempfile.mkdtemp(prefix="selfmassage-atspi-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def desktop(scratch: Path) -> Iterator[Desktop]:
    assert missing_tools() == [], "scripts/bootstrap.sh installs these"
    with Desktop(scratch) as running:
        yield running


def test_a_whole_session_by_keyboard_as_a_screen_reader_gets_it(desktop: Desktop) -> None:
    # -- the picker: the focus on the list, the chosen routine's details read as they are shown -------
    def chosen() -> Node | None:
        return next((node for node in find(desktop.tree(), role="list item") if "selected" in node["states"]),
                    None)

    item = desktop.wait_for(chosen, "the routines, one chosen")
    routine = routine_named(item["name"].split("\n")[0])
    desktop.wait_for_focus("list", "Routines")
    tree = desktop.tree()
    labels = label_names(tree)
    assert routine.description in labels
    assert not FIXED_NAMES & set(labels), FIXED_NAMES & set(labels)
    assert any(f"{len(routine.steps)} steps" in name for name in labels), labels  # the facts line
    assert window_stack(tree)["name"] == "Choose a routine"

    # -- Sound ▸ Spoken prompts by ▸ Screen reader: the session's steps go to the screen reader --------
    settings = desktop.folder / "home" / ".config" / "selfmassage" / "settings.json"

    def chosen_screen_reader() -> bool:
        return settings.exists() and '"screen reader"' in settings.read_text()

    for _attempt in range(3):  # a busy machine may open a menu after its key was pressed: close, try again
        desktop.keys("alt+o", "b", "s", delay_ms=400)
        try:
            desktop.wait_for(chosen_screen_reader, "the choice kept in settings.json", timeout=5)
            break
        except DesktopError:
            desktop.keys("Escape", "Escape", "Escape")
    assert chosen_screen_reader()
    desktop.wait_for_focus("list", "Routines")

    # -- today's question (once the safety rework brings it), then the checklist, answered No by key ---
    desktop.keys("Return")
    today = getattr(safety, "TODAY_TITLE", None)
    if today is not None:
        desktop.wait_for_window(today)
        node = desktop.focused()
        assert node is not None and node["role"] == "push button", node
        desktop.keys("n")
    desktop.wait_for_window("Safety check before your session")
    tree = desktop.tree()
    first = focused(tree)
    assert first is not None and (first["role"], first["name"]) == ("radio button", "Yes"), first
    group = parent_of(tree, first)
    questions = safety.QUESTIONS
    assert group["name"] == f"Question 1 of {len(questions)}: {questions[0].text}", group
    assert group["description"].startswith("Yes / No"), group
    assert [n["name"] for n in find(tree, role="radio button")][:2] == ["Yes", "No"]
    desktop.keys("n")
    desktop.wait_to_hear(f"{len(questions) - 1} questions left to answer.")  # said as it changes
    tree = desktop.tree()
    assert parent_of(tree, focused(tree))["name"].startswith(f"Question 2 of {len(questions)}: ")
    desktop.keys(*["n"] * (len(questions) - 1))
    desktop.wait_to_hear("All questions answered.")
    desktop.wait_for_focus("push button", "Continue to your session")
    desktop.keys("Return")
    desktop.wait_for_window("Can you hear this?")
    before_session = len(desktop.announcements())
    desktop.keys("Return")

    # -- the session: the focus on Pause, the step's words as shown ---------------------------------
    desktop.wait_for_focus("push button", "Pause")
    first_step, second_step = routine.steps[0], routine.steps[1]
    tree = desktop.tree()
    labels = label_names(tree)
    assert first_step.technique.label in labels
    assert instruction_for(first_step.technique, first_step.note) in labels
    assert f"Next: {second_step.describe()}" in labels
    assert not FIXED_NAMES & set(labels), FIXED_NAMES & set(labels)
    assert window_stack(tree)["name"] == f"Session: {routine.name}"

    count = len(routine.steps)
    start = desktop.wait_to_hear(f"Starting {routine.name}: {count} steps")
    first = desktop.wait_to_hear(f"Step 1 of {count}: {step_sentence(first_step)}.")
    said = desktop.announcements()
    assert said.index(start) < said.index(first)

    desktop.keys("Right")  # the next step
    desktop.wait_for(lambda: any(name.startswith(f"Step 2 of {count}")
                                 for name in label_names(desktop.tree())), "step 2 shown")
    desktop.wait_to_hear(f"Step 2 of {count}: {step_sentence(second_step)}.")
    desktop.keys("space")
    desktop.wait_to_hear("Paused. Press Space to go on.")
    desktop.keys("t")
    told = desktop.wait_to_hear("left in the routine.")
    assert told.startswith("Paused. ") and "left in this step" in told
    desktop.keys("space")
    desktop.wait_to_hear("Going on.")
    # Polite and few: no sentence a second. Start, stage, step 1, step 2 (maybe a stage), pause, T, resume.
    in_session = desktop.announcements()[before_session:]
    assert len(in_session) <= 9, in_session

    # -- Esc asks to stop; the question is read once, with no unnamed picture ------------------------
    desktop.keys("Escape")
    box = desktop.wait_for_window("Stop the session?")
    tree = desktop.tree()
    start = tree.index(box)
    inside = [n for n in tree[start + 1:] if n["depth"] > 1][: 20]
    assert not [n for n in inside if n["role"] in ("icon", "image") and not n["name"]], inside
    asked = "Stop here? You can start again any time."
    assert sum(asked in n["name"] for n in inside) == 1, inside
    desktop.wait_for_focus("push button", "Keep going")
    desktop.keys("shift+Tab")
    desktop.wait_for_focus("push button", "Stop")
    desktop.keys("Return")

    # -- the summary: the check-in's first choice has the focus; one feeling of five, by key ----------
    desktop.wait_to_hear("Session stopped after ")
    desktop.wait_for(lambda: "You stopped the session early." in label_names(desktop.tree()), "the summary")
    tree = desktop.tree()
    node = focused(tree)
    assert node is not None and (node["role"], node["name"]) == ("radio button", "1: Much worse"), node
    assert parent_of(tree, node)["name"].startswith("How do you feel?"), parent_of(tree, node)
    assert len([n for n in find(tree, role="radio button") if n["name"][:2] in "1:2:3:4:5:"]) == 5
    desktop.keys("4")
    chosen = desktop.wait_for_focus("radio button", "4: Better")
    assert "checked" in chosen["states"], chosen
    desktop.keys("Tab")  # out of the group (one Tab stop), to the first sign
    desktop.wait_for_focus("check box", "Pain")
    desktop.keys("space")
    advice = desktop.wait_to_hear(checkin_hint({Symptom.PAIN}))
    assert advice in label_names(desktop.tree())  # said as it is shown
    desktop.keys(*["Tab"] * 6)  # the other five signs, then the note
    desktop.wait_for_focus("text", "A note for yourself, optional")
    desktop.keys("Return")  # Enter in the note saves
    desktop.wait_to_hear("Thank you. Your answers are kept with this session.")
    desktop.wait_for_focus("push button", "Back to routines")

    # -- back to the routines, then the history: focus on the first control, ranges one choice -----
    desktop.keys("Return")
    desktop.wait_for_focus("list", "Routines")
    assert window_stack(desktop.tree())["name"] == "Choose a routine"
    desktop.keys("ctrl+h")
    desktop.wait_for(lambda: window_stack(desktop.tree())["name"] == "Your history", "the history page")
    tree = desktop.tree()
    node = focused(tree)
    assert node is not None and node["role"] not in ("filler", "panel", "layered pane"), node
    ranges = [n for n in find(tree, role="radio button") if n["name"].endswith(" weeks")]
    assert [n["name"] for n in ranges] == ["12 weeks", "26 weeks", "52 weeks"]
    assert [("checked" in n["states"]) for n in ranges] == [True, False, False]
    assert parent_of(tree, ranges[0])["name"] == "Weeks the chart shows"
    labels = label_names(tree)
    assert not FIXED_NAMES & set(labels), FIXED_NAMES & set(labels)


def test_the_desktop_reports_a_missing_app_window_instead_of_hanging(scratch: Path) -> None:
    """A harness that can't see the app fails with what it waited for, within its deadline."""
    with pytest.raises(DesktopError, match="the app's window"), \
            Desktop(scratch, app_args=("routines", "list"), window_timeout=3):
        pass
