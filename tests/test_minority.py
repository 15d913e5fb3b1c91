"""The minority's återremiss or bordläggning in fullmäktige (KL 5 kap. 50 §).

At least one third of the ledamöter present carry it without a vote, once per matter, only in
fullmäktige: the pure rule at its edges, the service, and the route.
"""

import datetime

import pytest

from common.errors import ServiceError
from decisions import law, prose, services
from decisions.models import Attendance, Jav, Meeting, Paragraph, Yrkande
from decisions.protocol import paragraph_text
from decisions.selectors import paragraphs_with_parts
from organisation.models import Body

from .factories import BodyFactory, CaseFactory, MeetingFactory, ParagraphFactory, PersonFactory
from .test_editor_debate import clerk, ks, state  # noqa: F401 — ks is a fixture

D = datetime.date
REFERRAL = Yrkande.Kind.REFERRAL_BACK


@pytest.mark.parametrize(
    "asking,present,carries",
    [
        (27, 81, True),
        (26, 81, False),
        (27, 80, True),
        (26, 79, False),
        (1, 3, True),
        (0, 3, False),
        (0, 0, False),
        (1, 0, False),
        (3, 9, True),
        (2, 9, False),
    ],
)
def test_one_third_of_those_present(asking, present, carries):
    assert law.minority_request_carries(asking, present) is carries


def kf_paragraph(case, day: datetime.date, number: int, members: int = 9) -> Paragraph:
    body = BodyFactory(code="KF", slug="kf", name="Kommunfullmäktige", kind=Body.Kind.COUNCIL)
    meeting = MeetingFactory(body=body, date=day, status=Meeting.Status.HELD)
    people = [PersonFactory() for _ in range(members)]
    for person in people:
        Attendance.objects.create(meeting=meeting, kind=Attendance.Kind.MEMBER, person=person)
    paragraph = ParagraphFactory(meeting=meeting, number=number, case=case)
    paragraph.people = people
    return paragraph


@pytest.fixture
def kf(db):
    return kf_paragraph(CaseFactory(), D(2022, 4, 26), 50)


def referral(paragraph: Paragraph, kind: str = REFERRAL) -> Yrkande:
    return services.save_yrkande(paragraph=paragraph, kind=kind, movers=[paragraph.people[0]])


def test_a_third_carries_the_referral_without_a_vote(kf):
    yrkande = referral(kf)
    services.carry_minority_request(paragraph=kf, yrkande=yrkande, asking=3)
    yrkande.refresh_from_db()
    assert (yrkande.outcome, yrkande.requested_by_count) == (Yrkande.Outcome.CARRIED, 3)
    assert prose.minority_sentence(yrkande, 9) == (
        "Yrkandet om återremiss begärs av 3 av 9 närvarande ledamöter, minst en tredjedel. "
        "Ärendet återremitteras därför utan omröstning (KL 5 kap. 50 §)."
    )
    paragraph_text(paragraphs_with_parts().get(pk=kf.pk))


def test_fewer_than_a_third_is_refused(kf):
    yrkande = referral(kf)
    before = state(kf)
    with pytest.raises(
        ServiceError,
        match=r"2 av 9 räcker inte: minst en tredjedel av de "
        r"närvarande ledamöterna \(3 av 9\) måste begära det.",
    ):
        services.carry_minority_request(paragraph=kf, yrkande=yrkande, asking=2)
    with pytest.raises(ServiceError, match="Fler än de 9 närvarande"):
        services.carry_minority_request(paragraph=kf, yrkande=yrkande, asking=10)
    assert state(kf) == before


def test_javiga_are_not_counted_as_present(kf):
    Jav.objects.create(paragraph=kf, person=kf.people[-1])
    Jav.objects.create(paragraph=kf, person=kf.people[-2])
    Jav.objects.create(paragraph=kf, person=kf.people[-3])
    yrkande = referral(kf)
    services.carry_minority_request(paragraph=kf, yrkande=yrkande, asking=2)  # 2 of 6
    yrkande.refresh_from_db()
    assert yrkande.outcome == Yrkande.Outcome.CARRIED


