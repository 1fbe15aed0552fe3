using Timeline.Core.Temporal;

namespace Timeline.Core.Events;

/// <summary>Sources that place the same event at incompatible dates.</summary>
public sealed record DateConflict(string Value, IReadOnlyList<string> ArticlePaths, string Note);

/// <summary>
/// One event of the timeline: the same happening reported by one or more sources, at the most precise date
/// its sources support (<see cref="Date"/>, a TIMEX3 value, and <see cref="Range"/>), with every citation.
/// </summary>
public sealed record TimelineEvent(
    string Id,
    string Date,
    TimexMod Modifier,
    DateRange Range,
    string Headline,
    IReadOnlyList<EventMention> Sources)
{
    public bool Key { get; init; }

    public double Salience { get; init; }

    /// <summary>Background history long before the story's own span (see <see cref="SalienceSignals.Background"/>): never key.</summary>
    public bool Background { get; init; }

    public IReadOnlyList<string> Participants { get; init; } = [];

    public IReadOnlyList<DateConflict> Conflicts { get; init; } = [];

    /// <summary>URL slug, from date and headline ("2026-01-28-al-sharaa-visits-moscow").</summary>
    public string Slug { get; init; } = "";

    /// <summary>Number of distinct outlets (independent sources) that report the event.</summary>
    public int Outlets { get; init; }

    /// <summary>Editor notes from corrections applied to this event ("date pinned by editor").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// When this entry is a day that gathers several happenings (see <see cref="DayDigest"/>): each of them, the lead (whose
    /// id, headline and salience the entry carries) first. Empty when the entry is a single happening.
    /// </summary>
    public IReadOnlyList<Happening> Happenings { get; init; } = [];

    /// <summary>An editor split this event from another (corrections): it keeps an entry of its own, never gathered into its day.</summary>
    public bool StandsAlone { get; init; }
}

/// <summary>Something the event stages left out of the timeline, and why (shown in the build report).</summary>
public sealed record ExcludedMention(EventMention Mention, string Reason);

/// <summary>The ordered events of a site plus what was left out.</summary>
public sealed record Chronology(IReadOnlyList<TimelineEvent> Events, IReadOnlyList<ExcludedMention> Excluded)
{
    /// <summary>Problems found while building (an unknown id in a correction…), with their file(line,col).</summary>
    public IReadOnlyList<Timeline.Core.Diagnostics.Diagnostic> Diagnostics { get; init; } = [];
}
