; Inno Setup script for Koperasi (Inno Setup 6.2 or later).
;
; Build (see installer/README.md):   iscc /DAppVersion=0.1.0 installer\windows\koperasi.iss
; Input:  dist\koperasi\  (the PyInstaller one-folder bundle from `python installer\build.py`)
; Output: dist\installer\koperasi-setup-<version>.exe
;
; * Per-user install WITHOUT admin rights by default (PrivilegesRequired=lowest): the app goes
;   to %LOCALAPPDATA%\Programs\Koperasi. An administrator may choose "install for all users"
;   (dialog or /ALLUSERS), which installs to Program Files.
; * The user's data (databases, backups, logs) lives in a different folder,
;   %LOCALAPPDATA%\Koperasi\Koperasi (platformdirs, see koperasi.paths). Neither the installer
;   nor the uninstaller ever touches it: there is deliberately no [UninstallDelete] entry and
;   no code that deletes it, so uninstalling or upgrading keeps every database.
; * Upgrade in place: the AppId below never changes, so a newer setup finds the previous
;   install folder and replaces the program files; stale program files from the old version
;   (in {app}\_internal) are removed first, data is elsewhere and untouched.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Koperasi"
#define AppPublisher "Koperasi"
#define GuiExe "koperasi-app.exe"
#define CliExe "koperasi.exe"
#define SourceDir "..\..\dist\koperasi"

[Setup]
; Never change this GUID: it is how upgrades find the existing installation.
AppId={{6C1B3F0E-5D7A-4E58-9C0B-8A4D2F6E1B73}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename=koperasi-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\koperasi.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running Koperasi before replacing its files (upgrade in place), restart it after.
CloseApplications=yes
RestartApplications=no
MinVersion=10.0

[Languages]
Name: "indonesian"; MessagesFile: "compiler:Languages\Indonesian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; Program files of a previous version only (never the data folder, which is not under {app}).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\{#GuiExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#SourceDir}\{#CliExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#SourceDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"
Name: "{autoprograms}\{#AppName} (data contoh)"; Filename: "{app}\{#GuiExe}"; Parameters: "--demo"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself may have left next to its files (Python bytecode caches).
; The data folder %LOCALAPPDATA%\Koperasi\Koperasi is intentionally NOT listed.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
function InitializeUninstall(): Boolean;
begin
  Result := True;
  { Tell the user their data stays (and where), so nobody reinstalls in fear of losing it. }
  if not UninstallSilent() then
    MsgBox(ExpandConstant('Data koperasi (basis data dan cadangan) TIDAK dihapus dan tetap ada di:' + #13#10 +
      '{localappdata}\Koperasi\Koperasi' + #13#10#13#10 +
      'Your cooperative data (databases and backups) is NOT deleted and stays in the folder above.'),
      mbInformation, MB_OK);
end;
