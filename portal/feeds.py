"""Atom feed of the decisions in one case: "follow this motion".

Each justerad paragraph on the case becomes an entry, in every body the case passes through,
so a reader learns when SON, KS and finally KF have decided. A secret case has no feed at all.
"""

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse

from decisions.models import Paragraph
from decisions.views.feeds import FEED_ITEMS, ParagraphFeed, feed_paragraphs
from motions.models import Case


class CaseFeed(ParagraphFeed):
    """/arenden/<slug>/flode/ — the justerade paragraphs of one case, newest first."""

    def get_object(self, request: HttpRequest, slug: str) -> Case:
        case = Case.objects.public().filter(slug=slug).first()
        if case is None:
            # A secret case answers like a missing one: the feed is public and says nothing.
            raise Http404("Det finns inget ärende med det diarienumret.")
        return case

    def title(self, obj: Case) -> str:
        return f"{obj.dnr} {obj.title}"

    def subtitle(self, obj: Case) -> str:
        return f"Besluten i ärendet {obj.dnr}, i alla organ det går igenom."

    def link(self, obj: Case) -> str:
        return obj.get_absolute_url()

    def feed_url(self, obj: Case) -> str:
        return reverse("portal:case_feed", kwargs={"slug": obj.slug})

    def items(self, obj: Case) -> QuerySet[Paragraph]:
        return feed_paragraphs().filter(case=obj)[:FEED_ITEMS]
