"""Search at /sok/: what it finds, what it never shows, how it answers bad input, and its cost.

Runs on SQLite (the fallback) and on PostgreSQL (Swedish full-text search); the tests marked
``postgresql_only`` check stemming and that the GIN indexes exist and are used.
"""

import datetime
import re
from html import unescape

import pytest
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from decisions.models import DecisionPoint, Meeting, Paragraph, Proposal, ProposalPoint
from motions.models import AttSats, Case
from organisation.models import Body
from portal.search.postgres import PostgresSearch
from portal.search.query import PAGE_SIZE, parse_query

from .factories import BodyFactory, MeetingFactory, MotionFactory, ParagraphFactory

# A planned meeting's paragraphs are drafts, never searched: the factories' meetings are held.
HELD = Meeting.Status.HELD

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Svensk fulltextsökning finns bara i PostgreSQL."
)
fallback_only = pytest.mark.skipif(
    connection.vendor == "postgresql", reason="Gäller reservlösningen utan fulltextsökning."
)

SEED_PARAGRAPHS = [
    "/organ/ks/2022/59/",
    "/organ/ks/2022/60/",
    "/organ/son/2022/2/",
    "/organ/son/2022/3/",
]


def get(client, q=None, **params):
    if q is not None:
        params["q"] = q
    response = client.get("/sok/", params)
    assert response.status_code == 200
    return response


def html_of(response) -> str:
    return response.content.decode()


def text_of(response) -> str:
    return unescape(html_of(response))


def result_links(response) -> list[str]:
    """The addresses that result headings link to, in page order."""
    return re.findall(r'<h4><a href="([^"]+)">', html_of(response))


def marks(response) -> list[str]:
    return re.findall(r"<mark>(.*?)</mark>", html_of(response))


# --- Finding --------------------------------------------------------------------------------


def test_omradesteam_finds_the_seed_paragraphs_and_case(client, demo):
    response = get(client, "Områdesteam")
    links = result_links(response)
    for url in SEED_PARAGRAPHS:
        assert url in links
    assert "/arenden/son-2021-745/" in links
    body = text_of(response)
    assert re.search(r"\d+ träffar för ”Områdesteam”", body)
    assert "Kommunstyrelsen 2022-03-08 § 59 – Utöka den områdesbaserade socialtjänsten" in body
    assert 'Dnr <a href="/arenden/ks-2019-295/">KS 2019-295</a>' in body
    # Cases are listed before paragraphs.
    assert links.index("/arenden/son-2021-745/") < links.index("/organ/ks/2022/59/")


@pytest.mark.parametrize(
    "q",
    ["ÅTGÄRDSPLAN", "åtgärdsplan", "ÅtGäRdSpLaN", "A\u030aTGA\u0308RDSPLAN"],  # the last: NFD
)
def test_case_does_not_matter_with_a_ring_and_umlauts(client, demo, q):
    response = get(client, q)
    links = result_links(response)
    assert "/organ/ks/2022/59/" in links
    assert "/organ/son/2022/2/" in links
    assert "Åtgärdsplan" in marks(response)


def test_snippets_mark_the_matches(client, demo):
    response = get(client, "Leanlink")
    found = marks(response)
    assert found
    # PostgreSQL also marks other forms of the word: "Leanlinks".
    assert all(m.casefold().startswith("leanlink") for m in found)


def test_a_paragraph_matches_through_its_decision_and_proposal_points(client, demo):
    with_decision = ParagraphFactory(title="Beslut om parker", meeting__status=HELD)
    DecisionPoint.objects.create(
        paragraph=with_decision, position=1, text="Kvarnbäcksparken rustas upp."
    )
    with_proposal = ParagraphFactory(title="Förslag om parker", meeting__status=HELD)
    proposal = Proposal.objects.create(
        paragraph=with_proposal, to_body=Body.objects.get(code="KF"), position=1
    )
    ProposalPoint.objects.create(proposal=proposal, position=1, text="Kvarnbäcksparken säljs.")
    response = get(client, "KVARNBÄCKSPARKEN")
    links = result_links(response)
    assert with_decision.get_absolute_url() in links
    assert with_proposal.get_absolute_url() in links
    assert "Kvarnbäcksparken" in marks(response)


