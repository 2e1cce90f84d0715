import io
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from sinmun.tips.models import Tip, TipAttachment

# The smallest file Acrobat and pdf.js open: a header, one empty page and a trailer.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def jpeg_bytes(size=(64, 48), color=(40, 90, 140)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), (200, 160, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def make_tip(
    *,
    title="가람천 둑길에 무너진 옹벽",
    body="어제 저녁 가람천 둑길 200m 구간 옹벽이 무너져 산책로가 막혔습니다.",
    name="김민서",
    phone="010-2345-6789",
    email="minseo@example.com",
    received_at=None,
    retention_days=365,
    files=(),
    **fields,
) -> Tip:
    received_at = received_at or timezone.now()
    tip = Tip.objects.create(
        title=title,
        body=body,
        name=name,
        phone=phone,
        email=email,
        received_at=received_at,
        consented_at=received_at,
        delete_after=received_at + timedelta(days=retention_days),
        **fields,
    )
    for filename, content, content_type in files:
        item = TipAttachment(
            tip=tip,
            original_name=filename,
            content_type=content_type,
            size=len(content),
        )
        item.file.save(filename, upload(filename, content), save=False)
        item.save()
    return tip


# The newsroom's role groups (sinmun.desk creates them on migrate and in setup_newsroom).
REPORTER, DESK, CHIEF, ADMINISTRATOR = "기자", "데스크", "편집국장", "관리자"


def make_user(username: str, *roles: str, **fields):
    """A newsroom account in the named role groups, created as `migrate` creates them."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    call_command("setup_newsroom", stdout=io.StringIO())
    user = get_user_model().objects.create_user(
        username=username, password="pw-" + username, **fields
    )
    user.groups.set(Group.objects.filter(name__in=roles))
    return user
