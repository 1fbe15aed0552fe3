using System.Buffers;
using System.Text.RegularExpressions;

namespace Timeline.Core.Text;

/// <summary>
/// Recognisers for the kinds of line a saved news page leaves in an article body. Each looks at the shape of one line
/// (punctuation, length, code-token density, furniture phrasing) rather than at one site's strings.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static partial class LineRules
{
    private const RegexOptions Ci = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase;
    private const RegexOptions Cs = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const int TimeoutMs = RegexDefaults.TimeoutMs;

    /// <summary>Template expressions left by a page's client-side rendering: <c>{{ x.title }}</c>, <c>{% if %}</c>, <c>${x}</c>.</summary>
    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}|\$\{[^}\n]{1,80}\}", Cs, TimeoutMs)]
    internal static partial Regex TemplateExpression();

    [GeneratedRegex(@"\{[^{}]*:[^{}]*\}", Cs, TimeoutMs)]
    private static partial Regex CssBlock();

    [GeneratedRegex(@"\b(?:function|const|let|var|return|typeof|new|null|undefined|document|window|console|this)\b|=>|===|!==|&&|\|\||\)\s*;|\)\s*\{", Cs, TimeoutMs)]
    private static partial Regex JsToken();

    /// <summary>A dateline opening a story: "MOSCOW (AP) —", "WASHINGTON, Jan 28 (Reuters) -", "KYIV, Ukraine (AP) —", "BEIRUT —".</summary>
    [GeneratedRegex(
        @"^(?<place>\p{Lu}[\p{Lu}.'’]+(?:[ -]\p{Lu}[\p{Lu}.'’]+){0,3})" +
        @"(?:,\s*\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+){0,2})?" +
        @"(?:,?\s*" + TextDates.MonthName + @"\s+\d{1,2}(?:,\s*\d{4})?)?" +
        @"(?:\s*(?<agency>\([^()]{1,30}\))\s*(?:—|–|--|-)|\s*(?:—|–|--))\s*(?=\S)",
        Cs | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex DatelineRegex();

    /// <summary>An update or publication stamp at the start of a line: "Update: 18:15 January 29, 2025:", "Published Jan 29, 2026 12:30 am".</summary>
    [GeneratedRegex(
        @"^(?<label>(?:first\s+|originally\s+)?published|posted|(?:last\s+)?updated?|updates)\s*(?:on|at)?\s*:?\s*(?<stamp>" + TextDates.Stamp + @")\s*(?:[:|—–-]\s*)?",
        Ci, TimeoutMs)]
    internal static partial Regex StampLine();

    /// <summary>What may stand between the stamps of a stamp-only line: labels ("Last modified on", "Updated"), separators.</summary>
    [GeneratedRegex(@"^(?:[\s·•|,;:()–—-]|\b(?:(?:first|originally|last)\s+)?(?:published|posted|updated?|modified|edited)\b|\b(?:on|at)\b)*$", Ci, TimeoutMs)]
    private static partial Regex StampGlue();

    /// <summary>A related-story teaser: a headline closed by its date after a dash or bar ("Fuel sales halted – 28 June 2022").</summary>
    [GeneratedRegex(@"\s(?:–|—|-|\|)\s*" + TextDates.DatePart + @"\s*$", Ci, TimeoutMs)]
    private static partial Regex EndsWithTeaserDate();

    /// <summary>The <see cref="StampLine"/> match opening <paramref name="line"/>, or null (its label's initial is tested first).</summary>
    internal static Match? Stamp(string line) => OpensWith(line, "foplu") && MayOpenWithStampLabel(line) && StampLine().Match(line) is { Success: true } stamp ? stamp : null;

    /// <summary>The words a <see cref="StampLine"/> label opens with.</summary>
    private static readonly string[] StampLabelWords = ["first", "originally", "published", "posted", "last", "update"];

    /// <summary>
    /// Whether <paramref name="line"/> may open with a <see cref="StampLine"/> label: it opens with one of <see cref="StampLabelWords"/>
    /// in any case. Exact when its first characters are ASCII (their only case-insensitive partners are ASCII); otherwise the pattern decides.
    /// </summary>
    private static bool MayOpenWithStampLabel(string line)
    {
        if (!System.Text.Ascii.IsValid(line.AsSpan(0, Math.Min(line.Length, 10))))
        {
            return true;
        }

        foreach (string word in StampLabelWords)
        {
            if (line.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A clock time: "08:03", "10.48", "4.30 pm".</summary>
    private const string Clock = @"\d{1,2}[:.][0-5]\d(?:\s*[ap]\.?\s?m\b\.?)?";

    /// <summary>A clock time with its zone: "08:03 GMT", "09:03 UK", "16:55 UK time".</summary>
    private const string ZonedClock = Clock + @"\s*(?:GMT|UTC|BST|UK)(?:\s+time)?\b";

    /// <summary>
    /// A page stamp glued to the text after it, as saved pages run their furniture into the first sentence: "Page last updated
    /// at 08:03 GMT, Tuesday, 26 July 2011 09:03 UK", "9 November 2011 Last updated at 10:48 GMT Help", "Added: Tuesday,
    /// 19 January, 2010, 17:08 GMT 17:08 UK", "Rajan Datar | 10:57 UK time, Friday, 22 January 2010". Optional byline, label and
    /// zoned clock, the date (group stamp), then any run of clocks, update labels, a "Help" link and a server-side include's error.
    /// </summary>
    [GeneratedRegex(
        @"^(?:(?<byline>\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3})\s*\|\s*)?" +
        @"(?<label>(?:page\s+)?(?:(?:last\s+)?updated|published|posted|added)\s*(?:at|on)?\s*:?\s*)?" +
        @"(?:(?<clock>" + ZonedClock + @"),?\s+)?" +
        @"(?<stamp>" + TextDates.DatePart + @")" +
        @"(?<tail>(?:\s*[,|–—-]?\s*(?:" + ZonedClock + "|" + Clock + @"|(?:last\s+)?updated(?:\s+at)?\s*:?|help\b|\(an\s+error\s+occurred\s+while\s+processing\s+this\s+directive\)))*)\s*",
        Ci, TimeoutMs)]
    private static partial Regex GluedStampRegex();

    /// <summary>A reader comment's header run into the text: "At 3:03 pm on 18 Jan 2010, Gheryando wrote:", "At 04:23 23rd Aug 2010, Jo Smith wrote:".</summary>
    [GeneratedRegex(@"^at\s+" + Clock + @"\s+(?:on\s+)?(?<stamp>" + TextDates.DatePart + @"),?\s+[\p{L}\p{N}_.-]{1,40}(?:\s+[\p{L}\p{N}_.-]{1,40}){0,3}\s+wrote\s*:\s*", Ci, TimeoutMs)]
    private static partial Regex CommentStampRegex();

    /// <summary>A clock with its zone or an update label, in the tail of a <see cref="GluedStampRegex"/> match.</summary>
    [GeneratedRegex(ZonedClock + @"|\bupdated\b", Ci, TimeoutMs)]
    private static partial Regex StampMark();

    /// <summary>
    /// The page stamps and comment headers inside <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>), as
    /// (start, end) spans, where text follows each: a <see cref="GluedStamp(string)"/> opening a sentence (a paragraph of a saved page
    /// runs its lines together: "… in need of land in Senegal? Added: Tuesday, 19 January, 2010, 17:08 GMT 17:08 UK Africa needs…"),
    /// or one whose label proves it wherever it stands ("… says sister Page last updated at 16:14 GMT, Thursday, 30 June 2011 …"),
    /// and a reader comment's header ("At 3:03 pm on 18 Jan 2010, Gheryando wrote:"). Null when there is none.
    /// </summary>
    internal static List<(int Start, int End)>? GluedStamps(string text, int start, int end)
    {
        List<(int Start, int End)>? spans = null;
        int p = start;
        int digit = -1;
        while (p < end)
        {
            // Both kinds of stamp need a digit within StampDigitWindow characters of their start (a comment header at its
            // fourth): where none is that close, no stamp can start, so the scan jumps to where one could.
            if (digit < p)
            {
                int next = text.AsSpan(p, end - p).IndexOfAnyInRange('0', '9');
                if (next < 0)
                {
                    break;
                }

                digit = p + next;
            }

            if (digit - p >= StampDigitWindow)
            {
                p = digit - StampDigitWindow + 1;
                continue;
            }

            bool wordStart = p == start || (char.IsWhiteSpace(text[p - 1]) && !char.IsWhiteSpace(text[p]));
            if (wordStart && (char.IsAsciiDigit(text[p]) || char.IsUpper(text[p])))
            {
                ReadOnlySpan<char> at = text.AsSpan(p, end - p);
                Match? m = null;
                if (at.StartsWith("At ", StringComparison.Ordinal) && at.Length > 3 && char.IsAsciiDigit(at[3]))
                {
                    m = CommentStampRegex().Match(text, p, end - p) is { Success: true } c && c.Length < at.Length ? c : null;
                }
                else if (p == start || p == (spans is null ? -1 : spans[^1].End) || OpensSentence(text, p) || at.StartsWith("Page last updated", StringComparison.OrdinalIgnoreCase)
                    || at.StartsWith("Last updated", StringComparison.OrdinalIgnoreCase))
                {
                    m = GluedStamp(text, p, end - p);
                }

                if (m is not null)
                {
                    (spans ??= []).Add((p, p + m.Length));
                    p += m.Length;
                    continue;
                }
            }

            p++;
        }

        return spans;
    }

    /// <summary>Whether a sentence ends just before the blanks before <paramref name="at"/>: ".", "!" or "?", perhaps then a closing quote or bracket.</summary>
    private static bool OpensSentence(string text, int at)
    {
        int k = at - 1;
        while (k >= 0 && char.IsWhiteSpace(text[k]))
        {
            k--;
        }

        if (k > 0 && text[k] is '"' or '”' or '’' or '\'' or ')')
        {
            k--;
        }

        return k >= 0 && text[k] is '.' or '!' or '?';
    }

    /// <summary>
    /// Whether a <see cref="GluedStampRegex"/> match may start at <paramref name="at"/>: it opens with a byline (then a "|" follows),
    /// a label ("page", "last", "updated", "published", "posted", "added"), a clock (a digit) or the date (a digit, a weekday or a
    /// month name), so an ASCII first character must be a digit or one of those words' initials unless a "|" follows.
    /// Characters outside ASCII are left to the pattern (its case-insensitive classes may take them).
    /// </summary>
    private static bool MayOpenGluedStamp(string text, int at, int end)
    {
        char c = text[at];
        return !char.IsAscii(c) || char.IsAsciiDigit(c) || "plumtwfsjaond".Contains(char.ToLowerInvariant(c)) || text.AsSpan(at, end - at).Contains('|');
    }

    /// <summary>How near its start a page stamp has a digit (its date's or clock's): lines and sentence openings without one are not read as stamps.</summary>
    private const int StampDigitWindow = 100;

    /// <summary>The <see cref="GluedStamp(string)"/> opening <paramref name="text"/>[<paramref name="beginning"/>..+<paramref name="length"/>).</summary>
    private static Match? GluedStamp(string text, int beginning, int length)
    {
        // A date comes early in a stamp: a line without a digit near its start has none.
        if (text.AsSpan(beginning, Math.Min(length, StampDigitWindow)).IndexOfAnyInRange('0', '9') < 0)
        {
            return null;
        }

        if (!MayOpenGluedStamp(text, beginning, beginning + length))
        {
            return null;
        }

        Match m = GluedStampRegex().Match(text, beginning, length);
        if (!m.Success || m.Length >= length)
        {
            return null;
        }

        bool marked = m.Groups["label"].Success || m.Groups["clock"].Success || m.Groups["byline"].Success
            || StampMark().IsMatch(m.Groups["tail"].Value);
        return marked ? m : null;
    }

    /// <summary>
    /// The page stamp (<see cref="GluedStampRegex"/>) opening <paramref name="line"/> when text follows it, or null. A bare date
    /// opening a line is not a stamp ("7 November 2011 Dr Murray is found guilty" is a dated entry of a chronology): the date needs a
    /// label, a byline, or a zoned clock or update label beside it.
    /// </summary>
    internal static Match? GluedStamp(string line) => GluedStamp(line, 0, line.Length);

    /// <summary>A photo credit in parentheses closing the line: "(Maxim Shipenkov/Pool Photo via AP)", "(AP Photo/Hadi Mizban, File)".</summary>
    [GeneratedRegex(@"\((?:AP|AFP|Reuters|[^()]{0,80}(?:/|\bphoto\b|\bpool\b|\bvia\b|\bgetty\b|\bfile\b|\bimages?\b|\bcredit\b)[^()]{0,80})\)\.?\s*$", Ci, TimeoutMs)]
    private static partial Regex CreditParenthesis();

    /// <summary>A credit after a caption's last sentence: ". Photograph: Jane Doe/The Herald", ". Photo: Reuters".</summary>
    [GeneratedRegex(@"(?<=[.!?”""])\s+(?:photo(?:graph)?|picture|image|credit)s?\s*:\s*[^.!?]{1,80}$", Ci, TimeoutMs)]
    private static partial Regex TrailingCreditLabel();

    [GeneratedRegex(@"^FILE\s*(?:-|–|—|:)\s", Cs, TimeoutMs)]
    private static partial Regex FilePhotoPrefix();

    [GeneratedRegex(@"\b(?:pose[sd]?\s+for\s+(?:a\s+)?(?:group\s+)?(?:photo|picture|photograph)s?|(?:is|are)\s+(?:seen|pictured|shown)\b|in\s+this\s+(?:photo|image|picture|handout))", Ci, TimeoutMs)]
    private static partial Regex PhotoPhrase();

    /// <summary>A scene description closed by its date: "… in Moscow, January 28, 2026", "…, Russia, Tuesday, Jan. 27, 2026.".</summary>
    [GeneratedRegex(@",\s*(?:" + TextDates.Weekday + @")?" + TextDates.MonthName + @"\s+\d{1,2},\s*\d{4}\.?\s*$", Ci, TimeoutMs)]
    private static partial Regex EndsWithSceneDate();

    [GeneratedRegex(@"^(?:photo(?:graph)?s?|images?|pictures?|video|credits?|illustration)(?:\s+credits?)?\s*:\s*\S", Ci, TimeoutMs)]
    private static partial Regex CreditLabel();

    [GeneratedRegex(@"\bcontributed(?:\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article))?\s*\.?$|^(?:reporting|writing|editing|additional\s+reporting)\s+by\s", Ci, TimeoutMs)]
    private static partial Regex ContributorLine();

    /// <summary>A note on how the page itself was made: "this story was updated from the wires on Monday night", "This article has
    /// been corrected to give the mayor's full name", "compiled from wire reports".</summary>
    [GeneratedRegex(@"\bthis\s+(?:story|article|report|page|piece)\s+(?:was|has\s+been|had\s+been|will\s+be|is\s+being)\s+(?:updated|corrected|amended|revised|compiled|edited)\b|\b(?:updated|compiled)\s+from\s+(?:the\s+)?wires?\b|\bcompiled\s+from\s+(?:news\s+)?(?:wire|agency|agencies)", Ci, TimeoutMs)]
    private static partial Regex ProductionNote();

    [GeneratedRegex(@"^By\s+\p{Lu}[\p{L}.'’-]+(?:\s+(?:\p{Lu}[\p{L}.'’-]+|and|&|,))*\.?$|^(?:©|\(c\)|copyright\b)", Cs, TimeoutMs)]
    private static partial Regex BylineOrCopyright();

    [GeneratedRegex(@"^(?:skip\s+to|jump\s+to|back\s+to\s+top|go\s+to|toggle|menu\b|search\b|home\b|main\s+menu)", Ci, TimeoutMs)]
    private static partial Regex Navigation();

    [GeneratedRegex(@"^(?:advertisement|advert|sponsored(?:\s+content)?|promoted|ad|paid\s+content)\s*$", Ci, TimeoutMs)]
    private static partial Regex Advertisement();

    [GeneratedRegex(@"^(?:subscribe|sign\s+(?:up|in)|log\s*in|register\b|follow\s+us|share\s+(?:this|on|via)|read\s+more|continue\s+reading|click\s+here|download\s+(?:our|the)\s+app|support\s+(?:the|our|us)\b|donate|join\s+(?:us|our)|get\s+(?:our|the)\s+newsletter|listen\s+to\s+this|print\s+this|email\s+this)", Ci, TimeoutMs)]
    private static partial Regex CallToAction();

    [GeneratedRegex(@"\b(?:free\s+(?:article\s+)?limit|reached\s+(?:your|the)\s+(?:free\s+|monthly\s+|article\s+)?limit|subscribe\s+to\s+(?:continue|read|keep)|already\s+a\s+subscriber|subscribers?\s+only|paywall|to\s+continue\s+reading)", Ci, TimeoutMs)]
    private static partial Regex Paywall();

    /// <summary>
    /// A metered paywall's count ("You have read 3 of 5 free articles this month", "2 free stories left"): the page shows it
    /// while the article goes on, so unlike a paywall prompt it is removed alone and does not end the story.
    /// </summary>
    [GeneratedRegex(@"\b(?:(?:read|used|viewed)\s+\w+\s+of\s+(?:your\s+)?\w+\s+free\s+(?:articles|stories)|\w+\s+free\s+(?:articles?|stories)\s+(?:left|remaining))\b", Ci, TimeoutMs)]
    private static partial Regex PaywallMeter();

    [GeneratedRegex(@"\b(?:your\s+comments|community\s+guidelines|by\s+clicking\s+here|submit\s+it\s+here|story\s+idea|civil\s+and\s+constructive|terms\s+of\s+(?:use|service)|privacy\s+policy|cookie\s+(?:policy|settings)|all\s+rights\s+reserved|newsletter|sign\s+up\s+(?:by|for|to))", Ci, TimeoutMs)]
    private static partial Regex SiteFurniture();

    /// <summary>
    /// A comment section's notice: a moderation note ("This comment was removed because the moderators found it broke the house
    /// rules", "Comment removed by a moderator"), closed comments ("Comments are closed", "Share this story · Comments are now
    /// closed"), or the form's invitation ("Add your comment", "Add your comments on this story, using the form below"). A
    /// comment's stamp ("8th November 2011 - 17:42", "At 3:03 pm on 20 Jan 2010, Jo wrote:") or a share link ("Share this story ·") may stand
    /// before it; nothing else may, so prose that reports comments being closed stays.
    /// </summary>
    [GeneratedRegex(@"^(?:(?:\d{1,2}(?:st|nd|rd|th)?\s+\p{L}+,?\s+\d{4}|\p{L}+\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})(?:\s*[,|–—-]?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\b\.?)?)?\s*[|:–—-]?\s*|at\s+[^.!?]{1,60}?\s+wrote\s*:\s*|[^.!?·|]{0,40}[·|]\s*)?(?:this\s+(?:comment|post|reply)\s+(?:was|has\s+been|is)\s+(?:removed|deleted|hidden|awaiting\s+moderation)|(?:comment|post|reply)\s+(?:was\s+|has\s+been\s+)?(?:removed|deleted)\s+by\s+(?:a|the)?\s*moderators?|comments?\s+(?:are|is|have\s+been)\s+(?:now\s+)?(?:closed|disabled|switched\s+off)|(?:commenting|comments)\s+(?:on|for)\s+this\s+(?:story|article|page)\s+(?:is|are|has\s+been|have\s+been)\s+(?:now\s+)?(?:closed|disabled)|add\s+your\s+comments?(?:\s+on\s+this\s+(?:story|article))?(?:\s*[,.:]|\s+(?:using|below|here)\b|\s*$))", Ci, TimeoutMs)]
    private static partial Regex CommentNotice();

    /// <summary>
    /// An inline teaser: a single-link label ("Related:", "Read next |", "See also —") followed on the same line by the linked
    /// headline. It stands alone in the middle of an article, so it is removed by itself and does not end the story; a box label
    /// on its own line ("Related stories", "Related Tags") or a tag list ("Article Topic Follows: …") still does.
    /// </summary>
    [GeneratedRegex(@"^(?:related(?:\s+(?:story|article|video|coverage|content|link|reading))?|also\s+read|read\s+(?:next|also)|see\s+also|recommended|watch|listen)\s*[:|–—»›]\s*\S+\s+\S", Ci, TimeoutMs)]
    private static partial Regex InlineTeaser();

    /// <summary>
    /// Whether <paramref name="line"/> labels a box of the section's other stories ("Also in Business", "ALSO ON THE COAST", "More
    /// from Politics"): what follows it, captions included, belongs to those stories.
    /// </summary>
    internal static bool IsSectionBox(string line) => SectionBox().IsMatch(line.Trim());

    [GeneratedRegex(@"^(?:also|more)\s+(?:in|on|from)\s+(?:the\s+)?\p{L}+$", Ci, TimeoutMs)]
    private static partial Regex SectionBox();

    /// <summary>Labels of the boxes that follow an article: after them the page is furniture until the next dateline.</summary>
    [GeneratedRegex(@"^(?:related(?:\s+(?:tags|stories|articles|topics|content|coverage|news|links))?|similar\s+(?:stories|articles)|read\s+more\s*$|more\s+(?:stories|news|from|on\s+this)|(?:also|more)\s+(?:in|on|from)\s+(?:the\s+)?\p{L}+\s*$|also\s+(?:this\s+(?:week|weekend|month)|today)\s*$|most\s+(?:popular|read|viewed)|recommended(?:\s+for\s+you)?|read\s+next|you\s+may\s+also\s+like|comments?|jump\s+to\s+comments|tags|topics|article\s+topic\s+follows|be\s+part\s+of\s+the\s+conversation|trending(?:\s+now)?|latest\s+(?:news|stories)|author\s+profile)\b", Ci, TimeoutMs)]
    private static partial Regex EndSection();

    /// <summary>The specification of <see cref="EndsLikeSentence"/>, which reads the line from its end instead (tests compare the two).</summary>
    [GeneratedRegex(@"[.!?…][""'”’)\]]*$|[""”]\s*$", Cs, TimeoutMs)]
    internal static partial Regex SentenceEnd();

    /// <summary>A word of a line: the specification of the <see cref="WordCount"/> and <see cref="Normalize"/> scans (tests compare them).</summary>
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*", Cs, TimeoutMs)]
    internal static partial Regex Word();

    /// <summary>Words one of which every <see cref="PhotoPhrase"/> holds.</summary>
    private static readonly SearchValues<string> PhotoWords = SearchValues.Create(["pose", "seen", "pictured", "shown", "this"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Words one of which every <see cref="Paywall"/> match holds.</summary>
    private static readonly SearchValues<string> PaywallWords =
        SearchValues.Create(["free", "reached", "subscribe", "already", "paywall", "continue"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The word a <see cref="ContributorLine"/> match holds unless it opens the line. These prefilters search the line as
    /// <c>string.Contains(word, StringComparison.OrdinalIgnoreCase)</c> does, vectorised (with invariant globalization that
    /// call compares char by char, and runs on most lines).
    /// </summary>
    private static readonly SearchValues<string> ContributedWord = SearchValues.Create(["contributed"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Words one of which every <see cref="ProductionNote"/> match holds.</summary>
    private static readonly SearchValues<string> ProductionNoteWords = SearchValues.Create(["this ", "compiled", "wire"], StringComparison.OrdinalIgnoreCase);

    /// <summary>The word every <see cref="PaywallMeter"/> match holds.</summary>
    private static readonly SearchValues<string> FreeWord = SearchValues.Create(["free"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Words one of which every <see cref="CommentNotice"/> match holds.</summary>
    private static readonly SearchValues<string> CommentNoticeWords = SearchValues.Create(["comment", "moderat"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Words one of which every <see cref="SiteFurniture"/> match holds (no "k": the Kelvin sign matches it in a pattern only).</summary>
    private static readonly SearchValues<string> SiteFurnitureWords = SearchValues.Create(
        ["comments", "community", "clic", "submit", "story", "civil", "terms", "privacy", "coo", "rights", "newsletter", "sign"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether <paramref name="line"/> opens, in lower case, with one of <paramref name="initials"/>: a cheap test an anchored
    /// pattern must pass before it runs. Exact for ASCII letters: their only case-insensitive partners are their capitals
    /// (and the Kelvin sign, which lower-cases to "k").
    /// </summary>
    private static bool OpensWith(string line, string initials) => line.Length > 0 && initials.Contains(char.ToLowerInvariant(line[0]));

    /// <summary>
    /// The last character of <paramref name="line"/> before trailing white space and at most one period: a cheap test of the
    /// patterns that close a line with "\.?\s*$" ('\0' when nothing is left).
    /// </summary>
    private static char LastBeforePeriod(string line)
    {
        ReadOnlySpan<char> t = line.AsSpan().TrimEnd();
        if (t.EndsWith('.'))
        {
            t = t[..^1];
        }

        return t.Length > 0 ? t[^1] : '\0';
    }

    /// <summary>Template expressions in a line, as (start, end) offsets within it.</summary>
    internal static IEnumerable<(int Start, int End)> TemplateSpans(string line) =>
        line.AsSpan().IndexOfAny('{', '$') < 0
            ? []
            : TemplateExpression().Matches(line).Select(m => (m.Index, m.Index + m.Length));

    /// <summary>A stylesheet fragment: braces holding "property: value" pairs, with CSS punctuation dense in the line.</summary>
    internal static bool IsCss(string line)
    {
        if (line.IndexOf('{', StringComparison.Ordinal) < 0 || !CssBlock().IsMatch(line))
        {
            return false;
        }

        int inBlocks = 0;
        foreach (ValueMatch m in CssBlock().EnumerateMatches(line))
        {
            inBlocks += m.Length;
        }

        int punctuation = 0;
        foreach (char c in line)
        {
            punctuation += c is '{' or '}' or ';' or ':' ? 1 : 0;
        }

        return inBlocks >= line.Length * 0.4 || punctuation >= Math.Max(4, line.Length / 25);
    }

    /// <summary>A script fragment: several JavaScript tokens and dense code punctuation.</summary>
    internal static bool IsJavaScript(string line)
    {
        // Two strong marks ('{', ';', '=') are needed: two vectorised searches rule out most prose.
        int first = line.AsSpan().IndexOfAny('{', ';', '=');
        if (first < 0 || line.AsSpan(first + 1).IndexOfAny('{', ';', '=') < 0)
        {
            return false;
        }

        // The punctuation test next: it is a scan of the line, the token count a regex, and prose rarely passes it.
        int punctuation = 0;
        int strong = 0;
        foreach (char c in line)
        {
            if (c is '{' or '}' or '(' or ')' or ';' or '=')
            {
                punctuation++;
                strong += c is '{' or ';' or '=' ? 1 : 0;
            }
        }

        return punctuation >= line.Length * 0.03 && strong >= 2 && HasJsTokens(line, 3);
    }

    /// <summary>Whether <see cref="JsToken"/> matches at least <paramref name="count"/> times in <paramref name="line"/> (the scan stops there).</summary>
    private static bool HasJsTokens(string line, int count)
    {
        foreach (ValueMatch _ in JsToken().EnumerateMatches(line))
        {
            if (--count == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Nothing but punctuation and symbols ("___", "* * *", "↓").</summary>
    internal static bool IsSeparator(string line)
    {
        foreach (char c in line)
        {
            if (char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The dateline opening <paramref name="line"/> (its length and trimmed text), if it has one.</summary>
    internal static (int Length, string Text)? Dateline(string line)
    {
        // The place opens the line and has no lower-case letter: most lines fail on their first two characters.
        if (line.Length < 2 || char.IsLower(line[0]) || char.IsLower(line[1]))
        {
            return null;
        }

        // The place's first character is a letter and its second a letter or ".", "'", "’" (kept only without a lower-case
        // letter): a line opening with a digit, a blank or other ASCII punctuation ("A spokesman", "28 January", "\"We…") has
        // none. Only ASCII is ruled out here: a pattern's case-insensitive letter classes may take odd non-ASCII characters.
        if (char.IsAscii(line[0]) && !char.IsAsciiLetter(line[0]))
        {
            return null;
        }

        if (char.IsAscii(line[1]) && !char.IsAsciiLetter(line[1]) && line[1] is not ('.' or '\''))
        {
            return null;
        }

        Match m = DatelineRegex().Match(line);
        if (!m.Success)
        {
            return null;
        }

        string place = m.Groups["place"].Value;
        int letters = place.Count(char.IsLetter);
        if (letters < 3 || place.Any(char.IsLower))
        {
            return null;
        }

        return (m.Length, line[..m.Length].Trim());
    }

    /// <summary>Why <paramref name="line"/> is a photo caption, or null when it is not one.</summary>
    internal static string? CaptionSignal(string line) => CaptionSignal(line, WordCount(line));

    /// <inheritdoc cref="CaptionSignal(string)"/>
    /// <param name="words">The line's <see cref="WordCount"/>.</param>
    internal static string? CaptionSignal(string line, int words)
    {
        char last = LastBeforePeriod(line);
        if (words >= 6 && last == ')' && CreditParenthesis().IsMatch(line))
        {
            return "photo credit in parentheses";
        }

        if (line.StartsWith("FILE", StringComparison.Ordinal) && FilePhotoPrefix().IsMatch(line))
        {
            return "file-photo caption";
        }

        if (line.AsSpan().ContainsAny(PhotoWords) && PhotoPhrase().IsMatch(line))
        {
            return "photo phrase";
        }

        if (words >= 8 && char.IsDigit(last) && EndsWithSceneDate().IsMatch(line))
        {
            return "scene description ending with its date";
        }

        return null;
    }

    /// <summary>
    /// Where the photo credit closing a caption starts ("… on Saturday. (SAW Photo/Dinuka Perera)", "… the pool. Photograph:
    /// Jane Doe/The Herald"), or -1: the credit names who took the picture, not what it shows, so it is not part of the evidence.
    /// </summary>
    internal static int CaptionCreditStart(string line)
    {
        Match m = CreditParenthesis().Match(line);
        if (!m.Success)
        {
            m = TrailingCreditLabel().Match(line);
        }

        return m.Success && m.Index > 0 ? m.Index : -1;
    }

    /// <summary>A credit or byline line: "Abby Sewell in Beirut contributed.", "Photo: Kyiv Independent", "By Jane Doe".</summary>
    internal static string? CreditSignal(string line) => CreditSignal(line, WordCount(line));

    /// <inheritdoc cref="CreditSignal(string)"/>
    /// <param name="words">The line's <see cref="WordCount"/>.</param>
    internal static string? CreditSignal(string line, int words)
    {
        // Each pattern after its cheap necessary condition: the word limit, an opening letter, a word it holds.
        if (words <= 25 && (OpensWith(line, "rwea") || line.AsSpan().ContainsAny(ContributedWord)) && ContributorLine().IsMatch(line))
        {
            return "contributor credit";
        }

        // A note on the page's own making is no news, whatever day it names ("updated from the wires on Monday night").
        if (words <= 30 && line.AsSpan().ContainsAny(ProductionNoteWords) && ProductionNote().IsMatch(line))
        {
            return "production note";
        }

        if (words <= 10 && OpensWith(line, "picv") && CreditLabel().IsMatch(line))
        {
            return "photo credit";
        }

        if (words <= 15 && line.Length > 0 && line[0] is 'B' or '©' or '(' or 'c' && BylineOrCopyright().IsMatch(line))
        {
            return "byline or copyright";
        }

        return null;
    }

    /// <summary>Page furniture recognised by its phrasing; <c>EndsStory</c> when what follows is furniture too.</summary>
    internal static (string Reason, bool EndsStory)? FurnitureSignal(string line) => FurnitureSignal(line, WordCount(line));

    /// <inheritdoc cref="FurnitureSignal(string)"/>
    /// <param name="words">The line's <see cref="WordCount"/>.</param>
    internal static (string Reason, bool EndsStory)? FurnitureSignal(string line, int words)
    {
        // Each pattern after its cheap necessary condition: the word limit, an opening letter, a word it holds.
        if (OpensWith(line, "asp") && Advertisement().IsMatch(line))
        {
            return ("advertisement", false);
        }

        if (words <= 8 && OpensWith(line, "sjbgtmh") && Navigation().IsMatch(line))
        {
            return ("navigation", false);
        }

        // Before the prompts: a meter line often also says "Already a subscriber? Log in".
        if (words <= 40 && line.AsSpan().ContainsAny(FreeWord) && PaywallMeter().IsMatch(line))
        {
            return ("paywall meter", false);
        }

        if (words <= 20 && line.AsSpan().ContainsAny(PaywallWords) && Paywall().IsMatch(line))
        {
            return ("paywall prompt", true);
        }

        // A longer prompt is still one when it says it three ways ("Subscribe to continue reading. Already a subscriber?
        // Log in. You have reached your limit…"); prose that names a paywall once or twice stays.
        if (words <= 60 && line.AsSpan().ContainsAny(PaywallWords) && Paywall().Count(line) >= 3)
        {
            return ("paywall prompt", true);
        }

        // A comment section's notices ("This comment was removed by a moderator", "Comments are closed", "Add your comment"): the
        // readers' comments follow (or the page ends), so the story ends here; a comment's own time stamp may open the notice.
        if (words <= 30 && line.AsSpan().ContainsAny(CommentNoticeWords) && CommentNotice().IsMatch(line))
        {
            return ("reader-comment notice", true);
        }

        // A bare box label ("Read more", "Most read") before the list it heads: checked before calls to action, which
        // share some of its words but do not end the story.
        if (words <= 3 && OpensWith(line, "rsmycjtabl") && !EndsLikeSentence(line) && EndSection().IsMatch(line))
        {
            return ("related-content or comments section", true);
        }

        if (words <= 20 && OpensWith(line, "slrfcdjgpe") && CallToAction().IsMatch(line))
        {
            return ("call to action", false);
        }

        if (words <= 24 && OpensWith(line, "raswl") && InlineTeaser().IsMatch(line))
        {
            return ("related-content teaser", false);
        }

        if (words <= 8 && OpensWith(line, "rsmycjtabl") && !EndsLikeSentence(line) && EndSection().IsMatch(line))
        {
            return ("related-content or comments section", true);
        }

        if (words <= 30 && char.IsAsciiDigit(LastBeforePeriod(line)) && !EndsLikeSentence(line) && EndsWithTeaserDate().IsMatch(line))
        {
            return ("related-story teaser (headline and date)", false);
        }

        if (words <= 40 && line.AsSpan().ContainsAny(SiteFurnitureWords) && SiteFurniture().IsMatch(line))
        {
            return ("site furniture (comments, newsletter, legal)", false);
        }

        return null;
    }

    /// <summary>
    /// A line made only of publication and update stamps and their labels ("Sun 10 Jul 2022 10.20 BST · Last modified on
    /// Sun 10 Jul 2022 11.05 BST", "July 12, 2022, 10:10 p.m. ET"): page furniture, whatever order the stamps come in.
    /// </summary>
    internal static bool IsStampOnly(string line)
    {
        // A byline that carries its stamps ("Jane Doe, Diplomatic Correspondent · Mon 13 Feb 2023 18.30 GMT · Last modified
        // on …"): parts split by a middle dot or bar, each a stamp or a short name without sentence punctuation.
        if (line.AsSpan().IndexOfAny("·|•") >= 0)
        {
            string[] parts = line.Split(['·', '|', '•'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length > 1)
            {
                // Each part is tested once (a stamp test runs the date patterns).
                bool anyStamp = false;
                foreach (string part in parts)
                {
                    if (StampsOnly(part))
                    {
                        anyStamp = true;
                    }
                    else if (WordCount(part) > 6 || EndsLikeSentence(part) || part.AsSpan().IndexOfAny("0123456789") >= 0)
                    {
                        return false;
                    }
                }

                return anyStamp;
            }
        }

        return StampsOnly(line);
    }

    private static bool StampsOnly(string line)
    {
        // The cheap tests first (from the end, a vectorised search), the word scan last: most lines end like a sentence.
        if (EndsLikeSentence(line) || line.AsSpan().IndexOfAny("0123456789") < 0 || WordCount(line) > 24)
        {
            return false;
        }

        IReadOnlyList<TextDate> dates = TextDates.FindAll(line);
        if (dates.Count == 0)
        {
            return false;
        }

        var rest = new System.Text.StringBuilder(line.Length);
        int cursor = 0;
        foreach (TextDate date in dates)
        {
            rest.Append(line, cursor, date.Start - cursor).Append(' ');
            cursor = date.End;
        }

        rest.Append(line, cursor, line.Length - cursor);
        return StampGlue().IsMatch(rest.ToString());
    }

    /// <summary>A short line without sentence punctuation: a label, menu entry, teaser or heading, not prose.</summary>
    internal static bool IsShortNonSentence(string line) => IsShortNonSentence(line, WordCount(line));

    /// <inheritdoc cref="IsShortNonSentence(string)"/>
    /// <param name="words">The line's <see cref="WordCount"/>.</param>
    internal static bool IsShortNonSentence(string line, int words) => words <= 12 && !EndsLikeSentence(line);

    /// <summary>
    /// Whether the line ends like a sentence: a final '.', '!', '?' or '…' before closing quotes and brackets, or a closing
    /// quote before white space. Read from the end, as <see cref="SentenceEnd"/> matches (its "$" also before a final newline).
    /// </summary>
    internal static bool EndsLikeSentence(string line)
    {
        ReadOnlySpan<char> s = line;
        if (EndsWithTerminal(s) || (s.EndsWith('\n') && EndsWithTerminal(s[..^1])))
        {
            return true;
        }

        ReadOnlySpan<char> trimmed = s.TrimEnd();
        return trimmed.Length > 0 && trimmed[^1] is '"' or '”';

        static bool EndsWithTerminal(ReadOnlySpan<char> t)
        {
            int i = t.Length;
            while (i > 0 && t[i - 1] is '"' or '\'' or '”' or '’' or ')' or ']')
            {
                i--;
            }

            return i > 0 && t[i - 1] is '.' or '!' or '?' or '…';
        }
    }

    /// <summary>How many times <see cref="Word"/> matches in <paramref name="line"/>, counted by a scan (this runs for most lines).</summary>
    internal static int WordCount(string line) => WordCount(line.AsSpan());

    /// <inheritdoc cref="WordCount(string)"/>
    internal static int WordCount(ReadOnlySpan<char> line)
    {
        int count = 0;
        int i = 0;
        while (i < line.Length)
        {
            if (!IsWordChar(line[i]))
            {
                i++;
                continue;
            }

            count++;
            i = WordEnd(line, i);
        }

        return count;
    }

    /// <summary>The end of the <see cref="Word"/> match that starts at <paramref name="start"/>: [\p{L}\p{N}]+ then any number of (joiner, [\p{L}\p{N}]+).</summary>
    private static int WordEnd(ReadOnlySpan<char> line, int start)
    {
        int i = start;
        while (true)
        {
            while (i < line.Length && IsWordChar(line[i]))
            {
                i++;
            }

            if (i + 1 < line.Length && line[i] is '\'' or '’' or '.' or '-' && IsWordChar(line[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }
    }

    /// <summary>[\p{L}\p{N}]: ASCII letters and digits answered without the Unicode tables.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || (c >= 0x80 && IsNonAsciiWordChar(c));

    private static bool IsNonAsciiWordChar(char c) => char.IsLetter(c) || char.IsNumber(c);

    /// <summary>Lower-cased words of <paramref name="line"/>, with typographic quotes folded, for comparisons.</summary>
    /// <remarks>The words are those of <see cref="Word"/>, found by the <see cref="WordCount"/> scan: this runs for most lines.</remarks>
    internal static string Normalize(string line)
    {
        char[]? rented = null;
        Span<char> buffer = line.Length <= 256 ? stackalloc char[2 * line.Length] : (rented = ArrayPool<char>.Shared.Rent(2 * line.Length));
        int n = Normalize(line, buffer[..line.Length], buffer[line.Length..(2 * line.Length)]);
        string result = new(buffer.Slice(line.Length, n));
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>
    /// <see cref="Normalize(string)"/> into <paramref name="result"/> (as long as the line), using <paramref name="folded"/>
    /// (as long too) for the line with its quotes folded; returns the length written.
    /// </summary>
    private static int Normalize(ReadOnlySpan<char> line, Span<char> folded, Span<char> result)
    {
        line.CopyTo(folded);
        folded.Replace('’', '\'');
        folded.Replace('‘', '\'');

        // Words and single spaces between them never outgrow the line.
        int n = 0;
        int i = 0;
        while (i < folded.Length)
        {
            if (!IsWordChar(folded[i]))
            {
                i++;
                continue;
            }

            int start = i;
            i = WordEnd(folded, i);
            if (n > 0)
            {
                result[n++] = ' ';
            }

            n += ((ReadOnlySpan<char>)folded.Slice(start, i - start)).ToLowerInvariant(result[n..]);
        }

        return n;
    }

    /// <summary>The <see cref="Normalize"/>d form of a title and its length, computed once per article for <see cref="IsHeadline(string, Title)"/>.</summary>
    /// <param name="Words">The distinct words of <paramref name="Normalized"/>.</param>
    internal readonly record struct Title(int Length, string Normalized, HashSet<string> Words)
    {
        public static Title Of(string title)
        {
            string normalized = Normalize(title);
            return new(title.Length, normalized, normalized.Split(' ').ToHashSet(StringComparer.Ordinal));
        }
    }

    /// <summary>Whether <paramref name="line"/> repeats the article title (same words, allowing small edits).</summary>
    internal static bool IsHeadline(string line, string title) => IsHeadline(line, Title.Of(title));

    /// <inheritdoc cref="IsHeadline(string, string)"/>
    internal static bool IsHeadline(string line, Title title)
    {
        if (line.Length < title.Length / 2 || line.Length > (title.Length * 2) + 10)
        {
            return false;
        }

        // Most lines that pass the length test are neither the title nor close to it: they are compared in a stack buffer.
        string b = title.Normalized;
        char[]? rented = null;
        Span<char> buffer = line.Length <= 256 ? stackalloc char[2 * line.Length] : (rented = ArrayPool<char>.Shared.Rent(2 * line.Length));
        Span<char> normalized = buffer.Slice(line.Length, line.Length);
        normalized = normalized[..Normalize(line, buffer[..line.Length], normalized)];
        bool decided = normalized.IsEmpty || b.Length == 0 || normalized.SequenceEqual(b) || (EndsLikeSentence(line) && !line.EndsWith('?'));
        bool same = !normalized.IsEmpty && b.Length > 0 && normalized.SequenceEqual(b);
        if (!decided && FewTitleWords(normalized, title.Words))
        {
            // The line's words, repeats counted, hold fewer title words than the test below needs even if all were distinct.
            decided = true;
        }

        string? a = decided ? null : new string(normalized);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        if (a is null)
        {
            return same;
        }

        var wa = a.Split(' ').ToHashSet(StringComparer.Ordinal);
        HashSet<string> wb = title.Words;
        int common = wa.Count(wb.Contains);
        return wa.Count <= 30 && common >= 0.8 * Math.Max(wa.Count, wb.Count);
    }

    /// <summary>
    /// Whether the words of <paramref name="normalized"/> (single spaces between them), repeats counted, hold fewer of
    /// <paramref name="titleWords"/> than 0.8 of their number: then its distinct common words are fewer still, and
    /// <see cref="IsHeadline(string, Title)"/> is false.
    /// </summary>
    private static bool FewTitleWords(ReadOnlySpan<char> normalized, HashSet<string> titleWords)
    {
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup = titleWords.GetAlternateLookup<ReadOnlySpan<char>>();
        int found = 0;
        foreach (Range word in normalized.Split(' '))
        {
            found += lookup.Contains(normalized[word]) ? 1 : 0;
        }

        return found < 0.8 * titleWords.Count;
    }
}
