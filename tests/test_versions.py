"""Versioned documents of a justerat protocol: a rättelse makes a new version of the certified
extract and of the protocol's PDF; every version keeps its URL, bytes and SHA-256."""

import datetime
import hashlib
import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from decisions import services
from decisions.extracts import current_protocol, missing_protocol_ids, store_extract, store_protocol
from decisions.models import Meeting, Paragraph, StoredExtract, StoredProtocol

from .test_notice_corrections import justerat
from .test_record_final import postgres_only, refused

D = datetime.date
CORRECTION = "Punkt 2 ska lyda: Motionen anses besvarad."
REASON = "Skrivfel i beslutet"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def ks(demo) -> Meeting:
    return Meeting.objects.get(body__code="KS", date=D(2022, 3, 8))


@pytest.fixture
def p59(ks) -> Paragraph:
    return Paragraph.objects.get(meeting=ks, number=59)


def body_of(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def correct(paragraph: Paragraph, capture) -> None:
    """A rättelse through the service, with what it asks for after commit run as the worker
    would."""
    with capture(execute=True):
        services.correct(
            paragraph=paragraph, made_on=D(2022, 3, 20), reason=REASON, text=CORRECTION, user=None
        )


def test_a_correction_makes_version_2_and_version_1_stays_as_it_was(
    client, p59, django_capture_on_commit_callbacks
):
    first = store_extract(p59.pk)
    v1_bytes = first.pdf.open("rb").read()
    assert first.version == 1 and first.sha256 == hashlib.sha256(v1_bytes).hexdigest()
    correct(p59, django_capture_on_commit_callbacks)

    v1, v2 = StoredExtract.objects.filter(paragraph=p59).order_by("version")
    assert (v1.pk, v1.sha256, v1.pdf.name) == (first.pk, first.sha256, first.pdf.name)
    assert v1.pdf.open("rb").read() == v1_bytes
    assert v2.version == 2 and v2.correction.text == CORRECTION
    v2_bytes = v2.pdf.open("rb").read()
    assert v2.sha256 == hashlib.sha256(v2_bytes).hexdigest() != v1.sha256

    text = pdf_text(v2_bytes)
    assert f"Rättelse 2022-03-20: {CORRECTION} Skäl: {REASON}" in text
    assert "Rätt utdraget intygar Cecilia Åberg, sekreterare 2022-03-20" in text
    assert "sammanträde 2022-03-08 · version 2, med rättelse" in text
    assert "Rättelse" not in pdf_text(v1_bytes)

    # Version 1 is still served, byte for byte, at its own URL; the current URL serves version 2.
    old = client.get("/organ/ks/2022/59/utdrag/1.pdf")
    assert body_of(old) == v1_bytes and old["X-Content-SHA256"] == v1.sha256
    current = client.get("/organ/ks/2022/59/utdrag.pdf")
    assert body_of(current) == v2_bytes and current["ETag"] == f'"{v2.sha256}"'
    assert current["Content-Disposition"] == 'inline; filename="ks-2022-59-utdrag-v2.pdf"'
    assert body_of(client.get("/organ/ks/2022/59/utdrag/2.pdf")) == v2_bytes
    assert client.get("/organ/ks/2022/59/utdrag/3.pdf").status_code == 404
    # Asking again stores nothing new.
    assert store_extract(p59.pk).pk == v2.pk
    assert StoredExtract.objects.filter(paragraph=p59).count() == 2


def test_the_paragraph_page_lists_the_versions(client, p59, django_capture_on_commit_callbacks):
    store_extract(p59.pk)
    correct(p59, django_capture_on_commit_callbacks)
    html = client.get("/organ/ks/2022/59/").content.decode()
    for stored in StoredExtract.objects.filter(paragraph=p59):
        assert f"<code>{stored.sha256}</code>" in html
        assert f'href="/organ/ks/2022/59/utdrag/{stored.version}.pdf"' in html
        assert f"Version {stored.version} (PDF)" in html
    assert html.index("utdrag/1.pdf") < html.index("utdrag/2.pdf")


def test_the_protocol_pdf_is_stored_once_and_served_byte_identical(client, ks):
    assert current_protocol(ks) is None
    stored = store_protocol(ks.pk)
    assert stored.version == 1 and store_protocol(ks.pk).pk == stored.pk
    first = client.get("/organ/ks/sammantraden/2022-03-08/protokoll.pdf")
    second = client.get("/organ/ks/sammantraden/2022-03-08/protokoll.pdf")
    first_bytes, second_bytes = body_of(first), body_of(second)
    assert first_bytes == second_bytes == stored.pdf.open("rb").read()
    assert first["X-Content-SHA256"] == stored.sha256 == hashlib.sha256(first_bytes).hexdigest()
    assert StoredProtocol.objects.filter(meeting=ks).count() == 1
    assert "ANSLAG/BEVIS" in pdf_text(first_bytes)


def test_before_it_is_stored_the_protocol_is_rendered_on_the_fly_with_the_same_bytes(client, ks):
    on_the_fly = client.get("/organ/ks/sammantraden/2022-03-08/protokoll.pdf")
    assert not on_the_fly.streaming and "X-Content-SHA256" not in on_the_fly
    assert not StoredProtocol.objects.filter(meeting=ks).exists()  # a request never stores it
    stored = store_protocol(ks.pk)
    assert stored.pdf.open("rb").read() == on_the_fly.content


def test_justering_a_correction_and_a_notice_correction_each_store_a_new_protocol_version(
    client, ks, p59, django_capture_on_commit_callbacks
):
    v1 = store_protocol(ks.pk)
    v1_bytes = v1.pdf.open("rb").read()
    correct(p59, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.correct_notice(
            meeting=ks, made_on=D(2022, 3, 21), kept_at="Stadsarkivet", reason="Fel", user=None
        )
    versions = list(StoredProtocol.objects.filter(meeting=ks).order_by("version"))
    assert [v.version for v in versions] == [1, 2, 3]
    assert versions[0].pdf.open("rb").read() == v1_bytes
    newest = body_of(client.get("/organ/ks/sammantraden/2022-03-08/protokoll.pdf"))
    assert newest == versions[2].pdf.open("rb").read()
    text = pdf_text(newest)
    assert f"Rättelse 2022-03-20: {CORRECTION}" in text
    assert "Rättelse 2022-03-21" in text and "Anslaget tas ned 2022-04-12" in text
    assert "Rättelse" not in pdf_text(v1_bytes)


def test_justera_asks_for_the_protocol_after_commit(ks, django_capture_on_commit_callbacks):

    with django_capture_on_commit_callbacks(execute=True):
        meeting = justerat(D(2022, 1, 3), datetime.datetime(2022, 1, 10, 10, tzinfo=datetime.UTC))
    [stored] = StoredProtocol.objects.filter(meeting=meeting)
    assert stored.version == 1
    assert StoredExtract.objects.filter(paragraph__meeting=meeting).count() == 1


def test_render_extracts_renders_the_missing_protocols_too(ks, capsys):
    missing = missing_protocol_ids()
    assert ks.pk in missing  # the seed's, loaded without the worker
    assert set(missing) <= set(
        Meeting.objects.filter(status=Meeting.Status.JUSTERAT).values_list("pk", flat=True)
    )
    call_command("render_extracts")
    assert f"{len(missing)} protokoll framställda och lagrade." in capsys.readouterr().out
    assert missing_protocol_ids() == []
    call_command("render_extracts")
    assert "0 protokoll framställda och lagrade." in capsys.readouterr().out


@postgres_only
def test_notice_corrections_and_stored_versions_are_append_only_on_postgresql(ks):
    correction = services.correct_notice(
        meeting=ks, made_on=D(2022, 3, 21), kept_at="Stadsarkivet", reason="Fel", user=None
    )
    stored = store_protocol(ks.pk)
    extract = store_extract(Paragraph.objects.get(meeting=ks, number=59).pk)
    append_only = "tar bara emot nya rader"
    for sql, pk in [
        ("UPDATE decisions_noticecorrection SET reason = 'x' WHERE id = %s", correction.pk),
        ("DELETE FROM decisions_noticecorrection WHERE id = %s", correction.pk),
        ("UPDATE decisions_storedprotocol SET sha256 = 'x' WHERE id = %s", stored.pk),
        ("DELETE FROM decisions_storedprotocol WHERE id = %s", stored.pk),
        ("UPDATE decisions_storedextract SET version = 2 WHERE id = %s", extract.pk),
    ]:
        refused(sql, [pk], match=append_only)
