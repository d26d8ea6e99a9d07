"""Charters made from real regulations by known edits, and a scorer for ``policytext.diff``.

:func:`make_case` takes the text of a regulation (第X条 articles, optionally under
第X章 headings) and applies seeded random edits with a known outcome: articles
deleted, inserted (taken from another regulation), reworded, moved (possibly to
another chapter), split in two, merged, duties weakened (必须→应当, 应当→可以,
不得→不宜) or strengthened, numbers changed (30日→60日, 三分之二→二分之一,
十五→二十一) and actors changed (学校→企业); then every article is renumbered in
Chinese numerals. The ground truth lists one entry per (template article,
charter article) pair, with the vocabulary of ``corpora/sample/charters/EDITS.yaml``.

:func:`score` compares a :class:`policytext.diff.DiffResult` with a ground truth:
status accuracy over the entries, and recall / precision of each flag.

Used by tests/test_diff.py, bench/eval_diff.py and scripts/make_edited_charters.py.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import policytext

#: Flags whose recall and precision :func:`score` reports.
SCORED_FLAGS = (
    "weakened",
    "strengthened",
    "number_changed",
    "actor_changed",
    "split",
    "merged",
    "renumbered",
)

_DIGITS = "零一二三四五六七八九"


def zh(n: int) -> str:
    """Write a positive int below 10000 in Chinese numerals (十二, 一百零三, 二十一)."""
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        head = _DIGITS[n // 100] + "百"
        if not rest:
            return head
        if rest < 10:
            return head + "零" + _DIGITS[rest]
        return head + _DIGITS[rest // 10] + "十" + (_DIGITS[rest % 10] if rest % 10 else "")
    thousands, rest = divmod(n, 1000)
    head = _DIGITS[thousands] + "千"
    if not rest:
        return head
    return head + ("零" if rest < 100 else "") + zh(rest)


def load_regulation(path: str | Path) -> str:
    """Read a Markdown regulation: drop the header block up to ``<!-- INFO END -->`` and ``#`` marks."""
    text = Path(path).read_text(encoding="utf-8")
    if "<!-- INFO END -->" in text:
        title = next((ln.lstrip("# ").strip() for ln in text.splitlines() if ln.startswith("#")), "")
        text = (title + "\n" if title else "") + text.split("<!-- INFO END -->", 1)[1]
    text = re.sub("[\u200b\u200c\u200d\ufeff]", "", text)
    lines = [re.sub(r"^#+\s*", "", ln).strip() for ln in text.splitlines()]
    return "\n".join(ln for ln in lines if ln and not re.fullmatch(r"<!--.*-->", ln))


@dataclass
class _Article:
    lines: list[str]
    src: list[int]  # template article indices (1-based numbers)
    kind: str = "kept"  # kept / edited / added / split / merged
    flags: set[str] = field(default_factory=set)
    moved: bool = False


@dataclass
class Regulation:
    """A regulation cut into headings and articles (bodies without their 第X条 labels)."""

    title: str
    items: list[tuple[str, Any]]  # ("heading", line) | ("article", [lines])

    @property
    def articles(self) -> list[list[str]]:
        return [x for k, x in self.items if k == "article"]


def split_regulation(text: str) -> Regulation | None:
    """Cut a regulation into headings and articles; None when it has no clean 第X条 sequence."""
    doc = policytext.Document(id="x", source="x", format="txt", text=text, lang="zh")
    clauses = policytext.parse(doc)
    arts = [c for c in clauses if c.level == "article"]
    if len(arts) < 8 or [c.number for c in arts] != list(range(1, len(arts) + 1)):
        return None
    if any("之" in c.label for c in arts):
        return None
    items: list[tuple[str, Any]] = []
    for c in clauses:
        if c.level in ("part", "chapter", "section"):
            kids = [k for k in clauses if k.parent == c.id]
            own = c.text[: (min(k.start for k in kids) - c.start)] if kids else c.text
            line = own.strip().split("\n")[0].strip()
            if line:
                items.append(("heading", line))
        elif c.level == "article":
            body = re.sub(r"^第[零〇一二两三四五六七八九十百千]+条\s*", "", c.text.strip())
            lines = [ln.strip() for ln in body.split("\n") if ln.strip()]
            if not lines:
                return None
            items.append(("article", lines))
    title = text.split("\n", 1)[0].strip()
    return Regulation(title=title, items=items)


