using System.Xml.Linq;
using Timeline.Core.Temporal;

namespace Timeline.Site.Evaluation;

/// <summary>
/// A TimeML document as the evaluation needs it: the plain text of <c>&lt;TEXT&gt;</c> (inline tags removed, entities
/// decoded, line ends normalised to <c>\n</c> as by any XML parser), the gold TIMEX3 extents in that text, and the
/// document creation time from <c>&lt;DCT&gt;</c> that relative expressions resolve against.
/// </summary>
/// <remarks>Immutable once read; the parsed XML is kept (and never changed) so a system copy can be written.</remarks>
public sealed class TimeMlDocument
{
    private readonly int[] segmentStarts;
    private readonly (int Line, int Column)[] segmentPositions;

    internal TimeMlDocument(
        string name,
        string plainText,
        TimexAnnotation dct,
        DocumentTime documentTime,
        IReadOnlyList<TimexAnnotation> gold,
        XDocument source,
        List<(int PlainStart, int Line, int Column)> segments)
    {
        Name = name;
        PlainText = plainText;
        Dct = dct;
        DocumentTime = documentTime;
        Gold = gold;
        Source = source;
        segmentStarts = segments.Select(s => s.PlainStart).ToArray();
        segmentPositions = segments.Select(s => (s.Line, s.Column)).ToArray();
    }

    /// <summary>Path relative to the gold folder, with forward slashes (e.g. <c>TimeBank/ABC19980108.1830.0711.tml</c>).</summary>
    public string Name { get; }

    /// <summary>The text of <c>&lt;TEXT&gt;</c> with its inline tags removed; all offsets point into it.</summary>
    public string PlainText { get; }

    /// <summary>The DCT timex (its offsets are meaningless: it is outside the text).</summary>
    public TimexAnnotation Dct { get; }

    /// <summary>The DCT as an anchor, in UTC.</summary>
    public DocumentTime DocumentTime { get; }

    /// <summary>Gold TIMEX3s inside <c>&lt;TEXT&gt;</c>, in text order.</summary>
    public IReadOnlyList<TimexAnnotation> Gold { get; }

    internal XDocument Source { get; }

    /// <summary>
    /// The 1-based line and column in the .tml file of the plain-text offset <paramref name="offset"/>
    /// (columns count characters after entity decoding, so they drift by a few on lines with entities).
    /// </summary>
    public (int Line, int Column) SourcePosition(int offset)
    {
        if (segmentStarts.Length == 0)
        {
            return (0, 0);
        }

        offset = Math.Clamp(offset, 0, PlainText.Length);
        int i = Array.BinarySearch(segmentStarts, offset);
        if (i < 0)
        {
            i = Math.Max(0, ~i - 1);
        }

        // Several segments may start at the same offset (empty elements): take the last.
        while (i + 1 < segmentStarts.Length && segmentStarts[i + 1] <= offset)
        {
            i++;
        }

        (int line, int column) = segmentPositions[i];
        for (int p = segmentStarts[i]; p < offset; p++)
        {
            if (PlainText[p] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }
}
