using System.Collections.Frozen;

namespace Timeline.Core.Temporal.Recognition;

/// <summary>Calendar and clock units a duration or a relative expression counts in.</summary>
internal enum Unit : byte
{
    None,
    Second,
    Minute,
    Hour,
    Day,
    Night,
    Weekend,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

/// <summary>Function words and temporal words the rules test for, so rules compare enums instead of strings.</summary>
internal enum Kw : byte
{
    None,
    The, This, That, These, Those, Last, Next, Past, Previous, Following, Coming, Upcoming, Current, Latest, Recent,
    Recently, Early, Earlier, Late, Later, Mid, Middle, End, Beginning, Start, Of, A, An, Another, Every, Each, Per,
    Ago, Before, After, About, Around, Approximately, Roughly, Some, Nearly, Almost, More, Less, Than, Over, Under,
    At, Least, Most, Up, To, No, Today, Tonight, Yesterday, Tomorrow, Now, Currently, Future, Soon, Same, Fiscal,
    Half, Noon, Midnight, Once, Twice, Times, Daily, Weekly, Monthly, Annually, Yearly, Hourly, Quarterly, Nightly,
    Lately, Nowadays, Present, Oclock, Am, Pm, Christmas, Thanksgiving, Election, Eve, New, Day, Year, Years, Decade, Other,
    Couple, Few, Several, Many, Dozen, Dozens, Hundreds, Thousands, And, Or, On, In, Since, For, Within, During, Until,
    Through, By, From, Hence, Earliest, Just, Full, Whole, Entire, Period, Time, Former, Moment,
    Formerly, Previously, Already, Meantime, Overnight, Weekday, Weekend, Season, Summer, Spring,
    Autumn, Fall, Winter, Tenure, Lifetime, Term, Anniversary,

    /// <summary>A decade in words: "twenties" … "nineties" ("the nineties").</summary>
    DecadeName,

    /// <summary>The letter "Q" of "Q3" (the tokenizer splits letters from digits).</summary>
    QuarterLetter,
}

/// <summary>Tense cue a word gives the clause it is in.</summary>
internal enum Cue : byte
{
    None,
    Past,
    Future,
    Present,
}

/// <summary>Parts of the day (TIMEX3 MO, AF, EV, NI) and named times.</summary>
internal enum DayPart : byte
{
    None,
    Morning,
    Afternoon,
    Evening,
    Night,
}

/// <summary>What the lexicon knows about one word: every reading it can have. Immutable after construction.</summary>
internal sealed class LexEntry
{
    public int Month { get; init; }

    public int Weekday { get; init; }

    public bool WeekdayPlural { get; init; }

    /// <summary>Cardinal value of a number word; -1 when the word is not a number, <see cref="Lexicon.Vague"/> for "several".</summary>
    public int Number { get; init; } = -1;

    /// <summary>True when <see cref="Number"/> is a tens word ("twenty") that a units word may follow.</summary>
    public bool Tens { get; init; }

    public int Ordinal { get; init; }

    public Unit Unit { get; init; }

    public bool UnitPlural { get; init; }

    public int Season { get; init; }

    public DayPart DayPart { get; init; }

    public Kw Kw { get; init; }

    public Cue Cue { get; init; }

    /// <summary>The entry's number in <see cref="Lexicon.Entry"/> (from 1), which tokens store instead of a reference.</summary>
    public ushort Id { get; internal set; }

    /// <summary>What a token of this word records about it (<see cref="Token.BitsOf"/>), computed once when the entry is numbered.</summary>
    internal byte TokenBits { get; set; }

    /// <summary>Abbreviations that need a capital letter to count (e.g. "Mar", "Jan").</summary>
    public bool NeedsCapital { get; init; }

    /// <summary>Whether a word ending in a full stop is an abbreviation rather than a sentence end.</summary>
    public bool Abbreviation { get; init; }

    /// <summary>Whether the word is temporal by itself (a month, a unit, "today"…), so a rule may start at it.</summary>
    public bool Temporal => (Flags & 2) != 0;

    /// <summary>Whether the word can lead a longer expression ("the", "last", "about"…) when something temporal follows.</summary>
    public bool Lead => (Flags & 4) != 0;

    // Computed once on first use (an idempotent int write, safe across threads): the two tests run for every token.
    private int _flags;

