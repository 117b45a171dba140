from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication
from qt_helpers import answer_box

from selfmassage.core.clock import FakeClock
from selfmassage.core.editing import RoutineDraft
from selfmassage.core.events import SessionStatus
from selfmassage.core.routine import Routine, Step
from selfmassage.core.routine_format import dumps_routine, loads_routine
from selfmassage.core.techniques import Direction, Intensity, Stage, Technique, Variant
from selfmassage.qt.editor import RoutineEditor
from selfmassage.qt.editor_window import EditorWindow
from selfmassage.qt.preview import PreviewDialog, session_sound
from selfmassage.qt.routine_prompts import Clash, Prompts, Unsaved
from selfmassage.qt.routines_page import RoutinesPage
from selfmassage.sound.cues import Cue
from selfmassage.sound.silent import RecordingPlayer
from selfmassage.store.library import RoutineLibrary


def evening() -> Routine:
    return Routine(name="Evening back", steps=(
        Step(Stage.PREPARATORY, Technique.STROKING, "lower back", 30),
        Step(Stage.MEDIUM_DEEP, Technique.RUBBING, "lower back", 10, Intensity.MODERATE),
        Step(Stage.MEDIUM_DEEP, Technique.RUBBING, "shoulder blades", 10, Intensity.MODERATE),
        Step(Stage.DEEP, Technique.SQUEEZING, "shoulders", 60, Intensity.MODERATE, Variant.PALM_BASE),
        Step(Stage.DEEP, Technique.KNEADING, "shoulders", 60, Intensity.MODERATE),
        Step(Stage.FINAL, Technique.STROKING, "lower back", 30),
    ))


class FakePrompts(Prompts):
    """Answers set by the test; every question asked is kept in `asked`."""

    def __init__(self) -> None:
        super().__init__(None)  # type: ignore[arg-type]
        self.asked: list[tuple[str, str]] = []
        self.unsaved_answer = Unsaved.CANCEL
        self.delete_answer = True
        self.clash_answer = Clash.RENAME
        self.name_answer: str | None = None
        self.open_answer: Path | None = None
        self.save_answer: Path | None = None
        self.errors: list[str] = []

    def unsaved(self, name):
        self.asked.append(("unsaved", name))
        return self.unsaved_answer

    def confirm_delete(self, name):
        self.asked.append(("delete", name))
        return self.delete_answer

    def import_clash(self, name, new_name, can_replace):
        self.asked.append(("clash", f"{name} -> {new_name} replace={can_replace}"))
        return self.clash_answer

    def ask_name(self, title, label, text):
        self.asked.append(("name", text))
        return self.name_answer

    def open_file(self):
        return self.open_answer

    def save_file(self, suggested):
        self.asked.append(("save-file", suggested))
        return self.save_answer

    def error(self, title, text):
        self.errors.append(f"{title}: {text}")


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    builtin, user = tmp_path / "builtin", tmp_path / "user"
    builtin.mkdir()
    user.mkdir()
    (builtin / "classic.json").write_text(dumps_routine(Routine("Classic back", evening().steps)))
    (user / "evening.json").write_text(dumps_routine(evening()))
    return builtin, user


@pytest.fixture
def library(folders) -> RoutineLibrary:
    builtin, user = folders
    return RoutineLibrary(user, builtin)


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


@pytest.fixture
def window(qtbot, library, prompts) -> EditorWindow:
    window = EditorWindow(library, prompts=prompts)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    assert window.page.select_routine("Evening back")
    return window


def editor_of(window: EditorWindow) -> RoutineEditor:
    return window.page.editor


def techniques(editor: RoutineEditor) -> list[str]:
    model = editor.model
    return [model.index(row, 2).data() for row in range(model.rowCount())]


def shown_problems(editor: RoutineEditor) -> list[tuple[int | None, str]]:
    return [(row.problem.step, row.problem.rule) for row in editor.problem_rows]


