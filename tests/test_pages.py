"""Every page answers, shows the seed's words, and runs a bounded number of queries."""

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from decisions.models import Paragraph
from motions.models import Case

from .text import visible_text

SEED_PAGES = {
    # The start page lists the newest motions and decisions: the present-day demo's, not the
    # seeds' (tests/test_present_demo.py); the bodies are the seeds'.
    "/": ["Kommunstyrelsen", "Social- och omsorgsnämnden"],
    "/motioner/": ["KS 2019-295", "KS 2020-493", "Maria Moraes (MP)", "Ann-Charlott Bäckman (S)"],
    "/arenden/ks-2019-295/": [
        "Kommunen utökar den områdesbaserade socialtjänsten till ytterligare minst två nya",
        "Social- och omsorgsnämnden 2022-02-16 § 2",
        "Kommunstyrelsen 2022-03-08 § 59",
        "Beslut i kommunfullmäktige",
    ],
    "/arenden/ks-2020-493/": ["Områdesbaserat socialt arbete förstärks och byggs ut succesivt."],
    "/organ/ks/": ["Kommunstyrelsen", "Annika Krutzén (M)"],
    "/organ/son/": ["Social- och omsorgsnämnden"],
    "/organ/kf/": ["Kommunfullmäktige"],
    "/organ/ks/sammantraden/2022-03-08/": [
        "Utöka den områdesbaserade socialtjänsten, svar på motion (MP)",
        "Rebecka Hovenberg",
    ],
    "/organ/son/sammantraden/2022-02-16/": ["§ 2"],
    "/organ/ks/2022/59/": [
        "§ 59",
        "Dnr",
        "KS 2019-295",
        "Kommunstyrelsens beslut",
        "Social- och omsorgsnämndens förslag tillstyrks.",
        "Förslag till kommunfullmäktiges beslut",
        "Reservationer",
        "Ärende",
        "Social- och omsorgsnämndens beslut 2022-02-16, § 2",
        "Yrkanden",
        "Beslutsordning",
        "Beslutsunderlag",
        "Beslutet skickas till:",
        "Ordförandens signatur",
    ],
    "/organ/ks/2022/60/": ["Områdesbaserat socialt arbete i hela kommunen, svar på motion (S)"],
    "/organ/son/2022/2/": ["Social- och omsorgsförvaltningens förslag tillstyrks."],
}


def text_of(response) -> str:
    from html import unescape

    return unescape(response.content.decode())


@pytest.mark.parametrize("url", list(SEED_PAGES))
def test_every_page_answers_with_the_seeds_words(client, demo, url):
    response = client.get(url)
    assert response.status_code == 200
    body = visible_text(response)
    for words in SEED_PAGES[url]:
        assert words in body, f"{words!r} saknas på {url}"


def test_the_paragraph_page_keeps_the_seeds_order(client, demo):
    body = text_of(client.get("/organ/ks/2022/59/"))
    headings = [
        "Kommunstyrelsens beslut",
        "Förslag till kommunfullmäktiges beslut",
        "Reservationer",
        "Ärende",
        "Social- och omsorgsnämndens beslut 2022-02-16, § 2",
        "Yrkanden",
        "Beslutsordning",
        "Beslutsunderlag",
        "Beslutet skickas till:",
    ]
    positions = [body.index(f"{h}</") for h in headings]
    assert positions == sorted(positions)


def test_the_case_page_shows_the_motion_waiting_for_kf(client, demo):
    body = text_of(client.get("/arenden/ks-2019-295/"))
    assert "Väntar på beslut i kommunfullmäktige" in body
    assert "Ligger nu hos kommunfullmäktige sedan 2022-03-08" in body
    assert "passerad" in body


