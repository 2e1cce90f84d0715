from django.core.management.base import BaseCommand

from sinmun.demo import services


class Command(BaseCommand):
    help = "Load the demo paper 가람일보 (fictional): sections, reporters, 60+ stories, columns. Safe to re-run."

    def handle(self, *args, **options):
        report = services.load_demo(log=lambda message: self.stdout.write(message))
        username, password, _ = services.ensure_demo_admin()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo paper ready: {report.created} stories created, {report.existing} already there."
            )
        )
        self.stdout.write(
            f"Admin: http://127.0.0.1:8000/admin/  login {username} / password {password}"
        )
