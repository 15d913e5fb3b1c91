"""The paragraph editor's content section: services, routes and the page.

On the demo case KS 2019-295 (the MP motion): SON § 2 and KS § 59 are justerade, so the tests
write a new, ojusterad KS paragraph on the same case (KS 2022-04-12 § 70, with the KS
meeting's serving members) the way a clerk would have written § 59, and a KF paragraph that
decides the motion.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from common.errors import ServiceError
from decisions import services as content
from decisions.models import (
    Attendance,
    Ballot,
    BasisDocument,
    DecisionPoint,
    Jav,
    Meeting,
    Paragraph,
    Proposal,
    ProposalPoint,
    Proposition,
    PropositionAlternative,
    ProtocolNote,
    Recipient,
    Reservation,
    Vote,
    YrkandeMember,
)
from decisions.services import FINAL_MESSAGE, justera_immediately
from motions.models import Case, Document, Motion
from organisation.models import Body, Person
from portal.demo.data import MP_ANSWER, MP_TITLE, MP_TS_ARENDE, TILLSTYRKS_SON

from .factories import MeetingFactory, ParagraphFactory, PersonFactory, YrkandeFactory
from .roles import secretary

D = datetime.date
LOGIN = "/konto/logga-in/"
MP_DNR = "KS 2019-295"
EDITOR = "/arbetsyta/organ/ks/2022/70/"
KF_EDITOR = "/arbetsyta/organ/kf/2022/80/"
HTMX = {"HTTP_HX_REQUEST": "true"}


def person(name: str) -> Person:
    first, last = name.split(" ", 1)
    return Person.objects.get(first_name=first, last_name=last)


@pytest.fixture
def ks(demo) -> Paragraph:
    """KS 2022-04-12 § 70 on the MP motion's case, empty and ojusterad."""
    old = Meeting.objects.get(body__code="KS", date=D(2022, 3, 8))
    meeting = MeetingFactory(
        body=old.body, date=D(2022, 4, 12), chair=old.chair, status=Meeting.Status.HELD
    )
    for row in old.attendance.all():
        Attendance.objects.create(
            meeting=meeting,
            kind=row.kind,
            person=row.person,
            name=row.name,
            replaces=row.replaces,
            from_number=row.from_number,
            to_number=row.to_number,
        )
    case = Case.objects.get(dnr=MP_DNR)
    return ParagraphFactory(meeting=meeting, number=70, title=MP_TITLE, case=case)


@pytest.fixture
def kf(demo) -> Paragraph:
    """KF 2022-05-31 § 80 on the MP motion's case."""
    body = Body.objects.get(code="KF")
    meeting = MeetingFactory(body=body, date=D(2022, 5, 31), status=Meeting.Status.HELD)
    return ParagraphFactory(
        meeting=meeting, number=80, title=MP_TITLE, case=Case.objects.get(dnr=MP_DNR)
    )


def son2() -> Paragraph:
    return Paragraph.objects.get(body__code="SON", year=2022, number=2)


def documents() -> dict[str, Document]:
    case = Case.objects.get(dnr=MP_DNR)
    return {d.kind: d for d in case.documents.all()}


def snapshot(paragraph: Paragraph) -> tuple:
    """Everything the content section could change."""
    paragraph.refresh_from_db()
    motion = Motion.objects.get(case__dnr=MP_DNR)
    return (
        paragraph.title,
        paragraph.arende_text,
        paragraph.quotes_id,
        sorted(DecisionPoint.objects.values_list("pk", "paragraph_id", "position", "text")),
        sorted(Proposal.objects.values_list("pk", "paragraph_id", "to_body_id", "position")),
        sorted(ProposalPoint.objects.values_list("pk", "proposal_id", "position", "text")),
        sorted(BasisDocument.objects.values_list("pk", "paragraph_id", "position", "label")),
        sorted(Recipient.objects.values_list("pk", "paragraph_id", "position", "name")),
        sorted(Jav.objects.values_list("pk", "paragraph_id", "person_id")),
        sorted(ProtocolNote.objects.values_list("pk", "paragraph_id", "position", "text")),
        motion.outcome,
        motion.decided_by_id,
    )


def refused(match: str, call, **kwargs) -> ServiceError:
    with pytest.raises(ServiceError) as info:
        call(**kwargs)
    assert match in " ".join(info.value.messages)
    return info.value


# --- Texts -----------------------------------------------------------------------------------


