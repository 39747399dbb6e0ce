"""`extract run` via Typer's CliRunner: exit codes, summary and skip lines, output."""

from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.cli.run import parse_size
from extract.models import ArticleInfo, Claim

ARTICLE = "Fars said the reformists won {n} of the 68 seats, according to AFP.\n"


@pytest.fixture
def cli():
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:  # newer Click keeps stderr apart already
        return CliRunner()


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "articles"
    root.mkdir()
    for n in range(3):
        (root / f"a{n}.txt").write_text(ARTICLE.format(n=30 + n), encoding="utf-8")
    (root / "image.txt").write_bytes(b"\x89PNG\x00\x00\x01\x02" * 20)
    (root / "empty.txt").write_text("")
    return root


def test_stdout_lines_are_claims_and_summary_names_skipped_files(cli, folder):
    result = cli.invoke(app, ["run", str(folder)])
    assert result.exit_code == 0, result.stderr
    for line in result.stdout.splitlines():
        Claim.model_validate_json(line)
    lines = result.stderr.splitlines()
    assert lines[0].startswith("read 3 articles, wrote ")
    assert "skipped 2 files" in lines[0]
    assert lines[1:] == [
        f"skipped {folder / 'empty.txt'}: empty file",
        f"skipped {folder / 'image.txt'}: binary file (contains NUL bytes)",
    ]


