using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Timeline.Core.Temporal;

namespace Timeline.Site.Evaluation;

/// <summary>
/// Writes a system-annotated copy of a gold TimeML document for the TempEval-3 toolkit: same header (DOCID, DCT…),
/// <c>&lt;TEXT&gt;</c> replaced by its plain text with the system TIMEX3s inserted (tid, type, value, mod), and the gold
/// annotation layers that would dangle (MAKEINSTANCE, TLINK, SLINK, ALINK) dropped. The text itself is unchanged, which
/// is what the toolkit checks before it scores.
/// </summary>
/// <remarks>Stateless and thread-safe. Output is deterministic: UTF-8, <c>\n</c> line ends, no indentation added.</remarks>
public static class TimeMlWriter
{
    public static void Write(TimeMlDocument document, IReadOnlyList<TemporalMention> mentions, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(output);

        var copy = new XDocument(document.Source);
        XElement text = copy.Root!.DescendantsAndSelf().First(e => e.Name.LocalName == "TEXT");
        foreach (XElement link in copy.Root.Descendants().Where(e => TimeMlReader.LinkElements.Contains(e.Name.LocalName)).ToList())
        {
            if (link.NextNode is XText { Value: var after } spacing && string.IsNullOrWhiteSpace(after))
            {
                spacing.Remove();
            }

            link.Remove();
        }

        var usedTids = new HashSet<string>(
            copy.Root.Descendants().Where(e => e.Name.LocalName == "TIMEX3" && !e.Ancestors().Contains(text))
                .Select(e => (string?)e.Attribute("tid") ?? ""),
            StringComparer.Ordinal);
        text.ReplaceNodes(Annotate(document.PlainText, mentions, text.Name.Namespace, usedTids));

        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            Indent = false,
        };
        using var writer = XmlWriter.Create(output, settings);
        copy.Save(writer);
    }

    /// <summary>
    /// The content of <c>&lt;TEXT&gt;</c>: <paramref name="plainText"/> with one TIMEX3 element per mention. Mentions out of
    /// bounds, empty, or overlapping an earlier one are left out (the tagger promises none; a bad one must not corrupt the file).
    /// </summary>
    internal static IEnumerable<XNode> Annotate(string plainText, IReadOnlyList<TemporalMention> mentions, XNamespace ns, ISet<string> usedTids)
    {
        int position = 0;
        int next = 1;
        foreach (TemporalMention m in mentions.OrderBy(m => m.Start).ThenBy(m => m.End))
        {
            if (m.Start < position || m.End <= m.Start || m.End > plainText.Length)
            {
                continue;
            }

            if (m.Start > position)
            {
                yield return new XText(plainText[position..m.Start]);
            }

            string tid;
            do
            {
                tid = "t" + next++.ToString(CultureInfo.InvariantCulture);
            }
            while (usedTids.Contains(tid));

            var timex = new XElement(
                ns + "TIMEX3",
                new XAttribute("tid", tid),
                new XAttribute("type", TimexSpelling.ToTimex(m.Type)),
                new XAttribute("value", m.Value),
                new XText(plainText[m.Start..m.End]));
            if (m.Mod.ToTimex() is { } mod)
            {
                timex.Add(new XAttribute("mod", mod));
            }

            yield return timex;
            position = m.End;
        }

        if (position < plainText.Length)
        {
            yield return new XText(plainText[position..]);
        }
    }
}
