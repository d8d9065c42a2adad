"""Tests of installing / removing the add-in; every install goes to a temporary folder."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import xlwings

from rectxl.addin import (
    AddinError,
    build_addin,
    default_addin_dir,
    find_addin,
    install_addin,
    interpreter_setting,
    post_install_message,
    uninstall_addin,
)
from rectxl.addin.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def addin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_addin(ROOT / "macros", tmp_path_factory.mktemp("build") / "rectxl.xlam")


def test_install_copies_and_replaces(addin: Path, tmp_path: Path) -> None:
    target = tmp_path / "XLSTART"  # created if missing
    installed = install_addin(addin, target)
    assert installed == target / "rectxl.xlam"
    assert installed.read_bytes() == addin.read_bytes()
    installed.write_bytes(b"old")
    assert install_addin(addin, target).read_bytes() == addin.read_bytes()
    assert sorted(p.name for p in target.iterdir()) == ["rectxl.xlam"]  # no temp file left


def test_uninstall(addin: Path, tmp_path: Path) -> None:
    install_addin(addin, tmp_path)
    assert uninstall_addin(tmp_path) is True
    assert not (tmp_path / "rectxl.xlam").exists()
    assert uninstall_addin(tmp_path) is False


def test_install_rejects_what_is_not_an_addin(tmp_path: Path) -> None:
    with pytest.raises(AddinError, match="不存在"):
        install_addin(tmp_path / "missing.xlam", tmp_path / "out")
    bogus = tmp_path / "bogus.xlam"
    bogus.write_bytes(b"not a zip")
    with pytest.raises(AddinError, match="不是有效"):
        install_addin(bogus, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_default_dir_windows(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path))
    assert default_addin_dir() == tmp_path / "Microsoft" / "Excel" / "XLSTART"
    assert interpreter_setting() == "INTERPRETER_WIN"
    monkeypatch.delenv("APPDATA")
    with pytest.raises(AddinError, match="APPDATA"):
        default_addin_dir()


def test_default_dir_macos(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setenv("HOME", str(tmp_path))
    expected = (
        tmp_path
        / "Library"
        / "Group Containers"
        / "UBF8T346G9.Office"
        / "User Content.localized"
        / "Startup.localized"
        / "Excel"
    )
    assert default_addin_dir() == expected
    assert interpreter_setting() == "INTERPRETER_MAC"


def test_default_dir_elsewhere_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    with pytest.raises(AddinError):
        default_addin_dir()


def test_interpreter_setting_names_match_installed_xlwings() -> None:
    """The message names the settings xlwings' RunPython really reads."""
    main_bas = (Path(xlwings.__file__).parent / "addin" / "Main.bas").read_text(encoding="utf-8")
    read = set(re.findall(r'GetConfig\("(INTERPRETER_\w+)"', main_bas))
    assert {"INTERPRETER_WIN", "INTERPRETER_MAC"} <= read


def test_post_install_message(tmp_path: Path) -> None:
    text = post_install_message(tmp_path / "rectxl.xlam")
    assert str(tmp_path / "rectxl.xlam") in text
    assert "xlwings addin install" in text
    assert "xlwings config create --force" in text
    assert interpreter_setting() in text
    assert "整改台账" in text


def test_find_addin_uses_the_checkout_artefact() -> None:
    assert find_addin().name == "rectxl.xlam"


def test_cli(addin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "built.xlam"
    assert main(["build", "--out", str(out)]) == 0
    assert out.read_bytes() == addin.read_bytes()
    target = tmp_path / "startup"
    assert main(["install", "--file", str(out), "--dir", str(target)]) == 0
    assert "xlwings config create --force" in capsys.readouterr().out
    assert (target / "rectxl.xlam").is_file()
    assert main(["uninstall", "--dir", str(target)]) == 0
    assert main(["uninstall", "--dir", str(target)]) == 0
    assert "未安装" in capsys.readouterr().out
    assert main(["install", "--file", str(tmp_path / "nope.xlam"), "--dir", str(target)]) == 2
    assert "错误" in capsys.readouterr().err
