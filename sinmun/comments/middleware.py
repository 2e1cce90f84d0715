from django.urls import reverse

from sinmun.core import cache


class PrivateSignInMiddleware:
    """Mark django-allauth's pages (a reader's sign-in, codes, e-mail) never to be stored.

    They carry a session and a CSRF token; allauth's views set no Cache-Control of their own.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = None

    def __call__(self, request):
        response = self.get_response(request)
        if self.prefix is None:
            self.prefix = reverse("account_login").removesuffix("login/")
        if request.path.startswith(self.prefix):
            cache.make_private(response)
        return response
