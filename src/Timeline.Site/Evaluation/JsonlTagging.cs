using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using Timeline.Core.Diagnostics;
using Timeline.Core.Temporal;

namespace Timeline.Site.Evaluation;

/// <summary>
/// Batch tagging, one JSON object per line: reads <c>{"id", "text", "ref"}</c>, writes
/// <c>{"id", "mentions": [{"start", "end", "text", "type", "value", "mod"}]}</c> with offsets in UTF-16 code units of
/// <c>text</c>. Streams: one line in, one line out, so memory stays flat whatever the input size.
/// A line that is not valid gives an error on <c>errors</c> naming its line number, and the run goes on.
/// </summary>
/// <remarks>Stateless and thread-safe if the tagger is; one call processes one stream sequentially.</remarks>
public static class JsonlTagging
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Output is data for programs, not HTML: keep non-ASCII text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    /// <summary>Tags every line of <paramref name="input"/>; returns how many lines were invalid.</summary>
    /// <param name="input">The jsonl input.</param>
    /// <param name="output">Receives one line per valid input line.</param>
    /// <param name="errors">Receives one diagnostic per invalid line, as <c>name(line,col): error: …</c>.</param>
    /// <param name="inputName">The input's name for diagnostics (<c>-</c> for standard input).</param>
    /// <param name="tagger">The tagger.</param>
    /// <param name="zone">Zone for <c>ref</c> values without an offset (and to view those with one), or null for UTC.</param>
    /// <param name="defaultReference">Reference time for lines without <c>ref</c>, or null to reject them.</param>
    public static int Run(
        TextReader input,
        TextWriter output,
        TextWriter errors,
        string inputName,
        ITemporalTagger tagger,
        DateTimeZone? zone = null,
        DocumentTime? defaultReference = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(tagger);

        var buffer = new ArrayBufferWriter<byte>(4096);
        using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        char[] chars = new char[4096];
        int invalid = 0;
        int lineNumber = 0;
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            string? problem = TagLine(line, writer, tagger, zone, defaultReference, out int column);
            if (problem is not null)
            {
                invalid++;
                errors.Write(Diagnostic.Error(inputName, lineNumber, column, problem) + "\n");
                continue;
            }

            writer.Flush();
            int needed = Encoding.UTF8.GetMaxCharCount(buffer.WrittenCount);
            if (chars.Length < needed)
            {
                chars = new char[Math.Max(needed, chars.Length * 2)];
            }

            int count = Encoding.UTF8.GetChars(buffer.WrittenSpan, chars);
            output.Write(chars, 0, count);
            output.Write('\n');
        }

        output.Flush();
        return invalid;
    }

    /// <summary>Writes the output object for one line, or returns what is wrong with the line.</summary>
    private static string? TagLine(string line, Utf8JsonWriter writer, ITemporalTagger tagger, DateTimeZone? zone, DocumentTime? defaultReference, out int column)
    {
        column = 1;
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            column = (int)(e.BytePositionInLine ?? 0) + 1;
            return $"not valid JSON: {e.Message}";
        }

        using (json)
        {
            JsonElement root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "expected a JSON object {\"id\", \"text\", \"ref\"}.";
            }

            if (!root.TryGetProperty("id", out JsonElement id))
            {
                return "missing \"id\".";
            }

            if (!root.TryGetProperty("text", out JsonElement textElement) || textElement.ValueKind != JsonValueKind.String)
            {
                return "missing \"text\" string.";
            }

            DocumentTime reference;
            if (root.TryGetProperty("ref", out JsonElement refElement) && refElement.ValueKind != JsonValueKind.Null)
            {
                if (refElement.ValueKind != JsonValueKind.String)
                {
                    return "\"ref\" must be a string (an ISO date or date-time).";
                }

                var parsed = ReferenceTime.Parse(refElement.GetString(), zone);
                if (!parsed.Success)
                {
                    return $"\"ref\": {parsed.Exception.Message}";
                }

                reference = parsed.Value;
            }
            else if (defaultReference is not null)
            {
                reference = defaultReference;
            }
            else
            {
                return "missing \"ref\" (an ISO date or date-time).";
            }

            string text = textElement.GetString()!;
            IReadOnlyList<TemporalMention> mentions = tagger.Tag(text, reference);
            writer.WriteStartObject();
            writer.WritePropertyName("id");
            id.WriteTo(writer);
            writer.WriteStartArray("mentions");
            foreach (TemporalMention m in mentions)
            {
                writer.WriteStartObject();
                writer.WriteNumber("start", m.Start);
                writer.WriteNumber("end", m.End);
                writer.WriteString("text", m.Text);
                writer.WriteString("type", TimexSpelling.ToTimex(m.Type));
                writer.WriteString("value", m.Value);
                if (m.Mod.ToTimex() is { } mod)
                {
                    writer.WriteString("mod", mod);
                }
                else
                {
                    writer.WriteNull("mod");
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            return null;
        }
    }
}
