using System.Text;
using System.Text.RegularExpressions;
using Timeline.Core.Text;

namespace Timeline.Site.Bench;

/// <summary>
/// Rewrites a sample line so that a synthetic corpus reads like a real archive, where (apart from wire copies) no two
/// articles share a sentence: each story gets its own people, places and organisations (every capitalised word mapped
/// to a name drawn from a large pool, frequent names recurring across stories as real ones do), every number changes,
/// and in every sentence about one word in ten, and at least one, is swapped for another word drawn from a
/// Zipf-distributed vocabulary (the sample's own words first, then made-up ones, like a real archive's long tail).
/// Words that carry time (months, weekdays, "last", "ago", number words...) and the sample's most frequent words
/// (function words, "said") are kept, so the tagger and the extractor find what they find in the sample.
/// </summary>
/// <remarks>Immutable after construction and thread-safe; every choice is a function of the seeds it is given.</remarks>
internal sealed partial class DistinctText
{
    /// <summary>Share of a sentence's replaceable words that are swapped (besides the one every sentence gets).</summary>
    private const double WordShare = 0.1;

    /// <summary>Words in the vocabulary a swapped word is drawn from: the sample's, then made-up ones up to this many.</summary>
    private const int VocabularySize = 200_000;

    /// <summary>Names in the pool a story's names are drawn from.</summary>
    private const int NamePoolSize = 50_000;

    /// <summary>The sample's most frequent words are kept: they are mostly function words and reporting verbs.</summary>
    private const int KeptFrequentWords = 150;

    private static readonly string[] Onsets = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "st", "tr", "ch"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ou"];
    private static readonly string[] Codas = ["", "n", "r", "s", "l", "t", "m", "nd"];
    private static readonly string[] NameEndings = ["", "ov", "ez", "son", "ski", "ani", "ura", "ein", "ado", "er"];

