"""Property-based tests of the votering and reservation services (hypothesis).

Random attendance — ledamöter, ersättare serving for random ranges of paragraphs, jäv — and a
random roll call: the vote service either refuses with a ServiceError or stores a consistent
protocol. The stored tally is the roll call's, nobody jävig or not serving has a ballot, the
finding is the vote's result (the chair's casting vote on a tie), any reservation accepted is by
a participant who did not abstain, and the paragraph still prints. Each example's rows are
rolled back.
"""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from common.errors import ServiceError
from decisions import law, services
from decisions.models import Attendance, Ballot, Jav, Meeting, Vote, Yrkande
from decisions.models.participation import roll_of, serving_ids
from decisions.protocol import paragraph_text
from decisions.selectors import paragraphs_with_parts
from organisation.models import Body

from .factories import BodyFactory, MeetingFactory, ParagraphFactory, PersonFactory

ANSWERS = [law.YES, law.NO, law.ABSTAIN, law.ABSENT]
SETTINGS = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

member_plans = st.lists(
    st.tuples(
        st.booleans(),  # replaced by an ersättare for a range?
        st.integers(min_value=1, max_value=6),  # range start
        st.integers(min_value=0, max_value=3),  # range length
        st.booleans(),  # jävig?
    ),
    min_size=2,
    max_size=7,
)


def build(plans, number: int):
    """A nämnd's meeting with one ledamot per plan (the first is the chair) and § ``number``."""
    body = BodyFactory(kind=Body.Kind.COMMITTEE)
    members = [PersonFactory() for _ in plans]
    meeting = MeetingFactory(body=body, chair=members[0], status=Meeting.Status.HELD)
    substitutes = []
    for member, (replaced, start, length, _) in zip(members, plans, strict=True):
        Attendance.objects.create(meeting=meeting, kind=Attendance.Kind.MEMBER, person=member)
        if replaced:
            substitute = PersonFactory()
            substitutes.append(substitute)
            Attendance.objects.create(
                meeting=meeting,
                kind=Attendance.Kind.SERVING_SUBSTITUTE,
                person=substitute,
                replaces=member,
                from_number=start,
                to_number=start + length,
            )
    paragraph = ParagraphFactory(meeting=meeting, number=number)
    serving = serving_ids(list(meeting.attendance.all()), number)
    for member, substitute_plan in zip(members, plans, strict=True):
        if substitute_plan[3] and member.pk in serving:
            Jav.objects.create(paragraph=paragraph, person=member)
    outsider = PersonFactory()
    return paragraph, members + substitutes + [outsider]


def check_consistent(paragraph, proposition, first, second) -> None:
    vote = Vote.objects.get(proposition=proposition)
    ballots = list(Ballot.objects.filter(vote=vote).values_list("person_id", "answer"))
    answers = dict(ballots)
    assert law.tally_of(answers.values()) == vote.tally
    roll = roll_of(paragraph)
    assert set(answers) == set(roll.deciding)
    assert not set(answers) & roll.jav
    assert set(answers) <= roll.serving
    chair = paragraph.meeting.chair_id
    result = law.vote_result(vote.tally, answers.get(chair))
    assert result is not None
    proposition.refresh_from_db()
    winner = vote.yes_for_id if result == law.YES else vote.no_for_id
    assert proposition.finding_id == winner
    outcomes = dict(Yrkande.objects.filter(paragraph=paragraph).values_list("pk", "outcome"))
    loser = first.pk if winner == second.pk else second.pk
    assert outcomes[winner] == Yrkande.Outcome.CARRIED
    assert outcomes[loser] == Yrkande.Outcome.DEFEATED


@pytest.mark.django_db
@SETTINGS
@given(plans=member_plans, number=st.integers(min_value=1, max_value=8), data=st.data())
def test_a_vote_is_refused_or_consistent(plans, number, data):
    with transaction.atomic():
        paragraph, candidates = build(plans, number)
        roll = roll_of(paragraph)
        deciding = [p for p in candidates if p.pk in roll.deciding]
        if not deciding:
            transaction.set_rollback(True)
            return
        mover = deciding[0]
        first = services.save_yrkande(
            paragraph=paragraph, kind="bifall", target="motion", movers=[mover]
        )
        second = services.save_yrkande(
            paragraph=paragraph, kind="avslag", target="motion", movers=[deciding[-1]]
        )
        proposition = services.add_proposition(
            paragraph=paragraph, alternatives=[first, second], finding=first
        )
        answers = {}
        for person in candidates:
            # Mostly the roll call as it should be; now and then a stray or a missing answer.
            include = person.pk in roll.deciding or data.draw(st.integers(0, 5), label="extra") == 0
            if include and data.draw(st.integers(0, 19), label="drop") > 0:
                answers[person.pk] = data.draw(st.sampled_from(ANSWERS), label="answer")
        yes_first = data.draw(st.booleans(), label="yes_first")
        yes_for, no_for = (first, second) if yes_first else (second, first)
        try:
            services.record_vote(
                paragraph=paragraph,
                proposition=proposition,
                yes_for=yes_for,
                no_for=no_for,
                answers=answers,
            )
        except ServiceError:
            event("vote refused")
            assert not Vote.objects.filter(proposition=proposition).exists()
        else:
            event("vote stored")
            check_consistent(paragraph, proposition, first, second)

        who = data.draw(st.sampled_from(deciding + candidates), label="reserver")
        favour = data.draw(st.sampled_from([None, first, second]), label="favour")
        try:
            services.add_reservation(paragraph=paragraph, person=who, in_favour_of=favour)
        except ServiceError:
            event("reservation refused")
        else:
            event("reservation stored")
            assert who.pk in roll_of(paragraph).participants
            assert who.pk not in roll_of(paragraph).abstained
            assert who.pk not in roll.jav
            if favour is not None:
                assert Yrkande.objects.get(pk=favour.pk).outcome != Yrkande.Outcome.CARRIED

        text = paragraph_text(paragraphs_with_parts().get(pk=paragraph.pk), {})
        assert len(text.yrkanden) == 2
        assert text.beslutsordning
        transaction.set_rollback(True)