def test_output_file_and_sidecar(cli, folder, tmp_path):
    out = tmp_path / "out" / "claims.jsonl"
    result = cli.invoke(app, ["run", str(folder), "-o", str(out), "--no-cache"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    infos = [
        ArticleInfo.model_validate_json(x)
        for x in (tmp_path / "out" / "claims.articles.jsonl").read_text().splitlines()
    ]
    assert [i.article for i in infos] == ["a0.txt", "a1.txt", "a2.txt"]
    assert sum(i.claims for i in infos) == len(out.read_text().splitlines())
    assert not (tmp_path / "out" / ".extract-cache").exists()
    assert (
        f"wrote {out} and {tmp_path / 'out' / 'claims.articles.jsonl'}" in result.stderr
    )


def test_rerun_uses_the_default_cache_beside_the_output(cli, folder, tmp_path):
    out = tmp_path / "claims.jsonl"
    first = cli.invoke(app, ["run", str(folder), "-o", str(out)])
    assert first.exit_code == 0, first.stderr
    assert (tmp_path / ".extract-cache").is_dir()
    content = out.read_text()
    second = cli.invoke(app, ["run", str(folder), "-o", str(out)])
    assert second.exit_code == 0, second.stderr
    assert "3 from the cache" in second.stderr
    assert out.read_text() == content


def test_explicit_sidecar_path_and_cache_dir(cli, folder, tmp_path):
    sidecar = tmp_path / "meta.jsonl"
    cache = tmp_path / "c"
    result = cli.invoke(
        app, ["run", str(folder), "--articles", str(sidecar), "--cache", str(cache)]
    )
    assert result.exit_code == 0, result.stderr
    assert len(sidecar.read_text().splitlines()) == 3
    assert (cache / "results.sqlite3").exists()


def test_nothing_readable_exits_1(cli, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00" * 10)
    result = cli.invoke(app, ["run", str(tmp_path), str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert f"skipped {tmp_path / 'bad.txt'}: binary" in result.stderr
    assert f"skipped {tmp_path / 'missing.txt'}: no such file" in result.stderr
    assert "error: no article could be read" in result.stderr
    assert result.stdout == ""


def test_empty_folder_exits_1(cli, tmp_path):
    result = cli.invoke(app, ["run", str(tmp_path), "-o", str(tmp_path / "c.jsonl")])
    assert result.exit_code == 1
    assert not (tmp_path / "c.jsonl").exists()


def test_unwritable_output_exits_1(cli, folder, tmp_path):
    (tmp_path / "file").write_text("x")
    result = cli.invoke(
        app, ["run", str(folder), "-o", str(tmp_path / "file" / "c.jsonl")]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot write")


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--jobs", "0"],
        ["--max-bytes", "lots"],
        ["--patterns", "/no/such/folder"],
        ["--cache", "c", "--no-cache"],
        ["--no-such-option"],
    ],
)
def test_usage_errors_exit_2(cli, folder, args):
    result = cli.invoke(app, ["run", *([str(folder)] if args else []), *args])
    assert result.exit_code == 2


def test_size_limit_option(cli, folder):
    (folder / "big.txt").write_text(ARTICLE * 100)
    result = cli.invoke(app, ["run", str(folder), "--max-bytes", "2KB", "-q"])
    assert result.exit_code == 0
    assert f"skipped {folder / 'big.txt'}: too large (" in result.stderr


def test_quiet_keeps_skip_lines_only(cli, folder):
    result = cli.invoke(app, ["run", str(folder), "--quiet"])
    assert result.exit_code == 0
    assert all(line.startswith("skipped ") for line in result.stderr.splitlines())


def test_patterns_option_sets_the_data_folder(cli, folder, monkeypatch):
    from extract.resources import default_patterns_dir

    patterns = default_patterns_dir()
    monkeypatch.setenv("EXTRACT_PATTERNS_DIR", str(patterns))
    result = cli.invoke(app, ["run", str(folder), "--patterns", str(patterns), "-q"])
    assert result.exit_code == 0, result.stderr
    assert os.environ["EXTRACT_PATTERNS_DIR"] == str(patterns.resolve())


def test_a_patterns_folder_lacking_a_data_file_stops_the_run_once(
    cli, folder, tmp_path, monkeypatch
):
    # a folder of one's own made from an older version, before turnout.json existed:
    # one clear error naming the file, not every article failing
    import shutil

    from extract.resources import default_patterns_dir

    old = tmp_path / "my-patterns"
    shutil.copytree(default_patterns_dir(), old)
    (old / "turnout.json").unlink()
    monkeypatch.setenv("EXTRACT_PATTERNS_DIR", str(default_patterns_dir()))
    out = tmp_path / "claims.jsonl"
    result = cli.invoke(
        app, ["run", str(folder), "-o", str(out), "--patterns", str(old)]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: the patterns folder {old.resolve()} lacks")
    assert "turnout.json" in result.stderr
    assert result.stderr.count("\n") == 1
    assert not out.exists()


def test_missing_model_exits_1_with_a_message(cli, folder):
    result = cli.invoke(app, ["run", str(folder), "--model", "xx_missing_model"])
    assert result.exit_code == 1
    assert "xx_missing_model" in result.stderr and "error:" in result.stderr


def test_help_has_an_example(cli):
    result = cli.invoke(app, ["run", "--help"])
    assert result.exit_code == 0
    assert "Example: extract run corpus/" in result.stdout


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("5MB", 5 * 1024**2),
        ("500k", 500 * 1024),
        ("1048576", 1048576),
        ("2 MiB", 2**21),
    ],
)
def test_parse_size(text, size):
    assert parse_size(text) == size


def test_json_records_on_stdin_like_use(cli, tmp_path):
    records = tmp_path / "feed.jsonl"
    records.write_text(
        json.dumps({"id": "r1", "text": ARTICLE.format(n=33), "date": "2016-04-30"})
        + "\n{broken\n"
    )
    result = cli.invoke(
        app, ["run", str(records), "--articles", str(tmp_path / "a.jsonl")]
    )
    assert result.exit_code == 0
    assert f"skipped {records}: line 2: invalid JSON" in result.stderr
    (info,) = [json.loads(x) for x in (tmp_path / "a.jsonl").read_text().splitlines()]
    assert info["article"] == "r1"
    assert (info["date"], info["date_source"]) == ("2016-04-30", "metadata")
