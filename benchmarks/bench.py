"""Benchmark: our way against the naive way a first Streamlit map app is built, measured in the same run.

Run with `make bench` (full) or `python benchmarks/bench.py --quick` (what `make test` runs so it cannot rot).
Prints a table: metric, data set, ours, baseline, ratio (baseline / ours; above 1 means we are better). Nothing
here is asserted: figures depend on the machine.

Baselines, each built the way a first app would do it:
- rerun: re-read every scene from the database and re-tag every scene with its municipality on each rerun,
  then one folium.Marker per scene on a map with the full-resolution boundaries, rendered as a whole page;
- bytes: that whole page (folium's default output) against what our page sends to streamlit-folium
  (the stable base map once, plus the layers);
- upload: row-by-row validation (a Python loop parsing each row and testing it against each municipality);
- upload form edits: the validations (and the time) of a file chosen and then five edits of the form that change
  neither the file nor what it is checked against (typing the name and source, choosing the kind back and forth),
  ours (the review cached by file digest and choices, `scenes.views.upload`) against the same review uncached,
  as the page did before: it read and validated the whole file on every rerun;
- cold start: process start to the first map with markers in Chromium, for our app and for a naive app
  (benchmarks/naive_app.py) that reads, tags and draws everything on each run;
- the map page at national scale in Chromium (one survey of 5,000 generated scenes; 300 in quick mode): first
  drawn map and filter change to drawn map, ours against that naive app and against the floor
  (benchmarks/floor_app.py: our app with the map replaced by its count line); see benchmarks/browser_map.py;
- SELECTs of a map rerun: the statements one rerun of the map page sends to the database (AppTest, demo store),
  with a rerun's facts resolved once against every helper asking again (benchmarks/rerun_selects.py);
- failed sign-in: the time of a failure for each cause (unknown name, wrong password, locked account), ours
  against the usual first version (a locked account answers at once; an unknown name skips the hash). The
  spread between causes is what an attacker reads; ours should be near zero.
- sizing (benchmarks/sizing.py): the server's own CPU time per map page view and per filter change, and its
  memory per open session, with the server pinned to one core and the browsers on the others; from them, the
  filter changes one instance finishes together within 2 s and the sessions it sustains (README: sizing rule).
- reading files at and past the caps (a CSV at the byte cap, a 64 KB line of quotes; in the full run also an
  .xlsx with 1.2 million rows and a shared-strings bomb): peak memory and CPU of a child process reading it,
  ours (bounded readers) against csv.Sniffer + pandas.read_csv or a whole-workbook openpyxl load, the naive
  reader stopped at 60 s CPU.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import io
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import urllib.request
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import Point
from streamlit_folium import _get_map_string

ROOT = Path(__file__).resolve().parents[1]
#: the demo data names the police areas of before the 2025 reorganisation, so its uploads are checked as of then
DEMO_ERA = dt.date(2024, 6, 1)
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))  # `ui`, as when app.py is the main script

from scenes.domain.disclosure import SHOW_ALL  # noqa: E402
from scenes.domain.query import SceneFilter  # noqa: E402
from scenes.geo import WGS84, tag_municipality  # noqa: E402
from scenes.ingest import upload as ingest_upload  # noqa: E402
from scenes.ingest.upload import check_upload  # noqa: E402
from scenes.io.bounded import Limits  # noqa: E402
from scenes.io.formats import normalise_scene_frame  # noqa: E402
from scenes.model import Survey, SurveyKind  # noqa: E402
from scenes.render import maps  # noqa: E402
from scenes.settings import Settings  # noqa: E402
from scenes.views import upload as upload_view  # noqa: E402
from scenes.views.dashboard import Dashboard  # noqa: E402
from ui.frame_layers import layers_script  # noqa: E402


def _timeit(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    """Median wall time of `repeat` calls, in milliseconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


# -- data sets ----------------------------------------------------------------------------------------------------

