"""The README's promises about the package itself."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = [ln.strip() for ln in readme.splitlines() if "pytest" in ln and "pip install" in ln][0]
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_built_in_lists_are_found_where_the_package_is():
    """In CI the suite runs against the installed wheel (not the source tree),
    so this proves a non-editable install ships the lists."""
    import os

    import screener
    from screener.paths import builtin_wordlists_dir

    lists = builtin_wordlists_dir()
    assert {"classified-markings.toml", "wording.toml", "xinhua.toml"} <= {p.name for p in lists.glob("*.toml")}
    if os.environ.get("CI"):
        installed = Path(screener.__file__).resolve().parent
        assert "site-packages" in installed.parts, "CI must test the installed package, not the checkout"
        assert lists == installed / "_wordlists"
