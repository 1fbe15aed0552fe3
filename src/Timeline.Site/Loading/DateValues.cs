using NodaTime;
using NodaTime.Text;
using Timeline.Core.Temporal;

namespace Timeline.Site.Loading;

/// <summary>
/// Parses publication dates as written in front matter and page metadata: a date, a date-time with an offset, or a
/// local date-time (read in the given zone).
/// </summary>
/// <remarks>Thread-safe: NodaTime patterns are immutable.</remarks>
public static class DateValues
{
    private static readonly IPattern<OffsetDateTime>[] OffsetPatterns =
    [
        OffsetDateTimePattern.ExtendedIso,
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss;FFFFFFFFFo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mmo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss;FFFFFFFFF o<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm o<G>"),
    ];

    private static readonly IPattern<LocalDateTime>[] LocalPatterns =
    [
        LocalDateTimePattern.ExtendedIso,
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss;FFFFFFFFF"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm"),
    ];

    /// <summary>The accepted forms, for error hints.</summary>
    public const string Expected = "expected a date such as 2026-01-28, a date-time with offset such as 2026-01-28T21:30:00+03:00, or a local date-time such as 2026-01-28 21:30 with time_zone";

    /// <summary>
    /// Parses <paramref name="text"/>. A date-time with an offset keeps its instant and is shown in
    /// <paramref name="zone"/> when one was given explicitly, else at its own offset. Null when it is not a date.
    /// </summary>
    public static DocumentTime? Parse(string? text, DateTimeZone zone, bool zoneIsExplicit = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string value = text.Trim();
        if (!value.Contains(':', StringComparison.Ordinal))
        {
            // Every date-time pattern has a clock time ("HH':'mm"): a value without a colon can only be a date.
            return LocalDatePattern.Iso.Parse(value) is { Success: true } day ? DocumentTime.FromDate(day.Value, zone) : null;
        }

        foreach (var pattern in OffsetPatterns)
        {
            if (pattern.Parse(value) is { Success: true } offset)
            {
                DateTimeZone shownIn = zoneIsExplicit ? zone : DateTimeZone.ForOffset(offset.Value.Offset);
                return new DocumentTime(offset.Value.InZone(shownIn), true);
            }
        }

        foreach (var pattern in LocalPatterns)
        {
            if (pattern.Parse(value) is { Success: true } local)
            {
                return new DocumentTime(local.Value.InZoneLeniently(zone), true);
            }
        }

        if (LocalDatePattern.Iso.Parse(value) is { Success: true } date)
        {
            return DocumentTime.FromDate(date.Value, zone);
        }

        return null;
    }

    /// <summary>The IANA zone named <paramref name="id"/> in NodaTime's tzdb, or null.</summary>
    public static DateTimeZone? Zone(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());
}