def national_store(state: Path, surveys: int, per_survey: int) -> Dashboard:
    """A generated store: `surveys` surveys of `per_survey` scenes each, points inside the county's municipalities."""
    dash = Dashboard(Settings(state_dir=state))
    dash.init(demo=False)
    ref = dash.reference
    rng = np.random.default_rng(7)
    shapes = ref.boundaries.to_crs(3006)
    minx, miny, maxx, maxy = shapes.total_bounds
    pts: list[Point] = []
    while len(pts) < per_survey:
        xs, ys = rng.uniform(minx, maxx, 4000), rng.uniform(miny, maxy, 4000)
        cand = gpd.GeoSeries(gpd.points_from_xy(xs, ys), crs=3006).to_crs(WGS84)
        codes = tag_municipality(cand, ref.boundaries)
        pts += [p for p, c in zip(cand, codes, strict=True) if c is not None]
    pts = pts[:per_survey]
    codes = list(tag_municipality(gpd.GeoSeries(pts, crs=WGS84), ref.boundaries))
    default_lpo = dict(zip(ref.municipalities["kommun_kod"], ref.municipalities["default_lpo"], strict=True))
    cats = list(ref.categories["code"])
    for s in range(surveys):
        frame = normalise_scene_frame(gpd.GeoDataFrame({
            "scene_id": [f"N{i:05d}" for i in range(per_survey)], "name": [f"Plats {i}" for i in range(per_survey)],
            "kommun_kod": codes, "kommun": [ref.municipality_name(c) for c in codes],
            "lokalpolisomrade": [default_lpo.get(c) or "sodermalm" for c in codes],
            "categories": [[cats[i % 3]] for i in range(per_survey)], "status": ["aktiv"] * per_survey,
        }, geometry=pts, crs=WGS84))
        dash.store.add_survey(Survey(f"n{s}", f"Nationell {s}", dt.date(2020 + s, 1, 1), SurveyKind.KARTLAGGNING,
                                     "generated", True), frame, actor="bench")
    return dash


# -- 1 and 2: a map-page rerun after a filter change, and the bytes it sends ------------------------------------

def ours_rerun(dash: Dashboard, cached: gpd.GeoDataFrame, filt: SceneFilter) -> int:
    """What our page does on a filter change: filter the cached frame, build base map and layers, serialise (the
    layers' script base64-encoded, as `ui.frame_layers` hands it to the map's frame through the page)."""
    options = maps.MapOptions(lang="sv", precision="exact", disclosure=SHOW_ALL)
    shown = filt.apply(cached)
    base = maps.base_map(dash.reference, options)
    script = layers_script(base, maps.layers(dash.reference, shown, None, options), folium.LayerControl(collapsed=True))
    base.render()
    return len(_get_map_string(base)) + len(base64.b64encode(script.encode("utf-8")))


def naive_rerun(dash: Dashboard, survey_id: str, filt: SceneFilter) -> int:
    """The naive page: re-read, re-tag, a marker per scene on full-resolution boundaries, render the whole page."""
    frame = dash.store.scenes(survey_id)
    frame["kommun_kod"] = list(tag_municipality(frame.geometry, dash.reference.boundaries))
    shown = filt.apply(frame)
    m = folium.Map(location=maps.COUNTY_CENTER, zoom_start=9)
    folium.GeoJson(dash.reference.boundaries.to_json()).add_to(m)
    for _, row in shown.iterrows():
        point = row.geometry.representative_point()
        folium.Marker([point.y, point.x], tooltip=str(row["name"]), popup=str(row["notes"])).add_to(m)
    return len(m.get_root().render())


def rerun_selects(state: Path) -> tuple[int, int]:
    """The SELECTs of a map-page rerun, ours and asked-each-time (benchmarks/rerun_selects.py, its own process)."""
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "rerun_selects.py"), str(state)],
                         capture_output=True, text=True, timeout=300, check=True)
    ours, naive = run.stdout.split()[-2:]
    return int(ours), int(naive)


# -- 3: validation + tagging of an upload --------------------------------------------------------------------------

def upload_csv(dash: Dashboard, rows: int) -> bytes:
    frame = dash.store.scenes(dash.store.surveys()[-1].id)
    pts = frame.geometry.representative_point()
    reps = int(np.ceil(rows / len(frame)))
    lines = ["scene_id;name;kommun;lokalpolisomrade;categories;lat;lon"]
    for r in range(reps):
        for i, (p, k, lpo) in enumerate(zip(pts, frame["kommun"], frame["lokalpolisomrade"], strict=True)):
            lat, lon = f"{p.y:.6f}".replace(".", ","), f"{p.x:.6f}".replace(".", ",")
            lines.append(f"U{r}-{i};Plats {i};{k};{lpo};utsatt_omrade;{lat};{lon}")
    return ("\n".join(lines[:rows + 1]) + "\n").encode()