def test_genitive_and_default_citations(demo):
    assert content.genitive("Social- och omsorgsförvaltningen") == (
        "Social- och omsorgsförvaltningens"
    )
    assert content.genitive("Leanlinks") == "Leanlinks"
    docs = documents()
    assert content.default_citation(docs[Document.Kind.MOTION]) == "Motionen"
    assert content.default_citation(docs[Document.Kind.OFFICER_REPORT]) == (
        "Tjänsteskrivelse – Utöka den områdesbaserade socialtjänsten, svar på motion (MP) "
        "2021-12-17"
    )
    assert content.default_citation(docs[Document.Kind.EXTRACT]) == (
        "Ojusterat protokollsutdrag social- och omsorgsnämnden 2022-02-16 § 2"
    )


def test_endorsements_name_who_proposed(demo):
    ts = documents()[Document.Kind.OFFICER_REPORT]
    to_ks = ts.proposals.get(to_body__code="KS")
    assert content.endorsement(to_ks) == "Social- och omsorgsförvaltningens förslag tillstyrks."
    assert content.endorsement(son2().proposals.get(to_body__code="KS")) == TILLSTYRKS_SON


def test_the_arende_part_of_a_tjansteskrivelse(demo):
    ts = documents()[Document.Kind.OFFICER_REPORT]
    assert content.arende_from_text(ts.text) == MP_TS_ARENDE
    assert content.arende_from_text("Bara text.\n\nMer.") == "Bara text.\n\nMer."


# --- Services: allowed, refused, nothing changed ---------------------------------------------


def test_arende_and_decision_points(ks):
    content.update_arende(paragraph=ks, title="Ny rubrik", arende_text="Text.")
    ks.refresh_from_db()
    assert (ks.title, ks.arende_text) == ("Ny rubrik", "Text.")
    before = snapshot(ks)
    refused(
        "Ange paragrafens rubrik.", content.update_arende, paragraph=ks, title=" ", arende_text=""
    )
    refused("Skriv beslutspunktens text.", content.add_decision_point, paragraph=ks, text="  ")
    assert snapshot(ks) == before

    a = content.add_decision_point(paragraph=ks, text="A")
    b = content.add_decision_point(paragraph=ks, text="B")
    c = content.add_decision_point(paragraph=ks, text="C")
    assert [p.position for p in (a, b, c)] == [1, 2, 3]
    content.move_part(paragraph=ks, part=c, direction="up")
    assert list(ks.decision_points.values_list("text", flat=True)) == ["A", "C", "B"]
    content.move_part(paragraph=ks, part=a, direction="up")  # at the top: nothing
    content.update_point(paragraph=ks, point=b, text="B2")
    content.delete_part(paragraph=ks, part=a)
    assert list(ks.decision_points.values_list("position", "text")) == [(1, "C"), (2, "B2")]


def test_a_part_of_another_paragraph_is_refused(ks):
    other = son2().decision_points.first()
    before = snapshot(ks)
    refused(
        "Beslutspunkten hör inte till § 70.",
        content.update_point,
        paragraph=ks,
        point=other,
        text="X",
    )
    refused("hör inte till § 70.", content.delete_part, paragraph=ks, part=other)
    refused("hör inte till § 70.", content.move_part, paragraph=ks, part=other, direction="up")
    assert snapshot(ks) == before


def test_quotes_only_another_bodys_paragraph_in_the_same_case(ks):
    candidates = list(content.quotable(ks).prefetch_related("proposals"))
    assert content.suggested_quote(ks, candidates) == son2()
    content.set_quotes(paragraph=ks, quotes=son2())
    ks.refresh_from_db()
    assert ks.quotes == son2()
    before = snapshot(ks)
    other_case = Paragraph.objects.get(body__code="SON", year=2022, number=3)
    ks_59 = Paragraph.objects.get(body__code="KS", year=2022, number=59)
    for quotes in (other_case, ks_59, ks):
        refused(
            "Välj ett beslut av ett annat organ i samma ärende.",
            content.set_quotes,
            paragraph=ks,
            quotes=quotes,
        )
    assert snapshot(ks) == before
    content.set_quotes(paragraph=ks, quotes=None)
    ks.refresh_from_db()
    assert ks.quotes is None


