using System.Runtime.CompilerServices;
using NodaTime;
using Timeline.Core.Temporal.Resolution;

namespace Timeline.Core.Temporal.Recognition;

/// <summary>A rule's result: the token after the expression, its resolved value and the rule's name.</summary>
internal readonly record struct Hit(int End, Resolved Value, string Rule);

/// <summary>
/// The state a document carries across chunks: the document time and the narrative reference
/// (the last date mentioned) that "the next day" or "a year earlier" resolve against.
/// </summary>
internal sealed class DocState(DocumentTime doc)
{
    public DocumentTime Doc { get; } = doc;

    public LocalDate Dct { get; } = doc.Published.Date;

    /// <summary>The last calendar value mentioned, at day granularity or coarser.</summary>
    public Resolved? LastRef { get; set; }

    /// <summary>
    /// The year of the last explicit year mentioned in the document ("in 1941", "June 22, 1941"), cleared by an expression
    /// anchored on the publication date ("last week", "yesterday"): the reference year of a narrative (TimeML "narrative" strategy).
    /// </summary>
    public int? NarrativeYear { get; set; }

    /// <summary>The day of the last date or time of day (or finer) mentioned: the day the story is telling.</summary>
    public LocalDate? LastDay { get; set; }

    /// <summary>How many explicit years at least two years from the publication year the document has mentioned so far.</summary>
    public int FarYears { get; set; }

    /// <summary>How many expressions anchored on the publication date ("Tuesday", "last week") the document has had so far.</summary>
    public int Deictic { get; set; }

    /// <summary>How many dates within a year of publication (explicit, relative or the dateline's) the document has told so far.</summary>
    public int Near { get; set; }

    /// <summary>
    /// Whether the story opened on a far year and has told nothing near publication since ("1936" over a section, then "on 20
    /// July"; "In March 1980, Iran …", then "in April"): its bare dates are still in that year. News that names an old year
    /// has told its own time first (the dateline, "the third quarter", "last week").
    /// </summary>
    public bool OpenedFar => FarSetting && Near == 0 && Deictic == 0;

    /// <summary>
    /// Whether a far date has been told as a setting: with its month or day ("On November 23, 1946", "in March 1980"), or as a
    /// year standing alone as a heading. A bare year inside a sentence ("joined the company in 1985") is background, not a setting.
    /// </summary>
    public bool FarSetting { get; set; }

    /// <summary>
    /// Whether the document reads as a narrative (history, a chronicle) rather than news: explicit far years clearly outnumber
    /// expressions anchored on the publication date. News anchors month and day names on publication even after a year was named.
    /// </summary>
    public bool Narrative => FarYears >= 2 && FarYears > 3 * Deictic;

    /// <summary>
    /// Whether an earnings story has moved from its quarter to a longer reported span ("For the nine months, net rose …"):
    /// until the next quarter is named, its comparisons ("a year earlier", "year-earlier", "the 1988 period") are whole years.
    /// </summary>
    public bool SpanReported { get; set; }

    /// <summary>
    /// The start of the last quarter named with "fiscal" ("the fiscal first quarter ended Sept. 30"): the quarter an earnings
    /// story reports when the company's calendar is not the calendar year, which "the quarter" and "the latest period" then mean.
    /// </summary>
    public LocalDate? FiscalQuarter { get; set; }

    /// <summary>Whether the document's entries open with clock times, as a live blog's do (see <see cref="ChunkParser.HasClockEntries"/>).</summary>
    public bool ClockEntries { get; init; }
}

/// <summary>
/// Runs the rules over the tokens of one chunk (a paragraph), left to right, keeping the longest match at each position.
/// The token helpers live here; the rule families are in the partial files next to it. Not thread-safe: one per call.
/// </summary>
internal sealed partial class ChunkParser
{
    private readonly string _text;
    private readonly Token[] _t;
    private readonly DocState _st;
    private readonly int _n;

    /// <summary>Try every rule wherever <see cref="MayStart"/> lets the parser in, without the dispatch in <see cref="Core"/> (tests compare the two).</summary>
    private readonly bool _exhaustive;

    /// <summary>The year of the last explicit date in this paragraph, for narratives far from the publication date.</summary>
    private int? _paragraphYear;

    private int _paragraphYearToken;

    /// <summary>The last single day tagged in this chunk and the token after it, for a clock time that follows it ("March 23 at 7:40").</summary>
    private Resolved? _dayBefore;

    private int _dayBeforeEnd = -1;

    public ChunkParser(string text, TokenBuffer tokens, DocState state, bool exhaustive = false)
    {
        _exhaustive = exhaustive;
        _text = text;
        _t = tokens.Items;
        _st = state;
        _n = tokens.Count;
    }

    private LocalDate Dct => _st.Dct;

    private LocalDate? StoryDate => _st.Doc.StoryDate;

    public void Run(List<TemporalMention> output)
    {
        int i = 0;
        while (i < _n)
        {
            if (!MayStart(i))
            {
                i++;
                continue;
            }

            Hit? best = null;
            int bestStart = i;
            try
            {
                best = Best(i, out bestStart);
            }
            catch (Exception e) when (e is ArgumentException or OverflowException or InvalidOperationException or IndexOutOfRangeException)
            {
                // A rule met a value NodaTime rejects: skip this position rather than fail the document.
                best = null;
            }

            if (best is not { } h)
            {
                i++;
                continue;
            }

            if (InTitle(bestStart, h.End))
            {
                i = h.End;
                continue;
            }

            int start = _t[bestStart].Start;
            int end = _t[h.End - 1].End;
            output.Add(new TemporalMention(start, end, _text[start..end], h.Value.Type, h.Value.Value, h.Value.Mod, h.Rule) { Range = h.Value.Range });
            // A year named in a future clause ("a planned campaign in 1976", "elections will be held in 2014") is a plan seen from
            // the story, not where the story is: it moves neither the reference date nor the narrative or paragraph year.
            // So is a year that only names an event ("complying with the 1978 Treaty", "the 1956 uprising"): the story stays put.
            bool plannedYear = h.Rule == "year" && (TenseAt(bestStart) == Cue.Future || AttributiveYear(bestStart, h.End));
            if (h.Value.Type == TimexType.Duration && h.Value.Value is "P6M" or "P9M" && _st.LastRef is { Range: { Granularity: Granularity.Quarter or Granularity.Half } rq }
                && rq.Start.Year >= Dct.Year - 1 && Cal.Year(rq.Start.Year) is { } reportedYear)
            {
                // "For the nine months, net rose …" after a quarter: the story now reports the year to date, so the comparisons
                // that follow ("compared with $9 million a year earlier") are with the year before, not with its quarter.
                _st.LastRef = reportedYear;
                _st.SpanReported = true;
            }

            if (h.Value.Range is { } near && h.Value.Type is TimexType.Date or TimexType.Time && Math.Abs(near.Start.Year - Dct.Year) <= 1)
            {
                _st.Near++;
            }

            if (h.Value.Range is { } r && h.Value.Type == TimexType.Date && r.Granularity is >= Granularity.Year and <= Granularity.Day && !plannedYear
                && !PeriodEnd(bestStart, r))
            {
                if (r.Granularity == Granularity.Quarter)
                {
                    _st.SpanReported = false;
                    if (HasFiscal(bestStart, h.End))
                    {
                        _st.FiscalQuarter = r.Start;
                    }
                }

                _st.LastRef = h.Value;
                // (A year after "since" opens a span that runs to now: it does not move the sentence to that year.)
                if ((h.Rule.StartsWith("date-", StringComparison.Ordinal) || h.Rule == "year") && !Is(bestStart - 1, Kw.Since))
                {
                    _paragraphYear = r.Start.Year;
                    _paragraphYearToken = bestStart;
                }
            }

            if (!plannedYear)
            {
                UpdateNarrative(h.Rule, h.Value);
            }

            // (A bare clock time takes the publication day by default: it tells no day of its own.)
            if (h.Value.Type is TimexType.Date or TimexType.Time && h.Value.Range is { Granularity: >= Granularity.Day } told && h.Rule != "clock")
            {
                _st.LastDay = told.Start;
                _lastDayEnd = h.End;
            }

            if (h.Value.Type == TimexType.Date && h.Value.Granularity == Granularity.Day)
            {
                _dayBefore = h.Value;
                _dayBeforeEnd = h.End;
            }

            i = h.End;
        }
    }