def render(title: str, items: Sequence[tuple[str, Any]], *, space: str = "　") -> tuple[str, list[str]]:
    """Write headings and articles as text, numbering the articles 第一条, 第二条 …; return text and labels."""
    out = [title]
    labels = []
    n = 0
    for kind, x in items:
        if kind == "heading":
            out.append(x)
            continue
        n += 1
        label = f"第{zh(n)}条"
        labels.append(label)
        out.append(f"{label}{space}{x[0]}")
        out.extend(x[1:])
    return "\n".join(out) + "\n", labels


# --------------------------------------------------------------------------- text edits

_WEAKER = [("必须", "应当"), ("应当", "可以"), ("不得", "不宜"), ("严禁", "不得")]
_STRONGER = [("可以", "应当"), ("不宜", "不得")]
_ACTORS = [
    "国务院教育行政部门", "教育行政部门", "人力资源社会保障行政部门", "县级以上地方人民政府", "人民政府",
    "财政部门", "职业学校", "学校", "企业", "用人单位", "行业组织", "社会组织", "理事会", "秘书处",
    "登记管理机关", "业务主管单位", "民办学校", "教师", "学生",
]  # fmt: skip
_SYNONYMS = [("加强", "强化"), ("促进", "推动"), ("建立", "建设"), ("保障", "保证"), ("组织", "组织开展"),
             ("采取", "采用"), ("提高", "提升"), ("制定", "拟定"), ("支持", "扶持"), ("开展", "进行"),
             ("或者", "或"), ("以及", "和"), ("有关", "相关"), ("规定", "规则")]  # fmt: skip
_UNIT = r"(?:个工作日|工作日|个月|日|天|年|名|人|次|倍|万元|元|学时|小时|周|届|所|家)"
_CN = "一二三四五六七八九十百两"
_FRACTIONS = [
    "二分之一",
    "三分之一",
    "三分之二",
    "四分之一",
    "四分之三",
    "五分之一",
    "五分之二",
    "五分之三",
    "五分之四",
]


def _cue_positions(text: str, cue: str) -> list[int]:
    out = []
    for m in re.finditer(re.escape(cue), text):
        s, e = m.span()
        before, after = text[max(0, s - 1) : s], text[e : e + 1]
        if cue == "应当" and before == "不":
            continue
        if cue == "不得" and after == "不":
            continue
        if cue == "可以" and (before in ("不", "何") or text[e : e + 1] in ("说", "看")):
            continue
        out.append(s)
    return out


def _weaken(text: str, rng: random.Random, pairs: Sequence[tuple[str, str]]) -> str | None:
    options = [(s, a, b) for a, b in pairs for s in _cue_positions(text, a)]
    if not options:
        return None
    s, a, b = rng.choice(options)
    return text[:s] + b + text[s + len(a) :]


