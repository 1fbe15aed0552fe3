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
internal static class YamlMap
{
    /// <summary>Parses <paramref name="yaml"/>, whose first line is line <paramref name="firstLine"/> of <paramref name="file"/>.</summary>
    public static (IReadOnlyList<YamlEntry> Entries, IReadOnlyList<Diagnostic> Diagnostics) Parse(string yaml, string file, int firstLine)
    {
        var entries = new List<YamlEntry>();
        var diagnostics = new List<Diagnostic>();
        try
        {
            var parser = new Parser(new StringReader(yaml));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return (entries, diagnostics);
            }

            parser.Consume<DocumentStart>();
            if (parser.TryConsume<Scalar>(out var empty) && empty.Value.Length == 0)
            {
                return (entries, diagnostics);
            }

            if (!parser.TryConsume<MappingStart>(out _))
            {
                parser.Accept<ParsingEvent>(out var unexpected);
                (int l, int c) = Position(unexpected?.Start ?? Mark.Empty, firstLine);
                diagnostics.Add(Diagnostic.Error(file, l, c, "front matter must be a mapping of 'key: value' lines"));
                return (entries, diagnostics);
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
            (int l, int c) = Position(ex.Start, firstLine);
            diagnostics.Add(Diagnostic.Error(file, l, c, $"invalid YAML: {FirstLine(ex.Message)}"));
        }

        return (entries, diagnostics);
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
