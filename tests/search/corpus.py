"""A labelled test corpus: fictional Korean news written for sinmun's tests.

Every place, person and event is invented (가람시 and its neighbours) or generic; nothing is
copied from a real outlet. QUERIES pair what a reader types, with particles and endings
that differ from the text, with the story that must be found. `title=True` marks queries
taken from the headline, whose story must rank first.
"""

DOCS = {
    "bus": (
        "청주시, 시내버스 노선 18개 개편",
        "청주시는 다음 달부터 시내버스 노선 18개를 개편한다고 밝혔다. 오창과학산업단지를 오가는 "
        "급행버스가 새로 생기고 배차 간격은 평균 12분으로 줄어든다.",
    ),
    "festival": (
        "가람시, 가을 국화 축제 개최",
        "가람시가 오는 주말 가람천 둔치에서 국화 축제를 개최한다. 축제에는 시민 3만 명이 찾을 것으로 "
        "보이며 아름다운 국화 작품 500점이 전시된다.",
    ),
    "school": (
        "충청북도교육청, 작은 학교 살리기 예산 확대",
        "충청북도교육청은 농촌 작은 학교의 통학버스와 돌봄 교실 예산을 늘리기로 했다. 교육감은 "
        "학생 수가 줄어도 배움의 질은 지키겠다고 말했다.",
    ),
    "market": (
        "가람중앙시장 화재, 점포 12곳 피해",
        "새벽 시간 가람중앙시장에서 불이 나 점포 12곳이 탔다. 소방 당국은 전기 합선을 원인으로 보고 "
        "정확한 피해 규모를 조사하고 있다.",
    ),
    "library": (
        "가람시립중앙도서관 리모델링 마치고 재개관",
        "가람시립중앙도서관이 1년 동안의 리모델링을 마치고 다시 문을 열었다. 어린이 열람실이 두 배로 "
        "넓어졌고 밤 10시까지 운영한다.",
    ),
    "ktx": (
        "KTX 가람역 정차 횟수 늘어난다",
        "국토교통부가 KTX 가람역 정차를 하루 8회에서 14회로 늘리기로 했다. 가람시는 역세권 개발 계획도 "
        "함께 발표했다.",
    ),
    "hospital": (
        "가람의료원, 야간 소아 진료 시작",
        "가람의료원이 이달부터 평일 밤 11시까지 소아 환자를 진료한다. 그동안 밤에 아이가 아프면 "
        "이웃 도시 병원까지 가야 했던 부모들의 부담이 줄어들 전망이다.",
    ),
    "farm": (
        "너른면 사과 농가, 우박 피해 복구 지원",
        "지난주 내린 우박으로 너른면 사과 농가 40곳이 피해를 봤다. 가람시농업기술센터는 "
        "피해 농가에 방제 약제와 복구 비용을 지원한다.",
    ),
    "council": (
        "가람시의회, 내년 예산안 심사 착수",
        "가람시의회는 내년도 예산안 1조2480억 원에 대한 심사에 들어갔다. 의원들은 세입 전망이 "
        "낙관적이라고 지적했다.",
    ),
    "traffic": (
        "솔내읍 교차로 교통사고 잇따라… 신호등 설치 요구",
        "솔내읍 중앙 교차로에서 올해만 교통사고가 9건 일어났다. 주민들은 신호등을 설치해 달라고 "
        "가람시에 요구했다.",
    ),
    "startup": (
        "가람대학교 학생 창업 기업, AI 번역 앱 출시",
        "가람대학교 재학생들이 세운 창업 기업이 인공지능 번역 앱을 내놓았다. 사투리를 표준어로 "
        "바꿔 주는 기능이 눈길을 끈다.",
    ),
    "weather": (
        "올겨울 첫 한파특보… 수도관 동파 주의",
        "기상청은 내일 새벽 가람 지역에 한파특보를 내렸다. 시는 수도관이 얼지 않도록 계량기를 "
        "헌 옷으로 감싸 달라고 당부했다.",
    ),
    "museum": (
        "가람시립미술관, 지역 작가 초대전 열어",
        "가람시립미술관이 지역 작가 15명의 작품을 모은 초대전을 열었다. 전시는 석 달 동안 "
        "이어진다.",
    ),
    "river": (
        "가람천 산책로 조명 설치 완료",
        "가람천 산책로 4킬로미터 구간에 조명 설치가 끝났다. 밤에도 안전하게 걸을 수 있게 됐다고 "
        "주민들은 반겼다.",
    ),
    "election": (
        "은빛동 주민자치회 위원 선거 열린다",
        "은빛동 주민자치회가 위원 20명을 뽑는 선거를 연다. 후보 등록은 다음 주 금요일까지다.",
    ),
    "housing": (
        "청년 임대주택 300가구 입주자 모집",
        "가람시가 청년 임대주택 300가구의 입주자를 모집한다. 만 19세부터 39세까지 무주택 청년이면 "
        "신청할 수 있다.",
    ),
    "water": (
        "상수도 요금 내년 4% 인상",
        "가람시 상수도 요금이 내년부터 4% 오른다. 시는 노후 수도관 교체 비용이 늘었다고 설명했다.",
    ),
    "sports": (
        "가람FC, 홈 경기에서 3대1 역전승",
        "프로축구 가람FC가 홈 경기에서 3대1로 역전승을 거뒀다. 주장은 팬들의 응원 덕분이라고 "
        "말했다.",
    ),
    "recycling": (
        "재활용 쓰레기 분리배출 요일제 시행",
        "다음 달부터 공동주택 재활용 쓰레기를 요일별로 내놓아야 한다. 시는 분리배출 안내문을 "
        "모든 가구에 나눠 줬다.",
    ),
    "tourism": (
        "관광객 100만 명 돌파… 가람 한옥마을 인기",
        "올해 가람 한옥마을을 찾은 관광객이 처음으로 100만 명을 넘었다. 숙박 체험 프로그램이 "
        "특히 인기를 끌었다.",
    ),
}