def naive_validate(dash: Dashboard, data: bytes) -> gpd.GeoDataFrame:
    """Row by row, as a first app does it: pandas.read_csv, then iterrows; each row parsed, its point tested
    against every municipality polygon in turn, names looked up, categories split, a dict appended; the same
    tags and the same kind of output frame as ours."""
    ref = dash.reference
    table = pd.read_csv(io.BytesIO(data), sep=";", dtype=str, keep_default_na=False)
    shapes = list(zip(ref.boundaries["kommun_kod"], ref.boundaries.geometry, strict=True))
    names = dict(zip(ref.municipalities["kommun"], ref.municipalities["kommun_kod"], strict=True))
    lpos = set(ref.police_areas["lpo_code"])
    categories = set(ref.categories["code"])
    seen: set[str] = set()
    rows, problems = [], []
    for i, row in table.iterrows():
        point = Point(float(row["lon"].replace(",", ".")), float(row["lat"].replace(",", ".")))
        found = next((code for code, shape in shapes if shape.contains(point)), None)
        cats = [c.strip() for c in row["categories"].split(";") if c.strip()]
        if (found is None or names.get(row["kommun"]) != found or row["scene_id"] in seen or not row["name"]
                or row["lokalpolisomrade"] not in lpos or not set(cats) <= categories):
            problems.append(i)
            continue
        seen.add(row["scene_id"])
        rows.append({"scene_id": row["scene_id"], "name": row["name"], "kommun_kod": found,
                     "kommun": row["kommun"], "lokalpolisomrade": row["lokalpolisomrade"], "categories": cats,
                     "geometry": point})
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=WGS84)


#: the upload form's reruns after a file is chosen: the kind chosen in each (the name and source typed between
#: them are not part of the review at all)
FORM_EDITS = (SurveyKind.KARTLAGGNING, SurveyKind.KARTLAGGNING, SurveyKind.UPPFOLJNING, SurveyKind.UPPFOLJNING,
              SurveyKind.KARTLAGGNING)


def upload_form_edits(dash: Dashboard, data: bytes, *, cached: bool) -> tuple[int, float]:
    """Validations and seconds for the page's reviews of `data`: the file chosen, then `FORM_EDITS` (ours: cached;
    the baseline: every rerun reviewed afresh). Validations are counted by wrapping the function `check_upload`
    calls."""
    upload_view.clear_reviews()
    calls = 0
    names = vars(ingest_upload)  # the module's globals: what `check_upload` calls
    real = names["validate"]

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    names["validate"] = counted
    try:
        t0 = time.perf_counter()
        for kind in (None, *FORM_EDITS):
            upload_view.upload_review(dash, "u.csv", data, survey_date=DEMO_ERA, kind=kind, target=None,
                                      mapping=None, sheet=None, lang="sv", preview=True, disclosure=SHOW_ALL,
                                      cached=cached)
        return calls, time.perf_counter() - t0
    finally:
        names["validate"] = real
        upload_view.clear_reviews()


# -- 4: cold start -----------------------------------------------------------------------------------------------

def cold_start(app: Path, state: Path, chromium: str) -> float:
    """Seconds from starting the server process to the first map with markers (or count labels) in Chromium.

    Each app is started as it is run: ours through serve.py (`make run`, the deployment's `uvicorn serve:app`), the
    naive one with `streamlit run`."""
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "SCENES_STATE_DIR": str(state)}
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port),
                             "--server.headless", "true", "--server.address", "127.0.0.1"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        while True:
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)  # noqa: S310 - our loopback server
                break
            except OSError:
                if time.perf_counter() - t0 > 120:
                    raise TimeoutError("server did not start") from None
                time.sleep(0.1)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu",
                                                                        "--disable-background-networking"])
            page = browser.new_page()
            page.goto(url + ("/karta" if app.name in ("app.py", "serve.py") else "/"))
            frame_sel = 'iframe[title="streamlit_folium.st_folium"]'
            page.wait_for_selector(frame_sel, timeout=120_000)
            page.frame_locator(frame_sel).locator(".leaflet-marker-icon").first.wait_for(timeout=120_000)
            elapsed = time.perf_counter() - t0
            browser.close()
        return elapsed
    finally:
        proc.terminate()
        proc.wait(timeout=30)


