"""The Excel add-in ``rectxl.xlam``: build it from ``macros/`` and install it.

* :func:`build_addin` — write ``rectxl.xlam`` (ribbon ``macros/customUI14.xml`` + VBA
  ``macros/*.bas``) reproducibly; the VBA project is written without Excel
  (:mod:`rectxl.addin.ovba`, :mod:`rectxl.addin.cfb`).
* :func:`install_addin` / :func:`uninstall_addin` / :func:`default_addin_dir` — copy it
  into (or remove it from) Excel's startup folder.
* :func:`configure_interpreter` — point xlwings at this Python (merged into the user's
  xlwings.conf); :func:`post_install_message` — what is left to do, in Chinese.
* :mod:`rectxl.addin.doctor` — ``rectxl addin doctor``: checks every piece the buttons need.
"""

from rectxl.addin.build import build_addin, build_addin_bytes
from rectxl.addin.install import (
    AddinError,
    configure_interpreter,
    default_addin_dir,
    find_addin,
    install_addin,
    interpreter_setting,
    post_install_message,
    uninstall_addin,
)

__all__ = [
    "AddinError",
    "build_addin",
    "build_addin_bytes",
    "configure_interpreter",
    "default_addin_dir",
    "find_addin",
    "install_addin",
    "interpreter_setting",
    "post_install_message",
    "uninstall_addin",
]
