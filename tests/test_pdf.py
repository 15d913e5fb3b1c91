"""The PDFs: extract, protocol and notice, read back with pypdf; stored extracts are stable."""

import datetime
import hashlib
import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from decisions import pdf
from decisions.extracts import store_extract
from decisions.models import Meeting, Paragraph, StoredExtract
from decisions.tasks import schedule_extracts

TITLE = "Utöka den områdesbaserade socialtjänsten, svar på motion (MP)"
RESERVATION = (
    "Rebecka Hovenberg (MP) och Ann-Charlott Bäckman (S) reserverar sig mot beslutet till "
    "förmån för eget yrkande om bifall till motionen."
)
SECRET_TITLE = "Områdesbaserat socialt arbete i hela kommunen"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def ks(demo) -> Meeting:
    return Meeting.objects.get(body__code="KS", date="2022-03-08")


@pytest.fixture
def p59(ks) -> Paragraph:
    return Paragraph.objects.get(meeting=ks, number=59)


@pytest.fixture
def secret(ks) -> Paragraph:
    """§ 60, made secret after justering (the one change a justerad paragraph allows)."""
    Paragraph.objects.filter(meeting=ks, number=60).update(is_secret=True)
    return Paragraph.objects.get(meeting=ks, number=60)


@pytest.fixture
def ojusterad(ks) -> Paragraph:
    """A long ojusterad § at KS's next meeting, held (a justerat meeting takes no new §§)."""
    long_text = "\n\n".join(
        f"Stycke {i}: kommunen har utrett frågan om vägunderhåll i flera omgångar och "
        "redovisar här sina slutsatser, som bygger på samråd med trafikverket och "
        "berörda vägföreningar under de senaste åren." * 3
        for i in range(1, 30)
    )
    meeting = Meeting.objects.create(
        body=ks.body, date=datetime.date(2022, 4, 5), place="Stadshuset", status="genomfort"
    )
    return Paragraph.objects.create(
        meeting=meeting, number=61, title="Vägunderhåll på landsbygden", arende_text=long_text
    )


def read(data: bytes) -> PdfReader:
    assert data.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(data))


def text_of(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def url(p: Paragraph) -> str:
    return reverse("decisions:extract_pdf", args=[p.body.slug, p.year, p.number])


def meeting_url(name: str, meeting: Meeting) -> str:
    return reverse(f"decisions:{name}", args=[meeting.body.slug, meeting.date.isoformat()])


def assert_archival(reader: PdfReader, title_part: str) -> None:
    """PDF/A-2a in the XMP, Swedish, titled, every font embedded, tagged."""
    xmp = reader.xmp_metadata
    assert xmp is not None
    raw = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="2"' in raw
    assert 'pdfaid:conformance="A"' in raw
    assert title_part in (xmp.dc_title or {}).get("x-default", "")
    assert title_part in reader.metadata.title
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "sv"
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"]
    fonts = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), descriptor
                fonts += 1
    assert fonts


def test_extract_of_a_justerad_paragraph(client, p59):
    response = client.get(url(p59))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="ks-2022-59-utdrag.pdf"'
    reader = read(b"".join(response.streaming_content))
    text = text_of(reader)
    for words in (
        f"§ 59 {TITLE}",
        "Dnr KS 2019-295",
        "Kommunstyrelsens beslut",
        "Förslag till kommunfullmäktiges beslut",
        RESERVATION,
        "Beslutsunderlag",
        "Beslutet skickas till:",
        "Ordförandens signatur Justerarens signatur Justerarens signatur",
        "Rätt utdraget intygar",
        "Cecilia Åberg",
        "2022-03-15",
        "Linköpings kommun",
        "Sammanträdesdatum 2022-03-08",
        "Sida 1 av",
    ):
        assert words in text, words
    assert "Ojusterat protokollsutdrag Sammanträdesdatum" not in text  # the header
    # The parts in the seeds' order.
    order = ["Kommunstyrelsens beslut", "Reservationer", "Ärende", "Yrkanden", "Beslutsordning"]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert len(reader.pages) == 2
    assert_archival(reader, "§ 59")


def test_stored_extract_is_the_same_bytes_every_time(client, p59):
    first = client.get(url(p59))
    first_bytes = b"".join(first.streaming_content)
    second = client.get(url(p59))
    second_bytes = b"".join(second.streaming_content)
    assert first_bytes == second_bytes
    stored = StoredExtract.objects.get(paragraph=p59)
    digest = hashlib.sha256(first_bytes).hexdigest()
    assert stored.sha256 == digest == second["X-Content-SHA256"]
    assert second["ETag"] == f'"{digest}"'
    assert client.get(url(p59), headers={"if-none-match": f'"{digest}"'}).status_code == 304
    assert StoredExtract.objects.count() == 1


