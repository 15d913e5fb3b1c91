"""The person and party pages: what a politician and a party did, and nothing secret."""

import datetime
from html import unescape

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from decisions.models import (
    Ballot,
    Paragraph,
    Proposition,
    Reservation,
    Vote,
    Yrkande,
    YrkandeMember,
)
from motions.models import Case, Motionar
from organisation.models import Body, Membership, Party, Person
from organisation.selectors import members_by_body
from portal.templatetags.people import party_url, person_url

from .factories import (
    BodyFactory,
    CaseFactory,
    MeetingFactory,
    MembershipFactory,
    MotionFactory,
    ParagraphFactory,
    PartyFactory,
    YrkandeFactory,
)
from .text import visible_text


def text_of(response) -> str:
    return unescape(response.content.decode())


def person(full_name: str) -> Person:
    first, last = full_name.split(" ", 1)
    return Person.objects.get(first_name=first, last_name=last)


def page_of(client, full_name: str) -> str:
    response = client.get(person_url(person(full_name)))
    assert response.status_code == 200
    return text_of(response)


def test_person_page_shows_her_yrkande_and_reservation_with_the_seeds_words(client, demo):
    body = page_of(client, "Rebecka Hovenberg")
    assert "<h1>Rebecka Hovenberg</h1>" in body
    assert 'href="/organ/ks/2022/59/">Kommunstyrelsen 2022-03-08 § 59</a>' in body
    assert "Rebecka Hovenberg (MP) och Ann-Charlott Bäckman (S) yrkar bifall till motionen." in body
    assert (
        "Rebecka Hovenberg (MP) reserverar sig mot beslutet till förmån för eget yrkande om "
        "bifall till motionen." in body
    )
    assert "Avslaget" in body
    # Her seat, with a link to the body and to her party.
    assert 'href="/organ/ks/">Kommunstyrelsen</a>' in body
    assert 'href="/partier/mp/">Miljöpartiet (MP)</a>' in body
    assert "2019-01-01" in body and "2022-12-31" in body


def test_person_page_shows_aliases_and_signed_motions(client, demo):
    body = page_of(client, "Ann-Charlott Bäckman")
    assert "Även: Lotta Bäckman" in body
    assert 'href="/arenden/ks-2020-493/">KS 2020-493</a>' in body
    assert "Motion om områdesbaserat socialt arbete i hela kommunen" in body
    assert "Väntar på beslut i kommunfullmäktige" in body


def test_the_address_carries_the_name_as_slug(demo):
    backman = person("Ann-Charlott Bäckman")
    assert person_url(backman) == f"/personer/{backman.pk}-ann-charlott-backman/"
    assert party_url(Party.objects.get(abbreviation="MP")) == "/partier/mp/"


@pytest.mark.parametrize("slug", ["lotta-backman", "Ann-Charlott-Backman", "x"])
def test_a_wrong_slug_redirects_permanently_to_the_canonical_address(client, demo, slug):
    backman = person("Ann-Charlott Bäckman")
    response = client.get(f"/personer/{backman.pk}-{slug}/")
    assert response.status_code == 301
    assert response["Location"] == f"/personer/{backman.pk}-ann-charlott-backman/"


