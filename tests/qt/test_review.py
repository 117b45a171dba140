"""The review page drawn with real data: bars match the weeks, hover lists a week, delete asks first."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from qt_helpers import answer_box

from selfmassage.core.checkin import Symptom
from selfmassage.core.plan import Plan, PlanKind, WeekStatus
from selfmassage.core.stats import WeekFigure
from selfmassage.qt.chart_look import STATUS_COLOURS, THIS_WEEK
from selfmassage.qt.review import ReviewPage, create_review_page
from selfmassage.qt.week_chart import WeekChart
from selfmassage.store.history import History
from selfmassage.store.paths import history_path
from selfmassage.store.settings import Settings
from tests.history_support import BERLIN, add, open_history

NOW = datetime(2026, 11, 19, 21, 0, tzinfo=BERLIN)  # Thursday of 2026-W47


def evening(month: int, day: int, hour: int = 19) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=BERLIN)


@pytest.fixture
def history(tmp_path):
    with open_history(tmp_path) as opened:
        add(opened, evening(11, 2), evening(11, 4), evening(11, 6))  # W45: 3, above
        add(opened, evening(10, 27))  # W44: 1
        add(opened, evening(11, 17), minutes=30, feeling=4, note="Good")  # W47, this week
        add(opened, evening(11, 18), status="stopped", minutes=3)  # listed, not counted
        yield opened


@pytest.fixture
def page(qtbot, history, tmp_path):
    settings = Settings(tmp_path / "settings.json")
    widget = ReviewPage(history, settings, now=lambda: NOW)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: bool(widget.technique_bars.values()))
    return widget


def pixel(widget, point: QPoint) -> int:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    image = image.scaled(widget.size()) if image.size() != widget.size() else image
    return image.pixel(point) & 0xFFFFFF


def test_the_bars_are_the_completed_sessions_per_week(page):
    chart = page.chart
    assert [week.week for week in chart.weeks()][-4:] == ["2026-W44", "2026-W45", "2026-W46", "2026-W47"]
    assert chart.bar_values() == [0] * 8 + [1, 3, 0, 1]
    assert [week.status.value for week in chart.weeks()][-4:] == ["on-target", "above", "below", "on-target"]
    # Drawn heights follow the values: the 3-bar is three times the 1-bar.
    tall, short = chart.bar_rect(9).height(), chart.bar_rect(8).height()
    assert tall == pytest.approx(3 * short)
    assert chart.bar_rect(10).height() == 0


def colours_in(widget, rect) -> Counter[int]:
    """How often each colour appears inside `rect` (a bar), its antialiased edge left out."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    image = image.scaled(widget.size()) if image.size() != widget.size() else image
    inner = rect.adjusted(4, 4, -4, -4).toRect()
    return Counter(image.pixel(x, y) & 0xFFFFFF for x in range(inner.left(), inner.right())
                   for y in range(inner.top(), inner.bottom()))


def test_bars_are_painted_in_their_status_colour_and_this_week_is_highlighted(page):
    chart = page.chart
    above = colours_in(chart, chart.bar_rect(9))
    assert above.most_common(1)[0][0] == STATUS_COLOURS[Plan().status(3)].rgb() & 0xFFFFFF
    empty_this_week_top = QPoint(int(chart.bar_rect(11).center().x()), int(chart.plot_rect().top()) + 3)
    assert pixel(chart, empty_this_week_top) == THIS_WEEK.rgb() & 0xFFFFFF
    band = chart.band_rect()  # the plan's 1–2 band sits between the value lines for 1 and 2
    assert band.height() == pytest.approx(chart.bar_rect(8).height())


@pytest.mark.parametrize(("sessions", "shown"), [((1, 3, 0), [0, 1, 2, 3, 4]), ((176, 154, 182), None)])
def test_the_value_axis_keeps_its_numbers_a_line_and_a_half_apart_however_many_sessions(qtbot, sessions,
                                                                                        shown):
    chart = WeekChart()
    qtbot.addWidget(chart)
    chart.resize(720, 260)
    monday = date(2026, 11, 16)
    chart.set_data([WeekFigure(monday - timedelta(weeks=2 - number), count, count * 1200.0,
                               Plan().status(count), number == 2) for number, count in enumerate(sessions)],
                   Plan())
    values = chart.axis_values()
    if shown is not None:  # a few sessions: every whole number, as before
        assert values == shown
    step = values[1] - values[0]
    assert values == list(range(0, values[-1] + 1, step))
    assert step in (1, 2, 5, 10, 20, 50, 100)
    # 182 sessions in a week once gave 183 numbers on top of each other: now each has its own room.
    assert chart.plot_rect().height() * step / chart.scale_max() >= chart.fontMetrics().height() * 1.5
    assert values[-1] + step > max(sessions)  # the axis reaches the highest bar


