"""Search finds what people type: a Dnr in any common form, a person's name, another form of a
word (Swedish stemming on PostgreSQL, common endings cut on SQLite)."""

import pytest

from motions.dnr import DnrQuery, parse_dnr_query
from organisation.models import Person
from portal.search.fallback import light_stem

from .factories import CaseFactory, MeetingFactory, ParagraphFactory
from .test_search import HELD, get, postgresql_only, result_links


@pytest.mark.parametrize(
    "typed",
    ["KS 2020-493", "2020-493", "ks-2020-493", "KS 2020/493", "KS/2020:493", "Dnr KS 2020-0493"],
)
def test_a_dnr_in_any_common_form_goes_straight_to_the_case(client, demo, typed):
    response = client.get("/sok/", {"q": typed})
    assert response.status_code == 302
    assert response["Location"] == "/arenden/ks-2020-493/"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("SN-2014-1974", DnrQuery("SN", 2014, 1974)),
        ("son 2021-745", DnrQuery("SON", 2021, 745)),
        ("2019-295", DnrQuery(None, 2019, 295)),
        ("2019", None),
        ("KS 19-295", None),
        ("motion 2020", None),
        ("", None),
    ],
)
def test_parse_dnr_query(typed, expected):
    assert parse_dnr_query(typed) == expected


def test_a_dnr_shared_by_two_registries_lists_both(client, demo):
    other = CaseFactory(registry__code="BUN", year=2020, serial=493, title="Skolskjuts")
    response = get(client, "2020-493")
    body = response.content.decode()
    assert 'href="/arenden/ks-2020-493/"' in body
    assert f'href="{other.get_absolute_url()}"' in body


def test_a_secret_case_is_not_found_by_its_dnr(client, demo):
    secret = CaseFactory(is_secret=True, title="Hemlig utredning om Qwertyvägen")
    response = get(client, secret.dnr)
    assert "Qwertyvägen" not in response.content.decode()


def test_an_unknown_dnr_is_searched_as_text(client, demo):
    response = get(client, "KS 1999-1")
    assert "Inget ärende och ingen paragraf matchar" in response.content.decode()


@pytest.mark.parametrize("typed", ["Bäckman", "bäckman", "BÄCKMAN", "Ann-Charlott Bäck", "Lotta"])
def test_a_persons_name_finds_the_person_page(client, demo, typed):
    person = Person.objects.get(last_name="Bäckman")
    response = get(client, typed)
    assert f"/personer/{person.pk}-" in response.content.decode()


def test_an_ordinary_word_lists_no_people(client, demo):
    assert "/personer/" not in get(client, "Områdesteam").content.decode().split("<main")[-1]


def test_another_form_of_a_word_finds_it(client, demo):
    paragraph = ParagraphFactory(
        # Not "motioner": the present-day demo's motions fill the first page of results for it.
        title="Svar på interpellationer om parker",
        arende_text="Områdesteam har lämnat synpunkter.",
        meeting=MeetingFactory(status=HELD),
    )
    for typed in ("interpellationen", "områdesteamen", "parkerna"):
        assert paragraph.get_absolute_url() in result_links(get(client, typed)), typed
    assert "/organ/ks/2022/59/" in result_links(get(client, "områdesteamen"))


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("motionen", "motion"),
        ("områdesteamen", "områdesteam"),
        ("kommunens", "kommun"),
        ("åtgärderna", "åtgärd"),
        ("ärende", "ärend"),
        ("ärenden", "ärend"),
        ("avse", "avse"),  # would leave fewer than four letters
        ("beslut", "beslut"),
        ("bas", "bas"),
    ],
)
def test_the_fallback_cuts_one_common_ending(word, stem):
    assert light_stem(word) == stem


@postgresql_only
def test_a_misspelt_word_gets_a_suggestion_from_public_titles(client, demo):
    body = get(client, "socialtjänstn").content.decode()
    assert "Inget ärende och ingen paragraf matchar" in body
    assert 'Menade du <a href="?q=socialtj%C3%A4nsten">socialtjänsten</a>?' in body


@postgresql_only
def test_a_suggestion_never_comes_from_a_secret_title(client, demo):
    CaseFactory(is_secret=True, title="Qwertyplanen")
    ParagraphFactory(is_secret=True, title="Qwertyplanen", meeting=MeetingFactory(status=HELD))
    assert "Menade du" not in get(client, "qwertyplan").content.decode()
