"""Subject aliases: the data file, the spaCy component and resolve_subject."""

from __future__ import annotations

import json
import re
from collections import defaultdict

import pytest
import spacy

from extract import subjects
from extract.resources import load_jsonl
from extract.subjects import (
    LABELS,
    SubjectMatcher,
    infer_country,
    resolve_subject,
    subject_country,
)

ROWS = load_jsonl("subjects.jsonl")


# (subject as a report writes it, country or None, expected id)
CASES = [
    # Iran: the seeds' and dev articles' ways of naming the camps and candidates
    ("the pro-Rouhani List of Hope coalition", None, "reformists"),
    ("pro-Rouhani List of Hope (runoff)", "ir", "reformists"),
    ("Rouhani's allies", None, "reformists"),
    ("Rouhani’s moderate allies", None, "reformists"),
    ("the coalition formed by Iranian President Hassan Rouhani", None, "reformists"),
    ("allies of President Rouhani", None, "reformists"),
    ("Rouhani and his moderate allies", "ir", "reformists"),
    ("the moderate-reformist bloc", None, "reformists"),
    ("moderate-reformist candidates", None, "reformists"),
    ("the reformist camp (Tehran)", "ir", "reformists"),
    ("the Pervasive Coalition of Reformists", None, "reformists"),
    ("reformists", None, "reformists"),
    ("the conservatives", "ir", "principlists"),
    ("Iran's conservatives", None, "principlists"),
    ("hard-liners", "ir", "principlists"),
    ("the hardliners", "ir", "principlists"),
    ("conservative coalition (runoff)", "ir", "principlists"),
    ("their rivals (conservatives, total after runoff)", "ir", "principlists"),
    ("Principlists Coalition (Tehran)", None, "principlists"),
    ("the Grand Coalition of Principlists", None, "principlists"),
    ("ultraconservatives", "ir", "principlists"),
    ("anti-Rouhani candidates", "ir", None),
    ("Masoud Pezeshkian", None, "pezeshkian"),
    ("Pezeshkian (runoff)", "ir", "pezeshkian"),
    ("Saeed Jalili", None, "jalili"),
    ("Jalili (runoff)", None, "jalili"),
    ("Mohammad Bagher Qalibaf", None, "ghalibaf"),
    ("parliament speaker Mohammad Bagher Ghalibaf", None, "ghalibaf"),
    ("Mostafa Pourmohammadi", None, "pourmohammadi"),
    ("Ebrahim Raisi", None, "raisi"),
    ("hardline cleric Ebrahim Raisi", "ir", "raisi"),
    ("Abdolnaser Hemmati", None, "hemmati"),
    ("Mohsen Rezaei Mirqaed", None, "rezaei"),
    ("Mohsen Rezai", None, "rezaei"),
    ("Amir-Hossein Ghazizadeh", None, "ghazizadeh_hashemi"),
    ("Amirhossein Ghazizadeh Hashemi", None, "ghazizadeh_hashemi"),
    ("President Hassan Rouhani", None, "rouhani"),
    ("Independent candidates (runoff)", "ir", "independents"),
    ("independent candidates", None, "independents"),
    ("Independents", "pk", "independents"),
    # Iraq
    ("the Kurdistan Democratic Party (KDP)", None, "iq_kdp"),
    ("the KDP", "iq", "iq_kdp"),
    ("the movement led by Moqtada al-Sadr", None, "iq_sadrists"),
    ("Sadr's movement", None, "iq_sadrists"),
    ("the Sadrist Movement", None, "iq_sadrists"),
    (
        "The State of Law bloc of former Prime Minister Nouri al-Maliki",
        None,
        "iq_state_of_law",
    ),
    ("Maliki's State of Law coalition", None, "iq_state_of_law"),
    ("The Taqaddum Party", None, "iq_taqaddum"),
    ("parliament speaker Mohammed al-Halbousi's Taqaddum", None, "iq_taqaddum"),
    ("the Patriotic Union of Kurdistan", None, "iq_puk"),
    ("the Iran-backed Fatah Alliance", None, "iq_fatah"),
    # Pakistan
    ("PTI-backed independents", None, "pk_pti"),
    ("independents belonging to the PTI", None, "pk_pti"),
    ("candidates backed by jailed former prime minister Imran Khan", None, "pk_pti"),
    ("Imran Khan's Pakistan Tehreek-e-Insaf", None, "pk_pti"),
    ("independent candidates joining the PML-N", None, "independents"),
    ("PML-N (after independents joined)", None, "pk_pmln"),
    ("Nawaz Sharif's Pakistan Muslim League-Nawaz", None, "pk_pmln"),
    ("PPP", "pk", "pk_ppp"),
    ("Bilawal Bhutto Zardari's Pakistan Peoples Party", None, "pk_ppp"),
    ("The Muttahida Quami Movement (MQM)", None, "pk_mqmp"),
    ("MQM-P", None, "pk_mqmp"),
    ("the JUI-F", None, "pk_juif"),
    ("Several other regional parties", "pk", None),
    # Turkey, with and without Turkish letters
    ("The Justice and Development Party", None, "tr_akp"),
    ("President Recep Tayyip Erdogan's ruling AK Party", None, "tr_akp"),
    ("Recep Tayyip Erdoğan", None, "erdogan"),
    ("Erdogan", "tr", "erdogan"),
    ("Kilicdaroglu’s Republican People's Party", None, "tr_chp"),
    ("the main opposition CHP", None, "tr_chp"),
    ("opposition leader Kemal Kılıçdaroğlu", None, "kilicdaroglu"),
    ("Kemal Kilicdaroglu", None, "kilicdaroglu"),
    ("the Nationalist Movement Party", None, "tr_mhp"),
    ("the Good Party", None, "tr_iyi"),
    ("the pro-Kurdish HDP", None, "tr_hdp"),
    ("the Green Left Party (YSP)", None, "tr_hdp"),
    ("the New Welfare Party", None, "tr_new_welfare"),
    ("the People’s Alliance", None, "tr_peoples_alliance"),
    ("The opposition alliance", "tr", "tr_nation_alliance"),
    ("the six-party Nation Alliance", None, "tr_nation_alliance"),
    ("The Labor and Freedom Alliance", None, "tr_labour_freedom"),
    ("Sinan Ogan", None, "sinan_ogan"),
    ("Muharrem Ince", None, "muharrem_ince"),
    # India
    ("Prime Minister Narendra Modi's Bharatiya Janata Party", None, "in_bjp"),
    ("the BJP-led National Democratic Alliance", None, "in_nda"),
    ("the opposition INDIA bloc", None, "in_india_bloc"),
    ("Congress", "in", "in_inc"),
    ("Congress", "us", None),
    ("the Samajwadi Party", None, "in_sp"),
    ("Mamata Banerjee's Trinamool Congress", None, "in_tmc"),
    ("the DMK", None, "in_dmk"),
    ("the AIADMK", None, "in_aiadmk"),
    # United Kingdom
    ("Conservatives", "gb", "uk_conservatives"),
    ("the Conservatives", "uk", "uk_conservatives"),
    ("the Tories", None, "uk_conservatives"),
    ("Keir Starmer's Labour Party", None, "uk_labour"),
    ("Labour", None, "uk_labour"),
    ("the Liberal Democrats", None, "uk_libdems"),
    ("Nigel Farage's Reform UK", None, "uk_reform"),
    ("the Scottish National Party", None, "uk_snp"),
    ("the Greens", "gb", "uk_greens"),
    ("the Greens", "de", "de_greens"),
    # elsewhere
    ("Republicans", "us", "us_republicans"),
    ("Donald Trump", None, "trump"),
    ("Vice President Kamala Harris", None, "kamala_harris"),
    ("the African National Congress (ANC)", None, "za_anc"),
    ("the DA", "za", "za_da"),
    ("Jacob Zuma's MK Party", None, "za_mk"),
    ("the Economic Freedom Fighters", None, "za_eff"),
    ("Prabowo Subianto", None, "prabowo"),
    ("Claudia Sheinbaum", None, "sheinbaum"),
    ("Xóchitl Gálvez", None, "xochitl_galvez"),
    ("Galvez", "mx", "xochitl_galvez"),
    ("Morena", None, "mx_morena"),
    ("the PT", "br", "br_pt"),
    ("the PT", "mx", "mx_pt"),
    ("Luiz Inacio Lula da Silva", None, "lula"),
    ("the All Progressives Congress (APC)", None, "ng_apc"),
    ("Labour Party", "ng", "ng_lp"),
    ("Peter Obi", None, "peter_obi"),
    ("Atiku Abubakar", None, "atiku"),
    ("William Ruto", None, "ruto"),
    ("Lai Ching-te", None, "lai_ching_te"),
    ("Lai", "tw", "lai_ching_te"),
    ("the Kuomintang (KMT)", None, "tw_kmt"),
    ("the Alternative for Germany (AfD)", None, "de_afd"),
    ("Marine Le Pen's National Rally", None, "fr_rn"),
    ("Prime Minister Benjamin Netanyahu's Likud", None, "il_likud"),
    ("Labor", "il", "il_labor"),
    ("Labor", "au", "au_labor"),
    ("United Russia", None, "ru_united_russia"),
    ("the Awami League", None, "bd_awami_league"),
    ("the Liberal Democratic Party (LDP)", None, "jp_ldp"),
    ("the People Power Party", None, "kr_ppp"),
    ("Javier Milei's La Libertad Avanza", None, "ar_lla"),
    ("Law and Justice (PiS)", None, "pl_pis"),
    ("Viktor Orbán's Fidesz", None, "hu_fidesz"),
    ("Viktor Orban", None, "orban"),
    # country filtering and unknowns
    ("Labour", "ir", None),
    ("Greek conservatives", None, None),
    ("the Iran-backed Fatah Alliance", None, "iq_fatah"),
    ("Austria's Freedom Party", None, "at_fpo"),
    ("the conservatives", "tr", None),
    ("the rivals", None, None),
    ("women elected", None, None),
    ("the coalition’s slate", "ir", None),
    ("Khan's party", "pk", None),
    ("the Zorblatt Union Party", None, None),
    ("", None, None),
]


