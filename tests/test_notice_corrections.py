"""The anslag is posted once, stays up through the appeal period, comes down the day after, and
is put right only by a dated rättelse that keeps the first notice in view."""

import datetime
import io
import re

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from pypdf import PdfReader

from decisions import anslag, law, services
from decisions.models import Meeting, MeetingAdjuster, NoticeCorrection

from .factories import MeetingFactory, ParagraphFactory, PersonFactory

D = datetime.date
KEPT = "Kommunledningsförvaltningen, Stadshuset, Linköping"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def field_error(html: str, field: str) -> str:
    """The error list Django renders beside ``field`` (``id_<field>_error``), as text."""
    found = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', html, re.S)
    return re.sub(r"<[^>]+>", " ", found.group(1)).strip() if found else ""


@pytest.fixture
def ks(demo) -> Meeting:
    return Meeting.objects.get(body__code="KS", date=D(2022, 3, 8))


def justerat(meeting_day: D, at: datetime.datetime) -> Meeting:
    """A held meeting with one §, approved by its chair and justerare at ``at``."""
    chair, adjuster = PersonFactory(), PersonFactory()
    meeting = MeetingFactory(date=meeting_day, status=Meeting.Status.HELD, chair=chair)
    MeetingAdjuster.objects.create(meeting=meeting, person=adjuster, position=1)
    ParagraphFactory(meeting=meeting, number=1)
    for person in (chair, adjuster):
        services.approve_protocol(meeting=meeting, person=person, at=at)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.JUSTERAT
    return meeting


# --- The take-down day, as a rule --------------------------------------------------------------


@pytest.mark.parametrize(
    ("posted", "last_day", "down"),
    [
        (D(2022, 3, 16), D(2022, 4, 6), D(2022, 4, 7)),  # demo KS: a plain Wednesday
        (D(2022, 3, 18), D(2022, 4, 8), D(2022, 4, 9)),  # last day a Friday: down on Saturday
        (D(2022, 3, 19), D(2022, 4, 11), D(2022, 4, 12)),  # three weeks end on a Saturday
        (D(2022, 6, 3), D(2022, 6, 27), D(2022, 6, 28)),  # midsommarafton and the weekend
        (D(2022, 12, 3), D(2022, 12, 27), D(2022, 12, 28)),  # julafton, juldagen, annandag
        (D(2026, 12, 2), D(2026, 12, 23), D(2026, 12, 24)),  # today: down on julafton itself
    ],
)
def test_the_notice_comes_down_the_day_after_the_last_day_to_appeal(posted, last_day, down):
    assert law.last_appeal_day(posted) == last_day
    assert law.notice_taken_down_on(posted) == down


# --- Posted once, on a sane day -------------------------------------------------------------


def test_posting_twice_is_refused_and_changes_nothing(ks):
    """The case that was tried: KS 2022-03-08's notice re-posted to move the last day to appeal
    from 2022-04-06 to 2022-04-11."""
    with pytest.raises(services.ServiceError) as refused:
        services.post_notice(meeting=ks, posted_on=D(2022, 3, 21), kept_at="Någon annanstans")
    assert refused.value.messages == ["Anslaget är redan uppsatt; gör en rättelse av anslaget."]
    ks.refresh_from_db()
    assert (ks.notice_posted_on, ks.notice_removed_on) == (D(2022, 3, 16), D(2022, 4, 7))
    assert anslag.current_notice(ks).last_appeal_day == D(2022, 4, 6)


def test_a_notice_is_not_posted_in_the_future_nor_before_justering(db):
    meeting = justerat(D(2022, 1, 3), timezone.make_aware(datetime.datetime(2022, 1, 10, 10)))
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    for day, words in [
        (tomorrow, "i framtiden"),
        (D(9999, 12, 31), "i framtiden"),
        (D(2022, 1, 9), "före justeringen (2022-01-10)"),
    ]:
        with pytest.raises(services.ServiceError) as refused:
            services.post_notice(meeting=meeting, posted_on=day, kept_at="Stadshuset")
        assert words in refused.value.message_dict["posted_on"][0]
    meeting.refresh_from_db()
    assert meeting.notice_posted_on is None


