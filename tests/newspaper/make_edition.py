#!/usr/bin/env python3
"""Generates a newspaper edition as huozi XML, for the newspaper tests and the bench.

usage: make_edition.py --stories N [--pages P] [--photos | --no-photos] [--figures]
                       [--placed] [--fill F] [--seed S] [--seed-dir DIR] [-o OUT.xml]

N stories over P pages (<page>s of a periodical), A3, 6 columns, 9 pt body,
leading 1.5, column gap 2 em, margins 15 mm: the layout of
content/lvliang-2021. The text is news-like Chinese made from the sentences of
the seed pages (shared/seed/*.txt), varied: numbers and dates changed, Latin
words (GDP, 5G, App …) and figures with units put in, sentences shuffled
among stories. Each page's first story is its lead; the others are major,
normal or brief at random. Headlines of varied length; kicker (引题),
subtitle (副题) and byline at random. With --photos, about every other page
has a photo group (<photos> of 2–8 figures, each an FPO placeholder with a
caption "图①为…", then a credit); with --figures, some pages have a single
<figure span=…>. The first page has a banner.

The text of each page is sized to its module area (--fill: the share of the
area's column-lines the stories' text, heads and gaps need; about 1 fills a
page, more over-fills it and makes stories jump to a page huozi adds).

--placed places every module of every page on the grid (版样): a lead across
four columns with the photo group (or a story) beside it, three stories under
them; placed pages have no banner, and each story's text is sized to its
rectangle.

Reproducible: the same arguments and seed files give the same bytes.
"""
import argparse
import glob
import os
import random
import re
import sys
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_SEED_DIR = os.path.join(os.environ.get("HUOZI_SHARED_DIR", os.path.join(ROOT, "..", "shared")), "seed")

# The layout of content/lvliang-2021, and what follows from it (page_geometry.cpp).
LAYOUT = ('<layout size="A3" columns="6" body-size="9pt" leading="1.5" column-gap="2em"\n'
          '          margin-top="15mm" margin-bottom="15mm" margin-inner="15mm" margin-outer="15mm"/>')
COLUMNS = 6
COLUMN_EM = 12          # floor((297 - 30 mm - 5 × 2 em) / 6 / 9 pt)
GRID_LINES = 82         # floor((390 mm - 9 pt) / 13.5 pt) + 1
HEAD_LINES = 3          # the page head (NewsStyle::head_lines)
BANNER_LINES = 5        # a one-line banner and its air, as huozi sets it
NAMEPLATE_LINES = 4     # page 1's nameplate (报头): the paper's name at 4.5 × the body size
PHOTO_LINES = {2: 12, 3: 12, 4: 22, 5: 32, 6: 32, 7: 32, 8: 32}  # a group at 3 columns, rough

