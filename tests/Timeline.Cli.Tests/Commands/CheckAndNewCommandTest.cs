using Timeline.Cli.Commands;

namespace Timeline.Cli.Tests.Commands;

/// <summary><c>timeline check</c> (for CI) and <c>timeline new</c> (for editors), on real folders.</summary>
public sealed class CheckAndNewCommandTest : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "timeline-check-" + Guid.NewGuid().ToString("N"));

    public CheckAndNewCommandTest()
    {
        Directory.CreateDirectory(Path.Combine(_root, "articles"));
        File.WriteAllText(Path.Combine(_root, "site.yml"), "title: T\ntopic: Harbour strike\ntime_zone: Europe/Lisbon\n");
    }

    [Fact]
    public void Check_exits_zero_on_a_clean_folder_and_counts_what_it_read()
    {
        Assert.Equal(0, NewArticle("Dockers strike in Lisbon", "2026-03-04"));

        var output = new StringWriter();
        int exit = CheckCommand.Run(_root, output, githubAnnotations: false);

        Assert.Equal(0, exit);
        Assert.Contains("checked 1 article(s)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_exits_one_on_an_error_and_annotates_it_for_github()
    {
        // CI relies on the exit code; the annotation puts the error on the file's line in the pull request.
        File.WriteAllText(Path.Combine(_root, "articles", "bad.md"), "---\ntitle: Bad\nsource: X\npublished: 2024-13-45\n---\nText.\n");

        var output = new StringWriter();
        int exit = CheckCommand.Run(_root, output, githubAnnotations: true);

        Assert.Equal(1, exit);
        string text = output.ToString();
        Assert.Contains("articles/bad.md(4,12): error:", text, StringComparison.Ordinal);
        Assert.Contains("::error file=", text, StringComparison.Ordinal);
        Assert.Contains(",line=4,col=12::", text, StringComparison.Ordinal);
    }

    [Fact]
    public void New_scaffolds_an_article_that_loads_and_refuses_to_overwrite_it()
    {
        Assert.Equal(0, NewArticle("Dockers strike in Lisbon", "2026-03-04T21:30:00+00:00"));
        string file = Assert.Single(Directory.GetFiles(Path.Combine(_root, "articles")));
        Assert.Contains("published: 2026-03-04T21:30:00+00:00", File.ReadAllText(file), StringComparison.Ordinal);

        Assert.Equal(1, NewArticle("Dockers strike in Lisbon", "2026-03-04T21:30:00+00:00"));
        Assert.Single(Directory.GetFiles(Path.Combine(_root, "articles")));
    }

    [Fact]
    public void New_rejects_a_date_that_is_not_one()
    {
        var error = new StringWriter();
        int exit = NewCommand.Run("Title", "Outlet", "2024-13-45", null, Path.Combine(_root, "articles"), TextWriter.Null, error);

        Assert.Equal(1, exit);
        Assert.Contains("2024-13-45", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private int NewArticle(string title, string published) =>
        NewCommand.Run(title, "Test Wire", published, "Europe/Lisbon", Path.Combine(_root, "articles"), TextWriter.Null, TextWriter.Null);
}
