"""Tests of installing / removing the add-in, of the interpreter setting ``rectxl addin install``
writes, and of ``rectxl addin doctor``; every install goes to a temporary folder, every home and
%APPDATA% is a temporary one."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
import xlwings

from rectxl.addin import (
    AddinError,
    build_addin,
    configure_interpreter,
    default_addin_dir,
    find_addin,
    install_addin,
    interpreter_setting,
    post_install_message,
    uninstall_addin,
)
from rectxl.addin import doctor as doc
from rectxl.addin.cli import main
from rectxl.addin.xlwings_conf import config_file, read_config, set_values

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
    conf = tmp_path / "xlwings.conf"
    text = post_install_message(tmp_path / "rectxl.xlam", conf, {interpreter_setting(): sys.executable})
    assert str(tmp_path / "rectxl.xlam") in text
    assert "xlwings addin install" in text
    assert "xlwings config create" not in text  # it would erase the user's other settings
    assert f"{interpreter_setting()} = {sys.executable}" in text and str(conf) in text
    assert "rectxl addin doctor" in text
    assert "整改台账" in text


def test_find_addin_uses_the_checkout_artefact() -> None:
    assert find_addin().name == "rectxl.xlam"


def test_cli(addin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "built.xlam"
    assert main(["build", "--out", str(out)]) == 0
    assert out.read_bytes() == addin.read_bytes()
    target = tmp_path / "startup"
    conf = tmp_path / "xlwings.conf"
    assert main(["install", "--file", str(out), "--dir", str(target), "--xlwings-conf", str(conf)]) == 0
    assert "rectxl addin doctor" in capsys.readouterr().out
    assert (target / "rectxl.xlam").is_file()
    assert read_config(conf) == {interpreter_setting(): sys.executable}
    assert main(["uninstall", "--dir", str(target)]) == 0
    assert main(["uninstall", "--dir", str(target)]) == 0
    assert "未安装" in capsys.readouterr().out
    assert main(["install", "--file", str(tmp_path / "nope.xlam"), "--dir", str(target)]) == 2
    assert "错误" in capsys.readouterr().err
    assert main(["install", "--file", str(out), "--dir", str(target), "--xlwings-conf", str(conf),
                 "--python", str(tmp_path / "nope" / "python")]) == 2
    assert "找不到 Python 解释器" in capsys.readouterr().err


# --------------------------------------------------------------------------------------------
# The interpreter setting: merged into the user's xlwings.conf, never over their other settings
# --------------------------------------------------------------------------------------------

USER_CONF = (b'"LICENSE_KEY","noncommercial"\r\n'
             b'"interpreter_win","C:\\old\\python.exe"\r\n'
             b'"SHOW CONSOLE","False"\r\n'
             b'"INTERPRETER_WIN","C:\\older\\python.exe"\r\n'
             b'"PYTHONPATH","D:\\\xe8\x84\x9a\xe6\x9c\xac"')


def test_interpreter_setting_keeps_every_other_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    conf = tmp_path / "xlwings.conf"
    conf.write_bytes(USER_CONF)
    written, values = configure_interpreter(sys.executable, conf)
    assert written == conf and values == {"INTERPRETER_WIN": sys.executable}
    lines = conf.read_bytes().split(b"\r\n")
    # the first INTERPRETER_WIN (the one VBA reads, keys compare case-insensitively) replaced in
    # place, the repeat dropped, every other line byte for byte, CRLF kept, a final newline added
    assert lines == [b'"LICENSE_KEY","noncommercial"', f'"INTERPRETER_WIN","{sys.executable}"'.encode(),
                     b'"SHOW CONSOLE","False"', b'"PYTHONPATH","D:\\\xe8\x84\x9a\xe6\x9c\xac"', b""]
    assert read_config(conf)["INTERPRETER_WIN"] == sys.executable
    assert sorted(p.name for p in tmp_path.iterdir()) == ["xlwings.conf"]  # written atomically, no temp left


def test_interpreter_setting_creates_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    written, _ = configure_interpreter()
    assert written == config_file() == tmp_path / "Library/Containers/com.microsoft.Excel/Data/xlwings.conf"
    assert written.read_text() == f'"INTERPRETER_MAC","{sys.executable}"\n'
    set_values({"INTERPRETER_MAC": "/x/python"})  # again: replaced, not appended
    assert written.read_text() == '"INTERPRETER_MAC","/x/python"\n'
    with pytest.raises(ValueError, match="引号"):
        set_values({"INTERPRETER_MAC": 'a"b'})


def test_inside_a_conda_environment_on_windows_the_environment_is_activated_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("CONDA_DEFAULT_ENV", "rectxl")
    monkeypatch.setenv("CONDA_EXE", str(tmp_path / "miniconda3" / "Scripts" / "conda.exe"))
    monkeypatch.setenv("CONDA_PREFIX", sys.prefix)
    _, values = configure_interpreter(config=tmp_path / "xlwings.conf")
    assert values == {"INTERPRETER_WIN": sys.executable, "CONDA PATH": str(tmp_path / "miniconda3"),
                      "CONDA ENV": "rectxl"}
    monkeypatch.setenv("CONDA_PREFIX", str(tmp_path / "other"))  # another environment is active
    assert configure_interpreter(config=tmp_path / "b.conf")[1] == {"INTERPRETER_WIN": sys.executable}


# --------------------------------------------------------------------------------------------
# rectxl addin doctor
# --------------------------------------------------------------------------------------------

class FakeRegistry(doc.Registry):
    """HKEY_CURRENT_USER as a dict: key path → {value name: value}."""

    def __init__(self, keys: dict[str, dict[str, Any]]) -> None:
        self.keys = keys

    def has_key(self, path: str) -> bool:
        return path in self.keys

    def value(self, path: str, name: str) -> Any:
        return self.keys.get(path, {}).get(name)


EXCEL16 = r"Software\Microsoft\Office\16.0\Excel"


def _report(capsys: pytest.CaptureFixture[str], registry: doc.Registry | None = None) -> tuple[int, list[str]]:
    code = doc.doctor(registry=registry)
    return code, capsys.readouterr().out.splitlines()


def test_doctor_on_a_machine_without_excel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    assert main(["doctor"]) == 1
    lines = capsys.readouterr().out.splitlines()
    checks = [line for line in lines if line.startswith("[")]
    assert [c.split("]")[0] + "]" for c in checks] == ["[未通过]", "[未通过]", "[未通过]", "[无法检查]"]
    names = [c.split("] ")[1].split("：")[0] for c in checks]
    assert names == ["xlwings 加载项", "Python 解释器", "rectxl 加载项", "宏设置"]
    for check in checks[:3]:
        assert "未找到" in check
        fix = lines[lines.index(check) + 1]
        assert fix.startswith("    修复：") and ("addin install" in fix)
    assert "无法检查" in checks[3]
    assert lines[-1].startswith("结论：3 项未通过")


@pytest.fixture
def windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, addin: Path) -> Path:
    """A Windows user with everything in place: both add-ins in XLSTART, the interpreter set."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "AppData" / "Roaming"))
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path / "home"))
    monkeypatch.setattr(doc, "find_addin", lambda: addin)
    startup = default_addin_dir()
    startup.mkdir(parents=True)
    shutil.copy(doc._shipped_xlwings_addin(), startup / "xlwings.xlam")
    install_addin(addin, startup)
    configure_interpreter()
    return startup


