using System.Text.RegularExpressions;
using Timeline.Core;
using Timeline.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Timeline.Site.Loading;

/// <summary>One value of a flat YAML mapping: a scalar or a list of scalars, with the 1-based file position of the value.</summary>
internal sealed record YamlValue(string? Scalar, IReadOnlyList<string>? Items, int Line, int Column)
{
    /// <summary>The value as text: the scalar, or the items joined with ", ".</summary>
    public string Text => Scalar ?? string.Join(", ", Items ?? []);
}

/// <summary>A key of a flat YAML mapping with the position of the key itself.</summary>
internal sealed record YamlEntry(string Key, int KeyLine, int KeyColumn, YamlValue Value);

/// <summary>
/// Reads a flat YAML mapping (front matter, site.yml) with YamlDotNet's event parser so that every value keeps its
/// file position. Nested mappings are reported, not interpreted.
/// </summary>
internal static partial class YamlMap
{
    /// <summary>
    /// Parses <paramref name="yaml"/>, whose first line is line <paramref name="firstLine"/> of <paramref name="file"/>.
    /// The commonest front-matter mistake, a plain value with a ": " in it (<c>title: SVB collapse: start-ups count the cost</c>),
    /// is invalid YAML; such a line is read as its text with a warning at the value, so one unquoted title does not lose the
    /// article. Any other YAML error is an error at its position.
    /// </summary>
    public static (IReadOnlyList<YamlEntry> Entries, IReadOnlyList<Diagnostic> Diagnostics) Parse(string yaml, string file, int firstLine)
    {
        (IReadOnlyList<YamlEntry> entries, IReadOnlyList<Diagnostic> diagnostics, YamlException? error) = ParseOnce(yaml, file, firstLine);
        var repairs = new List<Diagnostic>();
        string repaired = yaml;
        // Each pass quotes one line; a mapping has few lines, and a line is never repaired twice (it no longer matches).
        while (error is not null && QuoteColonValue(repaired, (int)error.Start.Line) is { } quoted)
        {
            (int line, _) = Position(error.Start, firstLine);
            repairs.Add(Diagnostic.Warning(file, line, quoted.ValueColumn,
                $"{quoted.Key}: the value contains ': ' and is not quoted; it is read as text (put it in quotes to silence this)"));
            repaired = quoted.Yaml;
            (entries, diagnostics, error) = ParseOnce(repaired, file, firstLine);
        }

        return repairs.Count == 0 ? (entries, diagnostics) : (entries, [.. repairs, .. diagnostics]);
    }

    /// <summary>
    /// <paramref name="yaml"/> with line <paramref name="line"/> (1-based) rewritten as <c>key: 'value'</c> when it is a
    /// top-level <c>key: plain value</c> whose value holds a ": ", with that key and the 1-based column of its value;
    /// otherwise null (the error is not that mistake).
    /// </summary>
    private static (string Yaml, string Key, int ValueColumn)? QuoteColonValue(string yaml, int line)
    {
        string[] lines = yaml.Split('\n');
        if (line < 1 || line > lines.Length)
        {
            return null;
        }

        Match m = PlainKeyValue().Match(lines[line - 1]);
        if (!m.Success)
        {
            return null;
        }

        string key = m.Groups["key"].Value;
        string value = m.Groups["value"].Value.TrimEnd();
        lines[line - 1] = $"{key}: '{value.Replace("'", "''", StringComparison.Ordinal)}'";
        return (string.Join('\n', lines), key, m.Groups["value"].Index + 1);
    }

