import os

# xlwings reads the licence key when it is first imported; its remote-interpreter Book (used to
# test the Excel entry points without Excel) needs it.
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

# the command line keeps compiled patterns between runs (rectxl.io.pattern_store); the tests' runs
# keep them in a folder of their own, never in the home folder of whoever runs the tests
if "RECTXL_CACHE_DIR" not in os.environ:
    import tempfile

    os.environ["RECTXL_CACHE_DIR"] = tempfile.mkdtemp(prefix="rectxl-test-cache-")