@pytest.mark.parametrize(("text", "country", "expected"), CASES)
def test_resolve_subject(text, country, expected):
    assert resolve_subject(text, country) == expected


@pytest.mark.parametrize("bad", [None, 42, "   ", "(((", "'s", "-", "pro-", "anti-"])
def test_resolve_subject_never_raises(bad):
    assert resolve_subject(bad) is None


def test_subject_country():
    assert subject_country("iq_kdp") == "iq"
    assert subject_country("reformists") == "ir"
    assert subject_country("uk_conservatives") == "gb"
    assert subject_country("independents") is None
    assert subject_country("no_such_id") is None


# -- the data file -------------------------------------------------------------------


def test_every_row_builds_a_validated_span_ruler():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("span_ruler", config={"validate": True})
    ruler.add_patterns(
        [{"label": r["label"], "pattern": r["pattern"], "id": r["id"]} for r in ROWS]
    )
    assert len(ruler.patterns) == len(ROWS)


def test_rows_are_well_formed():
    allowed_keys = {"id", "label", "country", "pattern", "strict", "camp"}
    for row in ROWS:
        assert set(row) <= allowed_keys, row
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", row["id"]), row
        assert row["label"] in LABELS, row
        if "country" in row:
            assert re.fullmatch(r"[a-z]{2}", row["country"]), row
        pattern = row["pattern"]
        assert (
            isinstance(pattern, str) and pattern.strip() == pattern and pattern
        ) or (isinstance(pattern, list) and pattern), row
        if "strict" in row:
            assert row["strict"] is True and row.get("country"), row


