using System.CommandLine;
using Timeline.Site.Loading;

namespace Timeline.Cli.Commands;

/// <summary><c>timeline import PAGE.html [--into input/articles]</c>: turns a saved news page into an article file.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var page = new Argument<string>("page") { Description = "A saved web page (.html) of a news article." };
        var into = new Option<string>("--into") { Description = "The folder to write the article to.", DefaultValueFactory = _ => "input/articles" };
        var command = new Command("import", "Import a saved news page as an article (front matter from its metadata, plus its main text).");
        command.Arguments.Add(page);
        command.Options.Add(into);
        command.SetAction(parseResult => Run(parseResult.GetValue(page)!, parseResult.GetValue(into) ?? "input/articles", Console.Out, Console.Error));
        return command;
    }

    public static int Run(string pagePath, string into, TextWriter output, TextWriter error)
    {
        string html;
        try
        {
            html = ArticleFiles.ReadPage(pagePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{pagePath}: error: cannot read the page: {ex.Message}");
            return 1;
        }

        ArticleFile file = ArticleFiles.Import(html, Path.GetFileName(pagePath));
        (string? written, string? problem) = ArticleFiles.Write(file, into);
        if (written is null)
        {
            error.WriteLine($"{Path.Join(into, file.FileName)}: error: {problem}");
            return 1;
        }

        foreach (string note in file.Notes)
        {
            output.WriteLine($"{written.Replace('\\', '/')}: warning: {note}");
        }

        output.WriteLine($"wrote {written.Replace('\\', '/')}");
        return 0;
    }
}
