"""Safety indicators (trygghetsindikatorer): sourced values the steering group follows beside the scene counts.

An indicator value is one figure for one area on one date, with its unit and its source: for example, from the
regional safety survey, the share of residents within 500 m of a scene who feel unsafe. Every value must name its
source and give a source URL: a figure without a solid source is not entered (the app ships none). The same
indicator, area and date identify a value: importing it again replaces it (audited).

File columns (header names exactly; CSV or .xlsx, read by the survey readers with the same caps):

| column | required | meaning |
|---|---|---|
| indicator | yes | the indicator's name, as it should appear in charts (at most 200 characters) |
| value | yes | a number; a decimal comma or point |
| unit | yes | e.g. `%`, `antal`, `per 100 000 invånare` |
| date | yes | YYYY-MM-DD: the date the figure describes (for a yearly survey, the survey's date or its year's 31 Dec) |
| area_level | yes | `lan` (the county), `kommun` or `lokalpolisomrade` |
| area_code | unless lan | municipality code (0180) or police area code (`jarva`); empty for the county |
| source | yes | who published the figure, and the publication |
| source_url | yes | an http(s) address where the figure can be checked |
| note | no | free text |
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from scenes.domain.measures import parse_date
from scenes.errors import Problem, ProblemReport, ValidationFailed
from scenes.model import Lang
from scenes.reference import Reference

__all__ = ["AREA_LEVELS", "INDICATOR_COLUMNS", "Indicator", "area_label", "indicator_problems", "indicators_from_rows",
           "indicators_table", "latest_values", "parse_indicator", "parse_value",
           "value_decimals", "value_text"]

AREA_LEVELS = ("lan", "kommun", "lokalpolisomrade")
INDICATOR_COLUMNS = ["indicator", "value", "unit", "date", "area_level", "area_code", "source", "source_url", "note"]
REQUIRED_COLUMNS = ("indicator", "value", "unit", "date", "area_level", "source", "source_url")
MAX_TEXT = {"indicator": 200, "unit": 100, "source": 1_000, "source_url": 1_000, "note": 2_000}


@dataclass(frozen=True)
class Indicator:
    """One sourced value of one indicator for one area on one date."""

    indicator: str
    value: float
    unit: str
    date: dt.date
    area_level: str
    area_code: str
    source: str
    source_url: str
    note: str = ""
    created_at: dt.datetime | None = None
    created_by: str = ""

    @property
    def key(self) -> tuple[str, str, str, dt.date]:
        return (self.indicator, self.area_level, self.area_code, self.date)


def parse_value(text: str, row: int | None, problems: list[Problem]) -> float | None:
    """A number written with a decimal comma or point (spaces as thousands separators allowed)."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace("\u2212", "-").replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        value = math.nan
    if not cleaned or not math.isfinite(value) or len(cleaned) > 30:
        problems.append(Problem("not a number; write e.g. 12,5", code="value_format", row=row, column="value",
                                value=text[:100]))
        return None
    return value


def indicator_problems(item: Indicator, ref: Reference, row: int | None = None) -> list[Problem]:
    """Every rule of one value: required texts, bounded lengths, a known area, an http(s) source address."""
    problems = [Problem("a value is required", code="value_required", row=row, column=c)
                for c in ("indicator", "unit", "source", "source_url") if not getattr(item, c).strip()]
    problems += [Problem(f"the cell has {len(getattr(item, c))} characters; the limit is {limit}", code="cell_too_long",
                         row=row, column=c, params={"length": len(getattr(item, c)), "limit": limit})
                 for c, limit in MAX_TEXT.items() if len(getattr(item, c)) > limit]
    known = {"kommun": set(ref.municipalities["kommun_kod"]), "lokalpolisomrade": set(ref.police_areas["lpo_code"])}
    if item.area_level not in AREA_LEVELS:
        problems.append(Problem("area_level is lan, kommun or lokalpolisomrade", code="area_level", row=row,
                                column="area_level", value=item.area_level[:100]))
    elif item.area_level == "lan" and item.area_code:
        problems.append(Problem("a county value has no area_code", code="area_code_county", row=row,
                                column="area_code", value=item.area_code[:100]))
    elif item.area_level != "lan" and item.area_code not in known[item.area_level]:
        problems.append(Problem("unknown code", code="unknown_code", row=row, column="area_code",
                                value=item.area_code[:100]))
    url = item.source_url.strip().lower()
    if url and not (url.startswith("https://") or url.startswith("http://")):
        problems.append(Problem("the source URL starts with https:// or http://", code="source_url_format", row=row,
                                column="source_url", value=item.source_url[:100]))
    return problems


