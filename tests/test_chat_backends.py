"""Every chat backend renders, lints clean and passes its own tests (the matrix uses the default).

The checks are the matrix's own, collected here again over this module's `project` fixture.
"""

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from .helpers import CHAT_BACKENDS
from .test_matrix import test_lints_clean, test_no_jinja_debris, test_own_test_suite_passes

__all__ = ["test_lints_clean", "test_no_jinja_debris", "test_own_test_suite_passes"]

# Quotes, a backslash, a pipe, a dollar sign and non-ASCII text: each must survive into Python,
# .env.example and the README unchanged.
AWKWARD_PROMPT = 'You\'re "Bob"; answer in français, C:\\path | $HOME'


@pytest.fixture(params=CHAT_BACKENDS)
def project(request: pytest.FixtureRequest, render: Callable[..., Path]) -> Path:
    return render(app_type="chat", chat_backend=request.param)


def test_only_the_chosen_backend_is_a_dependency(project: Path) -> None:
    backend = (project / ".copier-answers.yml").read_text().split("chat_backend: ")[1].split()[0]
    requirements = (project / "requirements.txt").read_text()
    assert ("openai" in requirements) == (backend == "openai-compatible")
    assert ("huggingface-hub" in requirements) == (backend == "hf-inference")


@pytest.mark.parametrize("prompt", [AWKWARD_PROMPT, "Plain, without a single quote.", ""])
def test_system_prompt_survives_rendering(
    prompt: str, render: Callable[..., Path], project_env: str
) -> None:
    project = render(app_type="chat", chat_backend="openai-compatible", system_prompt=prompt)
    package = project.name.replace("-", "_")
    # The settings default, and the value .env.example gives once copied to .env.
    script = (
        f"from {package}.settings import Settings\n"
        "print(repr(Settings(_env_file=None).system_prompt))\n"
        "print(repr(Settings(_env_file='.env.example').system_prompt))\n"
    )
    result = subprocess.run(
        [project_env, "-c", script], cwd=project, capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines() == [repr(prompt)] * 2
