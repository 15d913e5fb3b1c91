"""Admin for bodies, parties, people and their seats.

Person and Body are the targets of autocomplete fields all over the admin, so both keep
``search_fields``; a select box with every förtroendevald would be unusable.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User

from .models import (
    Account,
    Administration,
    Body,
    ClerkAssignment,
    Membership,
    Party,
    Person,
    PersonAlias,
)


@admin.register(Administration)
class AdministrationAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]
    ordering = ["name"]


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "parent", "administration", "size"]
    list_filter = ["kind"]
    list_select_related = ["parent", "administration"]
    search_fields = ["code", "name"]
    ordering = ["code"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["code"]}
    fields = ["code", "slug", "name", "kind", "parent", "administration", "size"]


@admin.register(Party)
class PartyAdmin(admin.ModelAdmin):
    list_display = ["abbreviation", "name"]
    search_fields = ["abbreviation", "name"]
    ordering = ["abbreviation"]


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 1


class PersonMembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ["body", "role", "party", "starts_on", "ends_on"]
    autocomplete_fields = ["body"]

    def get_queryset(self, request):
        # The row header prints the membership, which names person, party and body.
        return super().get_queryset(request).select_related("person", "party", "body")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "other_names"]
    search_fields = ["first_name", "last_name", "aliases__name"]
    ordering = ["last_name", "first_name"]
    inlines = [PersonAliasInline, PersonMembershipInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.display(description="andra namnformer")
    def other_names(self, person: Person) -> str:
        return ", ".join(alias.name for alias in person.aliases.all())


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["person", "body", "role", "party", "starts_on", "ends_on"]
    list_filter = ["body", "role", "party"]
    list_select_related = ["person", "body", "party"]
    search_fields = ["person__first_name", "person__last_name", "body__code", "body__name"]
    ordering = ["body__name", "role", "person__last_name", "person__first_name"]
    autocomplete_fields = ["person", "body"]
    date_hierarchy = "starts_on"


# --- Accounts and roles: on the user's own page (docs/decisions/0011-roles.md) ---------------


class AccountInline(admin.StackedInline):
    model = Account
    can_delete = True
    extra = 0
    max_num = 1
    autocomplete_fields = ["person"]
    verbose_name = "förtroendevald"
    verbose_name_plural = "kopplad förtroendevald"


class ClerkAssignmentInline(admin.TabularInline):
    model = ClerkAssignment
    extra = 0
    fields = ["role", "body", "registry", "starts_on", "ends_on"]
    autocomplete_fields = ["body"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user", "body", "registry")


admin.site.unregister(User)


@admin.register(User)
class UserWithRolesAdmin(UserAdmin):
    """Django's user admin, with the login's förtroendevald and its clerk roles below."""

    inlines = [AccountInline, ClerkAssignmentInline]