def test_proposals_to_later_bodies(ks):
    assert [b.code for b in content.later_bodies(ks)] == ["KF"]
    sources = list(content.proposal_sources(ks))
    assert {s.to_body.code for s in sources} == {"KF"}
    assert {s.document_id is not None for s in sources} == {True, False}
    proposal = content.copy_proposal(paragraph=ks, source=sources[0])
    assert proposal.to_body.code == "KF"
    assert list(proposal.points.values_list("text", flat=True)) == [MP_ANSWER]
    before = snapshot(ks)
    refused(
        "har redan ett förslag till kommunfullmäktiges beslut",
        content.copy_proposal,
        paragraph=ks,
        source=sources[1],
    )
    son = Body.objects.get(code="SON")
    refused(
        "Välj ett organ som ärendet går vidare till.",
        content.add_proposal,
        paragraph=ks,
        to_body=son,
    )
    # SON § 3's proposal is on another case.
    other = Paragraph.objects.get(body__code="SON", year=2022, number=3).proposals.get(
        to_body__code="KF"
    )
    refused("Förslaget hör inte till ärendet", content.copy_proposal, paragraph=ks, source=other)
    refused(
        "Förslaget hör inte till § 70.",
        content.add_proposal_point,
        paragraph=ks,
        proposal=other,
        text="X",
    )
    assert snapshot(ks) == before

    point = content.add_proposal_point(paragraph=ks, proposal=proposal, text="Och mer.")
    assert point.position == 2
    content.move_part(paragraph=ks, part=point, direction="up")
    assert list(proposal.points.values_list("text", flat=True)) == ["Och mer.", MP_ANSWER]
    content.delete_part(paragraph=ks, part=proposal)
    assert not Proposal.objects.filter(paragraph=ks).exists()
    assert not ProposalPoint.objects.filter(proposal_id=proposal.pk).exists()


def test_basis_documents_of_the_case_only(ks):
    docs = documents()
    item = content.add_basis(paragraph=ks, document=docs[Document.Kind.MOTION], label="")
    assert item.label == "Motionen"
    content.update_basis(paragraph=ks, item=item, label="Bilaga - Motionen")
    item.refresh_from_db()
    assert item.label == "Bilaga - Motionen"
    before = snapshot(ks)
    refused(
        "Handlingen finns redan i beslutsunderlaget.",
        content.add_basis,
        paragraph=ks,
        document=docs[Document.Kind.MOTION],
    )
    foreign = Document.objects.exclude(case__dnr=MP_DNR).first()
    refused(
        f"Handlingen hör inte till ärendet {MP_DNR}.",
        content.add_basis,
        paragraph=ks,
        document=foreign,
    )
    assert snapshot(ks) == before


def test_recipients_a_body_or_free_text(ks):
    kf = Body.objects.get(code="KF")
    assert content.add_recipient(paragraph=ks, body=kf).name == "Kommunfullmäktige"
    assert content.add_recipient(paragraph=ks, body=None, name="Motionärerna").body is None
    before = snapshot(ks)
    refused(
        "Välj ett organ eller skriv mottagaren.",
        content.add_recipient,
        paragraph=ks,
        body=None,
        name=" ",
    )
    assert snapshot(ks) == before
    first = ks.recipients.get(position=1)
    content.move_part(paragraph=ks, part=first, direction="down")
    assert list(ks.recipients.values_list("name", flat=True)) == [
        "Motionärerna",
        "Kommunfullmäktige",
    ]


def test_jav_only_for_a_serving_member_who_took_no_part(ks):
    krutzen = person("Annika Krutzén")
    jav = content.add_jav(paragraph=ks, person=krutzen, reason="Styrelseledamot i Leanlink")
    assert jav.person == krutzen
    before = snapshot(ks)
    refused(
        "Annika Krutzén har redan anmält jäv i § 70.", content.add_jav, paragraph=ks, person=krutzen
    )
    stranger = PersonFactory(first_name="Olle", last_name="Utomstående")
    refused(
        "Olle Utomstående tjänstgör inte i § 70.", content.add_jav, paragraph=ks, person=stranger
    )
    assert snapshot(ks) == before


