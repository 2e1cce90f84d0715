"""trafilatura, as a portal crawler would run it, finds the story and nothing else."""

from datetime import timedelta

import pytest
import trafilatura
from django.utils import timezone

from sinmun.articles.tests.factories import make_article, make_photo, paragraphs

STORIES = [
    (
        "가람시, 시내버스 노선 18개 조정",
        [
            "가람시는 26일 시청 대회의실에서 시내버스 노선 개편안 설명회를 열었다.",
            "개편안은 52개 노선 가운데 18개를 조정해 배차 간격을 평균 4분 줄이는 내용이다.",
            "윤태호 시장은 “시민 의견을 끝까지 듣겠다”고 말했다.",
        ],
    ),
    (
        "가람천 산책로 3.2㎞ 새로 열려",
        [
            "가람천 하류 산책로 3.2㎞ 구간이 1일 시민에게 개방됐다.",
            "시는 2년 동안 48억 원을 들여 자전거 도로와 쉼터 12곳을 만들었다.",
            "주민 김영숙(67) 씨는 “아침마다 걸을 곳이 생겨 반갑다”고 했다.",
        ],
    ),
    (
        "가람교 추돌 사고로 3명 부상",
        [
            "3일 오전 7시 40분께 가람교 위에서 승용차 3대가 잇따라 부딪쳤다.",
            "이 사고로 운전자 3명이 가벼운 상처를 입어 병원으로 옮겨졌다.",
            "경찰은 앞차와의 거리를 지키지 않은 것으로 보고 정확한 경위를 조사하고 있다.",
        ],
    ),
    (
        "시의회, 내년 예산 1조2천억 원 의결",
        [
            "가람시의회는 18일 본회의를 열어 내년도 예산안 1조2천억 원을 의결했다.",
            "복지 예산이 전체의 34%로 가장 많았고 교통 분야가 뒤를 이었다.",
            "의회는 심사 과정에서 홍보비 5억 원을 깎았다.",
        ],
    ),
    (
        "전통시장 온누리상품권 10% 할인",
        [
            "가람시는 설을 앞두고 전통시장 온누리상품권을 10% 할인해 판다.",
            "1인당 한 달에 50만 원까지 살 수 있다.",
            "판매는 지역 농협과 새마을금고에서 한다.",
        ],
    ),
    (
        "가람고 학생들, 전국 과학대회 대상",
        [
            "가람고등학교 2학년 학생 4명이 전국 청소년 과학탐구대회에서 대상을 받았다.",
            "학생들은 가람천의 수질을 1년 동안 측정해 정화 방안을 제안했다.",
            "지도교사 박은정 씨는 “학생들이 스스로 질문을 찾았다”고 말했다.",
        ],
    ),
    (
        "폭염특보에 무더위쉼터 120곳 연장 운영",
        [
            "가람시에 폭염경보가 내려지자 시가 무더위쉼터 120곳을 밤 9시까지 연다.",
            "경로당과 주민센터가 쉼터로 쓰인다.",
            "시는 야외 작업을 낮 시간에 멈춰 달라고 당부했다.",
        ],
    ),
    (
        "가람역 앞 공영주차장 착공",
        [
            "가람역 앞 공영주차장 공사가 10일 시작됐다.",
            "지상 4층 규모로 차량 320대를 세울 수 있다.",
            "완공은 내년 6월 예정이다.",
        ],
    ),
    (
        "농협, 쌀 수매가 지난해보다 4% 올려",
        [
            "가람농협은 올해 벼 수매가를 40㎏ 한 가마에 6만8천 원으로 정했다.",
            "지난해보다 4% 오른 값이다.",
            "농민단체는 생산비 상승을 따라가지 못한다고 밝혔다.",
        ],
    ),
    (
        "도서관 야간 개방 시범 운영",
        [
            "가람중앙도서관이 다음 달부터 금요일 밤 11시까지 문을 연다.",
            "직장인과 수험생의 요청에 따른 것이다.",
            "시는 석 달 동안 이용자를 살펴 확대 여부를 정한다.",
        ],
    ),
    (
        "가람시 청년 월세 지원 신청 접수",
        [
            "가람시는 청년 300명에게 월세를 한 달 20만 원씩 1년 동안 지원한다.",
            "만 19세부터 34세까지 무주택 청년이 대상이다.",
            "신청은 이달 말까지 시 누리집에서 받는다.",
        ],
    ),
]


# Paragraphs every story ends with, as a regional paper's stories do: the context and
# reactions that take a story past a few lines (trafilatura needs about 250 characters).
CONTEXT = [
    "시 관계자는 “주민 설명회와 의견 수렴 절차를 거쳐 세부 계획을 확정하겠다”며 “불편을 최소화하도록 단계적으로 추진하겠다”고 설명했다.",
    "이번 사업은 지난해 시민 설문조사에서 가장 많은 요구가 나온 분야로, 시는 올해 하반기 추가경정예산에 관련 비용을 반영할 방침이다.",
    "시민단체 가람시민연대는 성명을 내고 “취지에는 공감하지만 예산 집행 과정을 투명하게 공개해야 한다”고 요구했다.",
]


def lcs_length(a: str, b: str) -> int:
    """Length of the longest common subsequence of characters (the matched characters)."""
    previous = [0] * (len(b) + 1)
    for ch in a:
        current = [0]
        for j, other in enumerate(b, 1):
            current.append(
                previous[j - 1] + 1 if ch == other else max(previous[j], current[j - 1])
            )
        previous = current
    return previous[-1]


def squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def stories(paper, reporter):
    photo = make_photo()
    now = timezone.now()
    return [
        make_article(
            paper.sections["society"],
            title=title,
            body=paragraphs(*body, *CONTEXT[n % 3 :], *CONTEXT[: n % 3]),
            reporters=[reporter],
            lead_image=photo if n % 2 else None,
            tags=["가람시"],
            published_at=now - timedelta(hours=n),
        )
        for n, (title, body) in enumerate(STORIES)
    ]


def test_trafilatura_extracts_the_body_and_nothing_else(client, stories):
    matched = extracted_total = expected_total = 0
    for article in stories:
        html = client.get(article.url).text
        # The readers' comments section is told apart as comments (trafilatura extracts it
        # as such when asked): the story's text is what it finds without them.
        extracted = squeeze(trafilatura.extract(html, include_comments=False) or "")
        expected = squeeze(article.body_text)
        matched += lcs_length(extracted, expected)
        extracted_total += len(extracted)
        expected_total += len(expected)
    precision = matched / extracted_total
    recall = matched / expected_total
    assert precision >= 0.98, precision
    assert recall >= 0.98, recall


def test_trafilatura_metadata_finds_headline_date_and_author(client, stories):
    article = stories[0]
    meta = trafilatura.extract_metadata(client.get(article.url).text)
    assert meta.title == article.title
    assert meta.date == timezone.localtime(article.first_published_at).strftime(
        "%Y-%m-%d"
    )
    assert "박지훈" in (meta.author or "")