def test_no_alias_means_two_ids_in_one_country():
    ids_of = defaultdict(set)
    for row in ROWS:
        if isinstance(row["pattern"], str):
            alias = subjects._fold(row["pattern"]).lower()
            ids_of[(alias, row.get("country"))].add(row["id"])
    clashes = {key: ids for key, ids in ids_of.items() if len(ids) > 1}
    assert not clashes
    # a generic alias (no country) is never also some country's alias for another id
    generic = {
        alias: ids for (alias, country), ids in ids_of.items() if country is None
    }
    for (alias, country), ids in ids_of.items():
        if country and alias in generic:
            assert ids == generic[alias], (alias, country)


def test_each_id_has_one_country_and_label_and_camps_exist():
    countries, labels = defaultdict(set), defaultdict(set)
    for row in ROWS:
        countries[row["id"]].add(row.get("country"))
        labels[row["id"]].add(row["label"])
    ids = set(countries)
    for subject_id in ids:
        assert len(countries[subject_id]) == 1, subject_id
        assert len(labels[subject_id]) == 1, subject_id
    for row in ROWS:
        if "camp" in row:
            assert row["label"] == "CANDIDATE", row
            assert row["camp"] in ids, row
            assert labels[row["camp"]] & {"PARTY", "COALITION", "GROUP"}, row


