"""Our own end-to-end checks of the kernel runtime through jupyter_client."""
from __future__ import annotations

import os
import signal
import time

import zmq
from jupyter_client.session import Session

from conftest import TIMEOUT, execute, iopub_until_idle, stop_channels, stream_text

# A loop long enough to be interrupted; it checks the interrupt flag every iteration.
SPIN = "var spins = 0\nwhile true {\n    spins += 1\n}"


def test_prints_stream_while_the_cell_runs_and_before_idle(kernel):
    _, client = kernel
    # The cell prints, then blocks on input: "before" must reach IOPub while the cell is still running.
    msg_id = client.execute('print("before")\nlet name = readLine()\nprint("after")', allow_stdin=True)
    seen = []
    while True:
        message = client.get_iopub_msg(timeout=TIMEOUT)
        if message["parent_header"].get("msg_id") != msg_id:
            continue
        seen.append(message)
        if message["msg_type"] == "stream":
            break
    assert seen[-1]["content"]["text"] == "before\n"
    assert not any(m["msg_type"] == "status" and m["content"]["execution_state"] == "idle" for m in seen)
    request = client.get_stdin_msg(timeout=TIMEOUT)
    assert request["msg_type"] == "input_request"
    client.input("x")
    reply = client.get_shell_msg(timeout=TIMEOUT)
    assert reply["content"]["status"] == "ok"
    rest = iopub_until_idle(client, msg_id)
    assert stream_text(rest) == "after\n"
    assert rest[-1]["content"]["execution_state"] == "idle"


def test_many_prints_arrive_in_order_before_idle(kernel):
    _, client = kernel
    reply, messages = execute(client, "for i in 0..<2000 {\n    print(i)\n}")
    assert reply["content"]["status"] == "ok"
    assert stream_text(messages) == "".join(f"{i}\n" for i in range(2000))
    assert messages[-1]["content"]["execution_state"] == "idle"
    kinds = [m["msg_type"] for m in messages]
    assert kinds.index("execute_input") < kinds.index("stream")


def interrupt_keeps_variables(kernel, interrupt):
    manager, client = kernel
    reply, _ = execute(client, "let kept = 41")
    assert reply["content"]["status"] == "ok"
    msg_id = client.execute(SPIN)
    # Wait until the cell is running (its execute_input is published), then interrupt it.
    while True:
        message = client.get_iopub_msg(timeout=TIMEOUT)
        if message["parent_header"].get("msg_id") == msg_id and message["msg_type"] == "execute_input":
            break
    interrupt(manager)
    reply = client.get_shell_msg(timeout=TIMEOUT)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"]["status"] == "error"
    errors = [m for m in iopub_until_idle(client, msg_id) if m["msg_type"] == "error"]
    assert len(errors) == 1
    reply, messages = execute(client, "kept + 1")
    assert reply["content"]["status"] == "ok"
    results = [m for m in messages if m["msg_type"] == "execute_result"]
    assert results[0]["content"]["data"]["text/plain"] == "42"


def test_interrupt_by_message_keeps_variables(kernel):
    # The kernelspec says interrupt_mode "message", so this sends interrupt_request on control.
    interrupt_keeps_variables(kernel, lambda manager: manager.interrupt_kernel())


def test_interrupt_by_sigint_keeps_variables(kernel):
    interrupt_keeps_variables(kernel, lambda manager: os.kill(manager.provisioner.pid, signal.SIGINT))


def test_stdin_round_trip(kernel):
    _, client = kernel
    msg_id = client.execute('let typed = readLine()!\nprint("got \\(typed)")', allow_stdin=True)
    request = client.get_stdin_msg(timeout=TIMEOUT)
    assert request["msg_type"] == "input_request"
    assert request["parent_header"]["msg_id"] == msg_id
    client.input("Ada")
    reply = client.get_shell_msg(timeout=TIMEOUT)
    assert reply["content"]["status"] == "ok"
    assert stream_text(iopub_until_idle(client, msg_id)) == "got Ada\n"


def test_readline_without_stdin_fails_clearly(kernel):
    _, client = kernel
    reply, messages = execute(client, "let typed = readLine()", allow_stdin=False)
    assert reply["content"]["status"] == "error"
    assert "stdin" in reply["content"]["evalue"]


def test_control_answers_kernel_info_while_a_cell_runs(kernel):
    manager, client = kernel
    msg_id = client.execute(SPIN)
    while True:
        message = client.get_iopub_msg(timeout=TIMEOUT)
        if message["parent_header"].get("msg_id") == msg_id and message["msg_type"] == "execute_input":
            break
    control = client.control_channel
    request = client.session.msg("kernel_info_request")
    control.send(request)
    reply = control.get_msg(timeout=TIMEOUT)
    assert reply["msg_type"] == "kernel_info_reply"
    assert reply["parent_header"]["msg_id"] == request["header"]["msg_id"]
    manager.interrupt_kernel()
    assert client.get_shell_msg(timeout=TIMEOUT)["content"]["status"] == "error"


