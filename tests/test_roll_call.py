"""The roll call as the clerk enters it: grouped by party and pre-filled from the yrkanden."""

import re

from decisions import law, selectors, services
from decisions.editor.debate_forms import Choice
from decisions.editor.roll_call import NO_PARTY, party_groups, prefilled_answers
from decisions.models import Yrkande
from organisation.models import Body

from .test_editor_debate import (  # noqa: F401 (ks is a fixture)
    BASE,
    BIFALL,
    clerk,
    enter_ks_59,
    ks,
    person,
)


def checked(html: str, person_id: int) -> str | None:
    """The answer pre-checked for ``person_id`` in the page's first roll call, if any."""
    for tag in re.findall(rf'<input[^>]*name="ballot-{person_id}"[^>]*>', html):
        if " checked" in tag:
            return re.search(r'value="([^"]+)"', tag).group(1)
    return None


def test_movers_and_their_party_groups_are_pre_filled(client, ks):  # noqa: F811
    enter_ks_59(ks)  # Krutzén (M) moves the ja; Hovenberg (MP) and Bäckman (S) the nej
    client.force_login(clerk("KS"))
    html = client.get(BASE).content.decode()
    assert checked(html, person("Annika Krutzén").pk) == law.YES
    assert checked(html, person("Sara Nyberg").pk) == law.YES  # M, like Krutzén
    assert checked(html, person("Rebecka Hovenberg").pk) == law.NO
    assert checked(html, person("Mikael Strandberg").pk) == law.NO  # S, like Bäckman
    assert checked(html, person("Johan Alström").pk) is None  # C moved nothing
    assert html.count('data-group-vote="ja"') >= 8  # one per party group


def test_a_party_on_both_sides_is_left_to_the_clerk(ks):  # noqa: F811
    s_yes = services.save_yrkande(
        paragraph=ks,
        kind=BIFALL,
        target=Yrkande.Target.MOTION,
        movers=[person("Ann-Charlott Bäckman")],
    )
    s_and_m_no = services.save_yrkande(
        paragraph=ks,
        kind=BIFALL,
        target=Yrkande.Target.PROPOSAL,
        target_body=Body.objects.get(code="SON"),
        movers=[person("Mikael Strandberg"), person("Annika Krutzén")],
    )
    names = ["Ann-Charlott Bäckman", "Mikael Strandberg", "Annika Krutzén", "Sara Nyberg"]
    people = [Choice(person(n).pk, n) for n in names]
    parties = selectors.parties_in(ks.body_id, ks.meeting.date)
    answers = prefilled_answers(s_yes, s_and_m_no, people, parties)
    assert answers == {
        f"ballot-{person('Ann-Charlott Bäckman').pk}": law.YES,
        f"ballot-{person('Mikael Strandberg').pk}": law.NO,
        f"ballot-{person('Annika Krutzén').pk}": law.NO,
        f"ballot-{person('Sara Nyberg').pk}": law.NO,  # M moved only the nej
    }


def test_groups_keep_the_roll_order_and_name_the_partyless():
    people = [Choice(1, "A"), Choice(2, "B"), Choice(3, "C")]
    groups = party_groups(people, ["f1", "f2", "f3"], {1: "S", 3: "S"})
    assert [(g.party, [r.name for r in g.rows]) for g in groups] == [
        ("S", ["A", "C"]),
        (NO_PARTY, ["B"]),
    ]