@pytest.mark.parametrize(
    ("posted_on", "message"),
    [
        ("9999-12-31", "Anslaget kan inte sättas upp i framtiden"),
        ("2022-01-09", "Anslaget kan inte sättas upp före justeringen (2022-01-10)."),
    ],
)
def test_the_form_refuses_a_bad_day_beside_the_field_and_keeps_the_input(
    client, db, posted_on, message
):
    meeting = justerat(D(2022, 1, 3), timezone.make_aware(datetime.datetime(2022, 1, 10, 10)))
    client.force_login(User.objects.create_superuser("reg", password="x"))
    url = f"/organ/{meeting.body.slug}/sammantraden/2022-01-03/anslag/"
    response = client.post(url, {"posted_on": posted_on, "kept_at": "Stadshuset"})
    assert response.status_code == 422
    html = response.content.decode()
    assert message in field_error(html, "posted_on")
    assert f'value="{posted_on}"' in html and 'value="Stadshuset"' in html
    meeting.refresh_from_db()
    assert meeting.notice_posted_on is None


# --- A rättelse keeps the first ----------------------------------------------------------------


def test_a_correction_keeps_the_first_notice_and_the_latest_is_in_force(ks):
    user = User.objects.create_user("cecilia-test")
    correction = services.correct_notice(
        meeting=ks, made_on=D(2022, 3, 21), kept_at="Stadsarkivet", reason="Fel plats", user=user
    )
    assert (correction.made_on, correction.removed_on) == (D(2022, 3, 21), D(2022, 4, 12))
    assert correction.made_by == user
    ks.refresh_from_db()
    # The first notice is as it was posted.
    assert (ks.notice_posted_on, ks.notice_removed_on, ks.protocol_kept_at) == (
        D(2022, 3, 16),
        D(2022, 4, 7),
        KEPT,
    )
    first, corrected = anslag.notices_of(ks)
    assert (first.posted_on, first.last_appeal_day, first.kept_at) == (
        D(2022, 3, 16),
        D(2022, 4, 6),
        KEPT,
    )
    assert not first.is_correction
    assert (corrected.posted_on, corrected.last_appeal_day, corrected.removed_on) == (
        D(2022, 3, 21),
        D(2022, 4, 11),
        D(2022, 4, 12),
    )
    assert corrected.kept_at == "Stadsarkivet" and corrected.reason == "Fel plats"
    assert anslag.current_notice(ks) == corrected


def test_a_correction_is_refused_without_a_notice_reason_or_place_or_on_a_bad_day(ks, db):
    unposted = justerat(D(2022, 1, 3), timezone.make_aware(datetime.datetime(2022, 1, 10, 10)))
    with pytest.raises(services.ServiceError, match="Anslaget har inte satts upp"):
        services.correct_notice(
            meeting=unposted, made_on=D(2022, 1, 11), kept_at="X", reason="Y", user=None
        )
    with pytest.raises(services.ServiceError) as refused:
        services.correct_notice(
            meeting=ks, made_on=D(2022, 3, 15), kept_at=" ", reason="", user=None
        )
    assert refused.value.message_dict == {
        "made_on": ["Rättelsen kan inte göras före anslaget den 2022-03-16."],
        "kept_at": ["Ange var protokollet förvaras."],
        "reason": ["Ange skälet till rättelsen."],
    }
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(services.ServiceError) as refused:
        services.correct_notice(meeting=ks, made_on=tomorrow, kept_at="X", reason="Y", user=None)
    assert "i framtiden" in refused.value.message_dict["made_on"][0]
    assert not NoticeCorrection.objects.exists()


