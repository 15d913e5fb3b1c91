"""A justerad paragraph is final: services, admin and (on PostgreSQL) the database say no."""

import datetime

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from decisions import services
from decisions.models import DecisionPoint, Paragraph, Recipient, Yrkande

from .factories import ParagraphFactory, YrkandeFactory, YrkandeMemberFactory

D = datetime.date
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only"
)


@pytest.fixture
def justerad(db):
    paragraph = ParagraphFactory(title="Justerad paragraf")
    DecisionPoint.objects.create(paragraph=paragraph, position=1, text="Bifall.")
    Recipient.objects.create(paragraph=paragraph, position=1, name="Kommunfullmäktige")
    yrkande = YrkandeFactory(paragraph=paragraph)
    YrkandeMemberFactory(yrkande=yrkande)
    Paragraph.objects.filter(pk=paragraph.pk).update(
        status=Paragraph.Status.JUSTERAD,
        justerad_at=datetime.datetime(2022, 3, 15, 10, tzinfo=datetime.UTC),
    )
    paragraph.refresh_from_db()
    return paragraph


def test_service_refuses_a_justerad_paragraph_and_its_parts(justerad):
    with pytest.raises(services.ServiceError, match="gör en rättelse"):
        services.check_paragraph_editable(justerad)
    for part in [
        justerad.decision_points.get(),
        justerad.recipients.get(),
        justerad.yrkanden.get(),
        justerad.yrkanden.get().memberships.get(),
        DecisionPoint(paragraph=justerad, position=2, text="Ny"),
    ]:
        with pytest.raises(services.ServiceError, match="justerad"):
            services.check_part_editable(part)


def test_service_allows_an_ojusterad_paragraph(db):
    paragraph = ParagraphFactory()
    services.check_paragraph_editable(paragraph)
    services.check_part_editable(DecisionPoint(paragraph=paragraph, position=1, text="x"))


def test_admin_refuses_a_change_to_a_justerad_paragraph(admin_client, justerad):
    url = reverse("admin:decisions_paragraph_change", args=[justerad.pk])
    page = admin_client.get(url)
    assert page.status_code == 200  # shown, read-only
    assert b'name="title"' not in page.content
    response = admin_client.post(url, {"title": "Ändrad", "number": justerad.number})
    assert response.status_code == 403
    justerad.refresh_from_db()
    assert justerad.title == "Justerad paragraf"
    delete = reverse("admin:decisions_paragraph_delete", args=[justerad.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert Paragraph.objects.filter(pk=justerad.pk).exists()


def test_admin_refuses_changes_to_parts_and_new_parts(admin_client, justerad):
    yrkande = justerad.yrkanden.get()
    url = reverse("admin:decisions_yrkande_change", args=[yrkande.pk])
    response = admin_client.post(url, {"paragraph": justerad.pk, "position": 9, "kind": "avslag"})
    assert response.status_code == 403
    yrkande.refresh_from_db()
    assert yrkande.position != 9
    add = reverse("admin:decisions_yrkande_add")
    response = admin_client.post(
        add,
        {
            "paragraph": justerad.pk,
            "position": 5,
            "kind": "bifall",
            "target": "motion",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "gör en rättelse" in response.content.decode()
    assert Yrkande.objects.filter(paragraph=justerad).count() == 1


@postgres_only
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE decisions_paragraph SET title = 'x' WHERE id = %(p)s",
        "UPDATE decisions_paragraph SET status = 'ojusterad' WHERE id = %(p)s",
        "DELETE FROM decisions_paragraph WHERE id = %(p)s",
        "UPDATE decisions_decisionpoint SET text = 'x' WHERE paragraph_id = %(p)s",
        "DELETE FROM decisions_decisionpoint WHERE paragraph_id = %(p)s",
        "INSERT INTO decisions_decisionpoint (paragraph_id, position, text) VALUES (%(p)s, 2, 'x')",
        "UPDATE decisions_recipient SET name = 'x' WHERE paragraph_id = %(p)s",
        "UPDATE decisions_yrkandemember SET position = 7",
        "DELETE FROM decisions_yrkande WHERE paragraph_id = %(p)s",
    ],
)
def test_the_database_refuses_plain_sql(justerad, sql):
    with (
        pytest.raises(DatabaseError, match="Paragrafen är justerad och kan inte ändras"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, {"p": justerad.pk})


@postgres_only
def test_the_database_allows_expediering_and_the_transition(justerad):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE decisions_recipient SET sent_on = '2022-03-20' WHERE paragraph_id = %s",
            [justerad.pk],
        )
        other = ParagraphFactory()
        DecisionPoint.objects.create(paragraph=other, position=1, text="Bifall.")
        cursor.execute(
            "UPDATE decisions_paragraph SET status = 'justerad', justerad_at = now(), "
            "immediately_justerad = true WHERE id = %s",
            [other.pk],
        )
    assert justerad.recipients.get().sent_on == D(2022, 3, 20)
    other.refresh_from_db()
    assert other.status == Paragraph.Status.JUSTERAD