def test_jav_refused_for_one_who_voted_moved_or_reserved(ks):
    hovenberg, backman, nyberg = (
        person("Rebecka Hovenberg"),
        person("Ann-Charlott Bäckman"),
        person("Sara Nyberg"),
    )
    yrkande = YrkandeFactory(paragraph=ks, position=1)
    YrkandeMember.objects.create(yrkande=yrkande, person=hovenberg, position=1)
    other = YrkandeFactory(paragraph=ks, position=2)
    proposition = Proposition.objects.create(paragraph=ks, position=1, finding=yrkande)
    PropositionAlternative.objects.create(proposition=proposition, yrkande=yrkande, position=1)
    PropositionAlternative.objects.create(proposition=proposition, yrkande=other, position=2)
    vote = Vote.objects.create(
        proposition=proposition, yes_for=yrkande, no_for=other, yes_count=1, no_count=0
    )
    Ballot.objects.create(vote=vote, person=nyberg, answer="ja")
    Reservation.objects.create(paragraph=ks, person=backman, position=1, in_favour_of=other)
    before = snapshot(ks)
    refused(
        "Sara Nyberg har röstat i voteringen; en jävig ledamot deltar inte i beslutet.",
        content.add_jav,
        paragraph=ks,
        person=nyberg,
    )
    refused(
        "Rebecka Hovenberg står bakom ett yrkande i § 70",
        content.add_jav,
        paragraph=ks,
        person=hovenberg,
    )
    refused(
        "Ann-Charlott Bäckman har reserverat sig i § 70",
        content.add_jav,
        paragraph=ks,
        person=backman,
    )
    assert snapshot(ks) == before
    # Absent in the roll call is no part in the decision.
    Ballot.objects.filter(person=nyberg).update(answer="franvarande")
    assert content.add_jav(paragraph=ks, person=nyberg).pk


def test_notes_by_persons_present(ks):
    note = content.add_note(paragraph=ks, persons=[person("Tobias Ek")], text="Vi vill se mer.")
    assert list(note.persons.all()) == [person("Tobias Ek")]
    before = snapshot(ks)
    stranger = PersonFactory(first_name="Olle", last_name="Utomstående")
    refused(
        "Olle Utomstående var inte närvarande vid sammanträdet.",
        content.add_note,
        paragraph=ks,
        persons=[stranger],
        text="X",
    )
    refused(
        "Skriv anteckningens text.",
        content.add_note,
        paragraph=ks,
        persons=[person("Tobias Ek")],
        text="",
    )
    assert snapshot(ks) == before


def test_kf_decides_the_motion(kf):
    motion = content.decide_motion(paragraph=kf, outcome=Motion.Outcome.ANSWERED)
    assert (motion.outcome, motion.decided_by) == ("besvarad", kf)
    content.decide_motion(paragraph=kf, outcome="")
    motion.refresh_from_db()
    assert (motion.outcome, motion.decided_by) == ("", None)


def test_decide_motion_refusals(kf, ks):
    before = snapshot(kf)
    refused(
        "En motion avgörs av kommunfullmäktige.",
        content.decide_motion,
        paragraph=ks,
        outcome="besvarad",
    )
    other = ParagraphFactory(meeting=kf.meeting, number=81, case=None)
    refused(
        "Paragrafens ärende är inte en motion.",
        content.decide_motion,
        paragraph=other,
        outcome="besvarad",
    )
    refused("Välj ett av utfallen.", content.decide_motion, paragraph=kf, outcome="kanske")
    assert snapshot(kf) == before
    planned = ParagraphFactory(
        meeting=MeetingFactory(body=kf.body, date=D(2022, 6, 14)), number=90, case=kf.case
    )
    refused(
        "Fullmäktige har inte sammanträtt än; ange utfallet när sammanträdet är markerat som "
        "genomfört.",
        content.decide_motion,
        paragraph=planned,
        outcome="avslagen",
    )
    assert snapshot(kf) == before
    Meeting.objects.filter(pk=planned.meeting_id).update(status=Meeting.Status.HELD)
    later = Paragraph.objects.get(pk=planned.pk)
    content.decide_motion(paragraph=later, outcome="avslagen")
    before = snapshot(kf)
    refused(
        "Motionen är redan avgjord genom KF 2022-06-14 § 90.",
        content.decide_motion,
        paragraph=kf,
        outcome="besvarad",
    )
    refused(
        "Motionen är redan avgjord genom KF 2022-06-14 § 90.",
        content.decide_motion,
        paragraph=kf,
        outcome="",
    )
    assert snapshot(kf) == before


