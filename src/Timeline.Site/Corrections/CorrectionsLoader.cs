using Timeline.Core.Diagnostics;
using Timeline.Core.Events;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Timeline.Site.Corrections;

/// <summary>
/// Reads <c>input/corrections.yml</c>: the editor's corrections to events, by event id (see README, "Corrections").
/// A missing file means no corrections. Malformed entries are reported with file(line,col) and skipped; nothing throws.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class CorrectionsLoader
{
    /// <summary>The file name inside the input folder.</summary>
    public const string FileName = "corrections.yml";

    internal const string NotAList = "corrections must be a list of entries (or a 'corrections:' key holding one)";
    internal const string EntryNotMapping = "a correction must be a mapping with an 'id' and what to change";
    internal const string MissingId = "a correction needs the 'id' of the event it corrects";
    internal const string NoAction = "the correction changes nothing: give date, hide, headline, merge_into or split";
    internal const string BadDate = "'{0}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD";
    internal const string UnknownKey = "unknown key '{0}' (known: id, date, hide, headline, merge_into, split, note)";
    internal const string BadSplit = "'split' lists the article files whose citations become a separate event";
    internal const string BadHide = "'hide' is true or false";

    /// <summary>Loads the corrections of the site in <paramref name="inputDir"/>.</summary>
    public static (IReadOnlyList<EventCorrection> Corrections, IReadOnlyList<Diagnostic> Diagnostics) Load(string inputDir)
    {
        string path = Path.Combine(inputDir, FileName);
        if (!File.Exists(path))
        {
            return ([], []);
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            return ([], [Diagnostic.Error(FileName, 0, 0, ex.Message)]);
        }
        catch (UnauthorizedAccessException ex)
        {
            return ([], [Diagnostic.Error(FileName, 0, 0, ex.Message)]);
        }

        return Parse(text, FileName);
    }

    /// <summary>Parses the text of a corrections file named <paramref name="file"/> (for positions).</summary>
    public static (IReadOnlyList<EventCorrection> Corrections, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text, string file)
    {
        var corrections = new List<EventCorrection>();
        var diagnostics = new List<Diagnostic>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text ?? ""));
        }
        catch (YamlException ex)
        {
            diagnostics.Add(Diagnostic.Error(file, (int)ex.Start.Line, (int)ex.Start.Column, FirstLine(ex.Message)));
            return (corrections, diagnostics);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return (corrections, diagnostics);
        }

        YamlNode root = stream.Documents[0].RootNode;
        if (root is YamlMappingNode top && top.Children.TryGetValue(new YamlScalarNode("corrections"), out YamlNode? inner))
        {
            root = inner;
        }

        if (root is YamlScalarNode { Value: null or "" })
        {
            return (corrections, diagnostics);
        }

        if (root is not YamlSequenceNode list)
        {
            diagnostics.Add(Error(file, root, NotAList));
            return (corrections, diagnostics);
        }

        foreach (YamlNode entry in list.Children)
        {
            ReadEntry(entry, file, corrections, diagnostics);
        }

        return (corrections, diagnostics);
    }

    private static void ReadEntry(YamlNode entry, string file, List<EventCorrection> corrections, List<Diagnostic> diagnostics)
    {
        if (entry is not YamlMappingNode map)
        {
            diagnostics.Add(Error(file, entry, EntryNotMapping));
            return;
        }

        string? id = null;
        YamlNode? idNode = null;
        var actions = new List<(YamlNode Node, CorrectionKind Kind, string Value, IReadOnlyList<string> Articles)>();
        foreach ((YamlNode keyNode, YamlNode value) in map.Children)
        {
            string key = (keyNode as YamlScalarNode)?.Value ?? "";
            string? scalar = (value as YamlScalarNode)?.Value?.Trim();
            switch (key)
            {
                case "id":
                    id = string.IsNullOrWhiteSpace(scalar) ? null : scalar;
                    idNode = value;
                    break;
                case "date":
                    if (CalendarValue.TryParse(scalar) is null)
                    {
                        diagnostics.Add(Error(file, value, string.Format(System.Globalization.CultureInfo.InvariantCulture, BadDate, scalar ?? "")));
                    }
                    else
                    {
                        actions.Add((value, CorrectionKind.PinDate, scalar!, []));
                    }

                    break;
                case "hide":
                    if (scalar is "true" or "yes" or "True")
                    {
                        actions.Add((value, CorrectionKind.Hide, "", []));
                    }
                    else if (scalar is not ("false" or "no" or "False"))
                    {
                        diagnostics.Add(Error(file, value, BadHide));
                    }

                    break;
                case "headline":
                    if (string.IsNullOrWhiteSpace(scalar))
                    {
                        diagnostics.Add(Error(file, value, "'headline' needs the new headline text"));
                    }
                    else
                    {
                        actions.Add((value, CorrectionKind.Rename, scalar, []));
                    }

                    break;
                case "merge_into":
                    if (string.IsNullOrWhiteSpace(scalar))
                    {
                        diagnostics.Add(Error(file, value, "'merge_into' needs the id of the event to merge into"));
                    }
                    else
                    {
                        actions.Add((value, CorrectionKind.Merge, scalar, []));
                    }

                    break;
                case "split":
                    var articles = value switch
                    {
                        YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0).ToList(),
                        YamlScalarNode s when !string.IsNullOrWhiteSpace(s.Value) => [s.Value!.Trim()],
                        _ => new List<string>(),
                    };
                    if (articles.Count == 0)
                    {
                        diagnostics.Add(Error(file, value, BadSplit));
                    }
                    else
                    {
                        actions.Add((value, CorrectionKind.Split, "", articles));
                    }

                    break;
                case "note":
                    break;
                default:
                    diagnostics.Add(Diagnostic.Warning(file, Line(keyNode), Column(keyNode), string.Format(System.Globalization.CultureInfo.InvariantCulture, UnknownKey, key)));
                    break;
            }
        }

        if (id is null)
        {
            diagnostics.Add(Error(file, entry, MissingId));
            return;
        }

        if (actions.Count == 0 && !diagnostics.Any(d => d.Line >= Line(entry)))
        {
            diagnostics.Add(Diagnostic.Warning(file, Line(entry), Column(entry), NoAction));
        }

        // Positions point at the id: a warning about a correction is almost always "no event has this id".
        foreach ((_, CorrectionKind kind, string value, IReadOnlyList<string> articles) in actions)
        {
            corrections.Add(new EventCorrection(kind, id, value) { Articles = articles, File = file, Line = Line(idNode!), Column = Column(idNode!) });
        }
    }

    private static Diagnostic Error(string file, YamlNode node, string message) => Diagnostic.Error(file, Line(node), Column(node), message);

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static int Column(YamlNode node) => (int)node.Start.Column;

    private static string FirstLine(string message)
    {
        int cut = message.IndexOf('\n', StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }
}
