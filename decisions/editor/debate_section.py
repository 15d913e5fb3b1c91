"""The paragraph editor's debate section: what it shows — yrkanden, beslutsordning, votering,
reservationer and the minority's återremiss or bordläggning in fullmäktige — and the choices
its forms offer, built once per answer (the actions are in ``debate_actions``).
"""

from django.forms import Form
from django.http import HttpRequest
from django.urls import reverse

from decisions import prose, selectors, services
from decisions.models import Paragraph, Proposal, participation
from decisions.protocol import link_yrkanden, vote_of
from organisation.models import Body

from .debate_forms import (
    Choice,
    MinorityForm,
    PropositionForm,
    ReservationForm,
    VoteForm,
    YrkandeForm,
    yrkande_initial,
)
from .roll_call import party_groups, prefilled_answers

# --- The section -----------------------------------------------------------------------------


def _target_bodies(paragraph: Paragraph) -> list[Choice]:
    """Bodies whose förslag till beslut a yrkande may be about: those that proposed a decision
    on the case in another paragraph (SON's proposal to KS in KS § 59), the quoted one, and any
    a yrkande already names."""
    ids: set[int] = set()
    if paragraph.case_id:
        ids |= set(
            Proposal.objects.filter(paragraph__case_id=paragraph.case_id)
            .exclude(paragraph=paragraph)
            .values_list("paragraph__body_id", flat=True)
        )
    if paragraph.quotes_id:
        ids.add(paragraph.quotes.body_id)
    ids.discard(paragraph.body_id)
    ids |= {y.target_body_id for y in paragraph.yrkanden.all() if y.target_body_id}
    return [Choice(b.pk, b.name) for b in Body.objects.filter(pk__in=ids).by_rank()]


def _people(
    paragraph: Paragraph, roll: participation.Roll, parties: dict[int, str]
) -> list[Choice]:
    attendance = paragraph.meeting.attendance.exclude(person=None).select_related("person")
    people = {a.person_id: a.person for a in attendance}
    return [Choice(pk, prose.named(people[pk], parties)) for pk in roll.order]


