using System.CommandLine;
using Timeline.Core.Diagnostics;
using Timeline.Site.Pipeline;
using Timeline.Site.Rendering;

namespace Timeline.Cli.Commands;

/// <summary><c>timeline build [--input DIR] [--output DIR] [--strict] [--no-cache] [--cache-dir DIR]</c>.</summary>
public static class BuildCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "The input folder (site.yml, articles/).", DefaultValueFactory = _ => "input" };
        var output = new Option<string>("--output") { Description = "The folder the site is written to.", DefaultValueFactory = _ => "output" };
        var strict = new Option<bool>("--strict") { Description = "Fail the build on any error in the input." };
        var noCache = new Option<bool>("--no-cache") { Description = "Re-process every article; neither read nor write the article cache." };
        var cacheDir = new Option<string?>("--cache-dir") { Description = "The article cache folder (default: .timeline-cache beside the input folder)." };
        var command = new Command("build", "Build the timeline site from the input folder.") { input, output, strict, noCache, cacheDir };
        command.SetAction(parse => Run(
            new BuildOptions(parse.GetValue(input)!, parse.GetValue(output)!)
            {
                Strict = parse.GetValue(strict),
                NoCache = parse.GetValue(noCache),
                CacheDir = parse.GetValue(cacheDir),
            },
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    /// <returns>0 when the site was written; 1 when --strict refused input errors; 2 when the build could not run.</returns>
    internal static int Run(BuildOptions options, TextWriter stdout, TextWriter stderr)
    {
        BuildResult result;
        try
        {
            using ConsoleProgress? progress = ConsoleProgress.ForConsole();
            result = new SiteBuilder().Build(options with { Progress = options.Progress ?? progress });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ThemeException or Scriban.Syntax.ScriptRuntimeException)
        {
            stderr.WriteLine($"error: {e.Message}");
            return 2;
        }

        foreach (Diagnostic d in result.Diagnostics.Where(d => d.Severity != Severity.Info))
        {
            stderr.WriteLine(d);
        }

        stdout.WriteLine(result.Summary);
        if (!result.Succeeded)
        {
            stderr.WriteLine("Build failed (--strict): nothing was written.");
            return 1;
        }

        stdout.WriteLine(result.FilesWritten == result.Files.Count
            ? $"Wrote {result.Files.Count} files to {options.OutputDir}"
            : $"Wrote {result.FilesWritten} changed files of {result.Files.Count} to {options.OutputDir}");
        return 0;
    }
}
