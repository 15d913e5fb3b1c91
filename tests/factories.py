"""factory_boy factories: the smallest valid objects, for tests that need a few rows."""

import datetime

import factory

from decisions.models import Attendance, Meeting, Paragraph, Yrkande, YrkandeMember
from motions.models import Case, Motion, Registry
from organisation.models import Body, Membership, Party, Person


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"N{n}")
    slug = factory.LazyAttribute(lambda o: o.code.lower())
    name = factory.Sequence(lambda n: f"Nämnd {n}")
    kind = Body.Kind.COMMITTEE
    size = 5


class PartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Party
        django_get_or_create = ("abbreviation",)

    abbreviation = factory.Sequence(lambda n: f"P{n}")
    name = factory.LazyAttribute(lambda o: f"Partiet {o.abbreviation}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Sequence(lambda n: f"Förnamn{n}")
    last_name = factory.Sequence(lambda n: f"Efternamn{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    body = factory.SubFactory(BodyFactory)
    role = Membership.Role.MEMBER
    party = factory.SubFactory(PartyFactory)
    starts_on = datetime.date(2019, 1, 1)
    ends_on = datetime.date(2022, 12, 31)


class RegistryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registry
        django_get_or_create = ("code",)

    code = "KS"
    name = "Kommunstyrelsens diarium"


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    registry = factory.SubFactory(RegistryFactory)
    year = 2022
    serial = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Ärende {n}")
    kind = Case.Kind.OTHER
    registered_on = datetime.date(2022, 1, 10)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    date = factory.Sequence(lambda n: datetime.date(2022, 1, 1) + datetime.timedelta(days=n))
    place = "Stadshuset"


class MotionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Motion

    case = factory.SubFactory(CaseFactory, kind=Case.Kind.MOTION)
    dated_on = datetime.date(2022, 1, 5)


class ParagraphFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Paragraph

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Paragraf {n}")


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    kind = Attendance.Kind.MEMBER
    person = factory.SubFactory(PersonFactory)


class YrkandeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Yrkande

    paragraph = factory.SubFactory(ParagraphFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = Yrkande.Kind.APPROVAL
    target = Yrkande.Target.MOTION


class YrkandeMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = YrkandeMember

    yrkande = factory.SubFactory(YrkandeFactory)
    person = factory.SubFactory(PersonFactory)
    position = factory.Sequence(lambda n: n + 1)


def free_day(body, day: datetime.date) -> datetime.date:
    """``day``, or the first day after it on which ``body`` has no meeting: the demo's calendar
    holds meetings around today (``portal.demo.calendar``), one a body and day."""
    while Meeting.objects.filter(body=body, date=day).exists():
        day += datetime.timedelta(days=1)
    return day