def _numbers(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in re.finditer(
        rf"[{_CN}]+分之[{_CN}]+|(?<![第\d.])\d+(?=\s*{_UNIT})|(?<![第{_CN}])[{_CN}]+(?={_UNIT})", text
    ):
        raw = m.group(0)
        if raw in ("一", "两") and not re.match(r"\d", raw):
            continue  # 一年, 两年: often idioms (一年以上 is fine, but 统一 年度 is not)
        out.append((m.start(), m.end(), raw))
    return out


def _change_number(raw: str, rng: random.Random) -> str:
    if "分之" in raw:
        from policytext.structure import zh_number

        def value(f: str) -> float:
            den, num = f.split("分之")
            return (zh_number(num) or 0) / (zh_number(den) or 1)

        return rng.choice(
            [f for f in _FRACTIONS if abs(value(f) - value(raw)) > 1e-9]
        )  # 百分之五十 is 二分之一
    if raw.isdigit():
        n = int(raw)
        return str(n * 2 if n < 1000 and rng.random() < 0.5 else n + rng.randint(1, 9))
    from policytext.structure import zh_number

    n = zh_number(raw)
    if n is None or n >= 10000:
        return raw
    return zh(n + rng.choice([1, 2, 3, 5, 6, 10]) if n < 100 else n * 2)


def _renumber_value(text: str, rng: random.Random) -> str | None:
    options = _numbers(text)
    if not options:
        return None
    s, e, raw = rng.choice(options)
    new = _change_number(raw, rng)
    if new == raw:
        return None
    return text[:s] + new + text[e:]


def _change_actor(text: str, rng: random.Random) -> str | None:
    found = []
    for actor in _ACTORS:
        for m in re.finditer(re.escape(actor), text):
            # the longest actor at a place only (人民政府 inside 县级以上地方人民政府 is the same actor)
            if any(s <= m.start() and m.end() <= e and (s, e) != m.span() for s, e, _ in found):
                continue
            found.append((m.start(), m.end(), actor))
    found = [f for f in found if not any(g[0] <= f[0] and f[1] <= g[1] and g != f for g in found)]
    if not found:
        return None
    s, e, actor = rng.choice(found)
    others = [a for a in _ACTORS if a not in actor and actor not in a]
    return text[:s] + rng.choice(others) + text[e:]


def _reword(text: str, rng: random.Random) -> str | None:
    """A change that leaves duties, numbers and actors alone: a synonym, an adverb, a dropped list element."""
    choices = []
    for a, b in _SYNONYMS:
        for m in re.finditer(re.escape(a), text):
            choices.append(("syn", m.start(), m.end(), b))
    for m in re.finditer(r"，(?=[^，。；]{4,})", text):
        choices.append(("adv", m.end(), m.end(), rng.choice(["依法", "切实", "认真", "积极", "进一步"])))
    for m in re.finditer(r"、([^、，。；：（）0-9一二三四五六七八九十]{2,6})(?=[、和及])", text):
        if not re.search("应|须|得|禁|可|宜|准|许", m.group(1)):  # a dropped element must not hold a duty
            choices.append(("drop", m.start(), m.end(), ""))
    if not choices:
        return None
    _, s, e, new = rng.choice(choices)
    return text[:s] + new + text[e:]


def _edit_text(lines: list[str], rng: random.Random, how: str) -> list[str] | None:
    order = list(range(len(lines)))
    rng.shuffle(order)
    for k in order:
        if how == "weakened":
            new = _weaken(lines[k], rng, _WEAKER)
        elif how == "strengthened":
            new = _weaken(lines[k], rng, _STRONGER)
        elif how == "number_changed":
            new = _renumber_value(lines[k], rng)
        elif how == "actor_changed":
            new = _change_actor(lines[k], rng)
        else:
            new = _reword(lines[k], rng)
        if new is not None and new != lines[k]:
            out = list(lines)
            out[k] = new
            return out
    return None


# --------------------------------------------------------------------------- cases


def _sentences(a: _Article, hard: bool) -> list[str]:
    """The sentences of an article's first paragraph (hard mode splits between them)."""
    return [x for x in re.split(r"(?<=。)", a.lines[0]) if x] if hard else []


@dataclass
class Case:
    """A template, a charter made from it, and the ground truth of the edits."""

    name: str
    template: str
    charter: str
    truth: list[dict[str, Any]]
    edits: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "edits": self.edits, "truth": self.truth}