def test_every_write_refuses_a_justerad_paragraph(ks, kf):
    point = content.add_decision_point(paragraph=ks, text="A")
    item = content.add_basis(paragraph=ks, document=documents()[Document.Kind.MOTION])
    at = timezone.make_aware(datetime.datetime(2022, 4, 12, 15, 0))
    justera_immediately(paragraph=ks, at=at)
    justera_immediately(paragraph=kf, at=timezone.make_aware(datetime.datetime(2022, 5, 31, 15)))
    before = snapshot(ks)
    source = content.proposal_sources(Paragraph.objects.get(pk=ks.pk)).first()
    calls = [
        (content.update_arende, {"title": "X", "arende_text": ""}),
        (content.add_decision_point, {"text": "X"}),
        (content.update_point, {"point": point, "text": "X"}),
        (content.delete_part, {"part": point}),
        (content.move_part, {"part": item, "direction": "down"}),
        (content.set_quotes, {"quotes": son2()}),
        (content.add_proposal, {"to_body": Body.objects.get(code="KF")}),
        (content.copy_proposal, {"source": source}),
        (content.add_basis, {"document": documents()[Document.Kind.OFFICER_REPORT]}),
        (content.update_basis, {"item": item, "label": "X"}),
        (content.add_recipient, {"body": None, "name": "X"}),
        (content.add_jav, {"person": person("Tobias Ek")}),
        (content.add_note, {"persons": [person("Tobias Ek")], "text": "X"}),
    ]
    for call, kwargs in calls:
        refused(FINAL_MESSAGE, call, paragraph=ks, **kwargs)
    refused(FINAL_MESSAGE, content.decide_motion, paragraph=kf, outcome="besvarad")
    assert snapshot(ks) == before


# --- Routes ----------------------------------------------------------------------------------


def routes(paragraph: Paragraph) -> list[tuple[str, str, dict]]:
    """(name, url, POST data) of every content route, with valid data for ``paragraph``."""
    base = f"/arbetsyta/organ/{paragraph.body.slug}/{paragraph.year}/{paragraph.number}/innehall/"
    point = DecisionPoint.objects.create(paragraph=paragraph, position=1, text="Punkt")
    proposal = Proposal.objects.create(
        paragraph=paragraph, to_body=Body.objects.get(code="KF"), position=1
    )
    ppoint = ProposalPoint.objects.create(proposal=proposal, position=1, text="Förslag")
    item = BasisDocument.objects.create(
        paragraph=paragraph, position=1, document=documents()[Document.Kind.MOTION], label="M"
    )
    source = Proposal.objects.filter(document__case__dnr=MP_DNR, to_body__code="KF").first()
    return [
        ("arende", f"{base}arende/", {"title": "T", "arende_text": "A", "atgard": "spara"}),
        ("decision_add", f"{base}beslut/ny/", {"text": "Ny"}),
        ("decision_edit", f"{base}beslut/{point.pk}/", {"text": "Ändrad"}),
        ("quotes", f"{base}citerar/", {"quotes": son2().pk}),
        ("proposal_point_add", f"{base}forslag/{proposal.pk}/ny-punkt/", {"text": "Mer"}),
        ("proposal_point_edit", f"{base}forslagspunkt/{ppoint.pk}/", {"text": "Ändrat"}),
        ("proposal_add", f"{base}forslag/ny/", {"to_body": Body.objects.get(code="KF").pk}),
        ("proposal_copy", f"{base}forslag/hamta/", {"kalla": source.pk}),
        (
            "basis_add",
            f"{base}underlag/ny/",
            {"document": documents()[Document.Kind.OFFICER_REPORT].pk},
        ),
        ("basis_edit", f"{base}underlag/{item.pk}/", {"label": "Motionen"}),
        ("recipient_add", f"{base}mottagare/ny/", {"name": "Motionärerna"}),
        ("jav_add", f"{base}jav/ny/", {"person": person("Tobias Ek").pk}),
        ("note_add", f"{base}anteckning/ny/", {"persons": [person("Tobias Ek").pk], "text": "N"}),
        ("delete", f"{base}beslut/{point.pk}/ta-bort/", {}),
        ("move", f"{base}underlag/{item.pk}/flytta/", {"riktning": "ned"}),
    ]


def test_anonymous_users_are_sent_to_the_login_page(client, ks):
    for _name, url, data in [*routes(ks), ("page", EDITOR, {})]:
        for response in (client.get(url), client.post(url, data)):
            assert response.status_code == 302
            assert response["Location"].startswith(f"{LOGIN}?next=")