def test_the_list_shows_builtins_first_and_opens_the_users_routine(window):
    page = window.page
    labels = [page.list.item(row).text().splitlines()[0] for row in range(page.list.count())]
    assert labels == ["Built in", "Classic back", "Yours", "Evening back"]
    assert not page.list.item(0).flags() & Qt.ItemFlag.ItemIsSelectable  # a heading can't be picked
    editor = editor_of(window)
    assert editor.name_edit.text() == "Evening back"
    assert editor.model.rowCount() == 6
    assert editor.problems_title.text().startswith("No problems")
    assert not editor.read_only and editor.step_box.isEnabled()


def test_reorder_by_buttons_and_by_drag_and_drop(qtbot, window):
    editor = editor_of(window)
    editor.select_step(4)  # kneading
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert techniques(editor)[3:5] == ["Kneading", "Squeezing"]
    assert editor.current_step == 3
    assert (4, "knead-after-squeeze") in shown_problems(editor)
    qtbot.mouseClick(editor.down_button, Qt.MouseButton.LeftButton)
    assert techniques(editor)[3:5] == ["Squeezing", "Kneading"]

    # Drag the last step (stroking) onto the first row: it lands first, as a drop in the view does.
    model = editor.model
    data = model.mimeData([model.index(5, 0)])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert techniques(editor) == ["Stroking", "Stroking", "Rubbing", "Rubbing", "Squeezing", "Kneading"]
    assert editor.current_step == 0
    assert editor.table.currentIndex().row() == 0
    assert (2, "stage-order") in shown_problems(editor)  # a preparatory step after the final one
    assert window.isWindowModified()

    # Dropped below the last row: it goes to the end again.
    data = model.mimeData([model.index(0, 0)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert [s.stage for s in editor.draft.steps][-1] is Stage.FINAL
    assert shown_problems(editor) == []
    assert not window.isWindowModified()  # exactly as saved


def drag_event(kind: type, at: QPointF, data: QMimeData) -> QDragMoveEvent:
    """PySide 6.12 takes a QPointF (the QPoint form is deprecated); earlier ones take only a QPoint."""
    args = (Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    try:
        return kind(at, *args)
    except TypeError:
        return kind(at.toPoint(), *args)


def test_a_drop_through_the_view_lands_where_the_pointer_is(qtbot, window):
    editor = editor_of(window)
    table = editor.table
    # InternalMove takes drags only from the view itself, and a test's synthetic drag has no source;
    # DragDrop runs the same dropEvent → dropMimeData path with the pointer's position.
    table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
    data = editor.model.mimeData([editor.model.index(4, 0)])  # kneading
    rect = table.visualRect(editor.model.index(1, 2))
    above_row_1 = QPointF(rect.center().x(), rect.top() + 1)
    for event_type in (QDragEnterEvent, QDragMoveEvent):
        event = drag_event(event_type, above_row_1, data)
        QApplication.sendEvent(table.viewport(), event)
        assert event.isAccepted()
    drop = QDropEvent(above_row_1, Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(table.viewport(), drop)
    assert drop.isAccepted()
    assert techniques(editor) == ["Stroking", "Kneading", "Rubbing", "Rubbing", "Squeezing", "Stroking"]
    assert editor.current_step == 1
    editor.undo_action.trigger()
    assert techniques(editor)[4] == "Kneading"


def test_a_live_error_beside_its_step_blocks_saving_and_goes_when_fixed(qtbot, window):
    editor = editor_of(window)
    editor.select_step(1)  # rubbing, 10 s
    editor.seconds_spin.setFocus()
    editor.seconds_spin.selectAll()
    qtbot.keyClicks(editor.seconds_spin, "14")
    assert editor.draft.steps[1].seconds == 14
    row = editor.model.index(1, 0)
    assert "[rub-cap]" in row.data(Qt.ItemDataRole.ToolTipRole)
    assert row.data(Qt.ItemDataRole.DecorationRole) is not None
    assert editor.model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is None
    assert shown_problems(editor) == [(2, "rub-cap")]
    assert "1 error" in editor.problems_title.text()
    assert not editor.save_button.isEnabled()
    assert window.windowTitle().startswith("Routines") and window.isWindowModified()

    editor.seconds_spin.selectAll()
    qtbot.keyClicks(editor.seconds_spin, "10")
    assert shown_problems(editor) == []
    assert editor.model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) is None


def test_the_problem_list_folds_away_and_comes_back_with_its_counts_still_shown(qtbot, window):
    editor = editor_of(window)
    assert not editor.problems.fold_button.isVisible()  # nothing to fold
    editor.select_step(1)
    editor.seconds_spin.setValue(25)
    fold = editor.problems.fold_button
    assert fold.isVisible() and editor.problems.area.isVisible()
    fold.setFocus()
    qtbot.keyClick(fold, Qt.Key.Key_Space)
    assert not editor.problems.area.isVisible() and fold.text() == "Show problems"
    assert "1 error" in editor.problems_title.text()
    qtbot.keyClick(fold, Qt.Key.Key_Tab)  # the folded fixes are no Tab stops
    assert not any(button.hasFocus() for row in editor.problem_rows for button in row.fix_buttons)
    fold.setFocus()
    qtbot.keyClick(fold, Qt.Key.Key_Space)
    assert editor.problems.area.isVisible() and fold.text() == "Hide problems"
    qtbot.keyClick(fold, Qt.Key.Key_Tab)
    assert editor.problem_rows[0].show_button.hasFocus()


def test_rub_cap_fix_then_undo_and_redo_with_the_keyboard(qtbot, window):
    editor = editor_of(window)
    editor.select_step(1)
    editor.seconds_spin.setValue(25)
    (row,) = editor.problem_rows
    texts = [b.text() for b in row.fix_buttons]
    assert texts[0].startswith("Take turns with ") and texts[1:] == ["Shorten to 10 s"]
    qtbot.mouseClick(row.fix_buttons[0], Qt.MouseButton.LeftButton)
    # 25 s over the lower back and another area in turns, never the same 25 s on the lower back.
    other = texts[0].removeprefix("Take turns with ")
    assert [(s.area, s.seconds) for s in editor.draft.steps[1:4]] == [
        ("lower back", 9), (other, 8), ("lower back", 8)]
    assert shown_problems(editor) == []
    assert editor.save_button.isEnabled()

    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shown_problems(editor) == [(2, "rub-cap")]
    assert editor.model.rowCount() == 6
    qtbot.keyClick(editor.table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.model.rowCount() == 8
    assert shown_problems(editor) == []


def test_ctrl_z_in_a_text_field_undoes_the_routine_edit(qtbot, window):
    editor = editor_of(window)
    editor.name_edit.setFocus()
    editor.name_edit.end(False)
    qtbot.keyClicks(editor.name_edit, " long")
    assert editor.draft.state.name == "Evening back long"
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.draft.state.name == "Evening back"
    assert editor.name_edit.text() == "Evening back"
    assert not window.isWindowModified()
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.name_edit.text() == "Evening back long"


def test_save_writes_the_file_and_a_new_library_reads_the_same_routine(qtbot, window, folders):
    builtin, user = folders
    editor = editor_of(window)
    editor.select_step(3)
    editor.area_combo.setFocus()
    editor.area_combo.lineEdit().selectAll()
    qtbot.keyClicks(editor.area_combo.lineEdit(), "upper back, left")  # free text, not a known area
    editor.note_edit.setFocus()
    qtbot.keyClicks(editor.note_edit, "Lean into the wall.")
    editor.tempo_spin.setValue(90)
    assert window.isWindowModified()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not window.isWindowModified()
    assert editor.status_label.text() == "Saved."

    fresh = RoutineLibrary(user, builtin).find("Evening back")
    assert fresh is not None and fresh.routine == editor.draft.routine
    step = fresh.routine.steps[3]
    assert (step.area, step.note, fresh.routine.tempo) == ("upper back, left", "Lean into the wall.", 90)
    assert sorted(p.name for p in user.iterdir()) == ["evening.json"]  # atomic: no temp file left
    assert editor.draft.can_undo  # saving keeps the undo history


def test_renaming_in_the_form_replaces_the_file_not_adds_one(qtbot, window, folders):
    _, user = folders
    editor = editor_of(window)
    editor.name_edit.setFocus()
    editor.name_edit.selectAll()
    qtbot.keyClicks(editor.name_edit, "Morning back")
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    names = [json.loads(p.read_text())["name"] for p in user.iterdir()]
    assert names == ["Morning back"]
    assert window.page.current_entry.name == "Morning back"


def test_saving_under_a_taken_name_says_why_and_keeps_the_changes(qtbot, window, prompts):
    editor = editor_of(window)
    editor.draft.set_name("Classic back")
    assert not editor.save()
    assert "built-in" in prompts.errors[-1]
    assert editor.draft.dirty


def test_an_empty_name_is_a_field_error_that_blocks_saving(qtbot, window):
    editor = editor_of(window)
    editor.name_edit.setFocus()
    editor.name_edit.selectAll()
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_Delete)
    assert (None, "field") in shown_problems(editor)
    assert "name must be 1–80 characters long" in editor.problem_rows[-1].problem.message
    assert not editor.save_button.isEnabled()


def test_totals_per_stage_update_as_you_edit(window):
    editor = editor_of(window)
    assert "Total 03:20" in editor.totals_label.text()
    editor.select_step(4)
    editor.seconds_spin.setValue(120)
    text = editor.totals_label.text()
    assert "Total 04:20" in text and "Deep 03:00" in text and "Medium deep 00:20" in text


def test_the_step_form_offers_known_areas_and_variants_only_for_squeezing(window):
    editor = editor_of(window)
    offered = [editor.area_combo.itemText(i) for i in range(editor.area_combo.count())]
    assert "collar zone" in offered and "glutes" in offered
    editor.select_step(3)
    assert editor.variant_combo.isEnabled()
    assert editor.variant_combo.currentText() == "Heel of the palm"
    assert editor.draft.steps[3].variant is Variant.PALM_BASE
    editor.technique_combo.setCurrentIndex(editor.technique_combo.findText("Kneading"))
    assert not editor.variant_combo.isEnabled()
    assert editor.draft.steps[3].technique is Technique.KNEADING
    assert editor.draft.steps[3].variant is None
    assert editor.variant_combo.currentText() == "None"
    editor.stage_combo.setCurrentIndex(editor.stage_combo.findText("Final"))
    assert editor.draft.steps[3].stage is Stage.FINAL
    assert (4, "stage-order") not in shown_problems(editor) and (5, "stage-order") in shown_problems(editor)


def test_a_steps_direction_is_chosen_by_keyboard_and_against_the_flow_is_offered_a_fix(qtbot, window):
    editor = editor_of(window)
    editor.select_step(0)  # stroking the lower back
    box = editor.direction_combo
    assert box.accessibleName() == "Direction" and "toward the heart" in box.accessibleDescription()
    assert box.currentText() == "The area's own" and editor.draft.steps[0].direction is None
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.currentText() == "Up" and editor.draft.steps[0].direction is Direction.UP
    assert (1, "toward-heart") not in shown_problems(editor)  # up the back is its own way
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert editor.draft.steps[0].direction is Direction.DOWN
    (row,) = [row for row in editor.problem_rows if row.problem.rule == "toward-heart"]
    assert row.problem.step == 1 and "against the flow" in row.problem.message
    assert [button.text() for button in row.fix_buttons] == ["Use the area's direction"]
    qtbot.mouseClick(row.fix_buttons[0], Qt.MouseButton.LeftButton)
    assert editor.draft.steps[0].direction is None and box.currentText() == "The area's own"
    assert (1, "toward-heart") not in shown_problems(editor)
    editor.undo()  # the fix undoes like any edit
    assert editor.draft.steps[0].direction is Direction.DOWN and box.currentText() == "Down"


def test_add_duplicate_and_remove_steps(qtbot, window):
    editor = editor_of(window)
    editor.select_step(2)
    qtbot.mouseClick(editor.duplicate_step_button, Qt.MouseButton.LeftButton)
    assert editor.model.rowCount() == 7 and editor.current_step == 3
    assert editor.draft.steps[3] == editor.draft.steps[2]
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.current_step == 4
    assert techniques(editor)[4] == "Stroking"
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert editor.current_step == 4 and techniques(editor)[4] == "Squeezing"  # the next one moved up
    editor.select_step(3)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert techniques(editor) == ["Stroking", "Rubbing", "Rubbing", "Squeezing", "Kneading", "Stroking"]
    assert not window.isWindowModified()


def test_builtins_are_read_only_until_duplicated(qtbot, window, folders):
    _, user = folders
    page = window.page
    assert page.select_routine("Classic back")
    editor = editor_of(window)
    assert editor.read_only and editor.banner.isVisible()
    assert not editor.name_edit.isEnabled() and not editor.step_box.isEnabled()
    assert not editor.save_button.isVisible() and not page.files.delete_action.isEnabled()
    assert not editor.model.flags(editor.model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    qtbot.mouseClick(editor.duplicate_button, Qt.MouseButton.LeftButton)
    assert page.current_entry.name == "Classic back (2)"
    assert not editor.read_only and editor.name_edit.isEnabled()
    assert (user / "classic-back-2.json").exists()


def test_new_rename_and_delete(qtbot, window, prompts, folders):
    _, user = folders
    page = window.page
    page.files.new_action.trigger()
    assert page.current_entry.name == "New routine"
    assert editor_of(window).problems_title.text().startswith("No problems")
    prompts.name_answer = "Legs first"
    page.files.rename_action.trigger()
    assert page.current_entry.name == "Legs first"
    assert sorted(p.name for p in user.iterdir()) == ["evening.json", "legs-first.json"]

    prompts.delete_answer = False
    page.files.delete_action.trigger()
    assert (user / "legs-first.json").exists()
    prompts.delete_answer = True
    page.files.delete_action.trigger()
    assert ("delete", "Legs first") in prompts.asked
    assert not (user / "legs-first.json").exists()
    assert page.current_entry is not None and page.current_entry.name != "Legs first"


def test_export_then_import_with_a_name_clash_renames(window, prompts, tmp_path, folders):
    _, user = folders
    page = window.page
    out = tmp_path / "shared" / "evening-export.json"
    out.parent.mkdir()
    prompts.save_answer = out
    page.files.export_action.trigger()
    assert ("save-file", "evening-back.json") in prompts.asked
    routine, problems = loads_routine(out.read_bytes())
    assert routine == evening() and problems == []

    prompts.open_answer = out
    prompts.clash_answer = Clash.RENAME
    page.files.import_action.trigger()
    assert ("clash", "Evening back -> Evening back (2) replace=True") in prompts.asked
    assert page.current_entry.name == "Evening back (2)"
    assert page.current_entry.routine.steps == evening().steps
    assert len(list(user.iterdir())) == 2


def test_import_can_replace_yours_but_never_a_builtin(window, prompts, tmp_path, folders):
    _, user = folders
    page = window.page
    changed = tmp_path / "changed.json"
    changed.write_text(dumps_routine(Routine("EVENING BACK", evening().steps, description="From a friend")))
    prompts.open_answer = changed
    prompts.clash_answer = Clash.REPLACE
    page.files.import_action.trigger()
    assert [p.name for p in user.iterdir()] == ["evening.json"]
    assert json.loads((user / "evening.json").read_text())["description"] == "From a friend"

    builtin_copy = tmp_path / "classic.json"
    builtin_copy.write_text(dumps_routine(Routine("Classic back", evening().steps)))
    prompts.open_answer = builtin_copy
    prompts.clash_answer = Clash.CANCEL
    page.files.import_action.trigger()
    assert ("clash", "Classic back -> Classic back (2) replace=False") in prompts.asked
    assert len(list(user.iterdir())) == 1


def test_import_of_a_name_that_would_escape_the_folder_stays_inside(window, prompts, tmp_path, folders):
    _, user = folders
    sneaky = tmp_path / "sneaky.json"
    sneaky.write_text(dumps_routine(Routine("../../../etc/passwd", evening().steps)))
    prompts.open_answer = sneaky
    window.page.files.import_action.trigger()
    assert window.page.current_entry.path.parent == user
    assert window.page.current_entry.name == "../../../etc/passwd"


@pytest.mark.parametrize(("content", "says"), [
    (b"{not json", "not valid JSON"),
    (json.dumps({"format": 1, "name": "X", "steps": []}).encode(), "1–200 steps"),
    (dumps_routine(Routine("Too long rub", (Step(Stage.DEEP, Technique.RUBBING, "neck", 40),)))
     .encode(), "rub-cap"),
])
def test_import_of_a_bad_file_says_which_file_and_what_is_wrong(window, prompts, tmp_path, content, says):
    bad = tmp_path / "from-the-web.json"
    bad.write_bytes(content)
    prompts.open_answer = bad
    before = window.page.entries
    window.page.files.import_action.trigger()
    assert "from-the-web.json" in prompts.errors[-1] and says in prompts.errors[-1]
    assert window.page.entries == before


def test_broken_files_are_listed_with_their_error_and_the_rest_still_load(qtbot, library, prompts, folders):
    _, user = folders
    (user / "aaa-not-json.json").write_text("{\"format\": 1,")
    (user / "big.json").write_bytes(b" " * (1024 * 1024 + 1))
    (user / "wrong-field.json").write_text(json.dumps({"format": 1, "name": "W", "steps": [
        {"stage": "deep", "technique": "karate", "area": "neck", "seconds": 5}]}))
    window = EditorWindow(library, prompts=prompts)
    qtbot.addWidget(window)
    page = window.page
    lines = [page.list.item(row).text() for row in range(page.list.count())]
    assert lines[:3] == ["Built in", "Classic back\n03:20 · 6 steps", "Yours"]
    assert "Evening back\n03:20 · 6 steps" in lines
    broken = [line.split("\n")[0] for line in lines if "can't be opened" in line]
    assert broken == ["aaa-not-json.json", "big.json", "wrong-field.json"]

    row = next(i for i, line in enumerate(lines) if line.startswith("wrong-field.json"))
    assert "technique must be one of" in page.list.item(row).toolTip()
    page.list.setCurrentRow(row)
    assert page.stack.currentWidget() is page.broken
    assert "wrong-field.json" in page.broken.title.text()
    assert "karate" in page.broken.details.text()
    assert not page.files.duplicate_action.isEnabled() and page.files.delete_action.isEnabled()
    qtbot.mouseClick(page.broken.delete_button, Qt.MouseButton.LeftButton)
    assert not (user / "wrong-field.json").exists()
    assert page.select_routine("Evening back")


def test_unsaved_changes_are_marked_and_asked_about_on_close(qtbot, window, prompts, folders):
    _, user = folders
    before = (user / "evening.json").read_text()
    editor = editor_of(window)
    editor.draft.set_step(0, seconds=45)
    editor.select_step(0)
    editor.seconds_spin.setValue(50)
    assert window.isWindowModified()
    assert "[*]" in window.windowTitle()

    prompts.unsaved_answer = Unsaved.CANCEL
    assert not window.close()
    assert window.isVisible() and editor.draft.steps[0].seconds == 50

    prompts.unsaved_answer = Unsaved.SAVE
    assert window.close()
    assert json.loads((user / "evening.json").read_text())["steps"][0]["seconds"] == 50
    assert before != (user / "evening.json").read_text()
    assert prompts.asked.count(("unsaved", "Evening back")) == 2


def test_discard_on_close_leaves_the_file_alone(qtbot, window, prompts, folders):
    _, user = folders
    before = (user / "evening.json").read_text()
    editor_of(window).seconds_spin.setValue(5)
    prompts.unsaved_answer = Unsaved.DISCARD
    assert window.close()
    assert (user / "evening.json").read_text() == before


def test_the_real_question_maps_save_discard_cancel(qtbot, library, folders):
    _, user = folders
    window = EditorWindow(library)  # the page's own questions, answered with the keys
    qtbot.addWidget(window)
    window.show()
    window.page.select_routine("Evening back")
    window.page.editor.seconds_spin.setValue(20)
    asked = answer_box("Cancel")
    assert not window.close()
    answer_box("Save")
    assert window.close()
    assert asked[0] == "You changed “Evening back”. Save your changes before you go on?"
    assert json.loads((user / "evening.json").read_text())["steps"][0]["seconds"] == 20


def test_switching_routines_with_changes_asks_first(window, prompts):
    page = window.page
    editor = editor_of(window)
    editor.seconds_spin.setValue(40)
    prompts.unsaved_answer = Unsaved.CANCEL
    classic_row, evening_row = 1, 3  # under the "Built in" and "Yours" headings
    page.list.setCurrentRow(classic_row)
    assert page.current_entry.name == "Evening back"
    assert page.list.currentRow() == evening_row and editor.draft.steps[0].seconds == 40
    prompts.unsaved_answer = Unsaved.DISCARD
    page.list.setCurrentRow(classic_row)
    assert page.current_entry.name == "Classic back"
    page.list.setCurrentRow(evening_row)
    assert editor.draft.steps[0].seconds == 30  # the change was dropped


def test_a_routine_with_errors_on_disk_opens_so_you_can_fix_it(qtbot, library, prompts, folders):
    _, user = folders
    steps = list(evening().steps)
    steps[1] = Step(Stage.MEDIUM_DEEP, Technique.RUBBING, "lower back", 30, Intensity.MODERATE)
    (user / "evening.json").write_text(dumps_routine(Routine("Evening back", tuple(steps))))
    window = EditorWindow(library, prompts=prompts)
    qtbot.addWidget(window)
    window.page.select_routine("Evening back")
    editor = editor_of(window)
    assert shown_problems(editor) == [(2, "rub-cap")]
    qtbot.mouseClick(editor.problem_rows[0].fix_buttons[0], Qt.MouseButton.LeftButton)
    assert editor.save()
    assert window.page.current_entry.usable


def play_for(dialog: PreviewDialog, clock: FakeClock, seconds: float) -> None:
    """Move the clock the way the dialog's timer would: to each deadline in turn, polling there."""
    end = clock.now() + seconds
    while (deadline := dialog.engine.next_deadline()) is not None and deadline <= end:
        clock.advance(max(0.0, deadline - clock.now()))
        dialog.poll()
    clock.advance(max(0.0, end - clock.now()))
    dialog.poll()


def test_preview_runs_the_routine_fast_with_its_cues_and_records_nothing(qtbot):
    player = RecordingPlayer()
    clock = FakeClock()
    dialog = PreviewDialog(evening(), clock=clock, sound=session_sound(player))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "10× speed, with its sounds" in dialog.note_label.text()
    assert dialog.step_label.text() == "Stroking, lower back"
    assert dialog.countdown_label.text() == "00:30"
    assert player.played == [Cue.STAGE]
    play_for(dialog, clock, 30.5)
    assert dialog.step_label.text() == "Rubbing, lower back"
    assert dialog.countdown_label.text() == "00:10"
    assert dialog.next_label.text() == "Next: Rubbing, shoulder blades"
    # The last 3 s of the stroking tick, then the new stage, then the rubbing tempo.
    assert player.played == [Cue.STAGE, Cue.TICK, Cue.TICK, Cue.TICK, Cue.STAGE]
    play_for(dialog, clock, 200)
    assert Cue.TEMPO in player.played
    assert dialog.step_label.text() == "Done"
    assert player.played[-1] is Cue.DONE
    assert not dialog.skip_button.isEnabled()
    # The autouse fixture gives each test its own data and config folders: nothing was written there.
    written = [p for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME") for p in Path(os.environ[var]).rglob("*")]
    assert written == []


def test_closing_a_preview_stops_it_silently(qtbot):
    player = RecordingPlayer()
    clock = FakeClock()
    dialog = PreviewDialog(evening(), clock=clock, sound=session_sound(player))
    qtbot.addWidget(dialog)
    dialog.show()
    clock.advance(5)
    dialog.poll()
    heard = list(player.played)
    dialog.close()
    assert dialog.engine.status is SessionStatus.STOPPED
    assert player.played == heard


def test_preview_timer_wakes_the_dialog_at_ten_times_speed(qtbot):
    short = Routine("Short", (Step(Stage.PREPARATORY, Technique.STROKING, "neck", 2),
                              Step(Stage.FINAL, Technique.STROKING, "neck", 1)))
    dialog = PreviewDialog(short)  # a real ScaledClock: 3 s of routine in 0.3 s
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.speed == 10
    qtbot.waitUntil(lambda: dialog.step_label.text() == "Done", timeout=3000)


def test_preview_button_opens_the_dialog_and_closing_stops_it(qtbot, window):
    editor = editor_of(window)
    qtbot.mouseClick(editor.preview_button, Qt.MouseButton.LeftButton)
    preview = window.page.preview
    assert preview is not None and preview.isVisible()
    assert preview.windowTitle() == "Preview — Evening back"
    engine = preview.engine
    preview.close()
    assert engine.status is SessionStatus.STOPPED


def test_a_new_draft_with_errors_is_kept_open_unsaved(window, prompts, folders):
    _, user = folders
    page = window.page
    bad = Routine("Rough", (Step(Stage.DEEP, Technique.VIBRATION, "glutes", 20),))
    page.files._save_new(RoutineDraft.from_routine(bad, saved=False))
    assert page.current_entry is None
    editor = editor_of(window)
    assert shown_problems(editor)[0] == (1, "vibration-cap")
    assert window.isWindowModified()
    qtbot_fix = editor.problem_rows[0].fix_buttons[0]
    qtbot_fix.click()
    assert editor.save()
    assert page.current_entry.name == "Rough"
    assert (user / "rough.json").exists()


def test_done_settles_changes_before_the_host_leaves_the_page(qtbot, library, prompts):
    page = RoutinesPage(library, prompts=prompts, can_leave=True)
    qtbot.addWidget(page)
    page.select_routine("Evening back")
    page.editor.seconds_spin.setValue(12)
    prompts.unsaved_answer = Unsaved.CANCEL
    with qtbot.assertNotEmitted(page.done_requested):
        qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    prompts.unsaved_answer = Unsaved.DISCARD
    with qtbot.waitSignal(page.done_requested, timeout=1000):
        qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    assert not page.editor.draft.dirty


def test_reading_the_folder_again_keeps_unsaved_changes(window):
    page = window.page
    page.editor.seconds_spin.setValue(33)
    page.reload()
    assert page.editor.draft.steps[0].seconds == 33 and page.editor.modified
    assert page.current_entry.name == "Evening back"


def test_a_long_note_reads_from_its_start_when_its_step_is_picked(qtbot, window):
    editor = editor_of(window)
    window.resize(900, 700)
    editor.select_step(3)
    editor.note_edit.setFocus()
    qtbot.keyClicks(editor.note_edit, "Lean into the wall and let your breath go out slowly as you press.")
    editor.select_step(2)
    editor.select_step(3)
    note = editor.note_edit
    assert note.cursorPosition() == 0 and note.cursorRect().left() < note.width() // 4  # its first words show