def test_a_case_matches_through_its_att_sats(client, demo):
    motion = MotionFactory(case__title="Motion om lekplatser")
    AttSats.objects.create(motion=motion, position=1, text="att Gläntans lekplats byggs om")
    response = get(client, "gläntans")
    assert result_links(response) == [motion.case.get_absolute_url()]
    assert "Gläntans" in marks(response)


def test_every_word_must_match(client, demo):
    assert result_links(get(client, "Områdesteam Kvarnbäcksparken")) == []


def test_no_hits_says_so(client, demo):
    body = text_of(get(client, "Kvarnbäcksparken"))
    assert "0 träffar för ”Kvarnbäcksparken”" in body
    assert "Inget ärende och ingen paragraf matchar sökningen." in body


# --- Escaping -------------------------------------------------------------------------------


def test_the_query_is_escaped(client, demo):
    page = html_of(get(client, "<script>alert(1)</script>"))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_stored_text_is_escaped_and_only_mark_is_added(client, demo):
    paragraph = ParagraphFactory(
        meeting__status=HELD,
        title="Skolskjuts",
        arende_text='Skolskjutsen <b onclick="x()">Ekängen</b> <script>steal()</script> ändras.',
    )
    response = get(client, "ekängen")
    assert result_links(response) == [paragraph.get_absolute_url()]
    page = html_of(response)
    assert "<script>" not in page
    assert "<b onclick" not in page
    if connection.vendor == "postgresql":
        # ts_headline's parser reads tags as tags and leaves them out of the snippet.
        assert "Skolskjutsen <mark>Ekängen</mark> steal()" in page
    else:
        assert "&lt;script&gt;steal()&lt;/script&gt;" in page
    assert "<mark>Ekängen</mark>" in page


# --- Bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize("q", ["...", "!?", " - ", "___", "”…”", "   ", "§ § §"])
def test_punctuation_only_asks_for_a_word(client, demo, q):
    body = text_of(get(client, q))
    assert "Skriv minst ett ord att söka efter." in body
    assert "träffar för" not in body


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"page": "3"}])
def test_without_a_query_the_form_is_shown_alone(client, demo, params):
    page = html_of(client.get("/sok/", params))
    assert '<form role="search"' in page
    assert '<label for="sok-fraga">' in page
    assert 'id="sok-fraga"' in page
    assert "träff" not in page
    assert "Skriv minst ett ord" not in page


@pytest.mark.parametrize(
    "q", ["Områdesteam " * 100, "Områdesteam " + "x" * 10_000, "x" * 10_000 + " Områdesteam"]
)
def test_a_very_long_query_is_shortened_and_says_so(client, demo, q):
    response = get(client, q)
    body = text_of(response)
    assert "Sökfrågan var längre än 200 tecken. Bara början av den har använts." in body
    if q.startswith("Områdesteam Områdesteam"):
        assert "/organ/ks/2022/59/" in result_links(response)


@pytest.mark.parametrize("q", ["Områdes\x07team", "Områdesteam\ue000"])
def test_control_characters_are_not_an_error(client, demo, q):
    get(client, q)


@pytest.mark.parametrize("q", ["Områdesteam\x00", "\x00"])
def test_a_nul_byte_is_refused_with_a_swedish_reason(client, demo, q):
    # common.middleware.RefuseNulInQuery: no text holds a NUL, no search can mean one.
    response = client.get("/sok/", {"q": q})
    assert response.status_code == 400
    assert "otillåtet tecken" in response.content.decode()


# --- Secrecy --------------------------------------------------------------------------------


