"""Every input of every app type, sent `null` and values of the wrong type, as any client can.

Each app type runs as `python app.py` does. The endpoints and their parameters come from the
app's own API description, so an endpoint or parameter added later is probed too. Every
such call must end in an error that says what was wrong, the app must keep answering, and
the log must hold no traceback.
"""

import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from .live import RunningApp, serve_app, tiny_model

APP_TYPES = ["single-function", "multi-step", "chat", "gpu-inference"]
# What a hostile client sends instead of a proper value; "text" is proper for a text input.
JUNK: list[Any] = [None, 4242, "text", [["x"]], {"not": "expected"}, True]


@pytest.fixture(scope="module", params=APP_TYPES)
def app(
    request: pytest.FixtureRequest,
    render: Callable[..., Path],
    project_env: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[RunningApp]:
    project = render(app_type=request.param)
    workdir = tmp_path_factory.mktemp(request.param)
    settings = {}
    if request.param == "gpu-inference":
        model = tiny_model(project, project_env, workdir / "model")
        settings = {"APP_MODEL_ID": str(model), "APP_DEVICE": "cpu"}
    with serve_app(project, project_env, workdir, **settings) as running:
        yield running


def call(url: str, api_name: str, data: list[Any]) -> tuple[str, Any]:
    """Call an endpoint over Gradio's REST API; return the final event and its data."""
    event = httpx.post(f"{url}gradio_api/call/{api_name}", json={"data": data}, timeout=60)
    assert event.status_code == 200, event.text
    stream = httpx.get(f"{url}gradio_api/call/{api_name}/{event.json()['event_id']}", timeout=60)
    kind, data_line = [line for line in stream.text.splitlines() if line][-2:]
    return kind.removeprefix("event: "), json.loads(data_line.removeprefix("data: "))


def takes_a_file(parameter: dict[str, Any]) -> bool:
    return parameter["python_type"]["type"] == "filepath"


def proper(parameter: dict[str, Any], value: Any) -> bool:
    """Whether `value` is a proper value for `parameter`, so that it is not a probe."""
    if value is None:  # no file chosen, or a default of None
        return takes_a_file(parameter) or (
            parameter["parameter_has_default"] and parameter["parameter_default"] is None
        )
    return value == "text" and parameter["python_type"]["type"] == "str"


def proper_value(parameter: dict[str, Any]) -> Any:
    """The parameter's default, or the example Gradio gives for it; no file for a file (the
    example is a file on the internet, which the app would try to fetch)."""
    if parameter["parameter_has_default"] or takes_a_file(parameter):
        return parameter.get("parameter_default")
    return parameter["example_input"]


def test_every_input_refuses_null_and_wrong_types_clearly(app: RunningApp) -> None:
    endpoints = httpx.get(f"{app.url}gradio_api/info").json()["named_endpoints"]
    assert endpoints
    before = len(app.log())
    unclear = []
    probes = 0
    for name, endpoint in endpoints.items():
        parameters = endpoint["parameters"]
        for index, parameter in enumerate(parameters):
            for junk in JUNK:
                if proper(parameter, junk):
                    continue
                data = [proper_value(p) for p in parameters]
                data[index] = junk
                kind, answer = call(app.url, name.lstrip("/"), data)
                probes += 1
                if kind != "error" or not (answer or {}).get("error"):
                    unclear.append((name, parameter["parameter_name"], junk, kind, answer))
    print(f"\nHOSTILE-PAYLOADS {len(endpoints)} endpoints, {probes} probes")
    assert not unclear
    assert httpx.get(app.url).status_code == 200
    assert "Traceback" not in app.log()[before:]


@pytest.mark.parametrize("app", ["gpu-inference"], indirect=True)
def test_a_bad_request_among_a_batch_fails_alone(app: RunningApp) -> None:
    texts: list[Any] = ["great", "awful", "fine", None, "good", "bad", "dull", "nice"]
    results: dict[int, tuple[str, Any]] = {}

    def classify(index: int) -> None:
        results[index] = call(app.url, "classify", [texts[index]])

    threads = [threading.Thread(target=classify, args=(i,)) for i in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    kinds = [results[i][0] for i in range(len(texts))]
    assert kinds == ["error" if text is None else "complete" for text in texts]
    assert "send text" in results[texts.index(None)][1]["error"]
