"""Pronoun subjects: "final results give it 40.2%" -> the ANC named before it.

A figure whose subject is a personal pronoun would reach the reconciler with no id,
so it could not be lined up with the other reports of the same figure. The pronoun is
replaced by its antecedent: the nearest subject mention before it (a match of the
`subjects` span group, or the subject phrase of an earlier figure) in its sentence,
else in the sentences before it in its paragraph, that agrees with the pronoun:

- he/him/his/she/her: a person (CANDIDATE);
- it/its: a party, list or alliance (PARTY, COALITION, a singular GROUP such as
  "the opposition");
- they/them/their: a party or group (PARTY, COALITION, GROUP).

A mention in an oblique or object position before the pronoun in its own sentence
("Together with the TPP, they ...", "beat Kessler, giving him ...") is passed over.
No agreeing antecedent in the paragraph: the pronoun stays (never a guess across
paragraphs, never a source or a noun that is not a subject). The word lists are in
`patterns/pronouns.json`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc

from extract.claims import Draft
from extract.phrases import Span, np_backward, subject_before, text_of
from extract.resources import load_json
from extract.subjects import subject_camp, subject_mentions
from extract.tokens import token_facts

DATA_FILE = "pronouns.json"
# what a pronoun can stand for, by subject label
_AGREES = {
    "person": frozenset({"CANDIDATE"}),
    "party": frozenset({"PARTY", "COALITION", "GROUP"}),
    "group": frozenset({"PARTY", "COALITION", "GROUP"}),
}


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, str], frozenset[str], frozenset[str], frozenset[str]]:
    """pronoun -> its class, the oblique words, the party head nouns, the speech
    verbs."""
    raw = load_json(DATA_FILE)
    classes = {w: cls for cls in _AGREES for w in raw[cls]}
    return (
        classes,
        frozenset(raw["oblique_before"]),
        frozenset(raw["party_heads"]),
        frozenset(raw["speech_verbs"]),
    )


def pronoun_class(words: Sequence[str], subject: Span | None) -> str | None:
    """The class ("person", "party", "group") of a one-word pronoun subject."""
    if subject is None or subject[1] - subject[0] != 1:
        return None
    return _data()[0].get(words[subject[0]])


class _Mention:
    __slots__ = ("start", "end", "label", "id", "text", "span")

    def __init__(self, start, end, label, id_, span, text):
        self.start, self.end, self.label, self.id = start, end, label, id_
        self.span, self.text = span, text


def _agrees(words: Sequence[str], cls: str, m: _Mention) -> bool:
    if m.label not in _AGREES[cls]:
        return False
    if cls == "party" and m.label == "GROUP":
        # "the opposition ... it"; "independents ... it" is no agreement
        return not words[m.end - 1].endswith("s")
    return True


def _phrase_of(
    doc: Doc, words: Sequence[str], m_start: int, m_end: int, s: int, e: int, heads
):
    """The noun phrase a mention stands in ("Defence Minister Prabowo Subianto",
    "the opposition party", "the CDU/CSU bloc"), or the mention itself."""
    a, b = m_start, m_end
    back = np_backward(doc, words, m_end, s)
    if back is not None and back[0] < m_start and back[1] == m_end:
        # titles and a determiner ("Defence Minister", "the"), not a clause
        texts = token_facts(doc).texts
        a = m_start
        while a > back[0] and (texts[a - 1][:1].isupper() or words[a - 1] == "the"):
            a -= 1
            if words[a] == "the":
                break
    while b < e and words[b] in heads:
        b += 1
    return (a, b)


def _draft_mention(
    doc: Doc, words: Sequence[str], d: Draft, spans: list, party_heads
) -> _Mention | None:
    """An earlier figure's subject phrase as a mention: the label of the alias match
    in it, else PARTY when its head is a party noun ("the centre-right party")."""
    a, b = d.subject
    inside = [x for x in spans if x[0] >= a and x[1] <= b]
    if inside:
        label, id_ = inside[0][2], inside[0][3]
    elif words[b - 1] in party_heads:
        label, id_ = "PARTY", None
    else:
        return None
    return _Mention(a, b, label, id_, (a, b), d.subject_text)


def resolve_pronouns(
    doc: Doc,
    words: Sequence[str],
    bounds: Sequence[tuple[int, int]],
    paras: Sequence[int],
    per_sentence: Sequence[list[Draft]],
) -> None:
    """Replace the pronoun subjects of the drafts by their antecedents, in place;
    a person's party ("his party", "her alliance") takes the id of the person's
    camp, where the alias data gives one."""
    classes, oblique, party_heads, speech = _data()
    possessives = _possessives()
    todo = []
    for idx, drafts in enumerate(per_sentence):
        for d in drafts:
            if d.subject is None:
                continue
            a, b = d.subject
            if b - a == 1 and words[a] in classes:
                todo.append((idx, d, False))
            elif (
                # "saying his party had won 75 seats"
                b - a > 1
                and words[a] in possessives
                and words[b - 1] in party_heads
                and d.subject_id is None
            ):
                todo.append((idx, d, True))
    if not todo:  # (nearly every article)
        return
    spans = subject_mentions(doc)
    for idx, d, possessive in todo:
        cls = classes[words[d.subject[0]]]
        found = _antecedent(doc, words, bounds, paras, per_sentence, spans, idx, d, cls)
        if found is None:
            continue
        if possessive:
            _replace_by_camp(doc, words, d, found)
        else:
            _replace(doc, d, found)


def _antecedent(
    doc: Doc,
    words: Sequence[str],
    bounds: Sequence[tuple[int, int]],
    paras: Sequence[int],
    per_sentence: Sequence[list[Draft]],
    spans: list,
    idx: int,
    d: Draft,
    cls: str,
    p: int | None = None,
) -> _Mention | None:
    """The mention the pronoun opening ``d``'s subject (or the one at ``p``)
    stands for, or None."""
    classes, oblique, party_heads, speech = _data()
    if p is None:
        p = d.subject[0]
    sayer = _sayer(doc, words, p, bounds[idx][0], speech)
    if sayer is not None and sayer[1] - sayer[0] == 1 and words[sayer[0]] in classes:
        # "Nawaz Sharif spoke in Lahore. He said his party had won": the one
        # the speaking pronoun stands for, if it agrees
        said_by = classes[words[sayer[0]]]
        m = _antecedent(
            doc, words, bounds, paras, per_sentence, spans, idx, d, said_by, sayer[0]
        )
        return m if m is not None and _agrees(words, cls, m) else None
    if sayer is not None:
        # "The opposition said it had won": the one who speaks, or nobody
        m = next(
            (
                _Mention(a, b, label, id_, None, None)
                for a, b, label, id_ in spans
                if a >= sayer[0] and b <= sayer[1]
            ),
            None,
        )
        if m is not None and _agrees(words, cls, m):
            m.span = sayer
            return m
        return None
    j = idx
    while j >= 0 and paras[j] == paras[idx]:
        s, e = bounds[j]
        limit = p if j == idx else e
        mentions = []
        for a, b, label, id_ in spans:
            if a >= s and b <= limit:
                mentions.append(_Mention(a, b, label, id_, None, None))
        for other in per_sentence[j]:
            if other is d or other.subject is None or other.subject[1] > limit:
                continue
            if pronoun_class(words, other.subject):
                continue
            m = _draft_mention(doc, words, other, spans, party_heads)
            if m is not None:
                mentions.append(m)
        # nearest first; a figure's subject phrase before the alias in it
        mentions.sort(key=lambda m: (m.end, m.span is not None), reverse=True)
        for m in mentions:
            if not _agrees(words, cls, m):
                continue
            if m.span is None:
                m.span = _phrase_of(doc, words, m.start, m.end, s, e, party_heads)
            if j == idx and (
                m.span[1] > p or (m.span[0] > s and words[m.span[0] - 1] in oblique)
            ):
                continue
            return m
        j -= 1
    return None


@lru_cache(maxsize=1)
def _possessives() -> frozenset[str]:
    return frozenset(load_json(DATA_FILE)["person_possessives"])


def _replace_by_camp(doc: Doc, words: Sequence[str], d: Draft, m: _Mention) -> None:
    """ "his party" of a person whose camp the alias data gives: that camp's id, and
    the person's name in place of the pronoun ("Nawaz Sharif's party", as a report
    naming him writes it) unless a name follows it ("his AK Party"); else the
    subject stays as written."""
    camp = subject_camp(m.id) if m.id else None
    if camp is None:
        return
    a, b = d.subject
    d.subject_id = camp
    texts = token_facts(doc).texts
    if any(texts[k][:1].isupper() for k in range(a + 1, b)):
        return  # "his AK Party": a name, kept as written
    d.subject_text = text_of(doc, (m.start, m.end)) + "'s " + text_of(doc, (a + 1, b))


def _replace(doc: Doc, d: Draft, m: _Mention) -> None:
    d.subject = m.span
    d.subject_text = m.text or text_of(doc, m.span)
    d.subject_id = m.id


def _sayer(doc: Doc, words: Sequence[str], p: int, s: int, speech) -> Span | None:
    """The subject of a speech verb right before token p ("X said (that) it ..."),
    the empty span at p when it has none, or None when no speech verb is there."""
    v = p - 1
    if v > s and words[v] == "that":
        v -= 1
    if v <= s or words[v] not in speech:
        return None
    return subject_before(doc, words, v, s) or (p, p)