    private int Flags => _flags != 0 ? _flags : (_flags = ComputeFlags());

    private int ComputeFlags() => 1 | (ComputeTemporal() ? 2 : 0) | (ComputeLead() ? 4 : 0);

    private bool ComputeTemporal() => Month > 0 || Weekday > 0 || Number >= 0 || Ordinal > 0 || Unit != Unit.None || Season > 0 || DayPart != DayPart.None
        || Kw is Kw.Today or Kw.Tonight or Kw.Yesterday or Kw.Tomorrow or Kw.Now or Kw.Currently or Kw.Future or Kw.Soon or Kw.Recently
            or Kw.Lately or Kw.Nowadays or Kw.Recent or Kw.Current or Kw.Daily or Kw.Weekly or Kw.Monthly or Kw.Annually or Kw.Yearly
            or Kw.Hourly or Kw.Nightly or Kw.Noon or Kw.Midnight or Kw.Christmas or Kw.Thanksgiving or Kw.Fiscal or Kw.Half
            or Kw.Past or Kw.Present or Kw.Moment or Kw.Period or Kw.Term or Kw.DecadeName or Kw.QuarterLetter; // "period": "The latest period includes gains" (a reported quarter)

    private bool ComputeLead() => Kw is not (Kw.None or Kw.Of or Kw.And or Kw.Or or Kw.On or Kw.In or Kw.Since or Kw.For or Kw.Within or Kw.During
        or Kw.Until or Kw.Through or Kw.By or Kw.From or Kw.To or Kw.Than or Kw.Least or Kw.Most or Kw.Hence or Kw.Ago or Kw.Before
        or Kw.After or Kw.Eve or Kw.Times or Kw.Once or Kw.Twice or Kw.Other or Kw.Just or Kw.Period or Kw.Time or Kw.Former
        or Kw.Formerly or Kw.Previously or Kw.Already or Kw.Meantime or Kw.Tenure or Kw.Lifetime or Kw.Term or Kw.Anniversary
        or Kw.Am or Kw.Pm or Kw.Oclock);
}

/// <summary>
/// The English temporal vocabulary. The dictionary classifies a token in one lookup, and the tokenizer reports
/// whether a chunk holds anything temporal at all, so chunks without a trigger never reach the rules.
/// </summary>
internal static partial class Lexicon
{
    /// <summary>The number value of a vague quantity ("several", "a few"): rendered as X in TIMEX3 values.</summary>
    public const int Vague = int.MinValue;

    private static readonly FrozenDictionary<string, LexEntry> Entries = Build();

    /// <summary>The entries by <see cref="LexEntry.Id"/>; slot 0 stays empty (no entry).</summary>
    private static readonly LexEntry[] ById = NumberEntries();

    private static readonly FrozenDictionary<string, LexEntry>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Entries.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// For each ASCII capital letter, bit n set when some entry of length n starts with that letter (ignoring case):
    /// most words of news text fail this test, which is cheaper than hashing them for the dictionary.
    /// </summary>
    private static readonly uint[] FirstLetterLengths = BuildFirstLetterLengths();

    /// <summary>The entry numbered <paramref name="id"/> (1 or more).</summary>
    public static LexEntry Entry(ushort id) => ById[id];

    private static LexEntry[] NumberEntries()
    {
        var byId = new List<LexEntry> { null! };
        foreach (var entry in Entries.Values)
        {
            if (entry.Id == 0)
            {
                entry.Id = checked((ushort)byId.Count);
                entry.TokenBits = Token.BitsOf(entry);
                byId.Add(entry);
            }
        }

        return [.. byId];
    }

    /// <summary>Every word the lexicon knows (tests build texts from them).</summary>
    internal static IEnumerable<string> Words => Entries.Keys;

    /// <summary>The entry for a word (case-insensitive), or null.</summary>
    public static LexEntry? Find(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return null;
        }

        // An ASCII first letter can only match entries starting with the same letter (ordinal ignore-case); others go to the dictionary.
        uint upper = (uint)(word[0] & ~0x20) - 'A';
        if (upper < 26 && char.IsAsciiLetter(word[0]) && word.Length < 32 && (FirstLetterLengths[upper] & (1u << word.Length)) == 0)
        {
            return null;
        }

        return Lookup.TryGetValue(word, out var e) ? e : null;
    }

