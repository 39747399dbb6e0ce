"""Sentences in the forms election reports use, and the claims expected from each.

Each row: the text, then the expected claims as tuples
(kind, value, unit, qualifier, of_total, subject-contains, status). The text is the
project's own wording; the forms are those of wire reports. When a wrong extraction is
fixed, a sentence of that form is added here.
"""

from __future__ import annotations

import pytest

from extract import extract_text

CASES = [
    # a ", with ..." phrase naming the count it reports is a clause of its own: the
    # main clause's conditional wording does not reach its figure
    (
        "Varga appeared set to win the presidential election, with unofficial quick "
        "counts by several pollsters showing her taking around 58% of the vote.",
        [("votes", 58, "percent", "approx", None, None, "preliminary")],
    ),
    (
        "The alliance is set to win 290 seats, with exit polls giving the opposition "
        "230.",
        [
            ("seats", 290, "seats", "exact", None, "alliance", "conditional"),
            ("seats", 230, "seats", "exact", None, "opposition", "preliminary"),
        ],
    ),
    # ... and one naming no count stays in the main clause
    (
        "The bloc would hold 70 seats, with the Greens on 20.",
        [
            ("seats", 70, "seats", "exact", None, "bloc", "conditional"),
            ("seats", 20, "seats", "exact", None, "Greens", "conditional"),
        ],
    ),
    (
        "The Greens, with 41 seats, would lead the next government.",
        [("seats", 41, "seats", "exact", None, "Greens", "conditional")],
    ),
    # "after counting N percent of ballots" sets the status; it is no share of
    # the vote for the last name before it
    (
        "Zelenskiy won 73.2 percent of the vote in the runoff against Poroshenko's "
        "24.5 percent, the Central Election Commission said after counting 99.9 "
        "percent of ballots.",
        [
            ("votes", 73.2, "percent", "exact", None, "Zelenskiy", "partial"),
            ("votes", 24.5, "percent", "exact", None, "Poroshenko", "partial"),
        ],
    ),
    # a share a candidate tallied stays a share (tallied is a win verb too)
    (
        "Kessler tallied 52 percent of the votes, the board said.",
        [("votes", 52, "percent", "exact", None, "Kessler", "unknown")],
    ),
    # seats with a partitive total and a second party in the same clause chain
    (
        "The Civic Union won 41 of the 95 seats, while the Harbour League took 29.",
        [
            ("seats", 41, "seats", "exact", 95, "Civic Union", "unknown"),
            ("seats", 29, "seats", "exact", 95, "Harbour League", "unknown"),
        ],
    ),
    # a sentence-initial denominator shared by the figures after it
    (
        "Of the 120 seats up for election, 64 went to the Farmers' Bloc and 31 to "
        "the Greens.",
        [
            ("seats", 64, "seats", "exact", 120, "Farmers' Bloc", "unknown"),
            ("seats", 31, "seats", "exact", 120, "Greens", "unknown"),
        ],
    ),
    # "Out of the N seats, ..." opens a sentence the way "Of the N seats" does: the
    # total is shared, and a seat total is not a claim of its own (guidelines)
    (
        "Out of the 543 seats, the NDA won 293 and the INDIA bloc 234, the Election "
        "Commission of India said.",
        [
            ("seats", 293, "seats", "exact", 543, "NDA", "unknown"),
            ("seats", 234, "seats", "exact", 543, "INDIA bloc", "unknown"),
        ],
    ),
    (
        "Out of a total of 225 seats, the NPP won 159, the Election Commission said.",
        [("seats", 159, "seats", "exact", 225, "NPP", "unknown")],
    ),
    (
        "Out of the Sejm's 460 seats, Law and Justice took 194.",
        [("seats", 194, "seats", "exact", 460, "Law and Justice", "unknown")],
    ),
    # a vote total opening the sentence stays a claim of its own
    (
        "Out of 4 million ballots cast, Lula received 2.2 million.",
        [
            ("turnout", 4_000_000, "votes", "exact", None, None, "unknown"),
            ("votes", 2_200_000, "votes", "exact", 4_000_000, "Lula", "unknown"),
        ],
    ),
    # "out of" that is not a partitive of a figure
    (
        "Out of the running, the Greens won 12 seats.",
        [("seats", 12, "seats", "exact", None, "Greens", "unknown")],
    ),
    # a majority's size or a winning margin is not a party's seats or share
    # (guidelines); the party's own figures stay
    (
        "Labour secured 412 of the 650 seats in the House of Commons, a majority "
        "of 174.",
        [("seats", 412, "seats", "exact", 650, "Labour", "unknown")],
    ),
    (
        "Ruto won 50.49 percent of the vote, beating Odinga by 233,211 votes, the "
        "IEBC said.",
        [("votes", 50.49, "percent", "exact", None, "Ruto", "unknown")],
    ),
    (
        "Sheinbaum took 59.8 percent of the vote, a lead of more than 30 percentage "
        "points over Xochitl Galvez.",
        [("votes", 59.8, "percent", "exact", None, "Sheinbaum", "unknown")],
    ),
    (
        "The Conservatives won 365 seats, giving Johnson an 80-seat majority.",
        [("seats", 365, "seats", "exact", None, "Conservatives", "unknown")],
    ),
    (
        "Labour won an 80 seat majority in the 650-seat House of Commons.",
        [("seats_total", 650, "seats", "exact", None, "House of Commons", "unknown")],
    ),
    (
        "The ANC's share fell 17 percentage points to 40.2 percent.",
        [("votes", 40.2, "percent", "exact", None, "ANC", "unknown")],
    ),
    # the seat count a change reached is the party's count; the change (a gain
    # with the count after it, as "gained 12 seats to hold 87") is no claim
    (
        "The conservatives gained 20 seats to 145, while the Greens lost 12 seats "
        "to 44.",
        [
            ("seats", 145, "seats", "exact", None, "conservatives", "unknown"),
            ("seats", 44, "seats", "exact", None, "Greens", "unknown"),
        ],
    ),
    (
        "The Liberals picked up 9 seats to 157, the elections agency said.",
        [("seats", 157, "seats", "exact", None, "Liberals", "unknown")],
    ),
    (
        "The Social Democrats lost 14 seats, to 206, the Federal Returning Officer "
        "said.",
        [("seats", 206, "seats", "exact", None, "Social Democrats", "unknown")],
    ),
    (
        "Labour was down 3 to 202 seats, the BBC said.",
        [("seats", 202, "seats", "exact", None, "Labour", "unknown")],
    ),
    (
        "The BJP was down 63 seats to 240, the Election Commission said.",
        [("seats", 240, "seats", "exact", None, "BJP", "unknown")],
    ),
    # a figure bracketed with an earlier year is that election's, not a claim
    (
        "Erdogan took 49.5% (2018: 52.6%), short of the majority needed to avoid "
        "a runoff.",
        [("votes", 49.5, "percent", "exact", None, "Erdogan", "unknown")],
    ),
    (
        "The CDU won 28.5 percent (2017: 32.9 percent) and 198 seats (2017: 200).",
        [
            ("votes", 28.5, "percent", "exact", None, "CDU", "unknown"),
            ("seats", 198, "seats", "exact", None, "CDU", "unknown"),
        ],
    ),
    # ... and with the sign: the skipped bracket is no subject of the next figure
    (
        "The SPD won 25.7% (2017: 20.5%) and 206 seats (2017: 153).",
        [
            ("votes", 25.7, "percent", "exact", None, "SPD", "unknown"),
            ("seats", 206, "seats", "exact", None, "SPD", "unknown"),
        ],
    ),
    (
        "The Greens won 14.8% (up 3.3 points) and 118 seats, the commission said.",
        [
            ("votes", 14.8, "percent", "exact", None, "Greens", "unknown"),
            ("seats", 118, "seats", "exact", None, "Greens", "unknown"),
        ],
    ),
    # near miss: a name gapped after the bracket keeps its figure
    (
        "Labour won 412 seats (2019: 202) and the SNP 9.",
        [
            ("seats", 412, "seats", "exact", None, "Labour", "unknown"),
            ("seats", 9, "seats", "exact", None, "SNP", "unknown"),
        ],
    ),
    # a name labelling a bracketed figure has it
    (
        "Labour won 33.7% (Conservatives: 23.7%), the BBC said.",
        [
            ("votes", 33.7, "percent", "exact", None, "Labour", "unknown"),
            ("votes", 23.7, "percent", "exact", None, "Conservatives", "unknown"),
        ],
    ),
    (
        "Morena won 35.3% of the vote (PAN: 17.6%; PRI: 11.1%), the INE said.",
        [
            ("votes", 35.3, "percent", "exact", None, "Morena", "unknown"),
            ("votes", 17.6, "percent", "exact", None, "PAN", "unknown"),
            ("votes", 11.1, "percent", "exact", None, "PRI", "unknown"),
        ],
    ),
    # near misses: a label of a poll or an earlier result names no one
    (
        "Labour won 412 seats (Exit poll: 410), the BBC said.",
        [
            ("seats", 412, "seats", "exact", None, "Labour", "preliminary"),
            ("seats", 410, "seats", "exact", None, "Labour", "preliminary"),
        ],
    ),
    (
        "Erdogan took 49.5% (Previous: 57.5%), the YSK said.",
        [("votes", 49.5, "percent", "exact", None, "Erdogan", "unknown")],
    ),
    # ... and with a label of an earlier election, after a year or alone
    (
        "Erdogan took 49.5% (previous: 57.5%), the YSK said.",
        [("votes", 49.5, "percent", "exact", None, "Erdogan", "unknown")],
    ),
    (
        "Erdogan took 49.5% (2018 election: 52.6%), the YSK said.",
        [("votes", 49.5, "percent", "exact", None, "Erdogan", "unknown")],
    ),
    (
        "The SNP won 48 seats (last election: 64), the BBC said.",
        [("seats", 48, "seats", "exact", None, "SNP", "unknown")],
    ),
    (
        "The CDU won 28.5 percent (2017 federal election: 32.9 percent).",
        [("votes", 28.5, "percent", "exact", None, "CDU", "unknown")],
    ),
    # near misses: a bracketed figure with no year, a year with no figure
    (
        "The Greens won 14.8% (up 3.3 points), the commission said.",
        [("votes", 14.8, "percent", "exact", None, "Greens", "unknown")],
    ),
    (
        "Labour won 412 seats (2024 results), the BBC said.",
        [("seats", 412, "seats", "exact", None, "Labour", "unknown")],
    ),
    # near misses: a gain with no level after it is the party's seats; a loss
    # "to" a rival names no level
    (
        "The conservatives gained 12 seats.",
        [("seats", 12, "seats", "exact", None, "conservatives", "unknown")],
    ),
    ("The BJP lost 63 seats to the Congress.", []),
    # near misses: a majority won with a count, a majority share, a passive agent
    (
        "The party won a majority with 176 seats.",
        [("seats", 176, "seats", "exact", None, "party", "unknown")],
    ),
    (
        "Erdogan won a majority of 52.1 percent in the runoff.",
        [("votes", 52.1, "percent", "exact", None, "Erdogan", "unknown")],
    ),
    (
        "The seats were won by 12 independents.",
        [("seats", 12, "seats", "exact", None, "independents", "unknown")],
    ),
    # coordinated vote tallies with qualifiers, partial count
    (
        "Officials have so far counted more than 4 million ballots for Varga and "
        "around 3.2 million for Kessler.",
        [
            ("votes", 4_000_000, "votes", "at_least", None, "Varga", "partial"),
            ("votes", 3_200_000, "votes", "approx", None, "Kessler", "partial"),
        ],
    ),
    # turnout as a share and as a count of people
    (
        "Turnout was 61.4 percent, the electoral board said.",
        [("turnout", 61.4, "percent", "exact", None, None, "unknown")],
    ),
    (
        "About 3.1 million people took part in the referendum.",
        [("turnout", 3_100_000, "people", "approx", None, None, "unknown")],
    ),
    # a group's turnout keeps its group as subject, apart from the total
    (
        "Election officials said 31 million women had cast their ballots.",
        [("turnout", 31_000_000, "people", "exact", None, "women", "unknown")],
    ),
    # eligible voters are their own count
    (
        "Some 7 million citizens were eligible to vote.",
        [("other_count", 7_000_000, "voters", "approx", None, None, "unknown")],
    ),
    # a chamber size on its own
    (
        "The party needs a majority in the 150-seat assembly.",
        [("seats_total", 150, "seats", "exact", None, "assembly", "unknown")],
    ),
    # conditional wording
    (
        "If confirmed, that would give the Greens 52 seats in the 150-seat assembly.",
        [("seats", 52, "seats", "exact", 150, "Greens", "conditional")],
    ),
    # a figure in a comma-fenced relative clause belongs to the phrase before the
    # comma, and the main clause's modal is not its status (nor the other way round)
    (
        "The Greens, who won 16 seats, said they would not join a coalition.",
        [("seats", 16, "seats", "exact", None, "Greens", "unknown")],
    ),
    (
        "Ana Varga, who took 52 percent, said she would form a government by June.",
        [("votes", 52, "percent", "exact", None, "Ana Varga", "unknown")],
    ),
    (
        "The Liberals, who secured 41 percent in the first round, will face a runoff.",
        [("votes", 41, "percent", "exact", None, "Liberals", "unknown")],
    ),
    (
        "The Civic Union, which won 64 seats, would need the Greens to govern.",
        [("seats", 64, "seats", "exact", None, "Civic Union", "unknown")],
    ),
    (
        "The Greens won 16 seats, which would give them the balance of power.",
        [("seats", 16, "seats", "exact", None, "Greens", "unknown")],
    ),
    # kept: a modal inside the relative clause, or in the clause of the figure
    (
        "The Greens, who would win 16 seats if the count holds, said they were "
        "pleased.",
        [("seats", 16, "seats", "exact", None, "Greens", "conditional")],
    ),
    (
        "The result would give the Greens 16 seats, which is a record.",
        [("seats", 16, "seats", "exact", None, "Greens", "conditional")],
    ),
    # a gapped list of results in prose
    (
        "The Labour Front took 88 seats, the Centre Party 47 and the Rural Union 12, "
        "according to final results.",
        [
            ("seats", 88, "seats", "exact", None, "Labour Front", "final"),
            ("seats", 47, "seats", "exact", None, "Centre Party", "final"),
            ("seats", 12, "seats", "exact", None, "Rural Union", "final"),
        ],
    ),
    # "respectively" pairs names and figures
    (
        "The three challengers, Anna Holm, Piet Varga and Ola Berg, received, "
        "respectively, 412,300, 220,150 and 98,004 votes.",
        [
            ("votes", 412_300, "votes", "exact", None, "Anna Holm", "unknown"),
            ("votes", 220_150, "votes", "exact", None, "Piet Varga", "unknown"),
            ("votes", 98_004, "votes", "exact", None, "Ola Berg", "unknown"),
        ],
    ),
    # a named pair falling short of a threshold: a bound on each share
    (
        "A runoff is due after Tomas Vellin and Aura Kesk both fell short of 40% of "
        "the vote.",
        [
            ("votes", 40, "percent", "at_most", None, "Tomas Vellin", "unknown"),
            ("votes", 40, "percent", "at_most", None, "Aura Kesk", "unknown"),
        ],
    ),
    # seats declared so far are a count of seats, partial
    (
        "So far the commission has announced the winners of 143 of the 180 seats.",
        [("seats_total", 143, "seats", "exact", 180, None, "partial")],
    ),
    # numbers in words, women elected
    (
        "Preliminary results showed that twenty-one women were elected.",
        [("other_count", 21, "people", "exact", None, "women", "preliminary")],
    ),
    # zero seats
    (
        "No Greens won seats in the capital.",
        [("seats", 0, "seats", "exact", None, "Greens", "unknown")],
    ),
    # a bracketed count belongs to the share before it
    (
        "Marta Solen won with 56.2 percent of the vote (1.9 million of 3.4 million "
        "ballots).",
        [
            ("votes", 56.2, "percent", "exact", None, "Marta Solen", "unknown"),
            ("votes", 1_900_000, "votes", "exact", 3_400_000, "Marta Solen", "unknown"),
            ("turnout", 3_400_000, "votes", "exact", None, None, "unknown"),
        ],
    ),
    # digits int() cannot read (superscripts) beside a real figure: no crash
    (
        "The party won 33 seats in ²⁰²⁴.",
        [("seats", 33, "seats", "exact", None, "The party", "unknown")],
    ),
    # a headline with a present-tense verb and bare figures
    (
        "Labour wins 300 seats as Conservatives slump to 95",
        [
            ("seats", 300, "seats", "exact", None, "Labour", "unknown"),
            ("seats", 95, "seats", "exact", None, "Conservatives", "unknown"),
        ],
    ),
    # "of the vote in <the runoff>": "in" is a preposition here, not "the vote
    # (is) in", so the share is a claim and not the count's progress
    (
        "Varga won 52.4% of the vote in Sunday's runoff, the election board said.",
        [("votes", 52.4, "percent", "exact", None, "Varga", "unknown")],
    ),
    (
        "The Greens took 41 percent of the votes in the capital.",
        [("votes", 41, "percent", "exact", None, "Greens", "unknown")],
    ),
    # ... while "in" closing its clause is the count's progress
    (
        "With 90 percent of the vote in, Kessler led with 51.2 percent.",
        [("votes", 51.2, "percent", "exact", None, "Kessler", "partial")],
    ),
    # a share of the votes counted so far that a verb gives its subject
    (
        "Varga had 49.4% of the votes counted, state radio said.",
        [("votes", 49.4, "percent", "exact", None, "Varga", "unknown")],
    ),
    # the share in a sentence that also gives the count's progress
    (
        "Varga won 49.35% of the vote in the presidential election after 100% of "
        "ballot boxes were counted, against 45% for Kessler.",
        [
            ("votes", 49.35, "percent", "exact", None, "Varga", "final"),
            ("votes", 45, "percent", "exact", None, "Kessler", "final"),
        ],
    ),
    # "X won <a landslide, a second term, the election> with N": the phrase before
    # "with" is the verb's object; the figure is its subject's
    (
        "The Harbour League won a landslide with 212 seats.",
        [("seats", 212, "seats", "exact", None, "Harbour League", "unknown")],
    ),
    (
        "Varga won a second term with 55.5 percent of the vote.",
        [("votes", 55.5, "percent", "exact", None, "Varga", "unknown")],
    ),
    (
        "Varga beat Kessler with 50.9 percent, the board said.",
        [("votes", 50.9, "percent", "exact", None, "Varga", "unknown")],
    ),
    (
        "The Greens topped the poll in Portmund with 21 percent.",
        [("votes", 21, "percent", "exact", None, "Greens", "unknown")],
    ),
    (
        "The Greens won in Portmund with 21 percent.",
        [("votes", 21, "percent", "exact", None, "Greens", "unknown")],
    ),
    # "declared X (the) winner with N": the one declared, not the declarer
    (
        "Election chief Ana Moreau declared Varga the winner with 50.49% of the vote.",
        [("votes", 50.49, "percent", "exact", None, "Varga", "unknown")],
    ),
    (
        "Varga was declared the winner with 50.49% of the vote.",
        [("votes", 50.49, "percent", "exact", None, "Varga", "unknown")],
    ),
    # a chamber size after a bare seat figure, or opening the sentence, is the
    # figure's denominator and not a claim of its own
    (
        "The Harbour League now holds 87 in the 150-seat house.",
        [("seats", 87, "seats", "exact", 150, "Harbour League", "unknown")],
    ),
    (
        "In the 120-seat assembly, the Greens won 41 seats and the Harbour League 29.",
        [
            ("seats", 41, "seats", "exact", 120, "Greens", "unknown"),
            ("seats", 29, "seats", "exact", 120, "Harbour League", "unknown"),
        ],
    ),
    # an infinitive's subject is its clause's: "gained 12 seats to hold 87"
    (
        "The Greens are expected to win 30 seats, state radio said.",
        [("seats", 30, "seats", "exact", None, "Greens", "conditional")],
    ),
    (
        "The Greens did enough in the cities to hold 87 in the 150-seat house.",
        [("seats", 87, "seats", "exact", 150, "Greens", "unknown")],
    ),
    # "results from <a source>" is not a partial count; "results from N of M" is
    (
        "Provisional results from the electoral board gave the Greens 37 seats.",
        [("seats", 37, "seats", "exact", None, "Greens", "preliminary")],
    ),
    (
        "Results from 412 of 430 constituencies showed the Greens with 55 percent.",
        [("votes", 55, "percent", "exact", None, "Greens", "partial")],
    ),
    # headline verbs in the present tense end the subject
    (
        "Harbour League claims victory with 52% of vote",
        [("votes", 52, "percent", "exact", None, "Harbour League", "unknown")],
    ),
    # verbs between a subject and "with/at/on N"
    (
        "The Greens came in second at 24%.",
        [("votes", 24, "percent", "exact", None, "Greens", "unknown")],
    ),
    (
        "Kessler trailed on 41.5 percent, the ministry said.",
        [("votes", 41.5, "percent", "exact", None, "Kessler", "unknown")],
    ),
    # the earlier value a change is measured from is not a claim ...
    (
        "The Greens won 206 seats in the 630-seat assembly, up from 153.",
        [("seats", 206, "seats", "exact", 630, "Greens", "unknown")],
    ),
    (
        "The Greens' share fell to 11.2 percent from 14.8 percent.",
        [("votes", 11.2, "percent", "exact", None, "Greens", "unknown")],
    ),
    # ... unless it is an earlier report of the same count
    (
        "Turnout was 44 percent, up from its preliminary figure of 43 percent.",
        [
            ("turnout", 44, "percent", "exact", None, None, "unknown"),
            ("turnout", 43, "percent", "exact", None, None, "preliminary"),
        ],
    ),
    # "the final results of <the election>" is a cue for the whole sentence, not
    # one glued to a figure after "of" like "its preliminary figure of 43 percent"
    (
        "The board published the final results of last month's election, which "
        "gave the Greens 73 seats.",
        [("seats", 73, "seats", "exact", None, "Greens", "final")],
    ),
    # results for only some of the seats: the count is partial (guidelines)
    (
        "Results have been declared for 95 of the 120 seats.",
        [("seats_total", 95, "seats", "exact", 120, None, "partial")],
    ),
    (
        "Provisional results cover 258 out of 266 seats. The Greens won 102 seats.",
        [
            ("seats_total", 258, "seats", "exact", 266, None, "partial"),
            ("seats", 102, "seats", "exact", None, "Greens", "partial"),
        ],
    ),
    # a cue naming the earlier update a sentence compares with sets nothing
    (
        "The final figures were in line with the preliminary results. The Greens "
        "won 41 seats.",
        [("seats", 41, "seats", "exact", None, "Greens", "final")],
    ),
    # a rival's share after "against": the possessor, not the phrase before it
    (
        "Varga won 73.2% of the vote in the runoff against Kessler's 24.5%.",
        [
            ("votes", 73.2, "percent", "exact", None, "Varga", "unknown"),
            ("votes", 24.5, "percent", "exact", None, "Kessler", "unknown"),
        ],
    ),
    # a majority the subject is heading for is not a threshold when "with" gives
    # the subject its own figure
    (
        "The Coastal-led alliance is set for a majority with 293 seats, the board "
        "said.",
        [("seats", 293, "seats", "exact", None, "Coastal-led alliance", "unknown")],
    ),
    (
        "The Greens fell short of an absolute majority with 140 seats.",
        [("seats", 140, "seats", "exact", None, "Greens", "unknown")],
    ),
    # seat changes are not counts; the count after them is
    (
        "The Greens gained 12 seats to hold 87 in the 150-seat house.",
        [("seats", 87, "seats", "exact", 150, "Greens", "unknown")],
    ),
    (
        "The Liberals lost 20 seats and now hold 45, the board said.",
        [("seats", 45, "seats", "exact", None, "Liberals", "unknown")],
    ),
    (
        "The Greens won 293 seats, a net gain of 14, radio reported.",
        [("seats", 293, "seats", "exact", None, "Greens", "unknown")],
    ),
    (
        "The Greens, up 12 seats, hold 87.",
        [("seats", 87, "seats", "exact", None, "Greens", "unknown")],
    ),
    (
        "Labour picked up 9 seats while the Greens lost three.",
        [("seats", 9, "seats", "exact", None, "Labour", "unknown")],
    ),
    # the total a gain brought a party to is that party's seat count
    (
        "The Liberals picked up 12 seats, bringing their total to 87, according to "
        "the board.",
        [("seats", 87, "seats", "exact", None, "Liberals", "unknown")],
    ),
    (
        "The Greens added four seats to reach 19, the interior ministry said.",
        [("seats", 19, "seats", "exact", None, "Greens", "unknown")],
    ),
    (
        "The Greens added another 4 seats, bringing their total to 19.",
        [("seats", 19, "seats", "exact", None, "Greens", "unknown")],
    ),
    (
        "Labour picked up a further 3 seats to finish with 41.",
        [("seats", 41, "seats", "exact", None, "Labour", "unknown")],
    ),
    # a threshold after "but" is another clause's: the share before it is a claim
    (
        "Varga won the first round with 48.4 percent but fell short of the majority "
        "needed to avoid a runoff.",
        [("votes", 48.4, "percent", "exact", None, "Varga", "unknown")],
    ),
    # an apposition between a count of people and its verb belongs to neither
    (
        "Some 8.5 million people, or 71 percent of registered voters, cast ballots, "
        "state television reported.",
        [
            ("turnout", 8500000, "people", "approx", None, None, "unknown"),
            ("turnout", 71, "percent", "exact", None, None, "unknown"),
        ],
    ),
    # a cast verb between a count of voters and its "out of": the total is the
    # electorate the turnout is of (its own other_count claim)
    (
        "Some 25.6 million people had cast ballots out of 38.6 million eligible "
        "voters, the election commission said.",
        [
            ("turnout", 25600000, "people", "approx", 38600000, None, "unknown"),
            ("other_count", 38600000, "voters", "exact", None, None, "unknown"),
        ],
    ),
    (
        "About 8.9 million voters cast their ballots out of an electorate of 14.2 "
        "million, the CEC said.",
        [
            ("turnout", 8900000, "voters", "approx", 14200000, None, "unknown"),
            ("other_count", 14200000, "voters", "exact", None, None, "unknown"),
        ],
    ),
    # an opening "Of the N voters": those who voted are a turnout of them, what
    # they cast is no noun of the count
    (
        "Of the 38.6 million registered voters, 25.6 million cast ballots.",
        [
            ("other_count", 38600000, "voters", "exact", None, None, "unknown"),
            ("turnout", 25600000, "voters", "exact", 38600000, None, "unknown"),
        ],
    ),
    (
        "Of the 61.5 million eligible voters, 30.5 million voted, the interior "
        "ministry said.",
        [
            ("other_count", 61500000, "voters", "exact", None, None, "unknown"),
            ("turnout", 30500000, "voters", "exact", 61500000, None, "unknown"),
        ],
    ),
    # ... but a part of the electorate that did not vote stays a count of voters
    (
        "Of the 5.6 million eligible voters, 2.1 million were women.",
        [
            ("other_count", 5600000, "voters", "exact", None, None, "unknown"),
            ("other_count", 2100000, "voters", "exact", 5600000, None, "unknown"),
        ],
    ),
    (
        "Of the 12 million ballots cast, the Greens won 4.1 million.",
        [
            ("turnout", 12000000, "votes", "exact", None, None, "unknown"),
            ("votes", 4100000, "votes", "exact", 12000000, "Greens", "unknown"),
        ],
    ),
    (
        "About 94.5 million people, most of them young, were eligible to vote.",
        [("other_count", 94500000, "voters", "approx", None, None, "unknown")],
    ),
    # a quick count is an unofficial projection of the result
    (
        "A quick count by pollster Indexa had Varga on 58.1 percent.",
        [("votes", 58.1, "percent", "exact", None, "Varga", "preliminary")],
    ),
    # so is an exit poll ("polls showed" is an opinion poll's cue without "exit")
    (
        "Exit polls showed the Greens with 33 percent.",
        [("votes", 33, "percent", "exact", None, "Greens", "preliminary")],
    ),
    (
        "An exit poll showed the ruling AKP winning 41.5 percent of the vote.",
        [("votes", 41.5, "percent", "exact", None, "AKP", "preliminary")],
    ),
    (
        "The Social Democrats won 24.1 percent, according to exit polls.",
        [("votes", 24.1, "percent", "exact", None, "Social Democrats", "preliminary")],
    ),
    # in apposition to a win verb's object
    (
        "The Greens won a two-thirds majority, 135 of 199 seats, the board said.",
        [("seats", 135, "seats", "exact", 199, "Greens", "unknown")],
    ),
    # a completed count is final
    (
        "In the official district count completed on Thursday, Varga received "
        "35.9 million votes, the board said.",
        [("votes", 35900000, "votes", "exact", None, "Varga", "final")],
    ),
    # an earlier election's figure after a comparison
    (
        "Turnout was 61.2 percent, compared with 73.1 percent in 2019.",
        [("turnout", 61.2, "percent", "exact", None, None, "unknown")],
    ),
    (
        "Turnout was 61.2 percent, lower than the 73.1 percent in 2019.",
        [("turnout", 61.2, "percent", "exact", None, None, "unknown")],
    ),
    # a partitive after the count's noun and a comma: the electorate is its total
    # and a claim of its own (guidelines)
    (
        "3,118,902 citizens, out of a registered electorate of 5.6 million, cast "
        "ballots.",
        [
            ("turnout", 3_118_902, "people", "exact", 5_600_000, None, "unknown"),
            ("other_count", 5_600_000, "voters", "exact", None, None, "unknown"),
        ],
    ),
    (
        "1,204,331 people, of an electorate of 2.3 million, voted.",
        [
            ("turnout", 1_204_331, "people", "exact", 2_300_000, None, "unknown"),
            ("other_count", 2_300_000, "voters", "exact", None, None, "unknown"),
        ],
    ),
    # ... and so is an electorate named by its cue alone ("roughly 8.3 million
    # eligible", guidelines): voters
    (
        "About 4.1 million voters, out of 6.2 million registered, took part.",
        [
            ("turnout", 4_100_000, "voters", "approx", 6_200_000, None, "unknown"),
            ("other_count", 6_200_000, "voters", "exact", None, None, "unknown"),
        ],
    ),
    # the cue after the total is the total's, not the count's: those who voted
    # are a turnout
    (
        "About 3.1 million people voted out of 5.2 million registered, the "
        "commission said.",
        [
            ("turnout", 3_100_000, "people", "approx", 5_200_000, None, "unknown"),
            ("other_count", 5_200_000, "voters", "exact", None, None, "unknown"),
        ],
    ),
    (
        "Nearly 642 million people voted out of 968 million eligible voters, the "
        "Election Commission said.",
        [
            ("turnout", 642_000_000, "people", "approx", 968_000_000, None, "unknown"),
            ("other_count", 968_000_000, "voters", "exact", None, None, "unknown"),
        ],
    ),
    # an opening electorate of a people with its cue before the noun
    (
        "Out of 61 million eligible Iranians, 30.5 million voted, the interior "
        "ministry said.",
        [
            ("other_count", 61_000_000, "voters", "exact", None, "Iranians", "unknown"),
            ("turnout", 30_500_000, "people", "exact", 61_000_000, None, "unknown"),
        ],
    ),
    # a count with no noun whose verb says it voted: those who voted, a turnout;
    # with a total, the total's noun (guidelines)
    (
        "Some 30.5 million voted out of 61 million eligible voters, the interior "
        "ministry said.",
        [
            ("turnout", 30_500_000, "voters", "approx", 61_000_000, None, "unknown"),
            ("other_count", 61_000_000, "voters", "exact", None, None, "unknown"),
        ],
    ),
    (
        "Some 25.6 million had cast their ballots out of 38.6 million eligible "
        "voters, officials said.",
        [
            ("turnout", 25_600_000, "voters", "approx", 38_600_000, None, "unknown"),
            ("other_count", 38_600_000, "voters", "exact", None, None, "unknown"),
        ],
    ),
    (
        "Some 30.5 million voted, the interior ministry said.",
        [("turnout", 30_500_000, "people", "approx", None, None, "unknown")],
    ),
    (
        "About 2.1 million turned out in Friday's election, officials said.",
        [("turnout", 2_100_000, "people", "approx", None, None, "unknown")],
    ),
    # a count of people or voters is not what the next sentence's bare figure counts
    (
        "Turnout in the runoff was 79.4% of the 156.4 million Brazilians eligible "
        "to vote. Blank and null votes totalled 5.7 million.",
        [
            ("turnout", 79.4, "percent", "exact", None, "runoff", "unknown"),
            ("other_count", 156_400_000, "voters", "exact", None, None, "unknown"),
            ("other_count", 5_700_000, "votes", "exact", None, None, "unknown"),
        ],
    ),
    # a noun before a verb of level is what the figure after it counts, whatever
    # the article mostly counts
    (
        "Reformists won 30 seats and conservatives 20 seats. Blank and null votes "
        "totalled 1.1 million.",
        [
            ("seats", 30, "seats", "exact", None, "Reformists", "unknown"),
            ("seats", 20, "seats", "exact", None, "conservatives", "unknown"),
            ("other_count", 1_100_000, "votes", "exact", None, "null votes", "unknown"),
        ],
    ),
    (
        "Reformists won 30 seats. The number of spoiled ballots reached 1.2 million.",
        [
            ("seats", 30, "seats", "exact", None, "Reformists", "unknown"),
            ("other_count", 1_200_000, "votes", "exact", None, "ballots", "unknown"),
        ],
    ),
    (
        "Reformists won 30 seats. Registered voters numbered 61 million.",
        [
            ("seats", 30, "seats", "exact", None, "Reformists", "unknown"),
            ("other_count", 61_000_000, "voters", "exact", None, "voters", "unknown"),
        ],
    ),
    # ... no winner in the noun itself: valid votes are the votes cast
    (
        "Reformists won 30 seats. Valid votes numbered 28.9 million, the ministry "
        "said.",
        [
            ("seats", 30, "seats", "exact", None, "Reformists", "unknown"),
            ("turnout", 28_900_000, "votes", "exact", None, "Valid votes", "unknown"),
        ],
    ),
    # a number word after "the" stands for those just named: no count of its own
    (
        "Lula won 60.3 million votes and Bolsonaro 58.2 million, forcing a runoff "
        "between the two.",
        [
            ("votes", 60_300_000, "votes", "exact", None, "Lula", "unknown"),
            ("votes", 58_200_000, "votes", "exact", None, "Bolsonaro", "unknown"),
        ],
    ),
    (
        "Labour won 412 seats and the Conservatives 121. The two will meet today.",
        [
            ("seats", 412, "seats", "exact", None, "Labour", "unknown"),
            ("seats", 121, "seats", "exact", None, "Conservatives", "unknown"),
        ],
    ),
    # near misses: a people with no cue is no electorate claim; a count that is
    # itself registered stays an electorate
    (
        "Out of 61 million Iranians, 30.5 million voted.",
        [("turnout", 30_500_000, "people", "exact", 61_000_000, None, "unknown")],
    ),
    (
        "Some 5.6 million people were registered to vote, the commission said.",
        [("other_count", 5_600_000, "voters", "approx", None, None, "unknown")],
    ),
    # "N seats/votes out of M": the noun between does not hide the total
    (
        "Labour won 412 seats, out of 650.",
        [("seats", 412, "seats", "exact", 650, "Labour", "unknown")],
    ),
    # ... nor does a bracket: "(of N)" is the figure's total, not a claim
    (
        "Labour won 412 seats (of 650), the BBC said.",
        [("seats", 412, "seats", "exact", 650, "Labour", "unknown")],
    ),
    (
        "The ANC won 159 seats (out of 400) in the National Assembly.",
        [("seats", 159, "seats", "exact", 400, "ANC", "unknown")],
    ),
    (
        "Ruto won 7.1 million votes (of 14.2 million cast), the IEBC said.",
        [("votes", 7_100_000, "votes", "exact", 14_200_000, "Ruto", "unknown")],
    ),
    # near misses: a bracket holding another party's figure or a change
    (
        "Labour won 412 seats (Conservatives 121), the BBC said.",
        [
            ("seats", 412, "seats", "exact", None, "Labour", "unknown"),
            ("seats", 121, "seats", "exact", None, "Conservatives", "unknown"),
        ],
    ),
    (
        "Ruto won 7.1 million votes out of 14.2 million cast.",
        [("votes", 7_100_000, "votes", "exact", 14_200_000, "Ruto", "unknown")],
    ),
    # after a noun and a comma, "from" compares: not a total
    (
        "Turnout rose to 3.1 million voters, from 2.8 million in the first round.",
        [
            ("turnout", 3_100_000, "voters", "exact", None, None, "unknown"),
            ("turnout", 2_800_000, "voters", "exact", None, None, "unknown"),
        ],
    ),
    # the figure a turnout word states is a turnout whatever noun its total has; with
    # no noun of its own it takes its total's (guidelines)
    (
        "Turnout was 3,118,902, out of 5.6 million registered voters.",
        [
            ("turnout", 3_118_902, "voters", "exact", 5_600_000, None, "unknown"),
            ("other_count", 5_600_000, "voters", "exact", None, None, "unknown"),
        ],
    ),
    (
        "Turnout was 3.1 million voters, of an electorate of 5.6 million.",
        [
            ("turnout", 3_100_000, "voters", "exact", 5_600_000, None, "unknown"),
            ("other_count", 5_600_000, "voters", "exact", None, None, "unknown"),
        ],
    ),
    (
        "Voter turnout stood at about 2.4 million, out of 4.8 million eligible voters.",
        [
            ("turnout", 2_400_000, "voters", "approx", 4_800_000, None, "unknown"),
            ("other_count", 4_800_000, "voters", "exact", None, None, "unknown"),
        ],
    ),
    # "1 in 3 voters" is a share (33.33 percent) of the one they backed, never a
    # count of 3; "one in three ... cast a ballot" a turnout, "1 in 3 seats" seats
    (
        "An estimated 1 in 3 voters backed the Greens, according to exit polls.",
        [("votes", 33.33, "percent", "approx", None, "the Greens", "preliminary")],
    ),
    (
        "Two in three voters backed Erdogan in the runoff, Anadolu Agency reported.",
        [("votes", 66.67, "percent", "exact", None, "Erdogan", "unknown")],
    ),
    (
        "Some 41 percent of voters supported the ruling AKP, the exit poll showed.",
        [("votes", 41, "percent", "approx", None, "AKP", "preliminary")],
    ),
    (
        "Roughly one in four eligible voters cast a ballot, the commission said.",
        [("turnout", 25, "percent", "approx", None, "eligible voters", "unknown")],
    ),
    (
        "The Greens won 1 in 3 seats, the board said.",
        [("seats", 33.33, "percent", "exact", None, "Greens", "unknown")],
    ),
    # near miss: a place after "in" is no ratio
    (
        "Labour won 3 in London and 2 in Wales, the BBC said.",
        [],
    ),
    # voting "in favour" is a share of the votes, not a turnout
    (
        "One in four voters voted in favour of the reform.",
        [("votes", 25, "percent", "exact", None, None, "unknown")],
    ),
    # those of an electorate "casting ballots" or "taking part" voted: a turnout of
    # the electorate, which stays a count of its own
    (
        "Official results put the turnout at 66.4 percent, with 25.6 million of the "
        "38.6 million registered voters casting ballots.",
        [
            ("turnout", 66.4, "percent", "exact", None, None, "final"),
            ("turnout", 25_600_000, "voters", "exact", 38_600_000, None, "final"),
            ("other_count", 38_600_000, "voters", "exact", None, None, "final"),
        ],
    ),
    (
        "Turnout was 61.2 percent, with some 4.1 million of the 6.7 million eligible "
        "voters taking part, the electoral commission said.",
        [
            ("turnout", 61.2, "percent", "exact", None, None, "unknown"),
            ("turnout", 4_100_000, "voters", "approx", 6_700_000, None, "unknown"),
            ("other_count", 6_700_000, "voters", "exact", None, None, "unknown"),
        ],
    ),
    # near miss: a part of the electorate that is not said to vote
    (
        "About 25.6 million of the 38.6 million registered voters were women, the "
        "commission said.",
        [
            (
                "other_count",
                25_600_000,
                "voters",
                "approx",
                38_600_000,
                None,
                "unknown",
            ),
            ("other_count", 38_600_000, "voters", "exact", None, None, "unknown"),
        ],
    ),
    # "turnout among (the) N X": the N X are the electorate, a count of its own (unit
    # from its noun: "Turks" are people), not a turnout
    (
        "Turnout among the 1.7 million Turks abroad was 49.4 percent.",
        [
            ("other_count", 1_700_000, "people", "exact", None, "Turks", "unknown"),
            ("turnout", 49.4, "percent", "exact", None, "Turks abroad", "unknown"),
        ],
    ),
    (
        "Turnout among the 3.4 million voters registered abroad was 49.4 percent, "
        "Anadolu Agency reported.",
        [
            ("other_count", 3_400_000, "voters", "exact", None, "voters", "unknown"),
            ("turnout", 49.4, "percent", "exact", None, "voters", "unknown"),
        ],
    ),
    (
        "Turnout among some 2.8 million registered Pakistanis overseas stood at 12 "
        "percent, the ECP said.",
        [
            (
                "other_count",
                2_800_000,
                "voters",
                "approx",
                None,
                "Pakistanis",
                "unknown",
            ),
            ("turnout", 12, "percent", "exact", None, "Pakistanis", "unknown"),
        ],
    ),
    # near miss: the turnout word's own figure ("turnout of") is the turnout
    (
        "A turnout of 1.7 million Turks abroad was recorded, the YSK said.",
        [
            ("turnout", 1_700_000, "people", "exact", None, "Turks", "unknown"),
        ],
    ),
    # a turnout with no noun takes that of the total of the share set beside it
    # (guidelines, "Kind and unit together")
    (
        "Turnout was 2.1 million, or 61% of the 3.4 million registered voters.",
        [
            ("turnout", 2_100_000, "voters", "exact", None, None, "unknown"),
            ("turnout", 61, "percent", "exact", None, None, "unknown"),
            ("other_count", 3_400_000, "voters", "exact", None, None, "unknown"),
        ],
    ),
    (
        "Voter turnout stood at 14.2 million (65.3% of 21.7 million registered "
        "voters), the IEBC said.",
        [
            ("turnout", 14_200_000, "voters", "exact", None, None, "unknown"),
            ("turnout", 65.3, "percent", "exact", None, None, "unknown"),
            ("other_count", 21_700_000, "voters", "exact", None, None, "unknown"),
        ],
    ),
    (
        "Turnout was about 2.1 million, or 61 percent of the electorate of 3.4 "
        "million.",
        [
            ("turnout", 2_100_000, "voters", "approx", None, None, "unknown"),
            ("turnout", 61, "percent", "exact", None, None, "unknown"),
            ("other_count", 3_400_000, "voters", "exact", None, None, "unknown"),
        ],
    ),
    # near misses: no total beside the share; a party's votes with a share
    (
        "Turnout was 2.1 million, or 61%.",
        [("turnout", 61, "percent", "exact", None, None, "unknown")],
    ),
    (
        "The Greens won 2.1 million votes, or 41% of the 5.1 million ballots cast.",
        [
            ("votes", 2_100_000, "votes", "exact", None, "Greens", "unknown"),
            ("votes", 41, "percent", "exact", None, "Greens", "unknown"),
            ("turnout", 5_100_000, "votes", "exact", None, None, "unknown"),
        ],
    ),
    # a share of a group named before ("61 percent of them women") is a breakdown,
    # a narrative sub-count: no claim (guidelines); the group's count stays
    (
        "Some 2.1 million people, 61 percent of them women, were eligible to vote.",
        [("other_count", 2_100_000, "voters", "approx", None, None, "unknown")],
    ),
    (
        "About 5.6 million voters were registered, 12 percent of whom were "
        "first-time voters.",
        [("other_count", 5_600_000, "voters", "approx", None, None, "unknown")],
    ),
    (
        "The board registered 3.2 million voters, 8 percent of them living abroad.",
        [("other_count", 3_200_000, "voters", "exact", None, None, "unknown")],
    ),
    (
        "Turnout was 61 percent, 54 percent of them women.",
        [("turnout", 61, "percent", "exact", None, None, "unknown")],
    ),
    # "N percent of them voted" after an electorate is a turnout, not a share of
    # the vote; "voted for X" is X's share
    (
        "5.6 million people were registered, and 61 percent of them voted.",
        [
            ("other_count", 5_600_000, "voters", "exact", None, None, "unknown"),
            ("turnout", 61, "percent", "exact", None, None, "unknown"),
        ],
    ),
    (
        "Some 22.1 million voters were registered, 65 percent of whom turned out, "
        "the IEBC said.",
        [
            ("other_count", 22_100_000, "voters", "approx", None, None, "unknown"),
            ("turnout", 65, "percent", "exact", None, None, "unknown"),
        ],
    ),
    (
        "5.6 million people were registered, and 61 percent of them voted for Lula.",
        [
            ("other_count", 5_600_000, "voters", "exact", None, None, "unknown"),
            ("votes", 61, "percent", "exact", None, "Lula", "unknown"),
        ],
    ),
    (
        "The party won 3 million votes, and 40 percent of them came from the north.",
        [
            ("votes", 3_000_000, "votes", "exact", None, "party", "unknown"),
            ("votes", 40, "percent", "exact", None, "party", "unknown"),
        ],
    ),
    # a share of a vote total named before: "went to X" names its subject
    (
        "Of 4 million ballots cast, 55 percent of them went to Lula.",
        [
            ("turnout", 4_000_000, "votes", "exact", None, None, "unknown"),
            ("votes", 55, "percent", "exact", None, "Lula", "unknown"),
        ],
    ),
    (
        "Some 2.1 million votes were cast, 54 percent of which went to the Greens.",
        [
            ("turnout", 2_100_000, "votes", "approx", None, None, "unknown"),
            ("votes", 54, "percent", "exact", None, "Greens", "unknown"),
        ],
    ),
    (
        "Of the 120 million votes cast, 58 percent of them were for Prabowo, the KPU "
        "said.",
        [
            ("turnout", 120_000_000, "votes", "exact", None, None, "unknown"),
            ("votes", 58, "percent", "exact", None, "Prabowo", "unknown"),
        ],
    ),
    (
        "About 11 million ballots were cast, and 8 million of them went to the "
        "reformists.",
        [
            ("turnout", 11_000_000, "votes", "approx", None, None, "unknown"),
            ("votes", 8_000_000, "votes", "exact", 11_000_000, "reformists", "unknown"),
        ],
    ),
    # the electorate stated apart from the turnout stays a count of its own
    (
        "Turnout was high; 5.6 million voters were registered.",
        [("other_count", 5_600_000, "voters", "exact", None, None, "unknown")],
    ),
    # ballots cast or counted after a turnout share are a turnout in votes
    # (guidelines), not the votes of the turnout word before them
    (
        "Turnout was 72 percent, with 3.2 million ballots cast.",
        [
            ("turnout", 72, "percent", "exact", None, None, "unknown"),
            ("turnout", 3_200_000, "votes", "exact", None, "ballots", "unknown"),
        ],
    ),
    (
        "Turnout stood at 61.2 percent, with 8.4 million votes counted, the election "
        "commission said.",
        [
            ("turnout", 61.2, "percent", "exact", None, None, "unknown"),
            ("turnout", 8_400_000, "votes", "exact", None, "votes", "unknown"),
        ],
    ),
    (
        "Voter turnout was 58 percent in the runoff, with some 2.1 million ballots "
        "cast.",
        [
            ("turnout", 58, "percent", "exact", None, "runoff", "unknown"),
            ("turnout", 2_100_000, "votes", "approx", None, None, "unknown"),
        ],
    ),
    # near misses: votes cast for someone, or that a verb of winning gives, are
    # the winner's
    (
        "Turnout was 72 percent, with 3.2 million ballots cast for the ruling party.",
        [
            ("turnout", 72, "percent", "exact", None, None, "unknown"),
            ("votes", 3_200_000, "votes", "exact", None, "ruling party", "unknown"),
        ],
    ),
    (
        "Ruto won with 7.1 million votes cast in his favour.",
        [("votes", 7_100_000, "votes", "exact", None, "Ruto", "unknown")],
    ),
    (
        "Tinubu received 8.8 million votes cast in the election.",
        [("votes", 8_800_000, "votes", "exact", None, "Tinubu", "unknown")],
    ),
    (
        "Lula won 50.9 percent, with 60.3 million votes.",
        [
            ("votes", 50.9, "percent", "exact", None, "Lula", "unknown"),
            ("votes", 60_300_000, "votes", "exact", None, "Lula", "unknown"),
        ],
    ),
    # those standing are people, whatever registration cue follows (guidelines:
    # candidates and applicants give people)
    (
        "A total of 5,121 candidates registered to run, the commission said.",
        [("other_count", 5121, "people", "exact", None, "candidates", "unknown")],
    ),
    (
        "Some 3,000 candidates took part in the vote, the electoral board said.",
        [("other_count", 3000, "people", "approx", None, "candidates", "unknown")],
    ),
    (
        "More than 1,200 applicants registered with the election commission.",
        [("other_count", 1200, "people", "at_least", None, "applicants", "unknown")],
    ),
    # near misses: people and voters registered are the electorate
    (
        "Some 61 million people are registered to vote, the commission said.",
        [("other_count", 61_000_000, "voters", "approx", None, None, "unknown")],
    ),
    (
        "About 4.2 million women were registered as voters.",
        [("other_count", 4_200_000, "voters", "approx", None, None, "unknown")],
    ),
    # a possessor's total is a seat count of the possessor, not a chamber size
    (
        "Labour's total reached 412 seats, the BBC said.",
        [("seats", 412, "seats", "exact", None, "Labour", "unknown")],
    ),
    (
        "The count reached 412 seats.",
        [("seats_total", 412, "seats", "exact", None, None, "unknown")],
    ),
    # near miss: an official body's total is a count it gives, not its own
    (
        "The commission's total reached 14.2 million ballots.",
        [("turnout", 14_200_000, "votes", "exact", None, None, "unknown")],
    ),
    # a winner of "all of them" after a count of seats has them all
    (
        "In Tehran, where 30 seats were at stake, reformists won all of them.",
        [("seats", 30, "seats", "exact", 30, "reformists", "unknown")],
    ),
    (
        "Of the 30 seats at stake in Tehran, reformists won all of them.",
        [("seats", 30, "seats", "exact", 30, "reformists", "unknown")],
    ),
    (
        "Thirty seats were up for grabs in the capital, and the Islamic Coalition "
        "captured all of them, state TV said.",
        [("seats", 30, "seats", "exact", 30, "Islamic Coalition", "unknown")],
    ),
    (
        "In Tehran, 30 seats were contested and the reformists swept them all.",
        [("seats", 30, "seats", "exact", 30, "reformists", "unknown")],
    ),
    # near misses: most of them, a turnout in all of them, a count of its own
    (
        "In Tehran, where 30 seats were at stake, reformists won most of them.",
        [("seats_total", 30, "seats", "exact", None, None, "unknown")],
    ),
    (
        "Some 30 seats were at stake, and turnout was high in all of them.",
        [("seats_total", 30, "seats", "approx", None, None, "unknown")],
    ),
    (
        "Of the 30 seats at stake in Tehran, reformists won 28.",
        [("seats", 28, "seats", "exact", 30, "reformists", "unknown")],
    ),
]

