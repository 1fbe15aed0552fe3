using System.Text;
using System.Xml;
using System.Xml.Linq;
using Timeline.Core.Diagnostics;
using Timeline.Core.Temporal;

namespace Timeline.Site.Evaluation;

/// <summary>The outcome of reading one .tml file: the document, or the errors that prevented it.</summary>
public sealed record TimeMlReadResult(TimeMlDocument? Document, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Reads TimeML (.tml) gold files: TempEval-3 TBAQ, and the WikiWars and TweeTIME conversions.
/// Takes the first <c>&lt;TEXT&gt;</c> element and the TIMEX3 with <c>functionInDocument="CREATION_TIME"</c> (or the one
/// inside <c>&lt;DCT&gt;</c>) as document time.
/// </summary>
/// <remarks>Stateless and thread-safe. Bad files give diagnostics with <c>file(line,col)</c>, never exceptions.</remarks>
public static class TimeMlReader
{
    /// <summary>Elements outside TEXT that refer to the text's annotations and would dangle once they are replaced.</summary>
    internal static readonly HashSet<string> LinkElements = new(StringComparer.Ordinal) { "MAKEINSTANCE", "TLINK", "SLINK", "ALINK" };

    public static TimeMlReadResult ReadFile(string path, string name)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return Read(reader, name);
        }
        catch (IOException e)
        {
            return Failed(name, 0, 0, e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return Failed(name, 0, 0, e.Message);
        }
    }

    public static TimeMlReadResult Read(TextReader input, string name)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(name);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreWhitespace = false,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };

        XDocument xml;
        try
        {
            using var reader = XmlReader.Create(input, settings);
            xml = XDocument.Load(reader, LoadOptions.PreserveWhitespace | LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            return Failed(name, e.LineNumber, e.LinePosition, e.Message);
        }

        XElement? text = xml.Root?.DescendantsAndSelf().FirstOrDefault(e => e.Name.LocalName == "TEXT");
        if (text is null)
        {
            return Failed(name, 0, 0, "no <TEXT> element.");
        }

        XElement? dctElement = FindDct(xml.Root!, text);
        if (dctElement is null)
        {
            return Failed(name, 0, 0, "no document creation time (a TIMEX3 in <DCT> or with functionInDocument=\"CREATION_TIME\").");
        }

        string dctValue = Attribute(dctElement, "value") ?? "";
        var documentTime = ReferenceTime.Parse(dctValue);
        if (!documentTime.Success)
        {
            (int line, int column) = LineInfo(dctElement);
            return Failed(name, line, column, $"DCT value: {documentTime.Exception.Message}");
        }

        var plain = new StringBuilder();
        var gold = new List<TimexAnnotation>();
        var segments = new List<(int PlainStart, int Line, int Column)>();
        Walk(text, plain, gold, segments);
        string plainText = plain.ToString();
        var dct = Annotation(dctElement, 0, 0, dctElement.Value);
        var document = new TimeMlDocument(name, plainText, dct, documentTime.Value, gold, xml, segments);
        return new TimeMlReadResult(document, []);
    }

    private static XElement? FindDct(XElement root, XElement text)
    {
        XElement? byFunction = root.Descendants()
            .FirstOrDefault(e => e.Name.LocalName == "TIMEX3" && Attribute(e, "functionInDocument") == "CREATION_TIME" && !e.Ancestors().Contains(text));
        return byFunction ?? root.Descendants()
            .Where(e => e.Name.LocalName == "DCT")
            .SelectMany(e => e.Descendants())
            .FirstOrDefault(e => e.Name.LocalName == "TIMEX3");
    }

    private static void Walk(XElement element, StringBuilder plain, List<TimexAnnotation> gold, List<(int, int, int)> segments)
    {
        foreach (XNode node in element.Nodes())
        {
            switch (node)
            {
                case XText textNode:
                    (int line, int column) = LineInfo(textNode);
                    if (line > 0)
                    {
                        segments.Add((plain.Length, line, column));
                    }

                    plain.Append(textNode.Value);
                    break;
                case XElement child when child.Name.LocalName == "TIMEX3":
                    int start = plain.Length;
                    int index = gold.Count;
                    Walk(child, plain, gold, segments);
                    gold.Insert(index, Annotation(child, start, plain.Length, plain.ToString(start, plain.Length - start)));
                    break;
                case XElement child:
                    Walk(child, plain, gold, segments);
                    break;
            }
        }
    }

    private static TimexAnnotation Annotation(XElement timex, int start, int end, string text) =>
        new(start, end, text, Attribute(timex, "type") ?? "", Attribute(timex, "value") ?? "", Attribute(timex, "mod"))
        {
            Origin = Attribute(timex, "tid"),
        };

    private static string? Attribute(XElement element, string name) => element.Attributes().FirstOrDefault(a => a.Name.LocalName == name)?.Value;

    private static (int Line, int Column) LineInfo(IXmlLineInfo node) => node.HasLineInfo() ? (node.LineNumber, node.LinePosition) : (0, 0);

    private static TimeMlReadResult Failed(string name, int line, int column, string message) =>
        new(null, [Diagnostic.Error(name, line, column, message)]);
}
