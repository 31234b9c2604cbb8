"""Write any number of realistic Vietnamese defence news articles, deterministically for a seed.

A fixed population of people (with ranks and positions), agencies, instruments and programmes is
drawn with skewed weights, so that popular generals and ministries recur in many articles, as in
real news. Every sentence template is written for this project.

    .venv/bin/python bench/corpus.py 100000 /tmp/corpus --seed 7            # folders of 1,000 .txt
    .venv/bin/python bench/corpus.py 100000 /tmp/corpus.jsonl --format jsonl
"""
from __future__ import annotations

import argparse
import json
import random
import time
from dataclasses import dataclass
from pathlib import Path

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý", "Đào", "Đinh", "Trịnh", "Phan", "Mai", "Cao"]
MIDDLES = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Xuân", "Đình", "Ngọc", "Công", "Thị", "Quốc"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Hùng", "Khang", "Long", "Nam", "Phong",
         "Quân", "Sơn", "Tâm", "Thắng", "Thành", "Tuấn", "Vinh", "Hạnh", "Lan", "Hưng", "Trung", "Kiên"]
RANKS = ["Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá",
         "Phó Đô đốc", "Chuẩn Đô đốc"]
RANK_WEIGHTS = [1, 3, 8, 14, 30, 14, 8, 2, 3]
UNITS = (["Tổng cục Kỹ thuật", "Tổng cục Hậu cần", "Tổng cục Chính trị", "Tổng cục Công nghiệp quốc phòng",
          "Quân chủng Hải quân", "Quân chủng Phòng không - Không quân", "Bộ Tư lệnh Bộ đội Biên phòng",
          "Học viện Kỹ thuật Quân sự", "Học viện Quốc phòng", "Cục Quân khí", "Cục Xe - Máy", "Cục Kinh tế"]
         + [f"Quân khu {n}" for n in (1, 2, 3, 4, 5, 7, 9)] + [f"Quân đoàn {n}" for n in (12, 34)]
         + [f"Sư đoàn {n}" for n in range(301, 341)] + [f"Lữ đoàn {n}" for n in range(101, 181)]
         + [f"Nhà máy Z{n}" for n in range(111, 199)] + [f"Trung đoàn {n}" for n in range(1, 60)])
POSITIONS = ["Tư lệnh", "Chính ủy", "Phó Tư lệnh", "Phó Chính ủy", "Chủ nhiệm", "Phó Chủ nhiệm",
             "Giám đốc", "Phó Giám đốc", "Tham mưu trưởng", "Cục trưởng"]
TOP = ["Bộ Quốc phòng", "Quân ủy Trung ương", "Bộ Chính trị", "Chính phủ"]
ISSUERS = {"NQ/TW": "Bộ Chính trị", "NQ/QUTW": "Quân ủy Trung ương", "NĐ-CP": "Chính phủ",
           "QĐ-BQP": "Bộ Quốc phòng"}
KINDS = {"NQ/TW": "Nghị quyết", "NQ/QUTW": "Nghị quyết", "NĐ-CP": "Nghị định", "QĐ-BQP": "Quyết định"}
TOPICS = ["công tác kỹ thuật", "huấn luyện sẵn sàng chiến đấu", "sản xuất quốc phòng", "hậu cần",
          "chuyển đổi số", "bảo đảm an toàn", "xây dựng chính quy", "nghiên cứu khoa học"]
# (the meeting's name, the headline that reports it)
MEETINGS = [("Hội nghị tổng kết {topic} năm {year}", "{unit} tổng kết {topic} năm {year}"),
            ("Hội nghị sơ kết {topic} 6 tháng đầu năm {year}", "{unit} sơ kết {topic} 6 tháng đầu năm {year}"),
            ("Hội nghị giao ban {topic} quý {quarter} năm {year}", "{unit} giao ban {topic} quý {quarter} năm {year}"),
            ("Hội thảo khoa học về {topic} năm {year}", "{unit} tổ chức hội thảo khoa học về {topic} năm {year}")]


@dataclass(frozen=True)
class Person:
    name: str
    rank: str
    position: str
    unit: str


def population(rng: random.Random, people: int = 4000):
    persons = []
    seen = set()
    while len(persons) < people:
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}"
        if name in seen:
            continue
        seen.add(name)
        persons.append(Person(name, rng.choices(RANKS, RANK_WEIGHTS)[0], rng.choice(POSITIONS),
                              rng.choice(UNITS)))
    instruments = []
    for suffix in ISSUERS:
        for n in range(1, 40):
            number = f"{n:02d}-{suffix}" if "/" in suffix else f"{n}/{2015 + n % 10}/{suffix}"
            instruments.append((f"{KINDS[suffix]} số {number}", ISSUERS[suffix]))
    return persons, instruments