NOT_CLAIMS = [
    # how members voted, and a vote margin, are no turnout
    "In the assembly, 12 voted against the bill and 200 voted for it.",
    "The motion passed after 213 voted in favour.",
    "He won by a 30,000 vote margin.",
    # members of a group opening the sentence, no list before them: not a win
    "Five senators of the ruling coalition lost their seats.",
    # opinion polls, next to the exit polls that are results
    "Opinion polls showed the Greens with 33 percent.",
    "Polls showed the Labour Party with 38 percent ahead of the vote.",
    "A survey by Ipsos showed the Greens with 38 percent.",
    # thresholds and requirements
    "The Greens won a two-thirds majority in the assembly.",
    "A candidate needs more than 50% of the vote to win outright.",
    "To govern alone, a party needs 76 seats in parliament.",
    # ... and where a threshold must be met
    "Kenya has 47 counties, and a winning candidate must also take at least a "
    "quarter of the votes in 24 of them.",
    "Under the constitution, a winner also needs at least 25% of the ballots in "
    "two-thirds of the states.",
    # counting progress
    "With 86% of polling stations reporting, the count continued.",
    "With 95 percent of the vote in, the count went on.",
    "After 99% of ballots had been counted, the board adjourned.",
    # the count's verb before the share: its progress, not a result
    "The board adjourned after counting 99.9 percent of ballots.",
    "Officials have counted 95 percent of ballots.",
    "After processing 90% of the votes, the commission paused the count.",
    # opinion polls
    "An opinion poll last week gave the Greens 38 per cent.",
    # previous elections
    "The party had won 303 seats in 2019, before the election in 2024.",
    # ages, dates, years, times
    "Jalen Okoro, 64, voted on May 15, 2024 at 9:30 a.m.",
    # units outside the schema
    "More than 90 parties and 36 districts took part.",
    # comparisons
    "The bloc took eight more seats than its rivals.",
    # margins: a difference between rivals, not a share or a count
    "Sheinbaum won by a margin of more than 30 percentage points.",
    "Lai led Hou by 7 percentage points.",
    "Tinubu had a lead of more than 1.8 million votes over Atiku, the commission said.",
    "Ruto beat Odinga by 233,211 votes.",
]


