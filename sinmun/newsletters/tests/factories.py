from django.utils import timezone

from sinmun.frontpage.models import FrontPagePin, Slot
from sinmun.newsletters.models import Subscriber, SubscriberStatus


def make_subscriber(
    email="reader@example.com", *, status=SubscriberStatus.ACTIVE, **fields
) -> Subscriber:
    now = timezone.now()
    confirmed = now if status == SubscriberStatus.ACTIVE else None
    return Subscriber.objects.create(
        email=email, status=status, consented_at=now, confirmed_at=confirmed, **fields
    )


def make_subscribers(count: int, **fields) -> list[Subscriber]:
    now = timezone.now()
    return Subscriber.objects.bulk_create(
        Subscriber(
            email=f"reader{n}@example.com",
            status=SubscriberStatus.ACTIVE,
            consented_at=now,
            confirmed_at=now,
            **fields,
        )
        for n in range(count)
    )


def pin_top_story(home, article) -> None:
    """Pin `article` as the front page's top story, as the editor-in-chief does."""
    home.pins = [FrontPagePin(article=article, slot=Slot.TOP)]
    home.save_revision().publish()
