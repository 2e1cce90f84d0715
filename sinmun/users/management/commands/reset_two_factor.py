from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from sinmun.users import services


class Command(BaseCommand):
    help = (
        "Forget an account's authenticator and recovery codes (a lost phone). The account "
        "enrols again at its next sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(
                f"No account is called {username!r}. Check the name in the admin (사용자)."
            ) from None
        services.remove_two_factor(user=user)
        self.stdout.write(f"Two-step verification removed for {username}.")