# -- 5: the map page at national scale in Chromium (benchmarks/browser_map.py) --------------------------------------

def map_in_browser(state: Path, quick: bool, chromium: str) -> list[tuple[str, str, str, str, str]]:
    """First drawn map and filter change to drawn map for ours, naive and the floor, on one generated survey."""
    import browser_map  # benchmarks/ is on sys.path: this file runs as a script from it

    scenes, changes, visits, rounds = (300, 2, 2, 1) if quick else (5_000, 8, 3, 2)
    dash = national_store(state, 1, scenes)
    total, results = browser_map.run(state, dash.store.surveys()[-1].id, dash, changes, chromium=chromium,
                                     visits=visits, rounds=rounds)
    return browser_map.rows(total, results, changes)


# -- main ----------------------------------------------------------------------------------------------------------

def naive_authenticate(dash: Dashboard, username: str, password: str) -> str | None:
    """The first version of a sign-in: look the user up, refuse a locked account at once, else check the hash."""
    from argon2 import PasswordHasher
    from argon2.exceptions import VerificationError

    with dash.store.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT password_hash, role FROM users WHERE username = ?", (username,)).first()
    if row is None:
        return None
    if username == "locked":  # the lock check answers before any hashing
        return None
    try:
        PasswordHasher().verify(row[0], password)
    except VerificationError:
        return None
    return str(row[1])


def sign_in_timings(dash: Dashboard, repeat: int) -> dict[str, tuple[float, float]]:
    """Median ms of a failed sign-in per cause: (ours, naive)."""
    accounts = dash.accounts
    for name in ("known", "locked"):
        accounts.add(name, "a long benchmark password", "deltagare", actor="bench")
    for _ in range(5):
        accounts.authenticate("locked", "wrong password!", client="bench-attacker")
    cases = {"unknown name": ("nobody", "a long benchmark password", "c1"),
             "wrong password": ("known", "not the password!", "c2"),
             "locked account": ("locked", "a long benchmark password", "bench-attacker")}
    out = {}
    for label, (name, password, client) in cases.items():
        ours = _timeit(lambda n=name, p=password, c=client: accounts.authenticate(n, p, client=c), repeat)
        naive = _timeit(lambda n=name, p=password: naive_authenticate(dash, n, p), repeat)
        out[label] = (ours, naive)
    return out


NAIVE_CPU_S = 60  # the naive reader is stopped here (RLIMIT_CPU); the table then says so
NAIVE_MEMORY_MB = 6_000


def hostile_files(demo: Dashboard, quick: bool) -> dict[str, tuple[str, str, bytes, str | None]]:
    """Files at and past the caps (from the test corpus), with the naive reader each is compared with."""
    sys.path.insert(0, str(ROOT))
    from tests.hostile_files import csv_quotes_line, xlsx_millions_of_rows, xlsx_shared_strings_bomb

    at_cap = upload_csv(demo, 100_000)
    cases = {"CSV at the byte cap": (f"{len(at_cap) / 1e6:.1f} MB, 100,000 rows", "cap.csv", at_cap, "sniffer"),
             "CSV line of quotes": ("64 KB line", *csv_quotes_line(), "sniffer")}
    if not quick:
        cases["xlsx, 1.2 million rows"] = ("6 MB", *xlsx_millions_of_rows(), "openpyxl")
        cases["xlsx, shared-strings bomb"] = ("7.5 MB, 65 MB of texts", *xlsx_shared_strings_bomb(), "openpyxl")
    return cases


