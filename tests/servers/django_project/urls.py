from django.urls import include, path

urlpatterns = [path("asyncapi/", include("chanx.channels.urls"))]
