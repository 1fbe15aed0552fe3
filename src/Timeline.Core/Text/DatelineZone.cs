using NodaTime;
using NodaTime.TimeZones;
using Timeline.Core.Temporal;

namespace Timeline.Core.Text;

/// <summary>
/// The time zone of the place a story is datelined from ("COLOMBO, Sri Lanka —" → Asia/Colombo), read from the tz
/// database's own place data (zone ids name a city, zone.tab names each zone's country): no gazetteer of our own.
/// A story's weekdays are the days of the place it was written in, which may already be the next day where the
/// article was published (a Honolulu evening edition reporting a vote in Colombo).
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class DatelineZone
{
    /// <summary>Upper-cased place name → zone: zone-id cities ("NEW YORK", "COLOMBO"), then countries with one zone ("SRI LANKA").</summary>
    private static readonly Lazy<Dictionary<string, DateTimeZone>> Places = new(BuildPlaces);

    /// <summary>The zone of the dateline's place, or null when the tz database does not name it.</summary>
    public static DateTimeZone? Of(string? dateline)
    {
        if (string.IsNullOrWhiteSpace(dateline))
        {
            return null;
        }

        // "COLOMBO, Sri Lanka (AP) —": the place ends at the agency or the dash; its parts are tried city first.
        int end = dateline.AsSpan().IndexOfAny("(—–");
        string place = (end >= 0 ? dateline[..end] : dateline).Trim(' ', '-', ',');
        foreach (string part in place.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Places.Value.TryGetValue(part.ToUpperInvariant(), out DateTimeZone? zone))
            {
                return zone;
            }
        }

        return null;
    }

    /// <summary>The zone of a place named in running text ("Japan", "London", "Singapore"), or null when the tz database does not name it.</summary>
    public static DateTimeZone? OfPlace(string place) =>
        Places.Value.TryGetValue(place.Trim().ToUpperInvariant(), out DateTimeZone? zone) ? zone : null;

    /// <summary>
    /// <paramref name="published"/> with <see cref="DocumentTime.StoryDate"/> set from the story's place, when that place is
    /// already a day ahead of the publication date: the dateline's place, else the site's time zone (where its story happens).
    /// </summary>
    public static DocumentTime ForStory(DocumentTime published, string? dateline, DateTimeZone? siteZone = null) =>
        (Of(dateline) ?? siteZone) is { } zone ? published.WithStoryZone(zone) : published;

    private static Dictionary<string, DateTimeZone> BuildPlaces()
    {
        var places = new Dictionary<string, DateTimeZone>(StringComparer.Ordinal);
        IDateTimeZoneProvider tzdb = DateTimeZoneProviders.Tzdb;
        foreach (string id in tzdb.Ids.Order(StringComparer.Ordinal))
        {
            // Only geographic ids ("Asia/Colombo", "America/Argentina/Buenos_Aires"), not "EST5EDT" or "Etc/GMT+3".
            int slash = id.LastIndexOf('/');
            if (slash < 0 || id.StartsWith("Etc/", StringComparison.Ordinal))
            {
                continue;
            }

            places.TryAdd(id[(slash + 1)..].Replace('_', ' ').ToUpperInvariant(), tzdb[id]);
        }

        if (TzdbDateTimeZoneSource.Default.ZoneLocations is { } locations)
        {
            foreach (var country in locations.GroupBy(l => l.CountryName).Where(g => g.Count() == 1).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                places.TryAdd(country.Key.ToUpperInvariant(), tzdb[country.Single().ZoneId]);
            }

            // A country of several zones whose zone.tab names one as covering most of it ("Pacific/Auckland: most of New Zealand",
            // "Europe/Madrid: Spain (mainland)"): that zone is what "New Zealand time" or "in Germany" means.
            foreach (var country in locations.GroupBy(l => l.CountryName).Where(g => g.Count() > 1).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var main = country.Where(l => l.Comment.StartsWith("most of", StringComparison.OrdinalIgnoreCase)
                    || l.Comment.EndsWith("(mainland)", StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
                if (main.Count == 1)
                {
                    places.TryAdd(country.Key.ToUpperInvariant(), tzdb[main[0].ZoneId]);
                }
            }
        }

        return places;
    }
}
