using System.Text;
using System.Text.Json;
using NodaTime;
using Timeline.Core.Temporal;
using Timeline.Site.Evaluation;

namespace Timeline.Site.Tests.Evaluation;

public class JsonlTaggingTest
{
    private readonly WordTagger tagger = new(("Friday", TimexType.Date, "1998-08-07"), ("week", TimexType.Duration, "P1W"));

    private (string Output, string Errors, int Invalid) Run(string input, DateTimeZone? zone = null, DocumentTime? fallback = null)
    {
        var output = new StringWriter { NewLine = "\n" };
        var errors = new StringWriter { NewLine = "\n" };
        int invalid = JsonlTagging.Run(new StringReader(input), output, errors, "in.jsonl", tagger, zone, fallback);

        // The byte overload the CLI uses must say exactly the same.
        (string bytesOutput, string bytesErrors, int bytesInvalid) = RunBytes(Encoding.UTF8.GetBytes(input), zone, fallback);
        Assert.Equal((output.ToString(), errors.ToString(), invalid), (bytesOutput, bytesErrors, bytesInvalid));
        return (output.ToString(), errors.ToString(), invalid);
    }

    private (string Output, string Errors, int Invalid) RunBytes(byte[] input, DateTimeZone? zone = null, DocumentTime? fallback = null)
    {
        var output = new MemoryStream();
        var errors = new StringWriter { NewLine = "\n" };
        int invalid = JsonlTagging.Run(new MemoryStream(input), output, errors, "in.jsonl", tagger, zone, fallback);
        return (Encoding.UTF8.GetString(output.ToArray()), errors.ToString(), invalid);
    }

    public static TheoryData<string> LineEndings => new()
    {
        // ReadLine ends a line at each of these; the byte reader must count lines the same way.
        "\n", "\r\n", "\r",
    };

    [Theory]
    [MemberData(nameof(LineEndings))]
    public void Bytes_split_lines_as_a_text_reader_does(string newline)
    {
        string input = string.Join(newline, "{\"id\": 1, \"text\": \"week\", \"ref\": \"1998-08-08\"}", "bad", "", "{\"id\": 4, \"text\": \"Friday\", \"ref\": \"1998-08-08\"}") + newline;

        (string output, string errors, int invalid) = Run(input);

        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("in.jsonl(2,", errors, StringComparison.Ordinal);
        Assert.Equal(1, invalid);
    }

