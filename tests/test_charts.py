"""The progress chart's data and rendering (offline, through vl-convert)."""

from __future__ import annotations

import datetime as dt

from scenes.breakdown import breakdown
from scenes.charts import breakdown_chart, progress_chart, progress_table, to_png
from scenes.core import Dashboard


def _table(demo: Dashboard, lang: str = "sv"):  # type: ignore[no-untyped-def]
    return progress_table(demo.stats(), demo.reference.published_totals, demo.store.goal(), demo.store.seminars(),
                          lang)


def test_progress_table_holds_every_series(demo: Dashboard) -> None:
    """Three survey points, four published totals with sources, the two trajectory ends, two seminars."""
    table = _table(demo)
    counts = table.groupby("series").size().to_dict()
    assert counts == {"Kartläggningar (platsdata)": 3, "Publicerade totaler": 4, "Målbana": 2, "Seminarier": 2}
    assert table[table["series"] == "Publicerade totaler"]["source"].str.len().gt(0).all()


def test_trajectory_runs_from_baseline_to_target(demo: Dashboard) -> None:
    """The trajectory starts at the baseline survey's count and ends at the goal on the target date."""
    trajectory = _table(demo).query("series == 'Målbana'").sort_values("date")
    assert list(trajectory["value"]) == [64.0, 32.0]
    assert trajectory["date"].iloc[-1].date() == dt.date(2027, 12, 31)


def test_seminar_with_unknown_date_is_placed_at_deadline_and_says_so(demo: Dashboard) -> None:
    """The 2025 seminar sits at its registration deadline with a note that the date is not known."""
    sem = _table(demo, "en").query("series == 'Seminars'").sort_values("date").iloc[-1]
    assert sem["date"].date() == dt.date(2025, 11, 4) and "not known" in sem["note"]


def test_charts_render_to_png_offline(demo: Dashboard) -> None:
    """Both chart kinds render to PNG in-process."""
    png = to_png(progress_chart(_table(demo), width=500))
    data = breakdown(demo.store.scenes(), demo.store.surveys(), demo.reference, "municipality")
    png2 = to_png(breakdown_chart(data, width=400))
    assert png[:8] == png2[:8] == b"\x89PNG\r\n\x1a\n"


def test_charts_use_colour_blind_safe_palette(demo: Dashboard) -> None:
    """Series colours come from the Okabe–Ito palette and also differ in shape."""
    spec = progress_chart(_table(demo)).to_dict()
    text = str(spec)
    assert "#0072B2" in text and "#D55E00" in text and "'square'" in text and "'diamond'" in text
