using Timeline.Core.Temporal;

namespace Timeline.Site.Evaluation;

/// <summary>
/// One TIMEX3 as the scorer sees it, gold or system: an extent in the plain text of a document (UTF-16 offsets,
/// end exclusive) and the attributes TempEval-3 compares, spelled as in TimeML (<c>DATE</c>, <c>1998-01-08</c>).
/// </summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset just past the last character.</param>
/// <param name="Text">The expression as written.</param>
/// <param name="Type">TIMEX3 type attribute (<c>DATE</c>, <c>TIME</c>, <c>DURATION</c>, <c>SET</c>).</param>
/// <param name="Value">TIMEX3 value attribute, compared as an exact string.</param>
/// <param name="Mod">TIMEX3 mod attribute, or null.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record TimexAnnotation(int Start, int End, string Text, string Type, string Value, string? Mod)
{
    /// <summary>The gold tid, or the rule that produced a system mention; for error reports only.</summary>
    public string? Origin { get; init; }

    /// <summary>A system annotation from a tagger mention.</summary>
    public static TimexAnnotation FromMention(TemporalMention mention) =>
        new(mention.Start, mention.End, mention.Text, TimexSpelling.ToTimex(mention.Type), mention.Value, mention.Mod.ToTimex())
        {
            Origin = mention.Rule,
        };
}

/// <summary>TimeML spellings of <see cref="TimexType"/>.</summary>
public static class TimexSpelling
{
    /// <summary>The TIMEX3 type attribute: <c>DATE</c>, <c>TIME</c>, <c>DURATION</c> or <c>SET</c>.</summary>
    public static string ToTimex(TimexType type) => type switch
    {
        TimexType.Date => "DATE",
        TimexType.Time => "TIME",
        TimexType.Duration => "DURATION",
        TimexType.Set => "SET",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Parses a TIMEX3 type attribute (case-insensitive); null when it is not one of the four types.</summary>
    public static TimexType? ParseType(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "DATE" => TimexType.Date,
        "TIME" => TimexType.Time,
        "DURATION" => TimexType.Duration,
        "SET" => TimexType.Set,
        _ => null,
    };
}