    private void UpdateNarrative(string rule, Resolved value)
    {
        switch (rule)
        {
            case "date-mdy" or "date-dmy" or "date-my" or "date-iso" or "date-numeric" or "year" or "year-bc" when value.Range is { } r:
                _st.NarrativeYear = r.Start.Year;
                if (Math.Abs(r.Start.Year - Dct.Year) >= 2)
                {
                    _st.FarYears++;
                    _st.FarSetting |= r.Granularity >= Granularity.Month || _n == 1;
                }

                break;
            case "relative" or "deictic-day" or "today" or "tonight" or "ago" or "weekday" or "weekday-daypart" or "relative-daypart"
                or "relative-night" or "relative-weekend" or "date-month-relative-year" or "date-day-relative-year":
                _st.Deictic++;
                if (!_st.Narrative)
                {
                    _st.NarrativeYear = null;
                }

                break;
            default:
                // In a narrative, any other date moves the reference year along ("the spring of 1915", "the following year").
                // A date that lands near the publication year while the narrative is far from it is an anchoring slip of a relative
                // expression ("the previous April" read from publication), not a move of the story: it must not drag the narrative along.
                if (_st.Narrative && value.Type == TimexType.Date && value.Range is { Granularity: >= Granularity.Year and <= Granularity.Day } rr
                    && !(_st.NarrativeYear is { } ny && Math.Abs(ny - Dct.Year) >= 2 && Math.Abs(rr.Start.Year - Dct.Year) <= 1)
                    && !(rule is "relative-narrative" or "ago-narrative" && _st.NarrativeYear is { } cur && rr.Start.Year < cur))
                {
                    // (An anaphoric look back, "gains achieved during the previous year", "a year earlier", is a flashback: the story
                    // stays where it is. "The following year" moves it on.)
                    _st.NarrativeYear = rr.Start.Year;
                }

                break;
        }
    }

    /// <summary>
    /// Whether the year from <paramref name="start"/> to <paramref name="end"/> modifies the noun after it, behind "the":
    /// "the 1978 Treaty of Friendship", "the 1992 protests". A temporal word after it makes it a period ("the 1988 period").
    /// </summary>
    private bool AttributiveYear(int start, int end) =>
        Is(start - 1, Kw.The) && IsWord(end) && L(end) is null;

    /// <summary>
    /// Whether the day at token <paramref name="start"/> only ends the reported quarter named before it ("for the quarter ended
    /// Sept. 30"): the story still reports that quarter, so its comparisons ("a year earlier") stay with the quarter.
    /// </summary>
    private bool PeriodEnd(int start, DateRange r) =>
        r.Granularity == Granularity.Day && _st.LastRef is { Range: { Granularity: Granularity.Quarter } }
        && (Word(start - 1, "ended") || Word(start - 1, "ending"));

    /// <summary>
    /// Whether the expression from token <paramref name="start"/> to <paramref name="end"/> is part of a name (TIDES: proper names
    /// are not markable): "USA Today", "VOA Today" (a capitalised "Today" after an acronym), or a quoted title whose words are all
    /// capitalised, unit included (ABC's "This Week").
    /// </summary>
    private bool HasFiscal(int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            if (Is(k, Kw.Fiscal))
            {
                return true;
            }
        }

