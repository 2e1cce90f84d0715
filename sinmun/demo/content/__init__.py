"""The demo paper: a fictional regional daily, 가람일보, in the fictional city of 가람시.

Everything here is invented for sinmun: the outlet, its legal particulars, the people and
the stories. Publish times are given relative to the moment the demo is loaded, and a
story's text may use ``{month}`` and ``{day}`` for the month and day (KST) it is published,
so that "가람시는 {day}일 …" reads right whenever the demo is loaded.

Body blocks are tuples:
    ("p", text)                          a paragraph (plain text, no HTML)
    ("h", text)                          a subheading (소제목)
    ("quote", text, attribution)         a pull quote
    ("image", scene, caption, credit)    a photo, drawn locally by sinmun.demo.images
    ("gallery", title, [(scene, caption, credit), ...])
                                         a photo gallery (포토뉴스)
    ("video", url, scene, title, description, length)
                                         a video behind a poster drawn from `scene`

A live story (kind "live") has ``live_updates``: (minutes ago, reporter slug, text, scene or
None), each shown with its time and reporter.
"""

from dataclasses import dataclass, field

OUTLET = {
    "name": "가람일보",
    "company": "(주)가람미디어",
    "registration_number": "가람 아00000 (인터넷신문)",
    "print_registration_number": "가람 가00000 (일반일간)",
    "registered_on": "2009-03-02",
    "founded_on": "1998-05-15",
    "publisher": "한가람",
    "editor": "서동현",
    "youth_protection_officer": "정하늘",
    "youth_protection_contact": "youth@garamilbo.example",
    "address": "가람시 중앙로 100 가람미디어빌딩 5층 (우편번호 00000)",
    "phone": "000-000-0000",
    "fax": "000-000-0001",
    "email": "news@garamilbo.example",
}

# (slug, title, children)
SECTIONS = [
    ("politics", "정치", []),
    ("economy", "경제", []),
    ("society", "사회", [("incidents", "사건·사고")]),
    ("education", "교육", []),
    ("culture", "문화", []),
    ("sports", "스포츠", []),
    ("region", "지역", [("towns", "읍면소식")]),
    ("opinion", "오피니언", []),
]

# slug: (name, email, desk, beat)
REPORTERS = {
    "kim-minjun": ("김민준", "minjun@garamilbo.example", "정치부", "시의회·시정"),
    "lee-seoyeon": ("이서연", "seoyeon@garamilbo.example", "경제부", "지역경제·농업"),
    "park-jihoon": ("박지훈", "jihoon@garamilbo.example", "사회부", "사건·교통·환경"),
    "choi-yuna": ("최유나", "yuna@garamilbo.example", "교육문화부", "교육"),
    "jung-hyunwoo": ("정현우", "hyunwoo@garamilbo.example", "교육문화부", "문화·축제"),
    "han-sumin": ("한수민", "sumin@garamilbo.example", "체육부", "스포츠"),
    "oh-taeyang": ("오태양", "taeyang@garamilbo.example", "사진부", "사진"),
}

# slug: (name, title or affiliation, bio)
COLUMNISTS = {
    "yoon-jeonghee": (
        "윤정희",
        "가람대학교 행정학과 교수",
        "지방재정과 주민참여를 연구한다. 가람시 주민참여예산위원회 자문위원을 지냈다.",
    ),
    "seo-donghyun": (
        "서동현",
        "가람일보 논설위원",
        "사회부장과 편집국장을 거쳐 논설위원으로 일한다. 30년째 가람천 변에 산다.",
    ),
    "moon-gayoung": (
        "문가영",
        "시인·가람문화재단 이사",
        "시집 『강물이 쓰는 편지』를 냈다. 가람 원도심 골목의 기억을 기록하고 있다.",
    ),
}

# slug: (title, columnist slug, description)
SERIES = {
    "local-autonomy": (
        "지방자치 다시 읽기",
        "yoon-jeonghee",
        "예산, 조례, 주민참여로 본 가람시 자치의 현주소.",
    ),
    "garam-walk": (
        "가람 산책",
        "seo-donghyun",
        "논설위원이 걸으며 만난 도시의 얼굴.",
    ),
}

# The fictional city, for writers of demo stories:
# 가람시 (인구 약 42만, 동구·서구, 솔내읍·너른면·은빛동), 가람시청, 가람시의회, 가람천,
# 가람역(KTX), 가람종합운동장, 가람FC(K리그2), 가람대학교, 가람교육지원청, 가람중앙시장,
# 가람산업단지, 가람시립미술관, 가람의료원, 솔내 사과, 가람 빛축제, 가람문화재단.


@dataclass(frozen=True)
class Story:
    key: str  # stable identifier: loading the demo twice finds the story by it
    section: str  # section slug, "society/incidents" for a sub-section
    title: str
    body: list[tuple]
    subtitle: str = ""  # several lines allowed, separated by "\n"
    reporters: list[str] = field(default_factory=list)
    hours_ago: float = 24.0  # first published this long before the demo is loaded
    origin: str = "own"  # own | press_release | wire | contributed
    tags: list[str] = field(default_factory=list)
    image: tuple | None = None  # lead photo: (scene, caption, credit)
    columnist: str = ""  # columns only: a COLUMNISTS slug
    series: str = ""  # columns only, optional: a SERIES slug
    sponsorship: str = ""  # "" | advertorial | sponsored
    sponsor: str = ""
    kind: str = ""  # "" (news, or a column in opinion) | photo | live
    live_updates: list[tuple] = field(default_factory=list)


SCENES = (
    "city-hall",
    "council",
    "classroom",
    "market",
    "festival",
    "stadium",
    "road",
    "farm",
    "river",
    "mountain",
    "night",
    "snow",
    "hospital",
    "factory",
    "library",
    "museum",
    "train",
    "fire",
    "portrait",
)


def all_stories() -> list[Story]:
    """Return every demo story, news and columns."""
    from sinmun.demo.content import (
        articles_a,
        articles_b,
        articles_c,
        formats,
        sponsored,
    )

    return [
        *articles_a.STORIES,
        *articles_b.STORIES,
        *articles_c.STORIES,
        *sponsored.STORIES,
        *formats.STORIES,
    ]