def test_the_board_the_protocol_page_and_the_pdfs_show_the_first_notice_and_the_correction(
    client, ks
):
    services.correct_notice(
        meeting=ks, made_on=D(2022, 3, 21), kept_at="Stadsarkivet", reason="Fel plats", user=None
    )
    first = (
        "Första anslaget 2022-03-16: uppsatt 2022-03-16, sista dag för överklagande 2022-04-06, "
        "tas ned 2022-04-07"
    )
    corrected = (
        "Rättelse 2022-03-21: uppsatt 2022-03-21, sista dag för överklagande 2022-04-11, "
        "tas ned 2022-04-12, förvaringsplats Stadsarkivet, skäl: Fel plats"
    )
    for url in ("/anslagstavla/", "/organ/ks/sammantraden/2022-03-08/protokoll/"):
        text = " ".join(re.sub(r"<[^>]+>", " ", client.get(url).content.decode()).split())
        assert first in text, url
        assert corrected in text, url
    board = client.get("/anslagstavla/").content.decode()
    row = board[board.index("/organ/ks/sammantraden/2022-03-08/protokoll/") :]
    # The row's own columns are the notice in force.
    assert row.index("2022-03-21") < row.index("2022-04-11") < row.index("2022-04-12")
    page = " ".join(
        re.sub(
            r"<[^>]+>",
            " ",
            client.get("/organ/ks/sammantraden/2022-03-08/protokoll/").content.decode(),
        ).split()
    )
    assert "Sista dag för överklagande 2022-04-11" in page
    assert "Anslaget tas ned 2022-04-12" in page
    for name in ("anslag.pdf", "protokoll.pdf"):
        response = client.get(f"/organ/ks/sammantraden/2022-03-08/{name}")
        data = b"".join(response.streaming_content) if response.streaming else response.content
        text = pdf_text(data)
        assert "Sista dag för överklagande 2022-04-11" in text, name
        assert "Anslaget tas ned 2022-04-12" in text, name
        assert "Första anslaget 2022-03-16" in text, name
        assert "Rättelse 2022-03-21" in text and "Skäl: Fel plats" in text, name


def test_today_a_meeting_of_this_year_is_justerat_its_notice_posted_and_corrected(client, db):
    """Through the clerk's pages, on the real today (2026-12-02 when this was written)."""
    today = timezone.localdate()
    meeting = justerat(
        today - datetime.timedelta(days=7),
        timezone.make_aware(datetime.datetime.combine(today, datetime.time(0, 5))),
    )
    client.force_login(User.objects.create_superuser("reg", password="x"))
    base = f"/organ/{meeting.body.slug}/sammantraden/{meeting.date:%Y-%m-%d}/"
    response = client.post(
        base + "anslag/", {"posted_on": f"{today:%Y-%m-%d}", "kept_at": "Kansliet"}
    )
    assert response.status_code == 303
    last_day, down = law.last_appeal_day(today), law.notice_taken_down_on(today)
    # Posting again is refused beside nothing: the whole notice is posted already.
    response = client.post(base + "anslag/", {"posted_on": f"{today:%Y-%m-%d}", "kept_at": "X"})
    assert response.status_code == 422
    assert "Anslaget är redan uppsatt; gör en rättelse av anslaget." in response.content.decode()
    # The correction form has no date: the corrected notice goes up today.
    response = client.get(base + "anslag/rattelse/")
    assert f"sätts upp i dag, {today:%Y-%m-%d}" in response.content.decode()
    response = client.post(base + "anslag/rattelse/", {"kept_at": "Stadsarkivet", "reason": ""})
    assert response.status_code == 422
    assert "Ange skälet till rättelsen." in field_error(response.content.decode(), "reason")
    assert 'value="Stadsarkivet"' in response.content.decode()
    response = client.post(
        base + "anslag/rattelse/",
        {"kept_at": "Stadsarkivet", "reason": "Fel förvaringsplats"},
        follow=True,
    )
    html = response.content.decode()
    assert f"Det rättade anslaget är uppsatt {today:%Y-%m-%d}." in html
    assert f"Sista dag för överklagande är {last_day:%Y-%m-%d}" in html
    [correction] = NoticeCorrection.objects.filter(meeting=meeting)
    assert (correction.made_on, correction.removed_on) == (today, down)
    board = client.get("/anslagstavla/").content.decode()
    current = board[board.index("Aktuella anslag") : board.index("Tidigare anslag")]
    assert meeting.body.name in current and "Stadsarkivet" in current and "Kansliet" in current
    meeting.refresh_from_db()
    assert (meeting.notice_posted_on, meeting.protocol_kept_at) == (today, "Kansliet")
