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

    [Fact]
    public void A_previous_file_changed_since_is_not_read_back()
    {
        // Someone rewrote the exports after the last build: their remembered fragments must be made again, not copied.
        SiteModel model = TestSite.Model(ExportsFixture.Base);
        var memo = new RenderMemo();
        IReadOnlyList<string> cold = Write(model, memo);

        IReadOnlyList<string> warm = Write(model, memo, previous: _ => null);

        Assert.Equal(cold, warm);
        Assert.Equal(0, memo.Hits);
    }

    [Fact]
    public void A_previous_file_cut_short_gets_its_missing_fragments_made_again()
    {
        // The file was truncated after its stamp was taken: the fragments past its end are made afresh, the rest reused.
        SiteModel model = TestSite.Model(ExportsFixture.Base);
        var memo = new RenderMemo();
        IReadOnlyList<string> cold = Write(model, memo);
        Dictionary<string, byte[]> files = Files(cold);

        IReadOnlyList<string> warm = Write(model, memo, previous: name => new MemoryStream(files[name][..(files[name].Length / 2)]));

        Assert.Equal(cold, warm);
        int included = model.Chronology.Events.Count(e => EventsCalendar.IsIncluded(e.Range));
        Assert.InRange(memo.Hits, 1, (3 * model.Chronology.Events.Count) + included - 1);
    }

    private static readonly string[] FileNames = [EventsJson.FileName, TimelineJsJson.FileName, EventsCalendar.FileName, AtomFeed.FileName];

    /// <summary>The memo's previous files: what the last <see cref="Write"/> of each test made.</summary>
    private readonly Dictionary<RenderMemo, Dictionary<string, byte[]>> _written = new(ReferenceEqualityComparer.Instance);

    private static Dictionary<string, byte[]> Files(IReadOnlyList<string> texts) =>
        FileNames.Select((name, i) => (name, Encoding.UTF8.GetBytes(texts[i]))).ToDictionary(p => p.name, p => p.Item2, StringComparer.Ordinal);

    /// <summary>Writes the four exports as a build does, reading remembered fragments back from the files the last write made (or from <paramref name="previous"/>).</summary>
    private IReadOnlyList<string> Write(SiteModel model, RenderMemo? memo, string settings = "test", Func<string, Stream?>? previous = null)
    {
        memo?.Begin(settings);
        Dictionary<string, byte[]>? last = memo is not null && _written.TryGetValue(memo, out var seen) ? seen : null;
        var context = new ExportContext(model, SiteLinks.For(model), memo, null)
        {
            Previous = previous ?? (name => last is not null && last.TryGetValue(name, out byte[]? bytes) ? new MemoryStream(bytes) : null),
        };
        var files = Exports.Select(write => Encoding.UTF8.GetString(write(context).Content)).ToList();
        if (memo is not null)
        {
            memo.Commit();
            _written[memo] = Files(files);
        }

        return files;
    }
}