def section_context(
    request: HttpRequest,
    paragraph: Paragraph,
    *,
    bound: dict[str, Form] | None = None,
    error: str | None = None,
    notice: str | None = None,
) -> dict:
    """Everything the debate section shows; ``bound`` holds a posted form that failed, by key
    ("yrkande-ny", "yrkande-<id>", "minoritet-<id>", "proposition", "votering-<id>",
    "reservation"), so that it is shown with the clerk's input and its errors."""
    bound = bound or {}
    meeting = paragraph.meeting
    body = meeting.body
    parties = selectors.parties_in(body.pk, meeting.date)
    by_id = link_yrkanden(paragraph)
    roll = participation.roll_of(paragraph)
    people = _people(paragraph, roll, parties)
    names = {c.pk: c.label for c in people}
    bodies = _target_bodies(paragraph)
    choices = [Choice(y.pk, f"{y.position}. {prose.reference(y, parties)}") for y in by_id.values()]
    editable = paragraph.status == Paragraph.Status.OJUSTERAD
    is_council = body.kind == Body.Kind.COUNCIL
    present = len(roll.deciding)
    common = {"paragraph": paragraph, "people": people, "bodies": bodies, "yrkanden": choices}

    yrkanden = []
    for yrkande in by_id.values():
        key = f"yrkande-{yrkande.pk}"
        form = bound.get(key) or YrkandeForm(
            yrkande=yrkande, initial=yrkande_initial(yrkande), **common
        )
        minority = None
        if is_council and yrkande.kind in services.FORMAL_KINDS:
            minority = bound.get(f"minoritet-{yrkande.pk}") or MinorityForm(
                yrkande_id=yrkande.pk, initial={"asking": yrkande.requested_by_count}
            )
        yrkanden.append(
            {
                "obj": yrkande,
                "sentences": prose.yrkande_sentences(yrkande, parties),
                "form": form,
                "open": key in bound,
                "minority_form": minority,
                "minority_open": f"minoritet-{yrkande.pk}" in bound,
                "minority_sentence": (
                    prose.minority_sentence(yrkande, present)
                    if yrkande.requested_by_count is not None
                    else ""
                ),
            }
        )

    propositions = []
    for proposition in paragraph.propositions.all():
        alternatives = [by_id[row.yrkande_id] for row in proposition.alternative_rows.all()]
        vote = vote_of(proposition)
        key = f"votering-{proposition.pk}"
        alt_choices = [c for c in choices if c.pk in {y.pk for y in alternatives}]
        alt_choices.sort(key=lambda c: [y.pk for y in alternatives].index(c.pk))
        if key in bound:
            vote_form = bound[key]
        else:
            initial = {
                "yes_for": vote.yes_for_id if vote else alternatives[0].pk,
                "no_for": vote.no_for_id if vote else alternatives[-1].pk,
            }
            if vote:
                initial |= {f"ballot-{b.person_id}": b.answer for b in vote.ballots.all()}
            else:
                initial |= prefilled_answers(alternatives[0], alternatives[-1], people, parties)
            vote_form = VoteForm(
                paragraph=paragraph,
                proposition_id=proposition.pk,
                alternatives=alt_choices,
                people=people,
                initial=initial,
            )
        sentences = [prose.proposition_sentence(proposition, alternatives, body, parties)]
        if vote:
            sentences += prose.vote_sentences(vote, body, meeting.chair_id, parties)
        propositions.append(
            {
                "obj": proposition,
                "sentences": sentences,
                "vote": vote,
                "ballots": [
                    (names.get(b.person_id, b.person.full_name), b.get_answer_display())
                    for b in vote.ballots.all()
                ]
                if vote
                else [],
                "vote_form": vote_form,
                "roll_call": party_groups(vote_form.people, vote_form.ballot_fields(), parties),
                "vote_open": key in bound,
            }
        )

    participants = participation.roll_of(paragraph).participants
    reservation_people = [c for c in people if c.pk in participants]
    return {
        "paragraph": paragraph,
        "editable": editable,
        "is_council": is_council,
        "present": present,
        "error": error,
        "notice": notice,
        "people": people,
        "chair": names.get(meeting.chair_id),
        "yrkanden": yrkanden,
        "new_yrkande_form": bound.get("yrkande-ny") or YrkandeForm(**common),
        "new_yrkande_open": "yrkande-ny" in bound or not yrkanden,
        "propositions": propositions,
        "proposition_form": bound.get("proposition")
        or PropositionForm(paragraph=paragraph, yrkanden=choices),
        "reservations": [
            {"obj": r, "sentences": prose.reservation_sentences([r], parties)}
            for r in paragraph.reservations.all()
        ],
        "reservation_form": bound.get("reservation")
        or ReservationForm(paragraph=paragraph, people=reservation_people, yrkanden=choices),
        "urls": _urls(paragraph),
    }


def _urls(paragraph: Paragraph) -> dict[str, str]:
    kwargs = {"body": paragraph.body.slug, "year": paragraph.year, "number": paragraph.number}
    names = ["add_yrkande", "add_proposition", "add_reservation"]
    urls = {name: reverse(f"decisions:debate_{name}", kwargs=kwargs) for name in names}
    urls["base"] = reverse("decisions:edit_paragraph", kwargs=kwargs)
    return urls


def form_choices(paragraph: Paragraph) -> dict:
    """What the forms need to validate and show their choices (see ``section_context``)."""
    parties = selectors.parties_in(paragraph.body_id, paragraph.meeting.date)
    by_id = link_yrkanden(paragraph)
    roll = participation.roll_of(paragraph)
    return {
        "paragraph": paragraph,
        "people": _people(paragraph, roll, parties),
        "bodies": _target_bodies(paragraph),
        "yrkanden": [
            Choice(y.pk, f"{y.position}. {prose.reference(y, parties)}") for y in by_id.values()
        ],
    }
