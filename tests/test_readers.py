"""Reading folders of articles: every kind of bad input beside good files.

Binary and huge files are made at test time in tmp_path, not committed.
"""

from __future__ import annotations

import json
import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.models import Article
from extract.readers import Skipped, decode, html_to_article, iter_articles

GOOD = "Fars said the reformists won 33 of the 68 seats.\n"


def split(items):
    items = list(items)
    articles = [i for i in items if isinstance(i, Article)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    return articles, skipped


def reasons(skipped):
    return {os.path.basename(s.path.split(":")[0]): s.reason for s in skipped}


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "articles"
    (root / "sub").mkdir(parents=True)
    (root / "b.txt").write_text(GOOD, encoding="utf-8")
    (root / "a.txt").write_text(GOOD, encoding="utf-8")
    (root / "sub" / "c.txt").write_text(GOOD, encoding="utf-8")
    return root


def test_folder_is_walked_recursively_in_sorted_order(folder):
    (folder / "notes.md").write_text("ignored")  # other extensions are ignored quietly
    (folder / ".hidden.txt").write_text(GOOD)  # hidden files too
    articles, skipped = split(iter_articles([folder]))
    assert [a.id for a in articles] == ["a.txt", "b.txt", "sub/c.txt"]
    assert skipped == []
    assert articles[0].text == GOOD


def test_file_given_directly_has_its_name_as_id_and_any_extension(tmp_path):
    path = tmp_path / "story.md"
    path.write_text(GOOD)
    (article,) = iter_articles([path])
    assert article.id == "story.md"


def test_missing_path_is_skipped(tmp_path):
    (item,) = iter_articles([tmp_path / "nope"])
    assert isinstance(item, Skipped)
    assert "no such file" in item.reason
    assert str(tmp_path / "nope") in item.path


def test_bad_inputs_beside_good_files_are_skipped_with_reasons(folder):
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40)
    (folder / "controls.txt").write_bytes(bytes(range(1, 32)) * 20)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\t \n")
    (folder / "undecodable.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 20)
    (folder / "huge.txt").write_bytes(b"x" * 2048)
    (folder / "nothing.html").write_text("<html><script>var a = 1;</script></html>")
    articles, skipped = split(iter_articles([folder], max_bytes=1024))
    assert [a.id for a in articles] == ["a.txt", "b.txt", "sub/c.txt"]
    why = reasons(skipped)
    assert set(why) == {
        "binary.txt",
        "controls.txt",
        "empty.txt",
        "blank.txt",
        "undecodable.txt",
        "huge.txt",
        "nothing.html",
    }
    assert "binary" in why["binary.txt"]
    assert "binary" in why["controls.txt"]
    assert "empty" in why["empty.txt"] and "empty" in why["blank.txt"]
    assert "decode" in why["undecodable.txt"]
    assert "too large" in why["huge.txt"] and "--max-bytes" in why["huge.txt"]
    assert "no text" in why["nothing.html"]
    for item in skipped:  # one line each, naming the file
        assert "\n" not in str(item)
        assert str(folder) in item.path


def test_latin1_and_cp1252_text_is_decoded(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Qalibaf’s list won 30 seats — café".encode("cp1252"))
    (article,) = iter_articles([path])
    assert article.text == "Qalibaf’s list won 30 seats — café"
    path.write_bytes("Kılıçdaroğlu".encode("utf-8-sig"))
    (article,) = iter_articles([path])
    assert article.text == "Kılıçdaroğlu"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_bom_utf16_and_utf32_are_decoded(tmp_path, encoding):
    path = tmp_path / "wide.txt"
    text = "Turnout was 41 percent."
    bom = {"utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path.write_bytes(bom + text.encode(encoding))
    (article,) = iter_articles([path])
    assert article.text == text


def test_crlf_line_ends_are_normalised(tmp_path):
    path = tmp_path / "dos.txt"
    path.write_bytes(b"Headline\r\nBody 33 seats.\r\n")
    (article,) = iter_articles([path])
    assert article.text == "Headline\nBody 33 seats.\n"


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_unreadable_file_is_skipped(folder):
    locked = folder / "locked.txt"
    locked.write_text(GOOD)
    locked.chmod(0)
    try:
        articles, skipped = split(iter_articles([folder]))
        if os.geteuid() == 0:  # root reads it anyway: it must just not break the run
            assert len(articles) in (3, 4)
        else:
            assert reasons(skipped) == {"locked.txt": "permission denied"}
            assert len(articles) == 3
    finally:
        locked.chmod(0o644)


def test_file_deleted_mid_run_is_skipped(folder, monkeypatch):
    from extract import readers

    real_open = readers._open_binary
    victim = folder / "b.txt"

    def vanishing_open(path):
        if path == victim:
            raise FileNotFoundError(2, "No such file or directory", str(victim))
        return real_open(path)

    monkeypatch.setattr(readers, "_open_binary", vanishing_open)
    articles, skipped = split(iter_articles([folder]))
    assert [a.id for a in articles] == ["a.txt", "sub/c.txt"]
    assert reasons(skipped) == {"b.txt": "file disappeared before it could be read"}


def test_deleting_a_file_after_listing_it_is_skipped(folder):
    items = iter_articles([folder])
    first = next(items)
    assert first.id == "a.txt"
    (folder / "b.txt").unlink()  # listed already, gone before it is read
    gone, last = list(items)
    assert isinstance(gone, Skipped) and gone.path.endswith("b.txt")
    assert "disappeared" in gone.reason
    assert last.id == "sub/c.txt"


def test_50mb_file_is_rejected_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)
    started = time.perf_counter()
    (item,) = iter_articles([big])
    assert time.perf_counter() - started < 0.5
    assert isinstance(item, Skipped)
    assert "too large (50.0 MB, limit 5.0 MB" in item.reason


def test_html_is_stripped_to_text(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        """<!doctype html><html><head><title>Runoff &amp; results</title>
        <meta property="article:published_time" content="2016-04-30T08:00:00Z">
        <link rel="canonical" href="https://example.org/runoff">
        <style>p { color: red }</style>
        <script>document.write("<p>33 seats</p>")</script></head>
        <body><h1>Rouhani allies win</h1>
        <p>Fars said the list won&nbsp;33 of&#160;68 seats.<br>State TV said 32.</p>
        <div>Tasnim &lt;said&gt; 35.</div><noscript>enable JS</noscript>
        </body></html>""",
        encoding="utf-8",
    )
    (article,) = iter_articles([path])
    assert article.title == "Runoff & results"
    assert article.date == "2016-04-30T08:00:00Z"
    assert article.url == "https://example.org/runoff"
    assert article.text == (
        "Rouhani allies win\n\n"
        # non-breaking spaces become spaces, like any other run of white space
        "Fars said the list won 33 of 68 seats.\nState TV said 32.\n\n"
        "Tasnim <said> 35."
    )
    assert "color" not in article.text and "document" not in article.text


def test_html_without_closing_head_keeps_body():
    article = html_to_article("<html><head><title>T</title><body><p>Body 5</p>", "x")
    assert article.text == "Body 5"
    assert article.title == "T"


def test_json_object_and_list_records(tmp_path):
    (tmp_path / "one.json").write_text(
        json.dumps({"text": GOOD, "title": "T", "date": "2016-04-30", "url": "u"})
    )
    (tmp_path / "many.json").write_text(
        json.dumps(
            [
                {"id": "fars-1", "text": GOOD},
                {"text": GOOD},
                {"title": "no text"},
                {"id": 7, "text": GOOD, "date": 2016},
                "not an object",
            ]
        )
    )
    articles, skipped = split(iter_articles([tmp_path]))
    assert [a.id for a in articles] == ["fars-1", "many.json#2", "7", "one.json"]
    assert articles[2].date == "2016"
    assert articles[3].title == "T" and articles[3].url == "u"
    assert [(s.path.split("/")[-1], s.reason) for s in skipped] == [
        ("many.json: record 3", "record has no 'text' field"),
        ("many.json: record 5", "expected a JSON object, found a string"),
    ]


def test_jsonl_bad_line_is_skipped_and_the_others_kept(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(
        b'{"id": "a", "text": "33 seats"}\n'
        b"{not json\n"
        b"\n"
        b'{"id": "b", "title": "no text here"}\n'
        b'{"text": "\\u00e9 35 seats"}\n'
        b'{"id": "c", "text": "x", "date": "x"\xff}\n'
        b'{"id": "d", "text": 5}\n'
    )
    articles, skipped = split(iter_articles([path]))
    assert [a.id for a in articles] == ["a", "feed.jsonl#5"]
    assert articles[1].text == "é 35 seats"
    lines = [(s.path.rsplit(": ", 1)[1], s.reason.split(":")[0]) for s in skipped]
    assert lines == [
        ("line 2", "invalid JSON"),
        ("line 4", "record has no 'text' field"),
        ("line 6", "not valid UTF-8"),
        ("line 7", "'text' is a number, not a string"),
    ]
    assert all(s.path.startswith(str(path)) for s in skipped)


def test_jsonl_line_over_the_limit_is_skipped_alone(tmp_path):
    path = tmp_path / "feed.jsonl"
    long_line = json.dumps({"id": "long", "text": "y" * 5000})
    path.write_text(
        json.dumps({"id": "a", "text": "ok"})
        + "\n"
        + long_line
        + "\n"
        + json.dumps({"id": "b", "text": "ok"})
        + "\n"
    )
    articles, skipped = split(iter_articles([path], max_bytes=1000))
    assert [a.id for a in articles] == ["a", "b"]
    assert len(skipped) == 1 and "line 2" in skipped[0].path
    assert "too large" in skipped[0].reason


def test_json_file_with_no_text_anywhere_is_one_skip(tmp_path):
    """A gold file or a previous run's claims beside the articles: one line, not 100."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        "".join(json.dumps({"article": "x", "value": n}) + "\n" for n in range(100))
    )
    (tmp_path / "claims.json").write_text(json.dumps([{"value": 1}, {"value": 2}]))
    articles, skipped = split(iter_articles([tmp_path]))
    assert articles == []
    assert len(skipped) == 2
    assert all("not an articles file" in s.reason for s in skipped)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("bad.json", b"{oops", "invalid JSON at line 1"),
        ("list.json", b"[]", "empty JSON list"),
        ("obj.json", b'{"title": "x"}', "no 'text' field"),
        ("bin.jsonl", b"\x00\x01\x02" * 100, "binary"),
        ("empty.jsonl", b"\n\n", "empty"),
        ("deep.json", b"[" * 100000, "invalid JSON"),
    ],
)
def test_unparseable_json_files(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    (item,) = iter_articles([path])
    assert isinstance(item, Skipped)
    assert reason in item.reason


def test_output_files_can_be_excluded(folder):
    (folder / "claims.jsonl").write_text('{"article": "a"}\n')
    articles, skipped = split(
        iter_articles([folder], exclude=[folder / "claims.jsonl"])
    )
    assert len(articles) == 3 and skipped == []


def test_fifo_is_not_read(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    # Given explicitly a FIFO would block on open: it must be refused without reading.
    (item,) = iter_articles([tmp_path])
    assert isinstance(item, Skipped) and "regular file" in item.reason


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    data=st.binary(max_size=2000),
    suffix=st.sampled_from([".txt", ".html", ".json", ".jsonl"]),
)
def test_arbitrary_bytes_never_raise(tmp_path, data, suffix):
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    for item in iter_articles([path], max_bytes=1500):
        assert isinstance(item, Article | Skipped)
        if isinstance(item, Article):
            assert item.text.strip()


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    text=st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc")),
        min_size=1,
        max_size=500,
    ).filter(lambda t: t.strip())
)
def test_utf8_text_round_trips(tmp_path, text):
    path = tmp_path / "any.txt"
    path.write_bytes(text.encode("utf-8"))
    (item,) = iter_articles([path])
    assert isinstance(item, Article)
    assert item.text == text


@given(data=st.binary(max_size=500))
def test_decode_either_returns_text_or_refuses(data):
    try:
        text = decode(data)
    except Exception as exc:  # noqa: BLE001
        assert type(exc).__name__ == "_Unreadable"
    else:
        assert isinstance(text, str)