def test_data_covers_many_countries():
    countries = {row.get("country") for row in ROWS} - {None}
    assert len(countries) >= 30
    for required in ("ir", "iq", "pk", "tr", "in", "gb", "us", "za", "ng", "br", "mx"):
        assert required in countries


def test_token_patterns_and_bad_rows_in_a_user_data_folder(tmp_path):
    rows = [
        {"id": "xx_blue", "label": "PARTY", "country": "xx", "pattern": "Blue Party"},
        {
            "id": "xx_blue",
            "label": "PARTY",
            "country": "xx",
            "pattern": [{"LOWER": "blues"}, {"LOWER": {"IN": ["camp", "bloc"]}}],
        },
        {"id": "xx_bad", "label": "PARTY", "pattern": [{"NOT_AN_ATTR": 1}]},
        {"label": "PARTY", "pattern": "no id"},
    ]
    path = tmp_path / "subjects.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    nlp = spacy.blank("en")
    matcher = SubjectMatcher(nlp, patterns_dir=tmp_path)
    doc = nlp("The Blues camp and the Blue Party shared 40 seats.")
    found = matcher.matches(doc, None, keep_foreign=True)
    assert [(doc[m.start : m.end].text, m.id) for m in found] == [
        ("Blues camp", "xx_blue"),
        ("Blue Party", "xx_blue"),
    ]


# -- the component --------------------------------------------------------------------

TEXT = (
    "TEHRAN (AFP) - Iran's reformists and their allies won 33 seats. "
    "A report by Fars said the coalition formed by Iranian President Hassan Rouhani "
    "won 33 of the 68 seats, while the conservatives won 21 and independent "
    "candidates took seven. Rouhani's allies hailed the result; Kilicdaroglu’s "
    "Republican People's Party was not involved, nor was Likud. Labour was not "
    "mentioned."
)


def _pipeline():
    from extract.nlp import build_pipeline

    nlp = build_pipeline()
    if "election_subjects" not in nlp.pipe_names:
        nlp.add_pipe("election_subjects")
    return nlp


def test_component_writes_subject_spans_with_ids():
    doc = _pipeline()(TEXT)
    spans = doc.spans["subjects"]
    found = [(s.text, s.id_, s.label_) for s in spans]
    assert ("reformists and their allies", "reformists", "COALITION") in found
    assert (
        "coalition formed by Iranian President Hassan Rouhani",
        "reformists",
        "COALITION",
    ) in found
    assert ("conservatives", "principlists", "COALITION") in found
    assert ("independent candidates", "independents", "GROUP") in found
    assert ("Rouhani's allies", "reformists", "COALITION") in found
    assert ("Republican People's Party", "tr_chp", "PARTY") in found
    assert (
        "Likud",
        "il_likud",
        "PARTY",
    ) in found  # an unambiguous foreign name is kept
    # a name several countries share takes no foreign reading ("Labour": UK, Nigeria...)
    assert not [s for s in spans if s.text == "Labour"]
    assert all(s.label_ in LABELS for s in spans)
    # non-overlapping, in order
    ends = [(s.start, s.end) for s in spans]
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:], strict=False))
    assert spans.attrs["country"] == "ir"
    assert infer_country(doc) == "ir"


