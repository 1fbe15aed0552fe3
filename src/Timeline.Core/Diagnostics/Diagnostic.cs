namespace Timeline.Core.Diagnostics;

/// <summary>How bad a <see cref="Diagnostic"/> is.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// A problem found in the input, with its position as <c>file(line,col)</c> (1-based; 0 when unknown).
/// <see cref="File"/> is relative to the input folder, with forward slashes.
/// </summary>
public sealed record Diagnostic(Severity Severity, string File, int Line, int Column, string Message)
{
    public static Diagnostic Error(string file, int line, int column, string message) => new(Severity.Error, file, line, column, message);

    public static Diagnostic Warning(string file, int line, int column, string message) => new(Severity.Warning, file, line, column, message);

    public static Diagnostic Info(string file, int line, int column, string message) => new(Severity.Info, file, line, column, message);

    /// <summary>MSBuild-style: <c>articles/a.md(3,12): error: published: 2024-13-45 is not a date</c>.</summary>
    public override string ToString()
    {
        string where = Line > 0 ? $"{File}({Line},{Math.Max(Column, 1)})" : File;
        string level = Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };
        return $"{where}: {level}: {Message}";
    }
}