def test_more_than_planned_is_hatched_fewer_is_hollow_on_plan_is_solid_not_colour_alone(page):
    """Each status has a shape of its own, and the key and the description name it in words."""
    chart = page.chart
    page.set_plan(Plan(PlanKind.CUSTOM, 3))  # W44: 1 (fewer), W45: 3 (on plan), W47: 1 (fewer)
    assert [week.status.value for week in chart.weeks()][-4:] == ["below", "on-target", "below", "below"]
    solid = colours_in(chart, chart.bar_rect(9))
    assert len(solid) == 1  # one flat colour
    page.set_plan(Plan(PlanKind.CUSTOM, 1))  # W45: 3 (more)
    hatched = colours_in(chart, chart.bar_rect(9))
    main, count = hatched.most_common(1)[0]
    assert main == STATUS_COLOURS[WeekStatus.ABOVE].rgb() & 0xFFFFFF
    assert count < 0.8 * sum(hatched.values())  # stripes of another colour across it
    page.set_plan(Plan(PlanKind.CUSTOM, 3))
    hollow = colours_in(chart, chart.bar_rect(8))
    assert STATUS_COLOURS[WeekStatus.BELOW].rgb() & 0xFFFFFF not in hollow  # a pale wash, not the fill
    key = re.sub(r"<[^>]+>", "", page.legend.text()).replace("&nbsp;", " ")
    assert "▨ more" in key and "□ fewer" in key and "■ on plan" in key
    # Each mark stays with its word when the key wraps: no breaking space between them.
    assert all(f"{mark}</span>&nbsp;" in page.legend.text() for mark in "▨□■")
    assert "Hatched bars: more than planned" in page.legend.accessibleDescription()
    assert "2026-W45: 3, on plan." in chart.accessibleDescription()


