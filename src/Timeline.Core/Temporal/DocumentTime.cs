using NodaTime;

namespace Timeline.Core.Temporal;

/// <summary>
/// The document creation time that relative expressions resolve against: the publication instant in the
/// source's time zone. When only a date is known, <see cref="HasTimeOfDay"/> is false.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record DocumentTime(ZonedDateTime Published, bool HasTimeOfDay)
{
    /// <summary>The local calendar date of publication in the source's time zone.</summary>
    public LocalDate Date => Published.Date;

    /// <summary>
    /// The date of the publication instant where the story happens (the site's time zone), when that is already the day
    /// after <see cref="Date"/>: an evening report from New York on events in Colombo, where it is morning. A weekday
    /// named in the past tense may then be that day ("lawmakers on Wednesday elected…", written on Tuesday night).
    /// </summary>
    public LocalDate? StoryDate { get; init; }

    /// <summary>This time with <see cref="StoryDate"/> set from the story's time zone (unchanged when it is the same day there).</summary>
    public DocumentTime WithStoryZone(DateTimeZone storyZone)
    {
        LocalDate there = Published.ToInstant().InZone(storyZone).Date;
        return HasTimeOfDay && there == Date.PlusDays(1) ? this with { StoryDate = there } : this with { StoryDate = null };
    }

    /// <summary>A document time for a date with no known time of day, at midday in <paramref name="zone"/>.</summary>
    public static DocumentTime FromDate(LocalDate date, DateTimeZone zone) =>
        new(date.At(new LocalTime(12, 0)).InZoneLeniently(zone), false);

    /// <summary>A document time for a date in UTC with no known time of day.</summary>
    public static DocumentTime FromDate(LocalDate date) => FromDate(date, DateTimeZone.Utc);
}
