"""Backups and restore on SQLite and PostgreSQL, and the operator's command line: a restore into a fresh store gives
back every survey, revision, audit line and account, and ends every session; a dropped database connection is one
line with no scene data; --database and --data-dir work before or after the command; exit codes as documented."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from scenes.settings import Settings
from scenes.store import create_engine_for
from scenes.store.schema import metadata
from scenes.views.dashboard import Dashboard

SCENES = str(Path(sys.executable).with_name("scenes"))
PASSWORD = "ett långt lösenord"  # noqa: S105 - a test account in a throwaway store


def _cli(*args: str, env: dict[str, str] | None = None, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run([SCENES, *args], capture_output=True, text=True, timeout=timeout, check=False,
                          env={**os.environ, **(env or {})})


def _tables(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows in primary-key order (sessions aside), as plain tuples."""
    engine = create_engine_for(url)
    out = {}
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            if table.name == "sessions":
                continue
            order = list(table.primary_key.columns) or list(table.columns)
            out[table.name] = [tuple(r) for r in conn.execute(sa.select(table).order_by(*order))]
    engine.dispose()
    return out


def _fresh_url(backend_url: str, pg_admin_url: str | None, tmp_path: Path) -> str:
    if backend_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path}/restored/scenes.db"
    assert pg_admin_url is not None
    name = f"scenes_restore_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return pg_admin_url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def maybe_pg_admin(backend_url: str, request: pytest.FixtureRequest) -> str | None:
    return None if backend_url.startswith("sqlite") else str(request.getfixturevalue("pg_admin_url"))


def test_backup_and_restore_give_back_everything_and_end_sessions(dash: Dashboard, backend_url: str,
                                                                  maybe_pg_admin: str | None, tmp_path: Path
                                                                  ) -> None:
    dash.add_user("anna", PASSWORD, "analytiker", actor="cli:op")
    assert dash.sign_in("anna", PASSWORD)
    dash.withdraw("demo-2021", actor="anna", reason="test")  # a revision of state and an audit line
    before = _tables(backend_url)
    target = tmp_path / "scenes.backup"
    done = _cli("backup", str(target), "--database", backend_url)
    assert done.returncode == 0, done.stderr
    assert target.exists()
    assert not target.with_name("scenes.backup.part").exists()

    fresh = _fresh_url(backend_url, maybe_pg_admin, tmp_path)
    restored = _cli("--database", fresh, "restore-backup", str(target))
    assert restored.returncode == 0, restored.stderr
    assert "No session was restored" in restored.stderr
    assert target.stat().st_mode & 0o777 == 0o600  # password hashes and the session key: private
    after = _tables(fresh)
    assert after["audit_log"][:len(before["audit_log"])] == before["audit_log"]
    # the line saying a backup was made comes after the copy; the restore adds its own
    assert [row[3] for row in after["audit_log"][len(before["audit_log"]):]] == ["restore-backup"]
    for name in before:
        if name not in ("audit_log", "meta"):
            assert after[name] == before[name], name
    engine = create_engine_for(fresh)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT COUNT(*) FROM sessions")).scalar() == 0
        versions = dict(conn.execute(sa.text("SELECT key, value FROM meta WHERE key IN ('data_version', "
                                             "'reference_version', 'identities_valid_after')")).all())
    engine.dispose()
    # the caches' numbers move past every number used before (an instance never serves figures cached before)
    old = dict(before["meta"])
    assert int(versions["data_version"]) > int(old["data_version"])
    assert float(versions["identities_valid_after"]) > 0  # provider sign-ins issued before are refused
    kept = dict(after["meta"])
    assert {k: v for k, v in kept.items() if k in old and k not in versions} == {
        k: v for k, v in old.items() if k not in versions}  # the session key and every other setting come back
    again = _cli("restore-backup", str(target), "--database", fresh)  # a store with data is not overwritten
    assert (again.returncode, "--replace" in again.stderr) == (1, True)
    assert _cli("restore-backup", str(target), "--replace", "--database", fresh).returncode == 0


def test_restore_refuses_a_store_with_accounts_even_without_surveys(tmp_path: Path) -> None:
    source = Dashboard(Settings(state_dir=tmp_path / "a"))
    source.init(demo=True)
    backup = tmp_path / "a.backup"
    assert _cli("backup", str(backup), "--database", f"sqlite:///{tmp_path}/a/scenes.db").returncode == 0
    target = Dashboard(Settings(state_dir=tmp_path / "b"))
    target.init()
    target.add_user("anna", PASSWORD, "admin", actor="cli:op")  # accounts, no survey: still someone's store
    refused = _cli("restore-backup", str(backup), "--database", f"sqlite:///{tmp_path}/b/scenes.db")
    assert refused.returncode == 1
    assert "--replace" in refused.stderr
    assert target.accounts.count() == 1


