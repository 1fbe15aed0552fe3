using NodaTime;
using Timeline.Core.Events;
using Timeline.Core.Temporal;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Events;

/// <summary>
/// An undated sentence that goes on a chronology entry's line ("Mon 8/21 – Biden tours Lahaina. FEMA says 85% … searched.") tells
/// the entry's day; on the tagger's real output.
/// </summary>
public class DatedEntryContinuationTest
{
    private static readonly LocalDate Published = new(2023, 3, 17);

    public static TheoryData<string, string, string?> Texts => new()
    {
        // A dashed bullet's second sentence: the bullet's day.
        { "- Tue 3/14 – Harbour Board approves the dredging plan. The port says work has started on the north quay.\n",
            "The port says work has started on the north quay.", "2023-03-14" },
        // A chronology entry without a dash (a full date and a headline): its second sentence too.
        { "12 March 2023 Ferry crews walk out over pay. Services on three routes are cancelled.\n",
            "Services on three routes are cancelled.", "2023-03-12" },
        // The next line is not the entry: a new paragraph says nothing of the entry's day.
        { "- Tue 3/14 – Harbour Board approves the dredging plan.\nThe port says work has started on the north quay.\n",
            "The port says work has started on the north quay.", null },
        // Prose that opens with a date is not an entry: its next sentence keeps no date.
        { "On Tuesday the board approved the plan. The port says work has started on the north quay.\n",
            "The port says work has started on the north quay.", null },
        // A question after the entry asks; it tells nothing of the day.
        { "- Tue 3/14 – Harbour Board approves the dredging plan. Will the work start soon?\n",
            "Will the work start soon?", null },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void AnEntrysUndatedSentenceTakesItsDay(string text, string sentence, string? value)
    {
        var time = DocumentTime.FromDate(Published, DateTimeZone.Utc);
        var sentences = SentenceSplitter.Split(text, 0, text.Length).Select(s => new Sentence(s.Start, s.End, SentenceKind.Body)).ToList();
        var story = new Story("articles/a.txt", 0, text, sentences, SourceMap.Identity());
        var source = new SourceInfo("articles/a.txt", "Wire", "title", time);
        StoryEvents e = EventPipeline.Extract(new TaggedStory(source, story, TemporalTagger.Default.Tag(text, time)), EventFixtures.Options);
        Assert.Equal(value, e.Mentions.SingleOrDefault(m => m.Quote == sentence)?.Time.Value);
    }
}
