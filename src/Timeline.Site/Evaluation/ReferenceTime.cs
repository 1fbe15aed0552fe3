using NodaTime;
using NodaTime.Text;
using Timeline.Core.Temporal;

namespace Timeline.Site.Evaluation;

/// <summary>
/// Parses the reference (publication) time given to <c>timeline tag</c>, in a jsonl <c>ref</c> field or a TimeML DCT
/// value: an ISO date (<c>2026-01-28</c>), a local date-time (<c>2026-01-28T10:15</c>, seconds and fraction optional),
/// or a date-time with an offset (<c>2026-01-28T10:15:00+03:00</c>, <c>…Z</c>).
/// </summary>
/// <remarks>Stateless and thread-safe. Never throws on bad text: the result says what is wrong.</remarks>
public static class ReferenceTime
{
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;

    private static readonly LocalDateTimePattern[] LocalDateTimes =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
        LocalDateTimePattern.ExtendedIso,
    ];

    private static readonly OffsetDateTimePattern[] OffsetDateTimes =
    [
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
        OffsetDateTimePattern.ExtendedIso,
    ];

    /// <summary>
    /// The document time <paramref name="text"/> denotes. A date or local date-time is read in <paramref name="zone"/>;
    /// a date-time with an offset is that instant, seen in <paramref name="zone"/> when one is given, else at its own offset.
    /// </summary>
    public static ParseResult<DocumentTime> Parse(string? text, DateTimeZone? zone = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParseResult<DocumentTime>.ForException(() => new FormatException("The reference time is empty."));
        }

        string trimmed = text.Trim();
        DateTimeZone localZone = zone ?? DateTimeZone.Utc;
        ParseResult<LocalDate> date = Date.Parse(trimmed);
        if (date.Success)
        {
            return ParseResult<DocumentTime>.ForValue(DocumentTime.FromDate(date.Value, localZone));
        }

        foreach (LocalDateTimePattern pattern in LocalDateTimes)
        {
            ParseResult<LocalDateTime> local = pattern.Parse(trimmed);
            if (local.Success)
            {
                return ParseResult<DocumentTime>.ForValue(new DocumentTime(local.Value.InZoneLeniently(localZone), true));
            }
        }

        foreach (OffsetDateTimePattern pattern in OffsetDateTimes)
        {
            ParseResult<OffsetDateTime> offset = pattern.Parse(trimmed);
            if (offset.Success)
            {
                ZonedDateTime zoned = zone is null
                    ? offset.Value.InFixedZone()
                    : offset.Value.ToInstant().InZone(zone);
                return ParseResult<DocumentTime>.ForValue(new DocumentTime(zoned, true));
            }
        }

        return ParseResult<DocumentTime>.ForException(() => new FormatException(
            $"'{trimmed}' is not an ISO date or date-time (expected 2026-01-28, 2026-01-28T10:15 or 2026-01-28T10:15:00+03:00)."));
    }

    /// <summary>The time zone with IANA id <paramref name="id"/> (or <c>UTC</c>), or null when unknown.</summary>
    public static DateTimeZone? FindZone(string id) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim()) ?? (string.Equals(id.Trim(), "UTC", StringComparison.OrdinalIgnoreCase) ? DateTimeZone.Utc : null);
}