def _compact(claim):
    return (
        claim.kind,
        claim.value,
        claim.unit,
        claim.qualifier,
        claim.of_total,
        claim.subject,
        claim.status,
    )


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_claims_from_sentence(nlp, text, expected):
    claims = extract_text(text, nlp=nlp)
    got = [_compact(c) for c in claims]
    assert len(got) == len(expected), got
    for g, e in zip(got, expected, strict=True):
        kind, value, unit, qualifier, of_total, subject, status = e
        assert g[0] == kind, g
        assert g[1] == pytest.approx(value), g
        assert g[2] == unit, g
        assert g[3] == qualifier, g
        assert g[4] == of_total, g
        if subject is not None:
            assert g[5] is not None and subject.lower() in g[5].lower(), g
        assert g[6] == status, g


# Subjects compared whole, for the forms where a wrong subject holds the right one
# ("Harbour League claims victory", "the runoff against Kessler")
EXACT_SUBJECTS = [
    # in a list of counts, members of a group named after them are the figure's own
    (
        "With all results in, 83 reformists, 78 conservatives and 60 independents, "
        "along with five representatives of religious minorities, won seats.",
        [
            "reformists",
            "conservatives",
            "independents",
            "representatives of religious minorities",
        ],
    ),
    (
        "The BJP won 240 seats and the Congress 99, together with four "
        "representatives of smaller regional parties, the commission said.",
        ["The BJP", "the Congress", "representatives of smaller regional parties"],
    ),
    # a possessor's support is the possessor's share, as its share is
    (
        "The Greens' support slipped 2 points to 11 percent, the poll said.",
        ["The Greens"],
    ),
    (
        "The AfD's support rose 5.2 points to 20.8 percent, the Federal Returning "
        "Officer said.",
        ["The AfD"],
    ),
    ("The ANC's popular support fell to 40.2%, the IEC said.", ["The ANC"]),
    # near miss: support for a party names the party already
    ("Support for the AfD rose 5.2 points to 20.8 percent.", ["the AfD"]),
    # a bracketed aside is no name; a name labelling a bracketed figure is its
    (
        "Fidesz took 52.5% (2018: 49.3%) and 135 seats (2018: 133), the NVB said.",
        ["Fidesz", "Fidesz"],
    ),
    (
        "Fidesz won 135 seats (Tisza: 52, Mi Hazank: 6), the NVB said.",
        ["Fidesz", "Tisza", "Mi Hazank"],
    ),
    ("Harbour League claims victory with 52% of vote", ["Harbour League"]),
    # a round phrase opening the sentence is when, not part of the name after it
    ("In the first round Lula won 48.4%, ahead of Bolsonaro.", ["Lula"]),
    ("In the runoff Erdogan took 52.1 percent, the YSK said.", ["Erdogan"]),
    ("In round two Kast got 44% of the vote.", ["Kast"]),
    # a number inside a party name, a slash glued after it, is no figure
    ("The Alliance 90/The Greens won 12 seats", ["The Alliance 90/The Greens"]),
    (
        "Alliance 90/The Greens took 14.8 percent, the Federal Returning Officer said.",
        ["Alliance 90/The Greens"],
    ),
    # near misses: a name holding round words keeps them
    ("The Second Round Party won 5 seats.", ["The Second Round Party"]),
    ("In the first round, Lula won 48.4%.", ["Lula"]),
    ("Kessler trailed on 41.5 percent, the ministry said.", ["Kessler"]),
    (
        "Varga won 73.2% of the vote in the runoff against Kessler's 24.5%.",
        ["Varga", "Kessler"],
    ),
    ("Varga beat Kessler with 50.9 percent, the board said.", ["Varga"]),
    # a hyphenated compound keeps its participle; a goal after "for" is not it
    ("The Coastal-led alliance won 293 seats.", ["The Coastal-led alliance"]),
    (
        "The Coastal-led alliance was on course for a majority with 293 seats.",
        ["The Coastal-led alliance"],
    ),
    ("The Greens lost 20 seats and now hold 45.", ["The Greens"]),
    # the verb before an infinitive is not part of its subject
    (
        "Incumbent Tomas Vellin failed to win outright with 43.2 percent of the vote.",
        ["Incumbent Tomas Vellin"],
    ),
    ("The Liberal Democrats managed to win 12 seats.", ["The Liberal Democrats"]),
    # "had given X N", "gave X N" in a relative clause: X has the figure, not the
    # count that gave it
    (
        "The exit poll, which had given Prabowo about 58 per cent, proved accurate.",
        ["Prabowo"],
    ),
    (
        "The quick count, which gave Ana Varga 51.2 percent, matched the result.",
        ["Ana Varga"],
    ),
    (
        "Projections had given the Greens 41 seats before the count ended.",
        ["the Greens"],
    ),
    # a give-verb of another clause does not reach the figure
    (
        "The board, which had given no figures by noon, said the Greens won 41 seats.",
        ["the Greens"],
    ),
    # "a count had X on N": the name, not the count, has the figure
    ("Exit polls had Ana Varga on 51 percent.", ["Ana Varga"]),
    ("Labour had a landslide with 412 seats.", ["Labour"]),
    # a wire dateline's spaced dash ends a clause: the name after it is the subject
    (
        "PORT CALDER, Oct 30 (Vesta) - Ana Varga narrowly won the runoff on Sunday, "
        "taking 50.9% of the valid votes.",
        ["Ana Varga"],
    ),
    (
        "LUSENA, June 4 (MPA) - Marran's Civic Union (CU) won 240 seats.",
        ["Marran's Civic Union (CU)"],
    ),
    # "declared (title) X the winner of ... with N", however long the title
    (
        "The board on Monday declared Deputy Governor Ana Varga the winner of the "
        "Aug. 9 presidential election with 7.17m votes.",
        ["Deputy Governor Ana Varga"],
    ),
    # a hyphenated given name before "of the ... Party"; a day after the object
    (
        "Lin Mei-ho of the ruling Harbour League (HL) won the presidential "
        "election on Saturday with 5.59 million votes.",
        ["Lin Mei-ho of the ruling Harbour League (HL)"],
    ),
    (
        "The two other candidates, Tomas Vellin and Aura Kesk, shared less than "
        "1% between them.",
        ["Tomas Vellin and Aura Kesk"],
    ),
    # a referendum's verb is not part of a subject
    ("Voters rejected the proposal by 61.2 percent to 38.8 percent.", [None, None]),
    (
        "Election chief Ana Moreau declared Varga the winner with 50.49% of the vote.",
        ["Varga"],
    ),
    # a name written with an unspaced slash is one name
    ("The CDU/CSU won 28.6 percent.", ["The CDU/CSU"]),
    (
        "The SPD came second, ahead of the conservative CDU/CSU bloc with 24.1 "
        "percent.",
        ["the conservative CDU/CSU bloc"],
    ),
    (
        "The SPD won 25.7 percent and the CDU/CSU 24.1 percent.",
        ["The SPD", "the CDU/CSU"],
    ),
    ("The Greens/EFA group won 53 seats.", ["The Greens/EFA group"]),
    (
        "VALMORA, May 9 (MPA) - The Civic/Green list took 12 of the 60 seats.",
        ["The Civic/Green list"],
    ),
    # "X's share/tally (of the vote)": the possessor has the figure
    ("The ruling party's share fell to 36.6 percent.", ["The ruling party"]),
    ("Labour's vote share rose to 33.7 percent, the BBC said.", ["Labour"]),
    ("The Harbour League's share of the vote fell to 40.2%.", ["The Harbour League"]),
    (
        "The Conservatives' share dropped to 23.7 percent, the worst in the party's "
        "history.",
        ["The Conservatives"],
    ),
    # kept: a share that is no subject's, a possessor that is part of a name
    (
        "Sheinbaum won 59.8 percent, the largest share of the vote for any candidate.",
        ["Sheinbaum"],
    ),
    ("The share of the vote won by the ANC fell to 40.2 percent.", ["the ANC"]),
    ("The ANC's Cyril Ramaphosa won 40 percent.", ["The ANC's Cyril Ramaphosa"]),
    # a slash between lower-case words is not a name's
    (
        "The Social Democrats and/or the Greens won 40 percent.",
        ["The Social Democrats and/or the Greens"],
    ),
    # a day after "said on" is a time, not the start of the name after it
    ("The board said on Sunday Labour won 412 seats.", ["Labour"]),
    ("The election commission said on Monday Fidesz won 135 seats.", ["Fidesz"]),
    (
        "Officials said Tuesday the Social Democrats took 24.1 percent.",
        ["the Social Democrats"],
    ),
    ("The council said on Sunday night Kessler had 52.3 percent.", ["Kessler"]),
    (
        "Officials said on 3 March the Coastal Alliance won 61 seats.",
        ["the Coastal Alliance"],
    ),
    (
        "On Saturday Prime Minister Varga's Harbour League won 88 seats.",
        ["Prime Minister Varga's Harbour League"],
    ),
    # a compound adjective whose first word is also a verb or adverb stays whole
    (
        "PARIS, July 8 (Reuters) - The left-wing New Popular Front won 182 seats in "
        "the 577-seat National Assembly.",
        ["The left-wing New Popular Front"],
    ),
    (
        "The so-called Axis of Resistance won 12 seats.",
        ["The so-called Axis of Resistance"],
    ),
    (
        "The well-funded Harbour League took 41 percent.",
        ["The well-funded Harbour League"],
    ),
    # "flipped" is a win verb: the phrase before it is the subject, not part of it
    (
        "The Democrats flipped 3 seats and now hold 215 of the 435 seats in the House, "
        "according to AP projections.",
        ["The Democrats", "The Democrats"],
    ),
    ("Republicans flipped four seats in New York.", ["Republicans"]),
    # a day that is part of a name stays in it
    ("The Sunday Party won 3 seats.", ["The Sunday Party"]),
    (
        "Officials said on March 3 the Coastal Alliance won 61 seats.",
        ["the Coastal Alliance"],
    ),
    ("Theresa May's Conservatives won 318 seats.", ["Theresa May's Conservatives"]),
    # a determiner opens the subject: the listeners of "telling" are no part of it
    (
        "Erdogan addressed crowds, telling supporters his AK Party had won 52 percent.",
        ["his AK Party"],
    ),
    (
        "Modi thanked voters, telling reporters the BJP had won 240 seats.",
        ["the BJP"],
    ),
    (
        "Ruto told cheering supporters the Kenya Kwanza alliance had taken 159 seats.",
        ["the Kenya Kwanza alliance"],
    ),
    # ... unless a joiner goes on before it
    ("The Party of the Regions won 185 seats.", ["The Party of the Regions"]),
    (
        "The Greens and the Liberals won 40 seats between them.",
        ["The Greens and the Liberals"],
    ),
    # turnout: the election or the electorate (guidelines); the election the
    # turnout word names first, then the electorate it is a share of, then an
    # election named after the figure, then what the figure counts
    (
        "Turnout was 65.4 percent of the 22.1 million registered voters, the "
        "electoral commission said.",
        ["registered voters", "registered voters"],
    ),
    (
        "Turnout in the runoff was 79.4% of the 156.4 million Brazilians eligible "
        "to vote, the electoral court said.",
        ["the runoff", "Brazilians"],
    ),
    (
        "Turnout was 3,118,902, out of 5.6 million registered voters, the board said.",
        ["registered voters", "registered voters"],
    ),
    (
        "Of the 38.6 million registered voters, 25.6 million cast their ballots.",
        ["registered voters", "registered voters"],
    ),
    # "turnout among X": X is the electorate (guidelines), without its count
    (
        "Turnout among the 1.7 million Turks abroad was 49.4 percent.",
        ["Turks abroad", "Turks abroad"],
    ),
    ("Turnout among women was 61 percent, the commission said.", ["women"]),
    (
        "Turnout among young voters was just 38 percent, AFP reported.",
        ["young voters"],
    ),
    # a comparison clause names no election: "the lowest turnout in any ..."
    (
        "Only 40 percent of Iran's 61 million eligible voters cast their ballots in "
        "the first round -- the lowest turnout in any presidential election since "
        "the 1979 revolution.",
        ["eligible voters", "eligible voters"],
    ),
    ("Turnout at record 88.84%, state broadcaster TRT said.", [None]),
    (
        "Turnout across the seven phases of voting was 65.79 per cent, the "
        "commission said.",
        ["the seven phases of voting"],
    ),
    # an election named before the turnout word (headlines)
    ("Iran Puts Parliamentary Election Turnout At 41%", ["Parliamentary Election"]),
    ("Presidential runoff turnout put at 49.8%", ["Presidential runoff"]),
    # what the figure counts, when nothing else is named
    (
        "Nearly 642 million people voted, the chief election commissioner told "
        "reporters.",
        ["people voted"],
    ),
    # a group's own turnout: its verb's particle is no part of it
    (
        "Some 312 million women turned out to vote, the Election Commission said.",
        ["women"],
    ),
    ("One in three voters turned out, the electoral council said.", [None]),
    ("About 5,000 women elected took their seats.", ["women elected"]),
    (
        "About 16.2 million ballots were cast, a senior IEC official told Reuters.",
        ["ballots"],
    ),
    (
        "The Interior Ministry said earlier that over 19,000,000 ballots had so far "
        "been counted.",
        ["ballots"],
    ),
    # near misses that keep their subjects: a named election, a group, a region;
    # a bare "voters" names no electorate
    (
        "Turnout in the parliamentary elections was 42.5 percent, the interior "
        "ministry said.",
        ["the parliamentary elections"],
    ),
    (
        "Turnout in the referendum was 71 percent, the highest turnout in any vote "
        "since independence.",
        ["the referendum"],
    ),
    ("About 31 million women cast their ballots, the commission said.", ["women"]),
    (
        "Turnout in Tehran was 25 percent, the lowest turnout in any province.",
        ["Tehran"],
    ),
    ("Some 25 million voters took part, the ministry said.", [None]),
    ("Turnout was 44 percent, the commission said.", [None]),
    # ballots cast after a turnout share: their own subject, not "Turnout"
    ("Turnout was 72 percent, with 3.2 million ballots cast.", [None, "ballots"]),
    # the level a change reached is the subject's of the change verb, not a
    # phrase that takes the verb in ("The ANC fell")
    (
        "The ANC fell 17 percentage points to 40.2 percent, final results showed.",
        ["The ANC"],
    ),
    (
        "The Social Democrats dropped 4 points to 16.4 percent.",
        ["The Social Democrats"],
    ),
    ("Kessler's vote share rose by 3 points to 41 percent.", ["Kessler"]),
    ("Support for the AfD rose 5.2 points to 20.8 percent.", ["the AfD"]),
    (
        "The conservatives gained 20 seats to 145, while the Greens lost 12 seats "
        "to 44.",
        ["The conservatives", "the Greens"],
    ),
    ("Labour was up 12 seats to 202, the BBC said.", ["Labour"]),
    # a possessor's tally or total: the possessor has the figure
    (
        "Fidesz's seat tally rose to 135, the National Election Office said.",
        ["Fidesz"],
    ),
    ("Labour's total reached 412 seats.", ["Labour"]),
    ("The bloc's tally now stands at 87 seats, state television said.", ["The bloc"]),
    # near misses: no possessor's tally, no change verb
    ("The ruling party's share fell to 36.6 percent.", ["The ruling party"]),
    ("Kessler won 41 percent, up 3 points.", ["Kessler"]),
    # a number inside a name ends with the name's noun: part of the subject
    ("The May 18 Movement won 3 seats.", ["The May 18 Movement"]),
    ("The 5 Star Movement won 32.7 percent of the vote.", ["The 5 Star Movement"]),
    (
        "Three seats went to the May 18 Movement, the commission said.",
        ["the May 18 Movement"],
    ),
    # a clock time before a name is no part of it
    ("By 9 PM Fidesz had 135 seats, the election office said.", ["Fidesz"]),
    ("By 9 p.m. Fidesz had 135 seats.", ["Fidesz"]),
    (
        "By 2100 GMT the BJP had won 240 seats, the Election Commission said.",
        ["the BJP"],
    ),
    ("At 10 pm local time the ANC had 40.2 percent.", ["the ANC"]),
    # near misses: a title with no clock numeral before it
    ("PM Modi's BJP won 240 seats.", ["PM Modi's BJP"]),
    # a change verb ends the phrase before a participle's comma
    (
        "The ruling coalition fell short of a majority, winning 146 of the 300 "
        "seats, officials said.",
        ["The ruling coalition"],
    ),
    (
        "The ANC fell short of a majority, taking 40.2 percent of the vote.",
        ["The ANC"],
    ),
    ("The ruling party rose to first place, winning 87 seats.", ["The ruling party"]),
    # near misses: a noun phrase with no change verb in it
    (
        "The Rise of Macedonia party won 12 seats, the commission said.",
        ["The Rise of Macedonia party"],
    ),
    # near misses: a date before a name is no part of it
    ("On May 18 Labour won 3 seats.", ["Labour"]),
    ("On March 3 the Greens won 12 seats.", ["the Greens"]),
    # coming out of the vote "with" a result: the phrase before the verb
    ("The Greens left with 16 seats.", ["The Greens"]),
    ("The Greens came away with 16 seats.", ["The Greens"]),
    ("The Liberals emerged with 48 seats, the commission said.", ["The Liberals"]),
    # a relative clause set off by dashes or brackets stands for the phrase
    # before it, as one set off by commas does
    ("Labour - which won 412 seats - formed a government.", ["Labour"]),
    ("Labour — which won 412 seats — formed a government.", ["Labour"]),
    ("Labour (which won 412 seats) formed a government.", ["Labour"]),
    (
        "Pro-Kremlin United Russia - which won 324 seats - kept its majority.",
        ["Pro-Kremlin United Russia"],
    ),
    # a speech participle opens the reported clause: its subject starts after it
    ("Sharif claimed victory, saying his party had won 75 seats.", ["his party"]),
    (
        "Odinga rejected the result, insisting the Orange Democratic Movement had won "
        "54 percent, the Nation reported.",
        ["the Orange Democratic Movement"],
    ),
    (
        "The PTI chief, claiming his candidates had won 170 seats, called for "
        "protests.",
        ["his candidates"],
    ),
    # near miss: "saying that" already closed the phrase
    (
        "Sharif claimed victory, saying that his party had won 75 seats.",
        ["his party"],
    ),
    # near misses: the object of "left", commas
    ("The vote left the Greens with 16 seats.", ["the Greens"]),
    ("Labour, which won 412 seats, formed a government.", ["Labour"]),
]


