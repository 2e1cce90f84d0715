from django.contrib.auth import get_user_model

from sinmun.comments.models import Comment, CommentStatus


def make_reader(email="reader@garamilbo.example", **fields):
    User = get_user_model()
    user = User.objects.create(username=email.split("@")[0], email=email, **fields)
    user.set_unusable_password()
    user.save()
    return user


def make_comment(
    article, reader, *, text="버스 배차 간격이 줄어든다니 반갑습니다.", **fields
):
    fields.setdefault("status", CommentStatus.APPROVED)
    fields.setdefault("author_name", "가람시민")
    return Comment.objects.create(article=article, reader=reader, text=text, **fields)
