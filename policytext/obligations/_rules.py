"""The rule system that reads a sentence for duties: cues, scope, bearer, action, deadline.

Every decision can be traced to a line of the cue lexicon (``models/deontic/``)
or to one of the scope rules below, and :class:`Deontic` keeps the cue that
decided, so that a drafter can see why a sentence was read as it was.

Scope rules, in order (Chinese; English follows the same plan with its own words):

1. The clause number (第五条, （三）, 1.) is not part of the sentence's body; a
   chapter or section title (第七章 支持与奖励) states no duty at all.
2. Cues are found with their neighbours checked (lexicon), and dropped inside
   quotation marks or titles (“谁使用、谁负责”, 《…鼓励…》), in a relative clause
   (应尽的义务), in the complement of a verb such as 保障/推动 earlier in their
   clause (a bracket opens a clause of its own), and, for 可/可以, between an
   object-taking verb and a 的 (形成数据可共享的体系).
3. The body is cut into clauses at ，；：. Each clause gets a scope:
   ``definition`` (是指/所称, and the rest of the sentence after it), ``exception``
   (除…外), ``purpose`` (a sentence-initial 为了…, up to the clause that says what
   the text does: 为落实…，引导…，特制定本方案), ``condition`` (a clause that is not
   the last and ends with 的/时 — not 目的 — or opens with 如果/若; every clause of
   a sentence that ends with 的, which is a condition item of a list), ``proviso``
   (但/但是 …), ``complement`` (everything after a possibility verb such as
   可以看出), else ``main``.
4. Cues in ``main`` clauses make the readings; cues in a ``proviso`` count only
   when no main clause has one. Other scopes never count.
5. Consecutive cues form one reading unless the modality changes or the clause
   names a new bearer (学校应当…，企业应当… gives two readings); a chain of cues
   (应当鼓励、支持、引导) and a cue inside the object of an earlier one in the same
   clause (禁止用人单位招用应当接受义务教育的儿童) stay one reading.
6. English modals that need a party as subject (shall, may, will) count with
   one, or with a passive verb (an application shall be reviewed by the
   Secretariat: the agent after "by" bears it; a passive of legal effect such as
   shall be governed does not count unless a party acts in it: may be terminated
   by ArTara); ``will`` in a target (By 2025 …; …will reach 70%) and in the
   passive is no duty. A party is a head of the actor lexicon or a name as
   contracts write one (ALFA AESAR, the Sub-Advisor), never a thing of
   ``en_things`` (This Agreement, Rent).
7. English registers (:mod:`policytext.obligations._register`): in a programme
   (a work report) "will" states an intention and counts for nothing; must,
   should and need to stay duties. Verb cues (encourage, support, ban) count only
   as the predicate of their clause and name the party after them; "X agrees that
   it shall not…" is X's prohibition, "neither X nor Y shall" and "no X may" are
   prohibitions.

English bearers are the subject as written with one leading determiner left out
(The Council -> Council, Each consortium -> consortium), possessives, modifiers,
coordination and postmodifiers kept (Its members, Governments at all levels).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ._actors import (
    _ABBREVIATION,
    actor_type,
    find_actor_after_zh,
    find_actor_en,
    find_actor_zh,
    is_party_en,
    strip_label,
)
from ._lexicon import ActorLexicon, DeonticLexicon, load_actor_lexicon, load_deontic_lexicon
from ._register import check_register, detect_register

__all__ = ["Deontic", "DeonticTagger", "detect_lang", "is_list_item", "item_number"]

_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_ZH_CLAUSE_END = "，,；;：:。！？!?"
_EN_CLAUSE_END = ",;:.!?"
_OPENERS = "（(“‘「『【〔［[《〈{"
_CLOSERS = "）)”’」』】〕］]》〉}"
_TRAIL = " \t\u3000，,；;：:。！？!?、."
_ITEM = re.compile(
    r"^[\s\u3000]*(?:[（(]([零〇一二三四五六七八九十百\d]{1,4})[）)]|([一二三四五六七八九十百]{1,3})(?:、|是(?=[\u4e00-\u9fff]))|"
    r"(\d{1,3})[.．、）)](?!\d)|([①-⑳])|[（(]?([a-z])[）)])"
)
_HEADING = re.compile(
    r"^[\s\u3000]*(?:第[零〇一二三四五六七八九十百\d]+[编章节]|Chapter\s+\d+|CHAPTER\s+\d+)[\s\u3000]*[^，。；,;:：]{0,30}$"
)
_QUOTED = re.compile(r"“[^“”]{1,60}”|《[^《》]{1,80}》|「[^「」]{1,60}」")
# 引导规范社会力量…: 规范 joins the chain of cues as a verb of guidance
_CHAIN = re.compile(r"(?:[和、及并与]|或者)?(?:鼓励|支持|引导|倡导|提倡|规范(?![化性的]))")
# 给予…支持 / 加大…支持 / 加强政策支持: support granted to a party is an encouragement
_GIVEN = re.compile(r"(?:给予|予以|加大|加强|强化)[^，。；]{0,8}$")
# 对工作成效显著的试点城市进一步加强政策支持: the supported party follows 对 in the clause
_GIVEN_TO = re.compile(
    r"(?:对于|对)([^，。；]{2,60}?)(?:进一步|依法|按规定|按照规定|按照有关规定|适当|优先|重点)?(?:给予|予以|加大|加强|强化)"
)
_BY_AGENT = re.compile(
    r"由([^，。；,;]{2,30}?)(?=负责|审批|批准|决定|制定|规定|组织|实施|提出|报|依法|按照|会同|统一|管理|承担|核准)"
)
# cues whose party follows them when no subject precedes (禁止用人单位…, 严禁学校…)
_NAMES_PARTY_AFTER = frozenset(["禁止", "严禁", "允许", "准许"])
# a clause that ends with "…的 + a noun phrase" (…的学分, …的情况, …所占比例)
_THING_OF = re.compile(
    r"的[^，。；的]{0,8}(?:比例|比重|情况|学分|数量|数额|金额|期限|范围|结果|经费|资金|费用|收入)$"
)
# what may stand between a cue and 由 when 由 names the cue's agent (应当依据…大纲由…)
_MARKERS_BEFORE_BY = re.compile(r"[，。；]|的(?!特点|规定|要求)")
_BY_BEFORE = re.compile(r"由([^，。；,;由]{2,40})$")
_CUE_THEN_TIME = re.compile(r"(?:应当|应该|必须|不得|可以|要|应|须)(?:在|于|当)[^，。；]{1,30}时\s*$")
# How far before a cue the bearer is looked for, in characters: bearer phrases are
# short, and a bound keeps a pathological clause (thousands of cues, no commas) linear.
_REACH = 120
_ZH_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_ZH_DIGITS["〇"] = 0
_ZH_DIGITS["两"] = 2


def detect_lang(text: str) -> str:
    """Return ``zh`` when the text is mainly Chinese, else ``en``."""
    cjk = len(_CJK.findall(text))
    if cjk == 0:
        return "en"
    latin = len(_LATIN.findall(text))
    return "zh" if cjk * 2 >= latin else "en"


def _zh_int(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    total, num = 0, 0
    for ch in text:
        if ch in _ZH_DIGITS:
            num = _ZH_DIGITS[ch]
        elif ch == "十":
            total += (num or 1) * 10
            num = 0
        elif ch == "百":
            total += (num or 1) * 100
            num = 0
        else:
            return None
    return total + num


def item_number(text: str) -> int | None:
    """The number of a list item (（三） -> 3, 2. -> 2, ③ -> 3), or None if not an item."""
    m = _ITEM.match(text)
    if not m:
        return None
    if m.group(1) or m.group(2):
        return _zh_int(m.group(1) or m.group(2))
    if m.group(3):
        return int(m.group(3))
    if m.group(4):
        return ord(m.group(4)) - ord("①") + 1
    if m.group(5):
        return ord(m.group(5)) - ord("a") + 1
    return None


def is_list_item(text: str) -> bool:
    """True when the text starts with a list enumerator (（一）, 1., ①, (a))."""
    return item_number(text) is not None


@dataclass(frozen=True)
class Deontic:
    """One deontic reading of a sentence: modality, cue, bearer, action, deadline.

    Attributes:
        modality: ``obligation``, ``prohibition``, ``permission``,
            ``encouragement`` or ``none``.
        cue: the cue that decided, as written (应当, 不得, 鼓励, shall not ...);
            for a list item that inherits, the cue of its lead-in.
        actor: the bearer as written in the sentence (县级以上地方人民政府), the
            lead-in's bearer for an inherited item, or ``""`` when none is stated.
        actor_type: the type from the actor lexicon (``government``, ``school``,
            ...), ``""`` when there is no actor.
        action: what is to be (or not) done: the text after the cue up to the end
            of the reading.
        deadline: when, as written (三十日内, 每学年, 到2025年, 及时), or ``""``.
        start: offset of the cue in the sentence (0 when inherited or none).
        end: offset one past the end of the reading in the sentence.
        inherited: True when a list item took modality and bearer from its lead-in.
        scope: ``main`` or ``proviso``: where the cue sits.
    """

    modality: str
    cue: str = ""
    actor: str = ""
    actor_type: str = ""
    action: str = ""
    deadline: str = ""
    start: int = 0
    end: int = 0
    inherited: bool = False
    scope: str = "main"


_NONE = Deontic("none")


@dataclass
class _Clause:
    start: int
    end: int  # without the closing punctuation
    stop: int  # including it
    scope: str = "main"


@dataclass
class _Hit:
    start: int
    end: int
    text: str
    modality: str
    clause: int
    requires_agent: bool = False
    predicate: bool = False  # an English verb cue (encourage, ban) that counts only as a predicate


class DeonticTagger:
    """Read sentences for duties with the editable cue and actor lexicons.

    Args:
        lexicon: a Chinese cue lexicon (path or loaded); None for the shipped one.
        en_lexicon: an English cue lexicon (path or loaded); None for the shipped one.
        actors: an actor lexicon (path or loaded); None for the shipped one.

    Example:
        >>> tagger = DeonticTagger()
        >>> r = tagger.classify("县级以上地方人民政府应当在三十日内作出决定。")
        >>> (r.modality, r.actor, r.actor_type, r.deadline)
        ('obligation', '县级以上地方人民政府', 'government', '三十日内')
    """

    def __init__(
        self,
        *,
        lexicon: str | DeonticLexicon | None = None,
        en_lexicon: str | DeonticLexicon | None = None,
        actors: str | ActorLexicon | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.en_lexicon = en_lexicon
        self.actors = actors
        self._zh = (
            lexicon if isinstance(lexicon, DeonticLexicon) else load_deontic_lexicon(lexicon, lang="zh")
        )
        self._en = (
            en_lexicon
            if isinstance(en_lexicon, DeonticLexicon)
            else load_deontic_lexicon(en_lexicon, lang="en")
        )
        self._actors = actors if isinstance(actors, ActorLexicon) else load_actor_lexicon(actors)

    # ------------------------------------------------------------------ public

    def tag(self, text: str, *, lang: str | None = None, register: str | None = None) -> list[Deontic]:
        """Return every deontic reading of one sentence, in order (empty if none).

        Args:
            text: one sentence or list item.
            lang: ``zh`` or ``en``; guessed from the text when None.
            register: English only: ``normative`` (a charter, contract, law: "will"
                states a duty) or ``programme`` (a work report or plan: "We will…"
                states an intention, no duty); guessed from ``text`` when None
                (see :func:`detect_register`). Chinese ignores it.
        """
        if not text or not text.strip():
            return []
        lang = lang or detect_lang(text)
        if lang == "en":
            register = check_register(register) or detect_register(text)
            return self._tag(text, self._en, english=True, register=register)
        return self._tag(text, self._zh, english=False)

    def classify(self, text: str, *, lang: str | None = None, register: str | None = None) -> Deontic:
        """Return the reading that decides a sentence (``none`` when it has no duty).

        The first reading in a main clause decides; a proviso decides only when
        the main clauses have no cue. ``lang`` and ``register`` as for :meth:`tag`.
        """
        readings = self.tag(text, lang=lang, register=register)
        return readings[0] if readings else _NONE

    def lead_in(self, text: str, *, lang: str | None = None, register: str | None = None) -> Deontic | None:
        """If ``text`` introduces a list (ends with ：), the reading its items inherit.

        ``应当履行下列职责：`` gives an obligation with its bearer; ``享有下列权利：``
        a permission; ``有下列情形之一的，…：`` gives None (the items are conditions).
        """
        body = text.rstrip(" \t\u3000")
        if not body.endswith(("：", ":")):
            return None
        lang = lang or detect_lang(text)
        lex = self._en if lang == "en" else self._zh
        reading = self.classify(text, lang=lang, register=register)
        for p in lex.lead_in.get("none", ()):
            pos = body.find(p)
            # 实习单位不得有下列行为：/ 禁止下列行为：the list is what the cue forbids, while
            # 有下列行为之一的，…：lists conditions
            if pos >= 0 and not (
                reading.modality in ("prohibition", "obligation")
                and reading.start < pos
                and "的" not in body[pos:]
            ):
                return None
        # 符合下列条件的单位，可以申请加入：the list says who, not what: no inheritance
        listed = re.search(r"下列|以下|如下", body)
        if reading.modality != "none":
            if listed is not None and listed.start() < reading.start:
                return None
            return reading
        for modality in ("obligation", "prohibition", "permission", "encouragement"):
            for pattern in lex.lead_in.get(modality, ()):
                pos = body.find(pattern)
                if pos < 0:
                    continue
                actor, atype = self._bearer_before(body, pos, lang)
                return Deontic(
                    modality,
                    cue=pattern.rstrip("：:"),
                    actor=actor,
                    actor_type=atype,
                    start=pos,
                    end=len(body),
                )
        return None

    def inherit(
        self, lead: Deontic, text: str, readings: Sequence[Deontic], *, lang: str | None = None
    ) -> list[Deontic]:
        """The readings of a list item under a lead-in.

        An item without a cue of its own takes the lead-in's modality, cue and
        bearer, its own text being the action; an item with its own cue keeps it
        and borrows the lead-in's bearer when it names none (（一）参加成员大会，享有
        选举权 under 成员单位享有下列权利：). An item that is a condition (ends with
        的) inherits nothing.

        Args:
            lead: the lead-in's reading (see :meth:`lead_in`).
            text: the item.
            readings: the item's own readings (:meth:`tag`).
            lang: ``zh`` or ``en``; guessed when None.
        """
        if readings:
            return [
                replace(r, actor=lead.actor, actor_type=lead.actor_type) if not r.actor and lead.actor else r
                for r in readings
            ]
        lang = lang or detect_lang(text)
        if lang == "zh" and text.rstrip(_TRAIL).endswith("的"):
            return []
        body = text[strip_label(text) :].strip(_TRAIL)
        return [
            replace(
                lead,
                action=body,
                deadline=self._deadline(body, lang) or lead.deadline,
                start=0,
                end=len(text),
                inherited=True,
            )
        ]

    def classify_sequence(
        self,
        items: Sequence[str],
        *,
        lang: str | None = None,
        strict: bool = True,
        register: str | None = None,
    ) -> list[Deontic]:
        """Classify the sentences of one clause in order, letting list items inherit.

        A sentence ending with ``：`` that carries a duty (``企业应当履行下列职责：``)
        is a lead-in: the items after it (``（一）…；``) take its modality, cue and
        bearer (see :meth:`inherit`).

        Args:
            items: the sentences and list items of one clause, in order.
            lang: ``zh`` or ``en``; guessed per item when None.
            strict: require the items to be numbered 1, 2, 3 … from the lead-in
                on (so that unrelated lines after a colon do not inherit).
            register: English only, ``normative`` or ``programme`` (see
                :meth:`tag`); guessed from all the items together when None.

        Returns:
            One reading per item, in order (``none`` for an item without a duty).
        """
        out: list[Deontic] = []
        lead: Deontic | None = None
        expect = 1
        if register is None and lang != "zh":
            register = detect_register("\n".join(t for t in items if t))
        for text in items:
            readings = self.tag(text, lang=lang, register=register) if text else []
            number = item_number(text) if text else None
            if lead is not None and (number is None or (strict and number != expect)):
                lead = None
            if lead is not None and number is not None:
                expect = number + 1
                readings = self.inherit(lead, text, readings, lang=lang)
            if text and text.rstrip().endswith(("：", ":")):
                new_lead = self.lead_in(text, lang=lang, register=register)
                if new_lead is not None:
                    lead, expect = new_lead, 1
                elif number is None:
                    lead = None
            out.append(readings[0] if readings else _NONE)
        return out

    # ------------------------------------------------------------------ internals

    def _clauses(self, text: str, body_start: int, english: bool) -> list[_Clause]:
        ends = _EN_CLAUSE_END if english else _ZH_CLAUSE_END
        clauses: list[_Clause] = []
        depth = 0
        start = body_start
        n = len(text)
        i = body_start
        while i < n:
            ch = text[i]
            if ch in _OPENERS:
                depth += 1
            elif ch in _CLOSERS:
                depth = max(0, depth - 1)
            elif ch in ends and depth == 0:
                if english and ch == "." and i + 1 < n and text[i + 1].isalnum():
                    i += 1
                    continue
                clauses.append(_Clause(start, i, i + 1))
                start = i + 1
            i += 1
        if start < n and text[start:].strip():
            clauses.append(_Clause(start, n, n))
        return [c for c in clauses if text[c.start : c.end].strip()]

    def _scopes(self, text: str, clauses: list[_Clause], lex: DeonticLexicon, english: bool) -> None:
        scope = lex.scope
        last = len(clauses) - 1

        def opens(clause: _Clause, words: Sequence[str]) -> bool:
            piece = text[clause.start : clause.end].lstrip(" \u3000")
            if english:
                low = piece.lower()
                return any(low == w or low.startswith(w + " ") for w in words)
            return any(piece.startswith(w) for w in words)

        definition = False
        exception = False
        proviso = False
        # 为落实…，进一步深化…，引导…，特制定本方案: the purpose runs up to the clause
        # that states what the text does (制定/印发/通知如下).
        purpose_end = 0
        if not english and len(clauses) > 1 and opens(clauses[0], scope.get("purpose", ())):
            closers = scope.get("purpose_close", ())
            for k in range(1, len(clauses)):
                piece = text[clauses[k].start : clauses[k].end].lstrip(" \u3000")
                if any(re.match(w, piece) for w in closers):
                    purpose_end = k
                    break
            if purpose_end == 0:
                purpose_end = 1
        # a sentence ending with 的 is a condition (an item of 有下列情形之一的：) as a whole
        body_end = text[clauses[-1].start : clauses[-1].end].rstrip(_TRAIL)
        cond_except = tuple(scope.get("condition_end_except", ()))
        whole_condition = not english and body_end.endswith("的") and not body_end.endswith(cond_except)
        for k, c in enumerate(clauses):
            piece = text[c.start : c.end]
            low = piece.lower() if english else piece
            if (
                english
                and definition
                and k > 0
                and text[clauses[k - 1].end : clauses[k - 1].stop] == ";"
                and _EN_AFTER_DEFINITION.match(low.lstrip())
            ):
                # "X" shall mean …; provided, however, that T&B shall have the right to…:
                # the definition ends at the semicolon that opens a proviso
                definition = False
            if definition or any(
                (f" {w} " in f" {low} ") if english else (w in piece) for w in scope.get("definition", ())
            ):
                definition = True
                c.scope = "definition"
                continue
            if (exception and k < last) or (
                opens(c, scope.get("exception_open", ())) and not opens(c, scope.get("condition_open", ()))
            ):
                closes = any(piece.rstrip().endswith(w) for w in scope.get("exception_close", ()))
                # 除…外，学校不得…: the exception runs until a clause ending with 外
                if exception or closes or k < last:
                    c.scope = "exception"
                    exception = not closes
                    continue
            if opens(c, scope.get("proviso", ())) or proviso or (english and low.strip() == "provided"):
                proviso = True
                c.scope = "proviso"
                continue
            if k < purpose_end:
                c.scope = "purpose"
                continue
            ends_condition = (
                not english
                and any(piece.rstrip().endswith(w) for w in scope.get("condition_end", ()))
                and not piece.rstrip().endswith(cond_except)
                # 学校应当在体育课教学时，组织…: a time phrase after the cue is an adverbial of
                # the main clause, not a condition
                and not _CUE_THEN_TIME.search(piece)
            )
            if k < last and (opens(c, scope.get("condition_open", ())) or ends_condition):
                c.scope = "condition"
                continue
            if (
                english
                and 0 < k < last
                and clauses[k - 1].scope == "condition"
                and re.match(r"\s*(?:or|and)\b", low)
                and not re.match(
                    r"\s*(?:or|and)\s+(?:then\s+)?(?:the\s+|each\s+)?[A-Z]\w*\s+(?:shall|will|may|must)\b",
                    piece,
                )
            ):
                c.scope = "condition"  # If A does not respond…, or cannot provide…, B may…
                continue
            if whole_condition:
                c.scope = "condition"

    def _hits(self, text: str, body_start: int, lex: DeonticLexicon, english: bool) -> tuple[list[_Hit], int]:
        """All cues in the body, neighbours checked; also where a possibility verb stands."""
        pattern = lex.cue_pattern
        hits: list[_Hit] = []
        blocked: list[tuple[int, int]] = []
        if lex.negated_obligation_pattern is not None:
            blocked += [m.span() for m in lex.negated_obligation_pattern.finditer(text, body_start)]
        if not english:
            # “谁使用、谁负责”, 《…必须…》: a cue inside quotation marks or a title is part of
            # a name or a slogan (unless the quotation is the whole sentence)
            for q in _QUOTED.finditer(text, body_start):
                if q.end() - q.start() < len(text) - body_start - 2:
                    blocked.append(q.span())
        possibility = len(text) + 1
        if lex.possibility_pattern is not None:
            for m in lex.possibility_pattern.finditer(text, body_start):
                blocked.append(m.span())
                possibility = min(possibility, m.start())
        pos = body_start
        n = len(text)
        cancelled_end = -10
        cancelled_modality = ""
        while pos < n:
            m = pattern.search(text, pos)
            if m is None:
                break
            s, e = m.span()
            key = m.group(0).lower() if english else m.group(0)
            if english:
                key = " ".join(key.split())
            cue = lex.by_text.get(key)
            chained_to_cancelled = (
                cue is not None
                and cue.modality == cancelled_modality
                and 0 <= s - cancelled_end <= 2
                and all(ch in "和、及并与或者" for ch in text[cancelled_end:s])
            )
            if (
                cue is None
                or chained_to_cancelled
                or any(bs <= s < be or bs < e <= be for bs, be in blocked)
                or lex.cancelled(cue, text, s, e)
                or (not english and self._relative(text, e, lex, cue.relative_gap))
                or (
                    not english
                    and cue.modality == "permission"
                    and self._embedded_relative(text, body_start, s, e, lex)
                )
                or (not english and self._in_object_of_dui(text, body_start, s, e))
                or self._embedded(text, body_start, s, lex, english)
            ):
                if cue is not None:
                    cancelled_end, cancelled_modality = e, cue.modality
                pos = s + 1
                continue
            if (
                cue.modality == "encouragement"
                and not english
                and not self._predicate_position(text, body_start, s, lex)
            ) or (english and cue.predicate_only and not _en_predicate(text, body_start, s)):
                cancelled_end, cancelled_modality = e, cue.modality
                pos = s + 1
                continue
            hits.append(_Hit(s, e, m.group(0), cue.modality, -1, cue.requires_agent, cue.predicate_only))
            pos = e
        for modality, pat in lex.patterns:
            for m in pat.finditer(text, body_start):
                if any(h.start < m.end() and m.start() < h.end for h in hits):
                    continue
                if self._embedded(text, body_start, m.start(), lex, english):
                    continue
                hits.append(_Hit(m.start(), m.end(), m.group(0), modality, -1))
        hits.sort(key=lambda h: h.start)
        return hits, possibility

    def _predicate_position(self, text: str, body_start: int, start: int, lex: DeonticLexicon) -> bool:
        """An encouragement cue counts only as its clause's predicate (see encouragement_adverbs)."""
        k = _clause_back(text, max(body_start, start - _REACH), start, _ZH_CLAUSE_END)
        region = text[k + 1 : start].strip(" \u3000")
        if not region:
            return True
        if _GIVEN.search(region):
            return True
        adverbs = lex.encouragement_adverbs
        # peel adverbs from the right, then what is left must be the encourager
        changed = True
        while region and changed:
            changed = False
            for adv in adverbs:
                if adv and region.endswith(adv):
                    region = region[: -len(adv)]
                    changed = True
        if not region:
            return True
        span = find_actor_zh(region, self._actors)
        if span is not None and span[1] == len(region):
            return True
        # 在…方面 / 根据…需要 before the predicate
        return (
            re.fullmatch(
                r"(?:在[^，。；]{0,40}?(?:方面|中|下)|(?:按照|根据|依照)[^，。；]{0,40}?(?:规定|需要|要求))",
                region,
            )
            is not None
        )

    @staticmethod
    def _embedded(text: str, body_start: int, start: int, lex: DeonticLexicon, english: bool) -> bool:
        """True when a verb such as 保障/确保/使 earlier in the clause takes the cue as its complement."""
        if lex.embedding_pattern is None:
            return False
        ends = _EN_CLAUSE_END if english else _ZH_CLAUSE_END
        k = _clause_back(text, max(body_start, start - _REACH), start, ends)
        return lex.embedding_pattern.search(text, k + 1, start) is not None

    @staticmethod
    def _in_object_of_dui(text: str, body_start: int, start: int, end: int) -> bool:
        """对牵头承担国家项目的单位，给予补助: a cue inside the object of 对 (closed by a
        的 in the same clause) describes whom the sentence is about."""
        k = _clause_back(text, max(body_start, start - _REACH), start, _ZH_CLAUSE_END)
        if not re.match(r"[\s\u3000]*(?:对于|对|针对)", text[k + 1 : start]):
            return False
        stop = end
        while stop < len(text) and stop - end <= 40 and text[stop] not in _ZH_CLAUSE_END:
            if text[stop] == "的":
                return True
            stop += 1
        return False

    @staticmethod
    def _embedded_relative(text: str, body_start: int, start: int, end: int, lex: DeonticLexicon) -> bool:
        """形成基层数据可有效沉淀的体系: a cue between an object-taking verb and a 的 of
        the same clause modifies that verb's object."""
        if not lex.relative_embedding:
            return False
        k = start - 1
        floor = max(body_start, start - _REACH)
        while k >= floor and text[k] not in _ZH_CLAUSE_END:
            k -= 1
        before = text[k + 1 : start]
        # 依法设立的民办学校享有…的地位: a verb already closed by 的 belongs to the subject
        if not any(v in before and "的" not in before[before.rindex(v) :] for v in lex.relative_embedding):
            return False
        stop = end
        while stop < len(text) and stop - end <= 30 and text[stop] not in _ZH_CLAUSE_END:
            if text[stop] == "的":
                return True
            stop += 1
        return False

    @staticmethod
    def _relative(text: str, end: int, lex: DeonticLexicon, gap: int | None = None) -> bool:
        gap = lex.relative_gap if gap is None else gap
        after = text[end : end + gap + 1]
        k = after.find("的")
        if k < 0 or k > gap:
            return False
        between = after[:k]
        if any(ch in _ZH_CLAUSE_END for ch in between):
            return False
        return not any(after.startswith(w) for w in lex.relative_except)

    def _tag(
        self, text: str, lex: DeonticLexicon, *, english: bool, register: str = "normative"
    ) -> list[Deontic]:
        if _HEADING.match(text):
            return []  # 第七章 支持与奖励: a chapter title states no duty
        body_start = 0 if english else strip_label(text)
        hits, possibility = self._hits(text, body_start, lex, english)
        if not hits:
            return []
        clauses = self._clauses(text, body_start, english)
        if not clauses:
            return []
        self._scopes(text, clauses, lex, english)
        for c in clauses:
            if c.start >= possibility:  # what 可以看出 introduces
                c.scope = "complement"
        starts = [c.start for c in clauses]
        kept: list[_Hit] = []
        for h in hits:
            if h.start >= possibility:
                continue
            idx = max(0, _bisect_right(starts, h.start) - 1)
            h.clause = idx
            kept.append(h)
        if english:
            skip = lex.register_skip.get(register, ())
            kept = [
                h
                for h in kept
                if " ".join(h.text.lower().split()) not in skip
                and self._english_modal_counts(text, clauses, h)
            ]
            kept = _govern_verbs(text, kept)
        main = [h for h in kept if clauses[h.clause].scope == "main"]
        scope_name = "main"
        if not main:
            main = [h for h in kept if clauses[h.clause].scope == "proviso"]
            scope_name = "proviso"
        if not main:
            return []
        return self._readings(text, clauses, main, scope_name, lex, english)

    def _readings(
        self,
        text: str,
        clauses: list[_Clause],
        hits: list[_Hit],
        scope_name: str,
        lex: DeonticLexicon,
        english: bool,
    ) -> list[Deontic]:
        groups: list[tuple[_Hit, tuple[int, int] | None, str]] = []  # first cue, bearer span, bearer
        last: _Hit | None = None  # the last cue of the current reading
        for h in hits:
            if last is not None and not english and self._inside_object(text, last, h):
                continue  # 禁止用人单位招用应当接受义务教育的儿童: a relative clause of the object
            own = self._own_actor(text, clauses, h, english, after=last.end if english and last else None)
            if groups and last is not None:
                prev_hit, _prev_span, prev_actor = groups[-1]
                gap = text[last.end : h.start]
                # 应当鼓励、支持、引导…: a chain of cues is one reading
                joined = len(gap) <= 2 and all(ch in "和、及并与或者 " for ch in gap)
                same_bearer = own is None or text[own[0] : own[1]] == prev_actor
                last = h
                if joined or (prev_hit.modality == h.modality and same_bearer):
                    continue  # 应当…，并应当…: the same reading goes on
            last = h
            if own is not None:
                span = own
            elif english and self._passive(text, clauses, h) and h.modality != "permission":
                span = None  # a passive without "by": no bearer stated
            elif groups:
                span = groups[-1][1]
            else:
                span = self._earlier_actor(text, clauses, h, english)
            actor = text[span[0] : span[1]] if span else ""
            groups.append((h, span, actor))
        out: list[Deontic] = []
        for k, (h, _span, actor) in enumerate(groups):
            modality = h.modality
            if (
                english
                and (
                    modality == "permission"
                    or (modality == "obligation" and h.text.lower() in _EN_PLAIN_MODALS)
                )
                and _EN_NEGATED_SUBJECT.match(text, clauses[h.clause].start, h.start)
            ):
                # no government body may assume…, neither Franchisee nor its Owners shall…,
                # neither party shall have the right to assign…: a prohibition
                modality = "prohibition"
                actor = re.sub(r"^no\s+", "", actor, flags=re.IGNORECASE)
            end = groups[k + 1][0].start if k + 1 < len(groups) else len(text)
            if k + 1 < len(groups):
                nxt = groups[k + 1]
                nxt_clause = clauses[nxt[0].clause]
                end = min(end, nxt_clause.start if nxt_clause.start > h.end else nxt[0].start)
            cue_text = h.text
            action_start = h.end
            if not english and h.modality == "encouragement":
                while True:  # a chain of cues: 鼓励和支持, 鼓励、支持和引导
                    m = _CHAIN.match(text, action_start)
                    if not m:
                        break
                    action_start = m.end()
            if english and h.predicate:
                # encourage and guide X to…, ban X from…: the party follows the verb;
                # no party (encourage the development of…, ban dumping) gives no bearer
                chain = _EN_VERB_CHAIN.match(text, action_start)
                if chain:
                    action_start = chain.end()
                party = _en_party_after(text[action_start : min(end, action_start + _REACH)], self._actors)
                if party is not None:
                    actor = text[action_start + party[0] : action_start + party[1]].strip()
                    action_start = action_start + party[1]
                    link = re.match(r"\s+(?:to|in|from)\s+", text[action_start:end])
                    action_start += link.end() if link else 0
                else:
                    actor = ""
            elif h.modality == "encouragement" and not (
                english and h.text.lower().split()[0] in ("is", "are", "be")
            ):
                party = self._encouraged_party(text[action_start : min(end, action_start + _REACH)], english)
                if party is not None:
                    actor = text[action_start + party[0] : action_start + party[1]].strip()
                    action_start = action_start + party[1]
                elif not english:
                    actor = ""
                    own = text[clauses[h.clause].start : h.start]
                    if _GIVEN.search(own):
                        to = _GIVEN_TO.search(own)
                        span1 = find_actor_zh(to.group(1), self._actors, own_clause=False) if to else None
                        if to is not None and span1 is not None and span1[1] == len(to.group(1)):
                            actor = to.group(1)[span1[0] : span1[1]]
                        elif h.clause > 0:
                            # …的职业学校，按照规定给予支持: the supported party opens the sentence
                            # (a clause that is that party and nothing else)
                            first = text[clauses[0].start : clauses[0].end]
                            first = re.sub(r"^(?:对于|对)", "", first)
                            span0 = find_actor_zh(first, self._actors, own_clause=False)
                            if span0 is not None and span0[0] == 0 and span0[1] == len(first.rstrip()):
                                actor = first[span0[0] : span0[1]]
            elif not english:
                # 应当由县级教育行政部门审批: the agent after 由 bears the duty, also when the
                # sentence opens with a subject (消防救援机构…，应当由应急管理部门报告)
                clause_end = min(end, clauses[h.clause].end)
                by = text.find("由", action_start, clause_end)
                if by > action_start and (actor or _MARKERS_BEFORE_BY.search(text, action_start, by)):
                    by = -1
                if by >= 0:
                    agent = text[by + 1 : clause_end]
                    span2 = find_actor_zh(agent, self._actors, own_clause=False)
                    if span2 is not None and span2[0] == 0:
                        actor = agent[span2[0] : span2[1]]
                if not actor and cue_text in _NAMES_PARTY_AFTER:
                    # 禁止用人单位招用…: the party forbidden follows the cue
                    party = find_actor_after_zh(text[action_start:clause_end], self._actors)
                    if party is not None and not text.startswith("组织", action_start + party[0]):
                        actor = text[action_start + party[0] : action_start + party[1]]
                        action_start += party[1]
            if english:
                # shall, within 30 days, notify…; should, as a rule, make up…: an adverbial set
                # off by commas right after the modal is not part of what is to be done
                aside = re.match(r"\s*,\s*[^,;]{1,80}?,\s*(?=[a-z])", text[action_start:end])
                if aside is not None:
                    action_start += aside.end()
                grant = _EN_GRANT.match(cue_text) if h.modality == "permission" else None
                if grant is not None:
                    # IBM grants Customer a licence to use…: the grantee may use
                    actor = re.sub(r"^(?:the|each|any)\s+", "", grant.group(1), flags=re.IGNORECASE)
                elif actor.lower() in _EN_PRONOUN:
                    actor = self._promiser(text, h.start) or actor
            action = text[action_start:end].strip(_TRAIL)
            if not action and h.modality == "obligation" and cue_text in ("负责", "牵头"):
                first = clauses[0]
                action = text[first.start : first.end].strip(_TRAIL)
            # the first reading may take a time stated before it (到2025年，各地要…)
            window_start = clauses[0].start if k == 0 else clauses[h.clause].start
            deadline = self._deadline(text[window_start:end], "en" if english else "zh")
            if not english:
                # 各市域产教联合体（以下简称联合体）、行业产教融合共同体…: the bearer without
                # its abbreviation notes
                actor = _ABBREVIATION.sub("", actor).strip()
            atype = actor_type(actor, self._actors) if actor else ""
            out.append(
                Deontic(
                    modality,
                    cue=cue_text,
                    actor=actor,
                    actor_type=atype,
                    action=action,
                    deadline=deadline,
                    start=h.start,
                    end=end,
                    scope=scope_name,
                )
            )
        return out

    def _promiser(self, text: str, start: int) -> str:
        """The party of "X agrees that it shall not…" for the pronoun before ``start``."""
        found = next(reversed(list(_EN_PROMISER.finditer(text, 0, start))), None)
        if found is None:
            return ""
        span = find_actor_en(found.group(1))  # whoever agrees is a party: no lexicon check
        if span is None:
            return ""
        return found.group(1)[span[0] : span[1]]

    @staticmethod
    def _inside_object(text: str, prev: _Hit, h: _Hit) -> bool:
        """True when a cue follows another cue in the same clause and a 的 after it
        closes a relative clause (禁止…招用应当接受义务教育的适龄儿童)."""
        between = text[prev.end : h.start]
        if not between or any(ch in _ZH_CLAUSE_END for ch in between):
            return False
        k = h.end
        while k < len(text) and k - h.end <= 30 and text[k] not in _ZH_CLAUSE_END:
            if text[k] == "的":
                return True
            k += 1
        return False

    def _english_modal_counts(self, text: str, clauses: list[_Clause], h: _Hit) -> bool:
        """English: a modal that needs a party as subject counts when it has one, or
        when its verb is passive (an application shall be reviewed, the threshold may
        be lowered: a requirement or a permission whoever carries it out), except
        for ``will``, which in the passive states what is to happen (150 consortia
        will be built)."""
        if h.text.lower() in ("cannot", "can not") and (
            re.search(r"\b(?:without|unless|if)\b", text[h.end :], re.IGNORECASE)
            or any(clauses[j].scope == "condition" for j in range(h.clause))
        ):
            return False  # China cannot develop without…; if we do not…, we cannot modernize: no rule
        if not h.requires_agent:
            return True
        if h.text.lower() == "will" and (
            _EN_TARGET_BEFORE.search(text, 0, h.start)
            or _EN_TARGET_AFTER.search(text, h.end, clauses[h.clause].end)
        ):
            return False  # By 2025, 150 consortia will…; …will reach 70% or more: a target
        if self._passive(text, clauses, h):
            return h.text.lower().split()[0] != "will"
        if re.match(r"\s+(?:not\s+)?be\b", text[h.end :], re.IGNORECASE) and h.text.lower() == "may":
            return False  # it may be necessary, as the case may be: possibility
        return self._agent_subject(text, clauses, h)

    def _passive(self, text: str, clauses: list[_Clause], h: _Hit) -> bool:
        """English: is the modal's verb a passive that states an act? A passive of legal
        effect (shall be terminated) is one only when a party acts in it (may be
        terminated by ArTara)."""
        if _passive_after(text, h.end):
            return True
        m = _EN_PASSIVE.match(text, h.end)
        return m is not None and self._by_agent_en(text, m.end(), clauses[h.clause].end) is not None

    def _agent_subject(self, text: str, clauses: list[_Clause], h: _Hit) -> bool:
        """English: False when the modal's subject is a thing, not a party ("the Lease shall")."""
        c = clauses[h.clause]
        region_start = max(c.start, h.start - _REACH)
        region = text[region_start : h.start]
        span = find_actor_en(region)
        if span is None:
            if h.text.lower() in ("is to", "are to"):
                return False  # …, first and foremost, is to ensure employment: no instruction
            if not re.search(r"[A-Za-z]", region.split(" that ")[-1]):
                # X, under this clause, including…, will require…: the subject is an earlier
                # clause's; it must be a party too
                earlier = self._earlier_actor(text, clauses, h, True) if h.clause > 0 else None
                return earlier is None or self._party_en(text, *earlier)
            return bool(self._actors.en_pattern.search(region))
        between = region[span[1] :]
        if _EN_FINITE_VERB.search(between) and not re.search(r"\b(?:and|or|but)\s*$", between.rstrip(" ,")):
            # We will improve the mechanism for assessing risks decisions may pose: "We" is
            # the subject of "will", not of "may"
            return False
        return self._party_en(text, region_start + span[0], region_start + span[1])

    def _party_en(self, text: str, start: int, end: int) -> bool:
        """English: does ``text[start:end]`` name a party (see :func:`is_party_en`)?"""
        opening = not text[strip_label(text) : start].strip(" \t\"'“(")
        return is_party_en(text[start:end], self._actors, sentence_start=opening)

    def _own_actor(
        self, text: str, clauses: list[_Clause], h: _Hit, english: bool, *, after: int | None = None
    ) -> tuple[int, int] | None:
        c = clauses[h.clause]
        region_start = max(c.start, h.start - _REACH)
        if after is not None and c.start <= after <= h.start:
            # X shall notify … and shall settle …: the second modal's subject is X's,
            # unless a new subject follows the last "and" (… and Tenant shall …)
            tail = re.split(r"\b(?:and|or|but)\b|[,;]", text[after : h.start])[-1]
            if not re.search(r"[A-Za-z]", tail) or not self._party_en(text, h.start - len(tail), h.start):
                return None
            region_start = h.start - len(tail)
        region = text[region_start : h.start]
        if english:
            if self._passive(text, clauses, h):
                # shall be reviewed by the Secretariat: the agent after "by" bears it;
                # the subject of a passive is what the duty is about, not its bearer,
                # except for a permission, which its subject enjoys (eligible
                # enterprises may be certified…)
                by = self._by_agent_en(text, h.end, c.end)
                span = find_actor_en(region)
                if by is None and span is not None and _EN_STATIVE.match(text, h.end):
                    # A consortium shall be based on a park: a state its subject must be in
                    by = (region_start + span[0], region_start + span[1])
                    if not self._party_en(text, *by):
                        return None
                    return self._en_list_start(text, clauses, h.clause, by[0]), by[1]
                if by is not None or h.modality != "permission":
                    return by
                if span is None or not self._party_en(text, region_start + span[0], region_start + span[1]):
                    return None
                return self._en_list_start(
                    text, clauses, h.clause, region_start + span[0]
                ), region_start + span[1]
            span = find_actor_en(region)
            if (
                span is not None
                and h.text.lower() in ("must", "must not", "should", "should not", "need to", "needs to")
                and not self._party_en(text, region_start + span[0], region_start + span[1])
            ):
                return None  # the equipment must keep pace…: a requirement on a thing
            if span is not None and region[: span[0]].strip(" \t").lower() in _EN_CONJUNCTIONS:
                return self._en_list_start(
                    text, clauses, h.clause, region_start + span[0]
                ), region_start + span[1]
        else:
            # …由教育行政主管部门负责: the agent after 由 bears the duty
            by = _BY_BEFORE.search(region)
            if by:
                span2 = find_actor_zh(by.group(1), self._actors)
                if span2 is not None and span2[1] == len(by.group(1)):
                    return region_start + by.start(1) + span2[0], region_start + by.start(1) + span2[1]
            span = find_actor_zh(region, self._actors)
        if span is None:
            return None
        start = region_start + span[0]
        if not english and span[0] == 0 and region_start == c.start:
            # 企业、事业单位，社会团体，其他社会组织及公民个人可以…: a list of bearers
            # written across commas; earlier clauses that are bearers and nothing else join it.
            k = h.clause - 1
            while k >= 0 and text[clauses[k].end : clauses[k].stop] in ("，", ","):
                piece = text[clauses[k].start : clauses[k].end]
                if "的" in piece or re.match(r"(?:对|对于|凡|在|按照|根据|依照|依法|由)", piece):
                    break
                whole = find_actor_zh(piece, self._actors, own_clause=False)
                if whole is None or whole[0] != 0 or whole[1] != len(piece) or clauses[k].scope != "main":
                    break
                start = clauses[k].start
                k -= 1
        return start, region_start + span[1]

    def _en_list_start(self, text: str, clauses: list[_Clause], k: int, start: int) -> int:
        """Port enterprises, colleges and organisations may…: earlier comma-separated
        clauses that are bearers and nothing else belong to the subject."""
        if text[clauses[k].start : start].strip().lower() not in _EN_CONJUNCTIONS:
            return start
        j = k - 1
        while j >= 0 and text[clauses[j].end : clauses[j].stop] == ",":
            whole = text[clauses[j].start : clauses[j].end]
            off = strip_label(whole)
            piece = whole[off:]
            words = piece.split()
            if (
                not words
                or len(words) > 6
                or _EN_NOT_NP.search(piece)
                or _EN_ORDINAL.fullmatch(piece.strip())
                or not self._party_en(text, clauses[j].start + off, clauses[j].end)
            ):
                break
            lead = len(piece) - len(piece.lstrip())
            det = re.match(
                r"(?:the|each|any|every|such|all|either|neither|both|said|a|an)\s+",
                piece[lead:],
                re.IGNORECASE,
            )
            start = clauses[j].start + off + lead + (det.end() if det else 0)
            j -= 1
        return start

    def _by_agent_en(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        m = _EN_BY_AGENT.search(text, start, end)
        if m is None:
            return None
        phrase = m.group(1)
        words = phrase.split()
        if not words or len(words) > 6 or not is_party_en(phrase, self._actors):
            return None
        # by a vote of the Council, by decision of the Board: the body that acts
        lead = re.match(
            r"(?:(?:the|a|an)\s+)?(?:(?:vote|decision|resolution|order|consent|approval)\s+of\s+)?"
            r"(?:the|a|an|each|any|either|neither|such|both|all|its|their)\s+",
            phrase,
            re.IGNORECASE,
        )
        off = lead.end() if lead else 0
        return m.start(1) + off, m.end(1)

    def _earlier_actor(
        self, text: str, clauses: list[_Clause], h: _Hit, english: bool
    ) -> tuple[int, int] | None:
        """The bearer of a cue whose clause has no subject: an earlier clause's subject."""
        if not english and h.clause > 0:
            # 基本医疗保险基金支付范围由国务院医疗保障主管部门组织制定，并应当听取…: the
            # agent of 由 in the clause before goes on bearing a duty joined by 并
            own = text[clauses[h.clause].start : h.start].lstrip(" \u3000")
            if re.fullmatch(r"(?:并且|并|同时|且|还|也)(?:应当|应|须|要|可以)?", own) or re.match(
                r"(?:并且|并|同时|且)", own
            ):
                c = clauses[h.clause - 1]
                by = _BY_AGENT.search(text, c.start, c.end)
                if by is not None:
                    span = find_actor_zh(by.group(1), self._actors, own_clause=False)
                    if span is not None and span[0] == 0 and span[1] == len(by.group(1)):
                        return by.start(1), by.end(1)
        candidates = list(range(h.clause - 1, -1, -1))
        # the sentence topic (first clause) is the usual subject: 学校招收学生，应当…
        order = ([0] if candidates else []) + [k for k in candidates if k != 0]
        for k in order:
            c = clauses[k]
            if c.scope in ("purpose", "definition", "exception"):
                continue
            piece = text[c.start : min(c.end, c.start + _REACH)]
            if english:
                span = find_actor_en(piece)
            else:
                stripped = piece.lstrip()
                lead = len(piece) - len(stripped)
                if re.match(r"(?:对|对于|针对|关于|违反|未经|因|如|若)", stripped) and not (
                    # 未经依法审批和登记的职业技能培训机构，不得…: a 的 closes it into the bearer
                    stripped.startswith("未经") and "的" in stripped
                ):
                    continue
                span = find_actor_zh(piece, self._actors, own_clause=False)
                if span is not None and span[0] < lead:
                    span = None
                if span is not None and _THING_OF.search(piece[span[1] :]):
                    # 企业用于职工的培训经费所占比例，应当…: the clause's subject is the
                    # thing after the last 的, the bearer only qualifies it
                    span = None
            if span is not None:
                start = c.start + span[0]
                if not english and span[0] == 0 and "的" in piece[span[0] : span[1]]:
                    start = self._modifiers_before(text, clauses, k, start)
                return start, c.start + span[1]
        return None

    def _modifiers_before(self, text: str, clauses: list[_Clause], k: int, start: int) -> int:
        """年满60周岁，具有本市户籍的公民，…: short clauses that open the sentence and
        qualify a relative-clause bearer belong to it."""
        if k == 0 or any(text[clauses[j].end : clauses[j].stop] not in ("，", ",") for j in range(k)):
            return start
        for j in range(k):
            piece = text[clauses[j].start : clauses[j].end]
            if (
                clauses[j].scope != "main"
                or len(piece) > 16
                or re.match(r"(?:对|对于|针对|关于|为|在|按照|根据|依照|依法|由|经|以|从|自|当|随着)", piece)
                or re.search(r"(?:后|前|时|期间|以来)$", piece)  # 担保提供后，…: a time, not a qualifier
                or "为例" in piece
                or find_actor_zh(piece, self._actors, own_clause=False) is not None
            ):
                return start
        return clauses[0].start

    def _encouraged_party(self, rest: str, english: bool) -> tuple[int, int] | None:
        if english:
            return _en_party_after(rest, self._actors)
        return find_actor_after_zh(rest, self._actors)

    def _bearer_before(self, body: str, pos: int, lang: str) -> tuple[str, str]:
        start = 0 if lang == "en" else strip_label(body)
        region = body[start:pos]
        region = re.split(r"[，,；;]", region)[-1] if region else region
        if lang != "en":
            # 省级教育行政部门的主要职责是：the bearer is who the duties belong to
            region = re.sub(r"的(?:主要|基本|具体)?$", "", region)
        span = find_actor_en(region) if lang == "en" else find_actor_zh(region, self._actors)
        if span is None and lang != "en" and re.fullmatch(r"其?(?:的)?(?:主要|基本|具体)?", region.strip()):
            # 省、自治区、直辖市人民政府管理本地区内的高等学校，其主要职责是：the bearer is
            # the subject of the lead-in's first clause
            region = re.split(r"[，,；;]", body[start:pos])[0]
            span = find_actor_zh(region, self._actors, own_clause=False)
        if span is None:
            return "", ""
        actor = region[span[0] : span[1]]
        if lang != "en":
            actor = _ABBREVIATION.sub("", actor).strip()
        return actor, actor_type(actor, self._actors)

    def _deadline(self, text: str, lang: str) -> str:
        """The first time expression of the lexicon's ``deadline`` list, joined with
        any that touch it (每年 + 年底前 = 每年年底前)."""
        lex = self._en if lang == "en" else self._zh
        spans = sorted(
            {m.span() for p in lex.deadline_patterns for m in p.finditer(text) if m.end() > m.start()}
        )
        if not spans:
            return ""
        start, end = spans[0]
        for s, e in spans[1:]:
            if s <= end:
                end = max(end, e)
            elif s > end:
                break
        return text[start:end].strip()


# English passive after a modal: "(not) be" + a past participle; the verbs that make
# a cue of their own (be entitled, be required) or a statement (be deemed) are not passives
_EN_PASSIVE = re.compile(
    r"\s+(?:not\s+)?(?:also\s+|only\s+|further\s+|promptly\s+|jointly\s+)?be\s+"
    r"(?:\w+ly\s+)?(?!(?:entitled|deemed|required|obliged|obligated|permitted|allowed|authori[sz]ed|encouraged|"
    r"prohibited|forbidden|responsible|liable|able|subject|bound|used to|needed|necessary)\b)"
    r"([\w-]+(?:ed|en|wn)|made|paid|held|kept|sent|set|put|done|sold|built|met|led|found|brought|bought|laid|"
    r"sought|told|spent|won|lost|run|cut|let|shut|struck|granted|borne|given|taken|shown|known|chosen|drawn|"
    r"written|seen|undertaken|withheld|sworn|spread|split|upheld|dealt|meant|read)\b",
    re.IGNORECASE,
)
_EN_BY_AGENT = re.compile(
    r"\bby\s+((?:(?:the|a|an|each|its|their)\s+)?[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){0,4}?)(?=\s*(?:[,.;:]|$|\s+(?:and|or|in|within|at|on|for|before|after|under|with|to|if|unless|prior|upon|following|without|subject|pursuant|as)\b))",
    re.IGNORECASE,
)


_EN_NOT_NP = re.compile(
    r"\b(?:is|are|was|were|be|been|shall|will|may|must|should|can|has|have|had|if|when|where|unless|that|which|who|"
    r"to|by|for|with|within|upon|under|after|before|during|from|in|on|at|of)\b|^\s*[\d.()]+\s",
    re.IGNORECASE,
)
_EN_PLAIN_MODALS = frozenset(["shall", "may", "will", "can", "must", "should"])
_EN_NEGATED_SUBJECT = re.compile(
    r"\s*(?:(?:and|or|but|provided that|provided|however|then)\s*,?\s*)*(?:neither|no|none of)\s+(?!later\b|less\b|more\b|fewer\b|event\b)",
    re.IGNORECASE,
)
_EN_FINITE_VERB = re.compile(
    r"\b(?:will|shall|must|should|may|can|is|are|was|were|has|have)\b", re.IGNORECASE
)
_EN_AFTER_DEFINITION = re.compile(r"(?:provided|however|but|except|notwithstanding|in addition|further)\b")
_EN_PRONOUN = frozenset(["it", "he", "she", "they", "he or she", "it or they", "such party", "such person"])
# Licensee agrees and covenants that it shall not…: whom "it" stands for
_EN_PROMISER = re.compile(
    r"([^,;.:]{1,80}?)\s+(?:hereby\s+)?(?:agrees?|covenants?|undertakes?|acknowledges?|represents?|warrants?|"
    r"confirms?)(?:\s+and\s+(?:agrees?|covenants?|undertakes?|acknowledges?|warrants?))?\s+that\b",
    re.IGNORECASE,
)
_EN_GRANT = re.compile(r"(?:hereby\s+)?grants?\s+(?:to\s+)?(.+?)\s+(?:an?|the)\s", re.IGNORECASE)
_EN_ORDINAL = re.compile(
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|finally|lastly|next|then|also|"
    r"moreover|furthermore|however|therefore|meanwhile|additionally|accordingly)(?:ly)?",
    re.IGNORECASE,
)
# participles of a state the subject itself is to be in (a consortium shall be based on a
# park, members shall be registered as…), not of an act done to it by someone else
_EN_STATIVE = re.compile(
    r"\s+(?:also\s+)?be\s+(?:\w+ly\s+)?(?:based|located|situated|headquartered|established|registered|incorporated|"
    r"composed|comprised|constituted|organi[sz]ed|structured|staffed|equipped|qualified|accredited|certified|"
    r"domiciled|resident|open|accountable|committed|dedicated|engaged|insured)\b",
    re.IGNORECASE,
)
# "will" in a target: a year to reach it before, or a quantity to reach after
_EN_TARGET_BEFORE = re.compile(r"\b(?:by|in|before)\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b", re.IGNORECASE)
_EN_TARGET_AFTER = re.compile(
    r"\b(?:no fewer than|no less than|not less than|more than|at least|or more|reach|exceed)\b|\d\s*%",
    re.IGNORECASE,
)
# passives that state a legal effect rather than an act someone must do (the Lease
# shall be governed by…, Rent shall be abated…)
_EN_EFFECT = frozenset(
    "governed construed interpreted considered regarded treated abated reduced increased adjusted prorated "
    "extended enlarged affected included excluded limited waived released terminated cancelled canceled voided "
    "applied calculated computed commingled relied accompanied subordinated determined measured valued priced "
    "based".split()
)


# Adverbs that may stand between a subject or a modal and its verb (we will also
# vigorously encourage…)
_EN_ADVERBS = re.compile(
    r"(?:\s*\b(?:\w+ly|also|further|still|always|continue to|both|jointly|never|not only|even|then|again|more)\b)+\s*$",
    re.IGNORECASE,
)
_EN_GOVERNING = re.compile(
    r"\b(?:will|shall|must|should|need to|needs to|have to|has to|is to|are to|can|may|ought to)$",
    re.IGNORECASE,
)
# the nearest word before a verb that says whose verb it is
_EN_INTRODUCER = re.compile(
    r"\b(?:will|shall|must|should|need to|needs to|is to|are to|can|may|we|they|to|that|which|who|whom|whose|"
    r"where|when|if)\b",
    re.IGNORECASE,
)
_EN_CONJUNCTIONS = frozenset(["", "and", "or", "and/or", "nor"])
_EN_SUBORDINATE = frozenset("to that which who whom whose where when if by of for".split())
_EN_VERB_CHAIN = re.compile(
    r"(?:\s*,?\s+(?:and|or)\s+(?:\w+ly\s+)?(?:encourage|support|guide|advocate|help|urge|assist|enable|allow))+\b",
    re.IGNORECASE,
)
_EN_PARTY_AFTER = re.compile(
    r"\s*((?:(?:the|all|more|each|every|any|such|both|those)\s+)?[A-Za-z][\w\s,'&-]{0,80}?)\s+"
    r"(?:to\s+(?!the\b|a\b|an\b|this\b|that\b)[a-z]+\b|in\s+\w+ing\b|from\s+\w+ing\b)",
    re.IGNORECASE,
)
_EN_NOT_PARTY = re.compile(
    r"\b(?:is|are|was|were|be|been|shall|will|may|must|should|can|has|have|had|that|which|who|whose|by|through|"
    r"for|on|at|as|so|when|while|they|it|we|its|their)\b|,\s*(?:and\s+)?\w+ing\b",
    re.IGNORECASE,
)


def _en_predicate(text: str, body_start: int, start: int) -> bool:
    """English: True when a verb cue (encourage, support, ban) is its clause's predicate.

    It is when it opens its clause (… , and encourage people to…; Encourage
    enterprises to…), follows a modal or a pronoun subject (we will also encourage,
    we support), or closes a list of predicates whose modal comes first in the
    clause (we will deepen the reform of hospitals and encourage…). After "to",
    "that", "which", a preposition or a noun it is a purpose, a relative clause or
    a noun (policies to encourage imports, increase support for R&D).
    """
    k = _clause_back(text, max(body_start, start - _REACH), start, _EN_CLAUSE_END)
    left = _EN_ADVERBS.sub("", text[k + 1 : start]).strip()
    low = left.lower()
    if not low or low in ("and", "or", "but", "and to", "we", "they", "i", "and we"):
        return not low.endswith("to")
    if _EN_GOVERNING.search(low):
        return True
    if re.search(r"\b(?:and|or)$", low):
        last = next(reversed(list(_EN_INTRODUCER.finditer(low[:-3]))), None)
        return last is not None and last.group(0).lower() not in _EN_SUBORDINATE
    return False


def _govern_verbs(text: str, hits: list[_Hit]) -> list[_Hit]:
    """A verb cue right after a modal: "will / shall encourage" is an encouragement
    (as the lexicon's "shall encourage"), "must / should / may encourage" the
    modal's duty or permission (应当鼓励 is an obligation)."""
    out: list[_Hit] = []
    for h in hits:
        prev = out[-1] if out else None
        if (
            prev is not None
            and h.predicate
            and not prev.predicate
            and not _EN_ADVERBS.sub("", " " + text[prev.end : h.start]).strip()
        ):
            if prev.text.lower() in ("will", "shall"):
                out[-1] = h
            continue
        out.append(h)
    return out


def _en_party_after(rest: str, lex: ActorLexicon | None = None) -> tuple[int, int] | None:
    """The party a verb such as encourage / support / ban names: "X to …", "X in …ing",
    "X from …ing", without its leading determiner; with ``lex``, only a party of the
    actor lexicon or a name (encourage automobile consumption and take … is no party)."""
    m = _EN_PARTY_AFTER.match(rest)
    if m is None or _EN_NOT_PARTY.search(m.group(1)) or len(m.group(1).split()) > 9:
        return None
    start, end = m.start(1), m.end(1)
    if lex is not None and not is_party_en(rest[start:end], lex):
        return None
    d = re.match(r"(?:the|all|each|every|any|such|both|those)\s+", rest[start:end], re.IGNORECASE)
    return (start + (d.end() if d else 0), end)


_EN_ABLE = re.compile(
    r"\s+(?:not\s+)?be\s+(?:\w+ly\s+)?(?!(?:able|liable|responsible|payable|applicable|available)\b)\w+(?:able|ible)\b",
    re.IGNORECASE,
)


def _passive_after(text: str, end: int) -> bool:
    m = _EN_PASSIVE.match(text, end)
    if m is None:
        # shall not be assignable by either party: what may (not) be done to the subject
        return _EN_ABLE.match(text, end) is not None
    return m.group(1).lower() not in _EN_EFFECT


def _clause_back(text: str, floor: int, start: int, ends: str) -> int:
    """The offset just before the clause that holds ``start``: scanning back to a
    clause end, or to an unclosed bracket (…移动化应用（省文化和旅游厅牵头）: a
    bracket opens a clause of its own; a closed one such as 招录（聘） does not)."""
    k = start - 1
    depth = 0
    while k >= floor and text[k] not in ends:
        if text[k] in "）)":
            depth += 1
        elif text[k] in "（(":
            if depth == 0:
                break
            depth -= 1
        k -= 1
    return k


def _bisect_right(values: list[int], x: int) -> int:
    lo, hi = 0, len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < values[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo
