using System.Reflection;
using System.Text;
using Timeline.Core.Events;
using Timeline.Site.Exports;
using Timeline.Site.Rendering;
using Timeline.Site.Tests.Rendering;

namespace Timeline.Site.Tests.Exports;

/// <summary>Exports joined from per-event fragments, remembered between builds by event digest.</summary>
public sealed class ExportFragmentsTest
{
    private static readonly Func<ExportContext, SiteFile>[] Exports =
        [EventsJson.Write, TimelineJsJson.Write, EventsCalendar.Write, AtomFeed.Write];

    [Fact]
    public void Remembered_fragments_join_to_the_same_files_as_fresh_ones()
    {
        SiteModel model = TestSite.Model(ExportsFixture.Base);
        var memo = new RenderMemo();
        IReadOnlyList<string> cold = Write(model, memo);

        IReadOnlyList<string> warm = Write(model, memo);

        Assert.Equal(cold, warm);
        Assert.Equal(cold, Write(model, null));
        // Every event's fragment of every export came from the memo the second time (the calendar leaves the decade out).
        int included = model.Chronology.Events.Count(e => EventsCalendar.IsIncluded(e.Range));
        Assert.Equal((3 * model.Chronology.Events.Count) + included, memo.Hits);
    }

    [Fact]
    public void An_edited_event_gets_new_fragments_and_the_others_are_reused()
    {
        SiteModel model = TestSite.Model(ExportsFixture.Base);
        var memo = new RenderMemo();
        Write(model, memo);
        TimelineEvent edited = model.Chronology.Events[1];
        SiteModel changed = model with
        {
            Chronology = model.Chronology with { Events = [.. model.Chronology.Events.Select(e => ReferenceEquals(e, edited) ? e with { Headline = e.Headline + " (updated)" } : e)] },
        };

        IReadOnlyList<string> files = Write(changed, memo);

        Assert.Equal(Write(changed, null), files);
        Assert.Contains("(updated)", files[0], StringComparison.Ordinal);
        int included = model.Chronology.Events.Count(e => EventsCalendar.IsIncluded(e.Range));
        int editedInCalendar = EventsCalendar.IsIncluded(edited.Range) ? 1 : 0;
        Assert.Equal((3 * (model.Chronology.Events.Count - 1)) + included - editedInCalendar, memo.Hits);
    }

    [Fact]
    public void Fragments_of_other_site_settings_are_never_reused()
    {
        // The memo's settings (links, title, engine) change: nothing of the last build may be reused.
        SiteModel model = TestSite.Model(ExportsFixture.Base);
        var memo = new RenderMemo();
        Write(model, memo, "settings A");

        Write(model, memo, "settings B");

        Assert.Equal(0, memo.Hits);
    }

    [Fact]
    public void An_empty_timeline_writes_empty_lists()
    {
        SiteModel model = TestSite.Model(ExportsFixture.Base);
        SiteModel empty = model with { Chronology = model.Chronology with { Events = [] } };

        IReadOnlyList<string> files = Write(empty, new RenderMemo());

        Assert.Contains("\"events\": []", files[0], StringComparison.Ordinal);
        Assert.Contains("\"events\": []", files[1], StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN:VEVENT", files[2], StringComparison.Ordinal);
        Assert.DoesNotContain("<entry>", files[3], StringComparison.Ordinal);
    }

    [Fact]
    public void The_event_digest_names_every_member_of_the_records_it_reads()
    {
        // A member added to one of these records must be hashed (if an export writes it) or listed as left out.
        foreach ((Type type, string[] covered) in EventDigest.Covered)
        {
            string[] members = [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Where(n => n != "EqualityContract").Order(StringComparer.Ordinal)];
            string[] named = [.. covered.Concat(EventDigest.LeftOut[type]).Order(StringComparer.Ordinal)];
            Assert.Equal(members, named);
        }
    }

    private static IReadOnlyList<string> Write(SiteModel model, RenderMemo? memo, string settings = "test")
    {
        memo?.Begin(settings);
        var context = new ExportContext(model, SiteLinks.For(model), memo, null);
        var files = Exports.Select(write => Encoding.UTF8.GetString(write(context).Content)).ToList();
        memo?.Commit();
        return files;
    }
}
