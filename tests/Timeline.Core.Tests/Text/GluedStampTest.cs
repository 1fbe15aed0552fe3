using NodaTime;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Text;

/// <summary>
/// Page stamps and comment headers that a saved page runs into its text (a Markdown paragraph joins the page's lines): cut as
/// furniture, keeping the sentence after them, so that the stamp's date never dates the sentence.
/// </summary>
public class GluedStampTest
{
    private static readonly LocalDate Published = new(2017, 10, 6);

    public static TheoryData<string, string> Cut => new()
    {
        // BBC's old page stamp: label, zoned clock, weekday, date, local clock.
        { "Page last updated at 08:03 GMT, Tuesday, 12 March 2019 09:03 UK The harbour board has approved the new ferry terminal.", "The harbour board has approved the new ferry terminal." },
        // …followed by a server-side include's error message.
        { "Page last updated at 11:14 GMT, Thursday, 7 February 2019 (an error occurred while processing this directive) The mayor opened the bridge.", "The mayor opened the bridge." },
        // BBC's newer stamp: date first, then the update label, clock and the "Help" link.
        { "4 June 2018 Last updated at 10:48 GMT Help The council has closed the bridge to lorries.", "The council has closed the bridge to lorries." },
        // The same without the zone: the update label marks it.
        { "4 June 2018 Last updated at 10:48 The council has closed the bridge to lorries.", "The council has closed the bridge to lorries." },
        // A date with a zoned clock after it.
        { "5 May 2017 12:24 UK Rescue teams reached the village at dawn.", "Rescue teams reached the village at dawn." },
        // A reader comment's stamp ("Added:") with two zoned clocks.
        { "Added: Monday, 3 April, 2017, 17:08 GMT 18:08 BST Giving land to the families is a good idea.", "Giving land to the families is a good idea." },
        // A blog byline with a bar, a clock in "UK time" and the date.
        { "Ann Lee | 10:57 UK time, Friday, 6 October 2017 The airport reopened to aid flights.", "The airport reopened to aid flights." },
        // A stamp that opens a later sentence of a paragraph: the paragraph runs the page's lines together.
        { "The river rose again. Added: Monday, 3 April, 2017, 17:08 GMT 18:08 BST The ferry stopped running.", "The river rose again. The ferry stopped running." },
        // The unmistakable label after a headline without punctuation.
        { "Ferry service to resume Page last updated at 08:03 GMT, Tuesday, 12 March 2019 The harbour board met.", "Ferry service to resume The harbour board met." },
        // A reader comment's header: clock, date, user name and "wrote:".
        { "The plan was announced. At 3:03 pm on 9 Feb 2016, reader_42 wrote: the new timetable is worse.", "The plan was announced. the new timetable is worse." },
        // A stamp right after another (a comment published, then added), not after a sentence end.
        { "Published: Monday, 2 April, 2017, 14:51 GMT 15:51 BST Added: Monday, 3 April, 2017, 17:08 GMT 18:08 BST The ferry stopped running.", "The ferry stopped running." },
    };

    public static TheoryData<string> Kept => new()
    {
        // A bare date opening a chronology's entry is the entry's date, not a stamp.
        "14 March 2016 The court finds the company guilty of negligence.",
        // A label word that does not introduce a stamp.
        "Updated figures on 12 May 2015 showed a fall in sales.",
        // A date inside a sentence.
        "The ministry said on 4 June 2018 that the bridge would close at 10:48 GMT.",
        // A stamp with nothing after it is left to the stamp-only rule (here it is the whole line): no text to keep.
        "The harbour board met at 10:48 GMT on 4 June 2018 and approved the terminal.",
    };

    [Theory]
    [MemberData(nameof(Cut))]
    public void AGluedStampIsCutAndItsSentenceKept(string body, string expected)
    {
        CleanedArticle cleaned = ArticleCleaner.Clean(Fixture.FromBody(body, "Harbour news", Published));
        Assert.Equal(expected, Fixture.AllText(cleaned));
    }

    [Theory]
    [MemberData(nameof(Kept))]
    public void TextThatOnlyLooksLikeAStampIsKept(string body)
    {
        CleanedArticle cleaned = ArticleCleaner.Clean(Fixture.FromBody(body, "Harbour news", Published));
        Assert.Equal(body, Fixture.AllText(cleaned));
    }
}