def skewed(rng: random.Random, items: list, power: float = 1.1):
    """Index i drawn with weight 1/(i+1)^power: a few very popular items, a long tail."""
    weights = getattr(skewed, "_cache", {}).get((len(items), power))
    if weights is None:
        weights = [1 / (i + 1) ** power for i in range(len(items))]
        skewed._cache = {**getattr(skewed, "_cache", {}), (len(items), power): weights}
    return rng.choices(items, weights)[0]


def article(rng: random.Random, persons, instruments, number: int) -> dict:
    year = 2015 + number % 11
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    chair, guest = skewed(rng, persons), skewed(rng, persons)
    attendees = [skewed(rng, persons, 0.8) for _ in range(rng.randint(1, 4))]
    topic = rng.choice(TOPICS)
    name, headline = rng.choice(MEETINGS)
    quarter = rng.choice(["I", "II", "III", "IV"])
    meeting = name.format(topic=topic, year=year, quarter=quarter)
    instrument, issuer = skewed(rng, instruments)
    unit_a, unit_b = rng.sample(UNITS, 2)
    part = rng.choice(["Sáng", "Chiều"])
    # Each paragraph names something of this article (its date, its units, its topic), so that
    # paragraphs do not repeat from one article to the next even when popular people do.
    lines = [
        headline.format(unit=chair.unit, topic=topic, year=year, quarter=quarter),
        f"{part} {day}/{month}/{year}, tại Hà Nội, {chair.unit} tổ chức {meeting}. "
        f"{chair.rank} {chair.name}, {chair.position} {chair.unit} chủ trì hội nghị.",
        "Dự hội nghị có " + ", ".join(f"{p.rank} {p.name}, {p.position} {p.unit}" for p in attendees)
        + f" cùng lãnh đạo {unit_a}.",
        f"Báo cáo tại hội nghị nêu rõ, năm {year} các cơ quan, đơn vị của {chair.unit} đã quán triệt, thực hiện "
        f"nghiêm {instrument} của {issuer}, hoàn thành tốt các nhiệm vụ về {topic}.",
        "leftcenterrightdel",
        f" {guest.rank} {guest.name}, {guest.position} {guest.unit} phát biểu tại hội nghị {part.lower()} {day}/{month}/{year}.",
        f"Phát biểu chỉ đạo, {guest.rank} {guest.name} yêu cầu {rng.choice(TOP)} và {unit_b} tiếp tục "
        f"đẩy mạnh {topic}, bảo đảm an toàn tuyệt đối trong mọi hoạt động năm {year + 1}.",
    ]
    if rng.random() < 0.3:
        lines.append(f"Nhân dịp này, {unit_a} và {unit_b} đã ký kết chương trình phối hợp về {topic} "
                     f"giai đoạn {year}-{year + 3}.")
    if rng.random() < 0.5:
        lines.append(f"{unit_b} tiếp tục thực hiện tốt Cuộc vận động {rng.choice([50, 60, 70])} "
                     f"trong {topic} năm {year}.")
    lines.append(f"Tin, ảnh: {rng.choice(SURNAMES).upper()} {rng.choice(GIVEN).upper()}")
    return {"title": lines[0], "text": "\n".join(lines) + "\n", "date": f"{year}-{month:02d}-{day:02d}",
            "url": f"https://example.invalid/tin/{number}"}


def generate(count: int, out: Path, seed: int = 7, fmt: str = "txt") -> int:
    """Write `count` articles to folder `out` (txt, in sub-folders of 1,000) or file `out` (jsonl)."""
    rng = random.Random(seed)
    persons, instruments = population(random.Random(seed))
    written = 0
    if fmt == "jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as handle:
            for n in range(count):
                handle.write(json.dumps(article(rng, persons, instruments, n), ensure_ascii=False) + "\n")
                written += 1
        return written
    for n in range(count):
        folder = out / f"{n // 1000:04d}"
        if n % 1000 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{n:07d}.txt").write_text(article(rng, persons, instruments, n)["text"], encoding="utf-8")
        written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--format", choices=["txt", "jsonl"], default="txt")
    args = parser.parse_args()
    started = time.perf_counter()
    n = generate(args.count, args.out, args.seed, args.format)
    print(f"wrote {n} articles to {args.out} in {time.perf_counter() - started:.1f}s")


if __name__ == "__main__":
    main()
