using System.CommandLine;
using Timeline.Core.Diagnostics;
using Timeline.Core.Text;
using Timeline.Site.Loading;

namespace Timeline.Cli.Commands;

/// <summary><c>timeline check [--input DIR]</c>: loads and cleans every article without building, and lists the problems.</summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "The input folder (site.yml and articles/).", DefaultValueFactory = _ => "input" };
        var command = new Command("check", "Validate site.yml and the articles without building; exits non-zero when there are errors.");
        command.Options.Add(input);
        command.SetAction(parseResult => Run(parseResult.GetValue(input) ?? "input", Console.Out, Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true"));
        return command;
    }

    /// <summary>Checks <paramref name="inputDir"/>, writing one line per problem; returns the exit code (1 when any error).</summary>
    public static int Run(string inputDir, TextWriter output, bool githubAnnotations)
    {
        (SiteConfig config, IReadOnlyList<Diagnostic> siteDiagnostics) = SiteConfigLoader.Load(inputDir);
        LoadResult load = ArticleLoader.LoadDirectory(inputDir, config);
        var diagnostics = new List<Diagnostic>(siteDiagnostics);
        diagnostics.AddRange(load.Diagnostics);
        int stories = 0;
        foreach (Article article in load.Articles)
        {
            CleanedArticle cleaned = ArticleCleaner.Clean(article);
            stories += cleaned.Stories.Count;
            diagnostics.AddRange(cleaned.Diagnostics);
        }

        foreach (Diagnostic diagnostic in diagnostics)
        {
            Diagnostic shown = diagnostic with { File = Path.Join(inputDir, diagnostic.File).Replace('\\', '/') };
            output.WriteLine(shown.ToString());
            if (githubAnnotations && shown.Severity != Severity.Info)
            {
                output.WriteLine(Annotation(shown));
            }
        }

        int errors = diagnostics.Count(d => d.Severity == Severity.Error);
        int warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        output.WriteLine($"checked {load.Articles.Count} article(s), {stories} story(ies): {errors} error(s), {warnings} warning(s)");
        return errors > 0 ? 1 : 0;
    }

    /// <summary>A GitHub Actions workflow command: <c>::error file=…,line=…,col=…::message</c>.</summary>
    internal static string Annotation(Diagnostic d)
    {
        string level = d.Severity == Severity.Error ? "error" : "warning";
        var properties = new List<string> { $"file={EscapeProperty(d.File)}" };
        if (d.Line > 0)
        {
            properties.Add($"line={d.Line}");
            properties.Add($"col={Math.Max(1, d.Column)}");
        }

        return $"::{level} {string.Join(',', properties)}::{EscapeData(d.Message)}";
    }

    private static string EscapeData(string s) => s.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string s) => EscapeData(s).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
