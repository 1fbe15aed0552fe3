using NodaTime;
using Timeline.Core.Events;
using Timeline.Core.Temporal;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Events;

/// <summary>
/// A clock time with a day phrase beside it ("at 1.30 am on the morning of his death") takes that phrase's day, not the page's:
/// the tagger reads the bare clock on the publication day, so the clock does not date the statement (on the tagger's real output).
/// </summary>
public class ClockDayPhraseTest
{
    private static readonly LocalDate Published = new(2024, 5, 15);

    public static TheoryData<string, string, string[]> Sentences => new()
    {
        // A day named by another event: nothing dates it here, so no statement lands on the page's day.
        { "The patient was given a sedative at 2.15 am on the morning of the operation.", "2.15 am", [] },
        // "the next morning" after a dated day: the phrase's own mention dates the statement.
        { "The ferry sank on Sunday. Divers reached the hull at 6 am the following morning.", "6 am", ["2024-05-12", "2024-05-13TMO"] },
        // A calendar date inside the day phrase dates the statement, not the clock.
        { "The guard was seen at 11pm on the night of 3 May.", "11pm", ["2024-05-03"] },
        // "that afternoon": the phrase's day.
        { "The ferry sank on Sunday. Officials met at 2pm that afternoon.", "2pm", ["2024-05-12", "2024-05-12TAF"] },
        // A clock with no day phrase stays the page's day: the common case is not touched.
        { "The council voted at 9am, officials said.", "9am", ["2024-05-15T09:00"] },
        // "in the morning" is the clock's own day part, not another day.
        { "The council voted at 9:30 in the morning.", "9:30", ["2024-05-15T09:30", "2024-05-15TMO"] },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void TheClockTakesTheDayOfItsPhrase(string text, string clock, string[] values)
    {
        StoryEvents e = Extract(text);
        Assert.Equal(values.Order(StringComparer.Ordinal), e.Mentions.Select(m => m.Time.Value).Order(StringComparer.Ordinal));
        bool excluded = !values.Any(v => v.Contains('T', StringComparison.Ordinal) && char.IsDigit(v[^1]));
        Assert.Equal(excluded, e.Excluded.Any(x => x.Mention.Time.Text == clock && x.Reason == ExclusionReasons.ClockOfAnotherDay));
    }

    private static StoryEvents Extract(string text)
    {
        var time = DocumentTime.FromDate(Published, DateTimeZone.Utc);
        var sentences = SentenceSplitter.Split(text, 0, text.Length).Select(s => new Sentence(s.Start, s.End, SentenceKind.Body)).ToList();
        var story = new Story("articles/a.txt", 0, text, sentences, SourceMap.Identity());
        var source = new SourceInfo("articles/a.txt", "Wire", "title", time);
        return EventPipeline.Extract(new TaggedStory(source, story, TemporalTagger.Default.Tag(text, time)), EventFixtures.Options);
    }
}
