"""The WordprocessingML names the Word reader looks for, and the untyped objects it holds."""

from __future__ import annotations

from typing import Any

# python-docx hands out lxml elements and package parts; neither ships type stubs, so both are Any.
Element = Any
Part = Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
DC = "{http://purl.org/dc/elements/1.1/}"
CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"

P, TBL, TR, TC, R = (W + tag for tag in ("p", "tbl", "tr", "tc", "r"))
ALTERNATE = MC + "AlternateContent"
TEXT_BOX = W + "txbxContent"
WRAPPERS = frozenset(W + tag for tag in ("sdt", "sdtContent", "customXml"))
