using System.CommandLine;
using Timeline.Core.Diagnostics;
using Timeline.Site.Pipeline;

namespace Timeline.Cli.Commands;

/// <summary><c>timeline build [--input DIR] [--output DIR] [--strict]</c>.</summary>
public static class BuildCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "The input folder (site.yml, articles/).", DefaultValueFactory = _ => "input" };
        var output = new Option<string>("--output") { Description = "The folder the site is written to.", DefaultValueFactory = _ => "output" };
        var strict = new Option<bool>("--strict") { Description = "Fail the build on any error in the input." };
        var command = new Command("build", "Build the timeline site from the input folder.") { input, output, strict };
        command.SetAction(parse => Run(new BuildOptions(parse.GetValue(input)!, parse.GetValue(output)!) { Strict = parse.GetValue(strict) }));
        return command;
    }

    internal static int Run(BuildOptions options)
    {
        BuildResult result;
        try
        {
            result = new SiteBuilder().Build(options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }

        foreach (Diagnostic d in result.Diagnostics.Where(d => d.Severity != Severity.Info))
        {
            Console.Error.WriteLine(d);
        }

        Console.WriteLine(result.Summary);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine("Build failed (--strict): nothing was written.");
            return 1;
        }

        Console.WriteLine($"Wrote {result.Files.Count} files to {options.OutputDir}");
        return 0;
    }
}