        return false;
    }

    private bool InTitle(int start, int end)
    {
        if (K(start) is Kw.Today or Kw.Tonight && Capital(start) && IsAcronym(start - 1))
        {
            return true;
        }

        if (end - start < 2 || !IsQuote(start - 1))
        {
            return false;
        }

        bool unit = false;
        for (int k = start; k < end; k++)
        {
            if (IsWord(k) && !Capital(k))
            {
                return false;
            }

            unit |= L(k) is { Unit: not Unit.None };
        }

        return unit;
    }

    /// <summary>An all-capital word of two to five letters: "USA", "VOA", "NBC".</summary>
    private bool IsAcronym(int k)
    {
        if (!IsWord(k) || _t[k].Length is < 2 or > 5)
        {
            return false;
        }

        for (int c = _t[k].Start; c < _t[k].End; c++)
        {
            if (!char.IsAsciiLetterUpper(_text[c]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Cheap test before running the rules: a number, a temporal word, or a lead word with one close behind.</summary>
    private bool MayStart(int i)
    {
        var tok = _t[i];
        if (tok.Kind == TokenKind.Number)
        {
            return true;
        }

        if (!tok.Known)
        {
            return tok.Kind == TokenKind.Punct && IsApostrophe(i) && IsNumber(i + 1); // only "'98" and "'90s" start at an apostrophe
        }

        if (tok.Temporal)
        {
            return true;
        }

        if (!tok.Lead)
        {
            return false;
        }

        for (int k = i + 1; k < _n && k <= i + 4; k++)
        {
            if (_t[k].Trigger) // a number, a temporal word or an apostrophe
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The longest hit starting at <paramref name="i"/>, with any modifier words in front of it.</summary>
    private Hit? Best(int i, out int start)
    {
        start = i;
        int j = Modifiers(i, out var mod, out bool pointMod, out bool quantityMod);
        Hit? best = null;
        if (j > i)
        {
            best = Core(j);
            if (best is { } b && ModFits(b, pointMod, quantityMod))
            {
                var v = b.Value;
                if (mod != TimexMod.None)
                {
                    v = v.WithMod(mod);
                }

                return new Hit(b.End, v, b.Rule);
            }

            best = null;
        }

        return Core(i);
    }

    private static bool ModFits(Hit h, bool pointMod, bool quantityMod) =>
        pointMod ? h.Value.Type is TimexType.Date or TimexType.Time && h.Value.Value is not ("PRESENT_REF" or "PAST_REF" or "FUTURE_REF")
        : !quantityMod || h.Value.Type is TimexType.Duration || h.Rule.StartsWith("ago", StringComparison.Ordinal) || h.Rule.StartsWith("clock", StringComparison.Ordinal) || h.Rule == "time-date";

    private Hit? Core(int i)
    {
        // Dispatch: a rule is called only where its entry test can pass, judged from the token at i and, for the two kinds of
        // start that pass most often and match least (numbers and "the"), from the token after it. Each condition below is
        // implied by the rule's own first statements: keep them in step when a rule learns a new way to start (the test
        // DispatchMatchesTryingEveryRule compares with a parser that tries every rule at every token).
        if (_exhaustive)
        {
            return AllRules(i);
        }

        if (IsNumber(i))
        {
            return AtNumber(i);
        }

        Kw kw = K(i);
        if (kw == Kw.The)
        {
            return AtThe(i);
        }

        LexEntry? lex = L(i);
        bool relative = kw is Kw.Last or Kw.Next or Kw.This or Kw.Coming or Kw.Past or Kw.Previous;

        // A cardinal as NumberAt reads one: a number word, or a quantity word ("several", "a", "a couple").
        bool cardinal = lex is { Number: >= 0 }
            || kw is Kw.Several or Kw.Many or Kw.Dozens or Kw.Hundreds or Kw.Thousands or Kw.Few or Kw.A or Kw.An or Kw.Couple or Kw.Dozen;
        Hit? best = null;

        // ExplicitDate: a weekday or month name, or a day of the month (an ordinal, the "twenty" of "twenty-third").
        if (lex is { Weekday: not 0 } or { Month: not 0 } or { Ordinal: > 0 } or { Tens: true })
        {
            Consider(ref best, ExplicitDate(i));
        }

        if (lex is { Weekday: not 0 })
        {
            Consider(ref best, NumericDate(i));
        }

        // YearRule: "fiscal", "'98", or a spoken year ("nineteen ninety", "two thousand").
        if (kw == Kw.Fiscal || IsApostrophe(i) || lex is { Number: 2 or (>= 11 and <= 20) })
        {
            Consider(ref best, YearRule(i));
        }

        // Decades: "'90s", or an ordinal century ("twentieth century").
        if (IsApostrophe(i) || lex is { Ordinal: > 0 })
        {
            Consider(ref best, Decades(i));
        }

        // WeekdayRule: a weekday, or a relative word before one.
        if (relative || lex is { Weekday: not 0 })
        {
            Consider(ref best, WeekdayRule(i));
        }

        if (relative || lex is { Month: not 0 })
        {
            Consider(ref best, MonthRule(i));
        }

        // Deictic: the words its switch has a case for.
        if (kw is Kw.Today or Kw.Yesterday or Kw.Tomorrow or Kw.Tonight or Kw.Now or Kw.Currently or Kw.Nowadays or Kw.Current or Kw.Recently
            or Kw.Lately or Kw.Recent or Kw.Soon or Kw.Future or Kw.These)
        {
            Consider(ref best, Deictic(i));
        }

        // Relative: a relative word ("last", "that same"), or "year" ("year-earlier", "year-end").
        if (kw is Kw.This or Kw.Last or Kw.Next or Kw.Past or Kw.Previous or Kw.Coming or Kw.Upcoming or Kw.Current or Kw.Following or Kw.That or Kw.Same
            || lex is { Unit: Unit.Year, UnitPlural: false })
        {
            Consider(ref best, Relative(i));
        }

        // Ago: a cardinal, or a bare plural unit ("years ago").
        if (cardinal || lex is { Unit: not Unit.None, UnitPlural: true })
        {
            Consider(ref best, Ago(i));
        }

        // SetRule: an adverb ("daily"), "every", "each", or "a"/"an"/"per" before a unit.
        if (kw is Kw.Daily or Kw.Weekly or Kw.Monthly or Kw.Annually or Kw.Yearly or Kw.Hourly or Kw.Nightly or Kw.Every or Kw.Each
            or Kw.A or Kw.An or Kw.Per)
        {
            Consider(ref best, SetRule(i));
        }

        // DurationRule: a cardinal, a unit ("day-long", "for years"), or one of the words its lead-ins start with.
        if (cardinal || lex is { Unit: not Unit.None }
            || kw is Kw.Another or Kw.Coming or Kw.Past or Kw.Last or Kw.Next or Kw.Previous or Kw.Following or Kw.Full or Kw.Whole or Kw.Entire or Kw.Recent
            || DurationLeadWord(i))
        {
            Consider(ref best, DurationRule(i));
        }

        // QuarterRule: "fiscal", "this/last/next", an ordinal up to four ("third quarter", "first half"), or "Q".
        if (kw is Kw.Fiscal or Kw.This or Kw.Last or Kw.Next || lex is { Ordinal: >= 1 and <= 4 } || QuarterLetter(i))
        {
            Consider(ref best, QuarterRule(i));
        }

        if (relative || lex is { Season: > 0 })
        {
            Consider(ref best, SeasonRule(i));
        }

        if (kw is Kw.Noon or Kw.Midnight)
        {
            Consider(ref best, ClockRule(i));
        }

        if (kw is Kw.Christmas or Kw.New or Kw.Thanksgiving or Kw.Election)
        {
            Consider(ref best, Holiday(i));
        }

        return best is { } b ? WithClock(i, b) : null;
    }

    /// <summary>The rules that can start at a number, each only when the token after the number allows it (see <see cref="Core"/>).</summary>
    private Hit? AtNumber(int i)
    {
        int digits = Digits(i);
        int value = _t[i].Number;
        bool hasNext = i + 1 < _n;
        Token next = hasNext ? _t[i + 1] : default;
        bool nextWord = hasNext && next.Kind == TokenKind.Word;
        bool nextPunct = hasNext && next.Kind == TokenKind.Punct;
        bool nextAdj = hasNext && next.Start == _t[i].End;
        LexEntry? nextLex = hasNext ? next.Lex : null;
        Kw nextKw = nextLex?.Kw ?? Kw.None;
        Hit? best = null;

        // ExplicitDate: a day of the month, then a month name, "of" or an ordinal suffix ("28 January", "28th of").
        if (digits <= 2 && value is >= 1 and <= 31 && nextWord)
        {
            Consider(ref best, ExplicitDate(i));
        }

        // NumericDate: a separator touching the number ("23/3", "2026-01-28").
        if (nextPunct && nextAdj)
        {
            Consider(ref best, NumericDate(i));
        }

        // YearRule: four digits, or an era after the number ("480 BC").
        if ((digits == 4 && value >= 1000) || nextWord)
        {
            Consider(ref best, YearRule(i));
        }

        // Decades: "1990s", "20th century": a word touching the number.
        if (nextWord && nextAdj)
        {
            Consider(ref best, Decades(i));
        }

        // Ago: a unit right after the number, or the ",000" of "2,000 years ago".
        if (nextLex is { Unit: not Unit.None } || (nextPunct && _text[next.Start] == ','))
        {
            Consider(ref best, Ago(i));
        }

        // DurationRule: after the number a unit, a range ("two to three", "12-18"), a fraction ("2 1/2"), "and a half",
        // "more"/"additional"/"extra", a hyphen ("15-day"), or the ",000" of a large number.
        if (nextPunct || (hasNext && next.Kind == TokenKind.Number) || nextLex is { Unit: not Unit.None } || nextKw is Kw.To or Kw.Or or Kw.And or Kw.More
            || (nextWord && (Word(i + 1, "additional") || Word(i + 1, "extra"))))
        {
            Consider(ref best, DurationRule(i));
        }

        // QuarterRule: "3rd quarter": one to four with an ordinal suffix.
        if (value is >= 1 and <= 4 && nextWord)
        {
            Consider(ref best, QuarterRule(i));
        }

        // ClockRule: "0540 GMT", "1030am"; "3 p.m.", "10:30", "5 o'clock", "4 in the morning".
        // (Three digits only glued to a.m./p.m.: "500 people" must not pay for the clock rule.)
        bool amPmNext = nextKw is Kw.Am or Kw.Pm or Kw.A || Word(i + 1, "p");
        if (digits == 4 ? nextWord : digits == 3 ? Adj(i + 1) && amPmNext : digits <= 2 && (nextPunct || amPmNext || nextKw is Kw.In || Word(i + 1, "o")))
        {
            Consider(ref best, ClockRule(i));
        }

        // RangeEnd: a link after the day ("10-18 June", "15 to 22", "15th to"), or a day or year just before it ("April 6-7", "1915-16").
        if (_dayBeforeEnd == i - 1 || IsHyphen(i - 1) || nextPunct || nextKw is Kw.To or Kw.And or Kw.Through || (nextWord && nextAdj))
        {
            Consider(ref best, RangeEnd(i));
        }

        return best is { } b ? WithClock(i, b) : null;
    }

    /// <summary>The rules that can start at "the", each only when the word after it allows it (see <see cref="Core"/>).</summary>
    private Hit? AtThe(int i)
    {
        bool hasNext = i + 1 < _n;
        bool nextWord = hasNext && _t[i + 1].Kind == TokenKind.Word;
        bool nextNumber = hasNext && _t[i + 1].Kind == TokenKind.Number;
        LexEntry? nextLex = hasNext ? _t[i + 1].Lex : null;
        Kw nextKw = nextLex?.Kw ?? Kw.None;
        Hit? best = null;

        // ExplicitDate: "the 28th of January", "the twenty-third of".
        if (nextNumber || nextLex is { Ordinal: > 0 } or { Tens: true })
        {
            Consider(ref best, ExplicitDate(i));
        }

        // YearRule: "the year 1998".
        if (nextLex is { Unit: Unit.Year, UnitPlural: false })
        {
            Consider(ref best, YearRule(i));
        }

        // Decades: "the 1990s", "the '90s", "the 20th century", "the twentieth century", "the nineties" (seven to nine letters).
        if (nextNumber || IsApostrophe(i + 1) || nextLex is { Ordinal: > 0 } or { Tens: true }
            || (nextWord && _t[i + 1].Length is >= 7 and <= 9))
        {
            Consider(ref best, Decades(i));
        }

        // WeekdayRule and MonthRule: "the previous Friday", "the following April".
        if (nextKw is Kw.Previous or Kw.Following)
        {
            Consider(ref best, WeekdayRule(i));
            Consider(ref best, MonthRule(i));
        }

        // Deictic: "the past", "the future", "the near term", "the weekend", "(in) the morning", "(it's) the second day", "the week of", "the full year", "the (fiscal) year", "the present", "the moment".
        if (nextKw is Kw.Past or Kw.Future or Kw.Full or Kw.Present or Kw.Moment or Kw.Fiscal
            || nextLex is { Unit: Unit.Weekend or Unit.Week or Unit.Year or Unit.Month } or { DayPart: DayPart.Morning or DayPart.Afternoon or DayPart.Evening } or { Ordinal: >= 1 and <= 31 }
            || Word(i + 1, "near") || Word(i + 1, "short") || Word(i + 1, "long"))
        {
            Consider(ref best, Deictic(i));
        }

        // Relative: "the next day", "the same week", "the year-end".
        if (nextKw is Kw.This or Kw.Last or Kw.Next or Kw.Past or Kw.Previous or Kw.Coming or Kw.Upcoming or Kw.Current or Kw.Following or Kw.That or Kw.Same
            || nextLex is { Unit: Unit.Year, UnitPlural: false })
        {
            Consider(ref best, Relative(i));
        }

        // Ago: "the day before".
        if (nextLex is { Unit: Unit.Day, UnitPlural: false })
        {
            Consider(ref best, Ago(i));
        }

        Consider(ref best, DurationRule(i));
        Consider(ref best, QuarterRule(i));

        // SeasonRule: "the winter".
        if (nextLex is { Season: > 0 })
        {
            Consider(ref best, SeasonRule(i));
        }

        return best is { } b ? WithClock(i, b) : null;
    }

    /// <summary>Every rule, at any token: the reference the dispatch in <see cref="Core"/> must agree with (tests only).</summary>
    private Hit? AllRules(int i)
    {
        Hit? best = null;
        Consider(ref best, ExplicitDate(i));
        Consider(ref best, NumericDate(i));
        Consider(ref best, YearRule(i));
        Consider(ref best, Decades(i));
        Consider(ref best, WeekdayRule(i));
        Consider(ref best, MonthRule(i));
        Consider(ref best, Deictic(i));
        Consider(ref best, Relative(i));
        Consider(ref best, Ago(i));
        Consider(ref best, SetRule(i));
        Consider(ref best, DurationRule(i));
        Consider(ref best, QuarterRule(i));
        Consider(ref best, SeasonRule(i));
        Consider(ref best, ClockRule(i));
        Consider(ref best, Holiday(i));
        Consider(ref best, RangeEnd(i));
        return best is { } b ? WithClock(i, b) : null;
    }

    /// <summary>The one-letter word "Q" of "Q3", which QuarterRule reads.</summary>
    private bool QuarterLetter(int i) => IsWord(i) && _t[i].Length == 1 && (_text[_t[i].Start] | 0x20) == 'q';

    /// <summary>The words outside the lexicon that DurationRule's lead-in accepts: "final", "remaining", "additional", "initial", "extra".</summary>
    private bool DurationLeadWord(int i) =>
        IsWord(i) && _t[i].Length is 5 or 7 or 9 or 10
        && (Word(i, "final") || Word(i, "remaining") || Word(i, "additional") || Word(i, "initial") || Word(i, "extra"));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Consider(ref Hit? best, Hit? candidate)
    {
        if (candidate is { } c && (best is not { } b || c.End > b.End))
        {
            best = c;
        }
    }

    // ---- token helpers -------------------------------------------------------------------------------------------

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Kw K(int i) => i >= 0 && i < _n ? _t[i].Kw : Kw.None;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Is(int i, Kw k) => k != Kw.None && K(i) == k;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private LexEntry? L(int i) => i >= 0 && i < _n ? _t[i].Lex : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsPunct(int i, char c) => i >= 0 && i < _n && _t[i].Kind == TokenKind.Punct && _text[_t[i].Start] == c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsHyphen(int i) => i >= 0 && i < _n && _t[i].Kind == TokenKind.Punct && _text[_t[i].Start] is '-' or '\u2010' or '\u2011' or '\u2013';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsApostrophe(int i) => i >= 0 && i < _n && _t[i].Kind == TokenKind.Punct && _text[_t[i].Start] is '\'' or '\u2019' or '\u2018';

    /// <summary>Whether token <paramref name="i"/> touches the one before it (no space between).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Adj(int i) => i > 0 && i < _n && _t[i].Start == _t[i - 1].End;

    private bool Word(int i, string w) =>
        i >= 0 && i < _n && _t[i].Kind == TokenKind.Word && _text.AsSpan(_t[i].Start, _t[i].Length).Equals(w, StringComparison.OrdinalIgnoreCase);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsNumber(int i) => i >= 0 && i < _n && _t[i].Kind == TokenKind.Number;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Num(int i) => IsNumber(i) ? _t[i].Number : -1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Digits(int i) => IsNumber(i) ? _t[i].Length : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsWord(int i) => i >= 0 && i < _n && _t[i].Kind == TokenKind.Word;

    private bool IsEnd(int i) => i >= _n || (_t[i].Kind == TokenKind.Punct && _text[_t[i].Start] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or '"' or '\u201D');

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Capital(int i) => i >= 0 && i < _n && _t[i].Capitalized;

    /// <summary>Skips an optional "." right after an abbreviation.</summary>
    private int SkipDot(int i) => IsPunct(i, '.') && Adj(i) ? i + 1 : i;

    /// <summary>A month name at <paramref name="i"/> (1..12) and the token after it, skipping the dot of "Jan.".</summary>
    private int MonthAt(int i, out int next)
    {
        next = i;
        var lex = L(i);
        if (lex is null || lex.Month == 0 || (lex.NeedsCapital && !Capital(i)))
        {
            return 0;
        }

        // "may" and "march" are verbs in lower case; "May" at a sentence start needs a number or year nearby.
        if (lex.Month == 5 || (lex.Month == 3 && !lex.Abbreviation))
        {
            if (!Capital(i))
            {
                return 0;
            }

            bool numberNext = IsNumber(i + 1);
            bool prevOk = K(i - 1) is Kw.In or Kw.Of or Kw.Early or Kw.Late or Kw.Mid or Kw.Last or Kw.Next or Kw.This or Kw.Since or Kw.Until or Kw.By or Kw.From or Kw.During or Kw.Through or Kw.And or Kw.Or or Kw.Before or Kw.After or Kw.End or Kw.Beginning or Kw.Middle or Kw.Start
                || IsHyphen(i - 1) || IsPunct(i - 1, ',') || DayBefore(i);
            if (!numberNext && !prevOk)
            {
                return 0;
            }
        }

        next = lex.Abbreviation ? SkipDot(i + 1) : i + 1;
        if (lex.Abbreviation && next == i + 1 && !IsNumber(i + 1) && _t[i].Length < 4 && !(IsNumber(i - 1) && Digits(i - 1) <= 2 && Capital(i)))
        {
            // A bare "Jan" or "Dec" without a dot needs a following number to be a month.
            return 0;
        }

        return lex.Month;
    }

    /// <summary>Whether a day of the month ends right before token <paramref name="i"/>: "23 March", "23rd March".</summary>
    private bool DayBefore(int i)
    {
        int d = i - 1;
        if (IsWord(d) && Adj(d) && (Word(d, "st") || Word(d, "nd") || Word(d, "rd") || Word(d, "th")))
        {
            d--;
        }

        return IsNumber(d) && Digits(d) <= 2 && Num(d) is >= 1 and <= 31 && !(Adj(d) && (IsPunct(d - 1, '.') || IsPunct(d - 1, ',') || IsPunct(d - 1, '/')));
    }

    private int WeekdayAt(int i, out int next, out bool plural)
    {
        next = i;
        plural = false;
        var lex = L(i);
        if (lex is null || lex.Weekday == 0 || (lex.NeedsCapital && !Capital(i)) || (!Capital(i) && lex.Abbreviation) || NamedDay(i))
        {
            return 0;
        }

        if (lex.Abbreviation)
        {
            if (IsPunct(i + 1, '.') && Adj(i + 1))
            {
                next = i + 2;
            }
            else if (IsNumber(i + 1) && Digits(i + 1) <= 2 && !Adj(i + 1))
            {
                next = i + 1; // "Tue 23/3", "Wed 24 March": a day number vouches for the bare abbreviation
            }
            else
            {
                return 0;
            }
        }
        else
        {
            next = i + 1;
        }

        plural = lex.WeekdayPlural;
        return lex.Weekday;
    }

    /// <summary>
    /// A weekday that is part of a name, after a capitalised word that names a day of its own: "the Black Saturday fires of 2009",
    /// "Bloody Sunday", "Super Tuesday", "Cyber Monday", "Good Friday", "Ash Wednesday", "Easter Monday". Such a name is an event or
    /// a feast, not a reference to a weekday near the publication (TimeML leaves these without a weekday value, and a news article
    /// that recalls "Black Saturday" does not mean last Saturday). A closed list: any capitalised word may stand before a real
    /// weekday ("Clinton Thursday", "Paris Tuesday" in wire copy).
    /// </summary>
    private bool NamedDay(int i) =>
        i > 0 && Capital(i - 1) && !Adj(i) && IsWord(i - 1)
        && (Word(i - 1, "Black") || Word(i - 1, "Bloody") || Word(i - 1, "Super") || Word(i - 1, "Cyber") || Word(i - 1, "Giving")
            || Word(i - 1, "Good") || Word(i - 1, "Holy") || Word(i - 1, "Ash") || Word(i - 1, "Palm") || Word(i - 1, "Easter")
            || Word(i - 1, "Maundy") || Word(i - 1, "Shrove") || Word(i - 1, "Fat") || Word(i - 1, "Blue"));

    /// <summary>A day-of-month number 1..31 at <paramref name="i"/>, with an optional ordinal suffix ("28th").</summary>
    private int DayOfMonthAt(int i, out int next)
    {
        next = i;
        if (IsNumber(i) && Digits(i) <= 2 && Num(i) is >= 1 and <= 31)
        {
            next = i + 1;
            if (IsWord(next) && Adj(next) && (Word(next, "st") || Word(next, "nd") || Word(next, "rd") || Word(next, "th")))
            {
                next++;
            }

            return Num(i);
        }

        if (L(i) is { Tens: true, Number: 20 or 30 } tens && IsHyphen(i + 1) && L(i + 2) is { Ordinal: >= 1 and <= 9 } o && tens.Number + o.Ordinal <= 31)
        {
            next = i + 3;
            return tens.Number + o.Ordinal;
        }

        if (L(i) is { Ordinal: >= 1 and <= 31 } lex)
        {
            next = i + 1;
            return lex.Ordinal;
        }

        return 0;
    }

    /// <summary>A four-digit year (or "'98") at <paramref name="i"/>.</summary>
    private int YearAt(int i, out int next)
    {
        next = i;

        // (Not "1030am": four digits glued to "am" or "pm" are a clock time written without its colon.)
        if (IsNumber(i) && Digits(i) == 4 && Num(i) >= 1000 && !(Adj(i + 1) && K(i + 1) is Kw.Am or Kw.Pm) && !ClockNotYear(i))
        {
            next = i + 1;
            return Num(i);
        }

        if (L(i) is { Number: >= 11 and <= 20 } century && !century.Tens && L(i + 1) is { } second)
        {
            // Spoken years: "nineteen ninety-six", "nineteen eighty", "nineteen hundred".
            if (second.Tens && NumberAt(i + 1, out int after, out long rest) && rest is >= 10 and <= 99)
            {
                next = after;
                return (century.Number * 100) + (int)rest;
            }

            if (second.Number == 100)
            {
                next = i + 2;
                return century.Number * 100;
            }
        }

        if (L(i) is { Number: 2 } && L(i + 1) is { Number: 1000 })
        {
            // "two thousand", "two thousand and one", "two thousand one"
            int k = Is(i + 2, Kw.And) ? i + 3 : i + 2;
            next = i + 2;
            if (L(k) is { Number: >= 1 and <= 99 } && NumberAt(k, out int after, out long rest) && rest < 100)
            {
                next = after;
                return 2000 + (int)rest;
            }

            return 2000;
        }

        if (IsApostrophe(i) && IsNumber(i + 1) && Adj(i + 1) && Digits(i + 1) == 2)
        {
            next = i + 2;
            int y = Num(i + 1);
            return y + (y <= (Dct.Year % 100) + 10 ? (Dct.Year / 100) * 100 : ((Dct.Year / 100) - 1) * 100);
        }

        return 0;
    }

    /// <summary>A cardinal number, in digits or words: "15", "1,000", "fifteen", "twenty-four", "a dozen", "several" (vague).</summary>
    private bool NumberAt(int i, out int next, out long value, bool allowArticle = false)
    {
        next = i;
        value = 0;
        if (IsNumber(i))
        {
            if (Adj(i) && (IsPunct(i - 1, '.') || IsPunct(i - 1, ',')) && IsNumber(i - 2))
            {
                return false; // the tail of "1.5" or "1,000"
            }

            if (_t[i].Number < 0)
            {
                return false;
            }

            value = _t[i].Number;
            next = i + 1;
            while (IsPunct(next, ',') && Adj(next) && IsNumber(next + 1) && Adj(next + 1) && Digits(next + 1) == 3 && value < 1_000_000)
            {
                value = (value * 1000) + Num(next + 1);
                next += 2;
            }

            if (IsPunct(next, '.') && Adj(next) && IsNumber(next + 1) && Adj(next + 1))
            {
                return false; // decimals are left alone
            }

            return true;
        }

        var lex = L(i);
        if (lex is null)
        {
            return false;
        }

        switch (lex.Kw)
        {
            case Kw.Several or Kw.Many or Kw.Dozens or Kw.Hundreds or Kw.Thousands:
                value = Lexicon.Vague;
                next = i + 1;
                if (lex.Kw is Kw.Dozens or Kw.Hundreds or Kw.Thousands && Is(next, Kw.Of))
                {
                    next++;
                }

                return true;
            case Kw.Few:
                value = Lexicon.Vague;
                next = i + 1;
                return true;
            case Kw.A or Kw.An:
                if (Is(i + 1, Kw.Few))
                {
                    value = Lexicon.Vague;
                    next = i + 2;
                    return true;
                }

                if (Is(i + 1, Kw.Couple))
                {
                    value = 2;
                    next = Is(i + 2, Kw.Of) ? i + 3 : i + 2;
                    return true;
                }

                if (Is(i + 1, Kw.Dozen))
                {
                    value = 12;
                    next = i + 2;
                    return true;
                }

                if (L(i + 1) is { Number: 100 or 1000 } big)
                {
                    value = big.Number;
                    next = i + 2;
                    return true;
                }

                if (allowArticle)
                {
                    value = 1;
                    next = i + 1;
                    return true;
                }

                return false;
            case Kw.Couple:
                value = 2;
                next = Is(i + 1, Kw.Of) ? i + 2 : i + 1;
                return true;
            case Kw.Dozen:
                value = 12;
                next = i + 1;
                return true;
        }

        if (lex.Number < 0)
        {
            return false;
        }

        value = lex.Number;
        next = i + 1;
        if (lex.Tens)
        {
            int k = IsHyphen(next) && Adj(next) ? next + 1 : next;
            if (L(k) is { Number: >= 1 and <= 9, Tens: false } u)
            {
                value += u.Number;
                next = k + 1;
            }
        }

        if (value < 100 && L(next) is { Number: 100 or 1000 } mult)
        {
            value *= mult.Number;
            next++;
            if (Is(next, Kw.And) && L(next + 1) is { Number: >= 1 and < 100 } rest)
            {
                value += rest.Number;
                next += 2;
            }
        }

        return true;
    }

    /// <summary>A unit word at <paramref name="i"/> ("day", "years"…).</summary>
    private Unit UnitAt(int i, out bool plural)
    {
        var lex = L(i);
        plural = lex?.UnitPlural ?? false;
        return lex?.Unit ?? Unit.None;
    }

    // ---- tense ---------------------------------------------------------------------------------------------------

    /// <summary>
    /// The direction the clause around token <paramref name="i"/> points: the nearest tense cue within the sentence
    /// ("will" → future; "was", "visited" → past; "is", "says" → present). Cues before the expression weigh more.
    /// </summary>
    private Cue TenseAt(int i) => PrepositionCue(i) is var p && p != Cue.None ? p : ClauseCue(i);

    /// <summary>The tense of the clause around token <paramref name="i"/> from its verbs alone (no preposition).</summary>
    private Cue ClauseCue(int i)
    {
        Cue best = Cue.None;
        int bestDistance = int.MaxValue;
        for (int k = i - 1, d = 1; k >= 0 && d <= 20; k--, d++)
        {
            if (SentenceBreakAfter(k))
            {
                break;
            }

            var c = CueOf(k);
            if (c == Cue.Past && (Word(k - 1, "be") || Word(k - 1, "being")))
            {
                continue; // "will be paid": the participle does not set the tense, the auxiliary before it does
            }

            if (c != Cue.None)
            {
                best = c;
                bestDistance = d;
                break;
            }
        }

        // A clause that opens with the expression ("In January, a week after …, a bomb killed") has its verb further on.
        int ahead = best == Cue.None ? 30 : 12;
        for (int k = i + 1, d = 1; k < _n && d < bestDistance && d <= ahead; k++, d++)
        {
            if (SentenceBreakAfter(k - 1) || IsQuote(k))
            {
                break; // a closing quote ends the quoted clause: the "said" after it is the time of speaking
            }

            if (best != Cue.None && IsPunct(k, ',') && (Word(k + 1, "which") || Word(k + 1, "who")))
            {
                break; // "is scheduled for 6.04 pm on Wednesday, which is 6.19 pm in Nepal": the relative clause glosses the date, its verb does not set the tense
            }

            var c = CueOf(k);
            if (c != Cue.None)
            {
                // A cue after the expression wins only when clearly closer.
                if (d * 2 < bestDistance)
                {
                    best = c;
                }

                break;
            }
        }

        return best;
    }

    /// <summary>
    /// A preposition right before the expression that fixes its direction: "until Tuesday", "as soon as Tuesday",
    /// "as early as next week" point forward; "since Tuesday" points back. Skips a clock time ("until 9 a.m. Tuesday") and a
    /// point modifier ("until mid-June", "since the end of March").
    /// </summary>
    private Cue PrepositionCue(int i)
    {
        int k = i - 1;
        for (int steps = 0; k >= 0 && steps < 8; k--, steps++)
        {
            var t = _t[k];
            bool clockPart = t.Kind == TokenKind.Number || (t.Kind == TokenKind.Punct && _text[t.Start] is '.' or ':' or ',')
                || Word(k, "a") || Word(k, "p") || Word(k, "m") || Is(k, Kw.Am) || Is(k, Kw.Pm) || Is(k, Kw.At) || Is(k, Kw.On)
                || Is(k, Kw.Noon) || Is(k, Kw.Midnight) || (t.Kind == TokenKind.Word && t.Length <= 3 && IsZone(k));
            // A point modifier between them ("until mid-June", "since the end of March", "until late Tuesday") is skipped too.
            bool modifierPart = K(k) is Kw.Mid or Kw.Early or Kw.Late or Kw.End or Kw.Middle or Kw.Beginning or Kw.Start or Kw.The or Kw.Of
                || IsHyphen(k);
            if (!clockPart && !modifierPart)
            {
                break;
            }
        }

        if (k < 0)
        {
            return Cue.None;
        }

        if (Is(k, Kw.Until))
        {
            // "until Tuesday" points forward, even after a past verb in news ("postponed until Tuesday morning"), unless the clause
            // is in the past perfect ("Until Thursday, they had not called him a suspect") or the document is a history told in the
            // past ("fighting which lasted until 16 August").
            return PastPerfectAround(i) || (_st.Narrative && ClauseCue(i) == Cue.Past) ? Cue.Past : Cue.Future;
        }

        if (Is(k, Kw.Since))
        {
            return Cue.Past;
        }

        if (Word(k, "payable") || Word(k, "effective") || (Word(k, "record") && Is(k - 1, Kw.Of)))
        {
            return Cue.Future; // "payable Dec. 15", "effective Feb. 1", "holders of record Dec. 21": dates a notice sets ahead
        }

        if (Word(k, "as") && k >= 2 && (Word(k - 1, "soon") || Is(k - 1, Kw.Early)) && Word(k - 2, "as"))
        {
            return Cue.Future;
        }

        return Cue.None;
    }

    /// <summary>Whether "had" appears in the sentence around token <paramref name="i"/> (within 12 tokens either side).</summary>
    private bool PastPerfectAround(int i)
    {
        for (int k = i - 1; k >= 0 && k >= i - 12 && !SentenceBreakAfter(k); k--)
        {
            if (Word(k, "had"))
            {
                return true;
            }
        }

        for (int k = i + 1; k < _n && k <= i + 12 && !SentenceBreakAfter(k - 1); k++)
        {
            if (Word(k, "had"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the sentence around the plan word at <paramref name="k"/> places the plan in the past: the past perfect ("had"),
    /// a backward-looking word ("ago", "yesterday", "earlier", "last", "previously", "originally"), or the plan's outcome
    /// ("was set to take place Tuesday …, but the session was canceled").
    /// </summary>
    private bool PlanPlacedInThePast(int k)
    {
        if (PastPerfectAround(k))
        {
            return true;
        }

        for (int j = k - 1; j >= 0 && j >= k - 20 && !SentenceBreakAfter(j); j--)
        {
            if (BackwardWord(j))
            {
                return true;
            }
        }

        for (int j = k + 1; j < _n && j <= k + 30 && !SentenceBreakAfter(j - 1); j++)
        {
            if (BackwardWord(j))
            {
                return true;
            }
        }

        return false;
    }

    private bool BackwardWord(int j) =>
        Word(j, "ago") || Word(j, "yesterday") || Word(j, "earlier") || Word(j, "last") || Word(j, "previously") || Word(j, "originally")
        || Word(j, "canceled") || Word(j, "cancelled") || Word(j, "postponed") || Word(j, "scrapped") || Word(j, "delayed"); // the plan's outcome is told: its date has come

    /// <summary>Whether tokens <paramref name="a"/> and <paramref name="b"/> are in the same, not too long, sentence.</summary>
    private bool SameSentence(int a, int b)
    {
        if (a > b)
        {
            (a, b) = (b, a);
        }

        if (b - a > 60)
        {
            return false;
        }

        for (int k = a; k < b; k++)
        {
            if (SentenceBreakAfter(k))
            {
                return false;
            }
        }

        return true;
    }

    private bool SentenceBreakAfter(int k)
    {
        if (k < 0 || k >= _n)
        {
            return true;
        }

        if (_t[k].Kind != TokenKind.Punct)
        {
            return false;
        }

        char c = _text[_t[k].Start];
        if (c is '!' or '?' or ';')
        {
            return true;
        }

        // "scheduled for 6.04 pm", "rose 3.5 percent": a dot between two digits with no space is a decimal point or a clock's
        // separator, not the end of a sentence (the verb before it still sets the tense of what follows).
        if (c == '.' && IsNumber(k - 1) && IsNumber(k + 1) && Adj(k) && Adj(k + 1))
        {
            return false;
        }

        // "Birmingham, Ala., killed": a dot before a comma or a closing bracket ends an abbreviation, not a sentence.
        return c == '.' && !(L(k - 1)?.Abbreviation ?? false)
            && (k + 1 >= _n || _t[k + 1].Capitalized || (_t[k + 1].Kind != TokenKind.Word && !(_t[k + 1].Kind == TokenKind.Punct && _text[_t[k + 1].Start] is ',' or ';' or ':' or ')')));
    }

    private bool IsQuote(int k) =>
        k >= 0 && k < _n && _t[k].Kind == TokenKind.Punct
        && (_text[_t[k].Start] is '"' or '\u201C' or '\u201D' or '`' || (IsApostrophe(k) && IsApostrophe(k + 1) && Adj(k + 1)));

    private bool IsDeterminer(int k) =>
        K(k) is Kw.A or Kw.An or Kw.The or Kw.This or Kw.That or Kw.These or Kw.Those
        || Word(k, "its") || Word(k, "their") || Word(k, "his") || Word(k, "her") || Word(k, "our");

    private Cue CueOf(int k)
    {
        var tok = _t[k];
        if (tok.Kind != TokenKind.Word)
        {
            return Cue.None;
        }

        if (Word(k, "set") || Word(k, "expected") || Word(k, "scheduled") || Word(k, "due") || Word(k, "supposed") || Word(k, "slated"))
        {
            // "is expected to", "set to resume": future. "was due to / were expected to" is a plan seen from the time of
            // reporting (future in the past): it still points forward, unless the sentence places the plan itself in the past
            // ("had been expected to", "was scheduled to … last week") or the document is a history told in the past.
            if (K(k + 1) is Kw.To or Kw.For or Kw.In || Word(k, "expected") || Word(k, "scheduled"))
            {
                if (Word(k - 1, "had") || Word(k - 1, "been"))
                {
                    return Cue.Past;
                }

                return (Word(k - 1, "was") || Word(k - 1, "were")) && (_st.Narrative || PlanPlacedInThePast(k)) ? Cue.Past : Cue.Future;
            }
        }

        if ((Word(k, "plan") || Word(k, "planning") || Word(k, "planned") || Word(k, "plans")) && K(k + 1) is Kw.To or Kw.For or Kw.A or Kw.An)
        {
            // "were planning to drive … on Monday", "did not plan to remove him on Thursday", "planned a rally on Saturday": the
            // planned event lies ahead of the report (future in the past), unless the sentence places the plan in the past.
            if (Word(k - 1, "had") || Word(k - 1, "been"))
            {
                return Cue.Past;
            }

            // A plan told in the present ("plans to", "is planning to") is simply ahead; one told in the past is checked.
            bool toldInPast = Word(k, "planned") || Word(k - 1, "was") || Word(k - 1, "were") || Word(k - 2, "did");
            return toldInPast && (_st.Narrative || PlanPlacedInThePast(k)) ? Cue.Past : Cue.Future;
        }

        if ((Word(k, "was") || Word(k, "were")) && (Word(k + 1, "planning") || Word(k + 1, "expected") || Word(k + 1, "scheduled") || Word(k + 1, "due")
            || Word(k + 1, "set") || Word(k + 1, "supposed") || Word(k + 1, "slated")) && k + 1 < _n)
        {
            return CueOf(k + 1); // "were planning to", "was due to": the auxiliary is read with its plan word (found first when scanning ahead)
        }

        if (tok.Lex is { } lex)
        {
            if (lex.Cue == Cue.Present && Is(k + 1, Kw.To) && IsWord(k + 2) && (Word(k, "is") || Word(k, "are")))
            {
                return Cue.Future; // "is to resume trading Tuesday": a plan
            }

            if (lex.Cue != Cue.None)
            {
                // "'ll" and "won't" arrive as separate tokens after an apostrophe.
                return lex.Cue == Cue.Past && IsApostrophe(k + 1) && Word(k, "won") ? Cue.Future : lex.Cue;
            }

            if (lex.Kw is Kw.Next && (Is(k + 1, Kw.To) || Word(k + 1, "door")))
            {
                return Cue.None; // "next to the embassy", "next door": a place, not a time
            }

            if (lex.Kw is Kw.Next or Kw.Coming or Kw.Upcoming)
            {
                return Cue.Future;
            }

            return Cue.None;
        }

        var w = _text.AsSpan(tok.Start, tok.Length);
        if (w.Length >= 5 && !tok.Capitalized && w.EndsWith("ed", StringComparison.OrdinalIgnoreCase)
            && !w.EndsWith("eed", StringComparison.OrdinalIgnoreCase) && !w.Equals("hundred", StringComparison.OrdinalIgnoreCase)
            && !w.Equals("expected", StringComparison.OrdinalIgnoreCase) && !w.Equals("scheduled", StringComparison.OrdinalIgnoreCase)
            && !w.Equals("planned", StringComparison.OrdinalIgnoreCase) && !w.Equals("supposed", StringComparison.OrdinalIgnoreCase))
        {
            // "a still unspecified date", "the proposed merger": an -ed word after a determiner is an adjective, not a past verb.
            int d = Word(k - 1, "still") || Word(k - 1, "newly") || Word(k - 1, "previously") || Word(k - 1, "recently") ? k - 2 : k - 1;
            return IsDeterminer(d) ? Cue.None : Cue.Past;
        }

        if (w.Equals("planned", StringComparison.OrdinalIgnoreCase) && IsDeterminer(k - 1))
        {
            return Cue.Future; // "a planned campaign in 1976": what is planned lies ahead of the story
        }

        if (w.Equals("expected", StringComparison.OrdinalIgnoreCase) || w.Equals("scheduled", StringComparison.OrdinalIgnoreCase) || w.Equals("planned", StringComparison.OrdinalIgnoreCase))
        {
            return Is(k + 1, Kw.To) || Is(k + 1, Kw.For) ? Cue.Future : Cue.Past;
        }

        return Cue.None;
    }
}