class TestSecrecy:
    @pytest.fixture
    def secret(self, demo):
        paragraph = Paragraph.objects.get(body__code="KS", year=2022, number=60)
        paragraph.is_secret = True
        paragraph.save()
        Case.objects.filter(dnr="KS 2020-493").update(is_secret=True)
        return paragraph

    QUERIES = [
        "Områdesbaserat",
        "hela kommunen",
        "Leanlink",
        "Områdesteam",
        "Bäckman",
        "motion",
        "succesivt",
        "socialt arbete",
    ]

    @pytest.mark.parametrize("q", QUERIES)
    @pytest.mark.parametrize("staff", [False, True])
    def test_secret_paragraphs_and_cases_never_appear(self, client, secret, q, staff):
        if staff:
            client.force_login(User.objects.create_user("sekr", is_staff=True))
        response = get(client, q)
        page = html_of(response)
        links = result_links(response)
        assert "/organ/ks/2022/60/" not in links
        assert "/organ/son/2022/3/" not in links  # a paragraph of the secret case
        assert "/arenden/ks-2020-493/" not in page
        assert "KS 2020-493" not in page
        assert "i hela kommunen" not in page

    def test_a_secret_paragraph_of_a_public_case(self, client, demo):
        Paragraph.objects.filter(body__code="KS", year=2022, number=60).update(is_secret=True)
        links = result_links(get(client, "Områdesbaserat"))
        assert "/organ/ks/2022/60/" not in links
        assert "/organ/son/2022/3/" in links
        assert "/arenden/ks-2020-493/" in links


# --- Pages ----------------------------------------------------------------------------------


def add_matching_paragraphs(count: int, word: str = "Områdesteam") -> list[Paragraph]:
    """``count`` paragraphs matching ``word`` in their ärende, decision and proposal."""
    council = Body.objects.get(code="KF")
    body = BodyFactory(code="TN", slug="tn", name="Tekniska nämnden")
    paragraphs = []
    for n in range(count):
        meeting = MeetingFactory(
            body=body, date=datetime.date(2021, 1, 1) + datetime.timedelta(n), status=HELD
        )
        paragraph = ParagraphFactory(
            meeting=meeting,
            title=f"Uppföljning {n}",
            arende_text=f"Rapport om {word} i område {n}.",
        )
        DecisionPoint.objects.create(paragraph=paragraph, position=1, text=f"{word} fortsätter.")
        proposal = Proposal.objects.create(paragraph=paragraph, to_body=council, position=1)
        ProposalPoint.objects.create(proposal=proposal, position=1, text=f"{word} utökas.")
        paragraphs.append(paragraph)
    return paragraphs


def test_results_are_paged(client, demo):
    add_matching_paragraphs(45)
    first = get(client, "Områdesteam")
    total = int(re.search(r"(\d+) träffar för", text_of(first)).group(1))
    assert total == 1 + 4 + 45
    assert len(result_links(first)) == PAGE_SIZE
    assert 'rel="next" href="?q=Omr%C3%A5desteam&amp;page=2"' in html_of(first)
    pages = [result_links(get(client, "Områdesteam", page=n)) for n in (1, 2, 3)]
    seen = [url for page in pages for url in page]
    assert len(seen) == len(set(seen)) == total
    assert "Sida 3 av 3" in text_of(get(client, "Områdesteam", page=3))


@pytest.mark.parametrize(
    ("page", "message", "shown"),
    [
        ("999", "Sidan 999 finns inte. Sista sidan (sida 2) visas.", 2),
        ("99999999999999999999999", "finns inte. Sista sidan (sida 2) visas.", 2),
        ("abc", "Sidnumret måste vara ett heltal. Första sidan visas.", 1),
        ("1e3", "Sidnumret måste vara ett heltal. Första sidan visas.", 1),
        ("0", "Sidnumret måste vara minst 1. Första sidan visas.", 1),
        ("-4", "Sidnumret måste vara minst 1. Första sidan visas.", 1),
        ("2", "", 2),
    ],
)
def test_a_page_that_does_not_exist_is_a_message(client, demo, page, message, shown):
    add_matching_paragraphs(20)
    body = text_of(get(client, "Områdesteam", page=page))
    assert f"Sida {shown} av 2" in body
    if message:
        assert message in body


