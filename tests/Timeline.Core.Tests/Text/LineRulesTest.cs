using Timeline.Core.Text;

namespace Timeline.Core.Tests.Text;

/// <summary>Each line rule on lines copied from the sample articles, plus near misses that must stay prose.</summary>
public class LineRulesTest
{
    [Theory]
    // 000: AP gallery caption with a credit parenthesis.
    [InlineData("Russian President Vladimir Putin listens to Syrian interim President Ahmad al-Sharaa during their meeting at the Grand Kremlin Palace in Moscow, on Wednesday, Jan. 28, 2026. (Maxim Shipenkov/Pool Photo via AP)")]
    // 000: AP file photo with "FILE -" and an "(AP Photo/…, File)" credit.
    [InlineData("FILE - Former Iraqi Prime Minister Nouri al-Maliki arrives to his political block campaign rally before the parliamentary elections in Baghdad, Iraq, Friday, Nov. 7, 2025. (AP Photo/Hadi Mizban, File)")]
    // 002: no credit, no final period; "pose for a photo" and a closing date give it away.
    [InlineData("Russian President Vladimir Putin (left) and Syrian interim President Ahmad al-Sharaa pose for a photo during their meeting at the Grand Kremlin Palace in Moscow, January 28, 2026")]
    // A scene description closed by its date, without credit or photo phrase.
    [InlineData("Syrian interim President Ahmad al-Sharaa walks to the Grand Kremlin Palace in Moscow, Wednesday, Jan. 28, 2026.")]
    public void DetectsCaptions(string line)
    {
        Assert.NotNull(LineRules.CaptionSignal(line));
    }

    [Theory]
    // Body text mentioning a photo opportunity but no caption shape.
    [InlineData("He led a swift rebel offensive in December 2024 that ousted former Syrian President Bashar Assad.")]
    // Body sentence with a parenthetical agency name in the middle.
    [InlineData("Two members of the Coordination Framework confirmed to The Associated Press (AP) having received the message, a copy of which was circulated.")]
    // A sentence that mentions a paywall once is prose.
    [InlineData("The newspaper put its archive behind a paywall in 2019, and readers complained that the free limit was too low for students.")]
    // Prose counting articles read is not a paywall meter.
    [InlineData("Investigators said they had read 300 of the 5,000 articles published by the bank's analysts since 2020.")]
    // A sentence closed by a date after a dash is prose when it ends like a sentence.
    [InlineData("The fuel queues grew longer through the week – until 2 July 2022.")]
    // A story that reports a page being updated is prose: only "this story/article/report" names the page itself.
    [InlineData("The ministry said its guidance page was updated on Monday to drop the mask rule.")]
    // A sentence that opens "Also in" is prose, not a box label.
    [InlineData("Also in Brussels, ministers agreed to extend the sanctions for another six months.")]
    // A dateline lede is not a caption.
    [InlineData("MOSCOW (AP) — Syria’s interim President Ahmad al-Sharaa visited Moscow on Wednesday for the second time in less than four months.")]
    // Prose that reports comments closing or being removed is not the page's notice.
    [InlineData("The regulator said public comments are closed until the hearing in May.")]
    [InlineData("The mayor's comment was removed from the minutes after a vote on Tuesday.")]
    [InlineData("He asked the panel to add your comment to the record, the clerk said, and the hearing closed at noon.")]
    public void LeavesProseAlone(string line)
    {
        Assert.Null(LineRules.CaptionSignal(line));
        Assert.Null(LineRules.FurnitureSignal(line));
        Assert.Null(LineRules.CreditSignal(line));
        Assert.False(LineRules.IsCss(line));
        Assert.False(LineRules.IsJavaScript(line));
    }

    [Theory]
    // Two stamps and their labels, in the order the page gives them.
    [InlineData("Sun 10 Jul 2022 10.20 BST · Last modified on Sun 10 Jul 2022 11.05 BST", true)]
    [InlineData("Published January 28, 2026 | Updated January 29, 2026, 9:15 AM", true)]
    // Day-first numeric stamps (dotted, and slashed with a day above 12).
    [InlineData("11.02.2023, 19:00 | Last modified: 11.02.2023, 19:45", true)]
    [InlineData("19/02/2023 21:00 | Last modified 19/02/2023 21:40", true)]
    // A byline carrying its stamps: a short name part and stamp parts.
    [InlineData("Harriet Oyelaran, Diplomatic Correspondent · Mon 13 Feb 2023 18.30 GMT · Last modified on Mon 13 Feb 2023 21.10 GMT", true)]
    // A sentence part beside a stamp is not a byline.
    [InlineData("Rescuers pulled a girl from the rubble. | Mon 13 Feb 2023 18.30 GMT", false)]
    // A byline's time stamp alone on its line.
    [InlineData("July 12, 2022, 10:10 p.m. ET", true)]
    // Prose with a date is not a stamp line.
    [InlineData("Protesters returned on Sun 10 Jul 2022 to the palace grounds", false)]
    [InlineData("Updated rules took effect on January 28, 2026, officials said", false)]
    public void RecognisesStampOnlyLines(string line, bool expected)
    {
        Assert.Equal(expected, LineRules.IsStampOnly(line));
    }

