"""Start and stop a real `intro-lint serve --workshop DIR --port 0` process; HTTP helpers."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

START_GUARD = 120  # seconds: a hang guard for the server's start, not a timing


@dataclass
class Served:
    """The running server: its address, the room's folder, join code and instructor token."""

    process: subprocess.Popen
    url: str
    folder: Path
    code: str
    token: str
    lines: list[str]

    def call(self, path: str, body=None, *, raw: bytes | None = None, headers=None, method=None):
        """(status, headers, body bytes) of one request; a 4xx or 5xx is returned, not raised."""
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        head = {"Content-Type": "application/json", **(headers or {})}
        request = urllib.request.Request(self.url + path, data=data, headers=head, method=method)
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers), exc.read()

    def json(self, path: str, body=None, **kwargs):
        status, _, data = self.call(path, body, **kwargs)
        return status, json.loads(data) if data else None


def environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INTRO_LINT_")}
    env.update(
        HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache")
    )
    return env


def start_server(folder: Path, home: Path, *args: str) -> Served:
    exe = Path(sys.executable).parent / "intro-lint"
    command = [str(exe), "serve", "--port", "0", "--workshop", str(folder), *args]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=home,
        env=environment(home),
    )  # fmt: skip
    lines: list[str] = []
    for line in process.stdout:  # the three lines it prints once it listens
        lines.append(line.rstrip("\n"))
        if "instructor view:" in line:
            break
    text = "\n".join(lines)
    address = re.search(r"the page is at (http://\S+/)", text)
    code = re.search(r"join code (\w+)", text)
    token = re.search(r"instructor\?token=(\S+)", text)
    if not (address and code and token):
        process.kill()
        raise AssertionError(f"intro-lint serve did not start:\n{text}")
    return Served(
        process, address.group(1).rstrip("/"), folder, code.group(1), token.group(1), lines
    )


def stop_server(served: Served) -> int:
    """Ctrl-C, as a user stops it; the exit status."""
    served.process.send_signal(signal.SIGINT)
    try:
        rest = served.process.communicate(timeout=START_GUARD)[0]
    except subprocess.TimeoutExpired:
        served.process.kill()
        raise
    served.lines += rest.splitlines()
    return served.process.returncode
