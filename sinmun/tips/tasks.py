import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from sinmun.tips import services
from sinmun.tips.models import Tip

logger = logging.getLogger("sinmun.tips")


@task()
def notify_desk(tip_id: int) -> int:
    """E-mail the desk that a tip came in; return the number of messages sent.

    The message carries the subject and a link to the admin, never the tipster's contact
    details, text or files: mail passes through servers outside the newsroom.
    """
    tip = Tip.objects.filter(pk=tip_id).first()
    recipients = services.desk_recipients()
    if tip is None or not recipients:
        if tip is not None:
            logger.warning(
                "tip %s: no desk address to notify (SINMUN_TIP_NOTIFY_EMAILS)", tip_id
            )
        return 0
    context = {
        "tip": tip,
        "attachment_count": tip.attachments.count(),
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("tips_admin:edit", args=[tip.pk]),
    }
    subject = render_to_string("tips/email/new_tip_subject.txt", context).strip()
    body = render_to_string("tips/email/new_tip.txt", context)
    return send_mail(subject, body, None, recipients)
