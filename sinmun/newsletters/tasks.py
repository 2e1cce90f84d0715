from django_tasks import task

from sinmun.newsletters import services
from sinmun.newsletters.models import Subscriber, SubscriberStatus


@task()
def send_confirmation(subscriber_id: int) -> int:
    """E-mail the signed confirmation link (double opt-in); return the messages sent."""
    subscriber = Subscriber.objects.filter(
        pk=subscriber_id, status=SubscriberStatus.PENDING
    ).first()
    if subscriber is None:
        return 0
    return services.confirmation_message(subscriber).send()


@task()
def prepare_edition(edition_id: int) -> int:
    """Render an edition and queue its batches (services.prepare_edition)."""
    return services.prepare_edition(edition_id=edition_id)


@task()
def send_batch(edition_id: int, delivery_ids: list[int]) -> int:
    """Send one batch of an edition's letters, each at most once (services.send_batch)."""
    return services.send_batch(edition_id=edition_id, delivery_ids=delivery_ids)