    [Theory]
    // A credit in parentheses or after a "Photograph:" label closes the caption; the caption itself stays.
    [InlineData("Protesters gather in the grounds of the President's House in Colombo on Saturday, July 9, 2022. (SAW Photo/Dinuka Perera)", "(SAW Photo/Dinuka Perera)")]
    [InlineData("Protesters relax in the swimming pool of the President's House in Colombo. Photograph: Chamila Karunarathne/The Albion Herald", "Photograph: Chamila Karunarathne/The Albion Herald")]
    // No credit: nothing to cut.
    [InlineData("Protesters gather in the grounds of the President's House in Colombo on Saturday, July 9, 2022.", null)]
    public void FindsTheCreditClosingACaption(string line, string? credit)
    {
        int at = LineRules.CaptionCreditStart(line);
        Assert.Equal(credit, at < 0 ? null : line[at..].Trim());
    }

    [Theory]
    // 000 and 004: contributor lines end the story.
    [InlineData("Abby Sewell in Beirut contributed.", "contributor credit")]
    [InlineData("Associated Press journalist Abby Sewell in Beirut contributed.", "contributor credit")]
    [InlineData("Reporting by Maya Gebeily; Editing by Alex Richardson", "contributor credit")]
    // A note on the page's own making: its day is when the page was edited, not when anything happened.
    [InlineData("Our newsroom is closed for the holiday; this story was updated from the wires on Sunday evening.", "production note")]
    [InlineData("This article has been corrected to give the minister's full title.", "production note")]
    [InlineData("Compiled from wire reports.", "production note")]
    // 003: photo credit label.
    [InlineData("Photo: Kyiv Independent", "photo credit")]
    // A byline.
    [InlineData("By Vladimir Isachenkov", "byline or copyright")]
    public void DetectsCredits(string line, string reason)
    {
        Assert.Equal(reason, LineRules.CreditSignal(line));
    }

