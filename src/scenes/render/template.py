"""The upload template: the canonical columns with one example row, and the code lists analysts need."""

from __future__ import annotations

import io
from collections.abc import Sequence

import pandas as pd

from scenes.io.formats import table_to_csv
from scenes.reference import Reference

__all__ = ["TEMPLATE_COLUMNS", "scenes_workbook", "template_csv", "template_xlsx"]

TEMPLATE_COLUMNS = ["scene_id", "name", "kommun_kod", "kommun", "lokalpolisomrade", "stadsdel", "categories", "status",
                    "impact", "predecessors", "notes", "lat", "lon"]
_EXAMPLE = {"scene_id": "EX-0127-01", "name": "Exempelplats (ta bort raden)", "kommun_kod": "0127",
            "kommun": "Botkyrka", "lokalpolisomrade": "botkyrka", "stadsdel": "", "categories": "utsatt_omrade",
            "status": "aktiv", "impact": "3", "predecessors": "", "notes": "Fiktivt exempel",
            "lat": "59.2005", "lon": "17.8297"}
_HELP = [
    ("scene_id", "Stabil id: samma plats behåller sin id mellan kartläggningar. Obligatorisk."),
    ("name", "Platsens namn. Obligatorisk."),
    ("kommun_kod / kommun", "Kommunkod (t.ex. 0180) eller namn. Valfri: kommunen tas från koordinaterna; avviker den "
                            "angivna blir det en varning."),
    ("lokalpolisomrade", "Kod eller namn. Fylls i från kommunen där kommunen avgör; i Stockholms stad krävs den "
                         "eller stadsdel."),
    ("stadsdel", "Endast i Stockholms stad: stadsdelsförvaltningens kod eller namn."),
    ("categories", "En eller flera kategorikoder, avgränsade med ; (se bladet Kategorier). Obligatorisk."),
    ("status", "Statuskod (se bladet Status). Valfri."),
    ("impact", "Otrygghet 1–5. Valfri."),
    ("predecessors", "Scen-id i föregående kartläggning som platsen fortsätter (sammanslagning/delning), ; emellan."),
    ("notes", "Fri text."),
    ("lat / lon", "WGS 84 i decimalgrader (decimalkomma går bra). Alternativ: SWEREF 99 TM i kolumnerna "
                  "northing/easting eller X/Y, eller en WKT-kolumn; GeoJSON och GeoPackage går också."),
]


def template_csv() -> str:
    """The template as CSV (UTF-8 with BOM, comma separated)."""
    return table_to_csv(pd.DataFrame([_EXAMPLE], columns=TEMPLATE_COLUMNS))


def template_xlsx(ref: Reference) -> bytes:
    """The template as an Excel workbook with instructions and code lists."""
    return scenes_workbook(pd.DataFrame([_EXAMPLE], columns=TEMPLATE_COLUMNS), ref)


def scenes_workbook(scenes: pd.DataFrame, ref: Reference, *, help_rows: Sequence[tuple[str, str]] = ()) -> bytes:
    """A workbook of sheet "Scener" (`scenes`), then the instructions (plus `help_rows`) and the code lists.

    Shared by the template and the .xlsx export. No cell is a formula: text that starts with "=" is stored as text
    (openpyxl would otherwise write it as a formula), and an empty text is an empty cell.
    """
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        scenes.to_excel(writer, sheet_name="Scener", index=False)
        pd.DataFrame([*_HELP, *help_rows], columns=["Kolumn", "Beskrivning"]).to_excel(
            writer, sheet_name="Instruktion", index=False)
        ref.municipalities[["kommun_kod", "kommun", "default_lpo"]].to_excel(writer, sheet_name="Kommuner",
                                                                             index=False)
        ref.police_areas[["lpo_code", "name", "polisomrade", "valid_from", "valid_to"]].to_excel(
            writer, sheet_name="Lokalpolisområden", index=False)
        ref.districts[["district_code", "name", "valid_from", "valid_to"]].to_excel(writer, sheet_name="Stadsdelar",
                                                                                    index=False)
        ref.categories[["code", "label_sv", "label_en"]].to_excel(writer, sheet_name="Kategorier", index=False)
        ref.statuses[["code", "label_sv", "label_en"]].to_excel(writer, sheet_name="Status", index=False)
        for sheet in writer.book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type == "f":
                        cell.data_type = "s"
                    elif cell.value == "":
                        cell.value = None
    return buffer.getvalue()
