"""Clear what a Word file keeps out of sight, as Inspect Document does: comments, revisions, hidden text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml

from discreet.parsers.wordopen import part_xml
from discreet.parsers.wordxml import CP, EP, Element, Part, W

_DCTERMS = "{http://purl.org/dc/terms/}"

# What scrub counts, each as (one, several), the way the summary says it.
COMMENTS = ("comment removed", "comments removed")
REVISIONS = ("earlier tracked change accepted", "earlier tracked changes accepted")
HIDDEN = ("hidden run removed", "hidden runs removed")
PROPERTIES = ("property cleared", "properties cleared")
THUMBNAIL = ("thumbnail removed", "thumbnails removed")

_STORIES = frozenset({CT.WML_DOCUMENT_MAIN, CT.WML_HEADER, CT.WML_FOOTER, CT.WML_FOOTNOTES, CT.WML_ENDNOTES})
# Relationships of the main document to comments and to the people who wrote comments and revisions.
_COMMENT_RELS = ("/comments", "/commentsExtended", "/commentsIds", "/commentsExtensible", "/people")
_COMMENT_MARKS = frozenset(W + tag for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"))
# Accepting a revision keeps an insertion's content and drops a deletion's.
_KEEP_CONTENT = frozenset({W + "ins", W + "moveTo"})
_DROP_CONTENT = frozenset({W + "del", W + "moveFrom"})
_MARKS = frozenset(
    W + tag
    for tag in (
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "tblPrExChange",
        "trPrChange",
        "tcPrChange",
        "tblGridChange",
        "numberingChange",
        "cellIns",
        "cellDel",
        "cellMerge",
    )
)
# In these a revision marks the element it belongs to (a paragraph mark, a row) rather than holding runs.
_MARKERS_IN = frozenset({W + "rPr", W + "trPr"})
_KEPT_CORE = frozenset({_DCTERMS + "created", _DCTERMS + "modified", CP + "revision", CP + "lastPrinted"})
_APP_PERSONAL = frozenset(EP + tag for tag in ("Company", "Manager", "Template", "HyperlinkBase"))


def scrub(word: Any, hidden: Callable[[Element, Element], bool]) -> tuple[str, ...]:
    """Remove comments, accept revisions, remove hidden runs, clear properties; say how many of each."""
    stories = [(part, part_xml(part)) for part in story_parts(word)]
    roots = [root for _, root in stories if root is not None]
    counts = {
        COMMENTS: _remove_comments(word, roots),
        REVISIONS: sum(_accept_revisions(root) for root in roots),
        HIDDEN: sum(_remove_hidden(root, hidden) for root in roots),
        PROPERTIES: _clear_properties(word),
        THUMBNAIL: drop_package_part(word, RT.THUMBNAIL),
    }
    for part, root in stories:
        _store(part, root)
    return tuple(f"{count} {kind[count != 1]}" for kind, count in counts.items() if count)


def story_parts(word: Any) -> list[Part]:
    """The parts that hold paragraphs: body, headers, footers, footnotes and endnotes."""
    return [part for part in word.part.package.iter_parts() if part.content_type in _STORIES]


def _remove_comments(word: Any, stories: list[Element]) -> int:
    """Drop every comment anchor and reference, then the comments part and its companions."""
    for root in stories:
        for mark in list(root.iter(*_COMMENT_MARKS)):
            _remove(mark)
    comments = 0
    for rid, rel in list(word.part.rels.items()):
        if rel.reltype.endswith(_COMMENT_RELS):
            if rel.reltype == RT.COMMENTS and not rel.is_external:
                root = part_xml(rel.target_part)
                comments += 0 if root is None else len(root.findall(W + "comment"))
            del word.part.rels[rid]
    return comments


def _accept_revisions(root: Element) -> int:
    """Accept every tracked change: insertions kept as plain text, deletions dropped, marks removed."""
    accepted = 0
    for revision in list(root.iter(*_KEEP_CONTENT, *_DROP_CONTENT, *_MARKS)):
        if not any(ancestor is root for ancestor in revision.iterancestors()):
            continue  # inside a deletion already dropped
        accepted += 1
        parent = revision.getparent()
        if parent.tag in _MARKERS_IN or revision.tag in _MARKS:
            _drop_marked(revision, parent)
        elif revision.tag in _KEEP_CONTENT:
            _unwrap(revision)
        else:
            _remove(revision)
    return accepted


def _drop_marked(revision: Element, parent: Element) -> None:
    """Remove a revision mark; a deleted table row goes with it, a deleted paragraph mark joins paragraphs."""
    holder = parent.getparent()
    parent.remove(revision)
    if revision.tag not in _DROP_CONTENT or holder is None:
        return
    if parent.tag == W + "trPr" and holder.getparent() is not None:
        holder.getparent().remove(holder)
    elif parent.tag == W + "rPr" and holder.tag == W + "pPr":
        _join_next(holder.getparent())


def _join_next(paragraph: Element | None) -> None:
    """Move a paragraph's content to the start of the paragraph after it, as Word does when its mark goes."""
    if paragraph is None:
        return
    following = paragraph.getnext()
    if following is None or following.tag != W + "p":
        return
    at = 1 if len(following) and following[0].tag == W + "pPr" else 0
    for offset, child in enumerate([c for c in paragraph if c.tag != W + "pPr"]):
        following.insert(at + offset, child)
    paragraph.getparent().remove(paragraph)