    [Theory]
    // 001
    [InlineData("ADVERTISEMENT", "advertisement", false)]
    // 002 and 004: skip links.
    [InlineData("Skip to main content", "navigation", false)]
    [InlineData("Skip to Content", "navigation", false)]
    [InlineData("Jump to comments ↓", "navigation", false)]
    // 002: paywall ends the readable text.
    [InlineData("You have reached the free limit.", "paywall prompt", true)]
    [InlineData("Subscribe to continue reading.", "paywall prompt", true)]
    // A metered paywall counts the reader's free articles, or what is left of them; the article goes on after it.
    [InlineData("You have read 3 of 5 free articles this month. Subscribe now for unlimited access to the Courier. Already a subscriber? Log in", "paywall meter", false)]
    [InlineData("You've read two of your three free stories this week.", "paywall meter", false)]
    [InlineData("2 free articles left", "paywall meter", false)]
    // A hard wall still ends the story.
    [InlineData("You have reached your limit of free articles.", "paywall prompt", true)]
    // 001 and 002: calls to action.
    [InlineData("Sign up by email to receive news.", "call to action", false)]
    [InlineData("Support the Morning Star", "call to action", false)]
    // 001, 002, 004: labels of boxes that follow the article.
    [InlineData("Related Tags", "related-content or comments section", true)]
    [InlineData("Similar stories", "related-content or comments section", true)]
    [InlineData("Article Topic Follows: AP World News", "related-content or comments section", true)]
    [InlineData("BE PART OF THE CONVERSATION", "related-content or comments section", true)]
    // An inline teaser (label and linked headline on one line) in the middle of an article is removed alone.
    [InlineData("RELATED: The billionaire explorers drawn to the deep", "related-content teaser", false)]
    [InlineData("Read next | Rescue crews race the clock", "related-content teaser", false)]
    [InlineData("See also — Why did the sub lose contact?", "related-content teaser", false)]
    // A box label alone, or a label with a list of tags, still ends the story.
    [InlineData("Related:", "related-content or comments section", true)]
    [InlineData("Related stories", "related-content or comments section", true)]
    // A section's box of other stories ("Also in Business", "More in World") ends the story: what follows is another story.
    [InlineData("Also in Business", "related-content or comments section", true)]
    [InlineData("MORE IN SPORT", "related-content or comments section", true)]
    [InlineData("Also in the News", "related-content or comments section", true)]
    // "Also on <section>", "More from <desk>": the same box under another preposition (a second story follows it).
    [InlineData("ALSO ON THE WATERFRONT", "related-content or comments section", true)]
    [InlineData("Also from Reuters", "related-content or comments section", true)]
    // A newsletter's "Also this week" / "Also today" heads the week's other stories (an inauguration, a match), not more of this one.
    [InlineData("Also this week", "related-content or comments section", true)]
    [InlineData("ALSO TODAY", "related-content or comments section", true)]
    // A bare "Read more" heading a box of teasers ends the story (a "Read more: headline" teaser is removed alone, above).
    [InlineData("Read more", "related-content or comments section", true)]
    // A paywall prompt saying it three ways is one even past 20 words; prose naming a paywall twice is not (LeavesProseAlone).
    [InlineData("Subscribe to The Atoll Observer to continue reading. Already a subscriber? Log in. You have reached your limit of free articles this month.", "paywall prompt", true)]
    // A teaser is a headline closed by its date after a dash or bar, without sentence punctuation.
    [InlineData("'We are hungry': queues and anger in Colombo as the money runs out – 2 July 2022", "related-story teaser (headline and date)", false)]
    [InlineData("Rescue crews race the clock as oxygen runs low | June 21, 2023", "related-story teaser (headline and date)", false)]
    // 004: comment-section sentences.
    [InlineData("Please keep your comments respectful and relevant. You can review our Community Guidelines by clicking here.", "site furniture (comments, newsletter, legal)", false)]
    [InlineData("If you would like to share a story idea, please submit it here.", "site furniture (comments, newsletter, legal)", false)]
    // A comment section's notices end the story: readers' comments follow them (or the page ends).
    [InlineData("This comment was removed because the moderators found it broke the house rules.", "reader-comment notice", true)]
    [InlineData("3rd March 2012 - 09:15 This comment has been removed by a moderator.", "reader-comment notice", true)]
    [InlineData("At 4:10 pm on 2 Feb 2012, harbourwatcher wrote: This comment was removed because it broke the rules.", "reader-comment notice", true)]
    [InlineData("Comment removed by a moderator", "reader-comment notice", true)]
    [InlineData("Comments are now closed", "reader-comment notice", true)]
    [InlineData("Share this article · Comments are closed", "reader-comment notice", true)]
    [InlineData("Commenting on this story has been closed.", "reader-comment notice", true)]
    [InlineData("Add your comment", "reader-comment notice", true)]
    [InlineData("Add your comments on this article, using the form below.", "reader-comment notice", true)]
    public void DetectsFurniture(string line, string reason, bool endsStory)
    {
        Assert.Equal((reason, endsStory), LineRules.FurnitureSignal(line));
    }

    [Theory]
    // 001: the widget stylesheet that follows the article.
    [InlineData(".most-popular .layout-ratio{ padding-bottom: 79.13%; } @media (min-width: 768px) and (max-width: 1024px) { .widget-title { font-size: 15px !important; } }")]
    [InlineData(".mb-article-details { position: relative; } .mb-article-details .article-body-preview, .mb-article-details .article-body-summary{ font-size: 17px; line-height: 30px; }")]
    public void DetectsCss(string line)
    {
        Assert.True(LineRules.IsCss(line));
    }

    [Fact]
    public void DetectsJavaScript()
    {
        // 001: the infinite-scroll script, flattened onto one line.
        string line = "function initializeAllSwipers() { // Get all hidden inputs with cms_article_id document.querySelectorAll('[id^=\"cms_article_id_\"]').forEach(function (input) { const cmsArticleId = input.value; const articleSelector = '#article-' + cmsArticleId + ' .body_images'; } ); } setTimeout(initializeAllSwipers, 3000);";
        Assert.True(LineRules.IsJavaScript(line));
    }

    [Theory]
    [InlineData("MOSCOW (AP) — Syria’s interim President visited Moscow.", "MOSCOW (AP) —")]
    [InlineData("BAGHDAD (AP) — Former Iraqi Prime Minister Nouri al-Maliki expressed defiance Wednesday.", "BAGHDAD (AP) —")]
    [InlineData("WASHINGTON (Reuters) - The United States said on Tuesday it would act.", "WASHINGTON (Reuters) -")]
    [InlineData("WASHINGTON, Jan 28 (Reuters) - The United States said on Tuesday it would act.", "WASHINGTON, Jan 28 (Reuters) -")]
    [InlineData("KYIV, Ukraine (AP) — Russia launched drones overnight.", "KYIV, Ukraine (AP) —")]
    [InlineData("ST. PETERSBURG, Russia (AP) — Putin laid flowers.", "ST. PETERSBURG, Russia (AP) —")]
    public void DetectsDatelines(string line, string dateline)
    {
        Assert.Equal(dateline, LineRules.Dateline(line)?.Text);
    }

