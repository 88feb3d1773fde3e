;; "Open with Parley" on Windows, for the same extensions as fileAssociations in
;; electron-builder.yml (tests/electron/builder-config.test.ts checks the two lists
;; agree). Parley is added to each type's OpenWithProgids and its application
;; key lists the types it supports: it appears in "Open with" and never becomes
;; a type's default, which electron-builder's own NSIS associations would make it.
;; SHCTX is HKCU for a per-user install and HKLM for a per-machine one.

!define PARLEY_PROGID "Parley.File"

!macro parleyOpenWith EXT
  WriteRegStr SHCTX "Software\Classes\.${EXT}\OpenWithProgids" "${PARLEY_PROGID}" ""
  WriteRegStr SHCTX "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\SupportedTypes" ".${EXT}" ""
!macroend

!macro parleyOpenWithRemove EXT
  DeleteRegValue SHCTX "Software\Classes\.${EXT}\OpenWithProgids" "${PARLEY_PROGID}"
!macroend

!macro customInstall
  WriteRegStr SHCTX "Software\Classes\${PARLEY_PROGID}" "" "File explained by Parley"
  WriteRegStr SHCTX "Software\Classes\${PARLEY_PROGID}\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHCTX "Software\Classes\${PARLEY_PROGID}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  WriteRegStr SHCTX "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}" "FriendlyAppName" "Parley"
  WriteRegStr SHCTX "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  !insertmacro parleyOpenWith "txt"
  !insertmacro parleyOpenWith "md"
  !insertmacro parleyOpenWith "markdown"
  !insertmacro parleyOpenWith "rst"
  !insertmacro parleyOpenWith "log"
  !insertmacro parleyOpenWith "tex"
  !insertmacro parleyOpenWith "csv"
  !insertmacro parleyOpenWith "tsv"
  !insertmacro parleyOpenWith "json"
  !insertmacro parleyOpenWith "jsonl"
  !insertmacro parleyOpenWith "ndjson"
  !insertmacro parleyOpenWith "yaml"
  !insertmacro parleyOpenWith "yml"
  !insertmacro parleyOpenWith "xml"
  !insertmacro parleyOpenWith "toml"
  !insertmacro parleyOpenWith "ini"
  !insertmacro parleyOpenWith "js"
  !insertmacro parleyOpenWith "jsx"
  !insertmacro parleyOpenWith "mjs"
  !insertmacro parleyOpenWith "cjs"
  !insertmacro parleyOpenWith "ts"
  !insertmacro parleyOpenWith "tsx"
  !insertmacro parleyOpenWith "py"
  !insertmacro parleyOpenWith "rb"
  !insertmacro parleyOpenWith "go"
  !insertmacro parleyOpenWith "rs"
  !insertmacro parleyOpenWith "java"
  !insertmacro parleyOpenWith "kt"
  !insertmacro parleyOpenWith "c"
  !insertmacro parleyOpenWith "h"
  !insertmacro parleyOpenWith "cpp"
  !insertmacro parleyOpenWith "hpp"
  !insertmacro parleyOpenWith "cs"
  !insertmacro parleyOpenWith "swift"
  !insertmacro parleyOpenWith "php"
  !insertmacro parleyOpenWith "sh"
  !insertmacro parleyOpenWith "sql"
  !insertmacro parleyOpenWith "html"
  !insertmacro parleyOpenWith "css"
  !insertmacro parleyOpenWith "pdf"
  !insertmacro parleyOpenWith "docx"
  ; SHCNE_ASSOCCHANGED: Explorer rereads the associations without a sign-out.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro customUnInstall
  !insertmacro parleyOpenWithRemove "txt"
  !insertmacro parleyOpenWithRemove "md"
  !insertmacro parleyOpenWithRemove "markdown"
  !insertmacro parleyOpenWithRemove "rst"
  !insertmacro parleyOpenWithRemove "log"
  !insertmacro parleyOpenWithRemove "tex"
  !insertmacro parleyOpenWithRemove "csv"
  !insertmacro parleyOpenWithRemove "tsv"
  !insertmacro parleyOpenWithRemove "json"
  !insertmacro parleyOpenWithRemove "jsonl"
  !insertmacro parleyOpenWithRemove "ndjson"
  !insertmacro parleyOpenWithRemove "yaml"
  !insertmacro parleyOpenWithRemove "yml"
  !insertmacro parleyOpenWithRemove "xml"
  !insertmacro parleyOpenWithRemove "toml"
  !insertmacro parleyOpenWithRemove "ini"
  !insertmacro parleyOpenWithRemove "js"
  !insertmacro parleyOpenWithRemove "jsx"
  !insertmacro parleyOpenWithRemove "mjs"
  !insertmacro parleyOpenWithRemove "cjs"
  !insertmacro parleyOpenWithRemove "ts"
  !insertmacro parleyOpenWithRemove "tsx"
  !insertmacro parleyOpenWithRemove "py"
  !insertmacro parleyOpenWithRemove "rb"
  !insertmacro parleyOpenWithRemove "go"
  !insertmacro parleyOpenWithRemove "rs"
  !insertmacro parleyOpenWithRemove "java"
  !insertmacro parleyOpenWithRemove "kt"
  !insertmacro parleyOpenWithRemove "c"
  !insertmacro parleyOpenWithRemove "h"
  !insertmacro parleyOpenWithRemove "cpp"
  !insertmacro parleyOpenWithRemove "hpp"
  !insertmacro parleyOpenWithRemove "cs"
  !insertmacro parleyOpenWithRemove "swift"
  !insertmacro parleyOpenWithRemove "php"
  !insertmacro parleyOpenWithRemove "sh"
  !insertmacro parleyOpenWithRemove "sql"
  !insertmacro parleyOpenWithRemove "html"
  !insertmacro parleyOpenWithRemove "css"
  !insertmacro parleyOpenWithRemove "pdf"
  !insertmacro parleyOpenWithRemove "docx"
  DeleteRegKey SHCTX "Software\Classes\${PARLEY_PROGID}"
  DeleteRegKey SHCTX "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend
