"""scripts/vendor: plotly.js fetched from the npm registry at the pinned version, checked against recorded checksums.

theme/assets/javascripts/vendor/plotly.lock.json records the package, version, tarball URL, the registry's
sha512 integrity of the tarball and the sha256 of the file taken from it; the file is committed unchanged (never
edited by hand). `--check` (no network, run by the tests) verifies the committed file against the lock;
`--update VERSION` fetches a new version's metadata from the registry and writes the lock and the file.

Användning: scripts/vendor [--check] [--update VERSION]
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import sys
import tarfile
import urllib.request
from pathlib import Path
from .swedish import SwedishParser

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "theme" / "assets" / "javascripts" / "vendor"
LOCK = FOLDER / "plotly.lock.json"
REGISTRY = "https://registry.npmjs.org"

HELP = "Hämta plotly.js i den låsta versionen från npm-registret och kontrollera den mot de sparade kontrollsummorna."


def read_lock() -> dict:
    return json.loads(LOCK.read_text(encoding="utf-8"))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def _get(url: str) -> bytes:
    if not url.startswith(REGISTRY + "/"):
        raise ValueError(f"{url} är inte npm-registrets adress")
    with urllib.request.urlopen(url, timeout=60) as response:   # noqa: S310 (the registry's https URL only)
        return response.read()


def fetch(lock: dict) -> bytes:
    """The file from the registry's tarball, after both checksums agree with the lock."""
    tarball = _get(lock["tarball"])
    if integrity(tarball) != lock["integrity"]:
        raise ValueError(f"tarbollen {lock['tarball']} har inte den registrerade kontrollsumman")
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        member = archive.extractfile(f"package/{lock['file']}")
        data = member.read() if member else b""
    if sha256(data) != lock["sha256"]:
        raise ValueError(f"{lock['file']} i tarbollen har inte den registrerade kontrollsumman")
    return data


def check() -> list[str]:
    """What differs between the committed file and the lock (empty when they agree)."""
    lock = read_lock()
    path = FOLDER / lock["file"]
    if not path.is_file():
        return [f"{path.relative_to(ROOT)} saknas: kör scripts/vendor"]
    if sha256(path.read_bytes()) != lock["sha256"]:
        return [f"{path.relative_to(ROOT)} stämmer inte med {LOCK.name} (ändrad för hand?): kör scripts/vendor"]
    return []


def update(version: str) -> dict:
    package = read_lock()["package"]
    meta = json.loads(_get(f"{REGISTRY}/{package}/{version}"))
    lock = {"package": package, "version": version, "tarball": meta["dist"]["tarball"],
            "integrity": meta["dist"]["integrity"], "file": read_lock()["file"], "sha256": ""}
    tarball = _get(lock["tarball"])
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        member = archive.extractfile(f"package/{lock['file']}")
        lock["sha256"] = sha256(member.read() if member else b"")
    return lock


def main(argv: list[str] | None = None) -> int:
    parser = SwedishParser(prog="scripts/vendor", description=HELP)
    parser.add_argument("--check", action="store_true", help="kontrollera den incheckade filen mot låset (utan nät)")
    parser.add_argument("--update", metavar="VERSION", help="byt till en annan version av plotly.js")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        print("\n".join(problems) or "plotly.js stämmer med låset", file=sys.stderr if problems else sys.stdout)
        return 1 if problems else 0
    try:
        lock = update(args.update) if args.update else read_lock()
        data = fetch(lock)
    except (OSError, ValueError, KeyError) as error:
        print(f"plotly.js kunde inte hämtas: {error}\n  tips: npm-registret måste gå att nå; låset är oförändrat",
              file=sys.stderr)
        return 1
    (FOLDER / lock["file"]).write_bytes(data)
    LOCK.write_text(json.dumps(lock, indent=2) + "\n", encoding="utf-8")
    print(f"{lock['package']} {lock['version']}: {lock['file']} ({len(data) // 1024} kB) hämtad och kontrollerad")
    return 0
