"""The admin as a clerk uses it: every page opens, impossible data is refused in Swedish."""

import datetime

import pytest
from django import forms
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.options import InlineModelAdmin
from django.contrib.admin.utils import flatten_fieldsets
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from simple_history.models import HistoricalChanges

from decisions.models import (
    Attendance,
    Ballot,
    BasisDocument,
    DecisionPoint,
    Jav,
    Meeting,
    MeetingAdjuster,
    Paragraph,
    Proposal,
    ProposalPoint,
    Proposition,
    PropositionAlternative,
    ProtocolNote,
    Recipient,
    Reservation,
    Vote,
    Yrkande,
)
from motions.models import AttSats, Case, Document, DocumentAuthor, Motion, Motionar, Referral
from organisation.models import Administration, Body, Person, PersonAlias

from .factories import (
    AttendanceFactory,
    BodyFactory,
    CaseFactory,
    MeetingFactory,
    MembershipFactory,
    MotionFactory,
    ParagraphFactory,
    PartyFactory,
    PersonFactory,
    RegistryFactory,
    YrkandeFactory,
    YrkandeMemberFactory,
)

APPS = {"organisation", "motions", "decisions"}
REGISTERED = sorted(
    (model for model in admin.site._registry if model._meta.app_label in APPS),
    key=lambda model: model._meta.label,
)
# A votering is recorded in the paragraph editor, which counts its tally from the roll call
# (services.debate.record_vote); the admin only shows it.
READ_ONLY = {Vote}
EDITABLE = [model for model in REGISTERED if model not in READ_ONLY]


def _url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def build_protocol(i: int) -> dict:
    """One motion's path with every part the admin edits: case file, meeting, paragraph, vote.

    ``i`` keeps codes and dates apart, so the graph can be built many times in one database.
    """
    administration = Administration.objects.create(name=f"Förvaltning {i}")
    council = BodyFactory(code=f"KF{i}", name=f"Kommunfullmäktige {i}", kind=Body.Kind.COUNCIL)
    board = BodyFactory(
        code=f"KS{i}",
        name=f"Kommunstyrelsen {i}",
        kind=Body.Kind.EXECUTIVE_BOARD,
        administration=administration,
    )
    party = PartyFactory()
    chair, member, conflicted, outsider = PersonFactory.create_batch(4)
    PersonAlias.objects.create(person=member, name=f"Smeknamn {i}")
    for person in (chair, member, conflicted):
        MembershipFactory(person=person, body=board, party=party)
    MembershipFactory(person=outsider, body=council, party=party)

    registry = RegistryFactory(code=f"KS{i}", name=f"Diarium {i}", body=board)
    case = CaseFactory(registry=registry, kind=Case.Kind.MOTION, responsible_body=board)
    document = Document.objects.create(
        case=case,
        kind=Document.Kind.OFFICER_REPORT,
        title="Svar på motion",
        date=datetime.date(2021, 12, 17),
        unit=administration,
    )
    DocumentAuthor.objects.create(document=document, position=1, name="Handläggare")
    document_proposal = Proposal.objects.create(document=document, to_body=board, position=1)
    ProposalPoint.objects.create(proposal=document_proposal, position=1, text="Tillstyrks.")

    council_meeting = MeetingFactory(body=council, date=datetime.date(2020, 1, 1) + _days(i))
    motion = MotionFactory(
        case=case, dated_on=datetime.date(2019, 12, 1), raised_at=council_meeting
    )
    Motionar.objects.create(motion=motion, person=outsider, party=party, position=1)
    AttSats.objects.create(motion=motion, position=1, text="att kommunen utökar verksamheten")

    meeting = MeetingFactory(body=board, date=datetime.date(2022, 1, 1) + _days(i), chair=chair)
    MeetingAdjuster.objects.create(meeting=meeting, person=member)
    for person in (chair, member, conflicted):
        AttendanceFactory(meeting=meeting, person=person)
    Attendance.objects.create(
        meeting=meeting, kind=Attendance.Kind.OTHER, name="Sekreteraren", title="sekreterare"
    )
    paragraph = ParagraphFactory(meeting=meeting, case=case, number=59, title="Svar på motion")
    Referral.objects.create(
        case=case,
        from_body=council,
        to_body=board,
        purpose=Referral.Purpose.PREPARATION,
        sent_on=datetime.date(2020, 2, 1),
        answered_by_paragraph=paragraph,
    )
    DecisionPoint.objects.create(paragraph=paragraph, position=1, text="Förslaget tillstyrks.")
    proposal = Proposal.objects.create(paragraph=paragraph, to_body=council, position=1)
    ProposalPoint.objects.create(proposal=proposal, position=1, text="Motionen besvaras.")
    BasisDocument.objects.create(paragraph=paragraph, position=1, document=document)
    Recipient.objects.create(paragraph=paragraph, position=1, name="Kommunfullmäktige")
    Jav.objects.create(paragraph=paragraph, person=conflicted, reason="Närstående")

    approval = YrkandeFactory(paragraph=paragraph, position=1, kind=Yrkande.Kind.APPROVAL)
    rejection = YrkandeFactory(paragraph=paragraph, position=2, kind=Yrkande.Kind.REJECTION)
    YrkandeMemberFactory(yrkande=approval, person=chair, position=1)
    YrkandeMemberFactory(yrkande=rejection, person=member, position=1)
    proposition = Proposition.objects.create(paragraph=paragraph, position=1, finding=approval)
    PropositionAlternative.objects.create(proposition=proposition, yrkande=approval, position=1)
    PropositionAlternative.objects.create(proposition=proposition, yrkande=rejection, position=2)
    vote = Vote.objects.create(
        proposition=proposition, yes_for=approval, no_for=rejection, yes_count=1, no_count=1
    )
    Ballot.objects.create(vote=vote, person=chair, answer=Ballot.Answer.YES)
    Ballot.objects.create(vote=vote, person=member, answer=Ballot.Answer.NO)
    Reservation.objects.create(
        paragraph=paragraph, person=member, position=1, in_favour_of=rejection
    )
    note = ProtocolNote.objects.create(paragraph=paragraph, position=1, text="Anteckning.")
    note.persons.add(member)
    return {
        "board": board,
        "registry": registry,
        "case": case,
        "meeting": meeting,
        "paragraph": paragraph,
        "vote": vote,
        "chair": chair,
        "member": member,
        "outsider": outsider,
    }