def test_output_cut_short_is_not_an_error(tmp_path: Path) -> None:
    """`scenes surveys | head -1`: the reader stops reading; no error, no database message."""
    url = f"sqlite:///{tmp_path}/s.db"
    assert _cli("init", "--demo", "--database", url).returncode == 0
    done = subprocess.run(f"{SCENES} history --database {url} | head -c 10", shell=True,  # noqa: S602 - fixed
                          capture_output=True, text=True, timeout=120, check=False, executable="/bin/bash")
    assert "database" not in done.stderr
    assert "error" not in done.stderr


def test_ready_asks_a_running_instance_when_given_its_address(tmp_path: Path) -> None:
    import http.server

    class Answer(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            ok = self.path == "/api/ready"
            self.send_response(200 if ok else 503)
            self.end_headers()
            self.wfile.write(b'{"status": "ready"}' if ok else b'{"status": "not_ready", "reason": "database"}')

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Answer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        assert _cli("ready", "--url", f"{base}/api/ready").returncode == 0
        down = _cli("ready", "--url", f"{base}/other")
        assert down.returncode == 3
        assert "database" in down.stderr
        assert _cli("ready", "--url", "http://127.0.0.1:9/api/ready").returncode == 3
    finally:
        server.shutdown()


def test_restore_refuses_what_is_not_a_backup(tmp_path: Path) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"not a backup at all")
    done = _cli("restore-backup", str(junk), "--database", f"sqlite:///{tmp_path}/s.db")
    assert done.returncode == 1
    assert "not a backup made by `scenes backup`" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    fake = tmp_path / "fake.db"
    fake.write_bytes(b"SQLite format 3\x00" + b"garbage" * 100)  # the magic, then nothing of a database
    broken = _cli("restore-backup", str(fake), "--database", f"sqlite:///{tmp_path}/t.db")
    assert broken.returncode == 1
    assert "cannot be read as one" in broken.stderr


def test_common_options_before_or_after_the_command(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/s.db"
    assert _cli("init", "--database", url).returncode == 0
    before = _cli("--database", url, "surveys", "--json")
    after = _cli("surveys", "--json", "--database", url)
    assert before.returncode == after.returncode == 0
    assert before.stdout == after.stdout == "[]\n"
    nested = _cli("user", "list", "--database", url, "--data-dir", str(Path("data").resolve()))
    assert nested.returncode == 0, nested.stderr


def test_exit_codes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/s.db"
    assert _cli("init", "--database", url).returncode == 0
    assert _cli("export", "nope", "--database", url).returncode == 1
    assert _cli("no-such-command").returncode == 2
    assert _cli("ready", "--database", url).returncode == 0
    unreachable = _cli("surveys", "--database", "postgresql+psycopg://u:p@127.0.0.1:9/none")
    assert unreachable.returncode == 3
    assert len(unreachable.stderr.strip().splitlines()) == 1
    assert "could not be reached" in unreachable.stderr
    assert _cli("ready", "--database", "postgresql+psycopg://u:p@127.0.0.1:9/none").returncode == 3


def test_a_dropped_connection_during_import_is_one_line_without_data(pg_url: str, tmp_path: Path) -> None:
    """The database connection is cut while `scenes import` writes its rows (PostgreSQL ends the backend, as at a
    server restart): one line, exit 3, no scene name or other row data, and nothing stored."""
    demo = Dashboard(Settings(state_dir=tmp_path / "demo"))
    demo.init(demo=True)
    csv = tmp_path / "survey.csv"
    assert _cli("export", "demo-2023-11", "--format", "csv", "-o", str(csv), "--database",
                f"sqlite:///{tmp_path}/demo/scenes.db").returncode == 0
    names = [line.split(";")[1] for line in csv.read_text(encoding="utf-8-sig").splitlines()[1:]]
    assert _cli("init", "--database", pg_url).returncode == 0

    locker = create_engine_for(pg_url)
    with locker.connect() as hold:
        hold.execute(sa.text("LOCK TABLE scenes IN EXCLUSIVE MODE"))  # reads go on; the import's writes wait
        proc = subprocess.Popen([SCENES, "import", str(csv), "--name", "Kartläggning 2025", "--date", "2024-05-01",
                                 "--database", pg_url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        cut = threading.Event()
        with locker.connect() as watch:
            for _ in range(600):
                pid = watch.execute(sa.text(
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = "
                    "'Lock' AND pid <> pg_backend_pid()")).scalar()
                if pid is not None:
                    watch.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
                    cut.set()
                    break
                watch.rollback()  # pg_stat_activity is a snapshot per transaction: look again in a new one
                time.sleep(0.1)
        hold.rollback()
    _out, err = proc.communicate(timeout=120)
    locker.dispose()
    assert cut.is_set(), f"the import never waited on the lock: {err}"
    assert proc.returncode == 3, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "connection was lost" in lines[0]
    assert not any(name and name in err for name in names)
    assert "Traceback" not in err
    assert "INSERT" not in err
    assert _cli("surveys", "--json", "--database", pg_url).stdout == "[]\n"
