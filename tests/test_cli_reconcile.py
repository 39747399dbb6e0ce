"""`extract reconcile` through Typer's CliRunner: outputs, summary and exit codes."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.cli.reconcile import EXIT_CONFLICT, reconcile_files

try:  # tests as a package, or as a folder on sys.path
    from tests.test_reconcile import FARS, TASNIM, claim, seed_claims
except ImportError:  # pragma: no cover
    from test_reconcile import FARS, TASNIM, claim, seed_claims


@pytest.fixture
def runner():
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:  # newer Click keeps stderr apart already
        return CliRunner()


def write_jsonl(path, rows):
    path.write_text("".join(r.model_dump_json() + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def seed_files(tmp_path):
    claims, infos = seed_claims()
    path = write_jsonl(tmp_path / "claims.jsonl", claims)
    write_jsonl(tmp_path / "claims.articles.jsonl", infos)
    return path


def test_writes_reports_and_summary(runner, seed_files, tmp_path):
    out = tmp_path / "rep"
    result = runner.invoke(app, ["reconcile", str(seed_files), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "groups.json", "groups.schema.json", "report.html", "report.md",
    ]  # fmt: skip
    assert result.stdout == ""
    assert result.stderr.startswith(
        "Reconciled 12 claims from 3 articles into 7 groups (1 conflict, "
        "4 single source, 2 set aside); 0 consistency findings; 0 input problems."
    )
    groups = json.loads((out / "groups.json").read_text())["groups"]
    assert groups[0]["verdict"] == "conflict"
    # the sidecar was read: the contest knows its country
    assert groups[0]["key"]["contest"]["country"] == "ir"


def test_fail_on_conflict_exit_3(runner, seed_files, tmp_path):
    args = [
        "reconcile",
        str(seed_files),
        "-o",
        str(tmp_path / "r"),
        "--fail-on-conflict",
    ]
    assert runner.invoke(app, args).exit_code == EXIT_CONFLICT == 3


def test_fail_on_conflict_without_conflict_exits_0(runner, tmp_path):
    path = write_jsonl(
        tmp_path / "c.jsonl", [claim(33, sources=[FARS]), claim(33, sources=[TASNIM])]
    )
    args = ["reconcile", str(path), "-o", str(tmp_path / "r"), "--fail-on-conflict"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert "1 agree" in result.stderr


def test_no_claims_exit_1(runner, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    result = runner.invoke(app, ["reconcile", str(bad), "-o", str(tmp_path / "r")])
    assert result.exit_code == 1
    assert f"{bad}:1: invalid JSON" in result.stderr
    assert "no claims could be read" in result.stderr
    assert not (tmp_path / "r").exists()


def test_missing_file_exit_1(runner, tmp_path):
    result = runner.invoke(app, ["reconcile", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 1
    assert "nope.jsonl: cannot read" in result.stderr


def test_bad_lines_are_reported_not_fatal(runner, tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(claim(33).model_dump_json() + "\nnot json\n", encoding="utf-8")
    result = runner.invoke(app, ["reconcile", str(path), "-o", str(tmp_path / "r")])
    assert result.exit_code == 0
    assert f"{path}:2: invalid JSON" in result.stderr
    assert "1 input problems" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "pdf"],
        ["--strategy", "vibes"],
        ["-o", "-"],  # stdout needs exactly one text format
        ["--no-such-option"],
    ],
)
def test_usage_errors_exit_2(runner, seed_files, args):
    assert runner.invoke(app, ["reconcile", str(seed_files), *args]).exit_code == 2


def test_no_arguments_is_a_usage_error(runner):
    assert runner.invoke(app, ["reconcile"]).exit_code == 2


def test_refuses_to_overwrite_without_force(runner, seed_files, tmp_path):
    out = tmp_path / "r"
    assert (
        runner.invoke(app, ["reconcile", str(seed_files), "-o", str(out)]).exit_code
        == 0
    )
    again = runner.invoke(app, ["reconcile", str(seed_files), "-o", str(out)])
    assert again.exit_code == 2
    assert "--force" in again.stderr
    forced = runner.invoke(
        app, ["reconcile", str(seed_files), "-o", str(out), "--force"]
    )
    assert forced.exit_code == 0


def test_json_to_stdout(runner, seed_files):
    result = runner.invoke(app, ["reconcile", str(seed_files), "-o", "-", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["groups"][0]["verdict"] == "conflict"


def test_explicit_articles_option(runner, tmp_path):
    claims, infos = seed_claims()
    c = write_jsonl(tmp_path / "only-claims.jsonl", claims)
    a = write_jsonl(tmp_path / "meta.jsonl", infos)
    out = tmp_path / "r"
    result = runner.invoke(
        app, ["reconcile", str(c), "--articles", str(a), "-o", str(out), "-f", "json"]
    )
    assert result.exit_code == 0, result.stderr
    groups = json.loads((out / "groups.json").read_text())["groups"]
    assert groups[0]["key"]["contest"]["body"] == "parliament"


def test_help_documents_exit_codes(runner):
    result = runner.invoke(app, ["reconcile", "--help"])
    assert result.exit_code == 0
    assert "--fail-on-conflict" in result.stdout
    assert "3 with" in result.stdout and "Example:" in result.stdout


def test_reconcile_files_library_call(seed_files, tmp_path):
    result = reconcile_files([seed_files], tmp_path / "lib", formats=["json"])
    assert result.conflicts == 1 and result.claims == 12
    assert [p.name for p in result.written] == ["groups.json", "groups.schema.json"]
    assert reconcile_files([seed_files], None).written == []
