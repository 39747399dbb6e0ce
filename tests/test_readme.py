"""The README's examples run (sqlite-utils style): its Python block and its commands."""

from __future__ import annotations

import os
import re

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_python_example_runs(monkeypatch):
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    assert blocks, "README has a Python example"
    monkeypatch.chdir(REPO)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})


def test_exactly_two_setup_commands_and_ci_runs_the_test_one():
    setup = README.split("## Set up and run", 1)[1].split("## Example", 1)[0]
    commands = re.findall(r"```sh\n(.*?)\n```", setup, flags=re.S)
    assert len(commands) == 2
    install_and_run, tests = commands
    assert (
        "pip install ." in install_and_run and "extract run corpus/" in install_and_run
    )
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert tests.strip() in ci
    assert os.access(REPO / ".ci" / "run", os.X_OK)
