using Timeline.Cli.Commands;

namespace Timeline.Cli.Tests.Commands;

/// <summary>Exit codes and messages of <c>timeline build</c>, on a small real input folder.</summary>
public sealed class BuildCommandTest : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "timeline-buildcmd-" + Guid.NewGuid().ToString("N"));

    public BuildCommandTest()
    {
        Write("input/site.yml", "title: Test site\ntopic: Harbour strike\ntime_zone: Europe/Lisbon\n");
        Write(
            "input/articles/a.txt",
            "---\ntitle: Dockers strike\nsource: Test Wire\npublished: 2026-03-04\n---\nLISBON (TW) — Dock workers in Lisbon walked out on Monday over pay, halting the harbour.\n");
    }

    private string Input => Path.Combine(_root, "input");

    private string Output => Path.Combine(_root, "output");

    [Fact]
    public void A_bad_article_is_reported_and_the_site_still_builds()
    {
        Write("input/articles/b.txt", "---\ntitle: Bad\nsource: X\npublished: 2024-13-45\n---\nText.\n");

        (int exit, string output, string error) = Run("build", "--input", Input, "--output", Output, "--no-cache");

        Assert.True(exit == 0, error);
        Assert.Contains("articles/b.txt(4,12): error:", error, StringComparison.Ordinal);
        Assert.Contains("Wrote ", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Output, "events.json")));
    }

    [Fact]
    public void Strict_turns_an_input_error_into_a_failed_build_that_writes_nothing()
    {
        Write("input/articles/b.txt", "---\ntitle: Bad\nsource: X\npublished: 2024-13-45\n---\nText.\n");

        (int exit, _, string error) = Run("build", "--input", Input, "--output", Output, "--strict", "--no-cache");

        Assert.True(exit == 1, error);
        Assert.Contains("nothing was written", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public void A_broken_theme_template_fails_with_its_position_and_keeps_the_previous_site()
    {
        Write("output/index.html", "previous");
        Write("input/layouts/index.sbnhtml", "{{ for e in events }}never closed");

        (int exit, _, string error) = Run("build", "--input", Input, "--output", Output, "--no-cache");

        Assert.Equal(2, exit);
        Assert.Contains("index.sbnhtml(1,", error, StringComparison.Ordinal);
        Assert.Equal("previous", File.ReadAllText(Path.Combine(Output, "index.html")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private (int, string, string) Run(params string[] args) => CommandRunner.Run(BuildCommand.Create(), args);

    private void Write(string relative, string text)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