def count_queries(client, q: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        get(client, q)
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_hits(client, demo):
    at_demo_size = count_queries(client, "Områdesteam")
    add_matching_paragraphs(30)
    with_more_hits = count_queries(client, "Områdesteam")
    assert with_more_hits == at_demo_size
    assert with_more_hits <= 10


def test_a_query_that_cannot_be_searched_runs_no_query(client, demo):
    assert count_queries(client, "...") == 0


# --- The fallback (SQLite) ------------------------------------------------------------------


@fallback_only
def test_the_fallback_matches_parts_of_words_less_a_common_ending(client, demo):
    assert "/organ/ks/2022/59/" in result_links(get(client, "områdesbas"))
    # Not "motion": the present-day demo's motions fill the first page of results for it.
    paragraph = ParagraphFactory(title="Svar på interpellationer om parker", meeting__status=HELD)
    assert paragraph.get_absolute_url() in result_links(get(client, "interpellationen"))
    assert paragraph.get_absolute_url() in result_links(get(client, "interpellation"))


# --- PostgreSQL: Swedish full-text search and its indexes --------------------------------------


@postgresql_only
def test_motionen_finds_other_forms_of_the_word(client, demo):
    paragraph = ParagraphFactory(
        meeting__status=HELD,
        title="Svar på motioner om parker",
        arende_text="Två motioner har kommit in. En motion gäller Kvarnbäcksparken.",
    )
    assert "motionen" not in f"{paragraph.title} {paragraph.arende_text}".casefold()
    response = get(client, "motionen")
    assert paragraph.get_absolute_url() in result_links(response)
    assert "motioner" in marks(response)


@postgresql_only
def test_atgard_finds_atgarder(client, demo):
    paragraph = ParagraphFactory(
        title="Åtgärder för bättre luft", arende_text="", meeting__status=HELD
    )
    response = get(client, "åtgärd")
    assert paragraph.get_absolute_url() in result_links(response)
    assert "/organ/ks/2022/59/" in result_links(response)  # "åtgärder" in the seed's ärende


@postgresql_only
def test_websearch_syntax(client, demo):
    assert "/organ/ks/2022/59/" in result_links(get(client, '"Nära socialtjänst"'))
    either = result_links(get(client, "Kvarnbäcksparken or Leanlink"))
    assert "/organ/ks/2022/60/" in either
    without = result_links(get(client, "Leanlink -Berga"))
    assert "/organ/ks/2022/60/" not in without


@postgresql_only
def test_only_stop_words_is_explained(client, demo):
    body = text_of(get(client, "och att"))
    assert "Sökningen innehöll bara vanliga småord" in body


INDEXES = {
    "decisions_paragraph_search": "decisions_paragraph",
    "decisions_decisionpoint_text_search": "decisions_decisionpoint",
    "decisions_proposalpoint_text_search": "decisions_proposalpoint",
    "motions_case_title_search": "motions_case",
    "motions_attsats_text_search": "motions_attsats",
}


@postgresql_only
@pytest.mark.django_db
def test_the_gin_indexes_exist():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, tablename, indexdef FROM pg_indexes WHERE indexname = ANY(%s)",
            [list(INDEXES)],
        )
        rows = {name: (table, definition) for name, table, definition in cursor.fetchall()}
    assert set(rows) == set(INDEXES)
    for name, (table, definition) in rows.items():
        assert table == INDEXES[name]
        assert "USING gin (to_tsvector('swedish'::regconfig" in definition


def plan(queryset) -> str:
    """EXPLAIN with sequential and plain index scans off: only a bitmap scan on a GIN index
    is left for a full-text condition, if the index's expression is the query's."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
        return queryset.explain()


@postgresql_only
def test_the_search_queries_use_the_gin_indexes(demo):
    search = PostgresSearch(parse_query("Områdesteam"))
    paragraph_plan = plan(search.paragraph_matches())
    for name in (
        "decisions_paragraph_search",
        "decisions_decisionpoint_text_search",
        "decisions_proposalpoint_text_search",
    ):
        assert f"Bitmap Index Scan on {name}" in paragraph_plan, paragraph_plan
    case_plan = plan(search.case_matches())
    for name in ("motions_case_title_search", "motions_attsats_text_search"):
        assert f"Bitmap Index Scan on {name}" in case_plan, case_plan