def test_left_and_right_pick_a_week_and_say_what_the_pointer_would(page, qtbot, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("selfmassage.qt.week_chart.QToolTip.showText",
                        lambda _pos, text, _widget=None: shown.append(text))
    page.chart.setFocus()
    qtbot.keyClick(page.chart, Qt.Key.Key_Left)  # the first press picks this week
    assert page.chart.picked() == 11
    qtbot.keyClick(page.chart, Qt.Key.Key_Left)
    qtbot.keyClick(page.chart, Qt.Key.Key_Left)
    assert page.chart.picked() == 9
    assert shown[-1].startswith("2026-W45 (Mon 2 Nov – Sun 8 Nov): 3 sessions, more than planned")
    assert page.chart.accessibleDescription() == page.chart.hover_text(9)
    qtbot.keyClick(page.chart, Qt.Key.Key_End)
    assert page.chart.picked() == 11


def test_range_buttons_switch_to_26_and_52_weeks(page, qtbot):
    qtbot.mouseClick(page.range_buttons.button(26), Qt.MouseButton.LeftButton)
    assert len(page.chart.bar_values()) == 26
    qtbot.mouseClick(page.range_buttons.button(52), Qt.MouseButton.LeftButton)
    values = page.chart.bar_values()
    assert len(values) == 52 and sum(values) == 5
    assert page.chart.weeks()[-1].this_week


def test_hover_lists_the_weeks_sessions(page):
    text = page.chart.hover_text(11)
    lines = text.splitlines()
    assert lines[0] == "2026-W47 (Mon 16 Nov – Sun 22 Nov): 1 session, on plan"
    assert lines[1] == "Tue 19:00  Quick back, 30 min"
    assert lines[2] == "Wed 19:00  Quick back, 3 min — stopped, not counted"
    assert page.chart.hover_text(10).startswith("2026-W46 (Mon 9 Nov – Sun 15 Nov): no sessions")


def test_mouse_over_a_bar_shows_its_tooltip(page, qtbot, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("selfmassage.qt.week_chart.QToolTip.showText",
                        lambda _pos, text, _widget=None: shown.append(text))
    qtbot.mouseMove(page.chart, page.chart.bar_rect(9).center().toPoint())
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[-1].startswith("2026-W45 (Mon 2 Nov – Sun 8 Nov): 3 sessions, more than planned")


def test_course_line_and_warning(page):
    assert "This week: 1 of 1–2." in page.course_label.text()
    assert "Course 1: session 5 of 12–15, since 27 Oct 2026." in page.course_label.text()
    assert page.warnings_label.isVisible()
    assert "3 or more times in week 2026-W45" in page.warnings_label.text()


def test_minutes_per_technique_and_area_over_the_period(page, qtbot):
    techniques = dict(page.technique_bars.values())
    # Five completed sessions of 20 or 30 min, a quarter of each per step; stroking has two steps.
    assert techniques["stroking"] == pytest.approx((4 * 20 + 30) / 2)
    assert techniques["kneading"] == pytest.approx((4 * 20 + 30) / 4)
    areas = dict(page.area_bars.values())
    assert areas == pytest.approx({"lower back": (4 * 20 + 30) * 3 / 4, "shoulders": (4 * 20 + 30) / 4})
    page.period_box.setCurrentIndex(0)  # the last 4 weeks: from Fri 23 Oct
    qtbot.waitUntil(lambda: bool(page.technique_bars.values()))
    assert dict(page.technique_bars.values())["stroking"] == pytest.approx((4 * 20 + 30) / 2)


def test_changing_the_plan_restates_the_weeks_and_saves_it(page, tmp_path):
    page.plan_box.setCurrentIndex(page.plan_box.findData(PlanKind.CUSTOM.value))
    page.per_week_box.setValue(3)
    assert page.plan == Plan(PlanKind.CUSTOM, 3)
    assert [week.status.value for week in page.chart.weeks()][-3:] == ["on-target", "below", "below"]
    assert "Course" not in page.course_label.text()
    saved = Settings(tmp_path / "settings.json")
    assert (saved.get("plan"), saved.get("plan_per_week")) == ("custom", 3)


def test_the_list_is_newest_first_and_shows_details(page):
    model = page.model
    assert model.rowCount() == 6 and model.total == 6
    assert model.index(0, 2).data() == "stopped"
    assert model.index(1, 4).data() == "4/5"
    page.select_row(1)
    details = page.details.toPlainText()
    assert details.startswith("Tue 17 Nov 2026, 19:00 · Quick back · completed · 30:00 of massage")
    assert "Note: Good" in details
    assert "1. Stroking, lower back — 07:30 of 00:02" in details


def test_delete_asks_first_and_keeps_the_session_on_no(page, qtbot, history):
    page.select_row(0)
    asked = answer_box("Keep it")
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert history.count_sessions() == 6
    assert asked and "Wed 18 Nov 2026, 19:00 (Quick back)" in asked[0] and "can't be undone" in asked[0]
    answer_box("Delete")
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert history.count_sessions() == 5
    assert page.model.rowCount() == 5
    assert not page.delete_button.isEnabled()


def test_export_and_import_buttons(page, qtbot, monkeypatch, tmp_path, history):
    target = tmp_path / "out.csv"
    monkeypatch.setattr("selfmassage.qt.review_csv.file_to_save", lambda *args: str(target))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert target.read_text(encoding="utf-8").count("\n") == 7
    assert page.status_line.text() == f"Exported 6 sessions to {target}."

    extra = tmp_path / "extra.csv"
    extra.write_text(target.read_text(encoding="utf-8")
                     + "2026-11-19T08:00:00+01:00,,Morning,completed,900,5,,\n", encoding="utf-8")
    monkeypatch.setattr("selfmassage.qt.review_csv.file_to_open", lambda *args: str(extra))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.status_line.text() == "Imported 1 session from extra.csv. 6 were already here."
    assert page.chart.bar_values()[-1] == 2

    bad = tmp_path / "bad.csv"
    bad.write_text(target.read_text(encoding="utf-8").splitlines()[0]
                   + "\nyesterday,,X,completed,1,,,\n", encoding="utf-8")
    monkeypatch.setattr("selfmassage.qt.review_csv.file_to_open", lambda *args: str(bad))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.status_line.text().startswith("Nothing was imported from bad.csv.")
    assert "line 2: started_at 'yesterday' is not a time" in page.status_line.text()
    assert history.count_sessions() == 7


def test_an_import_while_another_program_holds_the_history_says_so_in_one_line(page, qtbot, monkeypatch,
                                                                             tmp_path, history):
    source = tmp_path / "more.csv"
    monkeypatch.setattr("selfmassage.qt.review_csv.file_to_save", lambda *args: str(source))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    with source.open("a", encoding="utf-8") as extra:
        extra.write("2026-11-19T08:00:00+01:00,,Morning,completed,900,5,,\n")
    monkeypatch.setattr("selfmassage.qt.review_csv.file_to_open", lambda *args: str(source))
    other = sqlite3.connect(history.path, isolation_level=None)  # say, the terminal's `history import`
    other.execute("BEGIN EXCLUSIVE")
    try:
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    finally:
        other.execute("ROLLBACK")
        other.close()
    said = page.status_line.text()
    assert said.startswith("more.csv can't be imported: your history can't be written (")
    assert said.endswith("), so nothing was imported.") and "\n" not in said
    assert history.count_sessions() == 6 and page.chart.bar_values()[-1] == 1


def test_the_list_loads_more_as_it_scrolls(qtbot, tmp_path):
    with open_history(tmp_path) as history:
        start = evening(1, 1)
        add(history, *(start + timedelta(hours=6 * number) for number in range(450)))
        widget = ReviewPage(history, now=lambda: NOW)
        qtbot.addWidget(widget)
        assert widget.model.rowCount() == 200 and widget.model.total == 450
        while widget.model.canFetchMore(widget.model.index(-1, -1)):
            widget.model.fetchMore(widget.model.index(-1, -1))
        assert widget.model.rowCount() == 450
        widget.wait_for_minutes()


def test_a_repeated_symptom_shows_the_warning(qtbot, tmp_path):
    with open_history(tmp_path) as history:
        add(history, evening(11, 10), evening(11, 17), symptoms=(Symptom.DIZZINESS,))
        widget = ReviewPage(history, now=lambda: NOW)
        qtbot.addWidget(widget)
        assert "lighter routine" in widget.warnings_label.text()
        widget.wait_for_minutes()


def test_create_review_page_uses_your_history_and_tells_about_a_damaged_one(qtbot):
    path = history_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a database" * 100)
    widget = create_review_page()
    qtbot.addWidget(widget)
    assert isinstance(widget, ReviewPage)
    assert widget.notice_label.text().startswith("Your history file could not be read")
    widget.wait_for_minutes()
    assert isinstance(widget.history, History)


def test_a_running_session_is_listed_but_cannot_be_deleted(qtbot, tmp_path):
    from tests.history_support import ROUTINE

    with open_history(tmp_path) as history:
        add(history, evening(11, 17))
        history.start_session(ROUTINE, evening(11, 19, 20))
        widget = ReviewPage(history, now=lambda: NOW)
        qtbot.addWidget(widget)
        assert widget.model.index(0, 2).data() == "running"
        widget.select_row(0)
        assert not widget.delete_button.isEnabled()
        assert "No step finished yet." in widget.details.toPlainText()
        widget.select_row(1)
        assert widget.delete_button.isEnabled()
        widget.wait_for_minutes()


def test_the_minutes_are_counted_once_the_page_has_painted_so_its_first_paint_has_the_cpu(qtbot, history):
    widget = ReviewPage(history, now=lambda: NOW)
    qtbot.addWidget(widget)
    assert widget.minutes_pending and widget.time_spent._pool.activeThreadCount() == 0  # held, not running
    assert widget.technique_bars.values() == []
    widget.resize(1100, 800)
    widget.show()
    qtbot.waitUntil(lambda: bool(widget.technique_bars.values()), timeout=5000)
    # Every completed session of the last 12 weeks: four of 20 minutes and one of 30.
    assert sum(minutes for _name, minutes in widget.technique_bars.values()) == pytest.approx(20 * 4 + 30)


def test_a_page_built_and_not_shown_still_counts_its_minutes(qtbot, history):
    widget = ReviewPage(history, now=lambda: NOW)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: bool(widget.technique_bars.values()), timeout=5000)
    assert not widget.isVisible()
    widget.wait_for_minutes()  # its thread has ended too
