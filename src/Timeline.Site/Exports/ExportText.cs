using System.Security.Cryptography;
using System.Text;
using NodaTime;
using NodaTime.Text;
using Timeline.Core.Events;

namespace Timeline.Site.Exports;

/// <summary>Small helpers shared by the exports: dates from the input (never the clock) and stable ids.</summary>
internal static class ExportText
{
    /// <summary>RFC 3339 in UTC: "2026-01-28T21:30:00Z".</summary>
    public static readonly InstantPattern Rfc3339 = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss'Z'");

    /// <summary>The latest publication instant among an event's sources: the event's "last updated" time, from the input.</summary>
    public static Instant LatestPublication(TimelineEvent e)
    {
        if (e.Sources.Count == 0)
        {
            return Instant.FromUtc(1970, 1, 1, 0, 0);
        }

        Instant latest = Instant.MinValue;
        foreach (EventMention m in e.Sources)
        {
            Instant published = m.Source.Published.Published.ToInstant();
            if (published > latest)
            {
                latest = published;
            }
        }

        return latest;
    }

    /// <summary>A name-based UUID URN from text ("urn:uuid:…"): the same text always gives the same id.</summary>
    public static string UuidUrn(string text)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }
}
