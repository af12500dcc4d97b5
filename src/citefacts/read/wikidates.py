"""Date templates (``{{dts|1999|9|21}}``, ``{{start date|1999|8|17}}``) read as the date a reader sees.

Sortable tables write their dates this way, so dropping the template (as unknown templates are)
left "Date" cells empty and rows without their key. The date is rendered as Wikipedia shows it,
"21 September 1999" (or "September 21, 1999" with ``mf=y``); its characters are spread over the
template's raw range in order, so every span still indexes the raw file and a mention of the whole
date covers the whole template.
"""

from __future__ import annotations

import re

from mwparserfromhell.nodes import Template

from citefacts.read.markers import TextBuilder

DATE_TEMPLATES = re.compile(
    r"^\s*(?:dts|date\s+table\s+sorting|start\s+date|end\s+date|start\s+date\s+and\s+age|end\s+date\s+and\s+age|"
    r"birth\s+date|death\s+date|birth\s+date\s+and\s+age|death\s+date\s+and\s+age|film\s+date)\s*$",
    re.I,
)
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")  # fmt: skip


def date_template_text(node: Template) -> str | None:
    """The date a date template shows ("21 September 1999", "August 1999", "1999"); None if it gives none."""
    positional = [str(param.value).strip() for param in node.params if not param.showkey]
    keyed = {
        str(param.name).strip().lower(): str(param.value).strip().lower() for param in node.params if param.showkey
    }
    parts = positional[:3]
    if not parts or not re.fullmatch(r"-?\d{1,4}", parts[0]):
        return None
    year = parts[0].lstrip("-") + (" BC" if parts[0].startswith("-") else "")
    month = _month(parts[1]) if len(parts) > 1 else None
    if len(parts) > 1 and month is None:
        return None
    day = parts[2].lstrip("0") if len(parts) > 2 and re.fullmatch(r"\d{1,2}", parts[2]) else None
    if month is None:
        return year
    if day is None:
        return f"{month} {year}"
    american = keyed.get("mf", "") in ("y", "yes") or keyed.get("format", "") == "mdy"
    return f"{month} {day}, {year}" if american else f"{day} {month} {year}"


def render_date_template(node: Template, start: int, builder: TextBuilder) -> bool:
    """Append the date a template at raw offset ``start`` shows; False (nothing added) when it shows none.

    The characters are spread over the template's raw range, each at a later offset than the one before
    (a date never has more characters than its template, ``{{dts|`` and ``}}`` included).
    """
    shown = date_template_text(node)
    width = len(str(node))
    if not shown or len(shown) > width:
        return False
    last = max(len(shown) - 1, 1)
    for index, char in enumerate(shown):
        builder.add_char(char, start + round(index * (width - 1) / last))
    return True


def _month(text: str) -> str | None:
    if re.fullmatch(r"\d{1,2}", text) and 1 <= int(text) <= 12:
        return MONTH_NAMES[int(text) - 1]
    for name in MONTH_NAMES:
        if len(text) >= 3 and name.lower().startswith(text.lower().rstrip(".")):
            return name
    return None