@pytest.mark.parametrize("url", ["/personer/999999-okand/", "/partier/xx/"])
def test_unknown_person_or_party_is_a_swedish_404(client, demo, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Sidan finns inte" in text_of(response)


def test_votes_show_the_question_and_the_answer(client, demo):
    # A later, not yet justerad KS paragraph: a justerad one cannot get a vote afterwards.
    ks, son = Body.objects.get(code="KS"), Body.objects.get(code="SON")
    paragraph = ParagraphFactory(
        meeting=MeetingFactory(body=ks, date=datetime.date(2022, 4, 5), status="genomfort")
    )
    hovenberg = person("Rebecka Hovenberg")
    own = YrkandeFactory(paragraph=paragraph, position=1, target="motion")
    krutzen = YrkandeFactory(paragraph=paragraph, position=2, target="forslag", target_body=son)
    for yrkande, name, position in (
        (own, "Rebecka Hovenberg", 1),
        (own, "Ann-Charlott Bäckman", 2),
        (krutzen, "Annika Krutzén", 1),
    ):
        YrkandeMember.objects.create(yrkande=yrkande, person=person(name), position=position)
    proposition = Proposition.objects.create(paragraph=paragraph, position=1, finding=krutzen)
    vote = Vote.objects.create(
        proposition=proposition, yes_for=krutzen, no_for=own, yes_count=7, no_count=3
    )
    Ballot.objects.create(vote=vote, person=hovenberg, answer=Ballot.Answer.NO)
    body = page_of(client, "Rebecka Hovenberg")
    assert (
        "Ja-röst för Annika Krutzéns (M) yrkande om bifall till social- och omsorgsnämndens "
        "förslag till beslut, nej-röst för Rebecka Hovenbergs (MP) med fleras yrkande om "
        "bifall till motionen." in body
    )
    assert "<td>Nej</td>" in body


class TestPartyPage:
    def test_mp_lists_its_motion_members_and_reservations(self, client, demo):
        response = client.get("/partier/mp/")
        assert response.status_code == 200
        body = text_of(response)
        assert "<h1>Miljöpartiet (MP)</h1>" in body
        assert 'href="/arenden/ks-2019-295/">KS 2019-295</a>' in body
        assert "Maria Moraes (MP)" in visible_text(response)
        moraes = person("Maria Moraes")
        assert f'href="{person_url(moraes)}">Maria Moraes</a>' in body
        assert "Rebecka Hovenberg (MP) reserverar sig mot beslutet" in body
        # S's motion is not MP's.
        assert "KS 2020-493" not in body

    def test_the_abbreviation_in_capitals_redirects_to_the_canonical_address(self, client, demo):
        response = client.get("/partier/MP/")
        assert response.status_code == 301
        assert response["Location"] == "/partier/mp/"

    def test_members_serving_on_the_day_or_else_the_latest(self, demo):
        mp = Party.objects.get(abbreviation="MP")
        # The seeds' terms only; the present-day demo's begin 2022-10-15.
        memberships = list(
            Membership.objects.filter(
                party=mp, starts_on__lt=datetime.date(2022, 10, 15)
            ).select_related("person", "body")
        )

        during = {g.body.code: g for g in members_by_body(memberships, datetime.date(2021, 6, 1))}
        assert during["KF"].current
        assert [m.person.full_name for m in during["KF"].memberships] == ["Maria Moraes"]

        after = {g.body.code: g for g in members_by_body(memberships, datetime.date(2030, 1, 1))}
        assert not after["KF"].current
        names = {m.person.full_name for m in after["KF"].memberships}
        assert names == {"Maria Moraes", "Birgitta Rydhagen"}
        assert [g.body.code for g in after.values()] == ["KF", "KS", "SON"]


class TestSecrecy:
    SECRET_TITLE = "Områdesbaserat socialt arbete i hela kommunen, svar på motion (S)"

    @pytest.fixture
    def secret(self, demo):
        paragraph = Paragraph.objects.get(body__code="KS", year=2022, number=60)
        paragraph.is_secret = True
        paragraph.save()
        return paragraph

    @pytest.mark.parametrize(
        "url", ["Rebecka Hovenberg", "Ann-Charlott Bäckman", "/partier/mp/", "/partier/s/"]
    )
    def test_public_pages_leave_the_secret_paragraph_out(self, client, secret, url):
        if not url.startswith("/"):
            url = person_url(person(url))
        body = text_of(client.get(url))
        assert self.SECRET_TITLE not in body
        assert "/organ/ks/2022/60/" not in body
        assert "§ 60" not in body
        # What is not secret stays.
        assert "/organ/ks/2022/59/" in body

    def test_a_secret_case_takes_its_motion_and_paragraphs_off_the_pages(self, client, demo):
        Case.objects.filter(dnr="KS 2020-493").update(is_secret=True)
        for url in (person_url(person("Ann-Charlott Bäckman")), "/partier/s/"):
            body = text_of(client.get(url))
            assert "KS 2020-493" not in body
            assert "områdesbaserat socialt arbete i hela kommunen" not in body.lower()
            assert "/organ/ks/2022/60/" not in body

    def test_staff_see_the_secret_paragraph_marked(self, client, secret):
        client.force_login(User.objects.create_user("sekr", is_staff=True))
        body = page_of(client, "Rebecka Hovenberg")
        assert self.SECRET_TITLE in body
        assert "Sekretess</span>" in body


# --- Query counts ---------------------------------------------------------------------------


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.fixture
def politician(db):
    ks = BodyFactory(code="KS", slug="ks", kind=Body.Kind.EXECUTIVE_BOARD, name="Kommunstyrelsen")
    kf = BodyFactory(code="KF", slug="kf", kind=Body.Kind.COUNCIL, name="Kommunfullmäktige")
    party = PartyFactory(abbreviation="MP", name="Miljöpartiet")
    member = MembershipFactory(body=ks, party=party, starts_on=datetime.date(2000, 1, 1))
    MembershipFactory(body=kf, party=party, person=member.person)
    return member.person, party, ks


def grow(who: Person, party: Party, ks: Body, count: int, start: int) -> None:
    """``count`` more paragraphs where ``who`` moves, reserves and votes, and signs a motion."""
    other_party = PartyFactory(abbreviation="M", name="Moderaterna")
    for i in range(start, start + count):
        day = datetime.date(2000, 1, 1) + datetime.timedelta(days=i)
        paragraph = ParagraphFactory(
            meeting=MeetingFactory(body=ks, date=day, status="genomfort"),
            number=i + 1,
            case=CaseFactory(),
        )
        opponent = MembershipFactory(body=ks, party=other_party).person
        own = YrkandeFactory(paragraph=paragraph, position=1, outcome=Yrkande.Outcome.DEFEATED)
        YrkandeMember.objects.create(yrkande=own, person=who, position=1)
        YrkandeMember.objects.create(
            yrkande=own,
            person=MembershipFactory(body=ks, party=party).person,
            role=YrkandeMember.Role.SUPPORTER,
            position=2,
        )
        against = YrkandeFactory(
            paragraph=paragraph,
            position=2,
            kind=Yrkande.Kind.REJECTION,
            target=Yrkande.Target.YRKANDE,
            target_yrkande=own,
            outcome=Yrkande.Outcome.CARRIED,
        )
        YrkandeMember.objects.create(yrkande=against, person=opponent, position=1)
        Reservation.objects.create(paragraph=paragraph, person=who, position=1, in_favour_of=own)
        proposition = Proposition.objects.create(paragraph=paragraph, position=1, finding=against)
        vote = Vote.objects.create(
            proposition=proposition, yes_for=against, no_for=own, yes_count=1, no_count=1
        )
        Ballot.objects.create(vote=vote, person=who, answer=Ballot.Answer.NO)
        Ballot.objects.create(vote=vote, person=opponent, answer=Ballot.Answer.YES)
        motion = MotionFactory(case=CaseFactory(kind=Case.Kind.MOTION, year=2001, serial=i + 1))
        Motionar.objects.create(motion=motion, person=who, party=party, position=1)


def test_person_and_party_pages_run_the_same_queries_for_few_and_many_rows(client, politician):
    who, party, ks = politician
    urls = (person_url(who), party_url(party))
    grow(who, party, ks, 3, start=0)
    few = [queries(client, url) for url in urls]
    grow(who, party, ks, 30, start=3)
    many = [queries(client, url) for url in urls]
    assert few == many

    body = text_of(client.get(urls[0]))
    assert body.count("reserverar sig mot beslutet") == 33
    assert "yrkande om avslag på" in body  # the opponent's yrkande, named through ours


@pytest.mark.parametrize(("url", "limit"), [("person", 15), ("/partier/mp/", 15)])
def test_query_count_is_small_on_the_demo(client, demo, url, limit):
    if url == "person":
        url = person_url(person("Rebecka Hovenberg"))
    assert queries(client, url) <= limit
