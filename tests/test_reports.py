"""The report of unanswered motions to KF (KL 5 kap. 35 §): page, printable page and CSV."""

import csv
import io
from html import unescape

import pytest

from motions.models import Case


def listed(client, query: str) -> set[str]:
    response = client.get(f"/motioner/obesvarade/{query}")
    assert response.status_code == 200
    body = unescape(response.content.decode())
    return {dnr for dnr in ("KS 2019-295", "KS 2020-493") if f">{dnr}</a>" in body}


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2020-04-23", set()),  # KS 2019-295 was väckt 2019-04-23: its deadline day
        ("2020-04-24", {"KS 2019-295"}),
        ("2021-08-25", {"KS 2019-295"}),  # KS 2020-493 was väckt 2020-08-25
        ("2021-08-26", {"KS 2019-295", "KS 2020-493"}),
        ("2018-01-01", set()),
    ],
)
def test_motions_older_than_a_year_without_kf_decision_on_a_date(client, demo, day, expected):
    assert listed(client, f"?datum={day}") == expected


def test_the_page_shows_days_over_and_the_state_of_the_beredning(client, demo):
    body = unescape(client.get("/motioner/obesvarade/?datum=2022-04-23").content.decode())
    assert "730 dagar efter" in body  # 2020-04-23 → 2022-04-23
    assert "Ligger nu hos kommunfullmäktige sedan 2022-03-08" in body


def test_a_bad_date_gets_a_swedish_message(client, demo):
    response = client.get("/motioner/obesvarade/?datum=igår")
    assert response.status_code == 200
    assert "är inget datum" in unescape(response.content.decode())


def test_printable_version(client, demo):
    response = client.get("/motioner/obesvarade/?datum=2022-04-23&utskrift=1")
    body = unescape(response.content.decode())
    assert "Redovisning av motioner som inte beretts färdigt inom ett år" in body
    assert "KS 2019-295" in body
    assert "Huvudmeny" not in body


def test_csv(client, demo):
    response = client.get("/motioner/obesvarade.csv?datum=2022-04-23")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "obesvarade-motioner-2022-04-23.csv" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["Diarienummer", "Rubrik", "Motionärer"]
    by_dnr = {row[0]: row for row in rows[1:]}
    assert set(by_dnr) == {"KS 2019-295", "KS 2020-493"}
    assert by_dnr["KS 2019-295"][2] == "Maria Moraes (MP), Birgitta Rydhagen (MP)"
    assert by_dnr["KS 2019-295"][4:7] == ["2019-04-23", "2020-04-23", "730"]
    assert by_dnr["KS 2019-295"][8] == "Kommunfullmäktige"


def test_secret_motions_never_appear(client, demo):
    Case.objects.filter(dnr="KS 2020-493").update(is_secret=True)
    assert listed(client, "?datum=2022-04-23") == {"KS 2019-295"}
    text = client.get("/motioner/obesvarade.csv?datum=2022-04-23").content.decode()
    assert "KS 2020-493" not in text and "Områdesbaserat" not in text


def test_about_status_explains_every_stage(client, db):
    from motions.models import Stage

    body = unescape(client.get("/om/status/").content.decode())
    for _, label in Stage.choices:
        if label != "Avgjord":
            assert label in body
    assert "5 kap. 35 §" in body


def test_a_motion_decided_after_the_date_was_still_unanswered_then(client, demo):
    import datetime

    from decisions.models import Meeting, Paragraph
    from motions.models import Motion
    from organisation.models import Body

    kf = Body.objects.get(code="KF")
    meeting = Meeting.objects.create(body=kf, date=datetime.date(2022, 4, 25))
    paragraph = Paragraph.objects.create(meeting=meeting, number=80, title="Svar på motion")
    Motion.objects.filter(case__dnr="KS 2019-295").update(
        outcome=Motion.Outcome.ANSWERED, decided_by=paragraph
    )
    assert "KS 2019-295" in listed(client, "?datum=2022-04-24")
    assert "KS 2019-295" not in listed(client, "?datum=2022-04-25")  # decided that day