# (query, expected story, from the headline?)
QUERIES = [
    ("청주시가", "bus", True),
    ("청주시는", "bus", True),
    ("청주시의 버스", "bus", True),
    ("시내버스 노선을", "bus", True),
    ("노선이 개편된", "bus", True),
    ("과학산업단지", "bus", False),
    ("급행버스는", "bus", False),
    ("국화 축제가", "festival", True),
    ("축제를 개최했다", "festival", True),
    ("개최한 축제", "festival", True),
    ("아름답게", "festival", False),
    ("충청북도교육청이", "school", True),
    ("교육청은", "school", True),
    ("작은 학교를", "school", True),
    ("통학버스가", "school", False),
    ("가람중앙시장에서", "market", True),
    ("중앙시장 화재가", "market", True),
    ("점포가", "market", True),
    ("합선으로", "market", False),
    ("도서관이", "library", True),
    ("가람시립중앙도서관은", "library", True),
    ("재개관했다", "library", True),
    ("열람실이", "library", False),
    ("KTX가", "ktx", True),
    ("ktx 가람역에", "ktx", True),
    ("정차가", "ktx", True),
    ("의료원에서", "hospital", True),
    ("소아 진료를", "hospital", True),
    ("사과 농가에", "farm", True),
    ("우박이", "farm", True),
    ("농업기술센터가", "farm", False),
    ("예산안을 심사한", "council", True),
    ("시의회가", "council", True),
    ("교통사고가", "traffic", True),
    ("신호등을", "traffic", True),
    ("솔내읍의 교차로", "traffic", True),
    ("번역 앱을", "startup", True),
    ("AI", "startup", True),
    ("창업 기업이", "startup", True),
    ("한파특보가", "weather", True),
    ("동파를", "weather", True),
    ("미술관에서", "museum", True),
    ("초대전이", "museum", True),
    ("산책로에", "river", True),
    ("조명을 설치했다", "river", True),
    ("주민자치회 선거가", "election", True),
    ("임대주택을", "housing", True),
    ("입주자를 모집한다", "housing", True),
    ("상수도 요금이", "water", True),
    ("역전승을 거둔", "sports", True),
    ("분리배출은", "recycling", True),
    ("한옥마을을", "tourism", True),
    ("관광객이", "tourism", True),
]
