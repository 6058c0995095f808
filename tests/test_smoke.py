"""The README's promises about the package itself."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = [ln.strip() for ln in readme.splitlines() if "pytest" in ln and "pip install" in ln][0]
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
