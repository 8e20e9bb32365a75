"""Shared fixtures: a running Swift Experiments kernel found through its installed kernelspec.

Run after `make kernelspec` (which installs into .venv); `make python-test` exports JUPYTER_PATH.
"""
from __future__ import annotations

import os
import pathlib
import time

import pytest
from jupyter_client.manager import start_new_kernel

KERNEL_NAME = "swift-experiments"
REPOSITORY = pathlib.Path(__file__).resolve().parent.parent
TIMEOUT = 30

# Let a bare `pytest tests` find the kernelspec installed into .venv by `make kernelspec`.
os.environ.setdefault("JUPYTER_PATH", str(REPOSITORY / ".venv" / "share" / "jupyter"))


@pytest.fixture
def kernel():
    """A fresh kernel manager and a started, ready blocking client; shut down afterwards."""
    manager, client = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=TIMEOUT)
    try:
        yield manager, client
    finally:
        stop_channels(client)
        manager.shutdown_kernel(now=True)


def stop_channels(client) -> None:
    """Stops `client`'s channels once its heartbeat loop has started (or after two heartbeat periods).

    jupyter_client's heartbeat thread, stopped before its loop sets its running flag, misses every beat at once
    and re-creates its socket in a tight loop until ZeroMQ runs out of sockets ("Too many open files"). A client
    stopped within milliseconds of `start_channels` (the IOPub-welcome test) hits that window. `is_beating()`
    turns true as the loop starts, before any reply.
    """
    heartbeat = client.hb_channel
    deadline = time.monotonic() + 2 * heartbeat.time_to_dead
    while heartbeat.is_alive() and not heartbeat.is_beating() and time.monotonic() < deadline:
        time.sleep(0.01)
    client.stop_channels()


def execute(client, code: str, allow_stdin: bool = False, timeout: float = TIMEOUT):
    """Runs `code`; returns (execute_reply, IOPub messages of this request up to its idle status)."""
    msg_id = client.execute(code, allow_stdin=allow_stdin)
    reply = client.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = client.get_shell_msg(timeout=timeout)
    return reply, iopub_until_idle(client, msg_id, timeout)


def iopub_until_idle(client, msg_id: str, timeout: float = TIMEOUT):
    """IOPub messages whose parent is `msg_id`, up to and including its idle status."""
    messages = []
    while True:
        message = client.get_iopub_msg(timeout=timeout)
        if message["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append(message)
        if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
            return messages


def stream_text(messages, name: str = "stdout") -> str:
    """The concatenated text of the stream messages named `name`."""
    return "".join(m["content"]["text"] for m in messages if m["msg_type"] == "stream" and m["content"]["name"] == name)
