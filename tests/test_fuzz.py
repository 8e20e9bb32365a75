"""A bounded fuzz run: random and mutated frames at every socket, then the kernel must still answer.

Deterministic (seeded) and bounded by both a frame count and a time budget (~20 s). Valid requests reach control
as well as shell: the kernel refuses the interpreter's requests on control, which once ran beside shell's cells
and crashed it now and then (the test's rare 120 s silences in CI).
"""
from __future__ import annotations

import queue
import random
import time

import zmq
from jupyter_client.session import Session

from conftest import TIMEOUT, execute, stop_channels

SEED = 20240601
BUDGET_SECONDS = 20.0
MAX_ROUNDS = 500_000

# Requests worth mutating; shutdown is left out so the kernel stays up.
CORPUS = [
    ("kernel_info_request", {}),
    ("execute_request", {"code": "1 + 1", "silent": False, "store_history": True, "user_expressions": {},
                         "allow_stdin": False, "stop_on_error": True}),
    ("complete_request", {"code": "pri", "cursor_pos": 3}),
    ("inspect_request", {"code": "print", "cursor_pos": 2, "detail_level": 0}),
    ("is_complete_request", {"code": "if true {"}),
    ("history_request", {"hist_access_type": "tail", "n": 5, "output": True, "raw": True}),
    ("comm_info_request", {}),
    ("interrupt_request", {}),
]


def mutate(rng: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        choice = rng.random()
        if choice < 0.4 and data:
            data[rng.randrange(len(data))] = rng.randrange(256)
        elif choice < 0.6 and data:
            del data[rng.randrange(len(data)):][: rng.randint(1, 8)]
        elif choice < 0.8:
            position = rng.randint(0, len(data))
            data[position:position] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        else:
            data = data[: rng.randint(0, len(data))]
    return bytes(data)


def random_frames(rng: random.Random, session: Session, forger: Session) -> list[bytes]:
    kind = rng.random()
    if kind < 0.2:
        return [bytes(rng.randrange(256) for _ in range(rng.randint(0, 64))) for _ in range(rng.randint(1, 9))]
    msg_type, content = rng.choice(CORPUS)
    signer = forger if kind < 0.35 else session
    message = signer.msg(msg_type, content=content)
    frames = signer.serialize(message)  # [delimiter, signature, header, parent, metadata, content]
    if kind < 0.55:
        # Well-signed but mutated JSON: exercises parsing and the handlers.
        index = rng.randrange(2, 6)
        frames[index] = mutate(rng, frames[index])
        frames[1] = session.sign(frames[2:6])
    elif kind < 0.75:
        # Mutated after signing: must fail verification.
        index = rng.randrange(len(frames))
        frames[index] = mutate(rng, frames[index])
    elif kind < 0.85:
        frames = frames[: rng.randrange(len(frames))]
    elif kind < 0.95:
        frames = [mutate(rng, frame) for frame in frames] + [b"extra-buffer"]
    # else: a valid message, sent as is.
    return frames


def test_fuzz_every_socket_then_kernel_info(kernel):
    manager, client = kernel
    info = manager.get_connection_info()
    key = info["key"] if isinstance(info["key"], bytes) else info["key"].encode()
    session = Session(key=key, signature_scheme=info["signature_scheme"])
    forger = Session(key=b"forged-key", signature_scheme=info["signature_scheme"])
    rng = random.Random(SEED)
    context = zmq.Context()

    def endpoint(port_name: str) -> str:
        return f"{info['transport']}://{info['ip']}:{info[port_name]}"

    sockets = {}
    for name in ("shell_port", "control_port", "stdin_port", "hb_port"):
        socket = context.socket(zmq.DEALER)
        socket.linger = 0
        socket.connect(endpoint(name))
        sockets[name] = socket
    iopub = context.socket(zmq.XSUB)
    iopub.linger = 0
    iopub.connect(endpoint("iopub_port"))
    sockets["iopub_port"] = iopub

    names = list(sockets)
    deadline = time.monotonic() + BUDGET_SECONDS
    rounds = sent = 0
    try:
        while rounds < MAX_ROUNDS and time.monotonic() < deadline:
            name = rng.choice(names)
            frames = random_frames(rng, session, forger)
            if name == "iopub_port" and rng.random() < 0.5:
                frames = [bytes([rng.choice([0, 1])]) + bytes(rng.randrange(256) for _ in range(rng.randint(0, 8)))]
            if frames:
                try:
                    sockets[name].send_multipart(frames, zmq.NOBLOCK)
                    sent += 1
                except zmq.Again:  # the kernel is behind: let it catch up
                    time.sleep(0.001)
            for socket in sockets.values():  # keep receive queues short
                while socket.poll(0):
                    socket.recv_multipart()
            rounds += 1
    finally:
        for socket in sockets.values():
            socket.close()
        context.term()
    print(f"fuzz: {rounds} rounds, {sent} frame sets sent in {BUDGET_SECONDS:.0f} s budget")
    assert sent > 100

    # The kernel survived: it answers kernel_info and still runs cells. Fresh clients are used because the
    # old IOPub queue holds replies to mutated headers (e.g. unparseable dates) that jupyter_client cannot load.
    # They share the old client's session id, so each reaches the kernel while its predecessor may still be
    # connected with that routing id: the kernel must hand the id over (this test's 120 s silences until it did).
    stop_channels(client)
    checker = manager.client()
    checker.start_channels()
    try:
        msg_id = checker.kernel_info()
        while True:
            try:
                reply = checker.get_shell_msg(timeout=120)
            except queue.Empty:
                raise AssertionError(f"no kernel_info_reply within 120 s; kernel alive: {manager.is_alive()}") from None
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        assert reply["msg_type"] == "kernel_info_reply"
        assert manager.is_alive()
    finally:
        stop_channels(checker)  # its reply can come within milliseconds of `start_channels`
    # The shell fair-queues the fuzz connection's leftovers with the checker's request, so a few fuzzed requests
    # may still run after that reply; the runner waits for its IOPub welcome (its subscription is in place), then
    # for its own cell's messages.
    runner = manager.client()
    runner.start_channels()
    try:
        while runner.get_iopub_msg(timeout=TIMEOUT)["msg_type"] != "iopub_welcome":
            pass
        try:
            reply, _ = execute(runner, "6 * 7", timeout=120)
        except queue.Empty:
            raise AssertionError(f"6 * 7 not answered within 120 s; kernel alive: {manager.is_alive()}") from None
        assert reply["content"]["status"] == "ok"
    finally:
        stop_channels(runner)
