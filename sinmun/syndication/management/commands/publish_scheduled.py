from wagtail.management.commands import publish_scheduled

from sinmun.syndication import signals


class Command(publish_scheduled.Command):
    help = (
        "Publish the revisions whose go-live time has passed and unpublish expired pages "
        "(Wagtail's publish_scheduled), then tell IndexNow about all of them in one task."
    )

    def handle(self, *args, **options):
        # Every due story goes live first; a slow or hanging IndexNow endpoint is
        # reached once, after the loop, not once per story inside it.
        with signals.batch():
            super().handle(*args, **options)
