using System.Text.Json;
using NodaTime;
using Timeline.Cli.Commands;
using Timeline.Core.Temporal;

namespace Timeline.Cli.Tests.Commands;

public sealed class TagCommandTest : IDisposable
{
    private readonly string temp = Path.Combine(Path.GetTempPath(), "timeline-tag-" + Guid.NewGuid().ToString("N"));

    public TagCommandTest() => Directory.CreateDirectory(temp);

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private string WriteFile(string name, string content)
    {
        string path = Path.Combine(temp, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Tags_a_file_with_the_real_tagger_and_prints_a_table()
    {
        // The default tagger, whatever its rules, must find an explicit date and resolve it.
        string file = WriteFile("a.txt", "Putin said it\non January 28, 2026.");

        (int exit, string output, string error) = CommandRunner.Run(TagCommand.Create(), "tag", file, "--published", "2026-01-29");

        Assert.Equal((0, ""), (exit, error));
        string[] rows = output.TrimEnd('\n').Split('\n');
        Assert.StartsWith("start", rows[0], StringComparison.Ordinal);
        Assert.Contains(rows.Skip(1), r => r.Contains("2:4", StringComparison.Ordinal) && r.Contains("DATE", StringComparison.Ordinal) && r.Contains("2026-01-28", StringComparison.Ordinal) && r.EndsWith("January 28, 2026", StringComparison.Ordinal));
    }

    [Fact]
    public void Published_and_time_zone_make_the_document_time()
    {
        var tagger = new WordTagger();
        string file = WriteFile("a.txt", "text");

        CommandRunner.Run(TagCommand.Create(tagger), "tag", file, "--published", "2026-01-27T23:30:00Z", "--time-zone", "Europe/Moscow");

        // 23:30 UTC on the 27th is 02:30 on the 28th in Moscow.
        ZonedDateTime published = Assert.Single(tagger.References).Published;
        Assert.Equal(new LocalDateTime(2026, 1, 28, 2, 30), published.LocalDateTime);
        Assert.Equal("Europe/Moscow", published.Zone.Id);
    }

    [Theory]
    [InlineData(new[] { "tag", "FILE" }, "usage")] // FILE without --published
    [InlineData(new[] { "tag", "FILE", "--published", "2026-02-30" }, "--published")] // no such day
    [InlineData(new[] { "tag", "FILE", "--published", "2026-01-28", "--time-zone", "Mars/Olympus" }, "--time-zone")] // unknown zone
    [InlineData(new[] { "tag", "FILE", "--jsonl", "FILE" }, "either FILE or --jsonl")] // two inputs
    public void Usage_errors_exit_2_with_a_message(string[] args, string message)
    {
        string file = WriteFile("a.txt", "text");

        (int exit, string output, string error) = CommandRunner.Run(TagCommand.Create(new WordTagger()), args.Select(a => a == "FILE" ? file : a).ToArray());

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_an_error_naming_it()
    {
        string missing = Path.Combine(temp, "nope.txt");

        (int exit, _, string error) = CommandRunner.Run(TagCommand.Create(new WordTagger()), "tag", missing, "--published", "2026-01-28");

        Assert.Equal(1, exit);
        Assert.StartsWith(missing + ": error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonl_mode_writes_one_line_per_input_line_and_reports_bad_lines()
    {
        var tagger = new WordTagger(("Friday", TimexType.Date, "1998-08-07"));
        string input = WriteFile("in.jsonl", string.Join('\n',
            "{\"id\":\"a\",\"text\":\"on Friday\",\"ref\":\"1998-08-08\"}",
            "{\"id\":\"b\",\"text\":\"Friday\"",
            "{\"id\":\"c\",\"text\":\"nothing\",\"ref\":\"1998-08-08T10:00:00-04:00\"}") + "\n");

        (int exit, string output, string error) = CommandRunner.Run(TagCommand.Create(tagger), "tag", "--jsonl", input);

        Assert.Equal(1, exit);
        string[] lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(["a", "c"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
        Assert.Equal(3, JsonDocument.Parse(lines[0]).RootElement.GetProperty("mentions")[0].GetProperty("start").GetInt32());
        Assert.StartsWith(input + "(2,", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonl_mode_exits_0_when_every_line_is_valid()
    {
        string input = WriteFile("in.jsonl", "{\"id\":1,\"text\":\"x\",\"ref\":\"2026-01-28\"}\n");

        (int exit, string output, string error) = CommandRunner.Run(TagCommand.Create(new WordTagger()), "tag", "--jsonl", input);

        Assert.Equal((0, "{\"id\":1,\"mentions\":[]}\n", ""), (exit, output, error));
    }
}