    private static uint[] BuildFirstLetterLengths()
    {
        var masks = new uint[26];
        foreach (string key in Entries.Keys)
        {
            char first = char.ToUpperInvariant(key[0]);
            if (char.IsAsciiLetterUpper(first) && key.Length < 32)
            {
                masks[first - 'A'] |= 1u << key.Length;
            }
        }

        return masks;
    }


    // Runs once: compiled without optimisation, since optimising this long method cost more CPU at startup than it saves.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoOptimization)]
    private static FrozenDictionary<string, LexEntry> Build()
    {
        var d = new Dictionary<string, LexEntry>(StringComparer.OrdinalIgnoreCase);
        string[] months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
        for (int i = 0; i < 12; i++)
        {
            d[months[i]] = new LexEntry { Month = i + 1 };
        }

        foreach (var (abbr, m) in new[] { ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12) })
        {
            d[abbr] = new LexEntry { Month = m, NeedsCapital = true, Abbreviation = true };
        }

        string[] days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
        for (int i = 0; i < 7; i++)
        {
            d[days[i]] = new LexEntry { Weekday = i + 1 };
            d[days[i] + "s"] = new LexEntry { Weekday = i + 1, WeekdayPlural = true };
        }

        foreach (var (abbr, w) in new[] { ("mon", 1), ("tue", 2), ("tues", 2), ("wed", 3), ("thu", 4), ("thur", 4), ("thurs", 4), ("fri", 5), ("sat", 6), ("sun", 7) })
        {
            d[abbr] = new LexEntry { Weekday = w, NeedsCapital = true, Abbreviation = true };
        }

