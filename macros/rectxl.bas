Attribute VB_Name = "rectxl"
' rectxl - ribbon callbacks of the rectxl.xlam add-in.
'
' Every button of the ribbon tab (macros/customUI14.xml) calls RectxlButton,
' which maps the button id to a Python entry point in rectxl.excel and runs it
' through RunPython of the xlwings add-in (xlwings.xlam). The Python side works
' on the active workbook.
'
' Two more public procedures are meant for Application.Run:
'   RectxlSelfTest - Python, rectxl and xlwings versions and a dry run of the
'                    active workbook (nothing is written), in one message box:
'                    Application.Run "rectxl.xlam!RectxlSelfTest"
'   RectxlSaveCopy - called by Python on macOS to save a copy of a workbook
'                    (see rectxl/excel/book_io.py).
'
' This file is pure ASCII on purpose. VBA stores module source in the project
' code page, so Chinese text is written here as Unicode code points and turned
' into text at run time by U(), which uses ChrW(). The Chinese text of every
' message is checked by tests/test_addin_build.py.
Option Explicit

Private Const XLWINGS_ADDIN As String = "xlwings.xlam"

' Ribbon callback of all buttons (onAction="RectxlButton").
' The argument is declared As Object, not As IRibbonControl, so the project
' needs no reference to the Office type library; Excel passes an
' IRibbonControl, whose Id names the button.
Public Sub RectxlButton(control As Object)
    Select Case control.Id
        Case "btnValidate": RunRectxl "validate"
        Case "btnFlag": RunRectxl "flag"
        Case "btnClear": RunRectxl "clear"
        Case "btnSummary": RunRectxl "summarize"
        Case "btnNotice": RunRectxl "notice"
        Case "btnRemind": RunRectxl "remind", True, "rectxl.excel.remind"
        Case "btnNew": RunRectxl "new_ledger", False
        Case Else
            MsgBox MsgUnknownButton() & control.Id, vbExclamation, MsgTitle()
    End Select
End Sub

' Runs <moduleName>.<entryPoint>() (rectxl.excel by default) through xlwings. Never raises: a missing
' workbook, a missing xlwings add-in or a failing call end in a message box.
Private Sub RunRectxl(ByVal entryPoint As String, Optional ByVal needsBook As Boolean = True, _
                      Optional ByVal moduleName As String = "rectxl.excel")
    If ActiveWorkbook Is Nothing Then
        If needsBook Then
            MsgBox MsgNoBook(), vbExclamation, MsgTitle()
            Exit Sub
        End If
        ' RunPython needs an active workbook, even to create a new ledger.
        Workbooks.Add
    End If
    If Not XlwingsLoaded() Then
        MsgBox MsgNoXlwings(), vbCritical, MsgTitle()
        Exit Sub
    End If
    On Error GoTo Failed
    Application.Run XLWINGS_ADDIN & "!RunPython", _
        "import " & moduleName & " as rx; rx." & entryPoint & "()"
    Exit Sub
Failed:
    MsgBox MsgRunFailed() & Err.Description & vbCrLf & vbCrLf & MsgCheckInterpreter(), _
        vbCritical, MsgTitle()
End Sub

' Self-test of the installation, for Application.Run "rectxl.xlam!RectxlSelfTest"
' (or Alt+F8, type rectxl.xlam!RectxlSelfTest, Run). Python answers with its
' version, the rectxl and xlwings versions and a dry run of the active
' workbook; a failing call ends in the same message box as the buttons.
Public Sub RectxlSelfTest()
    RunRectxl "self_test", False
End Sub

' Saves a copy of the open workbook bookName as it is now (unsaved changes
' included) into Excel's temporary folder, as fileName plus the extension of
' the workbook's format, and returns the copy's full path; "" for a format
' rectxl cannot read. SaveCopyAs changes neither the workbook's path nor its
' saved state. Python calls it on macOS, where Excel is sandboxed and may
' only write inside its own folders.
Public Function RectxlSaveCopy(ByVal bookName As String, ByVal fileName As String) As String
    Dim wb As Object
    Dim ext As String
    Dim folder As String
    Set wb = Application.Workbooks(bookName)
    Select Case wb.FileFormat
        Case 51, 54, 61: ext = ".xlsx"
        Case 52, 53: ext = ".xlsm"
        Case 50: ext = ".xlsb"
        Case 56, -4143, 17, 43: ext = ".xls"
        Case 60: ext = ".ods"
        Case Else
            ' a format rectxl cannot read (CSV, a web page, ...): its number, for the message
            RectxlSaveCopy = "format:" & CStr(wb.FileFormat)
            Exit Function
    End Select
    #If Mac Then
        folder = Environ("TMPDIR")
        If folder = "" Then folder = Environ("HOME")
    #Else
        folder = Environ("TEMP")
    #End If
    If Right$(folder, 1) <> Application.PathSeparator Then folder = folder & Application.PathSeparator
    wb.SaveCopyAs folder & fileName & ext
    RectxlSaveCopy = folder & fileName & ext
End Function

' True if the xlwings add-in is open (add-ins are reachable by name in
' Workbooks even though they are not listed there).
Private Function XlwingsLoaded() As Boolean
    Dim wb As Object
    On Error Resume Next
    Set wb = Application.Workbooks(XLWINGS_ADDIN)
    On Error GoTo 0
    XlwingsLoaded = Not wb Is Nothing
End Function

' Decodes space-separated hexadecimal Unicode code points, e.g. U("6574 6539").
Private Function U(ByVal codePoints As String) As String
    Dim parts() As String
    Dim i As Long
    parts = Split(codePoints, " ")
    For i = LBound(parts) To UBound(parts)
        U = U & ChrW(CLng("&H" & parts(i)))
    Next i
End Function

' Title of every message box: the ledger (tab name).
Private Function MsgTitle() As String
    MsgTitle = U("6574 6539 53F0 8D26")
End Function

' Asks the user to open the ledger workbook first.
Private Function MsgNoBook() As String
    MsgNoBook = U("8BF7 5148 6253 5F00 8981 5904 7406 7684 6574 6539 53F0 8D26 5DE5 4F5C 7C3F FF0C 518D 70B9 51FB 6B64 6309 94AE 3002")
End Function

' Says the xlwings add-in is missing and how to install it.
Private Function MsgNoXlwings() As String
    MsgNoXlwings = U("672A 627E 5230") & " xlwings " & U("52A0 8F7D 9879 FF08") & "xlwings.xlam" & U("FF09 FF0C 65E0 6CD5 8C03 7528") & " Python" & U("3002") & vbCrLf & vbCrLf _
        & U("8BF7 5728 547D 4EE4 884C 8FD0 884C FF1A") & vbCrLf _
        & "    pip install xlwings" & vbCrLf _
        & "    xlwings addin install" & vbCrLf _
        & U("7136 540E 91CD 65B0 542F 52A8") & " Excel" & U("3002")
End Function

' Says the Python call failed (the error text follows).
Private Function MsgRunFailed() As String
    MsgRunFailed = U("8C03 7528") & " Python " & U("5931 8D25 FF1A")
End Function

' Asks the user to run the installation check, which names what to fix.
Private Function MsgCheckInterpreter() As String
    MsgCheckInterpreter = U("8BF7 5728 547D 4EE4 884C 8FD0 884C") & " rectxl addin doctor " & U("68C0 67E5 5B89 88C5 FF0C 5E76 6309 63D0 793A 4FEE 590D 3002")
End Function

' Says the button is unknown (its id follows).
Private Function MsgUnknownButton() As String
    MsgUnknownButton = U("672A 77E5 7684 6309 94AE FF1A")
End Function
