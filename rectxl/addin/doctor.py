"""``rectxl addin doctor``: is everything the ribbon buttons need in place? One Chinese line per check,
with exactly what to run to fix it.

The buttons need four things (docs/excel.md):

1. the **xlwings add-in** (``xlwings.xlam``, which defines ``RunPython``) in Excel's start-up folder,
   the very file the installed xlwings ships — the add-in and the package must be the same version
   (on macOS also xlwings' AppleScript, ``xlwings-<version>.applescript``);
2. the **interpreter** xlwings is configured to run (``INTERPRETER_WIN``/``INTERPRETER_MAC`` in
   xlwings.conf) exists and can ``import rectxl``, with the same xlwings;
3. **rectxl's add-in** (``rectxl.xlam``) in the start-up folder, the one this rectxl ships;
4. **macro settings** that let a start-up add-in run (Windows: the Trust Center's registry values;
   elsewhere they cannot be read: "无法检查", which does not fail the run).

The exit code is 0 when no check failed, 1 otherwise.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from rectxl.addin.build import ADDIN_NAME
from rectxl.addin.install import AddinError, default_addin_dir, find_addin, interpreter_setting
from rectxl.addin.xlwings_conf import config_file, read_config

__all__ = ["Check", "Registry", "doctor", "render", "run_checks"]

Status = Literal["通过", "未通过", "无法检查"]
XLWINGS_ADDIN = "xlwings.xlam"
_MAC_SCRIPTS = "Library/Application Scripts/com.microsoft.Excel"
_OFFICE_VERSIONS = ("16.0", "15.0", "14.0")  # 2016–365, 2013, 2010


@dataclass(frozen=True)
class Check:
    """One line of the report: what was checked, what was found, and how to fix it."""

    name: str
    status: Status
    detail: str
    fix: str = ""

    @property
    def failed(self) -> bool:
        return self.status == "未通过"


def _python_cmd(python: str = sys.executable) -> str:
    """How to run ``python`` in a shell, quoted for this system."""
    if sys.platform.startswith("win"):
        return f'"{python}"' if " " in python else python
    return shlex.quote(python)


def _xlwings_version() -> str:
    import xlwings

    return str(xlwings.__version__)


def _shipped_xlwings_addin() -> Path:
    import xlwings

    return Path(xlwings.__file__).parent / "addin" / XLWINGS_ADDIN


def _startup_dir() -> tuple[Path | None, str]:
    try:
        return default_addin_dir(), ""
    except AddinError as exc:  # not Windows or macOS, or no %APPDATA%
        return None, str(exc).split("；")[0].rstrip("。")


def check_xlwings_addin() -> Check:
    version = _xlwings_version()
    install = f"{_python_cmd()} -m xlwings.cli addin install"
    fix = f"运行 {install}（即在本环境中运行 xlwings addin install），然后重新启动 Excel"
    folder, why = _startup_dir()
    if folder is None:
        return Check("xlwings 加载项", "未通过", f"未找到 Excel 启动文件夹（{why}）",
                     f"在装有 Excel 的 Windows 或 macOS 电脑上{fix}")
    installed = folder / XLWINGS_ADDIN
    if not installed.is_file():
        return Check("xlwings 加载项", "未通过", f"未找到 {installed}", fix)
    shipped = _shipped_xlwings_addin()
    if shipped.is_file() and installed.read_bytes() != shipped.read_bytes():
        return Check("xlwings 加载项", "未通过",
                     f"{installed} 与已安装的 xlwings {version} 自带的加载项不一致（版本不同，按钮会失败）", fix)
    if sys.platform == "darwin":
        script = Path.home() / _MAC_SCRIPTS / f"xlwings-{version}.applescript"
        if not script.is_file():
            return Check("xlwings 加载项", "未通过", f"未找到 xlwings 的 AppleScript {script}",
                         f"运行 {_python_cmd()} -m xlwings.cli runpython install，然后重新启动 Excel")
    return Check("xlwings 加载项", "通过", f"已安装，与 xlwings {version} 一致（{installed}）")


def _resolve_interpreter(value: str) -> Path | None:
    if value in ("python", "pythonw", "python3"):
        found = shutil.which(value)
        return Path(found) if found else None
    path = Path(value)
    return path if path.is_file() else None


_PROBE = ("import sys, xlwings; from rectxl.core.version import __version__ as v; "
          "print(sys.version.split()[0], v, xlwings.__version__)")


def _probe(python: Path) -> tuple[bool, str]:
    try:
        proc = subprocess.run([str(python), "-c", _PROBE], capture_output=True, text=True, timeout=120,
                              encoding="utf-8", errors="replace")
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, str(exc)
    if proc.returncode != 0:
        lines = [line for line in proc.stderr.strip().splitlines() if line.strip()]
        return False, lines[-1] if lines else f"退出码 {proc.returncode}"
    return True, proc.stdout.strip()


def check_interpreter() -> Check:
    setting = interpreter_setting()
    conf = config_file()
    fix = f"运行 rectxl addin install（把当前 Python {sys.executable} 写入 {conf} 的 {setting}）"
    value = read_config(conf).get(setting)
    if not value:
        where = f"{conf} 中没有 {setting}" if conf.is_file() else f"没有 xlwings 配置文件 {conf}"
        return Check("Python 解释器", "未通过",
                     f"未找到 xlwings 的解释器设置（{where}，按钮会用 PATH 中的 python）", fix)
    python = _resolve_interpreter(value)
    if python is None:
        return Check("Python 解释器", "未通过", f"未找到 {setting} 指向的解释器 {value}", fix)
    ok, out = _probe(python)
    if not ok:
        return Check("Python 解释器", "未通过", f"解释器 {python} 无法 import rectxl（{out}）",
                     f"运行 {_python_cmd(str(python))} -m pip install rectxl，或{fix}")
    parts = out.split()
    if len(parts) == 3 and parts[2] != _xlwings_version():
        return Check("Python 解释器", "未通过",
                     f"解释器 {python} 中的 xlwings 是 {parts[2]}，与本环境的 xlwings {_xlwings_version()} 不同",
                     fix)
    shown = f"Python {parts[0]}，rectxl {parts[1]}，xlwings {parts[2]}" if len(parts) == 3 else out
    return Check("Python 解释器", "通过", f"{setting} = {python}（{shown}）")


def check_rectxl_addin() -> Check:
    fix = "运行 rectxl addin install，然后重新启动 Excel"
    folder, why = _startup_dir()
    if folder is None:
        return Check("rectxl 加载项", "未通过", f"未找到 Excel 启动文件夹（{why}）",
                     f"在装有 Excel 的 Windows 或 macOS 电脑上{fix}")
    installed = folder / ADDIN_NAME
    if not installed.is_file():
        return Check("rectxl 加载项", "未通过", f"未找到 {installed}", fix)
    try:
        shipped = find_addin()
    except AddinError:
        return Check("rectxl 加载项", "通过", f"已安装（{installed}；无法与本机 rectxl 自带的加载项比较）")
    if installed.read_bytes() != shipped.read_bytes():
        return Check("rectxl 加载项", "未通过", f"{installed} 与当前 rectxl 自带的加载项不一致（旧版本）", fix)
    return Check("rectxl 加载项", "通过", f"已安装，与当前 rectxl 一致（{installed}）")


class Registry:
    """Reads ``HKEY_CURRENT_USER`` (Windows only); tests pass a fake with the same two methods."""

    def has_key(self, path: str) -> bool:
        import winreg  # type: ignore[import-not-found, unused-ignore]

        try:
            winreg.CloseKey(winreg.OpenKey(winreg.HKEY_CURRENT_USER, path))  # type: ignore[attr-defined, unused-ignore]
        except OSError:
            return False
        return True

    def value(self, path: str, name: str) -> Any:
        import winreg  # type: ignore[import-not-found, unused-ignore]

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, path) as key:  # type: ignore[attr-defined, unused-ignore]
                return winreg.QueryValueEx(key, name)[0]  # type: ignore[attr-defined, unused-ignore]
        except OSError:
            return None


def check_macro_settings(registry: Registry | None = None) -> Check:
    if not sys.platform.startswith("win") and registry is None:
        return Check("宏设置", "无法检查",
                     "无法检查（只有 Windows 上可以读取 Excel 的宏设置）",
                     "如按钮没有反应：Excel → 偏好设置 → 安全性，确认宏未被全部禁用；首次加载时选择“启用宏”")
    registry = registry or Registry()
    version = next((v for v in _OFFICE_VERSIONS if registry.has_key(rf"Software\Microsoft\Office\{v}\Excel")), None)
    if version is None:
        return Check("宏设置", "未通过", "未找到 Excel 的注册表设置（这台电脑上可能没有安装桌面版 Excel）",
                     "安装桌面版 Excel（2010 及以后），启动一次后再运行 rectxl addin doctor")
    user = rf"Software\Microsoft\Office\{version}\Excel\Security"
    policy = rf"Software\Policies\Microsoft\Office\{version}\Excel\Security"

    def setting(sub: str, name: str) -> tuple[Any, bool]:
        """(value, set by policy): the group policy value wins over the user's."""
        for base, by_policy in ((policy, True), (user, False)):
            found = registry.value(base + sub, name)
            if found is not None:
                return found, by_policy
        return None, False

    def fix(sub: str, name: str, by_policy: bool, gui: str) -> str:
        if by_policy:
            return f"该设置由单位组策略规定（{policy}{sub}\\{name}）：请联系信息化管理员"
        return f"{gui}；或运行 reg add \"HKCU\\{user}{sub}\" /v {name} /t REG_DWORD /d 0 /f"

    trust = "Excel → 文件 → 选项 → 信任中心 → 信任中心设置"
    disabled, by_policy = setting("", "DisableAllAddins")
    if disabled == 1:
        return Check("宏设置", "未通过", f"Excel {version} 已“禁用所有应用程序加载项”",
                     fix("", "DisableAllAddins", by_policy, f"{trust} → 加载项：取消勾选“禁用所有应用程序加载项”"))
    signed, by_policy = setting("", "RequireAddinSig")
    if signed == 1:
        return Check("宏设置", "未通过", f"Excel {version} 要求加载项由受信任的发布者签名（rectxl.xlam 未签名）",
                     fix("", "RequireAddinSig", by_policy,
                         f"{trust} → 加载项：取消勾选“要求受信任的发布者签署应用程序加载项”"))
    warnings, _ = setting("", "VBAWarnings")
    no_locations, by_policy = setting(r"\Trusted Locations", "AllLocationsDisabled")
    if no_locations == 1 and warnings != 1:
        return Check("宏设置", "未通过", f"Excel {version} 禁用了所有受信任位置，启动文件夹中的加载项的宏不能运行",
                     fix(r"\Trusted Locations", "AllLocationsDisabled", by_policy,
                         f"{trust} → 受信任位置：取消勾选“禁用所有受信任位置”"))
    return Check("宏设置", "通过", f"Excel {version}：启动文件夹是受信任位置，加载项的宏可以运行")


