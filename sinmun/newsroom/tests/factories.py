import factory

from sinmun.newsroom.models import Columnist, ColumnSeries, Reporter

NAMES = ["김민준", "이서연", "박지훈", "최유나", "정현우", "한수민", "오태양", "윤하늘"]


class ReporterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reporter

    name = factory.Iterator(NAMES)
    slug = factory.Sequence(lambda n: f"reporter-{n}")
    email = factory.LazyAttribute(lambda o: f"{o.slug}@garamilbo.example")
    desk = "사회부"
    beat = "사건·교통"


class ColumnistFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Columnist

    name = "윤정희"
    slug = factory.Sequence(lambda n: f"columnist-{n}")
    title = "가람대학교 행정학과 교수"
    bio = "지방재정과 주민참여를 연구한다."


class ColumnSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ColumnSeries

    title = "지방자치 다시 읽기"
    slug = factory.Sequence(lambda n: f"series-{n}")
    columnist = factory.SubFactory(ColumnistFactory)
