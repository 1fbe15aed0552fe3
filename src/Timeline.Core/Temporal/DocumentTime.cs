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

    /// <summary>A document time for a date with no known time of day, at midday in <paramref name="zone"/>.</summary>
    public static DocumentTime FromDate(LocalDate date, DateTimeZone zone) =>
        new(date.At(new LocalTime(12, 0)).InZoneLeniently(zone), false);

    /// <summary>A document time for a date in UTC with no known time of day.</summary>
    public static DocumentTime FromDate(LocalDate date) => FromDate(date, DateTimeZone.Utc);
}
