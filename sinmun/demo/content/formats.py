"""Demo stories in the big-news formats: a photo gallery, a video story, a live page.

Invented for sinmun's demo paper, 가람일보, like every other demo story. The video's
address is a placeholder (no such YouTube video): the demo shows the poster and the
tap-to-load player, not a real film.
"""

from sinmun.demo.content import Story

STORIES: list[Story] = [
    Story(
        key="f-photo-lantern-festival",
        section="culture",
        kind="photo",
        title="[포토] 가람천 수놓은 빛… 가람 빛축제 개막",
        subtitle="등불 3천 개 물길 따라 2.4㎞… 다음 달 2일까지",
        reporters=["oh-taeyang"],
        hours_ago=7,
        tags=["가람 빛축제", "포토뉴스"],
        image=(
            "festival",
            "{day}일 저녁 가람천 둔치에서 열린 가람 빛축제 개막식에서 시민들이 등불을 띄우고 있다.",
            "가람일보 오태양 기자",
        ),
        body=[
            (
                "p",
                "제12회 가람 빛축제가 {day}일 저녁 가람천 둔치에서 막을 올렸다. 올해는 솔내읍 "
                "주민들이 직접 만든 한지 등불 3천 개가 가람교부터 은빛동 징검다리까지 2.4㎞ "
                "물길을 따라 놓였다.",
            ),
            (
                "gallery",
                "사진으로 보는 개막 첫날",
                [
                    (
                        "festival",
                        "개막 점등식에서 어린이 합창단이 ‘가람천 아리랑’을 부르고 있다.",
                        "가람일보 오태양 기자",
                    ),
                    (
                        "night",
                        "가람교 아래로 한지 등불이 길게 이어져 있다.",
                        "가람일보 오태양 기자",
                    ),
                    (
                        "river",
                        "징검다리를 건너는 가족 나들이객들. 축제 기간 징검다리는 오후 10시까지 개방된다.",
                        "가람일보 오태양 기자",
                    ),
                    (
                        "market",
                        "축제장 옆 가람중앙시장 야시장에 먹거리 장터가 열렸다.",
                        "가람시 제공",
                    ),
                    (
                        "festival",
                        "솔내읍 주민들이 등불 만들기 체험 부스에서 관람객을 돕고 있다.",
                        "독자 김하늘",
                    ),
                ],
            ),
            (
                "p",
                "축제는 다음 달 2일까지 매일 오후 6시부터 10시까지 열린다. 가람시는 주말 "
                "저녁 가람역과 축제장을 잇는 셔틀버스를 20분 간격으로 운행한다.",
            ),
        ],
    ),
    Story(
        key="f-video-solnae-apple-harvest",
        section="economy",
        title="[영상] 하늘에서 본 솔내 사과밭, 첫 수확 시작",
        subtitle="냉해 딛고 작황 평년 수준… 농가 “일손이 가장 걱정”",
        reporters=["lee-seoyeon", "oh-taeyang"],
        hours_ago=11,
        tags=["솔내 사과", "영상"],
        body=[
            (
                "p",
                "솔내읍 사과 농가들이 {day}일 올해 첫 수확에 들어갔다. 봄철 냉해로 걱정이 "
                "컸지만 여름 일조량이 늘면서 작황은 평년 수준을 되찾았다고 솔내농협은 밝혔다.",
            ),
            (
                "video",
                "https://www.youtube.com/watch?v=GaRamSolnae",
                "farm",
                "드론으로 본 솔내 사과밭 첫 수확",
                "솔내읍 너른들 사과밭에서 농민들이 첫 수확한 사과를 상자에 담고 있다. 드론 촬영 오태양 기자.",
                "1:48",
            ),
            (
                "p",
                "농가들은 수확 철 일손 부족을 가장 큰 걱정으로 꼽았다. 가람시는 다음 달 "
                "말까지 농촌 일손 돕기 자원봉사단을 모집한다.",
            ),
        ],
    ),
    Story(
        key="f-live-by-election-count",
        section="politics",
        kind="live",
        title="[실시간] 가람시의원 보궐선거 개표 상황",
        subtitle="동구 제2선거구 투표율 38.2%… 오후 8시 개표 시작",
        reporters=["kim-minjun", "park-jihoon"],
        hours_ago=3,
        tags=["보궐선거", "가람시의회"],
        body=[
            (
                "p",
                "가람시의원 동구 제2선거구 보궐선거 개표 상황을 실시간으로 전합니다. 개표는 "
                "가람종합운동장 실내체육관에서 진행되며, 새 소식은 이 페이지 맨 위에 "
                "나타납니다.",
            ),
        ],
        live_updates=[
            (
                175,
                "park-jihoon",
                "투표가 오후 8시 마감됐다. 가람시선거관리위원회가 집계한 최종 투표율은 38.2%로, 4년 전 지방선거 때 이 선거구 투표율보다 11%포인트 낮다.",
                None,
            ),
            (
                150,
                "kim-minjun",
                "투표함 23개가 개표소인 가람종합운동장 실내체육관에 모두 도착했다. 참관인 확인을 거쳐 개표가 시작됐다.",
                "stadium",
            ),
            (
                95,
                "park-jihoon",
                "개표율 30%. 두 후보가 300표 안쪽에서 엎치락뒤치락하고 있다. 사전투표함 개표가 끝나면 윤곽이 드러날 전망이다.",
                None,
            ),
            (
                40,
                "kim-minjun",
                "개표율 62%. 기호 1번 후보가 1,120표 차로 앞서기 시작했다. 상대 후보 선거사무소에는 지지자 50여 명이 모여 개표 방송을 지켜보고 있다.",
                None,
            ),
            (
                12,
                "park-jihoon",
                "개표율 85%. 표 차가 1,800표로 벌어졌다. 선관위는 자정 전 당선인 확정을 예상했다.",
                "city-hall",
            ),
        ],
    ),
]
