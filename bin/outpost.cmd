@echo off
rem Runs Outpost from a checkout after "mvnw.cmd package": no arguments opens the window,
rem arguments run the CLI (see README.md). Uses JAVA_HOME if it is a Java 25 or newer, else java on PATH.
setlocal EnableDelayedExpansion
set "ROOT=%~dp0.."
if not defined OUTPOST_BUILD_DIR set "OUTPOST_BUILD_DIR=%ROOT%\target"

set "JAVA_EXE="
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if defined JAVA_EXE call :major "%JAVA_EXE%"
if defined JAVA_EXE if !MAJOR! LSS 25 set "JAVA_EXE="
if not defined JAVA_EXE (
  for /d %%D in ("%ProgramFiles%\Eclipse Adoptium\jdk-25*" "%ProgramFiles%\Java\jdk-25*" "%ProgramFiles%\Microsoft\jdk-25*") do (
    if not defined JAVA_EXE if exist "%%~D\bin\java.exe" set "JAVA_EXE=%%~D\bin\java.exe"
  )
)
if not defined JAVA_EXE (
  where java >nul 2>nul && set "JAVA_EXE=java"
  if defined JAVA_EXE call :major "!JAVA_EXE!"
  if defined JAVA_EXE if !MAJOR! LSS 25 set "JAVA_EXE="
)
if not defined JAVA_EXE (
  echo outpost: no Java 25 found. Install a JDK 25, for example Eclipse Temurin 25: 1>&2
  echo   winget install EclipseAdoptium.Temurin.25.JDK 1>&2
  echo then set JAVA_HOME to it and run bin\outpost.cmd again. 1>&2
  exit /b 1
)

set "JAR="
rem The build makes one jar, outpost-<version>.jar, and copies its libraries to lib\.
for %%J in ("%OUTPOST_BUILD_DIR%\outpost-*.jar") do set "JAR=%%~fJ"
if not exist "%OUTPOST_BUILD_DIR%\lib" set "JAR="
if not defined JAR (
  echo outpost: the app is not built yet. Run "mvnw.cmd package" in the checkout first. 1>&2
  exit /b 1
)

"%JAVA_EXE%" --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED %OUTPOST_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%

rem Sets MAJOR to the major version of the java.exe given as %1 (0 if unknown).
:major
set "MAJOR=0"
set "VER="
rem "call" first, so cmd keeps the quotes of a path with spaces.
for /f "tokens=3" %%V in ('call "%~1" -version 2^>^&1 ^| findstr /i version') do set "VER=%%~V"
if not defined VER exit /b 0
for /f "delims=.-+" %%M in ("!VER!") do set "MAJOR=%%M"
exit /b 0