def file_at_cap(name: str, data: bytes, naive: str | None) -> tuple[dict[str, object], dict[str, str] | None]:
    """Reading only, ours (tests/hostile_child.py) and the naive reader, each in a child process: peak memory and
    CPU of the whole process (the interpreter with its imports is about 180 MiB of it)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        done = subprocess.run([sys.executable, str(ROOT / "tests" / "hostile_child.py"), str(path), name, "3000", "60",
                               "read"],
                              capture_output=True, text=True, check=True)
        ours = json.loads(done.stdout)
        ours["answer"] = "ok" if ours["ok"] else ", ".join(ours["codes"][:2])
        if naive is None:
            return ours, None
        run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "naive_reader.py"), naive, str(path),
                              str(NAIVE_MEMORY_MB), str(NAIVE_CPU_S)], capture_output=True, text=True, check=False)
        if run.returncode != 0:  # killed by the CPU limit (SIGXCPU) or the address-space limit
            return ours, {"text": f"stopped (limit: {NAIVE_CPU_S} s CPU / {NAIVE_MEMORY_MB:,} MiB)",
                          "cpu": f"> {NAIVE_CPU_S} s" if run.returncode in (-24, 152) else "?"}
        base = json.loads(run.stdout)
        return ours, {"text": f"{base['peak_mb']:,} MiB ({base['outcome']})", "cpu": f"{base['cpu_s']:,.1f} s"}


def sizing_rows(sessions: int) -> list[tuple[str, str, str, str, str]]:
    """benchmarks/sizing.py in a child process (it pins the server and the browsers to their own cores)."""
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "sizing.py"), "--json", "--sessions",
                          str(sessions)], capture_output=True, text=True, timeout=1800, check=False)
    if run.returncode != 0:
        return [("sizing", "failed", run.stderr.strip().splitlines()[-1][:80] if run.stderr.strip() else "?", "",
                 "")]
    got = json.loads(run.stdout)
    where = f"demo, {got['measured']} of {got['sessions']} sessions" + ("" if got["pinned"] else " (not pinned)")

    def ms(value: float | None) -> str:
        return f"{value * 1000:,.0f} ms" if value is not None else "–"

    return [("server CPU per map page view (one instance)", where, ms(got["view_cpu_s"]), "", ""),
            ("server CPU per filter change", where, ms(got["change_cpu_s"]), "", ""),
            ("server memory per open session", where, f"{got['mib_per_session']:,.1f} MiB "
             f"(base {got['base_rss_mib']:,.0f} MiB)", "", ""),
            ("filter changes one instance finishes together in 2 s", where,
             str(got.get("together_within_target", "–")), "", ""),
            ("sessions per instance (a change per 30 s, core <= 50 % busy)", where,
             str(got.get("sessions_per_instance", "–")), "", "")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one repetition (for make test)")
    parser.add_argument("--no-browser", action="store_true", help="skip the measurements in Chromium")
    args = parser.parse_args()
    quick = args.quick
    repeat = 1 if quick else 5
    rows: list[tuple[str, str, str, str, str]] = []

    def add(metric: str, dataset: str, ours: float, base: float, unit: str) -> None:
        ratio = base / ours if ours else float("inf")
        rows.append((metric, dataset, f"{ours:,.1f} {unit}", f"{base:,.1f} {unit}", f"{ratio:,.1f}x"))

    with tempfile.TemporaryDirectory() as tmp:
        demo = Dashboard(Settings(state_dir=Path(tmp) / "demo"))
        demo.init(demo=True)
        Dashboard(Settings(state_dir=Path(tmp) / "sign-in")).init()
        per_survey = 200 if quick else 700
        national = national_store(Path(tmp) / "national", 2 if quick else 8, per_survey)
        datasets = {"demo (53 scenes)": (demo, "demo-2024-02"),
                    f"generated ({per_survey} scenes x {2 if quick else 8} surveys)": (national,
                                                                                        national.store.surveys()[-1].id)}
        for name, (dash, sid) in datasets.items():
            cached = dash.store.scenes(sid)
            filt = SceneFilter(municipalities=("0180", "0127", "0181", "0126"))
            dash.reference.simplified_boundaries  # noqa: B018 - warm the once-per-process cache, as the app does
            ours_ms = _timeit(lambda d=dash, c=cached, f=filt: ours_rerun(d, c, f), repeat)
            naive_ms = _timeit(lambda d=dash, s=sid, f=filt: naive_rerun(d, s, f), repeat)
            add("map rerun after a filter change", name, ours_ms, naive_ms, "ms")
            add("bytes sent for the map", name, ours_rerun(dash, cached, filt) / 1024,
                naive_rerun(dash, sid, filt) / 1024, "KiB")

        ours_n, naive_n = rerun_selects(Path(tmp) / "demo")
        rows.append(("SELECTs of a map rerun (facts once vs asked each time)", "demo (53 scenes)", str(ours_n),
                     str(naive_n), f"{naive_n / max(ours_n, 1):,.1f}x"))

        n = 2_000 if quick else 100_000
        data = upload_csv(demo, n)
        settings = demo.settings
        t0 = time.perf_counter()
        check = check_upload("u.csv", data, demo.reference, limits=Limits(max_bytes=len(data) + 1, max_rows=n + 1),
                             survey_date=DEMO_ERA)
        ours_s = time.perf_counter() - t0
        tracemalloc.start()  # a second, traced run for memory only: tracing slows Python several times over
        check_upload("u.csv", data, demo.reference, limits=Limits(max_bytes=len(data) + 1, max_rows=n + 1),
                     survey_date=DEMO_ERA)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        t0 = time.perf_counter()
        naive_validate(demo, data)
        naive_s = time.perf_counter() - t0
        assert check.ok, "the generated upload should validate"  # noqa: S101 - a broken benchmark must not report
        add(f"validate + tag an upload ({n:,} rows)", "demo geography", ours_s * 1000, naive_s * 1000, "ms")
        rows.append((f"  peak memory of our validation ({n:,} rows)", "", f"{peak / 2**20:,.0f} MiB", "", ""))
        del settings

        edits = len(FORM_EDITS)
        data = upload_csv(demo, min(n, 20_000))
        ours_n, ours_s = upload_form_edits(demo, data, cached=True)
        naive_n, naive_s = upload_form_edits(demo, data, cached=False)
        ours_edit, naive_edit = (f"{(count - 1) / edits:,.1f} ({count} in all)" for count in (ours_n, naive_n))
        rows.append((f"validations per upload form edit (file + {edits} edits)", f"{min(n, 20_000):,} rows",
                     ours_edit, naive_edit, f"{naive_n / ours_n:,.1f}x"))
        add(f"upload form: file + {edits} edits reviewed", f"{min(n, 20_000):,} rows", ours_s * 1000, naive_s * 1000,
            "ms")

        for label, (dataset, file_name, data, naive) in hostile_files(demo, quick).items():
            ours, base = file_at_cap(file_name, data, naive)
            rows.append((f"read {label}: peak memory", dataset, f"{ours['peak_mb']:,} MiB ({ours['answer']})",
                         base["text"] if base else "", ""))
            rows.append((f"read {label}: CPU", dataset, f"{ours['cpu_s']:,.1f} s", base["cpu"] if base else "", ""))

        timings = sign_in_timings(Dashboard(Settings(state_dir=Path(tmp) / "sign-in")), repeat)
        for label, (ours_ms, naive_ms) in timings.items():
            rows.append((f"failed sign-in: {label}", "", f"{ours_ms:,.0f} ms", f"{naive_ms:,.0f} ms", ""))
        spread_ours = max(o for o, _ in timings.values()) - min(o for o, _ in timings.values())
        spread_naive = max(n for _, n in timings.values()) - min(n for _, n in timings.values())
        add("spread of failed sign-in times across causes", "3 causes", spread_ours, spread_naive, "ms")

        chromium = "/usr/bin/chromium"
        if not args.no_browser and Path(chromium).exists():
            # alternately, the median of each (one cold start varies by half a second on a 2-core machine)
            starts = 1 if quick else 3
            colds = [(cold_start(ROOT / "serve.py", Path(tmp) / "demo", chromium),
                      cold_start(ROOT / "benchmarks" / "naive_app.py", Path(tmp) / "demo", chromium))
                     for _ in range(starts)]
            add(f"cold start to first map in Chromium (median of {starts})", "demo (53 scenes)",
                statistics.median(o for o, _ in colds), statistics.median(n for _, n in colds), "s")
            rows.extend(map_in_browser(Path(tmp) / "map", quick, chromium))
            rows.extend(sizing_rows(2 if quick else 6))
        else:
            why = "skipped (--no-browser)" if args.no_browser else f"skipped (no {chromium})"
            for metric in ("cold start to first map in Chromium", "first drawn map in Chromium",
                           "filter change to drawn map", "sizing (server CPU and memory per session)"):
                rows.append((metric, why, "", "", ""))

    widths = [max(len(r[i]) for r in [*rows, ("metric", "data set", "ours", "baseline", "ratio")]) for i in range(5)]
    header = ("metric", "data set", "ours", "baseline", "ratio")
    print(f"benchmark ({'quick' if quick else 'full'}) on {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
    print("ratio = baseline / ours (above 1: ours is faster or smaller)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
