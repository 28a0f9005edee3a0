"""A realistic analyst's survey file, as the county's analysts send them, for the upload tests (core, CLI, browser).

46 rows in Swedish headers, every category written as its label ("Utsatt område") and every status as a word;
among them the problems issue 27 found in real files:

- four Lidingö rows and one Kungsholmen row naming Norrmalm police area, which ended on 2024-12-31 (the file is
  for a 2026 survey);
- Stockholm rows without a police area: five with the district Södermalm (derived), three with neither police area
  nor district lying within a few hundred metres of those (suggested from the nearest row), two in
  Enskede-Årsta-Vantör, which two police areas share (the candidates are named, nothing is suggested);
- "Sodertalje" written for a point in Järfälla.

Points are taken from the shipped municipality boundaries (a point inside each), so they stay inside whatever
generalisation the boundaries have.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl

from scenes.reference import Reference

#: The survey the file is for: after Norrmalm police area ended.
SURVEY_DAY = dt.date(2026, 3, 2)  # a Monday
SODERMALM = (59.3146, 18.0714)  # Stockholm city, Södermalm
ENSKEDE = (59.2830, 18.0710)  # Stockholm city, Enskede-Årsta-Vantör
HEADER = ["id", "namn", "kommun", "lokalpolisområde", "stadsdel", "kategori", "status", "lat", "lon"]
#: Municipalities of the plain rows (their police area is decided by the municipality), by code.
PLAIN = ["0127", "0126", "0136", "0182", "0184", "0183", "0160", "0163", "0188", "0191"]


def _inside(ref: Reference, code: str) -> tuple[float, float]:
    geom = ref.boundaries.loc[ref.boundaries["kommun_kod"] == code].geometry.iloc[0]
    point = geom.representative_point()
    return round(point.y, 5), round(point.x, 5)


def _decimal(value: float) -> str:
    return f"{value:.5f}".replace(".", ",")  # Swedish Excel writes decimal commas


def rows(ref: Reference) -> list[list[str]]:
    """The file's 46 data rows (cells as text)."""
    names = dict(zip(ref.municipalities["kommun_kod"], ref.municipalities["kommun"], strict=True))
    out: list[list[str]] = []

    def add(kommun: str, lpo: str, district: str, lat: float, lon: float, status: str = "Aktiv") -> None:
        n = len(out) + 1
        out.append([f"S{n:02d}", f"Plats {n}", kommun, lpo, district, "Utsatt område", status, _decimal(lat),
                    _decimal(lon)])

    for k in range(30):  # plain rows
        code = PLAIN[k % len(PLAIN)]
        lat, lon = _inside(ref, code)
        add(names[code], "", "", lat + 0.0002 * (k // len(PLAIN)), lon, "Minskande aktivitet" if k % 3 else "Aktiv")
    lat, lon = _inside(ref, "0186")
    for k in range(4):  # Lidingö named with the dissolved Norrmalm police area
        add("Lidingö", "Norrmalm", "", lat + 0.0002 * k, lon)
    add("Stockholm", "Norrmalm", "Kungsholmen", 59.3326, 18.0300)  # Kungsholmen, dissolved police area
    for k in range(5):  # Södermalm: police area derived from the district
        add("Stockholm", "", "Södermalm", SODERMALM[0] + 0.001 * k, SODERMALM[1])
    for k in range(3):  # no police area, no district, a few hundred metres from the Södermalm rows
        add("Stockholm", "", "", SODERMALM[0] - 0.002 - 0.001 * k, SODERMALM[1] + 0.002)
    for k in range(2):  # a district two police areas share
        add("Stockholm", "", "Enskede-Årsta-Vantör", ENSKEDE[0] + 0.001 * k, ENSKEDE[1])
    lat, lon = _inside(ref, "0123")
    add("Sodertalje", "", "", lat, lon)  # the name resembles Södertälje; the point lies in Järfälla
    assert len(out) == 46  # the file the issue describes
    return out


def windows_csv(ref: Reference) -> bytes:
    """The rows as Swedish Excel saves "CSV (semikolonavgränsad)": Windows-1252, `;`, CRLF."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows(ref))
    return buffer.getvalue().encode("cp1252")


def xlsx(ref: Reference) -> bytes:
    """The rows as an .xlsx workbook (openpyxl), coordinates as numbers as Excel keeps them."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Scener"
    sheet.append(HEADER)
    for row in rows(ref):
        sheet.append([*row[:7], float(row[7].replace(",", ".")), float(row[8].replace(",", "."))])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