@pytest.mark.parametrize(("text", "subjects"), EXACT_SUBJECTS)
def test_subject_is_exactly(nlp, text, subjects):
    assert [c.subject for c in extract_text(text, nlp=nlp)] == subjects


# A turnout whose sentence names no election or electorate is the turnout of the
# article's election (its body, patterns/turnout.json); what the sentence names wins
ARTICLE_TURNOUT_SUBJECTS = [
    (
        "BAGHDAD, Oct 17 (Reuters) - Iraq's electoral commission confirmed the final "
        "results of the parliamentary election on Sunday. Turnout was 44 percent, "
        "the commission said.",
        ["general election"],
    ),
    (
        "NAIROBI, Aug 15 (Reuters) - William Ruto won Kenya's presidential election, "
        "the electoral commission said on Monday. Voter turnout was 64.76 percent, "
        "according to the commission's final tally.",
        ["presidential election"],
    ),
    (
        "PARIS, March 15 (AFP) - Voters went to the polls on Sunday in municipal "
        "elections across France. Turnout was 38.7 percent, the interior ministry "
        "said.",
        ["local elections"],
    ),
    (
        "TEHRAN, July 6 (AP) - Iran's presidential election went to a runoff. Some "
        "30 million people took part, the interior ministry said.",
        ["presidential election"],
    ),
    # a bare "voters" whose verb reads on ("turned out") names no electorate
    (
        "ISLAMABAD, Feb 9 (Reuters) - Pakistan's parliamentary election produced "
        "no clear winner. About three in five voters turned out, the election "
        "commission said.",
        ["general election"],
    ),
    (
        "MEXICO CITY, June 3 (AP) - Claudia Sheinbaum won Mexico's presidential "
        "election. Some 58.9 million voters turned out, the INE said.",
        ["presidential election"],
    ),
    # named in the sentence: kept
    (
        "ANKARA, May 28 (Anadolu) - Turks voted on Sunday in the presidential "
        "runoff. Turnout in the runoff was 84.2 percent, the YSK said.",
        ["the runoff"],
    ),
    (
        "NEW DELHI, June 4 (PTI) - Counting of votes in the Lok Sabha polls began on "
        "Tuesday. About 312 million women cast their ballots, the Election "
        "Commission said.",
        ["women"],
    ),
    # no election detected for the article: none named
    ("Turnout was 44 percent, the commission said. Counting went on.", [None]),
]


