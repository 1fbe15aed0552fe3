namespace Timeline.Core.Temporal;

/// <summary>
/// One temporal expression found in a text: its extent (UTF-16 offsets into the tagged text, end exclusive),
/// its TIMEX3 type, value and mod, the calendar range it denotes when it has one, and the rule that produced it.
/// </summary>
/// <param name="Start">Offset of the first character of the expression.</param>
/// <param name="End">Offset just past the last character.</param>
/// <param name="Text">The expression as written.</param>
/// <param name="Type">TIMEX3 type.</param>
/// <param name="Value">TIMEX3 value: "2026-01-28", "2025-10", "P15D", "PAST_REF", "XXXX-WXX-3"…</param>
/// <param name="Mod">TIMEX3 mod.</param>
/// <param name="Rule">Name of the rule that recognised and resolved it, for diagnostics.</param>
public sealed record TemporalMention(
    int Start,
    int End,
    string Text,
    TimexType Type,
    string Value,
    TimexMod Mod,
    string Rule)
{
    /// <summary>The days this value covers, or null when it has no calendar position (durations, sets, PAST_REF…).</summary>
    public DateRange? Range { get; init; }

    /// <summary>Length of the extent.</summary>
    public int Length => End - Start;
}
