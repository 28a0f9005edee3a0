"""What every page says, for every role, read as text: no "None", "nan" or "empty", no internal code, no
catalogue key in place of words, numbers written the language's way.

Each page is rendered through Streamlit's AppTest on the demo store with the role chosen as in the demo's role
picker; every text element, metric, widget label and option, and every table cell and header is collected.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from scenes.access.auth import ROLES, allowed_pages
from scenes.i18n import CATALOGUE
from scenes.settings import Settings
from scenes.views.dashboard import Dashboard
from tests.app.conftest import OpenPage
from ui import keys

#: words a reader should never meet: Python's and pandas' missing values, and Streamlit's empty marker
PLACEHOLDERS = re.compile(r"\b(None|nan|NaN|NaT|<NA>|empty)\b")
#: a catalogue key shown instead of its words ("kpi.goal", "audit.publish" …)
KEY_PREFIXES = sorted({k.split(".")[0] for k in CATALOGUE}, key=len, reverse=True)
LEAKED_KEY = re.compile(r"(?<![\w/.])(?:" + "|".join(map(re.escape, KEY_PREFIXES)) + r")\.[a-z][\w\-/]*")


@pytest.fixture(scope="module")
def demo_state(tmp_path_factory: pytest.TempPathFactory) -> Path:
    state = tmp_path_factory.mktemp("page-text")
    Dashboard(Settings(state_dir=state)).init(demo=True)
    return state


def _texts(at: AppTest) -> list[tuple[str, str]]:
    """Everything the page shows as text, with the kind of element it came from."""
    out: list[tuple[str, str]] = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "title", "header", "subheader"):
        out += [(kind, str(el.value)) for el in getattr(at, kind)]
    out += [("metric", f"{m.label} {m.value} {m.proto.delta}") for m in at.metric]
    for kind in ("dataframe", "table"):
        for el in getattr(at, kind):
            frame: pd.DataFrame = el.value
            labels = json.loads(el.proto.columns or "{}") if kind == "dataframe" else {}
            header = [labels.get(str(c), {}).get("label") or str(c) for c in frame.columns]
            out.append((f"{kind} header", " | ".join(header)))
            if kind == "dataframe" and el.proto.editing_mode:  # an editor's cells are what an admin edits: codes
                continue
            out += [(f"{kind} row", " | ".join(map(str, row))) for row in frame.itertuples(index=False)]
    for kind in ("selectbox", "multiselect", "radio", "checkbox", "toggle", "button", "expander", "number_input",
                 "text_input", "date_input"):
        for el in getattr(at, kind):
            label = getattr(el, "label", "")
            options = getattr(el, "options", None) or []
            out.append((kind, " | ".join([str(label), *map(str, options)])))
    return out


#: what a page folds until asked for, opened, so those cells are read too (the map's table)
UNFOLDED = {keys.SCENE_TABLE_OPEN: True}


def _page(state: Path, role: str, page: str, lang: str, monkeypatch: pytest.MonkeyPatch,
          open_page: OpenPage) -> AppTest:
    monkeypatch.setenv("SCENES_STATE_DIR", str(state))
    return open_page(role, page, lang, state=UNFOLDED)


CASES = [(role, page, "sv") for role in ROLES for page in allowed_pages(role)]
CASES += [("admin", page, "en") for page in allowed_pages("admin")] + [("deltagare", "progress", "en")]


@pytest.mark.parametrize(("role", "page", "lang"), CASES, ids=[f"{r}-{p}-{lg}" for r, p, lg in CASES])
def test_page_reads_as_words(open_page: OpenPage, demo_state: Path, role: str, page: str, lang: str,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    """No placeholder, no catalogue key, no internal code; Swedish pages write no decimal point."""
    at = _page(demo_state, role, page, lang, monkeypatch, open_page)
    texts = _texts(at)
    assert texts, f"{role} {page}: the page showed nothing"
    placeholders = [(k, x) for k, x in texts if PLACEHOLDERS.search(x)]
    assert placeholders == []
    keys = [(k, x) for k, x in texts if LEAKED_KEY.search(x)]
    assert keys == []
    # internal codes are lowercase words joined by "_" (haninge_nynashamn, utsatt_omrade, label_sv)
    codes = [(k, x) for k, x in texts if re.search(r"(?<![\w/.@-])[a-z]+(?:_[a-z]+)+(?![\w.@/-])", x)]
    assert codes == []
    if lang == "sv":  # 33.8, 16781.4, 0.0: a Swedish page writes 33,8 (dates and ids aside)
        decimal_points = [(k, x) for k, x in texts if k.endswith("row") or k in ("metric", "caption", "markdown")
                          if re.search(r"(?<![\w.\-])\d+\.\d+(?![\w.\-])", x)]
        assert decimal_points == []


@pytest.fixture(scope="module")
def real_state(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A county's own deployment with the gaps real data has: two real surveys, measures without an end date or a
    note, an indicator without a note, a revised reference table, accounts that never signed in, an organisation
    identity without a role, a follow-up under way. Yields the state folder and a session token per role."""
    import datetime as dt

    from scenes.domain.demo import load_demo
    from scenes.domain.indicators import Indicator
    from scenes.domain.measures import Measure
    from scenes.model import Survey, SurveyKind

    state = tmp_path_factory.mktemp("page-cells")
    dash = Dashboard(Settings(state_dir=state))
    dash.init()
    demo = load_demo(dash.settings.data_dir)
    for sid, day, source in (("k2024", dt.date(2024, 2, 20), demo[-2]), ("k2025", dt.date(2025, 3, 1), demo[-1])):
        dash.store.add_survey(Survey(sid, f"Kartläggning {day.year}", day, SurveyKind.KARTLAGGNING, "Länsstyrelsen",
                                     False), source.scenes.assign(survey_id=sid), actor="cli:op")
    scene = str(dash.scenes()["scene_id"].iloc[0])
    dash.save_measure(Measure("atg-1", "uppsokande", "region_stockholm", "pagaende", scene_id=scene,
                              start_date=dt.date(2025, 3, 5)), actor="cli:op")
    dash.save_measure(Measure("atg-2", "polisiar", "lpo_jarva", "planerad", kommun_kod="0180",
                              note="Kvällstid"), actor="cli:op")
    dash.save_indicator(Indicator("Trygghet", 61.5, "%", dt.date(2024, 1, 1), "lan", "", "Källa",
                                  "https://example.org"), actor="cli:op")
    dash.identities.seen("eva@example.se", None)
    from scenes.domain import followup as fu
    from scenes.views import followup as follow

    draft = follow.start(dash, actor="cli:op", base_survey_id="k2025")  # a follow-up under way: one scene ceased
    follow.save(dash, draft.followup.followup_id, fu.revisit(draft, next(iter(draft.scenes)), "ceased"), actor="cli:op")
    tokens = {}
    for role in ROLES:
        dash.add_user(f"konto{role}", "ett långt lösenord", role, actor="cli:op")
        tokens[role] = dash.sessions.start(f"konto{role}")
    dash.add_user("aldrig", "ett långt lösenord", "deltagare", actor="cli:op")  # never signed in
    return state, tokens


REAL_CASES = [(role, page) for role in ROLES for page in [*allowed_pages(role), "accessibility"]]


@pytest.mark.parametrize(("role", "page"), REAL_CASES, ids=[f"{r}-{p}" for r, p in REAL_CASES])
def test_real_data_pages_show_no_placeholder(open_page: OpenPage, real_state: tuple[Path, dict[str, str]], role: str,
                                             page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Signed in to a real deployment, no page shows "None", "nan", "NaT" or "<NA>" in a table cell or text, nor
    a time with a UTC offset ("+00:00")."""
    import streamlit as st

    state, tokens = real_state
    monkeypatch.setenv("SCENES_STATE_DIR", str(state))
    st.cache_resource.clear()  # the Dashboard cached by the demo cases is of another store
    at = open_page(role, page, token=tokens[role], state=UNFOLDED)
    st.cache_resource.clear()  # and this one is not the demo's
    texts = _texts(at)
    assert any(k.endswith("row") for k, _ in texts) or page in ("goal", "upload", "accessibility", "seminars")
    assert [(k, x) for k, x in texts if PLACEHOLDERS.search(x) or "+00:00" in x] == []
