"""A small .xlsx that would become gigabytes, uploaded on Ladda upp: refused with a located, translated message, the
server's memory stays bounded, and another user is answered meanwhile.

The file holds one shared string of 49,000 characters that two cells of each of 99,000 rows refer to (1.2 MB on
disk, 9.7 GB of text as cells). The reader counts what each cell becomes and stops at the total-text cap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from scenes.settings import Settings
from scenes.views.dashboard import Dashboard
from tests.browser.conftest import SERVER_PIDS, _serve, screenshot, type_date
from tests.hostile_files import xlsx_repeated_shared_string

pytestmark = pytest.mark.browser

#: what checking the file may add to the server's peak resident memory (it took 2.85 GB before the cap)
EXTRA_SERVER_MB = 400


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory, browser: object) -> Iterator[str]:
    state = tmp_path_factory.mktemp("hostile-upload")
    Dashboard(Settings(state_dir=state)).init(demo=True)
    yield from _serve(state, browser)


def _memory_mb(pid: int) -> dict[str, int]:
    """The server's resident memory now and at its peak (VmRSS, VmHWM), in MB."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return {key: int(fields[key].split()[0]) // 1024 for key in ("VmRSS", "VmHWM")}


def test_amplified_xlsx_is_refused_and_the_server_keeps_answering(browser: object, demo_server: str,
                                                                  tmp_path: Path) -> None:
    url = demo_server
    pid = SERVER_PIDS[url]
    name, data = xlsx_repeated_shared_string(99_000)()
    path = tmp_path / name
    path.write_bytes(data)
    analyst = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")  # type: ignore[attr-defined]
    other = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")  # type: ignore[attr-defined]
    try:
        page = analyst.new_page()
        page.goto(url + "/ladda-upp")
        page.get_by_label("Namn").fill("Kartläggning 2026")
        page.get_by_label("Namn").press("Enter")
        type_date(page, "Datum", dt.date(2026, 3, 2))  # the check waits for the survey's date
        page.wait_for_timeout(1_000)
        before = _memory_mb(pid)

        page.locator("input[type=file]").set_input_files(str(path))
        reader = other.new_page()  # another user, while the file is being checked
        reader.goto(url + "/karta")
        page.get_by_text("Filen har fel och kan inte publiceras").wait_for(timeout=60_000)
        # (the kind's line and its row in the table)
        page.get_by_text("rymmer cellerna sammanlagt mer än 10000000 tecken").first.wait_for(timeout=30_000)
        reader.frame_locator('iframe[title="streamlit_folium.st_folium"]').locator(".leaflet-marker-icon").first \
            .wait_for(timeout=60_000)
        after = _memory_mb(pid)
        screenshot(page, "uppladdning-upprepad-text")

        report = page.get_by_role("table").last.inner_text()
        assert "104" in report  # the row where the cap was passed
        assert after["VmHWM"] - before["VmRSS"] < EXTRA_SERVER_MB, (before, after)
        assert page.get_by_text("MessageSizeError").count() == 0
    finally:
        analyst.close()
        other.close()
