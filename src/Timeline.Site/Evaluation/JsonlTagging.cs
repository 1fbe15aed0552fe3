using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
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
/// <remarks>
/// Stateless and thread-safe if the tagger is; one call processes one stream sequentially. Each line is read once with a
/// <see cref="Utf8JsonReader"/> (only <c>text</c> becomes a string) and written with one reused <see cref="Utf8JsonWriter"/>;
/// the <see cref="Stream"/> overload never decodes the JSON around the text nor encodes the output as UTF-16.
/// </remarks>
public static class JsonlTagging
{
    private const int ChunkSize = 1 << 16;

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

        var lines = new LineTagger(errors, inputName, tagger, zone, defaultReference);
        byte[] utf8 = new byte[4096];
        char[] chars = new char[4096];
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            int needed = Encoding.UTF8.GetMaxByteCount(line.Length);
            if (utf8.Length < needed)
            {
                utf8 = new byte[Math.Max(needed, utf8.Length * 2)];
            }

            int length = Encoding.UTF8.GetBytes(line, utf8);
            lines.Tag(utf8.AsSpan(0, length));
            if (lines.Pending.WrittenCount > 0)
            {
                int count = Encoding.UTF8.GetMaxCharCount(lines.Pending.WrittenCount);
                if (chars.Length < count)
                {
                    chars = new char[Math.Max(count, chars.Length * 2)];
                }

                output.Write(chars, 0, Encoding.UTF8.GetChars(lines.Pending.WrittenSpan, chars));
                lines.Pending.ResetWrittenCount();
            }
        }

        output.Flush();
        return lines.Invalid;
    }

    /// <summary>
    /// Tags every line of UTF-8 <paramref name="input"/> (a UTF-8 byte order mark is skipped; a seekable input with a
    /// UTF-16 or UTF-32 one is decoded as that) straight into UTF-8 <paramref name="output"/>; returns how many lines were invalid.
    /// Lines end as for <see cref="TextReader.ReadLine"/>: at <c>\n</c>, <c>\r</c> or <c>\r\n</c>; invalid UTF-8 reads as U+FFFD.
    /// </summary>
    /// <inheritdoc cref="Run(TextReader, TextWriter, TextWriter, string, ITemporalTagger, DateTimeZone?, DocumentTime?)"/>
    public static int Run(
        Stream input,
        Stream output,
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

        var lines = new LineTagger(errors, inputName, tagger, zone, defaultReference);
        byte[] buffer = new byte[ChunkSize];
        int start = 0;
        int end = Fill(input, buffer, 0);
        bool eof = end < buffer.Length;
        if (IsUtf16Or32ByteOrderMark(buffer.AsSpan(0, end)) && input.CanSeek)
        {
            input.Seek(-end, SeekOrigin.Current);
            using var reader = new StreamReader(input, Encoding.UTF8, true, ChunkSize, leaveOpen: true);
            using var writer = new StreamWriter(output, new UTF8Encoding(false), ChunkSize, leaveOpen: true);
            return Run(reader, writer, errors, inputName, tagger, zone, defaultReference);
        }

        if (buffer.AsSpan(0, end).StartsWith(Encoding.UTF8.Preamble))
        {
            start = Encoding.UTF8.Preamble.Length;
        }

        while (start < end || !eof)
        {
            int newline = buffer.AsSpan(start, end - start).IndexOfAny((byte)'\n', (byte)'\r');
            if (newline < 0 || (buffer[start + newline] == '\r' && start + newline + 1 == end && !eof))
            {
                if (eof)
                {
                    lines.Tag(buffer.AsSpan(start, end - start));
                    break;
                }

                // The line (or the "\n" of its "\r\n") goes on past the buffer: move it to the front, growing the buffer for a long line.
                int kept = end - start;
                if (kept > buffer.Length / 2)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                buffer.AsSpan(start, kept).CopyTo(buffer);
                start = 0;
                int filled = Fill(input, buffer, kept);
                eof = filled < buffer.Length;
                end = filled;
                continue;
            }

            int lineEnd = start + newline;
            lines.Tag(buffer.AsSpan(start, newline));
            start = lineEnd + (buffer[lineEnd] == '\r' && lineEnd + 1 < end && buffer[lineEnd + 1] == '\n' ? 2 : 1);
            if (lines.Pending.WrittenCount >= ChunkSize)
            {
                output.Write(lines.Pending.WrittenSpan);
                lines.Pending.ResetWrittenCount();
            }
        }

        output.Write(lines.Pending.WrittenSpan);
        lines.Pending.ResetWrittenCount();
        output.Flush();
        return lines.Invalid;
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the input ends; returns the end of the data.</summary>
    private static int Fill(Stream input, byte[] buffer, int from)
    {
        while (from < buffer.Length)
        {
            int read = input.Read(buffer, from, buffer.Length - from);
            if (read == 0)
            {
                break;
            }

            from += read;
        }

        return from;
    }

    private static bool IsUtf16Or32ByteOrderMark(ReadOnlySpan<byte> start) =>
        start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || start.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]);

    /// <summary>Tags one line at a time into <see cref="Pending"/> (each output line ends with <c>\n</c>), reporting invalid ones.</summary>
    private sealed class LineTagger
    {
        private readonly TextWriter _errors;
        private readonly string _inputName;
        private readonly ITemporalTagger _tagger;
        private readonly DateTimeZone? _zone;
        private readonly DocumentTime? _defaultReference;
        private readonly Utf8JsonWriter _writer;
        private int _lineNumber;

        public LineTagger(TextWriter errors, string inputName, ITemporalTagger tagger, DateTimeZone? zone, DocumentTime? defaultReference)
        {
            _errors = errors;
            _inputName = inputName;
            _tagger = tagger;
            _zone = zone;
            _defaultReference = defaultReference;
            _writer = new Utf8JsonWriter(Pending, WriterOptions);
        }

        /// <summary>The output lines written so far and not yet taken by the caller.</summary>
        public ArrayBufferWriter<byte> Pending { get; } = new(ChunkSize * 2);

        public int Invalid { get; private set; }

        public void Tag(ReadOnlySpan<byte> line)
        {
            _lineNumber++;
            if (IsWhiteSpace(line))
            {
                return;
            }

            // Read as a TextReader would: invalid UTF-8 becomes U+FFFD.
            if (!Utf8.IsValid(line))
            {
                line = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(line));
            }

            _writer.Reset();
            string? problem = TagLine(line, _writer, _tagger, _zone, _defaultReference, out int column);
            if (problem is not null)
            {
                Invalid++;
                _errors.Write(Diagnostic.Error(_inputName, _lineNumber, column, problem) + "\n");
                return;
            }

            _writer.Flush();
            Pending.GetSpan(1)[0] = (byte)'\n';
            Pending.Advance(1);
        }

        /// <summary>As <see cref="string.IsNullOrWhiteSpace"/> on the decoded line.</summary>
        private static bool IsWhiteSpace(ReadOnlySpan<byte> line)
        {
            int first = line.IndexOfAnyExcept(" \t\n\v\f\r"u8);
            return first < 0 || (line[first] >= 0x80 && string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(line)));
        }
    }

    /// <summary>Writes the output object for one line, or returns what is wrong with the line.</summary>
    private static string? TagLine(ReadOnlySpan<byte> line, Utf8JsonWriter writer, ITemporalTagger tagger, DateTimeZone? zone, DocumentTime? defaultReference, out int column)
    {
        column = 1;
        bool isObject;
        int idStart = -1;
        int idEnd = -1;
        string? text = null;
        bool hasText = false;
        JsonTokenType refType = JsonTokenType.None;
        string? refText = null;
        var reader = new Utf8JsonReader(line, new JsonReaderOptions());
        try
        {
            reader.Read();
            isObject = reader.TokenType == JsonTokenType.StartObject;
            if (isObject)
            {
                // Read the whole object, as JsonDocument.Parse did, so a syntax error anywhere wins; a repeated name keeps its last value.
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("id"u8))
                    {
                        reader.Read();
                        idStart = (int)reader.TokenStartIndex;
                        reader.Skip();
                        idEnd = (int)reader.BytesConsumed;
                    }
                    else if (reader.ValueTextEquals("text"u8))
                    {
                        reader.Read();
                        hasText = reader.TokenType == JsonTokenType.String;
                        text = hasText ? reader.GetString() : null;
                        reader.Skip();
                    }
                    else if (reader.ValueTextEquals("ref"u8))
                    {
                        reader.Read();
                        refType = reader.TokenType;
                        refText = refType == JsonTokenType.String ? reader.GetString() : null;
                        reader.Skip();
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }

            // Only whitespace may follow the value: Read throws on anything else.
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            column = (int)(e.BytePositionInLine ?? 0) + 1;
            return $"not valid JSON: {e.Message}";
        }

        if (!isObject)
        {
            return "expected a JSON object {\"id\", \"text\", \"ref\"}.";
        }

        if (idStart < 0)
        {
            return "missing \"id\".";
        }

        if (!hasText)
        {
            return "missing \"text\" string.";
        }

        DocumentTime reference;
        if (refType is not JsonTokenType.None and not JsonTokenType.Null)
        {
            if (refType != JsonTokenType.String)
            {
                return "\"ref\" must be a string (an ISO date or date-time).";
            }

            var parsed = ReferenceTime.Parse(refText, zone);
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

        IReadOnlyList<TemporalMention> mentions = tagger.Tag(text!, reference);
        writer.WriteStartObject();
        writer.WritePropertyName("id");
        WriteId(line[idStart..idEnd], writer);
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

    /// <summary>Echoes the id as <see cref="JsonElement.WriteTo"/> would: numbers as written, strings re-escaped, containers compacted.</summary>
    private static void WriteId(ReadOnlySpan<byte> json, Utf8JsonWriter writer)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                break;
            case JsonTokenType.String when !reader.ValueIsEscaped:
                writer.WriteStringValue(reader.ValueSpan);
                break;
            default:
                JsonElement.ParseValue(ref reader).WriteTo(writer);
                break;
        }
    }
}