def test_doctor_all_present_on_windows(windows: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = _report(capsys, FakeRegistry({EXCEL16: {}}))
    assert code == 0, lines
    assert [line.split("]")[0] for line in lines if line.startswith("[")] == ["[通过"] * 4
    assert f"与 xlwings {xlwings.__version__} 一致" in lines[1]
    assert f"INTERPRETER_WIN = {sys.executable}" in lines[2] and f"xlwings {xlwings.__version__}" in lines[2]
    assert "与当前 rectxl 一致" in lines[3] and "Excel 16.0" in lines[4]
    assert lines[-1].startswith("结论：全部通过")


def test_doctor_finds_a_stale_xlwings_addin(windows: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (windows / "xlwings.xlam").write_bytes(b"PK an older xlwings.xlam")
    code, lines = _report(capsys, FakeRegistry({EXCEL16: {}}))
    assert code == 1
    line = next(line for line in lines if "xlwings 加载项" in line)
    assert line.startswith("[未通过]") and "不一致" in line
    assert "xlwings.cli addin install" in lines[lines.index(line) + 1]


def test_doctor_finds_an_old_rectxl_addin(windows: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (windows / "rectxl.xlam").write_bytes(b"PK old")
    code, lines = _report(capsys, FakeRegistry({EXCEL16: {}}))
    line = next(line for line in lines if "rectxl 加载项" in line)
    assert code == 1 and line.startswith("[未通过]") and "旧版本" in line
    assert "rectxl addin install" in lines[lines.index(line) + 1]


def test_doctor_checks_the_interpreter_can_import_rectxl(windows: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    set_values({"INTERPRETER_WIN": str(tmp_path / "missing" / "python.exe")})
    code, lines = _report(capsys, FakeRegistry({EXCEL16: {}}))
    line = next(line for line in lines if "Python 解释器" in line)
    assert code == 1 and "未找到" in line and "missing" in line
    broken = tmp_path / "bin" / "python"
    broken.parent.mkdir()
    broken.write_text("#!/bin/sh\necho \"ModuleNotFoundError: No module named 'rectxl'\" >&2\nexit 1\n")
    broken.chmod(0o755)
    set_values({"INTERPRETER_WIN": str(broken)})
    code, lines = _report(capsys, FakeRegistry({EXCEL16: {}}))
    line = next(line for line in lines if "Python 解释器" in line)
    assert code == 1 and "无法 import rectxl" in line and "No module named 'rectxl'" in line
    assert "-m pip install rectxl" in lines[lines.index(line) + 1]


@pytest.mark.parametrize(("keys", "said", "fix"), [
    ({EXCEL16 + r"\Security": {"RequireAddinSig": 1}}, "签名", "reg add"),
    ({r"Software\Policies\Microsoft\Office\16.0\Excel\Security": {"DisableAllAddins": 1}},
     "禁用所有应用程序加载项", "组策略"),
    ({EXCEL16 + r"\Security\Trusted Locations": {"AllLocationsDisabled": 1}}, "受信任位置",
     r'reg add "HKCU\Software\Microsoft\Office\16.0\Excel\Security\Trusted Locations" /v AllLocationsDisabled'),
    ({}, "未找到 Excel 的注册表设置", "安装桌面版 Excel"),
])
def test_doctor_reads_the_macro_settings(windows: Path, capsys: pytest.CaptureFixture[str],
                                         keys: dict[str, dict[str, Any]], said: str, fix: str) -> None:
    code, lines = _report(capsys, FakeRegistry({EXCEL16: {}, **keys} if keys else {}))
    line = next(line for line in lines if "宏设置" in line)
    assert code == 1 and line.startswith("[未通过]") and said in line
    assert fix in lines[lines.index(line) + 1]


def test_trusted_locations_off_but_all_macros_enabled_passes(windows: Path, capsys: pytest.CaptureFixture[str]) -> None:
    registry = FakeRegistry({EXCEL16: {}, EXCEL16 + r"\Security": {"VBAWarnings": 1},
                             EXCEL16 + r"\Security\Trusted Locations": {"AllLocationsDisabled": 1}})
    assert _report(capsys, registry)[0] == 0


def test_doctor_on_macos(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, addin: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    monkeypatch.setattr(doc, "find_addin", lambda: addin)
    startup = default_addin_dir()
    startup.mkdir(parents=True)
    shutil.copy(doc._shipped_xlwings_addin(), startup / "xlwings.xlam")
    install_addin(addin, startup)
    configure_interpreter()
    code, lines = _report(capsys)
    assert code == 1 and "AppleScript" in lines[1] and "runpython install" in lines[2]
    script = tmp_path / "Library/Application Scripts/com.microsoft.Excel" / f"xlwings-{xlwings.__version__}.applescript"
    script.parent.mkdir(parents=True)
    script.write_text("on VbaHandler(p)\nend VbaHandler\n")
    code, lines = _report(capsys)
    assert code == 0, lines
    assert "[无法检查] 宏设置" in "\n".join(lines) and "INTERPRETER_MAC" in "\n".join(lines)