    /// <summary>Words the temporal tagger reads (or that name a date's parts): never swapped, in any case.</summary>
    private static readonly HashSet<string> TimeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "today", "tonight", "yesterday", "tomorrow", "now", "then", "ago", "last", "next", "this", "that", "past", "coming",
        "upcoming", "previous", "following", "recent", "recently", "currently", "current", "later", "earlier", "early", "late",
        "mid", "since", "until", "till", "before", "after", "during", "within", "from", "through", "throughout", "ahead", "once",
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "weekend", "weekends",
        "fortnight", "month", "months", "quarter", "quarters", "year", "years", "decade", "decades", "century", "centuries",
        "millennium", "morning", "mornings", "afternoon", "afternoons", "evening", "evenings", "night", "nights", "noon",
        "midnight", "dawn", "dusk", "spring", "summer", "autumn", "fall", "winter", "season", "annual", "annually", "daily",
        "weekly", "monthly", "yearly", "anniversary", "christmas", "easter", "thanksgiving", "halloween", "ramadan", "eid",
        "hanukkah", "diwali", "passover", "lent", "eve", "holiday", "holidays", "new", "old", "former", "future", "time",
        "times", "period", "date", "dated", "ended", "ending", "begin", "began", "beginning", "start", "started", "end",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty",
        "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "million", "billion", "first", "third",
        "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "half", "several", "few", "couple", "dozen",
        "fiscal", "calendar", "am", "pm", "gmt", "utc", "bc", "ad",
    };

    private readonly HashSet<string> _kept;
    private readonly HashSet<string> _furniture;
    private readonly string[] _sampleWords;
    private readonly double[] _wordWeights;
    private readonly double[] _nameWeights;

    /// <summary>
    /// Builds the vocabulary from the sample lines (their lowercase words, most frequent first). Lines equal to one of
    /// <paramref name="furniture"/> (what the cleaner removes from the sample: navigation, ads, share buttons) are never
    /// rewritten: a site's furniture is the same on every page, and a varied one would no longer be recognised.
    /// </summary>
    public DistinctText(IEnumerable<string> sampleLines, IEnumerable<string>? furniture = null)
    {
        _furniture = new HashSet<string>((furniture ?? []).Select(l => l.Trim()).Where(l => l.Length > 0), StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in sampleLines)
        {
            foreach (Match m in Token().Matches(line))
            {
                if (m.Groups["w"].Success && m.Value.All(char.IsLower))
                {
                    counts[m.Value] = counts.GetValueOrDefault(m.Value) + 1;
                }
            }
        }

        string[] byFrequency = [.. counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key)];
        _kept = new HashSet<string>(byFrequency.Take(KeptFrequentWords), StringComparer.Ordinal);
        _sampleWords = [.. byFrequency.Skip(KeptFrequentWords).Where(w => w.Length >= 4 && !TimeWords.Contains(w))];
        _wordWeights = ZipfCumulative(VocabularySize);
        _nameWeights = ZipfCumulative(NamePoolSize);
    }

    /// <summary>
    /// <paramref name="line"/> (dates already shifted) rewritten for one story: names from <paramref name="story"/>'s map,
    /// numbers and words drawn from <paramref name="variant"/> (the same variant of the same line gives the same text).
    /// </summary>
    public string Rewrite(string line, int story, ulong variant)
    {
        if (line.Length == 0 || _furniture.Contains(line.Trim()))
        {
            return line;
        }

        var random = new SplitMix(Mix(variant, StableHash(line)));
        var protectedSpans = new List<(int Start, int End)>();
        foreach (Regex dates in (ReadOnlySpan<Regex>)[SyntheticCorpus.DayDatePattern, SyntheticCorpus.MonthDatePattern])
        {
            foreach (Match m in dates.Matches(line))
            {
                protectedSpans.Add((m.Index, m.Index + m.Length));
            }
        }

        var output = new StringBuilder(line.Length + 16);
        int copied = 0;
        foreach ((int start, int end) in SentenceSplitter.Split(line, 0, line.Length))
        {
            MatchCollection tokens = Token().Matches(line[..end], start);
            // Which lowercase words may be swapped: at least one per sentence, so no two variants of a sentence are alike.
            var swappable = new List<int>();
            for (int i = 0; i < tokens.Count; i++)
            {
                Match t = tokens[i];
                if (t.Groups["w"].Success && t.Length >= 4 && char.IsLower(t.Value[0]) && !_kept.Contains(t.Value) && !TimeWords.Contains(t.Value) && !InSpan(protectedSpans, t.Index))
                {
                    swappable.Add(i);
                }
            }

            int forced = swappable.Count > 0 ? swappable[random.Next(swappable.Count)] : -1;
            for (int i = 0; i < tokens.Count; i++)
            {
                Match t = tokens[i];
                string? replacement = null;
                if (InSpan(protectedSpans, t.Index))
                {
                    continue;
                }

                if (t.Groups["n"].Success)
                {
                    replacement = Number(line, t, ref random);
                }
                else if (char.IsUpper(t.Value[0]))
                {
                    replacement = i > 0 && IsName(line, t) ? StoryName(t.Value, story) : null;
                }
                else if (i == forced || (swappable.Contains(i) && random.NextDouble() < WordShare))
                {
                    replacement = Word(ref random);
                }

                if (replacement is not null)
                {
                    output.Append(line, copied, t.Index - copied).Append(replacement);
                    copied = t.Index + t.Length;
                }
            }
        }

        return output.Append(line, copied, line.Length - copied).ToString();
    }

    /// <summary>A 64-bit FNV-1a hash of <paramref name="text"/>: the same in every process (string hashes are not).</summary>
    public static ulong StableHash(string text)
    {
        ulong hash = 14695981039346656037;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 1099511628211;
        }

        return hash;
    }

    /// <summary>Two hashes combined into one (order matters).</summary>
    public static ulong Mix(ulong a, ulong b)
    {
        ulong x = a ^ (b + 0x9E3779B97F4A7C15 + (a << 6) + (a >> 2));
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCD;
        return x ^ (x >> 33);
    }

    /// <summary>A capitalised word that names something: not an acronym (datelines, "AP"), a time word or an abbreviation ("Mr.").</summary>
    private static bool IsName(string line, Match t)
    {
        string word = t.Value;
        if (word.Length < 3 || TimeWords.Contains(word) || word.AsSpan(1).ContainsAnyInRange('A', 'Z'))
        {
            return false;
        }

        int after = t.Index + t.Length;
        return !(word.Length <= 4 && after < line.Length && line[after] == '.');
    }

    /// <summary>The story's name for <paramref name="word"/>: one per story and word, drawn from the name pool.</summary>
    private string StoryName(string word, int story)
    {
        var random = new SplitMix(Mix((ulong)story, StableHash(word)));
        int rank = Draw(_nameWeights, ref random);
        return Made(rank + 7, capital: true) + NameEndings[rank % NameEndings.Length];
    }

    /// <summary>
    /// Another number of as many digits, except a year, a time ("10:30"), an ordinal ("82nd") and a day beside a month
    /// or weekday, which the tagger reads as dates.
    /// </summary>
    private static string? Number(string line, Match t, ref SplitMix random)
    {
        int before = t.Index - 1;
        int after = t.Index + t.Length;
        if ((t.Length == 4 && t.Value[0] is '1' or '2') ||
            (before >= 0 && (line[before] == ':' || char.IsLetter(line[before]))) ||
            (after < line.Length && (line[after] == ':' || char.IsLetter(line[after]))) ||
            NextToMonth(line, t))
        {
            return null;
        }

        var digits = new char[t.Length];
        for (int i = 0; i < digits.Length; i++)
        {
            digits[i] = (char)('0' + (i == 0 ? random.Next(1, 10) : random.Next(10)));
        }

        return new string(digits);
    }

    /// <summary>Whether the word just before or just after the number (across spaces and punctuation) is a time word.</summary>
    private static bool NextToMonth(string line, Match t)
    {
        int end = t.Index - 1;
        while (end >= 0 && !char.IsLetterOrDigit(line[end]))
        {
            end--;
        }

        int start = end;
        while (start >= 0 && char.IsLetter(line[start]))
        {
            start--;
        }

        if (end > start && TimeWords.Contains(line[(start + 1)..(end + 1)]))
        {
            return true;
        }

        start = t.Index + t.Length;
        while (start < line.Length && !char.IsLetterOrDigit(line[start]))
        {
            start++;
        }

        end = start;
        while (end < line.Length && char.IsLetter(line[end]))
        {
            end++;
        }

        return end > start && TimeWords.Contains(line[start..end]);
    }

    private string Word(ref SplitMix random)
    {
        int rank = Draw(_wordWeights, ref random);
        return rank < _sampleWords.Length ? _sampleWords[rank] : Made(rank, capital: false);
    }

    /// <summary>A made-up word for <paramref name="rank"/>: two to four syllables, different for every rank.</summary>
    private static string Made(int rank, bool capital)
    {
        var word = new StringBuilder();
        int k = rank;
        int syllables = 0;
        do
        {
            word.Append(Onsets[k % Onsets.Length]).Append(Vowels[k / Onsets.Length % Vowels.Length]);
            k /= Onsets.Length * Vowels.Length;
            syllables++;
        }
        while (k > 0 || syllables < 2);
        word.Append(Codas[rank % Codas.Length]);
        if (capital)
        {
            word[0] = char.ToUpperInvariant(word[0]);
        }

        return word.ToString();
    }

    private static bool InSpan(List<(int Start, int End)> spans, int index) => spans.Exists(s => index >= s.Start && index < s.End);

    private static double[] ZipfCumulative(int size)
    {
        var cumulative = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++)
        {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }

        return cumulative;
    }

    private static int Draw(double[] cumulative, ref SplitMix random)
    {
        int index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    /// <summary>A small seeded generator (SplitMix64): cheaper to start than <see cref="Random"/>, which a rewrite starts per line and per name.</summary>
    private struct SplitMix(ulong seed)
    {
        private ulong _state = seed;

        /// <summary>A number in [0, 1).</summary>
        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>).</summary>
        public int Next(int min, int max) => min + (int)(NextUInt64() % (ulong)(max - min));

        /// <summary>A number in [0, <paramref name="max"/>).</summary>
        public int Next(int max) => Next(0, max);

        private ulong NextUInt64()
        {
            ulong z = _state += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }

    [GeneratedRegex(@"(?<w>\p{L}+)|(?<n>\d+)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Timeline.Core.RegexDefaults.TimeoutMs)]
    private static partial Regex Token();
}
