"""Two readers' tips (기사 제보) for the demo desk: one just in, one assigned to 박지훈 기자.

Written for sinmun; the tipsters, numbers and addresses are fictional.
"""

import io
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from sinmun.tips.models import Tip, TipAttachment, TipStatus
from sinmun.tips.services import retention

TIPS = (
    {
        "title": "가람초 앞 횡단보도 신호등 사흘째 고장",
        "body": (
            "가람초등학교 정문 앞 횡단보도 신호등이 월요일부터 꺼져 있습니다. 등굣길에 "
            "아이들이 차 사이로 건너고 있어 위험합니다. 구청에 민원을 넣었지만 아직 "
            "고쳐지지 않았습니다."
        ),
        "name": "정하윤",
        "phone": "010-0000-1234",
        "email": "",
        "hours_ago": 3,
        "photo": "신호등.jpg",
    },
    {
        "title": "가람천 하류에 거품과 악취",
        "body": (
            "어제 저녁부터 가람천 하류 세월교 아래에 흰 거품이 떠 있고 냄새가 심합니다. "
            "상류 공장 쪽에서 내려오는 것 같습니다."
        ),
        "name": "",
        "phone": "",
        "email": "garam-reader@example.com",
        "hours_ago": 28,
        "assignee": "jihoon",
        "status": TipStatus.REPORTING,
        "desk_note": "환경과 확인 요청함. 현장 사진 필요.",
    },
)


def _photo() -> bytes:
    image = Image.new("RGB", (960, 640), (70, 80, 90))
    draw = ImageDraw.Draw(image)
    draw.rectangle((430, 120, 530, 420), fill=(30, 30, 30))
    for y, color in ((150, (90, 40, 40)), (250, (90, 80, 40)), (350, (40, 80, 50))):
        draw.ellipse((450, y - 40, 510, y + 20), fill=color)
    draw.rectangle((0, 500, 960, 640), fill=(200, 200, 200))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def ensure_demo_tips(*, now=None) -> int:
    """Add the demo tips that are missing; return how many were added."""
    now = now or timezone.now()
    users = get_user_model().objects
    added = 0
    for spec in TIPS:
        if Tip.objects.filter(title=spec["title"]).exists():
            continue
        received = now - timedelta(hours=spec["hours_ago"])
        tip = Tip.objects.create(
            title=spec["title"],
            body=spec["body"],
            name=spec["name"],
            phone=spec["phone"],
            email=spec["email"],
            received_at=received,
            consented_at=received,
            delete_after=received + retention(),
            status=spec.get("status", TipStatus.NEW),
            assignee=users.filter(username=spec.get("assignee", "")).first(),
            desk_note=spec.get("desk_note", ""),
        )
        if spec.get("photo"):
            content = _photo()
            attachment = TipAttachment(
                tip=tip,
                original_name=spec["photo"],
                content_type="image/jpeg",
                size=len(content),
            )
            attachment.file.save(spec["photo"], ContentFile(content), save=False)
            attachment.save()
        added += 1
    return added