def run_checks(registry: Registry | None = None) -> list[Check]:
    return [check_xlwings_addin(), check_interpreter(), check_rectxl_addin(), check_macro_settings(registry)]


def render(checks: Sequence[Check]) -> str:
    from rectxl.core.version import __version__

    lines = [f"rectxl 安装检查（Python {sys.version.split()[0]}：{sys.executable}；rectxl {__version__}；"
             f"xlwings {_xlwings_version()}）"]
    for check in checks:
        lines.append(f"[{check.status}] {check.name}：{check.detail}")
        if check.fix and check.status != "通过":
            lines.append(f"    {'修复' if check.failed else '提示'}：{check.fix}")
    failed = sum(check.failed for check in checks)
    if failed:
        lines.append(f"结论：{failed} 项未通过。按上面的“修复”逐项处理，重新启动 Excel 后再运行 rectxl addin doctor。")
    else:
        lines.append("结论：全部通过（“无法检查”的项目请按提示自行确认）。打开台账，点“整改台账”选项卡中的按钮即可。")
    return "\n".join(lines)


def doctor(print_: Callable[[str], Any] = print, registry: Registry | None = None) -> int:
    """Run the checks, print the report; 0 when nothing failed, else 1."""
    checks = run_checks(registry)
    print_(render(checks))
    return 1 if any(check.failed for check in checks) else 0
