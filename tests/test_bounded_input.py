"""What a person sees for the inputs the fuzz test (tests/test_fuzz.py) found crashing: a
Swedish message, and for a justering or an expediering, no date ahead of today."""

import datetime
from html import unescape

import pytest
from django.utils import timezone

from common.errors import ServiceError
from decisions.models import Paragraph, Recipient
from decisions.services import after_justering, justering

from .factories import MeetingFactory, ParagraphFactory


@pytest.mark.parametrize("year", ["0", "-1", "1e5", "9" * 20, "1899"])
def test_a_year_no_one_means_is_refused_with_a_message(client, demo, year):
    response = client.get(f"/motioner/?ar={year}")
    assert response.status_code == 200
    body = unescape(response.content.decode())
    assert "År väckt:" in body and "Ange ett år" in body


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("0001-01-01", "Ange ett datum från 1900-01-01 och framåt."),
        ("9999-12-31", "Ange ett datum till och med 2100-12-31."),
    ],
)
def test_the_report_refuses_a_date_out_of_bounds(client, demo, day, message):
    for url in ("/motioner/obesvarade/", "/motioner/obesvarade.csv"):
        assert client.get(f"{url}?datum={day}").status_code == 200
    body = unescape(client.get(f"/motioner/obesvarade/?datum={day}").content.decode())
    assert message in body and "Rapporten visar" in body


def test_a_nul_byte_in_the_address_is_refused(client, demo):
    response = client.get("/motioner/?q=%00")
    assert response.status_code == 400
    assert "otillåtet tecken" in response.content.decode()


def test_a_justering_in_the_future_is_refused(demo):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    meeting = MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=1))
    paragraph = ParagraphFactory(meeting=meeting)
    with pytest.raises(ServiceError) as refused:
        justering.check_justera_immediately(paragraph=paragraph, at=tomorrow)
    assert "framtiden" in refused.value.error_dict["at"][0].message


def test_an_expediering_in_the_future_is_refused(demo):
    recipient = Recipient.objects.filter(paragraph__status=Paragraph.Status.JUSTERAD).first()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ServiceError) as refused:
        after_justering.check_mark_sent(recipient=recipient, sent_on=tomorrow)
    assert "framtiden" in refused.value.error_dict["sent_on"][0].message
    after_justering.check_mark_sent(recipient=recipient, sent_on=timezone.localdate())


def test_an_admin_history_page_for_an_id_that_is_none_is_404(admin_client, demo):
    assert admin_client.get("/admin/decisions/meeting/abc/history/").status_code == 404
    assert admin_client.get("/admin/motions/case/1/history/abc/").status_code == 404
