"""Install ``rectxl.xlam`` into Excel's startup folder, and remove it again.

Excel opens every workbook and add-in found in its user startup folder when it starts
(``Application.StartupPath``), which is also how ``xlwings addin install`` installs
``xlwings.xlam``:

* Windows: ``%APPDATA%\\Microsoft\\Excel\\XLSTART`` (a default trusted location, so the
  add-in's macros run without a prompt);
* macOS (Excel 2016 and later, sandboxed): ``~/Library/Group Containers/UBF8T346G9.Office/
  User Content.localized/Startup.localized/Excel``.

The buttons call Python through xlwings, which needs one setting: the Python interpreter
where rectxl is installed — ``INTERPRETER_WIN`` / ``INTERPRETER_MAC`` in the xlwings
configuration file (``~/.xlwings/xlwings.conf`` on Windows,
``~/Library/Containers/com.microsoft.Excel/Data/xlwings.conf`` on macOS).
:func:`configure_interpreter` writes it (``rectxl addin install`` does), keeping the user's other
xlwings settings — unlike ``xlwings config create --force``, which rewrites the whole file (and in
a conda environment writes the conda settings instead of the interpreter).
:func:`post_install_message` says what is left to do.
"""

from __future__ import annotations

import os
import sys
import zipfile
from importlib import resources
from pathlib import Path

from rectxl.addin.build import ADDIN_NAME, default_output, write_atomic

__all__ = [
    "AddinError",
    "configure_interpreter",
    "default_addin_dir",
    "find_addin",
    "install_addin",
    "interpreter_setting",
    "post_install_message",
    "uninstall_addin",
]

_MAC_STARTUP = (
    "Library/Group Containers/UBF8T346G9.Office/User Content.localized/Startup.localized/Excel"
)


class AddinError(RuntimeError):
    """The add-in cannot be installed or removed (message in Chinese, for the user)."""


def default_addin_dir() -> Path:
    """Excel's user startup folder on this platform."""
    if sys.platform.startswith("win"):
        appdata = os.environ.get("APPDATA")
        if not appdata:
            raise AddinError("找不到环境变量 APPDATA，无法确定 Excel 启动文件夹（XLSTART）。")
        return Path(appdata) / "Microsoft" / "Excel" / "XLSTART"
    if sys.platform == "darwin":
        return Path.home() / _MAC_STARTUP
    raise AddinError("只有 Windows 和 macOS 上的 Excel 支持加载项；请用 --dir 指定目标文件夹。")


def interpreter_setting() -> str:
    """Name of the xlwings setting for the Python interpreter on this platform."""
    return "INTERPRETER_MAC" if sys.platform == "darwin" else "INTERPRETER_WIN"


def find_addin() -> Path:
    """The built add-in shipped with this installation of rectxl.

    Looks in the package data (``rectxl/data/rectxl.xlam``), then in the source checkout
    (``workbooks/rectxl.xlam``).
    """
    bundled = resources.files("rectxl") / "data" / ADDIN_NAME
    if bundled.is_file():
        return Path(str(bundled))
    checkout = default_output()
    if checkout.is_file():
        return checkout
    raise AddinError(f"找不到加载项文件 {ADDIN_NAME}；请先运行 rectxl addin build 生成。")


def _check_addin(path: Path) -> None:
    if not path.is_file():
        raise AddinError(f"加载项文件不存在：{path}")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile as exc:
        raise AddinError(f"不是有效的 Excel 加载项（.xlam）文件：{path}") from exc
    if not {"xl/workbook.xml", "xl/vbaProject.bin"} <= names:
        raise AddinError(f"不是有效的 Excel 加载项（.xlam）文件：{path}")


def install_addin(addin_path: Path, target_dir: Path | None = None) -> Path:
    """Copy *addin_path* into *target_dir* (default: Excel's startup folder) as ``rectxl.xlam``.

    The copy is atomic (temporary file + rename), so Excel never sees a partial file; an
    existing ``rectxl.xlam`` is replaced. Returns the installed path. Excel must be
    restarted to load it.
    """
    addin_path = Path(addin_path)
    _check_addin(addin_path)
    target = Path(target_dir) if target_dir is not None else default_addin_dir()
    installed = target / ADDIN_NAME
    try:
        write_atomic(installed, addin_path.read_bytes())
    except PermissionError as exc:
        raise AddinError(
            f"无法写入 {installed}：文件可能正被 Excel 使用，请先退出 Excel。"
        ) from exc
    return installed


def uninstall_addin(target_dir: Path | None = None) -> bool:
    """Remove ``rectxl.xlam`` from *target_dir* (default: the startup folder).

    Returns True if a file was removed, False if none was installed.
    """
    target = Path(target_dir) if target_dir is not None else default_addin_dir()
    installed = target / ADDIN_NAME
    try:
        installed.unlink()
    except FileNotFoundError:
        return False
    except PermissionError as exc:
        raise AddinError(
            f"无法删除 {installed}：文件可能正被 Excel 使用，请先退出 Excel。"
        ) from exc
    return True


def configure_interpreter(python: Path | str | None = None, config: Path | None = None) -> tuple[Path, dict[str, str]]:
    """Point xlwings at ``python`` (default: this Python) — ``INTERPRETER_WIN``/``INTERPRETER_MAC``
    in the user's xlwings.conf, plus ``CONDA PATH``/``CONDA ENV`` inside a conda environment on
    Windows — changing no other setting. Returns (file, the values written)."""
    from rectxl.addin.xlwings_conf import conda_settings, set_values

    interpreter = Path(python) if python is not None else Path(sys.executable)
    if not interpreter.is_file():
        raise AddinError(f"找不到 Python 解释器：{interpreter}")
    values = {interpreter_setting(): str(interpreter)}
    if python is None:
        values.update(conda_settings())
    try:
        written = set_values(values, config)
    except PermissionError as exc:
        raise AddinError(f"无法写入 xlwings 配置文件：{exc.filename}（没有权限）") from exc
    return written, values


def post_install_message(installed: Path, config: Path | None = None, values: dict[str, str] | None = None) -> str:
    """What was done and what is left (Chinese)."""
    lines = [f"已安装 Excel 加载项：{installed}"]
    if config is not None:
        written = "，".join(f"{key} = {value}" for key, value in (values or {}).items())
        lines.append(f"已写入 xlwings 配置（其他设置保持不变）：{config}：{written}")
    lines += [
        "",
        "还需要（只需一次）：",
        "1. 安装 xlwings 加载项（按钮通过它调用 Python），与本环境的 xlwings 同一版本：",
        "       xlwings addin install",
        "2. 退出并重新启动 Excel，功能区会出现“整改台账”选项卡。",
        "",
        "检查安装是否完整：rectxl addin doctor（每一项都会给出修复方法）。",
    ]
    return "\n".join(lines)