    [Theory]
    // 002: capitalised first word, but no dash.
    [InlineData("SYRIA’S interim President Ahmad al-Sharaa has visited Moscow for the second time.")]
    // A hyphenated compound in a sentence start.
    [InlineData("US-Iraq ties - the subject of the talks - were strained.")]
    // Title case place is not a dateline.
    [InlineData("Moscow (AP) — text")]
    public void RejectsNonDatelines(string line)
    {
        Assert.Null(LineRules.Dateline(line));
    }

    [Theory]
    // 002: teasers cut mid-sentence and related-story dates.
    [InlineData("Syria's interim president Ahmad al-Sharaa (right) leaves the", true)]
    [InlineData("World / 25 February 2025", true)]
    [InlineData("Click to Gallery", true)]
    // A long line without final punctuation is kept (could be prose cut by the page).
    [InlineData("The Russian military has recently begun pulling out of a base in an area of north-eastern Syria still controlled by the SDF", false)]
    // A short real sentence is kept.
    [InlineData("Some of those militias have voiced their support for al-Maliki.", false)]
    public void ShortNonSentenceLines(string line, bool expected)
    {
        Assert.Equal(expected, LineRules.IsShortNonSentence(line));
    }

    [Theory]
    // 004: typographic apostrophe in the body, straight one in the title.
    [InlineData("Syria’s interim leader Ahmad al-Sharaa meets with Putin in Moscow", "Syria's interim leader Ahmad al-Sharaa meets with Putin in Moscow", true)]
    [InlineData("Syrian interim President visits Putin in Moscow", "Syrian interim President visits Putin in Moscow", true)]
    // The title's words with a full stop: equal once normalised, whatever the punctuation.
    [InlineData("Putin and al-Sharaa meet in Moscow.", "Putin and al-Sharaa meet in Moscow", true)]
    // One word more: a question may still repeat the title (most words shared); a sentence that ends in a full stop does not.
    [InlineData("Putin and al-Sharaa meet in Moscow today?", "Putin and al-Sharaa meet in Moscow", true)]
    [InlineData("Putin and al-Sharaa meet in Moscow today.", "Putin and al-Sharaa meet in Moscow", false)]
    // A lede that shares words with the title is not the headline.
    [InlineData("Syria’s interim President Ahmad al-Sharaa visited Moscow on Wednesday for the second time in less than four months.", "Syria's interim president visits Moscow for the second time in less than four months", false)]
    public void RecognisesTheHeadline(string line, string title, bool expected)
    {
        Assert.Equal(expected, LineRules.IsHeadline(line, title));
    }

    [Theory]
    // Plain words and punctuation between them.
    [InlineData("Putin met al-Sharaa in Moscow, on Jan. 28, 2026.")]
    // Joiners: apostrophes (both kinds), dots and hyphens inside words, and doubled or trailing ones that end a word.
    [InlineData("Syria’s U.S.-backed don't e.g. -- x--y a..b end. 'quoted' ’tis")]
    // Numbers of every kind (Nd, Nl, No) and letters of other scripts count as word characters.
    [InlineData("٣ Ⅻ ½ 12:30 Москва 北京 ǅemal")]
    // Nothing but symbols, and the empty line.
    [InlineData("— * * * ↓ ©")]
    [InlineData("")]
    public void CountsWordsAsTheWordPatternMatches(string line)
    {
        // The scan replaced a regex for speed; the regex stays the definition.
        var word = new System.Text.RegularExpressions.Regex(@"[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        Assert.Equal(word.Count(line), LineRules.WordCount(line));
    }

    [Theory]
    // A dateline must start with two capitals: a lower-case first or second letter is prose (the fast path).
    [InlineData("MOSCOW (AP) — Syria’s interim President visited Moscow.", "MOSCOW (AP) —")]
    [InlineData("Moscow (AP) — Syria’s interim President visited Moscow.", null)]
    [InlineData("mOSCOW (AP) — Syria’s interim President visited Moscow.", null)]
    [InlineData("B", null)]
    public void FindsDatelinesOnlyInCapitals(string line, string? expected)
    {
        Assert.Equal(expected, LineRules.Dateline(line)?.Text);
    }
}