def parse_indicator(cells: dict[str, str], ref: Reference, row: int | None = None) -> tuple[Indicator, list[Problem]]:
    """One value from its text cells (a file's row or the form's fields) and every problem with it: the number, the
    date (required), then every rule of `indicator_problems`. The same text gets the same verdict either way."""
    problems: list[Problem] = []
    value = parse_value(cells.get("value", ""), row, problems)
    day = parse_date(cells.get("date", ""), row, "date", problems)
    if not cells.get("date", "").strip():
        problems.append(Problem("a value is required", code="value_required", row=row, column="date"))
    level = cells.get("area_level", "")
    item = Indicator(indicator=cells.get("indicator", "").strip(), value=math.nan if value is None else value,
                     unit=cells.get("unit", "").strip(), date=day or dt.date.min, area_level=level,
                     area_code="" if level == "lan" and not cells.get("area_code") else cells.get("area_code", ""),
                     source=cells.get("source", "").strip(), source_url=cells.get("source_url", "").strip(),
                     note=cells.get("note", "").strip())
    return item, problems + indicator_problems(item, ref, row)


def indicators_from_rows(rows: list[tuple[int, dict[str, str]]], ref: Reference) -> list[Indicator]:
    """Indicator values from a read record file; every problem at once, nothing returned when any is wrong."""
    problems: list[Problem] = []
    out: list[Indicator] = []
    seen: dict[tuple[str, str, str, dt.date], int] = {}
    for row_no, r in rows:
        item, found = parse_indicator(r, ref, row_no)
        problems += found
        parsed = not any(p.column in ("value", "date") for p in found)
        if item.key in seen and parsed:
            problems.append(Problem(f"the same indicator, area and date as row {seen[item.key]}",
                                    code="indicator_twice", row=row_no, column="date",
                                    params={"first": seen[item.key]}))
        seen.setdefault(item.key, row_no)
        out.append(item)
    if problems:
        raise ValidationFailed(f"The indicator file has {len(problems)} problem(s); nothing was imported.",
                               ProblemReport(problems).listed(), code="indicator_file_invalid", n=len(problems))
    return out


def indicators_table(items: Iterable[Indicator]) -> pd.DataFrame:
    """Values in the file columns (ISO dates, numbers as numbers): what an export writes and an import reads."""
    rows = [{"indicator": i.indicator, "value": i.value, "unit": i.unit, "date": i.date.isoformat(),
             "area_level": i.area_level, "area_code": i.area_code or None, "source": i.source,
             "source_url": i.source_url, "note": i.note or None} for i in items]
    table = pd.DataFrame(rows, columns=INDICATOR_COLUMNS)
    table["value"] = table["value"].astype(float)
    return table


def latest_values(items: Iterable[Indicator]) -> list[tuple[Indicator, Indicator | None]]:
    """Per indicator and area (by name, then county first, then area code): its latest value and the one before."""
    series: dict[tuple[str, str, str], list[Indicator]] = {}
    for item in items:
        series.setdefault((item.indicator, item.area_level, item.area_code), []).append(item)
    out = []
    for key in sorted(series, key=lambda k: (k[0], AREA_LEVELS.index(k[1]) if k[1] in AREA_LEVELS else 9, k[2])):
        values = sorted(series[key], key=lambda i: i.date)
        out.append((values[-1], values[-2] if len(values) > 1 else None))
    return out


def area_label(level: str, code: str, ref: Reference, lang: Lang) -> str:
    """An indicator's area in words: the county, or a municipality or police area by name."""
    from scenes.i18n import t

    if level == "lan":
        return t("indicator.level.lan", lang)
    if level == "kommun":
        return ref.municipality_name(code)
    return ref.police_area_name(code)


def value_decimals(value: float, most: int = 3) -> int:
    """The fewest decimals (at most `most`) that write the value as it was entered."""
    return next((d for d in range(most + 1) if abs(round(value, d) - value) < 1e-9), most)


def value_text(item: Indicator, lang: Lang) -> str:
    """The value as entered, with its unit: "31,5 %" in Swedish."""
    from scenes.i18n import number

    return f"{number(item.value, lang, value_decimals(item.value))} {item.unit}".strip()
