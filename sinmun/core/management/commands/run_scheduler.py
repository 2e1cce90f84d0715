import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from sinmun.core import scheduler


class Command(BaseCommand):
    help = (
        "Run the periodic jobs (SINMUN_SCHEDULED_JOBS: publish_scheduled every minute, "
        "fetch_weather every ten) until stopped, each in its own thread. Schedulers on "
        "several servers share the work: a job runs on one of them, once per interval."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once",
            action="store_true",
            help="Run the due jobs once and exit (for cron); exits non-zero if one failed.",
        )
        parser.add_argument(
            "--job", action="append", help="Only this job (may be repeated)."
        )

    def handle(self, *args, once=False, job=None, **options):
        jobs = settings.SINMUN_SCHEDULED_JOBS
        unknown = set(job or ()) - set(jobs)
        if unknown:
            raise CommandError(f"Unknown job: {', '.join(sorted(unknown))}")
        names = [name for name in jobs if not job or name in job]
        if not once:
            stopping = threading.Event()
            self._stop_on_signals(stopping)
            self.stdout.write("Scheduler running; Ctrl-C stops it.")
            self.stdout.flush()
            scheduler.Scheduler({n: jobs[n] for n in names}).run_forever(stop=stopping)
            return
        if len(names) == 1 or connection.in_atomic_block:
            # One job (a cron line), or a caller's transaction that other threads
            # could not see into: run here, in this thread.
            outcomes = [scheduler.run_job(n, interval=jobs[n]) for n in names]
        else:
            outcomes = scheduler.Scheduler({n: jobs[n] for n in names}).run_once(names)
        for outcome in outcomes:
            self.stdout.write(outcome.summary())
        failed = [o for o in outcomes if o.status == scheduler.Status.FAILED]
        if failed:
            raise CommandError(
                "Failed: " + "; ".join(f"{o.name}: {o.error}" for o in failed)
            )

    def _stop_on_signals(self, stopping: threading.Event):
        # systemd stops with SIGTERM: leave through the loop's cleanup, which gives up
        # the leases of jobs still running instead of leaving them to expire.
        if threading.current_thread() is not threading.main_thread():
            return
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *args: stopping.set())
