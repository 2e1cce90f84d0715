from django.core.management.base import BaseCommand

from sinmun.desk import services


class Command(BaseCommand):
    help = (
        "Create the newsroom roles (기자, 데스크, 편집국장, 관리자) and the 데스크 승인 workflow, "
        "and grant them on every top-level section. Safe to run again; `migrate` runs it too."
    )

    def handle(self, *args, **options):
        groups = services.ensure_roles()
        for group in groups:
            self.stdout.write(f"{group.name}: {group.permissions.count()} permissions")
        self.stdout.write(self.style.SUCCESS(f"workflow: {services.WORKFLOW_NAME}"))