LATIN = ["GDP", "5G", "App", "CPI", "AI", "PM2.5", "LED", "ETC", "VR", "CBD", "PPP", "IPO", "B2B", "Logo"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
KICKERS = ["聚焦高质量发展", "民生实事", "回眸2021", "特别关注", "基层一线", "奋进新征程", "项目建设进行时"]
PLACES = ["离石区", "孝义市", "汾阳市", "文水县", "交城县", "兴县", "临县", "柳林县", "石楼县", "岚县", "方山县", "中阳县"]
SCENES = ["施工现场", "活动现场", "培训课堂", "社区一角", "田间地头", "车间里", "广场上", "展馆内"]


def seed_sentences(folder):
    """The body sentences of the seed pages and their headlines, commas and colons made full-width."""
    text = ""
    titles = []
    for path in sorted(glob.glob(os.path.join(folder, "*.txt"))):
        for para in re.split(r"\n\s*\n", open(path, encoding="utf-8").read()):
            para = "".join(para.split())
            if not para or para.startswith("图") or "提供" in para:
                continue
            if m := re.match(r"^\d+\.(.+)$", para):
                titles.append(m[1])
            else:
                text += para
    text = re.sub(r"(?<!\d),|,(?!\d)", "，", text)
    text = re.sub(r":", "：", text)
    sentences = [s + "。" for s in re.split(r"[。]", text) if 8 <= len(s) <= 160]
    return sentences, titles


class Writer:
    def __init__(self, rng, sentences, titles):
        self.rng, self.sentences, self.titles = rng, sentences, titles

    def number(self, digits):
        return str(self.rng.randint(10 ** (digits - 1) if digits > 1 else 1, 10 ** digits - 1))

    def renumber(self, text):
        """Dates stay dates (a month from 1 to 12, a day to 28), other numbers keep their digit count."""
        text = re.sub(r"\d+月\d+日", lambda m: f"{self.rng.randint(1, 12)}月{self.rng.randint(1, 28)}日", text)
        text = re.sub(r"\d+(?=月)", lambda m: str(self.rng.randint(1, 12)), text)
        text = re.sub(r"(?<!\d)\d{4}(?=年)", lambda m: str(self.rng.randint(2015, 2025)), text)
        return re.sub(r"(?<![\d月])\d{1,3}(?![\d月年日])", lambda m: self.number(len(m[0])), text)

    def vary(self, sentence):
        """Numbers changed, sometimes a date before it or a Latin word and a figure after its first clause."""
        s = self.renumber(sentence)
        r = self.rng.random()
        if r < 0.2:
            s = f"{self.rng.randint(1, 12)}月{self.rng.randint(1, 28)}日，" + s
        elif r < 0.45:
            word = self.rng.choice(LATIN)
            extra = self.rng.choice([f"，{word}相关指标增长{self.rng.randint(2, 40)}.{self.rng.randint(1, 9)}%",
                                     f"，全市新增{word}项目{self.rng.randint(3, 120)}个",
                                     f"，{self.rng.randint(2016, 2024)}年以来累计投入{self.rng.randint(2, 900)}亿元"])
            cut = s.find("，")
            s = s[:cut] + extra + s[cut:] if cut > 0 else s[:-1] + extra + "。"
        return s

    def paragraph(self, chars):
        out = ""
        while len(out) < chars:
            out += self.vary(self.rng.choice(self.sentences))
        # Cut at the last sentence end near the target (a short paragraph keeps one sentence).
        end = max(out.rfind("。", 0, chars + 20) + 1, out.find("。") + 1)
        return out[:end]

    def headline(self):
        kind = self.rng.random()
        if kind < 0.4 and self.titles:
            t = self.rng.choice(self.titles)
            return self.renumber(t)
        clause = self.vary(self.rng.choice(self.sentences)).rstrip("。")
        parts = [p for p in re.split(r"[，；、]", clause) if 6 <= len(p) <= 30]
        if not parts:
            return clause[:18]
        t = self.rng.choice(parts)
        t = t if kind < 0.8 else t[: self.rng.randint(6, max(6, min(len(t), 10)))]
        return re.sub(r"[“”《》（）]", "", t)  # no mark left open by the cut

    def name(self):
        return self.rng.choice(SURNAMES) + "".join(self.rng.choice(GIVEN) for _ in range(self.rng.randint(1, 2)))

    def story(self, ident, importance, chars):
        s = {"id": ident, "importance": importance, "title": self.headline(), "paragraphs": []}
        if self.rng.random() < 0.3:
            s["kicker"] = self.rng.choice(KICKERS)
        if importance in ("lead", "major") and self.rng.random() < 0.5:
            s["subtitle"] = "——" + self.headline()
        if self.rng.random() < 0.6:
            s["byline"] = f"本报记者　{self.name()}" + (f"　通讯员　{self.name()}" if self.rng.random() < 0.4 else "")
        left = chars
        while left > 0:
            p = self.paragraph(min(left, self.rng.randint(60, 260)))
            s["paragraphs"].append(p)
            left -= len(p) + 6  # a paragraph's last line is half empty on average
        return s

    def photos(self, ident, count):
        figs = []
        for k in range(count):
            place = self.rng.choice(PLACES)
            what = self.headline()
            caption = self.rng.choice([f"图{CIRCLED[k]}为{place}{self.rng.choice(SCENES)}。",
                                       f"图{CIRCLED[k]}为{self.rng.randint(1, 12)}月{self.rng.randint(1, 28)}日，{what}。",
                                       f"图{CIRCLED[k]}为{place}{what}。"])
            ratio = self.rng.choice(["4:3", "4:3", "4:3", "3:2", "16:9"])
            figs.append({"id": f"{ident}-{k + 1}", "ratio": ratio, "fpo": f"{place}{self.rng.choice(SCENES)}", "caption": caption})
        credit = self.rng.choice(["本版图片由摄影部提供", f"本报记者　{self.name()}　摄", None])
        return {"id": ident, "figures": figs, "credit": credit}

    def figure(self, ident, span):
        place = self.rng.choice(PLACES)
        return {"id": ident, "span": span, "ratio": self.rng.choice(["4:3", "3:2"]), "fpo": f"{place}{self.rng.choice(SCENES)}",
                "caption": f"{place}{self.headline()}。（本报记者　{self.name()}　摄）"}


def story_xml(s, place=""):
    out = [f'      <article id="{s["id"]}" importance="{s["importance"]}"{place}>']
    if "kicker" in s:
        out.append(f"        <kicker>{escape(s['kicker'])}</kicker>")
    out.append(f"        <title>{escape(s['title'])}</title>")
    if "subtitle" in s:
        out.append(f"        <subtitle>{escape(s['subtitle'])}</subtitle>")
    if "byline" in s:
        out.append(f"        <byline>{escape(s['byline'])}</byline>")
    out += [f"        <p>{escape(p)}</p>" for p in s["paragraphs"]]
    out.append("      </article>")
    return out


def photos_xml(g, place=""):
    out = [f'      <photos id="{g["id"]}"{place}>']
    for f in g["figures"]:
        out += [f'        <figure id="{f["id"]}">',
                f'          <placeholder ratio="{f["ratio"]}">{escape(f["fpo"])}</placeholder>',
                f"          <caption>{escape(f['caption'])}</caption>",
                "        </figure>"]
    if g["credit"]:
        out.append(f"        <credit>{escape(g['credit'])}</credit>")
    out.append("      </photos>")
    return out


def figure_xml(f, place=""):
    span = "" if place else f' span="{f["span"]}"'
    return [f'      <figure id="{f["id"]}"{span}{place}>',
            f'        <placeholder ratio="{f["ratio"]}">{escape(f["fpo"])}</placeholder>',
            f"        <caption>{escape(f['caption'])}</caption>",
            "      </figure>"]


def place_attr(column, row, span, rows):
    return f' column="{column}" row="{row}" span="{span}" rows="{rows}"'


def text_chars(lines, span):
    """Characters of body text that fill `lines` lines of `span` columns, paragraph ends allowed for."""
    return max(40, int(lines * span * COLUMN_EM * 0.95))


def composed_page(w, rng, number, stories, fill, photo_count, figure_span, banner):
    """A page huozi composes: its modules and the text sized to fill its area."""
    area = GRID_LINES - HEAD_LINES - (BANNER_LINES if banner else 0) - (NAMEPLATE_LINES if number == 1 else 0)
    cells = COLUMNS * area
    modules = []
    if photo_count:
        cells -= 3 * (PHOTO_LINES[photo_count] + 1)
        modules.append(("photos", w.photos(f"p{number}-photos", photo_count)))
    if figure_span:
        cells -= figure_span * (figure_span * 7 + 3)
        modules.append(("figure", w.figure(f"p{number}-figure", figure_span)))
    # Each story: a head of about 3 lines (4 for the lead) and a line of air, at about 2 columns; a line of gap.
    weights = [rng.uniform(0.5, 2.0) for _ in stories]
    weights[0] *= 1.8
    heads = sum((5 if k == 0 else 4) * (3 if k == 0 else 2) + 2 for k in range(len(stories)))
    text_cells = max(len(stories) * 40 / COLUMN_EM, cells * fill - heads)
    articles = []
    for k, (ident, importance) in enumerate(stories):
        chars = int(text_cells * weights[k] / sum(weights) * COLUMN_EM * 0.92)
        articles.append(("article", w.story(ident, importance, max(60, chars))))
    # The lead first, then the pictures, then the other stories.
    return articles[:1] + modules + articles[1:]


def placed_page(w, number, stories, photo_count):
    """A page with every module placed (版样); no banner: its rows start under the head."""
    area = GRID_LINES - HEAD_LINES - (NAMEPLATE_LINES if number == 1 else 0)
    top = 34
    out = []
    # (column, row, span, rows) of the lead, the right-hand module, and the three under them.
    slots = [(1, 1, 4, top), (5, 1, 2, top), (1, top + 2, 2, area - top - 1), (3, top + 2, 2, area - top - 1),
             (5, top + 2, 2, area - top - 1)]
    ids = iter(stories)
    for k, (c, r, s, n) in enumerate(slots):
        place = place_attr(c, r, s, n)
        if k == 1 and photo_count:
            out.append(("photos", w.photos(f"p{number}-photos", min(photo_count, 3)), place))
            continue
        ident, importance = next(ids, (None, None))
        if ident is None:
            break
        head = 7 if k == 0 else 5  # head lines and the line of air under them, at this span
        out.append(("article", w.story(ident, importance, text_chars(n - head, s)), place))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stories", type=int, required=True)
    ap.add_argument("--pages", type=int, default=1)
    ap.add_argument("--photos", action="store_true", default=True)
    ap.add_argument("--no-photos", dest="photos", action="store_false")
    ap.add_argument("--figures", action="store_true", help="single <figure span> modules on some pages")
    ap.add_argument("--placed", action="store_true", help="place every module on the grid (版样)")
    ap.add_argument("--fill", type=float, default=0.97, help="share of the module area the text needs")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--seed-dir", default=DEFAULT_SEED_DIR)
    ap.add_argument("-o", "--out", default="-")
    a = ap.parse_args()

    rng = random.Random(a.seed)
    sentences, titles = seed_sentences(a.seed_dir)
    if not sentences:
        sys.exit(f"make_edition: no sentences in {a.seed_dir}/*.txt")
    w = Writer(rng, sentences, titles)

    # Stories over pages: as even as can be, the first page one more.
    per = [a.stories // a.pages + (1 if k < a.stories % a.pages else 0) for k in range(a.pages)]
    body = []
    n = 0
    for p, count in enumerate(per):
        number = p + 1
        stories = []
        for k in range(count):
            n += 1
            importance = "lead" if k == 0 else rng.choice(["major", "normal", "normal", "brief"])
            stories.append((f"s{n}", importance))
        photo_count = rng.randint(2, 8) if a.photos and (p % 2 == 0) else 0
        figure_span = rng.choice([2, 3]) if a.figures and p % 2 == 1 else 0
        name = rng.choice(["要闻", "综合", "经济", "社会", "文化", "体育", "国际", "专题"])
        body.append(f'    <page number="{number}" name="{name}" paper="吕梁日报" editor="{w.name()}" '
                    f'designer="{w.name()}" proofreader="{w.name()}">')
        if a.placed:
            for kind, m, place in placed_page(w, number, stories, photo_count):
                body += {"article": story_xml, "photos": photos_xml, "figure": figure_xml}[kind](m, place)
        else:
            banner = p == 0
            if banner:
                body += ["      <banner>", f"        <title>{escape(w.headline())}</title>", "      </banner>"]
            for kind, m in composed_page(w, rng, number, stories, a.fill, photo_count, figure_span, banner):
                body += {"article": story_xml, "photos": photos_xml, "figure": figure_xml}[kind](m)
        body.append("    </page>")

    xml = "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        f"<!-- Generated by tests/newspaper/make_edition.py: stories {a.stories}, pages {a.pages}, photos {a.photos}, "
        f"figures {a.figures}, placed {a.placed}, fill {a.fill}, seed {a.seed} -->",
        '<publication xml:lang="zh-Hans" type="periodical">',
        "  <metadata>",
        f"    <title>测试版面　{a.stories}篇稿件</title>",
        f'    <identifier scheme="uuid">urn:uuid:00000000-0000-4000-8000-{a.seed:012d}</identifier>',
        "    <date>2023-06-15</date>",
        "    <creator role=\"aut\">吕梁日报社</creator>",
        "    <publisher>吕梁日报</publisher>",
        "  </metadata>",
        "  " + LAYOUT,
        "  <body>",
        *body,
        "  </body>",
        "</publication>",
        ""])
    if a.out == "-":
        sys.stdout.write(xml)
    else:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(xml)


if __name__ == "__main__":
    main()
