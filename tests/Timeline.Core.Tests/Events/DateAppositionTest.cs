using NodaTime;
using Timeline.Core.Events;
using Timeline.Core.Temporal;

namespace Timeline.Core.Tests.Events;

/// <summary>A counted date restated by the calendar date beside it does not date a statement (see <see cref="DateApposition"/>), on the tagger's real output.</summary>
public class DateAppositionTest
{
    public static TheoryData<string, string, string[]> Sentences => new()
    {
        // The count, from the day before, disagrees with the calendar date the writer gives beside it: the date wins.
        { "On Thursday 16 November he was on stage; the next day he was out. Ten days earlier, on 6 November, he had opened the conference.",
            "Ten days earlier", ["Ten days earlier"] },
        // A calendar date then the count, separated only by a comma.
        { "Parliament met on July 13, the next day, to name him.", "the next day", ["the next day"] },
        // A count and a date with a statement between them: two dates of two clauses, both kept.
        { "Protesters stormed the palace on July 9, and the next day the president fled.", "the next day", [] },
        // A count with no calendar date beside it stands.
        { "On Thursday 16 November he was on stage; the next day he was out.", "the next day", [] },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void ACountRestatedByItsCalendarDateIsLeftToTheDate(string text, string count, string[] restated)
    {
        var time = DocumentTime.FromDate(new LocalDate(2023, 11, 30), DateTimeZone.Utc);
        var mentions = TemporalTagger.Default.Tag(text, time).Where(m => m.Range is not null).ToList();
        TemporalMention counted = Assert.Single(mentions, m => m.Text == count);
        bool isRestated = DateApposition.IsRestatedCount(text, 0, counted, mentions.ToArray());
        Assert.Equal(restated.Contains(count), isRestated);
    }
}
