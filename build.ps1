#!/usr/bin/env pwsh
# Bootstrap: compile the build project only when its inputs changed, then run it.
#   ./build.ps1 [targets] [--parameter value ...]      (./build.ps1 --help lists both)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Root = $PSScriptRoot
$Project = Join-Path $Root 'build/_build.csproj'
$Out = Join-Path $Root '.nuke/temp/build'
$Dll = Join-Path $Out '_build.dll'
$Stamp = Join-Path $Out 'inputs.sha1'
$Dirs = Join-Path $Out 'inputs.dirs'

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

function Fail([string] $Message) { [Console]::Error.WriteLine("build.ps1: $Message"); exit 1 }

# The build project's directory and those of the projects it references, transitively, relative to the root.
function Get-ProjectDirectories {
    $queue = [System.Collections.Generic.Queue[string]]::new()
    $queue.Enqueue((Resolve-Path $Project).Path)
    $seen = [System.Collections.Generic.List[string]]::new()
    while ($queue.Count -gt 0) {
        $project = [System.IO.Path]::GetFullPath($queue.Dequeue())
        $directory = Split-Path $project -Parent
        if ($seen.Contains($directory)) { continue }
        $seen.Add($directory)
        foreach ($reference in ([xml](Get-Content $project -Raw)).SelectNodes('//ProjectReference')) {
            $queue.Enqueue((Join-Path $directory ($reference.Include -replace '\\', '/')))
        }
    }
    $seen | ForEach-Object { [System.IO.Path]::GetRelativePath($Root, $_) }
}

# Paths, sizes and modification times of every input: a changed, added or removed file changes the fingerprint.
function Get-Fingerprint {
    $paths = @(Get-Content $Dirs) + @('Directory.Build.props', 'Directory.Packages.props', 'global.json')
    $lines = foreach ($path in $paths) {
        $full = Join-Path $Root $path
        if (Test-Path $full -PathType Leaf) { Get-Item $full }
        elseif (Test-Path $full) {
            Get-ChildItem $full -Recurse -File | Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
        }
    }
    $text = ($lines | Sort-Object FullName | ForEach-Object { "$($_.FullName) $($_.Length) $($_.LastWriteTimeUtc.Ticks)" }) -join "`n"
    $sha = [System.Security.Cryptography.SHA1]::Create()
    [System.BitConverter]::ToString($sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($text))).Replace('-', '')
}

function Assert-Sdk {
    $global = Get-Content (Join-Path $Root 'global.json') -Raw | ConvertFrom-Json
    $want = [version]$global.sdk.version
    $roll = if ($global.sdk.PSObject.Properties['rollForward']) { $global.sdk.rollForward } else { 'latestPatch' }
    $help = "this build needs the .NET SDK $($global.sdk.version) (global.json, rollForward $roll)"
    $install = "Install it from https://dotnet.microsoft.com/download/dotnet/$($want.Major).$($want.Minor), make sure 'dotnet' is on PATH, and run ./build.ps1 again."
    if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) { Fail "$help, but 'dotnet' is not on PATH.`n  $install" }
    $installed = @(& dotnet --list-sdks | ForEach-Object { ($_ -split ' ')[0] })
    $found = $installed | Where-Object {
        $have = [version](($_ -split '-')[0])
        $ok = switch -Regex ($roll) {
            '^disable$' { $have -eq $want }
            'atch$' { $have.Major -eq $want.Major -and $have.Minor -eq $want.Minor -and [math]::Floor($have.Build / 100) -eq [math]::Floor($want.Build / 100) }
            'eature$' { $have.Major -eq $want.Major -and $have.Minor -eq $want.Minor }
            'inor$' { $have.Major -eq $want.Major }
            default { $true }
        }
        $ok -and $have -ge $want
    }
    if (-not $found) { Fail "$help; installed: $($installed -join ', ').`n  $install" }
}

$needsBuild = -not (Test-Path $Dll) -or -not (Test-Path $Stamp) -or -not (Test-Path $Dirs) -or ((Get-Content $Stamp -Raw).Trim() -ne (Get-Fingerprint))
if ($needsBuild) {
    Assert-Sdk
    New-Item -ItemType Directory -Force -Path $Out | Out-Null
    Get-ProjectDirectories | Set-Content $Dirs
    $inputs = Get-Fingerprint
    [Console]::Error.WriteLine('Compiling the build project (its inputs changed)...')
    $log = & dotnet build $Project -o $Out -nologo -v q -clp:NoSummary 2>&1
    if ($LASTEXITCODE -ne 0) { $log | ForEach-Object { [Console]::Error.WriteLine($_) }; Fail 'the build project did not compile (errors above).' }
    Set-Content -Path $Stamp -Value $inputs
}

& dotnet $Dll @args
exit $LASTEXITCODE
