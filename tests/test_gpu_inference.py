"""The gpu-inference answers the matrix leaves at their defaults: Space hardware and model id."""

import ast
import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from gradio_forge.answers import InvalidAnswer

from .helpers import assert_lints_clean, max_length
from .test_answers import resolve


def front_matter(project: Path) -> dict[str, str]:
    return yaml.safe_load((project / "README.md").read_text().split("---")[1])


@pytest.mark.parametrize("hardware", ["zero-a10g", "cpu-basic", "t4-small", "a10g-small"])
def test_space_hardware_is_suggested_and_only_zerogpu_needs_spaces(
    render: Callable[..., Path], hardware: str
) -> None:
    project = render(app_type="gpu-inference", deploy_target="spaces", space_hardware=hardware)
    assert front_matter(project)["suggested_hardware"] == hardware
    zero_gpu = hardware == "zero-a10g"
    requirements = (project / "requirements.txt").read_text().split()
    assert any(line.startswith("spaces") for line in requirements) == zero_gpu
    assert ("@zero_gpu" in (project / "proj" / "model.py").read_text()) == zero_gpu
    assert_lints_clean(project)


def test_zerogpu_still_starts_up_as_the_app_expects(project_env: str) -> None:
    """A ZeroGPU Space runs `spaces.zero.startup` at the first demo.launch(). The app serves
    itself and calls it (server.py): this fails when the `spaces` package changes that."""
    spec = importlib.util.find_spec("spaces.zero")
    assert spec and spec.origin, "the spaces package (a ZeroGPU requirement) is not installed"
    tree = ast.parse(Path(spec.origin).read_text())
    (on_zero_gpu,) = [node for node in tree.body if isinstance(node, ast.If)]
    defined = {node.name for node in on_zero_gpu.body if isinstance(node, ast.FunctionDef)}
    assert "startup" in defined
    assert "gradio.one_launch(startup)" in [ast.unparse(node) for node in on_zero_gpu.body]


def test_hardware_is_asked_only_for_gpu_inference_on_spaces(render: Callable[..., Path]) -> None:
    assert "space_hardware" not in resolve(app_type="gpu-inference", deploy_target="docker")
    assert "space_hardware" not in resolve(deploy_target="spaces")
    project = render(app_type="gpu-inference", deploy_target="docker")
    assert "spaces" not in (project / "requirements.txt").read_text()


def test_model_id_becomes_the_default_setting(render: Callable[..., Path]) -> None:
    project = render(app_type="gpu-inference", model_id="acme/sentiment.v2_small")
    assert '"acme/sentiment.v2_small",' in (project / "proj" / "settings.py").read_text()
    assert "APP_MODEL_ID=acme/sentiment.v2_small\n" in (project / ".env.example").read_text()
    assert "model_id" not in resolve()  # only asked for gpu-inference


@pytest.mark.parametrize(
    "model_id",
    [
        "",
        "two words",
        "a/b/c",
        "../secrets",
        "owner/-model",
        "owner/model-",
        "a--b",
        'x"y',
        "x" * (max_length("model_id") + 1),
    ],
)
def test_model_id_must_be_a_hub_id(model_id: str) -> None:
    with pytest.raises(InvalidAnswer, match="--model-id"):
        resolve(app_type="gpu-inference", model_id=model_id)
