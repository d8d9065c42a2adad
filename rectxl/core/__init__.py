"""The pure core of rectxl: the ledger model, Chinese-text handling, rules, validation, the
summary and diff, output sheets as data, and the notice's text (render and parse).

Nothing under ``rectxl.core`` opens a file, touches Excel or imports a file, document or Excel
library: readers and writers live in :mod:`rectxl.io`, front ends in :mod:`rectxl.cli`,
:mod:`rectxl.excel` and :mod:`rectxl.addin`. ``tests/test_layers.py`` keeps it so.
"""
