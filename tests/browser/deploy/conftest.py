"""A county's deployment, assembled from real parts for the proof suite: a PostgreSQL cluster of its own (so it can
be stopped and started), node's oidc-provider as the organisation's sign-in, two instances of the app started as
`deploy/systemd/scenes@.service` starts them, and HAProxy running `deploy/haproxy.cfg` unchanged in front.

Outside CI a missing part (PostgreSQL's initdb, HAProxy, Node.js with tests/oidc/node_modules, Chromium) skips the
suite with what to install; under CI=true it fails instead.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from scenes.settings import PROJECT_ROOT
from tests.browser.conftest import _free_port

OIDC_DIR = PROJECT_ROOT / "tests" / "oidc"
CLIENT_ID, CLIENT_SECRET = "scenes", "scenes-test-client-secret"
COOKIE_SECRET = "deployment-test-cookie-secret-0123456789abcdef"  # noqa: S105 - a throwaway test deployment
ROLE_MAP = {"emails": {"ella.admin@lansstyrelsen.se": "admin"}, "groups": {"scenes-analytiker": "analytiker"},
            "default": "deltagare"}
CONTACT = "Länsstyrelsens samordnare, samordning@example.se"


def _missing(what: str) -> None:
    message = f"The deployment suite needs {what}."
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def _wait_http(url: str, *, status: int = 200, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=3) as r:  # noqa: S310 - our loopback
                if r.status == status:
                    return
                last = str(r.status)
        except urllib.error.HTTPError as exc:
            if exc.code == status:
                return
            last = str(exc.code)
        except OSError as exc:
            last = type(exc).__name__
        time.sleep(0.3)
    raise AssertionError(f"{url} did not answer {status} within {timeout} s (last: {last})")


def status_of(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:  # noqa: S310 - our loopback
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


@dataclass
class Postgres:
    """A throwaway PostgreSQL cluster that the suite may stop and start."""

    bindir: Path
    base: Path
    port: int
    prefix: list[str]

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/scenes"

    def ctl(self, *args: str) -> None:
        subprocess.run([*self.prefix, str(self.bindir / "pg_ctl"), "-D", str(self.base / "data"), *args],
                       check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        self.ctl("-l", str(self.base / "log"), "-w", "-o", f"-p {self.port} -h 127.0.0.1 -k {self.base} -F", "start")

    def stop(self) -> None:
        self.ctl("-m", "fast", "-w", "stop")


@dataclass
class Instance:
    name: str
    port: int
    log: Path
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@dataclass
class County:
    root: Path
    pg: Postgres
    provider: str
    proxy: str
    secrets: Path
    env: dict[str, str]
    instances: dict[str, Instance] = field(default_factory=dict)
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start(self, name: str, *, env: dict[str, str] | None = None, secrets: Path | None = None) -> Instance:
        """Start (or restart) one instance as the systemd unit does, and wait until it is ready."""
        instance = self.instances[name]
        handle = instance.log.open("ab")
        instance.proc = subprocess.Popen(
            [sys.executable, str(PROJECT_ROOT / "serve.py"), "--server.port", str(instance.port), "--server.address",
             "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
             "--secrets.files", str(secrets or self.secrets)],
            cwd=PROJECT_ROOT, env={**self.env, **(env or {})}, stdout=handle, stderr=subprocess.STDOUT)
        _wait_http(f"{instance.url}/api/ready", timeout=120)
        return instance

    def kill(self, name: str) -> None:
        """kill -9, as a crash or an OOM kill would."""
        proc = self.instances[name].proc
        assert proc is not None
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)

    def stop_all(self) -> None:
        for instance in self.instances.values():
            if instance.proc is not None and instance.proc.poll() is None:
                instance.proc.terminate()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    instance.proc.wait(timeout=20)
        for proc in self.procs:
            proc.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=20)


def _postgres(base: Path) -> Postgres:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    if not found:
        _missing("PostgreSQL (apt-get install postgresql)")
    bindir = found[-1].parent
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    if as_root:
        shutil.chown(base, "postgres")
    subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(base / "data"), "-A", "trust", "-U", "postgres",
                    "--no-sync", "-E", "UTF8"], check=True, capture_output=True)
    pg = Postgres(bindir, base, _free_port(), prefix)
    pg.start()
    subprocess.run([*prefix, str(bindir / "psql"), "-h", "127.0.0.1", "-p", str(pg.port), "-U", "postgres", "-q",
                    "-c", "CREATE DATABASE scenes"], check=True, capture_output=True)
    return pg


def _provider(port: int, redirect_uris: list[str], log: Path) -> subprocess.Popen[bytes]:
    node = shutil.which("node")
    if node is None or not (OIDC_DIR / "node_modules" / "oidc-provider").is_dir():
        _missing("Node.js 20+ and the test provider (`make oidc-provider`, i.e. npm ci in tests/oidc)")
    clients = [{"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "redirect_uris": redirect_uris,
                "post_logout_redirect_uris": redirect_uris}]
    proc = subprocess.Popen([str(node), str(OIDC_DIR / "provider.mjs")], cwd=OIDC_DIR,
                            env={**os.environ, "OIDC_PORT": str(port), "OIDC_ISSUER": f"http://localhost:{port}",
                                 "OIDC_CLIENTS": json.dumps(clients)},
                            stdout=log.open("wb"), stderr=subprocess.STDOUT)
    _wait_http(f"http://localhost:{port}/.well-known/openid-configuration")
    return proc


def write_secrets(path: Path, redirect: str, provider: str) -> Path:
    path.write_text(
        "[auth]\n"
        f'redirect_uri = "{redirect}/oauth2callback"\n'
        f'cookie_secret = "{COOKIE_SECRET}"\n'
        f'client_id = "{CLIENT_ID}"\n'
        f'client_secret = "{CLIENT_SECRET}"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n'
        'client_kwargs = { prompt = "login" }\n', encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def county() -> Iterator[County]:
    """PostgreSQL, the provider, two instances and HAProxy, as deploy/ describes them."""
    haproxy = shutil.which("haproxy") or ("/usr/sbin/haproxy" if Path("/usr/sbin/haproxy").exists() else None)
    if haproxy is None:
        _missing("HAProxy (apt-get install haproxy)")
    root = Path(tempfile.mkdtemp(prefix="scenes-county-"))
    os.chmod(root, 0o755)  # noqa: S103 - the postgres user reaches its cluster folder below
    (root / "pg").mkdir()
    pg = _postgres(root / "pg")
    procs: list[subprocess.Popen[bytes]] = []
    county = None
    try:
        proxy_port, provider_port, solo_port = _free_port(), _free_port(), _free_port()
        proxy = f"http://127.0.0.1:{proxy_port}"
        provider = f"http://localhost:{provider_port}"
        procs.append(_provider(provider_port, [f"{proxy}/oauth2callback", f"http://127.0.0.1:{solo_port}/oauth2callback"],
                               root / "provider.log"))
        secrets = write_secrets(root / "secrets.toml", proxy, provider)
        env = {**os.environ, "SCENES_DATABASE_URL": pg.url, "SCENES_STATE_DIR": str(root / "state"),
               "SCENES_ROLE_MAP": json.dumps(ROLE_MAP), "SCENES_CLIENT_IP_HEADER": "X-Forwarded-For",
               "SCENES_SESSION_SECRET": "deployment-test-session-secret-0123456789",
               "SCENES_ACCESS_CONTACT": CONTACT}
        subprocess.run([str(Path(sys.executable).with_name("scenes")), "init"], env=env, check=True,
                       capture_output=True, timeout=120)  # scenes-init.service
        county = County(root, pg, provider, proxy, secrets, env, procs=procs)
        county.instances = {name: Instance(name, _free_port(), root / f"{name}.log") for name in ("app1", "app2")}
        county.instances["solo"] = Instance("solo", solo_port, root / "solo.log")
        for name in ("app1", "app2"):
            county.start(name)
        proxy_env = {**os.environ, "SCENES_PROXY_BIND": f"127.0.0.1:{proxy_port}",
                     "SCENES_PROXY_MAX_BODY": str(11 * 1024 * 1024),
                     "SCENES_INSTANCE_1": f"127.0.0.1:{county.instances['app1'].port}",
                     "SCENES_INSTANCE_2": f"127.0.0.1:{county.instances['app2'].port}"}
        checked = subprocess.run([haproxy, "-c", "-f", str(PROJECT_ROOT / "deploy" / "haproxy.cfg")], env=proxy_env,
                                 capture_output=True, text=True, check=False)
        assert checked.returncode == 0, checked.stdout + checked.stderr
        procs.append(subprocess.Popen([haproxy, "-db", "-f", str(PROJECT_ROOT / "deploy" / "haproxy.cfg")],
                                      env=proxy_env, stdout=(root / "haproxy.log").open("wb"),
                                      stderr=subprocess.STDOUT))
        _wait_http(f"{proxy}/api/ready")
        yield county
    finally:
        if county is not None:
            county.stop_all()
        else:
            for proc in procs:
                proc.terminate()
        with contextlib.suppress(Exception):
            pg.stop()
        if os.environ.get("SCENES_KEEP_COUNTY") != "1":
            shutil.rmtree(root, ignore_errors=True)
