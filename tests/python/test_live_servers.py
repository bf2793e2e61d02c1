"""End to end against real chanx servers (FastAPI and Django Channels apps of
our own under ``tests/servers``), started on 127.0.0.1 by these tests:
generate through the schema URL, type-check and run a client script for
every channel and one for topics, compare with the Python chanx generator,
and live through a server change with ``chanx check``.

A server that cannot be started fails the tests; nothing is skipped.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, tool

SERVERS = ROOT / "tests" / "servers"
CHANX = ROOT / "target" / "debug" / "chanx"
STARTUP_SECONDS = 60


@dataclass
class Server:
    kind: str
    host: str
    process: "subprocess.Popen[bytes]"
    json_path: str
    yaml_path: str

    @property
    def json_url(self) -> str:
        return f"http://{self.host}{self.json_path}"

    @property
    def yaml_url(self) -> str:
        return f"http://{self.host}{self.yaml_path}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(kind: str, extra: bool = False) -> Server:
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(SERVERS))
    env.pop("CHANX_TEST_EXTRA", None)
    if extra:
        env["CHANX_TEST_EXTRA"] = "1"
    if kind == "fastapi":
        command = [sys.executable, "-m", "uvicorn", "fastapi_app:app", "--host", "127.0.0.1", "--port", str(port)]
        paths = ("/asyncapi.json", "/asyncapi.yaml")
    else:
        command = [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), "django_project.asgi:application"]
        # No extension: the content type tells JSON from YAML.
        paths = ("/asyncapi/schema/", "/asyncapi/schema/?format=yaml")
    log = open(SERVERS.parent.parent / "target" / f"{kind}-server.log", "wb")  # noqa: SIM115
    process = subprocess.Popen(command, cwd=SERVERS, env=env, stdout=log, stderr=subprocess.STDOUT)
    server = Server(kind, f"127.0.0.1:{port}", process, *paths)
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the {kind} server exited with {process.returncode}; see target/{kind}-server.log")
        try:
            with urllib.request.urlopen(server.json_url, timeout=2) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    stop(server)
    raise RuntimeError(f"the {kind} server did not answer within {STARTUP_SECONDS} s")


def stop(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="module", params=["fastapi", "django"])
def server(request: pytest.FixtureRequest) -> Iterator[Server]:
    running = start(request.param)
    try:
        yield running
    finally:
        stop(running)


def chanx(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CHANX), *args], cwd=cwd, capture_output=True, text=True, check=False)


def files(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def type_check(folder: Path, paths: list[str]) -> None:
    config = {"typeCheckingMode": "strict", "pythonVersion": "3.11", "include": paths}
    (folder / "pyrightconfig.json").write_text(json.dumps(config))
    result = subprocess.run(
        [tool("pyright"), "--pythonpath", sys.executable], cwd=folder, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    command = [sys.executable, "-m", "mypy", "--strict", "--python-version", "3.11", *paths]
    result = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def run_script(folder: Path, script: str, server: Server) -> str:
    shutil.copy(SERVERS / script, folder / script)
    result = subprocess.run(
        [sys.executable, script, server.host], cwd=folder, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_a_client_generated_from_the_url_talks_to_the_server(server: Server, tmp_path: Path) -> None:
    result = chanx("generate-client", "--schema", server.json_url, "--output", "e2e_client", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    from_yaml = tmp_path / "yaml"
    from_yaml.mkdir()
    result = chanx("generate-client", "--schema", server.yaml_url, "--output", "e2e_client", cwd=from_yaml)
    assert result.returncode == 0, result.stderr
    assert files(from_yaml / "e2e_client") == files(tmp_path / "e2e_client"), "JSON and YAML give the same client"

    shutil.copy(SERVERS / "exercise_client.py", tmp_path / "exercise_client.py")
    type_check(tmp_path, ["e2e_client", "exercise_client.py"])
    output = run_script(tmp_path, "exercise_client.py", server)
    assert output.split() == ["ok", "chat", "ok", "rooms", "ok", "threads", "ok", "profiles", "ok", "secure"]


def test_topic_handles_talk_to_a_chanx_hub(server: Server, tmp_path: Path) -> None:
    """The hub of ``topics_api.py``: subscriptions with typed errors, pushed
    events per handle, requests while events flow, a dropped connection,
    resubscribing after connecting again and after a crash."""
    result = chanx("generate-client", "--schema", server.json_url, "--output", "e2e_client", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    shutil.copy(SERVERS / "exercise_topics.py", tmp_path / "exercise_topics.py")
    type_check(tmp_path, ["e2e_client", "exercise_topics.py"])
    output = run_script(tmp_path, "exercise_topics.py", server)
    assert output.split() == ["subscribed", "own", "interleaved", "errors", "unsubscribed", "dropped", "resubscribed", "reconnected"]


def surface(root: Path, package: str) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, str(Path(__file__).parent / "surface.py"), str(root), package],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(result.stdout))


def dedicated_topic_routes(document: dict[str, Any]) -> set[str]:
    """Topic channels at an address no plain channel has: connecting there is
    subscribing, so ours are plain clients (docs/compatibility.md)."""
    channels = document.get("channels", {})
    plain = {channel.get("address") for channel in channels.values() if "x-topic" not in channel}
    return {
        name for name, channel in channels.items() if "x-topic" in channel and channel.get("address") not in plain
    }


def assert_same_surface(schema: str, document: dict[str, Any], folder: Path) -> None:
    """Our package and the Python generator's have the same public surface,
    but for the differences listed in docs/compatibility.md."""
    ours, theirs = folder / "ours", folder / "theirs"
    result = chanx("-q", "generate-client", "--schema", schema, "--output", str(ours / "client"), "--no-format", cwd=folder)
    assert result.returncode == 0, result.stderr
    python_generator = [tool("chanx"), "generate-client", "--schema", schema, "--output", str(theirs / "client")]
    subprocess.run([*python_generator, "--no-format"], capture_output=True, check=True)
    mine, reference = surface(ours, "client"), surface(theirs, "client")
    assert mine["errors"] == {} and reference["errors"] == {}, (mine["errors"], reference["errors"])
    assert sorted(mine["channels"]) == sorted(reference["channels"])
    dedicated = dedicated_topic_routes(document)
    for name, channel in reference["channels"].items():
        ours_channel = mine["channels"][name]
        # Ours only add methods (a handle's request and attach).
        assert set(channel["methods"]) <= set(ours_channel["methods"]), f"{schema}: channel {name}"
        channel = {**channel, "methods": ours_channel["methods"]}
        if name in dedicated:
            address = document["channels"][name]["address"]
            assert (ours_channel["path"], ours_channel["pattern"]) == (address, None)
            channel = {**channel, "path": address, "pattern": None}
        assert ours_channel == channel, f"{schema}: channel {name}"
    assert mine["models"] == reference["models"], schema


@pytest.mark.parametrize("fixture", ["showcase.json", "sandbox_django.json", "sandbox_fastapi.json", "sandbox_fastapi.yaml"])
def test_fixtures_have_the_python_generators_surface(fixture: str, tmp_path: Path) -> None:
    path = ROOT / "fixtures" / "chanx" / fixture
    document = json.loads((ROOT / "fixtures" / "chanx" / path.with_suffix(".json").name).read_text())
    assert_same_surface(str(path), document, tmp_path)


def test_live_schemas_have_the_python_generators_surface(server: Server, tmp_path: Path) -> None:
    with urllib.request.urlopen(server.json_url, timeout=10) as response:
        document = json.loads(response.read())
    assert_same_surface(server.json_url, document, tmp_path)


@pytest.mark.parametrize("kind", ["fastapi", "django"])
def test_a_server_change_is_drift_until_regenerated(kind: str, tmp_path: Path) -> None:
    before = start(kind)
    try:
        generated = chanx("-q", "generate-client", "--schema", before.json_url, "--output", "e2e_client", cwd=tmp_path)
        assert generated.returncode == 0, generated.stderr
    finally:
        stop(before)

    after = start(kind, extra=True)
    try:
        arguments = ["--schema", after.json_url, "--output", "e2e_client"]
        drift = chanx("check", *arguments, cwd=tmp_path)
        assert drift.returncode == 1, drift.stdout + drift.stderr
        assert "modified      chat/messages.py" in drift.stdout, drift.stdout
        assert "+class ReactionMessage(BaseModel):" in drift.stdout
        assert "+    mood: StrictStr | None = None" in drift.stdout

        assert chanx("-q", "generate-client", *arguments, cwd=tmp_path).returncode == 0
        clean = chanx("check", *arguments, cwd=tmp_path)
        assert clean.returncode == 0, clean.stdout + clean.stderr

        shutil.copy(SERVERS / "exercise_extra.py", tmp_path / "exercise_extra.py")
        type_check(tmp_path, ["e2e_client", "exercise_extra.py"])
        assert run_script(tmp_path, "exercise_extra.py", after).split() == ["ok", "reaction"]
    finally:
        stop(after)


def test_issue_19_the_same_chanx_server_under_another_host_name_is_the_same_client(
    server: Server, tmp_path: Path
) -> None:
    # chanx writes the request's Host header into servers.*.host.
    through_localhost = server.json_url.replace("127.0.0.1", "localhost")
    with urllib.request.urlopen(through_localhost, timeout=10) as response:
        document = json.load(response)
    hosts = [entry.get("host") for entry in document.get("servers", {}).values()]
    assert server.host.replace("127.0.0.1", "localhost") in hosts, hosts

    generated = chanx("generate-client", "--schema", through_localhost, "--output", "my_client", cwd=tmp_path)
    assert generated.returncode == 0, generated.stderr
    checked = chanx("check", "--schema", server.json_url, "--output", "my_client", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_issue_20_a_request_whose_reply_is_a_group_broadcast_resolves(server: Server, tmp_path: Path) -> None:
    result = chanx("generate-client", "--schema", server.json_url, "--output", "e2e_client", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "async def request_room_post(" in (tmp_path / "e2e_client" / "rooms" / "client.py").read_text()
    assert run_script(tmp_path, "exercise_broadcast_reply.py", server).split() == ["hello"]


def test_a_client_the_python_generator_wrote_is_taken_over_once(tmp_path: Path) -> None:
    """Its folder has no manifest, so every file is one chanx did not write:
    the first run stops and says how to take the folder over; with the flag
    it does, and from then on the folder is chanx's like any other."""
    schema = str(ROOT / "fixtures" / "chanx" / "showcase.json")
    client = tmp_path / "client"
    python_generator = [tool("chanx"), "generate-client", "--schema", schema, "--output", str(client), "--no-format"]
    subprocess.run(python_generator, capture_output=True, check=True)
    theirs = files(client)
    refused = chanx("-q", "generate-client", "--schema", schema, "--output", "client", cwd=tmp_path)
    assert refused.returncode == 2, refused.stderr
    assert "chanx did not write this file" in refused.stderr
    assert "for a client the Python generator wrote, pass --overwrite-foreign-files once" in refused.stderr
    assert files(client) == theirs
    checked = chanx("check", "--schema", schema, "--output", "client", "--name-only", cwd=tmp_path)
    assert checked.returncode == 1
    take_over = ["-q", "generate-client", "--schema", schema, "--output", "client", "--overwrite-foreign-files"]
    taken = chanx(*take_over, cwd=tmp_path)
    assert taken.returncode == 0, taken.stderr
    # base/ is ours too, not the Python generator's.
    checked = chanx("check", "--schema", schema, "--output", "client", "--override-base", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout
    again = chanx("-q", "generate-client", "--schema", schema, "--output", "client", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
