using Timeline.Core.Events;

namespace Timeline.Core.Tests.Events;

/// <summary>A bullet timeline's dated line in headline style ("Mon 13/3 – HSBC buys SVB's UK arm") is a statement.</summary>
public class DatedHeadlineClauseTest
{
    public static TheoryData<string, string, bool> Lines => new()
    {
        // Newsletter bullets: date, dash, capitalised subject, present-tense verb in -s.
        { "Mon 13/3 – HSBC buys SVB's UK arm for £1.", "Mon 13/3", true },
        { "Tue 7/2 – President Erdoğan declares a three-month state of emergency in ten provinces.", "Tue 7/2", true },
        // A plural subject's noun takes the -s: the line is still a clause.
        { "Fri 10/3 – California regulators close Silicon Valley Bank.", "Fri 10/3", true },
        // A colon instead of a dash, and a bullet mark before the date.
        { "• 24 June: Wagner seizes the military headquarters in Rostov.", "24 June", true },
        // A heading, not a clause: no lower-case word after the names.
        { "Sat 24/6 – Rostov-on-Don", "Sat 24/6", false },
        // A base-form verb is not enough for this shape (the verb list or other rules must know it).
        { "12 June – Markets tumble", "12 June", false },
        // The date does not open the line: not a bullet.
        { "In the memo of Mon 13/3 – HSBC buys SVB's UK arm", "Mon 13/3", false },
        // No dash or colon after a weekday label: a heading run into the text, not an entry.
        { "Mon 13/3 HSBC buys SVB's UK arm", "Mon 13/3", false },
        // A chronology without dashes: a full calendar date opens the line and a headline clause follows at once.
        { "3 May 2018 Harbour authority approves the new ferry terminal.", "3 May 2018", true },
        // A plural subject's noun takes the -s ("hearings"), as after a dash.
        { "9 March 2021 Preliminary hearings begin.", "9 March 2021", true },
        // The month-first form, and an appositive name between commas before the verb.
        { "October 4, 2019 The mayor's brother, Paul, files a complaint against the council.", "October 4, 2019", true },
        // A fronted phrase before the subject ("After a week's pause, …"), the subject with or without its article.
        { "12 June 2020 After a week's pause, the Union's lawyers call their first witness.", "12 June 2020", true },
        { "12 June 2020 After a week's pause, Union lawyers call their first witness.", "12 June 2020", true },
        // A month and year are a calendar date too.
        { "May 2017 Regional council hires an outside auditor.", "May 2017", true },
        // A bare year is not enough without a dash: "2019 Honda models" could be a noun phrase.
        { "2019 Coastal towns brace for a storm season.", "2019", false },
        // The date does not open the line.
        { "Shares fell on 3 May 2018 Harbour authority approves", "3 May 2018", false },
        // A section label after the date: no lower-case word in -s follows the names.
        { "3 May 2018 From the section Europe", "3 May 2018", false },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void ADatedHeadlineLineIsAStatement(string line, string date, bool statement)
    {
        int start = line.IndexOf(date, StringComparison.Ordinal);
        Assert.Equal(statement, Clauses.IsDatedHeadlineClause(line, start, start + date.Length));
        if (statement)
        {
            Assert.Null(Clauses.NotAStatement(line, start, start + date.Length));
        }
    }

    public static TheoryData<string, string, string> Headlines => new()
    {
        // The date is shown beside the headline: the statement after the bullet's date and dash is the headline.
        { "Fri 14/10 – Truss sacks Kwarteng and appoints Jeremy Hunt.", "Fri 14/10", "Truss sacks Kwarteng and appoints Jeremy Hunt" },
        { "Wed 8/3 – Crypto lender Silvergate says it will wind down and liquidate its bank.", "Wed 8/3", "Crypto lender Silvergate says it will wind down and liquidate its bank" },
        { "24 June: Wagner fighters seize the military headquarters in Rostov.", "24 June", "Wagner fighters seize the military headquarters in Rostov" },
    };

    [Theory]
    [MemberData(nameof(Headlines))]
    public void ABulletLinesHeadlineIsItsStatementWithoutTheDate(string line, string date, string headline)
    {
        int start = line.IndexOf(date, StringComparison.Ordinal);
        Assert.Equal(headline, Clauses.Headline(line, start, start + date.Length));
    }
}
