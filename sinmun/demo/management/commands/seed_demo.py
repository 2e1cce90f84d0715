import os

from django.core.management.base import BaseCommand, CommandError

from sinmun.demo import comments, newsroom, services, tips


class Command(BaseCommand):
    help = "Load the demo paper 가람일보 (fictional): sections, reporters, 60+ stories, columns. Safe to re-run."

    def add_arguments(self, parser):
        parser.add_argument(
            "--host",
            default=os.environ.get("HOST") or "127.0.0.1:8000",
            help="the address the demo is served at, as `make demo HOST=` gives it "
            "(default 127.0.0.1:8000)",
        )
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
        staff = newsroom.ensure_staff()
        desk_stories = newsroom.ensure_desk_stories()
        newsroom.ensure_front_page_lineup()
        tips_added = tips.ensure_demo_tips()
        comments_added = comments.ensure_demo_comments()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo paper ready: {report.created} stories created, {report.existing} already there."
            )
        )
        self.stdout.write(
            f"Admin: http://{options['host']}/admin/  login {username} / password {password}"
        )
        self.stdout.write(
            "  admin, chief and manager are asked to set up two-step verification (an "
            "authenticator app) at their first sign-in; the reporters and the desk are not."
        )
        self.stdout.write(
            f"Newsroom accounts (password {newsroom.DEMO_PASSWORD}); "
            f"{desk_stories} desk stories created (a draft, one waiting, one scheduled):"
        )
        self.stdout.write(
            f"{tips_added} readers' tips added (기사 제보: one new, one assigned to jihoon)."
        )
        self.stdout.write(
            f"{comments_added} readers' comments added on one society story (one waits "
            "for review, one comes from the former website)."
        )
        for account, _ in staff:
            self.stdout.write(
                f"  {account.role:<6} {account.username:<9} "
                f"{account.last_name}{account.first_name}"
            )
