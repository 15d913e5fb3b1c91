"""What is structurally impossible is refused: by the database, and by model validation."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from decisions.models import (
    Attendance,
    Ballot,
    Jav,
    Meeting,
    Paragraph,
    Proposition,
    PropositionAlternative,
    Reservation,
    Vote,
)
from motions.models import Case, Motion, Referral
from organisation.models import Body, Membership

from .factories import (
    AttendanceFactory,
    BodyFactory,
    CaseFactory,
    MeetingFactory,
    MembershipFactory,
    MotionFactory,
    ParagraphFactory,
    PersonFactory,
    RegistryFactory,
    YrkandeFactory,
    YrkandeMemberFactory,
)

pytestmark = pytest.mark.django_db


def refused_by_database(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


class TestDnr:
    def test_duplicate_dnr_is_refused_by_the_database(self):
        registry = RegistryFactory(code="BN", name="Byggnadsnämndens diarium")
        CaseFactory(registry=registry, year=2019, serial=295)
        refused_by_database(lambda: CaseFactory(registry=registry, year=2019, serial=295))

    def test_duplicate_dnr_is_refused_by_validation_in_swedish(self):
        registry = RegistryFactory(code="BN", name="Byggnadsnämndens diarium")
        CaseFactory(registry=registry, year=2019, serial=295)
        twin = Case(
            registry=registry,
            year=2019,
            serial=295,
            title="x",
            kind="ovrigt",
            registered_on=datetime.date(2019, 3, 21),
        )
        with pytest.raises(ValidationError, match="Diarienumret finns redan"):
            twin.full_clean()

    def test_same_serial_in_another_year_or_registry_is_fine(self):
        ks = RegistryFactory(code="KS")
        son = RegistryFactory(code="SON", name="Social- och omsorgsnämndens diarium")
        before = Case.objects.count()
        CaseFactory(registry=ks, year=2019, serial=1)
        CaseFactory(registry=ks, year=2020, serial=1)
        CaseFactory(registry=son, year=2019, serial=1)
        assert Case.objects.count() == before + 3

    def test_dnr_and_slug_follow_the_registry_format_and_stay_fixed(self):
        registry = RegistryFactory(code="BN", dnr_format="{registry} {year}/{serial}")
        case = CaseFactory(registry=registry, year=2018, serial=124)
        assert (case.dnr, case.slug) == ("BN 2018/124", "bn-2018-124")
        registry.dnr_format = "{registry}-{year}-{serial}"
        registry.save()
        case.title = "Ny rubrik"
        case.save()
        case.refresh_from_db()
        assert case.dnr == "BN 2018/124"

    def test_bad_registry_format_is_refused_beside_the_field(self):
        registry = RegistryFactory.build(code="KS", dnr_format="{registry}-{serial}")
        with pytest.raises(ValidationError) as error:
            registry.full_clean()
        assert "dnr_format" in error.value.message_dict


class TestParagraphNumber:
    def test_duplicate_number_in_a_body_year_is_refused_by_the_database(self):
        body = BodyFactory()
        first = MeetingFactory(body=body, date=datetime.date(2022, 3, 8))
        second = MeetingFactory(body=body, date=datetime.date(2022, 4, 5))
        ParagraphFactory(meeting=first, number=59)
        refused_by_database(lambda: ParagraphFactory(meeting=second, number=59))

    def test_duplicate_number_is_refused_by_validation_in_swedish(self):
        body = BodyFactory(name="Kommunstyrelsen")
        ParagraphFactory(
            meeting=MeetingFactory(body=body, date=datetime.date(2022, 3, 8)), number=59
        )
        twin = Paragraph(
            meeting=MeetingFactory(body=body, date=datetime.date(2022, 4, 5)), number=59, title="x"
        )
        with pytest.raises(ValidationError) as error:
            twin.full_clean()
        assert error.value.message_dict["number"] == ["§ 59 finns redan för kommunstyrelsen 2022."]

    def test_same_number_in_another_year_or_body_is_fine(self):
        before = Paragraph.objects.filter(number=59).count()
        body = BodyFactory()
        ParagraphFactory(
            meeting=MeetingFactory(body=body, date=datetime.date(2021, 3, 8)), number=59
        )
        ParagraphFactory(
            meeting=MeetingFactory(body=body, date=datetime.date(2022, 3, 8)), number=59
        )
        ParagraphFactory(meeting=MeetingFactory(date=datetime.date(2022, 3, 8)), number=59)
        assert Paragraph.objects.filter(number=59).count() == before + 3

    def test_body_and_year_follow_the_meeting(self):
        meeting = MeetingFactory(date=datetime.date(2022, 3, 8))
        paragraph = ParagraphFactory(meeting=meeting, number=1)
        assert (paragraph.body_id, paragraph.year) == (meeting.body_id, 2022)


class TestMeeting:
    def test_one_meeting_per_body_and_day(self):
        body = BodyFactory()
        MeetingFactory(body=body, date=datetime.date(2022, 3, 8))
        refused_by_database(lambda: MeetingFactory(body=body, date=datetime.date(2022, 3, 8)))

    def test_justering_before_the_meeting_is_refused(self):
        refused_by_database(
            lambda: MeetingFactory(
                date=datetime.date(2022, 3, 8), justering_on=datetime.date(2022, 3, 7)
            )
        )
        meeting = MeetingFactory.build(
            body=BodyFactory(),
            date=datetime.date(2022, 3, 8),
            justering_on=datetime.date(2022, 3, 7),
        )
        with pytest.raises(ValidationError, match="Justeringen kan inte ligga före"):
            meeting.full_clean()

    def test_notice_before_justering_is_refused(self):
        meeting = MeetingFactory.build(
            body=BodyFactory(),
            date=datetime.date(2022, 3, 8),
            justering_on=datetime.date(2022, 3, 15),
            notice_posted_on=datetime.date(2022, 3, 14),
        )
        with pytest.raises(ValidationError) as error:
            meeting.full_clean()
        assert "notice_posted_on" in error.value.message_dict


class TestMotion:
    def test_outcome_needs_the_deciding_paragraph(self):
        refused_by_database(lambda: MotionFactory(outcome=Motion.Outcome.ANSWERED))

    def test_deadline_is_a_year_after_it_was_raised_in_kf(self):
        kf = BodyFactory(code="KF", kind=Body.Kind.COUNCIL, name="Kommunfullmäktige")
        meeting = MeetingFactory(body=kf, date=datetime.date(2023, 4, 24))
        motion = MotionFactory(dated_on=datetime.date(2023, 3, 21), raised_at=meeting)
        assert motion.deadline == datetime.date(2024, 4, 24)
        assert not motion.is_overdue(datetime.date(2024, 4, 24))
        assert motion.is_overdue(datetime.date(2024, 4, 25))

    def test_a_motion_not_yet_raised_has_no_deadline(self):
        assert MotionFactory().deadline is None

    def test_a_motion_is_raised_in_the_council_only(self):
        meeting = MeetingFactory(date=datetime.date(2022, 2, 1))
        motion = MotionFactory(raised_at=None)
        motion.raised_at = meeting
        with pytest.raises(ValidationError, match="väcks i kommunfullmäktige"):
            motion.full_clean()


class TestReferral:
    def test_answer_due_before_it_was_sent_is_refused(self):
        ks, son = BodyFactory(), BodyFactory()
        refused_by_database(
            lambda: Referral.objects.create(
                case=CaseFactory(),
                from_body=ks,
                to_body=son,
                purpose="yttrande",
                sent_on=datetime.date(2022, 3, 1),
                due_on=datetime.date(2022, 2, 1),
            )
        )

    def test_a_body_does_not_refer_to_itself(self):
        ks = BodyFactory()
        refused_by_database(
            lambda: Referral.objects.create(
                case=CaseFactory(),
                from_body=ks,
                to_body=ks,
                purpose="yttrande",
                sent_on=datetime.date(2022, 3, 1),
            )
        )


@pytest.fixture
def decided_paragraph():
    """A nämnd of five on 2022-03-08: four ledamöter serving, one ersättare serving for § 3."""
    body = BodyFactory(size=5)
    meeting = MeetingFactory(body=body, date=datetime.date(2022, 3, 8))
    members = [MembershipFactory(body=body).person for _ in range(5)]
    substitute = MembershipFactory(body=body, role=Membership.Role.SUBSTITUTE).person
    for person in members[:4]:
        AttendanceFactory(meeting=meeting, person=person)
    AttendanceFactory(
        meeting=meeting,
        person=substitute,
        kind=Attendance.Kind.SERVING_SUBSTITUTE,
        replaces=members[3],
        from_number=3,
        to_number=3,
    )
    paragraph = ParagraphFactory(meeting=meeting, number=3)
    return paragraph, members, substitute


class TestReservation:
    def test_a_member_who_took_part_may_reserve(self, decided_paragraph):
        paragraph, members, _ = decided_paragraph
        Reservation(paragraph=paragraph, person=members[0], position=1).full_clean()

    def test_a_member_who_was_not_there_may_not(self, decided_paragraph):
        paragraph, members, _ = decided_paragraph
        reservation = Reservation(paragraph=paragraph, person=members[4], position=1)
        with pytest.raises(ValidationError, match="deltog inte i beslutet"):
            reservation.full_clean()

    def test_a_member_replaced_for_this_paragraph_may_not(self, decided_paragraph):
        paragraph, members, substitute = decided_paragraph
        with pytest.raises(ValidationError, match="deltog inte"):
            Reservation(paragraph=paragraph, person=members[3], position=1).full_clean()
        Reservation(paragraph=paragraph, person=substitute, position=1).full_clean()

    def test_a_member_with_jav_may_not(self, decided_paragraph):
        paragraph, members, _ = decided_paragraph
        Jav.objects.create(paragraph=paragraph, person=members[1])
        with pytest.raises(ValidationError, match="deltog inte"):
            Reservation(paragraph=paragraph, person=members[1], position=1).full_clean()

    def test_a_member_who_abstained_may_not(self, decided_paragraph):
        paragraph, members, _ = decided_paragraph
        vote = _vote(paragraph, yes=2, no=0, abstain=1)
        for person, answer in zip(members[:3], ["ja", "ja", "avstar"], strict=True):
            Ballot.objects.create(vote=vote, person=person, answer=answer)
        with pytest.raises(ValidationError, match="avstod"):
            Reservation(paragraph=paragraph, person=members[2], position=1).full_clean()

    def test_a_member_reserves_once_per_paragraph(self, decided_paragraph):
        paragraph, members, _ = decided_paragraph
        Reservation.objects.create(paragraph=paragraph, person=members[0], position=1)
        refused_by_database(
            lambda: Reservation.objects.create(paragraph=paragraph, person=members[0], position=2)
        )


def _vote(paragraph, *, yes, no, abstain=0):
    first = YrkandeFactory(paragraph=paragraph)
    second = YrkandeFactory(paragraph=paragraph, target="forslag", target_body=paragraph.body)
    proposition = Proposition.objects.create(paragraph=paragraph, position=1, finding=first)
    PropositionAlternative.objects.create(proposition=proposition, yrkande=first, position=1)
    PropositionAlternative.objects.create(proposition=proposition, yrkande=second, position=2)
    return Vote.objects.create(
        proposition=proposition,
        yes_for=first,
        no_for=second,
        yes_count=yes,
        no_count=no,
        abstain_count=abstain,
    )


class TestVote:
    def test_tally_matching_the_roll_call_is_valid(self, decided_paragraph):
        paragraph, members, _ = decided_paragraph
        vote = _vote(paragraph, yes=2, no=1, abstain=1)
        for person, answer in zip(
            members, ["ja", "ja", "nej", "avstar", "franvarande"], strict=True
        ):
            Ballot.objects.create(vote=vote, person=person, answer=answer)
        vote.full_clean()

    def test_tally_not_matching_the_roll_call_is_refused(self, decided_paragraph):
        paragraph, members, _ = decided_paragraph
        vote = _vote(paragraph, yes=3, no=1)
        for person, answer in zip(members[:3], ["ja", "ja", "nej"], strict=True):
            Ballot.objects.create(vote=vote, person=person, answer=answer)
        with pytest.raises(ValidationError, match="stämmer inte med omröstningslistan"):
            vote.full_clean()

    def test_one_ballot_per_member(self, decided_paragraph):
        paragraph, members, _ = decided_paragraph
        vote = _vote(paragraph, yes=1, no=0)
        Ballot.objects.create(vote=vote, person=members[0], answer="ja")
        refused_by_database(
            lambda: Ballot.objects.create(vote=vote, person=members[0], answer="nej")
        )


class TestAttendance:
    def test_a_non_member_cannot_serve(self):
        meeting = MeetingFactory(date=datetime.date(2022, 3, 8))
        row = Attendance(meeting=meeting, person=PersonFactory(), kind=Attendance.Kind.MEMBER)
        with pytest.raises(ValidationError, match="är inte ledamot eller ersättare"):
            row.full_clean()

    def test_a_member_whose_term_ended_cannot_serve(self):
        membership = MembershipFactory(ends_on=datetime.date(2022, 3, 7))
        meeting = MeetingFactory(body=membership.body, date=datetime.date(2022, 3, 8))
        row = Attendance(meeting=meeting, person=membership.person, kind=Attendance.Kind.MEMBER)
        with pytest.raises(ValidationError, match="är inte ledamot"):
            row.full_clean()

    def test_a_serving_substitute_names_whom_they_replace(self):
        refused_by_database(
            lambda: AttendanceFactory(kind=Attendance.Kind.SERVING_SUBSTITUTE, replaces=None)
        )


class TestYrkande:
    def test_bifall_to_a_proposal_names_the_body(self):
        refused_by_database(lambda: YrkandeFactory(target="forslag", target_body=None))

    def test_a_person_moves_a_yrkande_once(self):
        member = YrkandeMemberFactory()
        refused_by_database(
            lambda: YrkandeMemberFactory(yrkande=member.yrkande, person=member.person)
        )

    def test_amendment_needs_its_wording(self):
        yrkande = YrkandeFactory.build(
            paragraph=ParagraphFactory(), position=1, kind="andring", target="", text=""
        )
        with pytest.raises(ValidationError) as error:
            yrkande.full_clean()
        assert "text" in error.value.message_dict


def test_membership_cannot_end_before_it_starts():
    refused_by_database(
        lambda: MembershipFactory(
            starts_on=datetime.date(2022, 1, 1), ends_on=datetime.date(2021, 1, 1)
        )
    )


def test_meeting_is_body_meeting():
    assert Meeting._meta.get_field("body").related_model is Body