def _remove_hidden(root: Element, hidden: Callable[[Element, Element], bool]) -> int:
    """Remove every run set to vanish, and the vanish of paragraph marks."""
    runs = [run for run in root.iter(W + "r") if _hidden_run(run, hidden)]
    for run in runs:
        _remove(run)
    for mark in [e for e in root.iter(W + "vanish") if _marks_paragraph(e)]:
        _remove(mark)
    return len(runs)


def _marks_paragraph(vanish: Element) -> bool:
    """Whether a vanish is set on a paragraph mark (pPr/rPr) rather than on a run or a style."""
    properties = vanish.getparent()
    return (
        properties is not None
        and properties.getparent() is not None
        and (properties.getparent().tag == W + "pPr")
    )


def _hidden_run(run: Element, hidden: Callable[[Element, Element], bool]) -> bool:
    paragraph = next(run.iterancestors(W + "p"), None)
    return paragraph is not None and hidden(run, paragraph)


def _clear_properties(word: Any) -> int:
    """Clear the core properties but dates and revision, the personal app properties, and every custom one."""
    cleared = 0
    for rid, rel in list(word.part.package.rels.items()):
        if rel.is_external:
            continue
        if rel.reltype == RT.CORE_PROPERTIES:
            cleared += _clear(rel.target_part, lambda e: e.tag not in _KEPT_CORE)
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            cleared += _clear(rel.target_part, lambda e: e.tag in _APP_PERSONAL)
        elif rel.reltype == RT.CUSTOM_PROPERTIES:
            root = part_xml(rel.target_part)
            cleared += 1 if root is None else len(root)
            del word.part.package.rels[rid]
    return cleared + _drop_template(word)


def drop_package_part(word: Any, reltype: str) -> int:
    """Drop the package's parts of one relationship type; count them."""
    rels = word.part.package.rels
    chosen = [rid for rid, rel in rels.items() if rel.reltype == reltype]
    for rid in chosen:
        del rels[rid]
    return len(chosen)


def _clear(part: Part, personal: Callable[[Element], bool]) -> int:
    """Remove the personal children of a properties part; count those that held text."""
    root = part_xml(part)
    if root is None:
        return 0
    chosen = [child for child in root if isinstance(child.tag, str) and personal(child)]
    for child in chosen:
        root.remove(child)
    _store(part, root)
    return sum(1 for child in chosen if "".join(child.itertext()).strip())


def _drop_template(word: Any) -> int:
    """Drop the attached template's path from the settings: it names the author's own folders."""
    settings = next((rel.target_part for rel in word.part.rels.values() if rel.reltype == RT.SETTINGS), None)
    root = part_xml(settings)
    template = None if root is None else root.find(W + "attachedTemplate")
    if settings is None or root is None or template is None:
        return 0
    rid = template.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    root.remove(template)
    if rid in settings.rels:
        del settings.rels[rid]
    _store(settings, root)
    return 1


def _store(part: Part, root: Element | None) -> None:
    """Write a changed root back into a part that python-docx keeps as bytes (app.xml, footnotes)."""
    if root is not None and getattr(part, "_element", None) is None:
        part._blob = serialize_part_xml(root)


def _unwrap(element: Element) -> None:
    """Put an element's children where it stands, and drop it."""
    parent = element.getparent()
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


def _remove(element: Element) -> None:
    """Drop an element; a run left holding nothing but its properties goes with it."""
    parent = element.getparent()
    if parent is None:
        return
    parent.remove(element)
    if parent.tag == W + "r" and all(child.tag == W + "rPr" for child in parent):
        _remove(parent)