def test_requests_needing_the_interpreter_are_refused_on_control_while_shell_runs_cells(kernel):
    """Execute and completion requests on control get an error reply and never run beside shell's cells.

    The kernel used to run them on the control thread, racing the shell's cell over the session's state: with
    many of each at once it crashed (the fuzz test's rare silence in CI was this).
    """
    manager, client = kernel
    assert execute(client, "var total = 0")[0]["content"]["status"] == "ok"
    shell_ids = set()
    control_ids = set()
    for index in range(150):
        shell_ids.add(client.execute("total += 1"))
        content = ({"code": "total += 1000", "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": False}
                   if index % 2 == 0 else {"code": "tot", "cursor_pos": 3})
        request = client.session.msg("execute_request" if index % 2 == 0 else "complete_request", content)
        client.control_channel.send(request)
        control_ids.add(request["header"]["msg_id"])
    while shell_ids:
        reply = client.get_shell_msg(timeout=TIMEOUT)
        assert reply["content"]["status"] == "ok"
        shell_ids.discard(reply["parent_header"]["msg_id"])
    while control_ids:
        reply = client.control_channel.get_msg(timeout=TIMEOUT)
        assert reply["content"]["status"] == "error"
        assert "is answered on the shell channel only" in reply["content"]["evalue"]
        control_ids.discard(reply["parent_header"]["msg_id"])
    assert manager.is_alive()
    reply, messages = execute(client, "total")
    assert [m["content"]["data"]["text/plain"] for m in messages if m["msg_type"] == "execute_result"] == ["150"]


def test_forged_message_is_ignored_and_kernel_still_answers(kernel):
    manager, client = kernel
    info = manager.get_connection_info()
    forger = Session(key=b"not-the-key", signature_scheme="hmac-sha256")
    context = zmq.Context.instance()
    socket = context.socket(zmq.DEALER)
    socket.linger = 0
    socket.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
    try:
        forged = forger.msg("execute_request", content={"code": 'print("forged")', "silent": False,
                                                        "store_history": True, "user_expressions": {},
                                                        "allow_stdin": False, "stop_on_error": True})
        forger.send(socket, forged)
        assert socket.poll(1000) == 0  # no reply to a forged message
        reply, messages = execute(client, "6 * 7")
        assert reply["content"]["status"] == "ok"
        assert reply["content"]["execution_count"] == 1  # the forged cell never ran
        # Nothing on IOPub ever came from the forged request.
        while True:
            try:
                message = client.get_iopub_msg(timeout=0.2)
            except Exception:
                break
            assert message["parent_header"].get("msg_id") != forged["header"]["msg_id"]
    finally:
        socket.close()


def test_a_new_client_of_the_same_manager_gets_replies_after_the_old_one_leaves(kernel):
    """Clients of one manager share the session id, which is their routing id on shell, control and stdin.

    The second connects while the first is still connected (the kernel sees both with one id) and must be
    answered once the first has gone: the kernel's ROUTER sockets hand the id over to the newest peer, as
    ipykernel's do.
    """
    manager, first = kernel
    assert execute(first, "let before = 6 * 7")[0]["content"]["status"] == "ok"
    second = manager.client()
    assert second.session.bsession == first.session.bsession
    second.start_channels()
    try:
        while second.get_iopub_msg(timeout=TIMEOUT)["msg_type"] != "iopub_welcome":
            pass  # the second's IOPub subscription is in place
        time.sleep(0.5)  # let the kernel see the second's shell connection while the first is still there
        stop_channels(first)
        reply, messages = execute(second, "before + 1")
        assert reply["content"]["status"] == "ok"
        assert any(m["msg_type"] == "execute_result" and m["content"]["data"]["text/plain"] == "43" for m in messages)
        request = second.session.msg("kernel_info_request")
        second.control_channel.send(request)
        assert second.control_channel.get_msg(timeout=TIMEOUT)["parent_header"]["msg_id"] == request["header"]["msg_id"]
        msg_id = second.execute('let typed = readLine()!\nprint("got \\(typed)")', allow_stdin=True)
        assert second.get_stdin_msg(timeout=TIMEOUT)["msg_type"] == "input_request"
        second.input("again")
        assert second.get_shell_msg(timeout=TIMEOUT)["parent_header"]["msg_id"] == msg_id
        assert "got again" in stream_text(iopub_until_idle(second, msg_id))
    finally:
        stop_channels(second)


def test_comm_open_is_answered_with_comm_close(kernel):
    _, client = kernel
    message = client.session.msg("comm_open", content={"comm_id": "c-1", "target_name": "nothing", "data": {}})
    client.shell_channel.send(message)
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        published = client.get_iopub_msg(timeout=TIMEOUT)
        if published["msg_type"] == "comm_close":
            assert published["content"]["comm_id"] == "c-1"
            return
    raise AssertionError("no comm_close")


def test_shutdown_with_restart_flag(kernel):
    manager, client = kernel
    client.shutdown(restart=True)
    reply = client.get_control_msg(timeout=TIMEOUT)
    assert reply["content"] == {"status": "ok", "restart": True}
    deadline = time.monotonic() + TIMEOUT
    while manager.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not manager.is_alive()


def mapped_library_names(manager) -> set[str]:
    """File names of the shared libraries mapped into the kernel process."""
    with open(f"/proc/{manager.provisioner.pid}/maps") as maps:
        return {line.split()[-1].rsplit("/", 1)[-1] for line in maps if line.rstrip().endswith(".so") or ".so." in line}


def test_openblas_and_cairo_load_on_first_use(kernel):
    manager, client = kernel
    # Start-up maps neither (they are opened by dlopen when first called), so the kernel binds its sockets sooner.
    assert not any(name.startswith(("libopenblas", "libcairo")) for name in mapped_library_names(manager))
    reply, _ = execute(client, "let a = try Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])\nlet product = try a.matmul(a)")
    assert reply["content"]["status"] == "ok"
    assert any(name.startswith("libopenblas") for name in mapped_library_names(manager))
    reply, messages = execute(client, 'var figure = Figure(width: 320, height: 200, title: "t")\nfigure.plot([1.0, 2.0, 3.0], name: "x")\nfigure')
    assert reply["content"]["status"] == "ok"
    assert any("image/png" in m["content"].get("data", {}) for m in messages if m["msg_type"] == "execute_result")
    assert any(name.startswith("libcairo") for name in mapped_library_names(manager))
