"""`intro-lint serve`: start the local web page (and, with --workshop, a room's workshop)."""

from __future__ import annotations

import ipaddress
import os
import socket
import threading
import webbrowser
from pathlib import Path

import click

from intro_lint.apps.commandline import fail, rubric_options
from intro_lint.errors import IntroLintError

WARM_DRAFT = "Hi Sam,\n\nCould you introduce me to Ana at Lumen about the design role?\n\nJo\n"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening socket (port 0: any free port), so the address printed is the real one."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP said outright: asyncio turns Nagle off only on sockets whose proto says TCP,
    # and with Nagle on, every answer waited ~40 ms for the client's delayed ACK
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        sock.close()
        raise IntroLintError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def workshop_folder(path: str) -> Path:
    folder = Path(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IntroLintError(f"{path}: cannot create the workshop folder: {exc.strerror}") from None
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise IntroLintError(f"{path}: the workshop folder is not a writable folder")
    return folder


def say(line: str) -> None:
    click.echo(f"intro-lint serve: {line}")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="0: any free."
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in your browser.")
@click.option(
    "--workshop",
    type=click.Path(file_okay=False),
    default=None,
    help="Run a workshop: participants submit drafts into this folder.",
)
@rubric_options
def serve_command(
    host, port, open_browser, workshop, select, ignore, rule_dirs, rule_set, pipeline, max_bytes
):
    """Start the local web page: write a draft, see its findings, score and fixes as you type."""
    try:
        import uvicorn

        from intro_lint.apps.web.app import Server, create_app
        from intro_lint.apps.web.workshop import Workshop
    except ModuleNotFoundError as exc:
        raise fail(
            f"serve needs {exc.name!r}, which is not installed: pip install 'intro-lint[web]'"
        ) from None
    from intro_lint.linter import linter_for
    from intro_lint.read.message import read_text
    from intro_lint.settings.layers import load_settings

    cli = {
        "select": select,
        "ignore": ignore,
        "rule_dirs": rule_dirs,
        "rule_set": rule_set,
        "pipeline": pipeline,
        "max_bytes": max_bytes,
    }
    try:
        settings, _ = load_settings(cli, Path.cwd())
        linter = linter_for(settings)
        linter.lint([read_text(WARM_DRAFT, "warm-up.txt")])  # the first draft should not wait
        room = Workshop(workshop_folder(workshop)) if workshop else None
        sock = bind(host, port)
    except IntroLintError as exc:
        raise fail(str(exc)) from None
    server = Server(linter, cli, room, loopback_only=is_loopback(host))
    app = create_app(server)
    shown = sock.getsockname()
    address = f"http://{'[' + shown[0] + ']' if ':' in shown[0] else shown[0]}:{shown[1]}/"
    say(f"the page is at {address}  (Ctrl-C stops it)")
    if not is_loopback(host) and room is None:
        say("warning: listening beyond this machine; anyone who can reach it can use the page")
    if room is not None:
        say(f"workshop: join code {room.code}; submissions go to {room.folder.resolve()}")
        say(f"instructor view: {address}instructor?token={room.token}")
    if open_browser:
        threading.Timer(0.5, webbrowser.open, args=(address,)).start()
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    try:
        uvicorn.Server(config).run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn shut down cleanly, then passed the Ctrl-C on
        pass
    finally:
        server.engine.shutdown(wait=False, cancel_futures=True)
        sock.close()
    say("stopped")