def _days(i: int) -> datetime.timedelta:
    return datetime.timedelta(days=i)


@pytest.fixture
def protocol(db) -> dict:
    return build_protocol(0)


def form_data(response) -> dict:
    """What a browser posts back from an admin form left as it is, inlines included."""
    data: dict = {}
    all_forms = [response.context["adminform"].form]
    # A history version's page (revert) has the form only, no inlines.
    for inline in response.context.get("inline_admin_formsets") or []:
        management = inline.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        all_forms.extend(inline.formset.forms)
    for form in all_forms:
        for name, field in form.fields.items():
            value = form[name].value()
            key = form.add_prefix(name)
            if isinstance(field, forms.BooleanField):
                if value:  # an unticked checkbox is simply not posted
                    data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(v) for v in value]
            else:
                data[key] = "" if value is None else str(value)
    return data


def add_row(data: dict, prefix: str, **values) -> None:
    """Fill in one more row of an inline, as 'Lägg till ytterligare …' does."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    for name, value in values.items():
        data[f"{prefix}-{index}-{name}"] = str(value)


def errors_of(response) -> str:
    """All error messages of the re-rendered form and its inlines, as one text to search."""
    parts = [str(response.context["adminform"].form.errors)]
    for inline in response.context.get("inline_admin_formsets") or []:
        parts.append(str(inline.formset.errors))
        parts.append(str(inline.formset.non_form_errors()))
    return " ".join(parts)


# --- Every model has a place, and every page opens ------------------------------------------


def test_every_model_of_the_three_apps_can_be_edited_in_the_admin():
    editable = set()
    for model, model_admin in admin.site._registry.items():
        editable.add(model)
        editable.update(inline.model for inline in model_admin.inlines)
    models = {model for app in APPS for model in apps.get_app_config(app).get_models()}
    # History rows (django-simple-history) are shown on their object's "Historik" page.
    historical = {model for model in models if issubclass(model, HistoricalChanges)}
    assert models - historical - editable == set()


@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m._meta.label)
def test_changelist_add_and_change_pages_open(admin_client, protocol, model):
    assert admin_client.get(_url(model, "changelist")).status_code == 200
    assert admin_client.get(_url(model, "add")).status_code == (403 if model in READ_ONLY else 200)
    obj = model.objects.first()
    assert obj is not None, "the protocol fixture should create a row of every registered model"
    assert admin_client.get(_url(model, "change", obj.pk)).status_code == 200


@pytest.mark.parametrize("term", ["59", "Svar på", "KS0 2022-1"])
@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m._meta.label)
def test_changelist_search_answers(admin_client, protocol, model, term):
    response = admin_client.get(_url(model, "changelist"), {"q": term})
    assert response.status_code == 200


def test_paragraphs_are_found_by_number_title_and_dnr(admin_client, protocol):
    url = _url(Paragraph, "changelist")
    # Within the protocol's body: the demo's KS has a § 59 "… svar på motion" too.
    board = {"body__id__exact": protocol["board"].pk}
    for term in ["59", "Svar på", protocol["case"].dnr]:
        found = admin_client.get(url, {"q": term, **board}).context["cl"]
        assert list(found.result_list) == [protocol["paragraph"]]
    assert admin_client.get(url, {"q": "60", **board}).context["cl"].result_count == 0


def test_people_bodies_cases_paragraphs_and_meetings_are_chosen_by_autocomplete(rf, admin_user):
    """A select box listing every förtroendevald or paragraph would be unusable."""
    request = rf.get("/")
    request.user = admin_user
    searched = {Person, Body, Case, Paragraph, Meeting}
    plain_selects = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in APPS:
            continue
        for source in [model_admin, *model_admin.get_inline_instances(request)]:
            parent_fk = (
                source.get_formset(request).fk if isinstance(source, InlineModelAdmin) else None
            )
            shown = set(flatten_fieldsets(source.get_fieldsets(request))) - set(
                source.get_readonly_fields(request)
            )
            autocompleted = set(source.get_autocomplete_fields(request))
            for field in source.model._meta.get_fields():
                if (
                    field.concrete
                    and field.is_relation
                    and field.related_model in searched
                    and field.name in shown
                    and field != parent_fk
                    and field.name not in autocompleted
                ):
                    plain_selects.append(f"{type(source).__name__}.{field.name}")
    assert plain_selects == []


def test_motions_past_the_one_year_rule_can_be_listed(admin_client, protocol):
    url = _url(Motion, "changelist")
    # The protocol's motion, found by its Dnr among the demo's.
    dnr = {"q": protocol["case"].dnr}
    passed = admin_client.get(url, {"arsgrans": "passerad", **dnr}).context["cl"]
    assert [m.case for m in passed.result_list] == [protocol["case"]]
    assert admin_client.get(url, {"arsgrans": "inom", **dnr}).context["cl"].result_count == 0


def test_unanswered_referrals_can_be_listed(admin_client, protocol):
    url = _url(Referral, "changelist")
    # The protocol's referral, to its board, among the demo's.
    board = {"to_body__id__exact": protocol["board"].pk}
    answered = admin_client.get(url, {"besvarad": "ja", **board}).context["cl"]
    assert [r.case for r in answered.result_list] == [protocol["case"]]
    assert admin_client.get(url, {"besvarad": "nej", **board}).context["cl"].result_count == 0


@pytest.mark.parametrize("model", EDITABLE, ids=lambda m: m._meta.label)
def test_saving_an_unchanged_change_form_is_accepted(admin_client, protocol, model):
    """Every change form and its inlines round-trip: the existing data passes its own rules."""
    obj = model.objects.order_by("-pk").first()  # the protocol's row, not a justerad demo row
    url = _url(model, "change", obj.pk)
    response = admin_client.post(url, form_data(admin_client.get(url)))
    assert response.status_code == 302, errors_of(response)


@pytest.mark.parametrize(
    ("model_name", "field_name", "term"),
    [
        ("reservation", "person", "Efternamn"),
        ("paragraph", "meeting", "KS0"),
        ("paragraph", "case", "KS0"),
        ("paragraph", "quotes", "Svar"),
        ("registry", "body", "KS"),
    ],
)
def test_autocomplete_answers(admin_client, protocol, model_name, field_name, term):
    app_label = "motions" if model_name == "registry" else "decisions"
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": term},
    )
    assert response.status_code == 200
    assert response.json()["results"]


def test_changelist_queries_do_not_grow_with_rows(admin_client, db):
    def queries_per_changelist() -> dict[str, int]:
        counts = {}
        for model in REGISTERED:
            with CaptureQueriesContext(connection) as context:
                response = admin_client.get(_url(model, "changelist"))
            assert response.status_code == 200
            counts[model._meta.label] = len(context.captured_queries)
        return counts

    paragraphs, cases = Paragraph.objects.count(), Case.objects.count()
    for i in range(3):
        build_protocol(i)
    few = queries_per_changelist()
    for i in range(3, 30):
        build_protocol(i)
    assert Paragraph.objects.count() == paragraphs + 30 and Case.objects.count() == cases + 30
    many = queries_per_changelist()
    grown = {label: (few[label], many[label]) for label in few if many[label] > few[label]}
    assert grown == {}


# --- Case: the Dnr ---------------------------------------------------------------------------


def _new_case_data(admin_client, registry, **fields) -> dict:
    data = form_data(admin_client.get(_url(Case, "add")))
    data.update(
        registry=str(registry.pk),
        year="2022",
        title="Motion om fler parkbänkar",
        kind=Case.Kind.MOTION,
        registered_on="2022-03-01",
    )
    data.update({name: str(value) for name, value in fields.items()})
    return data


def test_duplicate_dnr_is_refused_beside_the_serial(admin_client, protocol):
    existing = protocol["case"]
    before = Case.objects.count()
    data = _new_case_data(admin_client, protocol["registry"], serial=existing.serial)

    response = admin_client.post(_url(Case, "add"), data)

    assert response.status_code == 200
    message = f"Diarienumret {existing.dnr} finns redan i diariet."
    assert response.context["adminform"].form.errors["serial"] == [message]
    assert message in response.content.decode()
    assert Case.objects.count() == before


def test_a_new_case_without_serial_gets_the_next_one(admin_client, protocol):
    registry = protocol["registry"]
    last = Case.objects.filter(registry=registry, year=2022).order_by("-serial").first().serial
    data = _new_case_data(admin_client, registry, serial="")

    response = admin_client.post(_url(Case, "add"), data)

    assert response.status_code == 302
    case = Case.objects.get(title="Motion om fler parkbänkar")
    assert case.serial == last + 1
    assert case.dnr == f"{registry.code} 2022-{last + 1}"


def test_the_dnr_of_a_registered_case_cannot_be_changed(admin_client, protocol):
    case = protocol["case"]
    before = (case.serial, case.year, case.dnr)
    url = _url(Case, "change", case.pk)
    data = form_data(admin_client.get(url))
    data.update(serial="999", year="1999", title="Ny rubrik")

    assert admin_client.post(url, data).status_code == 302

    case.refresh_from_db()
    assert case.title == "Ny rubrik"
    assert (case.serial, case.year, case.dnr) == before


# --- Paragraph: the § number and reservations -----------------------------------------------


def test_duplicate_paragraph_number_is_refused(admin_client, protocol):
    meeting = protocol["meeting"]
    other_meeting = MeetingFactory(body=meeting.body, date=meeting.date + _days(30))
    before = Paragraph.objects.count()
    data = form_data(admin_client.get(_url(Paragraph, "add")))
    data.update(meeting=str(other_meeting.pk), number="59", title="Ny paragraf")

    response = admin_client.post(_url(Paragraph, "add"), data)

    assert response.status_code == 200
    message = f"§ 59 finns redan för {meeting.body.name_in_sentence} 2022."
    assert response.context["adminform"].form.errors["number"] == [message]
    assert message in response.content.decode()
    assert Paragraph.objects.count() == before


def test_paragraph_body_and_year_follow_the_meeting(admin_client, protocol):
    meeting = MeetingFactory(body=protocol["board"], date=datetime.date(2023, 2, 1))
    data = form_data(admin_client.get(_url(Paragraph, "add")))
    data.update(meeting=str(meeting.pk), number="1", title="Årets första")

    assert admin_client.post(_url(Paragraph, "add"), data).status_code == 302

    paragraph = Paragraph.objects.get(title="Årets första")
    assert (paragraph.body, paragraph.year) == (protocol["board"], 2023)


def test_reservation_by_someone_who_did_not_take_part_is_refused(admin_client, protocol):
    paragraph = protocol["paragraph"]
    url = _url(Paragraph, "change", paragraph.pk)
    data = form_data(admin_client.get(url))
    add_row(data, "reservations", position=2, person=protocol["outsider"].pk)

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "deltog inte" in errors_of(response)
    assert "deltog inte" in response.content.decode()
    assert not Reservation.objects.filter(person=protocol["outsider"]).exists()


def test_reservation_on_a_new_paragraph_is_checked_against_attendance(admin_client, protocol):
    meeting = protocol["meeting"]
    data = form_data(admin_client.get(_url(Paragraph, "add")))
    data.update(meeting=str(meeting.pk), number="60", title="Nästa ärende")
    add_row(data, "reservations", position=1, person=protocol["outsider"].pk)

    response = admin_client.post(_url(Paragraph, "add"), data)

    assert response.status_code == 200
    assert "deltog inte" in errors_of(response)
    assert not Paragraph.objects.filter(meeting=meeting, number=60).exists()


def test_reservation_by_a_serving_member_is_accepted(admin_client, protocol):
    paragraph = protocol["paragraph"]
    url = _url(Paragraph, "change", paragraph.pk)
    data = form_data(admin_client.get(url))
    add_row(data, "reservations", position=2, person=protocol["chair"].pk)

    response = admin_client.post(url, data)

    assert response.status_code == 302, errors_of(response)
    assert Reservation.objects.filter(paragraph=paragraph, person=protocol["chair"]).exists()


# --- Vote: recorded in the editor, shown here ----------------------------------------------


def test_a_vote_and_its_roll_call_are_read_only(admin_client, protocol):
    vote = protocol["vote"]
    paragraph = protocol["paragraph"]
    url = _url(Vote, "change", vote.pk)

    page = admin_client.get(url)

    assert page.status_code == 200
    content = page.content.decode()
    for name in ["yes_count", "no_count", "abstain_count", "yes_for", "ballots-0-answer"]:
        assert f'name="{name}"' not in content
    editor = reverse(
        "decisions:edit_paragraph",
        kwargs={"body": paragraph.body.slug, "year": paragraph.year, "number": 59},
    )
    assert editor in content
    data = {"yes_count": "2", "no_count": "0", "proposition": vote.proposition_id}
    assert admin_client.post(url, data).status_code == 403
    assert admin_client.post(_url(Vote, "add"), data).status_code == 403
    delete = _url(Vote, "delete", vote.pk)
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    vote.refresh_from_db()
    assert (vote.yes_count, vote.no_count, vote.abstain_count) == (1, 1, 0)
    assert sorted(vote.ballots.values_list("answer", flat=True)) == ["ja", "nej"]


# --- Links between pages ---------------------------------------------------------------------


def test_paragraph_page_links_to_yrkande_proposal_and_vote(admin_client, protocol):
    paragraph = protocol["paragraph"]
    content = admin_client.get(_url(Paragraph, "change", paragraph.pk)).content.decode()
    for yrkande in paragraph.yrkanden.all():
        assert _url(Yrkande, "change", yrkande.pk) in content
    assert _url(Proposal, "change", paragraph.proposals.get().pk) in content
    assert _url(Vote, "change", protocol["vote"].pk) in content
    assert _url(Proposal, "add") + f"?paragraph={paragraph.pk}" in content


def test_case_page_links_to_its_documents(admin_client, protocol):
    case = protocol["case"]
    content = admin_client.get(_url(Case, "change", case.pk)).content.decode()
    assert _url(Document, "change", case.documents.get().pk) in content