    /// <summary>A top-level <c>key: value</c> line whose plain value (not quoted, not a flow collection or block scalar) holds ": ".</summary>
    [GeneratedRegex(@"^(?<key>[A-Za-z_][A-Za-z0-9_-]*):[ \t]+(?<value>[^'""\[{|>&*!#\s][^\n]*?:[ \t][^\n]*)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexDefaults.TimeoutMs)]
    private static partial Regex PlainKeyValue();

    private static (IReadOnlyList<YamlEntry> Entries, IReadOnlyList<Diagnostic> Diagnostics, YamlException? Error) ParseOnce(string yaml, string file, int firstLine)
    {
        YamlException? error = null;
        var entries = new List<YamlEntry>();
        var diagnostics = new List<Diagnostic>();
        try
        {
            var parser = new Parser(new StringReader(yaml));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return (entries, diagnostics, error);
            }

            parser.Consume<DocumentStart>();
            if (parser.TryConsume<Scalar>(out var empty) && empty.Value.Length == 0)
            {
                return (entries, diagnostics, error);
            }

            if (!parser.TryConsume<MappingStart>(out _))
            {
                parser.Accept<ParsingEvent>(out var unexpected);
                (int l, int c) = Position(unexpected?.Start ?? Mark.Empty, firstLine);
                diagnostics.Add(Diagnostic.Error(file, l, c, "front matter must be a mapping of 'key: value' lines"));
                return (entries, diagnostics, error);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (!parser.TryConsume<Scalar>(out var key))
                {
                    parser.Accept<ParsingEvent>(out var odd);
                    (int l, int c) = Position(odd?.Start ?? Mark.Empty, firstLine);
                    diagnostics.Add(Diagnostic.Error(file, l, c, "a key must be plain text"));
                    parser.SkipThisAndNestedEvents();
                    parser.SkipThisAndNestedEvents();
                    continue;
                }

                (int keyLine, int keyColumn) = Position(key.Start, firstLine);
                YamlValue? value = ReadValue(parser, file, firstLine, key.Value, diagnostics);
                if (value is null)
                {
                    continue;
                }

                if (!seen.Add(key.Value))
                {
                    diagnostics.Add(Diagnostic.Warning(file, keyLine, keyColumn, $"{key.Value}: given twice; the last value is used"));
                    entries.RemoveAll(e => e.Key == key.Value);
                }

                entries.Add(new YamlEntry(key.Value, keyLine, keyColumn, value));
            }
        }
        catch (YamlException ex)
        {
            error = ex;
            (int l, int c) = Position(ex.Start, firstLine);
            diagnostics.Add(Diagnostic.Error(file, l, c, $"invalid YAML: {FirstLine(ex.Message)}"));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail this way on some malformed flow collections ("title: [unclosed").
            YamlEntry? last = entries.Count > 0 ? entries[^1] : null;
            diagnostics.Add(Diagnostic.Error(file, last is null ? firstLine : last.KeyLine + 1, 1, "invalid YAML: is a '[', '{' or quote left unclosed?"));
        }

        return (entries, diagnostics, error);
    }

    private static YamlValue? ReadValue(IParser parser, string file, int firstLine, string key, List<Diagnostic> diagnostics)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            (int l, int c) = Position(scalar.Start, firstLine);
            return new YamlValue(scalar.Value, null, l, c);
        }

        if (parser.TryConsume<SequenceStart>(out var sequence))
        {
            (int l, int c) = Position(sequence.Start, firstLine);
            var items = new List<string>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                if (parser.TryConsume<Scalar>(out var item))
                {
                    items.Add(item.Value);
                }
                else
                {
                    parser.Accept<ParsingEvent>(out var nested);
                    (int nl, int nc) = Position(nested?.Start ?? sequence.Start, firstLine);
                    diagnostics.Add(Diagnostic.Warning(file, nl, nc, $"{key}: nested lists or mappings are ignored"));
                    parser.SkipThisAndNestedEvents();
                }
            }

            return new YamlValue(null, items, l, c);
        }

        parser.Accept<ParsingEvent>(out var other);
        (int ol, int oc) = Position(other?.Start ?? Mark.Empty, firstLine);
        diagnostics.Add(Diagnostic.Warning(file, ol, oc, $"{key}: nested mappings are not supported; the value is ignored"));
        parser.SkipThisAndNestedEvents();
        return null;
    }

    private static (int Line, int Column) Position(Mark mark, int firstLine) =>
        mark.Line <= 0 ? (0, 0) : ((int)mark.Line + firstLine - 1, (int)mark.Column);

    private static string FirstLine(string message)
    {
        int cut = message.IndexOf('\n', StringComparison.Ordinal);
        string first = cut < 0 ? message : message[..cut];
        int paren = first.IndexOf("): ", StringComparison.Ordinal);
        return paren >= 0 && first.StartsWith('(') ? first[(paren + 3)..] : first;
    }
}