def test_component_reading_follows_the_article_country():
    nlp = spacy.blank("en")
    nlp.add_pipe("election_subjects")
    uk = nlp("Britain's Conservatives lost 250 seats as Labour swept London.")
    assert [(s.text, s.id_) for s in uk.spans["subjects"]] == [
        ("Conservatives", "uk_conservatives"),
        ("Labour", "uk_labour"),
    ]
    iran = nlp("In Tehran, conservatives won 21 seats and reformists 33.")
    assert [(s.text, s.id_) for s in iran.spans["subjects"]] == [
        ("conservatives", "principlists"),
        ("reformists", "reformists"),
    ]
    nowhere = nlp("The weather was fine.")
    assert list(nowhere.spans["subjects"]) == []
    assert nowhere.spans["subjects"].attrs["country"] is None


def test_acronyms_and_country_words_count_only_as_written():
    """Acronyms ("ANC") and country words ("Iran") are found in the same
    case-insensitive pass as the other aliases, and kept only as spelled."""
    nlp = spacy.blank("en")
    nlp.add_pipe("election_subjects")
    written = nlp("In South Africa the ANC won 159 seats.")
    assert [(s.text, s.id_) for s in written.spans["subjects"]] == [("ANC", "za_anc")]
    assert written.spans["subjects"].attrs["country"] == "za"
    lowered = nlp("in south africa the anc won 159 seats.")
    assert list(lowered.spans["subjects"]) == []
    assert lowered.spans["subjects"].attrs["country"] is None
    assert resolve_subject("ANC", "za") == "za_anc"
    assert resolve_subject("anc", "za") is None


