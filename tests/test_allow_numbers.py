"""An office's own numbers in ``allow_numbers`` are never reported, however
they are written; other numbers still are."""
import json

import pytest

from screener import Config, screen_text
from screener.cli import main
from screener.config import digits_key
import gen

MOBILE = gen.mobile("139", 4)
OTHER = gen.mobile("186", 5)
ID = gen.id_number()
DRAFT = f"户主李某某，联系电话：{MOBILE}，身份证号码：{ID}。\n监督电话：0877-7012345\n申请人王某某 {OTHER}\n"


@pytest.mark.parametrize("entry, gone", [
    (MOBILE, MOBILE),
    (gen.grouped(MOBILE, (3, 4, 4), "-"), MOBILE),
    (gen.to_fullwidth(MOBILE), MOBILE),
    ("(0877) 701-2345", "0877-7012345"),
    (ID, ID),
])
def test_library_allow_list(entry, gone):
    config = Config(allow_numbers=frozenset({digits_key(entry)}))
    texts = [f.text for f in screen_text(DRAFT, config=config).findings]
    assert gone not in texts
    assert OTHER in texts and len(texts) == 3


def run_json(capsys, *argv):
    with pytest.raises(SystemExit) as exc:
        main(list(argv))
    out, _ = capsys.readouterr()
    return exc.value.code, [f["code"] for f in json.loads(out)["files"][0]["findings"]]


def write_draft(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_cli_config_option(tmp_path, capsys):
    draft = write_draft(tmp_path)
    _, before = run_json(capsys, str(draft), "--format", "json")
    assert before == ["MB201", "ID101", "PH301", "MB201"]
    config = tmp_path / "office.toml"
    config.write_text(f'allow_numbers = ["{gen.grouped(MOBILE, (3, 4, 4))}", "0877-7012345"]\n',
                      encoding="utf-8")
    _, after = run_json(capsys, str(draft), "--format", "json", "--config", str(config))
    assert after == ["ID101", "MB201"]


def test_cli_screener_toml_in_the_current_folder(tmp_path, capsys, monkeypatch):
    draft = write_draft(tmp_path)
    (tmp_path / "screener.toml").write_text(f'allow_numbers = ["{OTHER}", "{ID}"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, after = run_json(capsys, "draft.txt", "--format", "json")
    assert after == ["MB201", "PH301"] and code == 1
    assert draft.read_text(encoding="utf-8") == DRAFT  # never modified