def test_a_son_secretary_gets_403_on_every_ks_content_route(client, ks):
    table = routes(ks)
    client.force_login(secretary("SON"))
    before = snapshot(ks)
    assert client.get(EDITOR).status_code == 403
    for name, url, data in table:
        assert client.get(url).status_code == 403, name
        assert client.post(url, data).status_code == 403, name
        assert client.post(url, data, **HTMX).status_code == 403, name
    assert snapshot(ks) == before


def test_the_ks_secretary_uses_every_route(client, ks):
    table = routes(ks)
    client.force_login(secretary("KS"))
    for name, url, data in table:
        assert client.get(url).status_code == 302, name  # a GET goes back to the page
        if name in ("proposal_add", "proposal_copy"):
            Proposal.objects.filter(paragraph=ks).delete()  # one proposal per body
        before = snapshot(ks)
        response = client.post(url, data)
        assert response.status_code == 303, (name, response.content.decode()[:2000])
        assert response["Location"].startswith(EDITOR + "#innehall-"), name
        assert snapshot(ks) != before, name


def test_the_kf_secretary_decides_the_motion_and_the_pages_show_it(client, kf):
    client.force_login(secretary("KF"))
    page = client.get(KF_EDITOR).content.decode()
    assert 'id="innehall-motion-outcome"' in page and "Ej avgjord" in page
    response = client.post(f"{KF_EDITOR}innehall/motion/", {"outcome": "besvarad"})
    assert response.status_code == 303
    motion = Motion.objects.get(case__dnr=MP_DNR)
    assert (motion.outcome, motion.decided_by_id) == ("besvarad", kf.pk)
    listing = client.get("/motioner/?status=avgjord").content.decode()
    assert (
        "Motion om att utöka den områdesbaserade socialtjänsten" in listing
        and "Besvarad" in listing
    )
    case_page = client.get(motion.case.get_absolute_url()).content.decode()
    assert "Avgjord" in case_page and "Kommunfullmäktige 2022-05-31 § 80</a>: besvarad" in case_page
    # A KS paragraph has no such part.
    client.force_login(secretary("KS"))
    assert 'id="innehall-motion"' not in client.get(EDITOR.replace("70", "70")).content.decode()