    [Fact]
    public void Bytes_skip_a_byte_order_mark_read_invalid_UTF8_as_replacement_and_take_lines_longer_than_the_buffer()
    {
        // A 200 000-character text spans several 64 KiB reads; 0xFF is not UTF-8 and reads as U+FFFD, as a StreamReader would.
        string text = new string('x', 200_000) + " Friday";
        byte[] line = Encoding.UTF8.GetBytes("{\"id\": 1, \"text\": \"" + text + "\", \"ref\": \"1998-08-08\"}\n{\"id\": 2, \"text\": \"\uFFFD Friday\", \"ref\": \"1998-08-08\"}\n");
        int invalidByte = Array.IndexOf(line, (byte)0xEF, 10);
        byte[] input = [.. Encoding.UTF8.Preamble, .. line.AsSpan(0, invalidByte), 0xFF, .. line.AsSpan(invalidByte + 3)];

        (string output, string errors, _) = RunBytes(input);

        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("", errors);
        Assert.Equal(200_001, JsonDocument.Parse(lines[0]).RootElement.GetProperty("mentions")[0].GetProperty("start").GetInt32());
        Assert.Equal("\uFFFD Friday"[2..], JsonDocument.Parse(lines[1]).RootElement.GetProperty("mentions")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void Each_line_gives_one_line_with_the_mentions()
    {
        (string output, string errors, int invalid) = Run("{\"id\": \"a1\", \"text\": \"Bombs went off Friday.\", \"ref\": \"1998-08-08\"}\n");

        Assert.Equal("{\"id\":\"a1\",\"mentions\":[{\"start\":15,\"end\":21,\"text\":\"Friday\",\"type\":\"DATE\",\"value\":\"1998-08-07\",\"mod\":null}]}\n", output);
        Assert.Equal("", errors);
        Assert.Equal(0, invalid);
    }

    [Fact]
    public void Offsets_are_UTF16_code_units_of_the_text()
    {
        // "🎉" is one code point but two UTF-16 code units (and four UTF-8 bytes); "é" is one unit.
        (string output, _, _) = Run("{\"id\": 1, \"text\": \"🎉 café Friday\", \"ref\": \"1998-08-08\"}");

        JsonElement mention = JsonDocument.Parse(output).RootElement.GetProperty("mentions")[0];
        Assert.Equal(8, mention.GetProperty("start").GetInt32());
        Assert.Equal("🎉 café Friday"[8..14], mention.GetProperty("text").GetString());
        Assert.Contains("🎉", "🎉 café Friday", StringComparison.Ordinal);
    }

    [Fact]
    public void Id_is_echoed_whatever_its_JSON_type()
    {
        // Callers key results by their own ids: numbers, strings, even objects, unchanged.
        (string output, _, _) = Run(
            "{\"id\": 42, \"text\": \"\", \"ref\": \"2026-01-28\"}\n" +
            "{\"id\": {\"doc\": \"x\", \"para\": 3}, \"text\": \"\", \"ref\": \"2026-01-28\"}\n");

        Assert.Equal(
            "{\"id\":42,\"mentions\":[]}\n{\"id\":{\"doc\":\"x\",\"para\":3},\"mentions\":[]}\n",
            output);
    }

    [Fact]
    public void Invalid_lines_are_reported_by_line_number_and_the_rest_is_processed()
    {
        string input = string.Join('\n',
            "{\"id\": 1, \"text\": \"week\", \"ref\": \"1998-08-08\"}",
            "not json",
            "",
            "{\"id\": 3, \"text\": \"week\"}",
            "{\"id\": 4, \"text\": \"week\", \"ref\": \"1998-13-01\"}",
            "[1, 2]",
            "{\"text\": \"week\", \"ref\": \"1998-08-08\"}",
            "{\"id\": 8, \"text\": 5, \"ref\": \"1998-08-08\"}",
            "{\"id\": 9, \"text\": \"week\", \"ref\": \"1998-08-08\"}");

        (string output, string errors, int invalid) = Run(input);

        Assert.Equal([1, 9], output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetInt32()));
        string[] lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, invalid);
        Assert.Equal(
            ["in.jsonl(2,", "in.jsonl(4,", "in.jsonl(5,", "in.jsonl(6,", "in.jsonl(7,", "in.jsonl(8,"],
            lines.Select(l => l[..(l.IndexOf(',', StringComparison.Ordinal) + 1)]));
        Assert.All(lines, l => Assert.Contains(": error: ", l, StringComparison.Ordinal));
        Assert.Contains("\"ref\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("1998-13-01", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Ref_with_an_offset_is_that_instant_and_without_one_is_local_to_the_zone()
    {
        DateTimeZone moscow = DateTimeZoneProviders.Tzdb["Europe/Moscow"];
        Run(
            "{\"id\": 1, \"text\": \"a\", \"ref\": \"2026-01-27T23:30:00Z\"}\n" +
            "{\"id\": 2, \"text\": \"b\", \"ref\": \"2026-01-27T23:30\"}\n",
            moscow);

        // 23:30 UTC is already the 28th in Moscow; a local 23:30 is still the 27th.
        Assert.Equal(new LocalDate(2026, 1, 28), tagger.Calls[0].Reference.Date);
        Assert.Equal(new LocalDate(2026, 1, 27), tagger.Calls[1].Reference.Date);
        Assert.Equal(moscow, tagger.Calls[1].Reference.Published.Zone);
    }

    [Fact]
    public void Lines_without_ref_use_the_default_reference_when_there_is_one()
    {
        DocumentTime fallback = DocumentTime.FromDate(new LocalDate(2026, 1, 28));

        (_, string errors, int invalid) = Run("{\"id\": 1, \"text\": \"a\"}\n", fallback: fallback);

        Assert.Equal((0, ""), (invalid, errors));
        Assert.Same(fallback, tagger.Calls[0].Reference);
    }

    [Fact]
    public void Non_ASCII_text_is_written_readably_and_escaped_where_JSON_requires()
    {
        var quoting = new WordTagger(("«Friday»\t", TimexType.Date, "X"));
        var output = new StringWriter();

        JsonlTagging.Run(new StringReader("{\"id\":1,\"text\":\"«Friday»\\t\",\"ref\":\"1998-08-08\"}"), output, TextWriter.Null, "-", quoting);

        Assert.Contains("\"text\":\"«Friday»\\t\"", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Mod_is_written_in_its_TIMEX3_spelling()
    {
        var early = new FixedTagger(new TemporalMention(0, 5, "early", TimexType.Date, "2026-01", TimexMod.Start, "r"));
        var output = new StringWriter();

        JsonlTagging.Run(new StringReader("{\"id\":1,\"text\":\"early\",\"ref\":\"2026-01-28\"}"), output, TextWriter.Null, "-", early);

        Assert.Equal("START", JsonDocument.Parse(output.ToString()).RootElement.GetProperty("mentions")[0].GetProperty("mod").GetString());
    }

    private sealed class FixedTagger(params TemporalMention[] mentions) : ITemporalTagger
    {
        public IReadOnlyList<TemporalMention> Tag(string text, DocumentTime documentTime) => mentions;
    }
}