def make_case(
    text: str, *, seed: int, donors: Sequence[str] = (), name: str = "", hard: bool = False
) -> Case | None:
    """Make a charter from a regulation by seeded random edits; None if the text does not parse cleanly.

    Args:
        text: the regulation (articles 第一条 … in order).
        seed: the random seed; the same seed gives the same case.
        donors: texts of other regulations whose articles are inserted as new ones.
        name: a name for the case.
        hard: harder edits: several edits in one article (a weakened duty and a
            changed number, heavy rewording), sentence-level splits, moves by
            two places, an article replaced by another regulation's.
    """
    reg = split_regulation(text)
    if reg is None:
        return None
    rng = random.Random(seed)
    template_text, t_labels = render(reg.title, reg.items)
    n = len(t_labels)
    items: list[tuple[str, Any]] = []
    k = 0
    for kind, x in reg.items:
        if kind == "heading":
            items.append(("heading", x))
        else:
            k += 1
            items.append(("article", _Article(list(x), [k])))
    arts = [a for kind, a in items if kind == "article"]
    edits: list[str] = []
    busy: set[int] = set()  # template articles already given a structural edit

    def pick(pred=lambda a: True) -> _Article | None:
        cand = [
            a
            for a in arts
            if a.kind in ("kept", "edited") and len(a.src) == 1 and a.src[0] not in busy and pred(a)
        ]
        return rng.choice(cand) if cand else None

    scale = max(1, n // 25)
    # text edits
    plan = (
        ["weakened"] * rng.randint(1, 2 + scale)
        + ["number_changed"] * rng.randint(1, 2 + scale)
        + ["strengthened"] * rng.randint(0, 1)
        + ["actor_changed"] * rng.randint(0, 1 + scale)
        + ["reworded"] * rng.randint(1, 2 + scale)
    )
    for how in plan:
        for _ in range(20):

            def second_ok(a: _Article, how: str = how) -> bool:
                # hard: an article may take a second edit of another kind, but not the
                # opposite one (a weakening and a strengthening could undo each other)
                return (
                    hard
                    and how not in a.flags
                    and len(a.flags) < 2
                    and rng.random() < 0.5
                    and not {how, *a.flags} >= {"weakened", "strengthened"}
                )

            a = pick(lambda a: not a.flags or second_ok(a))
            if a is None:
                break
            new = _edit_text(a.lines, rng, how)
            if new is not None and hard and how == "reworded":
                for _ in range(rng.randint(1, 3)):  # heavy rewording: several edits
                    again = _edit_text(new, rng, how)
                    new = again if again is not None else new
            if new is not None:
                a.lines = new
                a.kind = "edited"
                a.flags.add(how)
                edits.append(f"{how}: template 第{zh(a.src[0])}条")
                break
    # structure edits
    for _ in range(rng.randint(1, 1 + scale)):  # delete
        a = pick(lambda a: not a.flags)
        if a is None:
            break
        busy.add(a.src[0])
        items = [(kd, x) for kd, x in items if x is not a]
        arts.remove(a)
        edits.append(f"removed: template 第{zh(a.src[0])}条")
    for _ in range(rng.randint(0, 1 + int(hard))):  # split an article of two or more paragraphs
        a = pick(lambda a: (len(a.lines) >= 2 or len(_sentences(a, hard)) >= 2) and not a.flags)
        if a is None:
            break
        busy.add(a.src[0])
        if len(a.lines) >= 2:
            cut = rng.randint(1, len(a.lines) - 1)
            head, tail = a.lines[:cut], a.lines[cut:]
        else:  # hard: split one paragraph between two sentences
            parts = _sentences(a, hard)
            cut = rng.randint(1, len(parts) - 1)
            head, tail = ["".join(parts[:cut])], ["".join(parts[cut:])]
        first = _Article(head, list(a.src), "split")
        second = _Article(tail, list(a.src), "split")
        pos = next(i for i, (_, x) in enumerate(items) if x is a)
        items[pos : pos + 1] = [("article", first), ("article", second)]
        arts[arts.index(a) : arts.index(a) + 1] = [first, second]
        edits.append(f"split: template 第{zh(a.src[0])}条")
    for _ in range(rng.randint(0, 1)):  # merge two neighbouring one-paragraph articles
        cand = [
            (x, y)
            for x, y in zip(arts, arts[1:])
            if x.kind == y.kind == "kept"
            and len(x.src) == len(y.src) == 1
            and not x.flags
            and not y.flags
            and x.src[0] not in busy
            and y.src[0] not in busy
            and y.src[0] == x.src[0] + 1
            and (hard or (len(x.lines) == 1 and len(y.lines) == 1))
        ]
        if not cand:
            break
        x, y = rng.choice(cand)
        busy.update([x.src[0], y.src[0]])
        if len(x.lines) == 1 and len(y.lines) == 1 and rng.random() < 0.7:
            joined = [x.lines[0] + y.lines[0]]
        else:
            joined = x.lines + y.lines
        merged = _Article(joined, [x.src[0], y.src[0]], "merged")
        items = [(kd, z) for kd, z in items if z is not y]
        pos = next(i for i, (_, z) in enumerate(items) if z is x)
        items[pos] = ("article", merged)
        arts.remove(y)
        arts[arts.index(x)] = merged
        edits.append(f"merged: template 第{zh(x.src[0])}条 and 第{zh(y.src[0])}条")
    for _ in range(rng.randint(1, 1 + scale)):  # move by three places or more
        a = pick()
        if a is None or len(arts) < 8:
            break
        i = arts.index(a)
        reach = 2 if hard else 3
        far = [
            j
            for j in range(len(arts))
            if abs(j - i) >= reach and not arts[j].moved and j not in (i - 1, i + 1)
        ]
        far = [j for j in far if not any(arts[m].moved for m in range(min(i, j), max(i, j) + 1))]
        if not far:
            continue
        j = rng.choice(far)
        target = arts[j]
        busy.add(a.src[0])
        a.moved = True
        items = [(kd, x) for kd, x in items if x is not a]
        pos = next(p for p, (_, x) in enumerate(items) if x is target)
        items.insert(pos + (1 if j > i else 0), ("article", a))
        arts.remove(a)
        arts.insert(arts.index(target) + (1 if j > i else 0), a)
        edits.append(f"moved: template 第{zh(a.src[0])}条")
    donor_articles = []
    for d in donors:
        r = split_regulation(d)
        if r is not None:
            donor_articles.extend(r.articles)
    for _ in range(rng.randint(1, 1 + scale)):  # insert an article from another regulation
        if not donor_articles:
            break
        new = _Article(list(rng.choice(donor_articles)), [], "added")
        pos = rng.randint(1, len(items))
        items.insert(pos, ("article", new))
        edits.append("added: an article of another regulation")
    if hard and donor_articles:  # an article replaced by another regulation's, in its place
        a = pick(lambda a: not a.flags)
        if a is not None:
            busy.add(a.src[0])
            pos = next(p for p, (_, x) in enumerate(items) if x is a)
            items[pos] = ("article", _Article(list(rng.choice(donor_articles)), [], "added"))
            edits.append(f"replaced: template 第{zh(a.src[0])}条 by an article of another regulation")
    arts = [x for kd, x in items if kd == "article"]
    space = rng.choice(["　", " "])
    charter_text, c_labels = render(
        reg.title, [(kd, x.lines if kd == "article" else x) for kd, x in items], space=space
    )

    truth: list[dict[str, Any]] = []
    for label, a in zip(c_labels, arts):
        if a.kind == "added":
            truth.append({"template_article": None, "charter_article": label, "status": "added", "flags": []})
            continue
        for src in a.src:
            t_label = t_labels[src - 1]
            flags = set(a.flags)
            if a.kind == "split":
                flags.add("split")
            if a.kind == "merged":
                flags.add("merged")
            if t_label != label:
                flags.add("renumbered")
            if a.moved:
                status = "moved"
                if a.kind == "edited":
                    flags.add("modified")
            elif a.kind in ("edited", "split", "merged"):
                status = "modified"
            else:
                status = "unchanged"
            truth.append(
                {
                    "template_article": t_label,
                    "charter_article": label,
                    "status": status,
                    "flags": sorted(flags),
                }
            )
    kept = {src for a in arts for src in a.src}
    for i, t_label in enumerate(t_labels, 1):
        if i not in kept:
            truth.append(
                {"template_article": t_label, "charter_article": None, "status": "removed", "flags": []}
            )
    return Case(
        name=name or f"case-{seed}", template=template_text, charter=charter_text, truth=truth, edits=edits
    )


def regulation_paths(shared: Path) -> list[Path]:
    """The real regulations a case can be made from, in a stable order."""
    paths: list[Path] = []
    for sub in ("corpora/directives", "corpora/local", "corpora/reference"):
        paths.extend(sorted((shared / sub).glob("*.md")))
    paths.extend(sorted((shared / "gold" / "laws_lawrefbook").rglob("*.md")))
    return paths


def make_cases(
    shared: Path, count: int, *, seed: int = 0, max_articles: int = 400, hard: bool = False
) -> list[Case]:
    """Make ``count`` cases from the regulations under ``shared``, round-robin over the sources."""
    rng = random.Random(seed)
    paths = regulation_paths(shared)
    texts: list[tuple[str, str]] = []
    for p in paths:
        text = load_regulation(p)
        reg = split_regulation(text)
        if reg is not None and len(reg.articles) <= max_articles:
            texts.append((p.stem, text))
    local = [t for t in texts]
    rng.shuffle(local)
    cases: list[Case] = []
    k = 0
    while len(cases) < count and local:
        name, text = local[k % len(local)]
        donors = [local[(k + 1) % len(local)][1], local[(k + 2) % len(local)][1]]
        case = make_case(text, seed=seed * 100003 + k, donors=donors, name=f"{name}#{k}", hard=hard)
        if case is not None:
            cases.append(case)
        k += 1
    return cases


# --------------------------------------------------------------------------- scoring


def _key(t: str | None, c: str | None) -> tuple[str, str]:
    return (re.sub(r"\s+", "", t or ""), re.sub(r"\s+", "", c or ""))


def score(
    truth: Iterable[dict[str, Any]], result: Any, *, flags: Sequence[str] = SCORED_FLAGS
) -> dict[str, Any]:
    """Score a diff against a ground truth of (template article, charter article) entries.

    Returns:
        ``entries``, ``status_correct``, ``status_accuracy``, per-flag ``tp``, ``fn``,
        ``fp`` (by entry), and ``errors``: the entries whose status was wrong.
    """
    truth = list(truth)
    pred = {_key(ch.template_clause, ch.charter_clause): ch for ch in result.changes}
    gold = {_key(e.get("template_article"), e.get("charter_article")): e for e in truth}
    correct = 0
    errors = []
    counts = {f: {"tp": 0, "fn": 0, "fp": 0} for f in flags}
    for key, e in gold.items():
        ch = pred.get(key)
        if ch is not None and ch.status == e["status"]:
            correct += 1
        else:
            errors.append(
                {"truth": e, "predicted": None if ch is None else {"status": ch.status, "flags": ch.flags}}
            )
        for f in flags:
            if f in e.get("flags", []):
                if ch is not None and f in ch.flags:
                    counts[f]["tp"] += 1
                else:
                    counts[f]["fn"] += 1
    for key, ch in pred.items():
        e = gold.get(key)
        for f in flags:
            if f in ch.flags and (e is None or f not in e.get("flags", [])):
                counts[f]["fp"] += 1
    return {
        "entries": len(gold),
        "status_correct": correct,
        "status_accuracy": correct / len(gold) if gold else 1.0,
        "flags": counts,
        "errors": errors,
    }


def combine(scores: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Add up several :func:`score` results: overall accuracy, recall and precision per flag."""
    scores = list(scores)
    entries = sum(s["entries"] for s in scores)
    correct = sum(s["status_correct"] for s in scores)
    out: dict[str, Any] = {
        "cases": len(scores),
        "entries": entries,
        "status_accuracy": correct / entries if entries else 1.0,
        "min_case_accuracy": min((s["status_accuracy"] for s in scores), default=1.0),
        "flags": {},
    }
    for f in scores[0]["flags"] if scores else ():
        tp = sum(s["flags"][f]["tp"] for s in scores)
        fn = sum(s["flags"][f]["fn"] for s in scores)
        fp = sum(s["flags"][f]["fp"] for s in scores)
        out["flags"][f] = {
            "tp": tp,
            "fn": fn,
            "fp": fp,
            "recall": tp / (tp + fn) if tp + fn else None,
            "precision": tp / (tp + fp) if tp + fp else None,
        }
    return out