def test_htmx_gets_the_section_and_the_preview_out_of_band(client, ks):
    client.force_login(secretary("KS"))
    response = client.post(f"{EDITOR}innehall/beslut/ny/", {"text": TILLSTYRKS_SON}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="innehall-sektion"')
    assert '<div id="forhandsvisning-innehall" class="paragraph" data-hx-swap-oob="true">' in html
    assert f"<li>{TILLSTYRKS_SON}</li>" in html.split("forhandsvisning-innehall")[1]
    assert "Beslutspunkten är tillagd." in html
    assert "<html" not in html


def test_an_error_keeps_the_input_and_says_why_beside_the_field(client, ks):
    client.force_login(secretary("KS"))
    before = snapshot(ks)
    stranger = PersonFactory(first_name="Olle", last_name="Utomstående")
    for extra in ({}, HTMX):
        response = client.post(
            f"{EDITOR}innehall/jav/ny/",
            {"person": stranger.pk, "reason": "Släkt med sökanden"},
            **extra,
        )
        assert response.status_code == 422  # the same with and without htmx
        html = response.content.decode()
        assert "Olle Utomstående tjänstgör inte i § 70." in html
        assert 'value="Släkt med sökanden"' in html
        assert ("<html" in html) == (not extra)
    assert snapshot(ks) == before


def test_foreign_ids_are_refused_with_a_message(client, ks):
    client.force_login(secretary("KS"))
    before = snapshot(ks)
    other_case_doc = Document.objects.exclude(case__dnr=MP_DNR).first()
    html = client.post(
        f"{EDITOR}innehall/underlag/ny/", {"document": other_case_doc.pk}
    ).content.decode()
    assert "Välj en handling i ärendet." in html
    son_point = son2().decision_points.first()
    html = client.post(
        f"{EDITOR}innehall/beslut/{son_point.pk}/", {"text": "Kapat"}
    ).content.decode()
    assert "Beslutspunkten hör inte till § 70." in html
    html = client.post(f"{EDITOR}innehall/beslut/{son_point.pk}/ta-bort/").content.decode()
    assert "Beslutspunkten hör inte till § 70." in html
    other = Paragraph.objects.get(body__code="SON", year=2022, number=3)
    html = client.post(f"{EDITOR}innehall/citerar/", {"quotes": other.pk}).content.decode()
    assert "Välj ett beslut av ett annat organ i samma ärende." in html
    assert snapshot(ks) == before


def test_fetching_the_arende_prefills_without_saving(client, ks):
    client.force_login(secretary("KS"))
    for extra in ({}, HTMX):
        response = client.post(
            f"{EDITOR}innehall/arende/",
            {"title": MP_TITLE, "arende_text": "", "atgard": "hamta"},
            **extra,
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "Maria Moraes (MP) och den tidigare ledamoten" in html
        assert "Ärendet är hämtat från tjänsteskrivelsen" in html
    ks.refresh_from_db()
    assert ks.arende_text == ""


def test_after_justering_every_route_refuses(client, ks):
    table = routes(ks)
    justera_immediately(paragraph=ks, at=timezone.make_aware(datetime.datetime(2022, 4, 12, 15)))
    client.force_login(secretary("KS"))
    before = snapshot(ks)
    for name, url, data in table:
        response = client.post(url, data)
        assert response.status_code == 422, name
        assert FINAL_MESSAGE in response.content.decode(), name
    assert snapshot(ks) == before


def test_entering_ks_59_through_the_page_gives_the_demo_paragraph(client, ks):
    """What the browser test will do: fill § 70 like the demo's § 59 and compare."""
    client.force_login(secretary("KS"))
    page = client.get(EDITOR).content.decode()
    assert f">{TILLSTYRKS_SON}</button>" in page
    assert "Social- och omsorgsförvaltningens förslag tillstyrks.</button>" in page
    assert f'<option value="{son2().pk}" selected>' in page  # the suggested quote
    client.post(f"{EDITOR}innehall/beslut/ny/", {"text": TILLSTYRKS_SON})
    source = next(s for s in content.proposal_sources(ks) if s.paragraph_id == son2().pk)
    client.post(f"{EDITOR}innehall/forslag/hamta/", {"kalla": source.pk})
    client.post(f"{EDITOR}innehall/citerar/", {"quotes": son2().pk})
    docs = documents()
    for kind in (Document.Kind.EXTRACT, Document.Kind.OFFICER_REPORT, Document.Kind.MOTION):
        client.post(f"{EDITOR}innehall/underlag/ny/", {"document": docs[kind].pk, "label": ""})
    kf_body = Body.objects.get(code="KF")
    son_body = Body.objects.get(code="SON")
    client.post(f"{EDITOR}innehall/mottagare/ny/", {"body": kf_body.pk, "name": ""})
    client.post(f"{EDITOR}innehall/mottagare/ny/", {"body": "", "name": "Motionärerna"})
    client.post(f"{EDITOR}innehall/mottagare/ny/", {"body": son_body.pk, "name": ""})

    demo_59 = Paragraph.objects.get(body__code="KS", year=2022, number=59)
    ks.refresh_from_db()

    def parts(p: Paragraph) -> tuple:
        return (
            list(p.decision_points.values_list("text", flat=True)),
            [
                (pr.to_body.code, list(pr.points.values_list("text", flat=True)))
                for pr in p.proposals.all()
            ],
            p.quotes_id,
            list(p.basis.values_list("document_id", "label")),
            list(p.recipients.values_list("name", "body_id")),
        )

    assert parts(ks) == parts(demo_59)


def editor_queries(client, paragraph: Paragraph) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(EDITOR).status_code == 200
    return len(captured)


def test_the_editor_page_runs_a_fixed_number_of_queries(client, ks):
    client.force_login(secretary("KS"))
    DecisionPoint.objects.create(paragraph=ks, position=1, text="1")
    one = editor_queries(client, ks)
    for i in range(2, 11):
        DecisionPoint.objects.create(paragraph=ks, position=i, text=str(i))
    proposal = Proposal.objects.create(
        paragraph=ks, to_body=Body.objects.get(code="KF"), position=1
    )
    for i in range(1, 6):
        ProposalPoint.objects.create(proposal=proposal, position=i, text=str(i))
    for i, document in enumerate(Case.objects.get(dnr=MP_DNR).documents.all(), start=1):
        BasisDocument.objects.create(paragraph=ks, position=i, document=document, label=str(i))
        Recipient.objects.create(paragraph=ks, position=i, name=f"M{i}")
    ten = editor_queries(client, ks)
    assert ten <= one + 2  # the proposal's own prefetch; nothing per row
    assert ten < 60