def test_component_on_the_seed_articles(tmp_path):
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
    if not corpus.is_dir():
        corpus = Path("/work/shared/corpus/seeds")
    if not corpus.is_dir():
        pytest.skip("seed corpus not available")
    nlp = _pipeline()
    for path in sorted(corpus.glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf-8"))
        assert doc.spans["subjects"].attrs["country"] == "ir", path.name
        assert len(doc.spans["subjects"]) > 0


# A pronoun subject takes its antecedent: the nearest agreeing subject before it in
# its sentence, else in the sentences before it in its paragraph. (text, the claims'
# (subject, subject_id) in order)
PRONOUN_SUBJECTS = [
    # it/its: a party, list or alliance
    (
        "ANC loses majority for first time as final results give it 40.2%",
        [("ANC", "za_anc")],
    ),
    (
        "The centre-right New Democracy party took 40.8 percent, giving it 158 seats "
        "in the 300-member parliament, official results showed.",
        [
            ("The centre-right New Democracy party", "gr_nd"),
            ("The centre-right New Democracy party", "gr_nd"),
        ],
    ),
    (
        "The opposition said it had won 60 percent according to its own tally.",
        [("The opposition", "opposition")],
    ),
    (
        "The ANC said it had won 40 percent of the vote, party officials said.",
        [("The ANC", "za_anc")],
    ),
    # he/him/his/she/her: a person, with the title written before the name
    (
        "JAKARTA, Feb 14 (Reuters) - Defence Minister Prabowo Subianto appeared set "
        "to win on Wednesday, with unofficial quick counts by several pollsters "
        "showing him taking around 58% of the vote.",
        [("Defence Minister Prabowo Subianto", "prabowo")],
    ),
    (
        "Bola Tinubu of the ruling All Progressives Congress (APC) was declared the "
        "winner after final results gave him 8,794,726 votes, the electoral "
        "commission said.",
        [("Bola Tinubu", "tinubu")],
    ),
    # across sentences of one paragraph
    (
        "Lula won the runoff on Sunday. Final results gave him 50.9 percent of the "
        "valid votes, the electoral court said.",
        [("Lula", "lula")],
    ),
    (
        "The Kuomintang won 52 seats. Together with the TPP, they would command 62 "
        "seats, a working majority.",
        [("The Kuomintang", "tw_kmt"), ("The Kuomintang", "tw_kmt")],
    ),
    # kept: a mention after "with" or a verb's object is no antecedent in its
    # sentence; nobody named; another paragraph; a speaker that is not a subject;
    # a subject that does not agree
    (
        "Lula beat Bolsonaro in the runoff, giving him 50.9 percent of the vote.",
        [("Lula", "lula")],
    ),
    ("Official results gave him 52 percent, AFP reported.", [("him", None)]),
    (
        "The ANC won 159 seats.\n\nOfficial results gave it 40.2 percent.",
        [("The ANC", "za_anc"), ("it", None)],
    ),
    (
        "The ANC won 159 seats. The commission said it had counted 40 percent.",
        [("The ANC", "za_anc"), ("it", None)],
    ),
    (
        "Cyril Ramaphosa welcomed the result as final figures gave it 40.2 percent.",
        [("it", None)],
    ),
    (
        "The ANC backed Cyril Ramaphosa as early counts gave him 40.2 percent.",
        [("Cyril Ramaphosa", "ramaphosa")],
    ),
    # his/her party: the person's camp, where the alias data gives one
    (
        "LAHORE, Feb 9 (Reuters) - Nawaz Sharif claimed victory, saying his party "
        "had won 75 seats.",
        [("Nawaz Sharif's party", "pk_pmln")],
    ),
    (
        "MEXICO CITY, June 3 (AP) - Claudia Sheinbaum told supporters her party had "
        "won 58 percent of the vote.",
        [("Claudia Sheinbaum's party", "mx_morena")],
    ),
    (
        "ANKARA, May 15 (Anadolu) - Recep Tayyip Erdogan told a crowd in Ankara his "
        "ruling party had won 42.5 percent.",
        [("Recep Tayyip Erdogan's ruling party", "tr_akp")],
    ),
    # a pronoun that speaks stands for the person named before it
    (
        "LAHORE, Feb 9 (Reuters) - Nawaz Sharif spoke in Lahore. He said his party "
        "had won 75 seats.",
        [("Nawaz Sharif's party", "pk_pmln")],
    ),
    (
        "Claudia Sheinbaum thanked voters in Mexico City. She told supporters her "
        "party had won 58 percent of the vote.",
        [("Claudia Sheinbaum's party", "mx_morena")],
    ),
    # kept: the speaking pronoun stands for no person, or for one where "it" is
    # no party of theirs, or in another paragraph
    (
        "Nawaz Sharif spoke in Lahore. He said it had won 75 seats.",
        [("it", None)],
    ),
    (
        "The PML-N met in Lahore. He said his party had won 75 seats.",
        [("his party", None)],
    ),
    (
        "Nawaz Sharif spoke in Lahore.\n\nHe said his party had won 75 seats.",
        [("his party", None)],
    ),
    # kept: a name the data gives no camp for (or no alias), nobody named, a
    # party named in the phrase
    (
        "Sharif claimed victory, saying his party had won 75 seats.",
        [("his party", None)],
    ),
    ("Kessler said his party had won 40 seats.", [("his party", None)]),
    (
        "Official results gave his party 52 percent, AFP reported.",
        [("his party", None)],
    ),
    (
        "Nawaz Sharif said his Pakistan Muslim League-Nawaz had won 75 seats.",
        [("his Pakistan Muslim League-Nawaz", "pk_pmln")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PRONOUN_SUBJECTS)
def test_pronoun_subject_takes_its_antecedent(nlp, text, expected):
    from extract import extract_text

    claims = extract_text(text, nlp=nlp)
    assert [(c.subject, c.subject_id) for c in claims] == expected