def test_once_per_matter(kf):
    services.carry_minority_request(paragraph=kf, yrkande=referral(kf), asking=3)
    later = kf_paragraph(kf.case, D(2022, 5, 24), 70)
    yrkande = referral(later, Yrkande.Kind.POSTPONEMENT)
    before = state(later)
    with pytest.raises(
        ServiceError,
        match=r"Ärendet har redan återremitterats på minoritetens begäran \(KF 2022-04-26 § 50\); "
        "det kan bara ske en gång.",
    ):
        services.carry_minority_request(paragraph=later, yrkande=yrkande, asking=5)
    assert state(later) == before
    other_case = kf_paragraph(CaseFactory(), D(2022, 5, 25), 71)
    services.carry_minority_request(paragraph=other_case, yrkande=referral(other_case), asking=3)


def test_only_referral_or_postponement_and_not_once_under_proposition(kf):
    approval = services.save_yrkande(
        paragraph=kf, kind=Yrkande.Kind.APPROVAL, target="motion", movers=[kf.people[1]]
    )
    with pytest.raises(ServiceError, match="Bara ett yrkande om återremiss eller bordläggning"):
        services.carry_minority_request(paragraph=kf, yrkande=approval, asking=5)
    yrkande = referral(kf)
    services.add_proposition(paragraph=kf, alternatives=[yrkande, approval], finding=approval)
    with pytest.raises(ServiceError, match="Yrkandet är redan ställt under proposition"):
        services.carry_minority_request(paragraph=kf, yrkande=yrkande, asking=5)


def test_a_carried_minority_request_is_not_put_under_proposition_and_can_be_undone(kf):
    yrkande = referral(kf)
    other = services.save_yrkande(
        paragraph=kf, kind=Yrkande.Kind.APPROVAL, target="motion", movers=[kf.people[1]]
    )
    services.carry_minority_request(paragraph=kf, yrkande=yrkande, asking=3)
    with pytest.raises(ServiceError, match="bifallet på minoritetens begäran"):
        services.add_proposition(paragraph=kf, alternatives=[yrkande, other], finding=other)
    services.undo_minority_request(paragraph=kf, yrkande=yrkande)
    yrkande.refresh_from_db()
    assert (yrkande.outcome, yrkande.requested_by_count) == ("", None)


def test_not_in_a_namnd(db):
    body = BodyFactory(kind=Body.Kind.COMMITTEE)
    meeting = MeetingFactory(body=body, status=Meeting.Status.HELD)
    person = PersonFactory()
    Attendance.objects.create(meeting=meeting, kind=Attendance.Kind.MEMBER, person=person)
    paragraph = ParagraphFactory(meeting=meeting)
    yrkande = services.save_yrkande(paragraph=paragraph, kind=REFERRAL, movers=[person])
    before = state(paragraph)
    with pytest.raises(ServiceError, match=r"Minoritetsåterremiss finns bara i fullmäktige\."):
        services.carry_minority_request(paragraph=paragraph, yrkande=yrkande, asking=1)
    assert state(paragraph) == before


def test_the_route_in_fullmaktige_and_in_kommunstyrelsen(client, ks, kf):  # noqa: F811
    yrkande = referral(kf)
    client.force_login(clerk("KF"))
    url = f"/arbetsyta/organ/kf/2022/50/debatt/yrkanden/{yrkande.pk}/minoritet/"
    page = client.get("/arbetsyta/organ/kf/2022/50/").content.decode()
    assert f'id="debatt-minoritet-{yrkande.pk}-asking"' in page
    response = client.post(url, {"asking": 2}, HTTP_HX_REQUEST="true")
    assert "2 av 9 räcker inte" in response.content.decode()
    response = client.post(url, {"asking": 3}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "Ärendet återremitteras därför utan omröstning" in html
    yrkande.refresh_from_db()
    assert yrkande.outcome == Yrkande.Outcome.CARRIED

    ks_yrkande = services.save_yrkande(
        paragraph=ks, kind=REFERRAL, movers=[ks.meeting.attendance.first().person]
    )
    client.force_login(clerk("KS"))
    before = state(ks)
    response = client.post(
        f"/arbetsyta/organ/ks/2022/61/debatt/yrkanden/{ks_yrkande.pk}/minoritet/",
        {"asking": 9},
        HTTP_HX_REQUEST="true",
    )
    assert "Minoritetsåterremiss finns bara i fullmäktige." in response.content.decode()
    assert state(ks) == before