        string[] ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        string[] ordOnes = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"];
        for (int i = 0; i < ones.Length; i++)
        {
            d[ones[i]] = new LexEntry { Number = i };
            d[ordOnes[i]] = new LexEntry { Ordinal = i };
        }

        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        string[] ordTens = ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];
        for (int i = 0; i < tens.Length; i++)
        {
            d[tens[i]] = new LexEntry { Number = (i + 2) * 10, Tens = true };
            d[ordTens[i]] = new LexEntry { Ordinal = (i + 2) * 10 };
        }

        d["fourty"] = new LexEntry { Number = 40, Tens = true };
        d["hundred"] = new LexEntry { Number = 100 };
        d["thousand"] = new LexEntry { Number = 1000 };
        d["hundredth"] = new LexEntry { Ordinal = 100 };

        (string Word, Unit Unit)[] units =
        [
            ("second", Unit.Second), ("sec", Unit.Second), ("minute", Unit.Minute), ("min", Unit.Minute), ("hour", Unit.Hour), ("hr", Unit.Hour),
            ("day", Unit.Day), ("night", Unit.Night), ("weekend", Unit.Weekend), ("week", Unit.Week), ("fortnight", Unit.Fortnight), ("month", Unit.Month),
            ("quarter", Unit.Quarter), ("year", Unit.Year), ("yr", Unit.Year), ("decade", Unit.Decade), ("century", Unit.Century), ("millennium", Unit.Millennium),
        ];
        foreach (var (w, u) in units)
        {
            var singular = new LexEntry { Unit = u, Ordinal = w == "second" ? 2 : 0, DayPart = u == Unit.Night ? DayPart.Night : DayPart.None };
            d[w] = singular;
        }

        foreach (var (w, u) in new[] { ("seconds", Unit.Second), ("secs", Unit.Second), ("minutes", Unit.Minute), ("mins", Unit.Minute), ("hours", Unit.Hour), ("hrs", Unit.Hour), ("days", Unit.Day), ("nights", Unit.Night), ("weekends", Unit.Weekend), ("weeks", Unit.Week), ("fortnights", Unit.Fortnight), ("months", Unit.Month), ("quarters", Unit.Quarter), ("years", Unit.Year), ("yrs", Unit.Year), ("decades", Unit.Decade), ("centuries", Unit.Century), ("millennia", Unit.Millennium) })
        {
            d[w] = new LexEntry { Unit = u, UnitPlural = true };
        }

        d["spring"] = new LexEntry { Season = 1, Kw = Kw.Spring };
        d["summer"] = new LexEntry { Season = 2, Kw = Kw.Summer };
        d["autumn"] = new LexEntry { Season = 3, Kw = Kw.Autumn };
        d["fall"] = new LexEntry { Season = 3, Kw = Kw.Fall };
        d["winter"] = new LexEntry { Season = 4, Kw = Kw.Winter };
        d["morning"] = new LexEntry { DayPart = DayPart.Morning };
        d["afternoon"] = new LexEntry { DayPart = DayPart.Afternoon };
        d["evening"] = new LexEntry { DayPart = DayPart.Evening };

        (string Word, Kw Kw)[] keywords =
        [
            ("the", Kw.The), ("this", Kw.This), ("that", Kw.That), ("these", Kw.These), ("those", Kw.Those), ("last", Kw.Last), ("next", Kw.Next),
            ("past", Kw.Past), ("previous", Kw.Previous), ("prior", Kw.Previous), ("following", Kw.Following), ("coming", Kw.Coming), ("upcoming", Kw.Upcoming),
            ("current", Kw.Current), ("latest", Kw.Latest), ("recent", Kw.Recent), ("recently", Kw.Recently), ("early", Kw.Early), ("earlier", Kw.Earlier),
            ("late", Kw.Late), ("later", Kw.Later), ("mid", Kw.Mid), ("middle", Kw.Middle), ("end", Kw.End), ("beginning", Kw.Beginning), ("start", Kw.Start),
            ("of", Kw.Of), ("a", Kw.A), ("an", Kw.An), ("another", Kw.Another), ("every", Kw.Every), ("each", Kw.Each), ("per", Kw.Per), ("ago", Kw.Ago),
            ("before", Kw.Before), ("after", Kw.After), ("about", Kw.About), ("around", Kw.Around), ("approximately", Kw.Approximately), ("roughly", Kw.Roughly),
            ("some", Kw.Some), ("nearly", Kw.Nearly), ("almost", Kw.Almost), ("more", Kw.More), ("less", Kw.Less), ("than", Kw.Than), ("over", Kw.Over),
            ("under", Kw.Under), ("at", Kw.At), ("least", Kw.Least), ("most", Kw.Most), ("up", Kw.Up), ("to", Kw.To), ("no", Kw.No), ("today", Kw.Today),
            ("tonight", Kw.Tonight), ("yesterday", Kw.Yesterday), ("tomorrow", Kw.Tomorrow), ("now", Kw.Now), ("currently", Kw.Currently), ("future", Kw.Future),
            ("soon", Kw.Soon), ("same", Kw.Same), ("fiscal", Kw.Fiscal), ("half", Kw.Half), ("noon", Kw.Noon), ("midday", Kw.Noon), ("midnight", Kw.Midnight),
            ("once", Kw.Once), ("twice", Kw.Twice), ("times", Kw.Times), ("daily", Kw.Daily), ("weekly", Kw.Weekly), ("monthly", Kw.Monthly),
            ("annually", Kw.Annually), ("yearly", Kw.Yearly), ("hourly", Kw.Hourly), ("quarterly", Kw.Quarterly), ("nightly", Kw.Nightly), ("lately", Kw.Lately),
            ("nowadays", Kw.Nowadays), ("present", Kw.Present), ("christmas", Kw.Christmas), ("thanksgiving", Kw.Thanksgiving), ("election", Kw.Election), ("eve", Kw.Eve), ("new", Kw.New),
            ("other", Kw.Other), ("couple", Kw.Couple), ("few", Kw.Few), ("several", Kw.Several), ("many", Kw.Many), ("dozen", Kw.Dozen), ("dozens", Kw.Dozens),
            ("hundreds", Kw.Hundreds), ("thousands", Kw.Thousands), ("and", Kw.And), ("or", Kw.Or), ("on", Kw.On), ("in", Kw.In), ("since", Kw.Since),
            ("for", Kw.For), ("within", Kw.Within), ("during", Kw.During), ("until", Kw.Until), ("till", Kw.Until), ("through", Kw.Through), ("by", Kw.By),
            ("from", Kw.From), ("hence", Kw.Hence), ("earliest", Kw.Earliest), ("just", Kw.Just), ("full", Kw.Full), ("whole", Kw.Whole), ("entire", Kw.Entire),
            ("period", Kw.Period), ("time", Kw.Time), ("former", Kw.Former), ("moment", Kw.Moment), ("formerly", Kw.Formerly), ("previously", Kw.Previously),
            ("already", Kw.Already), ("meantime", Kw.Meantime), ("overnight", Kw.Overnight), ("weekday", Kw.Weekday), ("season", Kw.Season),
            ("am", Kw.Am), ("pm", Kw.Pm), ("tenure", Kw.Tenure), ("lifetime", Kw.Lifetime), ("term", Kw.Term), ("anniversary", Kw.Anniversary),
        ];
        foreach (var (w, kw) in keywords)
        {
            d[w] = d.TryGetValue(w, out var e) ? Merge(e, kw) : new LexEntry { Kw = kw };
        }

        // Decades in words reach the rules only as temporal words: "the" alone does not open an expression.
        foreach (var w in new[] { "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties" })
        {
            d[w] = new LexEntry { Kw = Kw.DecadeName };
        }

        d["q"] = new LexEntry { Kw = Kw.QuarterLetter };

        // Tense cues: auxiliaries and frequent irregular past forms; regular "-ed" forms are detected by suffix.
        foreach (var w in new[] { "will", "shall", "ll", "wo", "gonna", "tomorrow", "upcoming", "plans", "intends", "scheduled", "expects", "due", "would", "soon" })
        {
            d[w] = d.TryGetValue(w, out var e) ? WithCue(e, Cue.Future) : new LexEntry { Cue = Cue.Future };
        }

        foreach (var w in new[]
        {
            "was", "were", "had", "did", "said", "told", "met", "held", "led", "took", "made", "came", "went", "saw", "gave", "got", "left", "won",
            "lost", "fell", "rose", "began", "sent", "spoke", "been", "since", "wrote", "became", "found", "fled", "brought", "bought", "sold", "paid", "kept", "ran",
            "struck", "hit", "shot", "killed", "thought", "felt", "knew", "meant", "put", "set", "quit", "cut", "broke", "chose", "drove", "flew",
            "grew", "hung", "stood", "sought", "taught", "threw", "understood", "wore", "ago", "yesterday", "last", "earlier", "reported", "announced",
        })
        {
            d[w] = d.TryGetValue(w, out var e) ? WithCue(e, Cue.Past) : new LexEntry { Cue = Cue.Past };
        }

        foreach (var w in new[] { "is", "are", "says", "say", "am" })
        {
            d[w] = d.TryGetValue(w, out var e) ? WithCue(e, Cue.Present) : new LexEntry { Cue = Cue.Present };
        }

        foreach (var w in new[] { "mr", "mrs", "ms", "dr", "st", "gen", "gov", "sen", "rep", "u", "s", "no", "vs", "inc", "corp", "co", "ltd", "jr", "sr", "lt", "col", "sgt", "capt", "prof", "a", "p", "m" })
        {
            d[w] = d.TryGetValue(w, out var e) ? WithAbbreviation(e) : new LexEntry { Abbreviation = true };
        }

        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static LexEntry Merge(LexEntry e, Kw kw) => new()
    {
        Month = e.Month, Weekday = e.Weekday, WeekdayPlural = e.WeekdayPlural, Number = e.Number, Tens = e.Tens, Ordinal = e.Ordinal, Unit = e.Unit,
        UnitPlural = e.UnitPlural, Season = e.Season, DayPart = e.DayPart, Kw = kw, Cue = e.Cue, NeedsCapital = e.NeedsCapital, Abbreviation = e.Abbreviation,
    };

    private static LexEntry WithCue(LexEntry e, Cue cue) => new()
    {
        Month = e.Month, Weekday = e.Weekday, WeekdayPlural = e.WeekdayPlural, Number = e.Number, Tens = e.Tens, Ordinal = e.Ordinal, Unit = e.Unit,
        UnitPlural = e.UnitPlural, Season = e.Season, DayPart = e.DayPart, Kw = e.Kw, Cue = cue, NeedsCapital = e.NeedsCapital, Abbreviation = e.Abbreviation,
    };

    private static LexEntry WithAbbreviation(LexEntry e) => new()
    {
        Month = e.Month, Weekday = e.Weekday, WeekdayPlural = e.WeekdayPlural, Number = e.Number, Tens = e.Tens, Ordinal = e.Ordinal, Unit = e.Unit,
        UnitPlural = e.UnitPlural, Season = e.Season, DayPart = e.DayPart, Kw = e.Kw, Cue = e.Cue, NeedsCapital = e.NeedsCapital, Abbreviation = true,
    };
}