@pytest.mark.parametrize(("text", "subjects"), ARTICLE_TURNOUT_SUBJECTS)
def test_turnout_of_the_articles_election(nlp, text, subjects):
    assert [c.subject for c in extract_text(text, nlp=nlp)] == subjects


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(nlp, text):
    assert extract_text(text, nlp=nlp) == []


def test_claim_points_back_to_its_words(nlp):
    text = "Reports said the Greens won 41 of the 95 seats.\n\nTurnout was 58%."
    for claim in extract_text(text, nlp=nlp):
        assert claim.sentence in text
        assert text[claim.start : claim.end].strip()
        assert str(int(claim.value)) in text[claim.start : claim.end]


def test_round_is_read_and_carried(nlp):
    text = (
        "The second round was held on Sunday.\n"
        "The Greens won 33 of the 68 seats contested, the agency said."
    )
    claims = extract_text(text, nlp=nlp)
    assert [(c.value, c.round) for c in claims] == [(33, 2)]


# The round of each claim of a sentence, in text order: (value, round)
ROUNDS = [
    # a round the figures are measured against names none of theirs
    (
        "Erdogan took 49.5% (2018: 52.6%), short of the majority needed to avoid "
        "a runoff.",
        [(49.5, None)],
    ),
    ("Tinubu won 36.6 percent, enough to avert a runoff, INEC said.", [(36.6, None)]),
    (
        "Macron won 27.8% in the first round, forcing a runoff against Le Pen.",
        [(27.8, 1)],
    ),
    (
        "In the first round on Oct. 2, Lula had taken 48.4% and Bolsonaro 43.2%, "
        "forcing the runoff between the two.",
        [(48.4, 1), (43.2, 1)],
    ),
    (
        "Kenyatta won 50.07 percent, enough to avoid the runoff, the IEBC said.",
        [(50.07, None)],
    ),
    # the round named right after a figure is nearer it than one before the words
    # between
    (
        "Opposition leader Kilicdaroglu, who had 44.9 percent in the first round, "
        "won 47.8 percent in the runoff.",
        [(44.9, 1), (47.8, 2)],
    ),
    (
        "Lula, who won 48.4% in the first round, took 50.9% in the runoff.",
        [(48.4, 1), (50.9, 2)],
    ),
    (
        "Le Pen won 41.5% in the second round, after 23.2% in the first round.",
        [(41.5, 2), (23.2, 1)],
    ),
    # each figure takes the round of its own clause, not one as near across "and"
    (
        "Macron won 58.5% of the vote in the runoff and 27.8% in the first round.",
        [(58.5, 2), (27.8, 1)],
    ),
    (
        "Erdogan took 52.2 percent in the runoff and 49.5 percent in the first "
        "round, the YSK said.",
        [(52.2, 2), (49.5, 1)],
    ),
    (
        "Kast had 44.1% in the second round but 27.9% in the first round.",
        [(44.1, 2), (27.9, 1)],
    ),
    (
        "Lula won 48.4% in the first round and 50.9% in the runoff.",
        [(48.4, 1), (50.9, 2)],
    ),
    # near misses: a round named as the figure's
    (
        "In the runoff, Macron won 58.5% and Le Pen 41.5%.",
        [(58.5, 2), (41.5, 2)],
    ),
    ("Erdogan won 52.1 percent in the runoff, the YSK said.", [(52.1, 2)]),
    ("In the second round, Lula took 50.9 percent.", [(50.9, 2)]),
]


