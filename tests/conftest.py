import os

# xlwings reads the licence key when it is first imported; its remote-interpreter Book (used to
# test the Excel entry points without Excel) needs it.
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
