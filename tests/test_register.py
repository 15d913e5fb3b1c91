"""The motion register: filters as plain GET parameters, facet counts, sorting, paging."""

import datetime
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motions.models import Case, Motion, Motionar
from organisation.models import Body, Party

from .factories import BodyFactory, CaseFactory, MeetingFactory, MotionFactory, PersonFactory


def page(client, query: str = "") -> str:
    response = client.get(f"/motioner/{query}")
    assert response.status_code == 200
    return unescape(response.content.decode())


def listed(body: str) -> set[str]:
    return {dnr for dnr in ("KS 2019-295", "KS 2020-493") if f">{dnr}</a>" in body}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"KS 2019-295", "KS 2020-493"}),
        ("?parti=MP", {"KS 2019-295"}),
        ("?parti=S", {"KS 2020-493"}),
        ("?parti=M", set()),
        ("?ar=2019", {"KS 2019-295"}),
        ("?status=foreslagen", {"KS 2019-295", "KS 2020-493"}),
        ("?status=remitterad", set()),
        ("?organ=kf", {"KS 2019-295", "KS 2020-493"}),
        ("?organ=son", set()),
        ("?forsenad=true", {"KS 2019-295", "KS 2020-493"}),
        ("?forsenad=false", set()),
        ("?q=resurserna", {"KS 2019-295"}),
        ("?q=Bäckman", {"KS 2020-493"}),
        ("?q=BÄCKMAN", {"KS 2020-493"}),
        ("?q=OMRÅDESBASERADE+socialtjänsten", {"KS 2019-295"}),
        ("?q=ks+2020-493", {"KS 2020-493"}),
        ("?parti=MP&ar=2020", set()),
    ],
)
def test_filters(client, demo, query, expected):
    assert listed(page(client, query)) == expected


def test_filter_by_motionar(client, demo):
    moraes = Motionar.objects.get(person__last_name="Moraes").person
    assert listed(page(client, f"?motionar={moraes.pk}")) == {"KS 2019-295"}


def test_facets_show_counts_given_the_other_filters(client, demo):
    body = page(client, "?parti=MP")
    assert "Väntar på beslut i kommunfullmäktige (1)" not in body  # stages use their own labels
    assert ">Förslag till beslut (1)</option>" in body
    # Its own facet ignores it: the seeds' MP and S motions and the present-day demo's (one MP
    # motion and two S motions a year, portal.demo.stories.PARTIES).
    assert ">MP (2)</option>" in body and ">S (3)</option>" in body
    assert "Mer än ett år utan beslut (1)" in body


@pytest.mark.parametrize(
    "query",
    [
        "?status=okand",
        "?ar=abc",
        "?parti=XYZ",
        "?organ=finns-inte",
        "?motionar=999999",
        "?forsenad=kanske",
        "?sortering=hemlig",
    ],
)
def test_unknown_filter_values_get_a_swedish_message_not_an_error(client, demo, query):
    body = page(client, query)
    assert "Några filter kunde inte användas" in body


@pytest.mark.parametrize("sida", ["99", "abc", "-1", "0"])
def test_a_page_past_the_end_says_so(client, demo, sida):
    body = page(client, f"?sida={sida}")
    assert "finns inte. Här visas sida" in body
    assert "KS 2019-295" in body


@pytest.fixture
def many_motions(db):
    kf = BodyFactory(code="KF", slug="kf", kind=Body.Kind.COUNCIL, name="Kommunfullmäktige")
    party = Party.objects.get_or_create(abbreviation="L", defaults={"name": "Liberalerna"})[0]

    def make(count: int, start: int = 0) -> None:
        for i in range(start, start + count):
            meeting = MeetingFactory(
                body=kf, date=datetime.date(2015, 1, 1) + datetime.timedelta(i)
            )
            motion = MotionFactory(
                case=CaseFactory(
                    kind=Case.Kind.MOTION, year=2015, serial=i + 1, title=f"Motion nummer {i + 1}"
                ),
                dated_on=meeting.date,
                raised_at=meeting,
            )
            Motionar.objects.create(motion=motion, person=PersonFactory(), party=party, position=1)

    return make


def test_pages_of_25_sorted_by_dnr(client, many_motions):
    many_motions(30)
    # The year 2015 holds these 30 and none of the demo's motions (2019 and 2020).
    first = page(client, "?ar=2015&sortering=dnr")
    assert "30 motioner" in first and "Sida 1 av 2" in first
    assert ">KS 2015-1</a>" in first and ">KS 2015-26</a>" not in first
    second = page(client, "?ar=2015&sortering=dnr&sida=2")
    assert ">KS 2015-26</a>" in second and ">KS 2015-1</a>" not in second
    newest_first = page(client, "?ar=2015")
    assert ">KS 2015-30</a>" in newest_first


def test_query_count_does_not_grow_with_motions(client, many_motions):
    def count(query: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            page(client, query)
        return len(captured)

    demo_motions = Motion.objects.count()
    many_motions(3)
    few = [count(q) for q in ("", "?parti=L&forsenad=true", "?q=nummer")]
    many_motions(297, start=3)
    assert Motion.objects.count() == demo_motions + 300
    assert [count(q) for q in ("", "?parti=L&forsenad=true", "?q=nummer")] == few
