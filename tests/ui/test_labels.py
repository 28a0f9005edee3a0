"""Choice labels: Streamlit sends a chosen option back as its label, so two options may never share one."""

from __future__ import annotations

from ui.widgets import distinct_labels


def test_options_of_one_name_are_told_apart_by_their_id() -> None:
    label = distinct_labels({"k2024": "Kartläggning", "k2025": "Kartläggning", "u2025": "Uppföljning"})
    assert [label(i) for i in ("k2024", "k2025", "u2025")] == [
        "Kartläggning (k2024)", "Kartläggning (k2025)", "Uppföljning"]
    assert len({label(i) for i in ("k2024", "k2025", "u2025")}) == 3


def test_a_name_that_reads_like_another_label_falls_back_to_ids() -> None:
    label = distinct_labels({"s1": "A", "s2": "A", "s3": "A (s2)"})
    assert len({label(i) for i in ("s1", "s2", "s3")}) == 3


def test_a_static_tables_cells_are_text_not_markdown(app_env: object) -> None:
    """st.table draws each cell as Markdown: a name typed as a link or an image is shown as the text it is."""
    from streamlit.testing.v1 import AppTest

    def page() -> None:
        import pandas as pd

        from ui.widgets import show_table

        show_table(pd.DataFrame({"namn": ["[klicka](http://evil.example) ![x](http://evil.example/p.png)"]}),
                   static=True)

    at = AppTest.from_function(page, default_timeout=60).run()
    assert not at.exception
    cell = str(at.table[0].value.iloc[0, 0])
    assert cell.startswith("\\[klicka\\]\\(")
    assert "\\!\\[x\\]" in cell
