"""Anmälan av motioner: a motion registered when it came in is väckt when a KF paragraph takes
it up, and that paragraph remits it to kommunstyrelsen for beredning."""

import datetime

import pytest

from common.errors import ServiceError
from decisions import services
from decisions.cases import with_state
from decisions.models import DecisionPoint, Meeting, Paragraph
from decisions.protocol import paragraph_text
from decisions.selectors import paragraphs_with_parts
from decisions.services.casework import register_motion
from motions.models import Motion, Referral
from organisation.models import Body

from .factories import MeetingFactory
from .roles import secretary
from .test_clerk_cases import motion_args, snapshot

D = datetime.date
CAME_IN = D(2022, 3, 1)
LOGIN = "/konto/logga-in/"


@pytest.fixture
def kf(demo) -> Body:
    return Body.objects.get(code="KF")


@pytest.fixture
def meeting(kf) -> Meeting:
    return MeetingFactory(body=kf, date=D(2022, 3, 21), status=Meeting.Status.PLANNED)


def come_in(meeting: Meeting, title: str, dated_on=CAME_IN) -> Motion:
    return register_motion(
        **motion_args(meeting, title=title, dated_on=dated_on, raised_at=None, refer_to_board=False)
    )


def stage_of(motion: Motion) -> str:
    return with_state(Motion.objects.all()).get(pk=motion.pk).stage


def test_a_paragraph_takes_up_several_motions_and_remits_them(meeting):
    first, second = come_in(meeting, "Motion om bänkar"), come_in(meeting, "Motion om träd")
    assert stage_of(first) == "inkommen"
    paragraph = services.announce_motions(meeting=meeting, motions=[first, second])
    assert paragraph.title == "Anmälan av motioner"
    assert paragraph.meeting == meeting
    for motion in (first, second):
        motion.refresh_from_db()
        assert motion.raised_at == meeting
        assert motion.raised_in == paragraph
        assert motion.deadline == D(2023, 3, 21)
        referral = Referral.objects.get(case=motion.case)
        assert (referral.from_body.code, referral.to_body.code) == ("KF", "KS")
        assert referral.purpose == Referral.Purpose.PREPARATION
        assert referral.sent_on == meeting.date
        assert stage_of(motion) == "remitterad"
    assert list(paragraph.decision_points.values_list("text", flat=True)) == [
        "Motionerna remitteras till kommunstyrelsen för beredning."
    ]


def test_without_remiss_the_motion_is_only_vackt(meeting):
    motion = come_in(meeting, "Motion om bänkar")
    paragraph = services.announce_motions(meeting=meeting, motions=[motion], refer_to_board=False)
    motion.refresh_from_db()
    assert motion.raised_in == paragraph
    assert not Referral.objects.filter(case=motion.case).exists()
    assert not DecisionPoint.objects.filter(paragraph=paragraph).exists()


def refused(meeting, motions, match):
    before = (snapshot(), Paragraph.objects.count(), DecisionPoint.objects.count())
    with pytest.raises(ServiceError, match=match):
        services.announce_motions(meeting=meeting, motions=motions)
    assert (snapshot(), Paragraph.objects.count(), DecisionPoint.objects.count()) == before


def test_only_the_council_takes_up_motions(meeting):
    motion = come_in(meeting, "Motion om bänkar")
    ks_meeting = MeetingFactory(body=Body.objects.get(code="KS"), date=D(2022, 3, 22))
    refused(ks_meeting, [motion], "Motioner anmäls i kommunfullmäktige")


def test_a_motion_is_vackt_once(meeting):
    motion = come_in(meeting, "Motion om bänkar")
    services.announce_motions(meeting=meeting, motions=[motion])
    later = MeetingFactory(body=meeting.body, date=D(2022, 4, 25))
    refused(later, [motion], "är redan väckt \\(2022-03-21\\)")


def test_a_motion_dated_after_the_meeting_is_not_taken_up(meeting):
    motion = come_in(meeting, "Motion om bänkar", dated_on=D(2022, 3, 1))
    early = MeetingFactory(body=meeting.body, date=D(2022, 2, 28))
    refused(early, [motion], "är daterad 2022-03-01, efter sammanträdet")


def test_nothing_chosen_is_refused(meeting):
    refused(meeting, [], "Välj minst en motion att anmäla")


def test_a_justerat_protocol_takes_up_nothing(meeting):
    motion = come_in(meeting, "Motion om bänkar")
    done = MeetingFactory(body=meeting.body, date=D(2022, 4, 25), status=Meeting.Status.JUSTERAT)
    refused(done, [motion], "Protokollet är justerat")


def test_the_paragraph_cannot_be_taken_off_the_agenda_once_it_holds_motions(meeting):
    motion = come_in(meeting, "Motion om bänkar")
    paragraph = services.announce_motions(meeting=meeting, motions=[motion])
    with pytest.raises(ServiceError, match="motioner som anmälts i den"):
        services.remove_paragraph(paragraph=paragraph)


# --- The page ---------------------------------------------------------------------------------


def workspace(meeting: Meeting) -> str:
    return f"/arbetsyta/organ/kf/sammantraden/{meeting.date:%Y-%m-%d}/"


def test_the_kf_clerk_takes_up_motions_from_the_workspace(client, meeting):
    motion = come_in(meeting, "Motion om bänkar")
    client.force_login(secretary("KF"))
    page = client.get(workspace(meeting)).content.decode()
    assert "Anmälan av motioner" in page
    assert f'value="{motion.pk}"' in page
    response = client.post(
        workspace(meeting) + "dagordning/motioner/",
        {"motions": [motion.pk], "refer_to_board": "on"},
    )
    assert response.status_code == 303
    motion.refresh_from_db()
    assert motion.raised_at == meeting
    page = client.get(workspace(meeting)).content.decode()
    assert "motionen är väckt och remitterad till kommunstyrelsen" in page


@pytest.mark.parametrize("posted", [{}, {"motions": ["x"]}, {"motions": ["999999"]}])
def test_a_bad_post_is_refused_beside_the_field_and_saves_nothing(client, meeting, posted):
    come_in(meeting, "Motion om bänkar")
    client.force_login(secretary("KF"))
    before = (snapshot(), Paragraph.objects.count())
    response = client.post(workspace(meeting) + "dagordning/motioner/", posted)
    assert response.status_code == 422
    assert "Välj minst en motion" in response.content.decode() or (
        "finns inte bland dem som väntar" in response.content.decode()
    )
    assert (snapshot(), Paragraph.objects.count()) == before


def test_other_bodies_clerks_and_the_public_are_refused(client, meeting):
    motion = come_in(meeting, "Motion om bänkar")
    url = workspace(meeting) + "dagordning/motioner/"
    response = client.post(url, {"motions": [motion.pk]})
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    client.force_login(secretary("SON"))
    assert client.post(url, {"motions": [motion.pk]}).status_code == 403
    motion.refresh_from_db()
    assert motion.raised_at is None


def test_the_protocol_lists_the_motions_taken_up_with_their_motionarer(meeting):
    motion = come_in(meeting, "Motion om bänkar")
    paragraph = services.announce_motions(meeting=meeting, motions=[motion])
    text = paragraph_text(paragraphs_with_parts().get(pk=paragraph.pk))
    assert text.motions == [
        f"{motion.case.dnr} Motion om bänkar (Maria Moraes (MP) och Ann-Charlott Bäckman (S))"
    ]
