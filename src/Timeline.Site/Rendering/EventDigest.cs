using Timeline.Core.Events;
using Timeline.Core.Temporal;

namespace Timeline.Site.Rendering;

/// <summary>
/// A digest of exactly what the exports write for an event (see <see cref="Exports.ExportContext"/>): its id, date,
/// headline, key flag, salience, participants, conflicts and unique slug, and per cited mention its article, outlet,
/// publication time, quote and expression. Equal digests mean equal export fragments.
/// </summary>
/// <remarks>
/// Members no export writes are left out on purpose: a mention's topic relevance, for one, is recomputed over the whole
/// corpus on every build, and would otherwise make every fragment stale after each new article. <see cref="Covered"/>
/// and <see cref="LeftOut"/> together name every member of these records; a test fails when a record gains a member
/// listed in neither, so a new member an export starts to write cannot be forgotten here.
/// </remarks>
internal static class EventDigest
{
    /// <summary>The public instance members hashed, per record type.</summary>
    internal static readonly IReadOnlyDictionary<Type, string[]> Covered = new Dictionary<Type, string[]>
    {
        [typeof(TimelineEvent)] = ["Id", "Date", "Modifier", "Range", "Headline", "Sources", "Key", "Salience", "Participants", "Conflicts", "Slug", "Happenings"],
        [typeof(Happening)] = ["Id", "Date", "Headline", "Key", "Sources"],
        [typeof(DateConflict)] = ["Value", "ArticlePaths", "Note"],
        [typeof(EventMention)] = ["Source", "Quote", "QuoteStart", "Time"],
        [typeof(SourceInfo)] = ["ArticlePath", "Outlet", "Published"],
        [typeof(DocumentTime)] = ["Published", "HasTimeOfDay", "Date"],
        [typeof(TemporalMention)] = ["Start", "End", "Text", "Type", "Value", "Mod", "Rule", "Range", "Length"],
    };

    /// <summary>The public instance members no export writes (so not hashed), per record type.</summary>
    internal static readonly IReadOnlyDictionary<Type, string[]> LeftOut = new Dictionary<Type, string[]>
    {
        [typeof(TimelineEvent)] = ["Background", "Outlets", "Notes", "StandsAlone"],
        [typeof(Happening)] = ["Salience"],
        [typeof(DateConflict)] = [],
        [typeof(EventMention)] = ["StoryId", "SentenceIndex", "IsCaption", "Participants", "TopicRelevance", "Headline", "Clause", "BodyPosition", "Subordinate", "Anchor", "QuoteTerms", "ContextTerms"],
        [typeof(SourceInfo)] = ["Title", "Url"],
        [typeof(DocumentTime)] = ["StoryDate"],
        [typeof(TemporalMention)] = [],
    };

    /// <summary>The digest of <paramref name="e"/> as <paramref name="links"/> name it.</summary>
    public static UInt128 Of(TimelineEvent e, SiteLinks links)
    {
        using var d = new PageFingerprint();
        d.AddText(e.Id);
        d.AddText(e.Date);
        d.AddNumber((long)e.Modifier);
        Add(d, e.Range);
        d.AddText(e.Headline);
        d.AddNumber(e.Key ? 1 : 0);
        d.AddNumber(BitConverter.DoubleToInt64Bits(e.Salience));
        AddAll(d, e.Participants);
        d.AddNumber(e.Conflicts.Count);
        foreach (DateConflict c in e.Conflicts)
        {
            d.AddText(c.Value);
            AddAll(d, c.ArticlePaths);
            d.AddText(c.Note);
        }

        d.AddText(e.Slug);
        d.AddText(links.EventSlug(e));
        d.AddNumber(e.Sources.Count);
        foreach (EventMention m in e.Sources)
        {
            SourceInfo s = m.Source;
            d.AddText(s.ArticlePath);
            d.AddText(s.Outlet);
            Add(d, s.Published.Published);
            d.AddNumber(s.Published.HasTimeOfDay ? 1 : 0);
            d.AddText(m.Quote);
            d.AddNumber(m.QuoteStart);
            TemporalMention t = m.Time;
            d.AddNumber(t.Start);
            d.AddNumber(t.End);
            d.AddText(t.Text);
            d.AddNumber((long)t.Type);
            d.AddText(t.Value);
            d.AddNumber((long)t.Mod);
            d.AddText(t.Rule);
            d.AddNumber(t.Range is null ? 0 : 1);
            if (t.Range is { } range)
            {
                Add(d, range);
            }
        }

        // A day's happenings partition its sources in order: their counts say which source belongs to which.
        d.AddNumber(e.Happenings.Count);
        foreach (Happening h in e.Happenings)
        {
            d.AddText(h.Id);
            d.AddText(h.Date);
            d.AddText(h.Headline);
            d.AddNumber(h.Key ? 1 : 0);
            d.AddNumber(h.Sources.Count);
        }

        return d.Digest();
    }

    private static void Add(PageFingerprint d, DateRange r)
    {
        d.AddNumber(Day(r.Start));
        d.AddNumber(Day(r.End));
        d.AddNumber((long)r.Granularity);
    }

    private static long Day(NodaTime.LocalDate date) => (date.Year * 100L + date.Month) * 100 + date.Day;

    private static void Add(PageFingerprint d, NodaTime.ZonedDateTime z)
    {
        d.AddNumber(z.ToInstant().ToUnixTimeTicks());
        d.AddNumber(z.Offset.Ticks);
        d.AddText(z.Zone.Id);
    }

    private static void AddAll(PageFingerprint d, IReadOnlyList<string> items)
    {
        d.AddNumber(items.Count);
        foreach (string item in items)
        {
            d.AddText(item);
        }
    }
}
