"""The names a generated package must not take come from one registry,
`src/naming.rs`; this compares it with Python and pydantic themselves, and
with what the golden packages really import and use, so that a new keyword,
builtin, pydantic attribute or import cannot slip through."""

import ast
import builtins
import importlib
import keyword
import re
import warnings
from pathlib import Path

import pydantic
from conftest import GOLDEN, PACKAGES, ROOT

NAMING = (ROOT / "src" / "naming.rs").read_text()


def registry(name: str) -> set[str]:
    """The strings of the `const NAME: &[&str] = &[...]` in src/naming.rs."""
    found = re.search(rf"const {name}: &\[&str\] = &\[(.*?)\];", NAMING, re.S)
    assert found, f"{name} is not in src/naming.rs"
    return set(re.findall(r'"([^"]*)"', found.group(1)))


def test_keywords_are_pythons() -> None:
    assert registry("KEYWORDS") == set(keyword.kwlist)
    # Soft keywords stay usable names; the registry knows every one.
    assert set(keyword.softkwlist) <= registry("SOFT_KEYWORDS")


def test_every_capitalised_builtin_is_reserved_for_classes() -> None:
    capitalised = {name for name in dir(builtins) if name[:1].isupper()} - set(keyword.kwlist)
    assert capitalised <= registry("PASCAL_BUILTINS")


def test_no_field_can_shadow_an_attribute_of_base_model() -> None:
    attributes = {
        name
        for name in {*dir(pydantic.BaseModel), *dir(type(pydantic.BaseModel))}
        if not name.startswith("_") and not name.startswith("model_")
    }
    assert attributes <= registry("BASEMODEL_ATTRIBUTES")


def modules(package: str) -> list[Path]:
    """The modules generated from the document: `base/` is the same
    runtime for every package and holds none of its classes."""
    return sorted(path for path in (GOLDEN / package).rglob("*.py") if path.parent.name != "base")


def test_every_name_a_generated_module_imports_is_reserved() -> None:
    generated = registry("GENERATED_NAMES")
    missing: set[str] = set()
    for package in PACKAGES:
        for path in modules(package):
            tree = ast.parse(path.read_text())
            for node in tree.body:
                from_outside = isinstance(node, ast.ImportFrom) and (node.level == 0 or (node.module or "").startswith("base"))
                if isinstance(node, ast.ImportFrom) and from_outside:
                    names = {alias.asname or alias.name for alias in node.names}
                    if path.name != "messages.py":
                        # Only classes live beside them there, and class names are capitalised.
                        names = {name for name in names if name[:1].isupper()}
                    missing |= names - generated
    assert not missing, f"imported by generated modules but not in GENERATED_NAMES: {sorted(missing)}"


def test_every_builtin_a_model_annotation_uses_is_reserved_for_fields() -> None:
    annotation_names = registry("ANNOTATION_NAMES")
    used: set[str] = set()
    for package in PACKAGES:
        for path in modules(package):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.ClassDef):
                    for statement in node.body:
                        if isinstance(statement, ast.AnnAssign):
                            used |= {
                                name.id
                                for part in (statement.annotation, statement.value)
                                if part is not None
                                for name in ast.walk(part)
                                if isinstance(name, ast.Name) and name.id in dir(builtins)
                            }
    used -= {"None", "True", "False"}
    assert used <= annotation_names, sorted(used - annotation_names)


def test_a_package_with_every_taken_name_imports_without_warnings() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        module = importlib.import_module("gen_names.holders")
    message = module.Holder.model_validate({"action": "hold", "tuple": 1, "register": 2, "type": 3, "tags": ["a"]})
    dumped = message.model_dump(mode="json", by_alias=True, exclude_none=True)
    assert dumped == {"action": "hold", "tuple": 1, "register": 2, "type": 3, "tags": ["a"]}
