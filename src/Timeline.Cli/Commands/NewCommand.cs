using System.CommandLine;
using Timeline.Site.Loading;

namespace Timeline.Cli.Commands;

/// <summary><c>timeline new "Title" --source S --published D [--into DIR]</c>: scaffolds an empty article.</summary>
public static class NewCommand
{
    public static Command Create()
    {
        var title = new Argument<string>("title") { Description = "The article's headline." };
        var source = new Option<string>("--source") { Description = "The outlet that published it.", Required = true };
        var published = new Option<string>("--published") { Description = "Publication date: 2026-01-28, or 2026-01-28T21:30:00+03:00.", Required = true };
        var timeZone = new Option<string?>("--time-zone") { Description = "IANA time zone of the outlet (for example Europe/Moscow)." };
        var into = new Option<string>("--into") { Description = "The folder to write the article to.", DefaultValueFactory = _ => "input/articles" };
        var command = new Command("new", "Create an empty article file with front matter (never overwrites).");
        command.Arguments.Add(title);
        command.Options.Add(source);
        command.Options.Add(published);
        command.Options.Add(timeZone);
        command.Options.Add(into);
        command.SetAction(parseResult => Run(
            parseResult.GetValue(title)!,
            parseResult.GetValue(source)!,
            parseResult.GetValue(published)!,
            parseResult.GetValue(timeZone),
            parseResult.GetValue(into) ?? "input/articles",
            Console.Out,
            Console.Error));
        return command;
    }

    public static int Run(string title, string source, string published, string? timeZone, string into, TextWriter output, TextWriter error)
    {
        (ArticleFile? file, string? problem) = ArticleFiles.New(title, source, published, timeZone);
        if (file is null)
        {
            error.WriteLine($"error: {problem}");
            return 1;
        }

        (string? written, string? writeProblem) = ArticleFiles.Write(file, into);
        if (written is null)
        {
            error.WriteLine($"error: {writeProblem}");
            return 1;
        }

        output.WriteLine($"wrote {written.Replace('\\', '/')}");
        return 0;
    }
}
