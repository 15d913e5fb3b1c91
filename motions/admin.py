"""Admin for the case file: registries, cases, documents, motions and referrals.

What ties a case to a meeting (its paragraphs, a document's förslag till beslut) is shown by
``decisions.admin.case_file``, which registers subclasses of the Case and Document admins here:
motions never imports decisions (docs/architecture.md).
"""

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from common.admin import HistoryAdmin, admin_link, admin_object_id

from .models import AttSats, Case, Document, DocumentAuthor, Motion, Motionar, Referral, Registry
from .services import next_serial


@admin.register(Registry)
class RegistryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "body", "dnr_format"]
    list_select_related = ["body"]
    search_fields = ["code", "name"]
    ordering = ["code"]
    autocomplete_fields = ["body"]


class CaseAdminForm(forms.ModelForm):
    class Meta:
        model = Case
        fields = [
            "registry",
            "year",
            "serial",
            "title",
            "kind",
            "registered_on",
            "closed_on",
            "responsible_body",
            "is_secret",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and "serial" in self.fields:
            # Typing a serial is for registering old cases (KS 2019-295); a new case takes
            # the next one, so the registry gets no gaps.
            self.fields["serial"].required = False
            self.fields[
                "serial"
            ].help_text = "Lämna tomt så får ärendet nästa lediga löpnummer i diariet för året."

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None:
            return cleaned  # the Dnr is fixed once registered; its parts are read-only
        registry, year, serial = (cleaned.get(n) for n in ("registry", "year", "serial"))
        if registry and year and serial:
            dnr = registry.format_dnr(year=year, serial=serial)
            # The stored Dnr is unique too: a format without {registry} can make two
            # registries produce the same text, which the parts alone would not catch.
            taken = Case.objects.filter(registry=registry, year=year, serial=serial).exists()
            if taken or Case.objects.filter(dnr=dnr).exists():
                self.add_error("serial", f"Diarienumret {dnr} finns redan i diariet.")
        return cleaned


class DocumentInline(admin.TabularInline):
    model = Document
    fk_name = "case"
    extra = 0
    fields = ["kind", "title", "date", "unit"]
    show_change_link = True


class ReferralForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        case, document = cleaned.get("case"), cleaned.get("answered_by_document")
        if case is not None and document is not None and document.case_id != case.pk:
            self.add_error("answered_by_document", "Handlingen hör inte till ärendet.")
        return cleaned


class ReferralInline(admin.TabularInline):
    model = Referral
    form = ReferralForm
    extra = 0
    fields = [
        "from_body",
        "to_body",
        "purpose",
        "sent_on",
        "due_on",
        "answered_by_paragraph",
        "answered_by_document",
    ]
    autocomplete_fields = ["from_body", "to_body", "answered_by_paragraph"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("case", "from_body", "to_body", "answered_by_paragraph__meeting")
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "answered_by_document":
            # An answer is a document in the same case file; offer only those.
            kwargs["queryset"] = Document.objects.filter(case_id=admin_object_id(request))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Case)
class CaseAdmin(HistoryAdmin):
    form = CaseAdminForm
    list_display = [
        "dnr",
        "title",
        "kind",
        "registered_on",
        "closed_on",
        "responsible_body",
        "is_secret",
    ]
    list_filter = ["kind", "registry", "year", "responsible_body", "is_secret"]
    list_select_related = ["responsible_body"]
    search_fields = ["dnr", "title"]
    ordering = ["-year", "registry__code", "-serial"]
    date_hierarchy = "registered_on"
    autocomplete_fields = ["responsible_body"]
    inlines = [DocumentInline, ReferralInline]
    # Read-only links to what hangs on the case; decisions' subclass adds its paragraphs.
    link_fields: tuple[str, ...] = ("motion_link",)

    def get_fieldsets(self, request, obj=None):
        dnr_fields = ["registry", "year", "serial"]
        if obj is not None:
            dnr_fields += ["dnr", "slug"]
        fieldsets = [
            ("Diarienummer", {"fields": dnr_fields}),
            (
                None,
                {
                    "fields": [
                        "title",
                        "kind",
                        "registered_on",
                        "closed_on",
                        "responsible_body",
                        "is_secret",
                    ]
                },
            ),
        ]
        if obj is not None:
            fieldsets.append(("Kopplingar", {"fields": list(self.link_fields)}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        # The Dnr is given once and never changes; Case.save keeps the first one it computed.
        return ["registry", "year", "serial", "dnr", "slug", *self.link_fields]

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        today = timezone.localdate()
        initial.setdefault("year", today.year)
        initial.setdefault("registered_on", today)
        return initial

    def save_model(self, request, obj, form, change):
        if not change and not obj.serial:
            # The admin view runs in a transaction, so the registry row stays locked until the
            # case is saved.
            obj.serial = next_serial(registry=obj.registry, year=obj.year)
        super().save_model(request, obj, form, change)

    @admin.display(description="motion")
    def motion_link(self, case: Case) -> str:
        motion = Motion.objects.filter(case=case).first()
        if motion is not None:
            return admin_link(motion, "Visa motionen med motionärer och att-satser")
        if case.kind == Case.Kind.MOTION:
            url = reverse("admin:motions_motion_add") + f"?case={case.pk}"
            return format_html('<a href="{}">Registrera motionen</a>', url)
        return "–"


class DocumentAuthorInline(admin.TabularInline):
    model = DocumentAuthor
    extra = 1
    fields = ["position", "name", "unit"]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "date", "case_dnr", "unit"]
    list_filter = ["kind", "unit"]
    list_select_related = ["case", "unit"]
    search_fields = ["title", "case__dnr", "case__title"]
    ordering = ["-date", "-pk"]
    date_hierarchy = "date"
    autocomplete_fields = ["case", "extract_of"]
    inlines = [DocumentAuthorInline]
    fields = ["case", "kind", "title", "date", "unit", "text", "file", "extract_of"]

    @admin.display(description="ärende", ordering="case__dnr")
    def case_dnr(self, document: Document) -> str:
        return document.case.dnr


class MotionarInline(admin.TabularInline):
    model = Motionar
    extra = 1
    fields = ["position", "person", "party"]
    autocomplete_fields = ["person"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "party")


class AttSatsInline(admin.TabularInline):
    model = AttSats
    extra = 1
    fields = ["position", "text"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "text":
            # At full height a motion with five att-satser becomes a long scroll.
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "cols": 80})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class OneYearRuleFilter(admin.SimpleListFilter):
    """KL 5 kap. 35 §: which undecided motions have passed a year since they were väckta."""

    title = "ettårsgränsen"
    parameter_name = "arsgrans"

    def lookups(self, request, model_admin):
        return [
            ("passerad", "Passerad, ej avgjord"),
            ("inom", "Ej avgjord, inom ett år"),
            ("ej_vackt", "Ej väckt"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "ej_vackt":
            return queryset.filter(raised_at__isnull=True)
        if self.value() in ("passerad", "inom"):
            # Motion.is_overdue is the rule (29 February included); undecided motions are
            # few enough to ask each one rather than restate the rule as a query.
            today = timezone.localdate()
            undecided = Motion.objects.undecided().filter(raised_at__isnull=False)
            overdue = [m.pk for m in undecided.select_related("raised_at") if m.is_overdue(today)]
            if self.value() == "passerad":
                return queryset.filter(pk__in=overdue)
            return queryset.filter(pk__in=undecided.values("pk")).exclude(pk__in=overdue)
        return queryset


@admin.register(Motion)
class MotionAdmin(HistoryAdmin):
    list_display = ["case_dnr", "case_title", "dated_on", "raised_on", "deadline", "outcome"]
    list_filter = ["outcome", OneYearRuleFilter]
    list_select_related = ["case", "raised_at"]
    search_fields = [
        "case__dnr",
        "case__title",
        "signers__person__first_name",
        "signers__person__last_name",
    ]
    ordering = ["-dated_on", "-pk"]
    date_hierarchy = "dated_on"
    autocomplete_fields = ["case", "raised_at", "decided_by"]
    fields = ["case", "dated_on", "raised_at", "deadline", "outcome", "decided_by"]
    readonly_fields = ["deadline"]
    inlines = [MotionarInline, AttSatsInline]

    @admin.display(description="diarienummer", ordering="case__dnr")
    def case_dnr(self, motion: Motion) -> str:
        return motion.case.dnr

    @admin.display(description="rubrik", ordering="case__title")
    def case_title(self, motion: Motion) -> str:
        return motion.case.title

    @admin.display(description="väckt", ordering="raised_at__date")
    def raised_on(self, motion: Motion):
        return motion.raised_on

    @admin.display(description="ska avgöras senast")
    def deadline(self, motion: Motion):
        return motion.deadline


class AnsweredFilter(admin.SimpleListFilter):
    title = "besvarad"
    parameter_name = "besvarad"

    def lookups(self, request, model_admin):
        return [("ja", "Besvarad"), ("nej", "Ej besvarad")]

    def queryset(self, request, queryset):
        if self.value() == "nej":
            return queryset.unanswered()
        if self.value() == "ja":
            return queryset.exclude(pk__in=Referral.objects.unanswered().values("pk"))
        return queryset


@admin.register(Referral)
class ReferralAdmin(admin.ModelAdmin):
    form = ReferralForm
    list_display = ["case_dnr", "from_body", "to_body", "purpose", "sent_on", "due_on", "answered"]
    list_filter = ["purpose", AnsweredFilter, "to_body", "from_body"]
    list_select_related = [
        "case",
        "from_body",
        "to_body",
        "answered_by_paragraph__meeting",
        "answered_by_document",
    ]
    search_fields = ["case__dnr", "case__title"]
    ordering = ["-sent_on", "-pk"]
    date_hierarchy = "sent_on"
    autocomplete_fields = [
        "case",
        "from_body",
        "to_body",
        "answered_by_paragraph",
        "answered_by_document",
    ]

    @admin.display(description="ärende", ordering="case__dnr")
    def case_dnr(self, referral: Referral) -> str:
        return referral.case.dnr

    @admin.display(description="besvarad")
    def answered(self, referral: Referral):
        return referral.answered_on or "–"
