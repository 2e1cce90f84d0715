from django.core.management.base import BaseCommand, CommandError

from sinmun.demo import services


class Command(BaseCommand):
    help = "Load the demo paper 가람일보 (fictional): sections, reporters, 60+ stories, columns. Safe to re-run."

    def add_arguments(self, parser):
        parser.add_argument(
            "--photo-size",
            default="1600x900",
            help="size of the drawn photos, WIDTHxHEIGHT (default 1600x900)",
        )

    def handle(self, *args, **options):
        try:
            width, height = (int(n) for n in options["photo_size"].lower().split("x"))
        except ValueError:
            raise CommandError(
                "Give --photo-size as WIDTHxHEIGHT, for example 1600x900."
            ) from None
        report = services.load_demo(
            photo_size=(width, height), log=lambda message: self.stdout.write(message)
        )
        username, password, _ = services.ensure_demo_admin()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo paper ready: {report.created} stories created, {report.existing} already there."
            )
        )
        self.stdout.write(
            f"Admin: http://127.0.0.1:8000/admin/  login {username} / password {password}"
        )
