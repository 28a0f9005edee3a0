"""Choice labels: Streamlit sends a chosen option back as its label, so two options may never share one."""

from __future__ import annotations

from ui.widgets import distinct_labels


def test_options_of_one_name_are_told_apart_by_their_id() -> None:
    label = distinct_labels({"k2024": "Kartläggning", "k2025": "Kartläggning", "u2025": "Uppföljning"})
    assert [label(i) for i in ("k2024", "k2025", "u2025")] == [
        "Kartläggning (k2024)", "Kartläggning (k2025)", "Uppföljning"]
    assert len({label(i) for i in ("k2024", "k2025", "u2025")}) == 3
