"""A short fuzz run over every parser and detection with formatting: any crash fails, naming its input.

A fixed number of inputs per target (never a time budget), so the same inputs run everywhere the
same seeds are present. The long run is bench/fuzz.py.
"""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from conftest import FIXTURES
from discreet.errors import CorruptFileError
from discreet.model import Limits
from discreet.read import read
from fuzzing import (
    Target,
    fuzz,
    generate,
    inflated,
    mutate_bytes,
    mutate_json,
    mutate_xml,
    targets,
    zip_members,
)

SEED = 20261202
INPUTS = {
    "pdf": 100,
    "docx": 240,
    "text": 400,
    "linkedin": 300,
    "jsonresume": 500,
    "draft": 300,
    "detect": 100,
}


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_no_input_crashes_the_target(name: str, tmp_path: Path) -> None:
    crashes = fuzz(targets()[name], SEED, INPUTS[name], tmp_path)
    replays = [
        f"python bench/fuzz.py --replay {c.target}:{c.seed}:{c.index}  # {c.error} at {c.where}"
        for c in crashes
    ]
    assert replays == []


def test_every_target_has_seeds_and_a_runner_for_its_format() -> None:
    assert sorted(targets()) == sorted(INPUTS)
    assert all(target.seeds for target in targets().values())


def test_a_discreet_error_is_a_refusal_and_any_other_exception_a_crash(tmp_path: Path) -> None:
    def run(path: Path) -> None:
        data = path.read_bytes()
        if data.startswith(b"A"):
            raise CorruptFileError(path, "is damaged")
        if data.startswith(b"B"):
            raise KeyError("B")

    seeds = (b"A", b"B", b"C")
    target = Target("toy", ".bin", seeds, lambda rng, data, others: data, run)
    [crash] = fuzz(target, 1, 30, tmp_path)
    assert (crash.target, crash.seed, crash.error) == ("toy", 1, "KeyError: 'B'")
    assert generate(target, 1, crash.index) == b"B"
    assert crash.where.startswith("test_fuzz.py:")


def test_an_input_is_regenerated_from_its_seed_and_index_alone() -> None:
    target: Target = targets()["docx"]
    assert generate(target, 7, 41) == generate(target, 7, 41)
    assert generate(target, 7, 41) != generate(target, 7, 42)


def test_zip_mutations_keep_a_readable_archive_most_of_the_time() -> None:
    target = targets()["docx"]
    readable = sum(bool(zip_members(generate(target, SEED, index))) for index in range(100))
    assert readable >= 75


def test_byte_mutation_changes_the_input_and_stays_bounded() -> None:
    rng = random.Random(3)
    data = b"Dana Whitfield\n" * 10
    mutated = [mutate_bytes(rng, data, [data], (b"TOKEN",)) for _ in range(50)]
    assert sum(m != data for m in mutated) >= 45
    assert max(len(m) for m in mutated) <= 400_000


def test_xml_and_json_mutations_work_on_structure() -> None:
    rng = random.Random(5)
    xml = b'<w:p><w:r w:rsid="00A1"><w:t>Dana</w:t></w:r></w:p>'
    assert len({mutate_xml(rng, xml, [xml]) for _ in range(40)} - {xml}) >= 30
    resume = json.dumps({"basics": {"name": "Dana"}, "work": [{"name": "Acme"}]}).encode()
    trees = [mutate_json(rng, resume, [resume]) for _ in range(40)]
    assert sum(_parses(tree) and tree != resume for tree in trees) >= 10


def _parses(data: bytes) -> bool:
    try:
        json.loads(data)
    except ValueError:
        return False
    return True


def test_inflated_pdf_streams_hold_their_operators_in_plain_bytes() -> None:
    content = b"BT /F1 12 Tf 72 720 Td (Dana Whitfield) Tj ET"
    packed = zlib.compress(content)
    pdf = b"4 0 obj\n<< /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (
        len(packed),
        packed,
    )
    assert inflated(pdf) == b"4 0 obj\n<<  /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (
        len(content),
        content,
    )


# --- crashes the fuzzer found, kept as regression tests --------------------------------------------


def _one_member_zip(name: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


def test_a_zip_directory_claiming_a_future_zip_version_is_a_damaged_file(tmp_path: Path) -> None:
    data = bytearray(_one_member_zip("word/document.xml", b"<w:document/>"))
    directory = data.index(b"PK\x01\x02")
    data[directory + 6] = 127  # "version needed to extract": 12.7, which zipfile refuses to read
    path = tmp_path / "resume.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptFileError) as caught:
        read(path, Limits())
    assert str(caught.value) == f"{path}: is a damaged or truncated ZIP/DOCX file; download or save it again"


def test_inputs_are_the_same_in_every_process(tmp_path: Path) -> None:
    script = (
        "import hashlib, sys; sys.path.insert(0, sys.argv[1]); import fuzzing\n"
        "print(hashlib.sha256(b''.join(fuzzing.generate(t, 9, i) for t in fuzzing.targets().values()"
        " for i in range(30))).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script, str(Path(__file__).parent)],
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for hash_seed in ("1", "2")
    }
    assert len(digests) == 1


def test_a_nameless_member_in_a_linkedin_export_zip_is_passed_over(tmp_path: Path) -> None:
    export = FIXTURES / "persona" / "linkedin-export.zip"
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(export) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
        target.writestr(zipfile.ZipInfo(""), b"x")  # a NUL where a name starts reads as ""
    assert read(path, Limits()).segments == read(export, Limits()).segments
