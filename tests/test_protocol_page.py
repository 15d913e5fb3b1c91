"""The protocol page: front page, anslag/bevis, paragraphs; secret paragraphs; clerk actions."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from decisions.models import Correction, Justering, Meeting, Paragraph, Recipient

from .factories import MeetingFactory, ParagraphFactory

URL = "/organ/ks/sammantraden/2022-03-08/protokoll/"
D = datetime.date


def test_front_page_anslag_and_paragraphs(client, demo):
    html = client.get(URL).content.decode()
    for words in [
        "Kommunstyrelsen",
        "Stadshuset, Linköping, 2022-03-08 kl. 13.00",
        "Beslutande",
        "Utses att justera",
        "Sara Nyberg, Mikael Strandberg",
        "Justeringens plats och tid",
        "§§ 59–60",
        "Cecilia Åberg",
        "Johan Alström",
        "Justerat 2022-03-15 10.00",
        "Anslag/bevis",
        "Datum då anslaget sätts upp",
        "2022-03-16",
        "Sista dag för överklagande</dt><dd>2022-04-06",
        "Anslaget tas ned</dt><dd>2022-04-07",
        "Kommunledningsförvaltningen, Stadshuset, Linköping",
        "Sista dag för överklagande",
        "Utöka den områdesbaserade socialtjänsten",
        "Områdesbaserat socialt arbete i hela kommunen",
        "Beslutsordning",
    ]:
        assert words in html, words
    assert html.index("§ 59</span>") < html.index("§ 60</span>")
    assert "sen justering" not in html and "mer än 14 dagar" not in html
    assert "Justera protokollet" not in html  # clerk links for staff only


def count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_paragraphs(client, demo):
    meeting = Meeting.objects.get(body__code="KS", date=D(2022, 3, 8))
    before = count(client, URL)
    other = MeetingFactory(body=meeting.body, date=D(2022, 3, 9))
    url = f"/organ/ks/sammantraden/{other.date}/protokoll/"
    ParagraphFactory(meeting=other, number=70)
    few = count(client, url)
    for number in range(71, 80):
        ParagraphFactory(meeting=other, number=number)
    assert count(client, url) == few
    assert before <= 30


def test_secret_paragraph_shows_number_and_neutral_title_only(client, db, admin_user):
    meeting = MeetingFactory(date=D(2022, 5, 4))
    ParagraphFactory(meeting=meeting, number=12, title="Ansökan om bistånd för NN", is_secret=True)
    url = f"/organ/{meeting.body.slug}/sammantraden/2022-05-04/protokoll/"
    html = client.get(url).content.decode()
    assert "§ 12</span> Sekretessärende" in html
    assert "NN" not in html
    client.force_login(admin_user)
    assert "Ansökan om bistånd för NN" in client.get(url).content.decode()


def test_late_justering_is_flagged(client, demo):
    # A KS meeting of its own: the demo's approvals are final, like the rest of its record.
    ks = Meeting.objects.get(body__code="KS", date=D(2022, 3, 8))
    meeting = MeetingFactory(
        body=ks.body, date=D(2022, 4, 5), chair=ks.chair, status=Meeting.Status.HELD
    )
    ParagraphFactory(meeting=meeting, number=61, status=Paragraph.Status.JUSTERAD)
    Justering.objects.create(
        meeting=meeting,
        person=ks.chair,
        role=Justering.Role.CHAIR,
        approved_at=datetime.datetime(2022, 4, 27, 10, tzinfo=datetime.UTC),
    )
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.JUSTERAT)
    url = "/organ/ks/sammantraden/2022-04-05/protokoll/"
    assert "mer än 14 dagar efter sammanträdet" in client.get(url).content.decode()
    assert "mer än 14 dagar efter sammanträdet" not in client.get(URL).content.decode()


# --- Clerk actions ---------------------------------------------------------------------------


@pytest.fixture
def staff(db):
    # Roles decide clerk actions now (tests/test_roles.py); a superuser holds every role.
    return User.objects.create_superuser("registrator", password="x")


@pytest.mark.parametrize(
    "url",
    [
        "/organ/ks/sammantraden/2022-03-08/justera/",
        "/organ/ks/sammantraden/2022-03-08/anslag/",
        "/organ/ks/2022/59/rattelse/",
        "/organ/ks/2022/59/expediering/",
    ],
)
def test_clerk_actions_are_for_staff(client, demo, url):
    response = client.get(url)
    assert response.status_code == 302 and "/konto/logga-in/" in response["Location"]
    client.force_login(User.objects.create_user("politiker", password="x"))
    assert client.get(url).status_code == 403
    assert client.post(url, {}).status_code == 403
    client.force_login(User.objects.create_user("reg", password="x", is_staff=True))
    assert client.get(url).status_code == 403  # staff alone is no role any more
    client.force_login(User.objects.create_superuser("admin", password="x"))
    assert client.get(url).status_code == 200


def test_justera_form_records_an_approval(client, db, staff):
    from decisions.models import MeetingAdjuster

    from .factories import PersonFactory

    chair, adjuster = PersonFactory(first_name="Anna"), PersonFactory(first_name="Bo")
    meeting = MeetingFactory(date=D(2022, 5, 4), chair=chair, status=Meeting.Status.HELD)
    MeetingAdjuster.objects.create(meeting=meeting, person=adjuster, position=1)
    ParagraphFactory(meeting=meeting, number=1)
    url = f"/organ/{meeting.body.slug}/sammantraden/2022-05-04/justera/"
    client.force_login(staff)  # a superuser records the signatures, as the secretary does
    response = client.post(
        url, {f"approved-{chair.pk}": "on", f"at-{chair.pk}": "2022-05-03T10:00"}
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "före sammanträdet" in html and 'value="2022-05-03T10:00"' in html
    assert not Justering.objects.filter(meeting=meeting).exists()
    data = {f"approved-{chair.pk}": "on", f"at-{chair.pk}": "2022-05-10T10:00"}
    response = client.post(url, data, follow=True)
    assert "Kvar att justera: Bo" in response.content.decode()
    data = {f"approved-{adjuster.pk}": "on", f"at-{adjuster.pk}": "2022-05-10T11:00"}
    response = client.post(url, data, follow=True)
    assert "Protokollet är justerat; sätt upp anslaget senast 2022-05-12" in (
        response.content.decode()
    )
    assert set(meeting.paragraphs.values_list("status", flat=True)) == {"justerad"}


def test_correction_form_and_paragraph_page(client, demo, staff):
    client.force_login(staff)
    url = "/organ/ks/2022/59/rattelse/"
    response = client.post(url, {"made_on": "2022-03-20", "text": "Punkt 1 ska lyda …"})
    assert response.status_code == 422
    assert "Ange skälet till rättelsen." in response.content.decode()
    assert "Punkt 1 ska lyda …" in response.content.decode()
    assert not Correction.objects.exists()
    data = {"made_on": "2022-03-20", "text": "Punkt 1 ska lyda …", "reason": "Skrivfel"}
    response = client.post(url, data, follow=True)
    html = response.content.decode()
    assert "Rättelse 2022-03-20:</strong> Punkt 1 ska lyda … Skäl: Skrivfel" in html
    assert "Rättelsen av § 59 är registrerad." in html
    client.logout()
    assert "Skäl: Skrivfel" in client.get(URL).content.decode()


def test_expediering_form(client, demo, staff):
    client.force_login(staff)
    paragraph = Paragraph.objects.get(body__code="KS", number=59)
    recipients = list(paragraph.recipients.all())
    url = "/organ/ks/2022/59/expediering/"
    data = {f"r{r.pk}-sent_on": "" for r in recipients}
    data[f"r{recipients[0].pk}-sent_on"] = "2022-03-10"  # before justering
    response = client.post(url, data)
    assert response.status_code == 422
    assert "före justeringen" in response.content.decode()
    assert not Recipient.objects.filter(sent_on__isnull=False).exists()
    data[f"r{recipients[0].pk}-sent_on"] = "2022-03-16"
    response = client.post(url, data, follow=True)
    assert f"Expedierat till {recipients[0].name}" in response.content.decode()
    assert Recipient.objects.get(pk=recipients[0].pk).sent_on == D(2022, 3, 16)


def test_no_template_comment_reaches_the_reader(client, demo):
    """Django's ``{# … #}`` is one line only; a longer one would be printed on every page."""
    for url in [URL, "/organ/ks/2022/59/"]:
        html = client.get(url).content.decode()
        assert "{#" not in html and "#}" not in html
        assert "{% comment" not in html