@pytest.mark.parametrize(("text", "rounds"), ROUNDS, ids=[r[0][:50] for r in ROUNDS])
def test_round_of_each_claim(nlp, text, rounds):
    assert [(c.value, c.round) for c in extract_text(text, nlp=nlp)] == rounds


# A status cue carried through an article (guidelines, Status): each row is an
# article and the (kind, value, status) of its claims in text order
STATUS_CARRIES = [
    # a headline and subhead take the final results of the lede that repeats
    # their figure, two sentences on
    (
        "Greens win 41 seats, need partners as Labour secures 52\n\n"
        "Farmers' Bloc takes 12 in surprise showing\n\n"
        "PORT CALDER, June 9 (PTI) - The Greens won 41 of the 95 seats, final "
        "results published by the electoral board showed on Monday.",
        [
            ("seats", 41, "final"),
            ("seats", 52, "final"),
            ("seats", 12, "final"),
            ("seats", 41, "final"),
        ],
    ),
    (
        "Varga wins presidential vote with 50.49%, electoral commission says\n\n"
        "LUSENA, Aug 15 (Reuters) - Ana Varga narrowly won the presidential "
        "election, the head of the commission said on Monday.\n\n"
        "Varga won 7,176,141 votes, or 50.49%, the chairman said as he announced "
        "the final results.",
        [
            ("votes", 50.49, "final"),
            ("votes", 7176141, "final"),
            ("votes", 50.49, "final"),
        ],
    ),
    (
        "Electoral body declares Varga president-elect with 7.17m votes\n\n"
        "LUSENA (AA) - The electoral commission on Monday declared Ana Varga the "
        "winner with 7.17m votes, or 50.49 percent of the total.\n\n"
        "Rival Tomas Kessler received 6.94m votes, the commission said in its "
        "final tally.",
        [
            ("votes", 7170000, "final"),
            ("votes", 7170000, "final"),
            ("votes", 50.49, "final"),
            ("votes", 6940000, "final"),
        ],
    ),
    # a lede whose rounded figures the update two sentences on gives anew is not
    # that update
    (
        "Ana Varga won, taking 62 percent of the vote (17.8 million of 28.6 "
        "million ballots). Turnout fell to a record low of about 48.8%.\n\n"
        "The minister said Varga had been elected with 17.9 million votes after all "
        "28.9 million ballots were counted.",
        [
            ("votes", 62, "unknown"),
            ("votes", 17800000, "unknown"),
            ("turnout", 28600000, "unknown"),
            ("turnout", 48.8, "unknown"),
            ("votes", 17900000, "final"),
            ("turnout", 28900000, "final"),
        ],
    ),
    # a return to the runoff after its first round takes up the runoff's status
    (
        "Varga won the runoff on Sunday with 50.9% of the valid votes, with 99.9% "
        "of voting machines counted, the electoral court said.\n\n"
        "In the first round on Oct. 2, Varga had taken 48.4%.\n\n"
        "Turnout in the runoff was 79.4%, the court said.",
        [
            ("votes", 50.9, "partial"),
            ("votes", 48.4, "unknown"),
            ("turnout", 79.4, "partial"),
        ],
    ),
    # ... and a change of round with no return still ends it
    (
        "Varga won the runoff on Sunday with 50.9% of the valid votes, with 99.9% "
        "of voting machines counted, the electoral court said.\n\n"
        "In the first round on Oct. 2, Varga had taken 48.4% and Kessler 43.2%.",
        [
            ("votes", 50.9, "partial"),
            ("votes", 48.4, "unknown"),
            ("votes", 43.2, "unknown"),
        ],
    ),
    # the state of the seat count is not that of the turnout
    (
        "By late evening, results had been declared for more than 500 of the 543 "
        "seats, and the BJP had won or was leading in 240 so far.\n\n"
        "Turnout was 65.79 per cent, the commission said. Kumar said 312 million "
        "women had cast their ballots.",
        [
            ("seats_total", 500, "partial"),
            ("seats", 240, "partial"),
            ("turnout", 65.79, "unknown"),
            ("turnout", 312000000, "unknown"),
        ],
    ),
    (
        "The Greens won four seats and independents six, the final tally showed."
        "\n\nTurnout was just under 60 per cent, according to an analysis by the "
        "PA news agency.",
        [("seats", 4, "final"), ("seats", 6, "final"), ("turnout", 60, "unknown")],
    ),
    # ... but a seat count's status still reaches seats, and a vote count's the
    # turnout
    (
        "The Greens had won or were leading in 40 seats so far, the board said."
        "\n\nLabour had 30.",
        [("seats", 40, "partial"), ("seats", 30, "partial")],
    ),
    (
        "Varga won 50.49% of the vote, the chairman said as he announced the final "
        "results.\n\nTurnout was 65.4 percent, the chairman said.",
        [("votes", 50.49, "final"), ("turnout", 65.4, "final")],
    ),
    (
        "With 97% of precincts reporting, the Greens had 40.2% of the vote and 41 "
        "seats.\n\nTurnout was 61 percent.",
        [
            ("votes", 40.2, "partial"),
            ("seats", 41, "partial"),
            ("turnout", 61, "partial"),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), STATUS_CARRIES, ids=[c[0][:50] for c in STATUS_CARRIES]
)
def test_status_carried_through_the_article(nlp, text, expected):
    got = [(c.kind, c.value, c.status) for c in extract_text(text, nlp=nlp)]
    assert got == [(k, pytest.approx(v), st) for k, v, st in expected]


def test_subject_id_from_alias_data(nlp):
    text = (
        "Iran's Fars news agency said the pro-Rouhani List of Hope won 33 of 68 seats."
    )
    (claim,) = extract_text(text, nlp=nlp)
    assert claim.subject_id == "reformists"
    assert [s.id for s in claim.sources] == ["fars"]


def test_key_word_prefilter_agrees_with_phrase_lists():
    """`has_phrase`/`find_phrase` only skip ranges that hold no listed phrase."""
    from extract.lexicon import claim_lexicon, status_lexicon
    from extract.phrases import find_phrase, has_phrase

    words = (
        "with 86 % of precincts reporting , the reformists needed 50 % plus one "
        "to win outright ; in the last parliament they had 30 seats , and final "
        "results are expected later if confirmed , officials said so far"
    ).split()
    lists = {**claim_lexicon(), **status_lexicon()}
    for phrases in lists.values():
        for start in range(len(words)):
            for end in range(start, len(words) + 1, 3):
                assert find_phrase(phrases, words, start, end) == phrases.find(
                    words, start, end
                )
                assert has_phrase(phrases, words, start, end) == phrases.contains(
                    words, start, end
                )


def test_status_cue_tables_agree_with_phrase_lists():
    from extract.lexicon import status_lexicon
    from extract.status import ROUND_KEYS, cue_positions, explicit_round

    lex = status_lexicon()
    words = (
        "preliminary results from the first round so far show , with the final "
        "count in the runoff expected , early results in from second-round polls "
        "and results for 12 of 20 districts consistent with the final count"
    ).split()

    def cues_one_list_at_a_time(s, e):
        out, t = [], s
        while t < e:
            best, which = 0, None
            for name in ("partial", "preliminary", "final"):
                n = lex[name].match_at(words, t, e)
                if n > best:
                    best, which = n, name
            if which and lex["before_a_number"].match_at(words, t, e) == best:
                # ("results from the first round": only before a number)
                if t + best >= e or not words[t + best][:1].isdigit():
                    which = None
            k = t - 1 if t - 1 >= s and words[t - 1] == "the" else t
            if which and lex["compared_before"].match_ending(words, k, s):
                which = None  # ("consistent with the final count": compared with)
            if which:
                out.append((t, which))
                t += best
            else:
                t += 1
        return out

    def round_one_list_at_a_time(s, e, i):
        best = None
        for t in range(s, e):
            for key in ROUND_KEYS:
                if lex[key].match_at(words, t, e):
                    if best is None or abs(t - i) < best[0]:
                        best = (abs(t - i), int(key[-1]))
        return best[1] if best else None

    for s in range(len(words)):
        for e in range(s, len(words) + 1):
            assert cue_positions(words, s, e) == cues_one_list_at_a_time(s, e)
            for i in (s, e - 1):
                assert explicit_round(words, s, e, i) == round_one_list_at_a_time(
                    s, e, i
                )
