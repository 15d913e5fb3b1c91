"""Values stored for speed follow from what they are derived from (``decisions.services.derived``).

A yrkande's outcome follows from the beslutsordning and the minority's request, a vote's tally
from its roll call. The stored values must equal the derivations on the demo and after every
kind of write the debate services make.
"""

from decisions import services
from decisions.models import Paragraph, Vote, Yrkande
from decisions.services.derived import derived_outcomes, derived_tally

from .test_editor_debate import enter_ks_59, ks, roll_call  # noqa: F401 — ks is a fixture
from .test_minority import kf, referral  # noqa: F401 — kf is a fixture


def assert_stored_equals_derived() -> None:
    for paragraph in Paragraph.objects.filter(yrkanden__isnull=False).distinct():
        stored = dict(Yrkande.objects.filter(paragraph=paragraph).values_list("pk", "outcome"))
        assert stored == derived_outcomes(paragraph), paragraph
    for vote in Vote.objects.all():
        assert vote.tally == derived_tally(vote), vote


def test_the_demos_outcomes_and_tallies_are_the_derived_ones(demo):
    # The seeds record no roll call; their yrkanden's outcomes come from the chair's findings.
    assert Yrkande.objects.exclude(outcome="").exists()
    assert_stored_equals_derived()


def test_outcomes_and_tallies_stay_derived_through_the_debate_services(ks):  # noqa: F811
    hovenberg, krutzen, proposition = enter_ks_59(ks)
    assert_stored_equals_derived()
    assert Yrkande.objects.get(pk=krutzen.pk).outcome == Yrkande.Outcome.CARRIED

    services.record_vote(
        paragraph=ks,
        proposition=proposition,
        yes_for=krutzen,
        no_for=hovenberg,
        answers=roll_call(ks, Hovenberg="nej", Bäckman="nej", Karlsson="avstar"),
    )
    assert_stored_equals_derived()

    services.move_yrkande(paragraph=ks, yrkande=krutzen, direction="up")
    services.delete_vote(paragraph=ks, proposition=proposition)
    assert_stored_equals_derived()

    services.delete_proposition(paragraph=ks, proposition=proposition)
    assert_stored_equals_derived()
    assert set(Yrkande.objects.filter(paragraph=ks).values_list("outcome", flat=True)) == {""}

    services.add_proposition(paragraph=ks, alternatives=[hovenberg, krutzen], finding=hovenberg)
    assert_stored_equals_derived()
    assert Yrkande.objects.get(pk=hovenberg.pk).outcome == Yrkande.Outcome.CARRIED


def test_outcomes_stay_derived_through_the_minoritys_request(kf):  # noqa: F811
    yrkande = referral(kf)
    services.carry_minority_request(paragraph=kf, yrkande=yrkande, asking=3)
    assert_stored_equals_derived()
    assert Yrkande.objects.get(pk=yrkande.pk).outcome == Yrkande.Outcome.CARRIED

    services.undo_minority_request(paragraph=kf, yrkande=yrkande)
    assert_stored_equals_derived()
    assert Yrkande.objects.get(pk=yrkande.pk).outcome == ""
