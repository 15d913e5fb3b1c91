"""The anslagstavla: current notices first, the archive below, nothing secret."""

import datetime

import pytest
from django.contrib.auth.models import User

from decisions.models import Meeting

from .factories import MeetingFactory, ParagraphFactory

D = datetime.date


def test_the_demo_notices_are_archived(client, demo):
    html = client.get("/anslagstavla/").content.decode()
    archive = html[html.index("Tidigare anslag") :]
    # The present-day demo's latest protocols have their notices up today, above the archive.
    today = datetime.date.today()
    up = Meeting.objects.filter(notice_posted_on__lte=today, notice_removed_on__gte=today)
    assert up.exists()
    assert "Inga anslag sitter uppe i dag." not in html
    current = html[: html.index("Tidigare anslag")]
    for meeting in up.select_related("body"):
        assert f"/organ/{meeting.body.slug}/sammantraden/{meeting.date:%Y-%m-%d}/" in current
    for words in [
        "Kommunstyrelsen",
        "2022-03-08",
        "2022-03-15",
        "2022-03-16",
        "2022-04-06",
        "Kommunledningsförvaltningen, Stadshuset, Linköping",
        "/organ/ks/sammantraden/2022-03-08/protokoll/",
        "/organ/ks/sammantraden/2022-03-08/anslag.pdf",
    ]:
        assert words in archive, words
    # Newest first: KS 2022-03-08 before SON 2022-02-16 (the present-day demo's before both).
    ks, son = "/organ/ks/sammantraden/2022-03-08/", "/organ/son/sammantraden/2022-02-16/"
    assert archive.index(ks) < archive.index(son)


def test_a_current_notice_is_listed_first_and_shows_no_content(client, db):
    today = datetime.date.today()
    meeting = MeetingFactory(
        date=today - datetime.timedelta(days=10),
        status=Meeting.Status.HELD,
        justering_on=today - datetime.timedelta(days=3),
        notice_posted_on=today - datetime.timedelta(days=2),
        protocol_kept_at="Stadshuset",
    )
    ParagraphFactory(meeting=meeting, title="Hemlig rubrik", is_secret=True)
    ParagraphFactory(meeting=meeting, title="Öppen rubrik")
    # Justerat last: a justerat meeting takes no new §§.
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.JUSTERAT)
    html = client.get("/anslagstavla/").content.decode()
    current = html[html.index("Aktuella anslag") : html.index("Tidigare anslag")]
    assert meeting.body.name in current
    assert "Hemlig rubrik" not in html and "Öppen rubrik" not in html


def test_a_late_notice_is_flagged(client, db):
    MeetingFactory(
        date=D(2022, 1, 3),
        status=Meeting.Status.JUSTERAT,
        justering_on=D(2022, 1, 10),
        notice_posted_on=D(2022, 1, 14),
        notice_removed_on=D(2022, 2, 4),
    )
    assert "sent anslag" in client.get("/anslagstavla/").content.decode()


@pytest.fixture
def staff_client(client, db):
    # Roles decide clerk actions now (tests/test_roles.py); a superuser holds every role.
    client.force_login(User.objects.create_superuser("reg", password="x"))
    return client


def test_post_notice_form(staff_client, db):
    meeting = MeetingFactory(
        date=D(2022, 1, 3), status=Meeting.Status.JUSTERAT, justering_on=D(2022, 1, 10)
    )
    url = f"/organ/{meeting.body.slug}/sammantraden/2022-01-03/anslag/"
    response = staff_client.post(url, {"posted_on": "2022-01-09", "kept_at": "Stadshuset"})
    assert response.status_code == 422
    assert "före justeringen" in response.content.decode()
    response = staff_client.post(url, {"posted_on": "2022-01-11", "kept_at": ""})
    assert "Ange var protokollet förvaras." in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.notice_posted_on is None
    response = staff_client.post(
        url, {"posted_on": "2022-01-11", "kept_at": "Stadshuset"}, follow=True
    )
    # Up through the last day to appeal (2022-02-01), down the day after.
    assert "Sista dag för överklagande är 2022-02-01; anslaget tas ned 2022-02-02." in (
        response.content.decode()
    )
    meeting.refresh_from_db()
    assert meeting.notice_removed_on == D(2022, 2, 2)


def test_post_notice_refused_before_justering(staff_client, db):
    meeting = MeetingFactory(date=D(2022, 1, 3), status=Meeting.Status.HELD)
    url = f"/organ/{meeting.body.slug}/sammantraden/2022-01-03/anslag/"
    response = staff_client.post(url, {"posted_on": "2022-01-11", "kept_at": "Stadshuset"})
    assert response.status_code == 422
    assert "Protokollet är inte justerat" in response.content.decode()
