"""The deployment kit in deploy/ stays true to the program: the environment file names only real settings, the
service units run commands that exist with options the programs take, and HAProxy's configuration checks the
route the app serves. (tests/browser/deploy/ runs the kit itself: HAProxy with this very file in front of two
instances.)"""

from __future__ import annotations

import configparser
import re
import shlex

from scenes.cli import _parser
from scenes.settings import PROJECT_ROOT, Settings

DEPLOY = PROJECT_ROOT / "deploy"


def test_the_environment_file_names_only_real_settings() -> None:
    names = {f"SCENES_{field.upper()}" for field in Settings.model_fields}
    written = [line.split("=", 1)[0] for line in (DEPLOY / "scenes.env.example").read_text().splitlines()
               if line and not line.startswith("#")]
    assert "STREAMLIT_SERVER_COOKIE_SECRET" in (DEPLOY / "scenes.env.example").read_text()
    assert written
    assert set(written) <= names | {"STREAMLIT_SERVER_COOKIE_SECRET"}


def _unit(name: str) -> configparser.ConfigParser:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read(DEPLOY / "systemd" / name)
    return unit


def test_service_units_run_the_real_commands() -> None:
    init = _unit("scenes-init.service")
    assert init["Service"]["ExecStart"].endswith("/scenes init")
    instance = _unit("scenes@.service")
    start = shlex.split(instance["Service"]["ExecStart"].replace("%i", "8601"))
    assert start[1].endswith("/serve.py")
    assert start[2:4] == ["--server.port", "8601"]
    ready = shlex.split(instance["Service"]["ExecStartPost"].replace("%i", "8601"))
    assert ready[-2:] == ["--url", "http://127.0.0.1:8601/api/ready"]  # this very instance answers
    assert int(instance["Service"]["TimeoutStartSec"]) > 120  # longer than the readiness wait
    assert ready[0].endswith("/scenes")
    assert _parser().parse_args(ready[1:]).command == "ready"  # the CLI takes exactly these options
    assert instance["Service"]["RestartPreventExitStatus"] == "2"  # a refused configuration is not restarted
    assert instance["Unit"]["Requires"] == "scenes-init.service"


def test_haproxy_checks_the_readiness_route_and_keeps_browsers_on_their_instance() -> None:
    text = (DEPLOY / "haproxy.cfg").read_text()
    assert re.search(r"option httpchk GET /api/ready", text)
    assert re.search(r"cookie SCENES_INSTANCE insert indirect nocache", text)
    assert "option redispatch" in text
    assert "http-request set-header X-Forwarded-For %[src]" in text  # replaced: a client's own value never counts
    assert "option forwardfor" not in text  # (it appends to what the client sent)
    assert 'bind "${SCENES_PROXY_BIND[*]}"' in text  # several words: address and TLS options
    assert "timeout tunnel" in text


def test_the_environment_file_reads_the_same_in_a_shell() -> None:
    """Values with spaces and JSON survive a shell's reading (systemd strips the same single quotes)."""
    import json
    import subprocess

    show = "import os, json; print(json.dumps([os.environ['SCENES_ROLE_MAP'], os.environ['SCENES_ACCESS_CONTACT']]))"
    out = subprocess.run(["bash", "-c", f'set -a; . ./scenes.env.example; python3 -c "{show}"'],
                         cwd=DEPLOY, capture_output=True, text=True, check=True).stdout
    role_map, contact = json.loads(out)
    assert json.loads(role_map)["default"] == "deltagare"
    assert contact == "Länsstyrelsens samordnare, samordning@example.se"
