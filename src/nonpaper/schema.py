"""The nonpaper/1 JSON Schema, shipped in the package, and validation against it."""
from __future__ import annotations

import functools
import json
from importlib import resources


@functools.lru_cache(maxsize=1)
def schema_text() -> str:
    return resources.files("nonpaper").joinpath("schema").joinpath("nonpaper-1.json").read_text(encoding="utf-8")


def load_schema() -> dict:
    return json.loads(schema_text())


def validate(data: dict) -> None:
    """Raise jsonschema.ValidationError when `data` (an article or a corpus) breaks the contract."""
    import jsonschema

    jsonschema.validate(data, load_schema())
