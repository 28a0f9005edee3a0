"""What the entry pages (Åtgärder, Trygghetsindikatorer) show, built without the UI framework: codes as words in
the reader's language, the list of measures and its filter, a measure's history (who, when, what changed) and the
list of indicator values.

Every table here has translated headers and plain values (text, dates, numbers); `tables.readable` then writes
numbers and missing values the language's way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from scenes.domain.indicators import Indicator, area_label, value_decimals
from scenes.domain.measures import Measure, status_label
from scenes.i18n import number, t, time_text
from scenes.model import Lang
from scenes.reference import Reference

__all__ = ["MeasureFilter", "filter_measures", "indicators_view", "measure_history", "measures_view",
           "scene_labels", "target_label"]

#: the fields of a measure an analyst enters, in the order a change lists them
_FIELDS = ("scene_id", "kommun_kod", "lokalpolisomrade", "kind", "actor", "status", "start_date", "end_date", "note",
           "removed")


def scene_labels(frame: pd.DataFrame) -> dict[str, str]:
    """Scene id -> "name (scene id, municipality)": how a form and a list name a scene."""
    return {str(sid): f"{name} ({sid}, {kommun})" for sid, name, kommun in
            zip(frame["scene_id"], frame["name"], frame["kommun"], strict=True)}


def target_label(m: Measure, ref: Reference, scenes: Mapping[str, str], lang: Lang) -> str:
    """What a measure belongs to, in words: a scene by its label (its id when no shown survey has it), a
    municipality or a police area by name."""
    kind, code = m.target
    if kind == "scene":
        return scenes.get(code, t("measures.scene_id_only", lang, id=code))
    if kind == "kommun":
        return f"{ref.municipality_name(code)} ({t('measures.target.kommun', lang).lower()})"
    return f"{ref.police_area_name(code)} ({t('measures.target.lpo', lang).lower()})"


@dataclass(frozen=True)
class MeasureFilter:
    """The list's filter: empty tuples mean every value; `text` is looked for in the target and the note."""

    statuses: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    text: str = ""


def filter_measures(items: Iterable[Measure], filt: MeasureFilter, ref: Reference, scenes: Mapping[str, str],
                    lang: Lang) -> list[Measure]:
    """The measures the filter lets through, in their order."""
    needle = filt.text.strip().casefold()
    return [m for m in items
            if (not filt.statuses or m.status in filt.statuses) and (not filt.kinds or m.kind in filt.kinds)
            and (not filt.actors or m.actor in filt.actors)
            and (not needle or needle in f"{target_label(m, ref, scenes, lang)} {m.note} {m.measure_id}".casefold())]


def _day(value: dt.date | None, lang: Lang) -> str | None:
    return None if value is None else time_text(value, lang, "short")


def measures_view(items: Sequence[Measure], ref: Reference, scenes: Mapping[str, str], lang: Lang
                  ) -> pd.DataFrame:
    """The list of measures as people read it: labels, not codes; a demo column only when demo measures are shown."""
    col = {k: t(f"measures.col.{k}", lang) for k in ("id", "target", "kind", "actor", "status", "start", "end",
                                                        "note", "version", "saved")}
    rows = [{col["id"]: m.measure_id, col["target"]: target_label(m, ref, scenes, lang),
             col["kind"]: ref.measure_kind_label(m.kind, lang), col["actor"]: ref.actor_label(m.actor, lang),
             col["status"]: status_label(m.status, lang), col["start"]: _day(m.start_date, lang),
             col["end"]: _day(m.end_date, lang), col["note"]: m.note or None, col["version"]: m.version,
             col["saved"]: _saved(m, lang)} for m in items]
    table = pd.DataFrame(rows, columns=list(col.values()))
    if any(m.demo for m in items):
        table[t("col.demo", lang)] = [m.demo for m in items]
    return table


def _saved(m: Measure, lang: Lang) -> str:
    """When (Stockholm time, to the minute) and by whom a measure's shown version was saved."""
    when = time_text(m.created_at, lang) if m.created_at else ""
    return ", ".join(x for x in (when, m.created_by) if x) or "–"


def _value(m: Measure, field: str, ref: Reference, scenes: Mapping[str, str], lang: Lang) -> str:
    value = getattr(m, field)
    if field == "kind":
        return ref.measure_kind_label(value, lang)
    if field == "actor":
        return ref.actor_label(value, lang)
    if field == "status":
        return status_label(value, lang)
    if field == "removed":
        return t("common.yes" if value else "common.no", lang)
    if field in ("start_date", "end_date"):
        return _day(value, lang) or "–"
    if field == "scene_id" and value:
        return scenes.get(value, value)
    if field == "kommun_kod" and value:
        return ref.municipality_name(value)
    if field == "lokalpolisomrade" and value:
        return ref.police_area_name(value)
    return str(value) if value else "–"


def measure_history(versions: Sequence[Measure], ref: Reference, scenes: Mapping[str, str], lang: Lang
                    ) -> pd.DataFrame:
    """Every version of one measure, newest first: version, when, who and what changed from the version before
    ("Status: Planerad → Pågående"); the first version says it was added, a removal says so."""
    ordered = sorted(versions, key=lambda m: m.version)
    rows = []
    for before, m in zip([None, *ordered[:-1]], ordered, strict=True):
        if before is None:
            what = t("measures.history.added", lang, target=target_label(m, ref, scenes, lang))
        elif m.removed and not before.removed:
            what = t("measures.history.removed", lang)
        else:
            what = "; ".join(f"{t(f'measures.field.{f}', lang)}: {_value(before, f, ref, scenes, lang)} → "
                             f"{_value(m, f, ref, scenes, lang)}"
                             for f in _FIELDS if getattr(before, f) != getattr(m, f))
        rows.append({t("measures.col.version", lang): m.version,
                     t("measures.col.when", lang): time_text(m.created_at, lang),
                     t("measures.col.who", lang): m.created_by or "–", t("measures.col.what", lang): what or "–"})
    return pd.DataFrame(rows[::-1], columns=[t(f"measures.col.{k}", lang) for k in ("version", "when", "who", "what")])


def indicators_view(items: Sequence[Indicator], ref: Reference, lang: Lang) -> pd.DataFrame:
    """The indicator values as people read them, newest first within each indicator; `source_url` keeps its
    column name (the page shows it as a link)."""
    col = {k: t(f"indicators.col.{k}", lang) for k in ("indicator", "area", "date", "value", "unit", "source",
                                                          "note", "saved")}
    ordered = sorted(items, key=lambda i: (i.indicator, i.area_level, i.area_code, -i.date.toordinal()))
    rows = [{col["indicator"]: i.indicator, col["area"]: area_label(i.area_level, i.area_code, ref, lang),
             col["date"]: _day(i.date, lang), col["value"]: number(i.value, lang, value_decimals(i.value)),
             col["unit"]: i.unit, col["source"]: i.source, "source_url": i.source_url, col["note"]: i.note or None,
             col["saved"]: i.created_by or None} for i in ordered]
    return pd.DataFrame(rows, columns=[*list(col.values())[:6], "source_url", *list(col.values())[6:]])