@pytest.mark.parametrize(
    "url",
    [
        "/arenden/ks-1999-1/",
        "/arenden/inte%20en%20slug/",
        "/organ/xx/",
        "/organ/ks/sammantraden/2022-13-45/",
        "/organ/ks/sammantraden/2022-03-09/",
        "/organ/ks/2022/9999/",
        "/organ/ks/1800/1/",
    ],
)
def test_unknown_or_malformed_addresses_are_a_swedish_404(client, demo, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Sidan finns inte" in text_of(response)


class TestSecrecy:
    @pytest.fixture
    def secret(self, demo):
        paragraph = Paragraph.objects.get(body__code="KS", year=2022, number=60)
        paragraph.is_secret = True
        paragraph.save()
        Case.objects.filter(dnr="KS 2020-493").update(is_secret=True)
        return paragraph

    SECRET_WORDS = ["Områdesbaserat socialt arbete", "Leanlink", "Bäckman"]

    @pytest.mark.parametrize(
        "url",
        [
            "/organ/ks/2022/60/",
            "/organ/ks/sammantraden/2022-03-08/",
            "/organ/ks/",
            "/arenden/ks-2020-493/",
            "/organ/son/2022/3/",
            "/organ/son/sammantraden/2022-02-16/",
            "/organ/son/",
            "/arenden/ks-2019-295/",
            "/motioner/",
            "/",
        ],
    )
    def test_public_views_show_only_number_and_neutral_title(self, client, secret, url):
        body = text_of(client.get(url))
        assert "Områdesbaserat socialt arbete i hela kommunen" not in body
        if url in ("/organ/ks/2022/60/", "/organ/son/2022/3/"):
            assert "Sekretessärende" in body
            for words in self.SECRET_WORDS:
                assert words not in body

    def test_staff_see_the_secret_paragraph(self, client, secret):
        client.force_login(User.objects.create_user("sekr", is_staff=True))
        body = text_of(client.get("/organ/ks/2022/60/"))
        assert "Områdesbaserat socialt arbete i hela kommunen" in body


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("url", "limit"),
    [
        ("/", 12),
        ("/motioner/", 14),
        ("/arenden/ks-2019-295/", 32),
        ("/organ/ks/", 8),
        ("/organ/ks/sammantraden/2022-03-08/", 8),
        ("/organ/ks/2022/59/", 25),
    ],
)
def test_query_count_is_bounded(client, demo, url, limit):
    assert count_queries(client, url) <= limit


def test_a_member_who_left_early_stays_in_their_term(client, demo):
    body = text_of(client.get("/organ/kf/"))
    assert body.count("<h3>2018-10-15 – 2022-10-14</h3>") == 1
    assert "<h3>2018-10-15 – 2020-12-31</h3>" not in body
    assert "ledamot, till 2020-12-31" in body


def test_the_trace_shows_every_step_with_its_decision(client, demo):
    body = text_of(client.get("/arenden/ks-2019-295/"))
    for words in [
        "Remitterad från kommunfullmäktige till kommunstyrelsen för beredning",
        "Svar senast 2019-09-30",
        "Besvarad 2022-02-16 genom social- och omsorgsnämnden § 2</a>",
        "Tjänsteskrivelse: Utöka den områdesbaserade socialtjänsten, svar på motion (MP)",
        "Förslag till kommunfullmäktiges beslut:</span> Motionen besvaras med att",
        "Annika Krutzén (M) yrkar bifall till social- och omsorgsnämndens förslag till beslut.",
        "Rebecka Hovenberg (MP) och Ann-Charlott Bäckman (S) reserverar sig mot beslutet",
        'aria-current="step">Förslag till beslut',
        "dagar över tiden",
    ]:
        assert words in body, words
    trace = body[body.index("Ärendets väg") :]
    days = ("2019-04-26", "2021-12-17", "2022-02-16", "2022-03-08")
    steps = [trace.index(f'<span class="when">{day}') for day in days]
    assert steps == sorted(steps)


def test_the_paragraph_page_shows_the_hash_of_its_stored_extract(client, demo):
    from decisions.extracts import store_extract

    paragraph = Paragraph.objects.get(body__code="KS", year=2022, number=59)
    store_extract(paragraph.pk)
    [stored] = Paragraph.objects.get(pk=paragraph.pk).stored_extracts.all()
    body = text_of(client.get("/organ/ks/2022/59/"))
    assert "/organ/ks/2022/59/utdrag.pdf" in body
    assert f"<code>{stored.sha256}</code>" in body
    assert "/organ/ks/2022/59/utdrag/1.pdf" in body
