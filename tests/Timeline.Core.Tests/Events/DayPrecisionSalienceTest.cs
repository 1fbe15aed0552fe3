using NodaTime;
using Timeline.Core.Events;
using static Timeline.Core.Tests.Events.EventFixtures;

namespace Timeline.Core.Tests.Events;

/// <summary>
/// A day's salience counts the articles that report the day: "was arrested in March" confirms the arrest of 1 March but does
/// not report its day, so a day three articles give outranks a day one article gives and four others only place in its month.
/// </summary>
public class DayPrecisionSalienceTest
{
    private static readonly EventOptions Topic = new("fraud trial of the former transport minister");

    private static TaggedStory Later(string path, string outlet, string statement) =>
        Story(path, outlet, new LocalDate(2019, 6, 10),
            "The fraud trial of the former transport minister entered its second week.",
            "Prosecutors called a banker who handled the accounts.",
            statement);

    [Fact]
    public void MonthMentionsJoinTheDayButDoNotCountAsReportsOfIt()
    {
        TaggedStory[] stories =
        [
            Story("articles/00.txt", "AP", new LocalDate(2019, 2, 28), "The former transport minister denied any wrongdoing on [Thursday|2019-02-28]."),
            Later("articles/01.txt", "BBC", "The former transport minister was arrested at his home on [1 March|2019-03-01]."),
            Later("articles/02.txt", "CNN", "The former transport minister was arrested at his home in [March|2019-03]."),
            Later("articles/03.txt", "DW", "The former transport minister was arrested at his home in [March|2019-03]."),
            Later("articles/04.txt", "NPR", "The former transport minister was arrested at his home in [March|2019-03]."),
            Later("articles/05.txt", "ABC", "The former transport minister was arrested at his home in [March|2019-03]."),
            Later("articles/06.txt", "RFI", "The minister was charged with fraud and bribery on [5 March|2019-03-05]."),
            Later("articles/07.txt", "NHK", "The minister was charged with fraud and bribery on [5 March|2019-03-05]."),
            Later("articles/08.txt", "SVT", "The minister was charged with fraud and bribery on [5 March|2019-03-05]."),
        ];

        Chronology c = Build(Topic, stories);
        TimelineEvent arrest = Assert.Single(c.Events, e => e.Date == "2019-03-01");
        TimelineEvent charge = Assert.Single(c.Events, e => e.Date == "2019-03-05");

        // The month mentions are kept as the arrest's citations (the merge is unchanged)…
        Assert.Equal(5, arrest.Sources.Select(s => s.Source.ArticlePath).Distinct().Count());

        // …but the day three outlets report outranks the day one outlet reports.
        Assert.True(charge.Salience > arrest.Salience, $"charge {charge.Salience} ≤ arrest {arrest.Salience}");
    }
}
