"""A roll call at kommunfullmäktige's scale (81 seats in the present-day demo): a vote along
party lines is entered in at most 15 actions — clicks or key presses — counted here."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from playwright.sync_api import Page, expect

from decisions import services
from decisions.models import Meeting, Paragraph, Vote, Yrkande
from decisions.services.attendance import Presence
from organisation.models import Body, ClerkAssignment, Membership

from .test_register_and_refer import PASSWORD, log_in

pytestmark = pytest.mark.browser

MAX_ACTIONS = 15


def kf_paragraph_with_two_yrkanden() -> tuple[Paragraph, dict[str, str]]:
    """A held KF meeting today with every ledamot present, and a § where S moves one yrkande
    and M the other. Returns the § and each ledamot's party by name."""
    kf = Body.objects.get(code="KF")
    today = timezone.localdate()
    day = today
    while Meeting.objects.filter(body=kf, date=day).exists():
        day -= datetime.timedelta(days=1)
    seats = list(
        Membership.objects.on(day)
        .filter(body=kf)
        .exclude(role=Membership.Role.SUBSTITUTE)
        .select_related("person", "party")
    )
    assert len(seats) == 81
    meeting = services.create_meeting(body=kf, date=day)
    services.set_attendance(
        meeting=meeting,
        members=[Presence(person=s.person) for s in seats],
        serving=[],
        substitutes=[],
        others=[],
    )
    paragraph = services.add_paragraph(meeting=meeting, title="Motion om fler parkbänkar")
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.HELD)
    by_party: dict[str, list] = {}
    for seat in seats:
        by_party.setdefault(seat.party.abbreviation, []).append(seat.person)
    first = services.save_yrkande(
        paragraph=paragraph,
        kind=Yrkande.Kind.APPROVAL,
        target=Yrkande.Target.MOTION,
        movers=[by_party["S"][0]],
    )
    second = services.save_yrkande(
        paragraph=paragraph,
        kind=Yrkande.Kind.REJECTION,
        target=Yrkande.Target.MOTION,
        movers=[by_party["M"][0]],
    )
    services.add_proposition(paragraph=paragraph, alternatives=[first, second], finding=first)
    return paragraph, {s.person.full_name: s.party.abbreviation for s in seats}


def test_an_81_member_vote_along_party_lines_takes_at_most_15_actions(
    live_demo, page: Page, problems
):
    paragraph, parties = kf_paragraph_with_two_yrkanden()
    user = User.objects.create_user("kfsekreterare", password=PASSWORD)
    ClerkAssignment.objects.create(
        user=user, role="namndsekreterare", body=paragraph.body, starts_on=datetime.date(2019, 1, 1)
    )
    log_in(page, live_demo.url, "kfsekreterare")
    page.goto(f"{live_demo.url}/arbetsyta/organ/kf/{paragraph.year}/{paragraph.number}/")
    actions = 0

    def act(locator) -> None:
        nonlocal actions
        actions += 1
        locator.click()

    act(page.locator("summary", has_text="Votering begärs"))
    table = page.locator("[data-roll-call]")
    expect(table.locator("tbody[data-party-group]")).to_have_count(len(set(parties.values())))
    # S (the ja-yrkande's party) and M (the nej's) are pre-filled; the red-green side votes ja
    # with S, the rest nej with M: one click per group of the ja side, then "resten" nej.
    for party in ("V", "MP"):
        if party in parties.values():
            act(table.get_by_role("button", name=f"Hela gruppen {party} röstar ja"))
    act(table.get_by_role("button", name="Alla utan angiven röst röstar nej"))
    expect(table.locator(".roll-call-tally")).not_to_contain_text("ej angivna")
    act(page.get_by_role("button", name="Registrera voteringen"))
    expect(page.locator(".debate-notice")).to_contain_text("Voteringen är registrerad")

    assert actions <= MAX_ACTIONS
    vote = Vote.objects.get(proposition__paragraph=paragraph)
    yes_parties = {"S", "V", "MP"}
    expected_yes = sum(1 for party in parties.values() if party in yes_parties)
    assert (vote.yes_count, vote.no_count) == (expected_yes, 81 - expected_yes)
    assert problems.all() == []