def test_rendering_is_deterministic(p59):
    paragraph = pdf.with_parts(p59.pk)
    assert pdf.render_extract(paragraph) == pdf.render_extract(pdf.with_parts(p59.pk))


def test_store_extract_is_idempotent(p59):
    first = store_extract(p59.pk)
    assert store_extract(p59.pk).pk == first.pk
    assert first.pdf.read() and StoredExtract.objects.count() == 1


def test_schedule_extracts_stores_after_commit(p59, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        schedule_extracts([p59.pk])
    assert not StoredExtract.objects.exists()  # nothing before commit
    for callback in callbacks:
        callback()
    stored = StoredExtract.objects.get(paragraph=p59)
    assert stored.sha256 == hashlib.sha256(stored.pdf.read()).hexdigest()


def test_ojusterad_extract_says_so_on_every_page(client, ojusterad):
    response = client.get(url(ojusterad))
    assert response.status_code == 200
    reader = read(response.content)
    assert len(reader.pages) >= 3
    for number, page in enumerate(reader.pages, start=1):
        page_text = " ".join(page.extract_text().split())
        assert "Ojusterat protokollsutdrag Sammanträdesdatum 2022-04-05" in page_text
        assert f"Sida {number} av {len(reader.pages)}" in page_text
    assert "Rätt utdraget intygar" not in text_of(reader)
    assert not StoredExtract.objects.exists()


def test_secret_extract_is_refused_for_the_public(client, secret):
    response = client.get(url(secret))
    assert response.status_code == 403
    assert "sekretess" in response.content.decode()
    assert SECRET_TITLE not in response.content.decode()
    staff = User.objects.create_user("handlaggare", is_staff=True)
    client.force_login(staff)
    response = client.get(url(secret))
    assert response.status_code == 200
    assert SECRET_TITLE in text_of(read(b"".join(response.streaming_content)))


def test_full_protocol(client, ks, secret):
    response = client.get(meeting_url("protocol_pdf", ks))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = read(response.content)
    text = text_of(reader)
    for words in (
        "Plats och tid",
        "Stadshuset, Linköping",
        "Beslutande",
        "Ersättare",
        "Övriga deltagare",
        "Utses att justera",
        "Justeringens plats och tid",
        "Paragrafer",
        "Sekreterare",
        "Cecilia Åberg",
        "ANSLAG/BEVIS",
        f"§ 59 {TITLE}",
        "§ 60 Sekretessärende",
    ):
        assert words in text, words
    assert SECRET_TITLE not in text
    assert_archival(reader, "Kommunstyrelsen 2022-03-08")


def test_notice(client, ks):
    response = client.get(meeting_url("notice_pdf", ks))
    assert response.status_code == 200
    reader = read(response.content)
    text = text_of(reader)
    assert "Datum då anslaget sätts upp 2022-03-16" in text
    assert "Sista dag för överklagande 2022-04-06" in text
    assert "Anslaget tas ned 2022-04-07" in text
    assert "Protokollet justerat 2022-03-15" in text
    assert "Kommunledningsförvaltningen, Stadshuset, Linköping" in text
    assert len(reader.pages) == 1
    assert_archival(reader, "Anslag/bevis")


def test_notice_without_posting_is_404(client, ks):
    # Justerat, notice not yet posted (the demo's meetings have theirs, and it stays).
    unposted = Meeting.objects.create(
        body=ks.body,
        date=datetime.date(2022, 4, 5),
        status=Meeting.Status.JUSTERAT,
        justering_on=datetime.date(2022, 4, 12),
    )
    response = client.get(meeting_url("notice_pdf", unposted))
    assert response.status_code == 404


def test_render_extracts_command(p59, capsys):
    call_command("render_extracts")
    justerade = Paragraph.objects.justerade().count()
    assert StoredExtract.objects.count() == justerade
    assert f"{justerade}" in capsys.readouterr().out
    call_command("render_extracts")
    assert "0" in capsys.readouterr().out


def test_extract_link_include(p59):
    from django.template.loader import render_to_string

    html = render_to_string("decisions/_extract_link.html", {"paragraph": p59})
    assert "Protokollsutdrag (PDF)" in html and "SHA-256" not in html
    stored = store_extract(p59.pk)
    p59.refresh_from_db()
    html = render_to_string("decisions/_extract_link.html", {"paragraph": p59})
    assert f"<code>{stored.sha256}</code>" in html and "SHA-256" in html
