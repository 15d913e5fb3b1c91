from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "casetrack – administration"
admin.site.site_title = "casetrack"
admin.site.index_title = "Ärenden, sammanträden och beslut"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("konto/", include("organisation.account_urls")),
    path("", include("portal.urls")),
    path("", include("decisions.urls")),
]
