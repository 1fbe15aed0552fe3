namespace Timeline.Core.Events;

/// <summary>What an editor's correction does to the event it names.</summary>
public enum CorrectionKind
{
    /// <summary>Set the event's date to <see cref="EventCorrection.Value"/> (a TIMEX3 day, month or year).</summary>
    PinDate,

    /// <summary>Leave the event out of the timeline (its mentions are listed as excluded).</summary>
    Hide,

    /// <summary>Replace the headline with <see cref="EventCorrection.Value"/>.</summary>
    Rename,

    /// <summary>Move every citation of the event into the event <see cref="EventCorrection.Value"/> names.</summary>
    Merge,

    /// <summary>Move the citations from the articles in <see cref="EventCorrection.Articles"/> into a new event.</summary>
    Split,
}

/// <summary>
/// One editor correction from <c>input/corrections.yml</c>, addressed by event id, with where it was written so a
/// warning can point at it.
/// </summary>
/// <param name="Kind">What to do.</param>
/// <param name="EventId">The id of the event to correct (as in events.json).</param>
/// <param name="Value">The pinned date, the new headline, or the id to merge into; empty for hide and split.</param>
public sealed record EventCorrection(CorrectionKind Kind, string EventId, string Value)
{
    /// <summary>For <see cref="CorrectionKind.Split"/>: the article paths whose citations move to the new event.</summary>
    public IReadOnlyList<string> Articles { get; init; } = [];

    /// <summary>The corrections file, relative to the input folder.</summary>
    public string File { get; init; } = "corrections.yml";

    /// <summary>1-based line of the correction in <see cref="File"/> (0 when unknown).</summary>
    public int Line { get; init; }

    /// <summary>1-based column of the correction in <see cref="File"/> (0 when unknown).</summary>
    public int Column { get; init; }
}
