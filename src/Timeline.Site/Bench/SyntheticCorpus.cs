using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using Timeline.Core.Text;
using Timeline.Site.Loading;

namespace Timeline.Site.Bench;

/// <summary>
/// Writes a large synthetic input folder from a small sample one, for benchmarks: many distinct stories of 5–15
/// articles each. An article is a sample article with its publication date and every explicit date in its text
/// shifted by the story's offset (a whole number of weeks, so "on Wednesday" still names the right day), its
/// people renamed, its outlet varied and some of its paragraphs dropped. Deterministic for a given seed.
/// </summary>
/// <remarks>
/// Two kinds of corpus. The default (<c>distinct: false</c>) repeats the sample's sentences: an article differs from
/// the others made from the same sample article only in dates, three names and dropped paragraphs, so about one
/// sentence in twelve of a 10,000-article corpus is unique and a build that keeps one copy of each repeated string
/// (SharedValues) holds far less than it would for a real archive. With <c>distinct: true</c> every line is also
/// rewritten by <see cref="DistinctText"/> (each story its own names, every number and about a tenth of the words
/// varied per article), except in wire copies (one article in five), which repeat the story's text word for word as
/// agency copy does: nearly every sentence is unique, as in real news.
/// </remarks>
public static partial class SyntheticCorpus
{
    private static readonly string[] Surnames =
    [
        "Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Kowalski", "Ferreira", "Nakamura", "Osei", "Novak",
        "Castillo", "Eriksen", "Abadi", "Petrov", "Duarte", "Kimura", "Mensah", "Varga", "Rahimi", "Solberg",
    ];

    private static readonly string[] Outlets =
    [
        "Harbor Times", "The Daily Ledger", "Northern Wire", "Evening Courier", "Metro Dispatch", "Continental Post",
        "The Observer Review", "Riverside Gazette",
    ];

    /// <summary>A sample article: its front-matter values and its body lines.</summary>
    private sealed record Sample(string Title, string Source, string Published, string TimeZone, string[] Lines);

    /// <summary>
    /// Writes <paramref name="articles"/> articles (and a copy of site.yml) into <paramref name="targetInputDir"/>,
    /// made from the articles of <paramref name="sampleInputDir"/>. Returns the total size of the articles in bytes.
    /// </summary>
    public static long Generate(string sampleInputDir, string targetInputDir, int articles, int seed = 1, bool distinct = false)
    {
        IReadOnlyList<Sample> samples = ReadSamples(sampleInputDir);
        DistinctText? rewriter = distinct ? Rewriter(sampleInputDir, samples) : null;
        string articlesDir = Path.Combine(targetInputDir, "articles");
        Directory.CreateDirectory(articlesDir);
        File.Copy(Path.Combine(sampleInputDir, "site.yml"), Path.Combine(targetInputDir, "site.yml"), overwrite: true);
        var random = new Random(seed);
        long bytes = 0;
        int written = 0;
        for (int story = 0; written < articles; story++)
        {
            int size = Math.Min(random.Next(5, 16), articles - written);
            for (int i = 0; i < size; i++, written++)
            {
                bytes += WriteArticle(articlesDir, samples, random, story, i, rewriter, seed);
            }
        }

        return bytes;
    }

    /// <summary>Writes one more article, of a story of its own, named so that it sorts after the others. Returns its path.</summary>
    public static string AddArticle(string sampleInputDir, string targetInputDir, int story, int seed = 2, bool distinct = false)
    {
        IReadOnlyList<Sample> samples = ReadSamples(sampleInputDir);
        string articlesDir = Path.Combine(targetInputDir, "articles");
        WriteArticle(articlesDir, samples, new Random(seed), story, 0, distinct ? Rewriter(sampleInputDir, samples) : null, seed);
        return Path.Combine(articlesDir, FileName(story, 0));
    }

    private static long WriteArticle(string dir, IReadOnlyList<Sample> samples, Random random, int story, int index, DistinctText? rewriter, int seed)
    {
        // The story's shift and names are fixed by its number; the article's variations come from the shared random.
        var storyRandom = new Random(story * 7919 + 17);
        int weeks = storyRandom.Next(-520, 60);
        string[] names = [.. Enumerable.Range(0, 3).Select(_ => Surnames[storyRandom.Next(Surnames.Length)])];
        int sampleIndex = random.Next(samples.Count);
        Sample sample = samples[sampleIndex];
        Period shift = Period.FromWeeks(weeks);
        Func<string, string> vary = line => Vary(line, shift, names);
        if (rewriter is not null)
        {
            // A wire copy's lines are the story's own variant of its sample article; any other article's are its own.
            ulong storyVariant = DistinctText.Mix((ulong)seed, DistinctText.Mix((ulong)story, (ulong)sampleIndex));
            ulong variant = random.Next(5) == 0 ? storyVariant : DistinctText.Mix(storyVariant, (ulong)index + 1);
            vary = line => rewriter.Rewrite(Vary(line, shift, names), story, variant);
        }

        var body = new StringBuilder();
        for (int line = 0; line < sample.Lines.Length; line++)
        {
            // Keep the opening lines (dateline, lede); drop a quarter of the rest.
            if (line > 3 && random.Next(4) == 0)
            {
                continue;
            }

            body.Append(vary(sample.Lines[line])).Append('\n');
        }

        string published = ShiftPublished(sample.Published, shift);
        string text =
            "---\n" +
            $"title: \"{vary(sample.Title).Replace("\"", "'", StringComparison.Ordinal)} (story {story})\"\n" +
            $"source: {Outlets[random.Next(Outlets.Length)]} / {sample.Source}\n" +
            $"published: {published}\n" +
            $"time_zone: {sample.TimeZone}\n" +
            "---\n" +
            body;
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        File.WriteAllBytes(Path.Combine(dir, FileName(story, index)), bytes);
        return bytes.Length;
    }

    /// <summary>How many sentences the corpus under <paramref name="inputDir"/> has and how many of them are distinct.</summary>
    /// <remarks>
    /// Counts the sentences of the cleaned stories (what the tagger and the extractor read, captions deduplicated within
    /// an article as the cleaner does), compared by a 64-bit hash of their text.
    /// </remarks>
    public static (long Sentences, long Distinct) CountSentences(string inputDir)
    {
        (SiteConfig config, _) = SiteConfigLoader.Load(inputDir);
        (IReadOnlyList<ulong[]> perArticle, _) = ArticleLoader.LoadDirectory(inputDir, config, article =>
        {
            var hashes = new List<ulong>();
            foreach (Story story in ArticleCleaner.Clean(article).Stories)
            {
                string text = story.Text;
                foreach (Sentence sentence in story.Sentences)
                {
                    hashes.Add(DistinctText.StableHash(text[sentence.Start..sentence.End]));
                }
            }

            return hashes.ToArray();
        });
        var distinct = new HashSet<ulong>();
        long sentences = 0;
        foreach (ulong[] hashes in perArticle)
        {
            sentences += hashes.Length;
            distinct.UnionWith(hashes);
        }

        return (sentences, distinct.Count);
    }

    /// <summary>
    /// The rewriter for a distinct corpus: its vocabulary made from the sample articles, and the lines the cleaner
    /// removes from them (site furniture) left as they are.
    /// </summary>
    private static DistinctText Rewriter(string sampleInputDir, IReadOnlyList<Sample> samples)
    {
        (SiteConfig config, _) = SiteConfigLoader.Load(sampleInputDir);
        (IReadOnlyList<string[]> removed, _) = ArticleLoader.LoadDirectory(sampleInputDir, config, article =>
        {
            CleanedArticle cleaned = ArticleCleaner.Clean(article);
            return cleaned.Removed.SelectMany(r => article.Body[r.Start..r.End].Split('\n')).ToArray();
        });
        return new(samples.SelectMany(s => s.Lines.Prepend(s.Title)), removed.SelectMany(r => r));
    }

    private static string FileName(int story, int index) => $"s{story:D6}-{index:D2}.txt";

    private static string Vary(string line, Period shift, string[] names)
    {
        string text = line
            .Replace("Putin", names[0], StringComparison.Ordinal)
            .Replace("al-Sharaa", "al-" + names[1], StringComparison.Ordinal)
            .Replace("Lavrov", names[2], StringComparison.Ordinal);
        text = DayDate().Replace(text, m => ShiftDayDate(m, shift));
        return MonthDate().Replace(text, m => ShiftMonthDate(m, shift));
    }

    private static string ShiftDayDate(Match m, Period shift)
    {
        if (!TryMonth(m.Groups["m"].Value, out int month))
        {
            return m.Value;
        }

        int year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        int day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return m.Value;
        }

        LocalDate date = new LocalDate(year, month, day).Plus(shift);
        string monthName = m.Groups["m"].Value.Length <= 4
            ? CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(date.Month) + (m.Groups["m"].Value.EndsWith('.') ? "." : "")
            : CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(date.Month);
        return $"{monthName} {date.Day}, {date.Year}";
    }

    private static string ShiftMonthDate(Match m, Period shift)
    {
        if (!TryMonth(m.Groups["m"].Value, out int month))
        {
            return m.Value;
        }

        LocalDate middle = new LocalDate(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), month, 15).Plus(shift);
        string day = m.Groups["d"].Success ? m.Groups["d"].Value + " " : "";
        return $"{day}{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(middle.Month)} {middle.Year}";
    }

    private static bool TryMonth(string name, out int month)
    {
        string key = name.TrimEnd('.');
        month = Array.FindIndex(CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames, a => a.Length > 0 && key.StartsWith(a, StringComparison.Ordinal)) + 1;
        return month > 0;
    }

    private static string ShiftPublished(string published, Period shift)
    {
        if (LocalDatePattern.Iso.Parse(published) is { Success: true } date)
        {
            return LocalDatePattern.Iso.Format(date.Value.Plus(shift));
        }

        if (OffsetDateTimePattern.ExtendedIso.Parse(published) is { Success: true } time)
        {
            OffsetDateTime value = time.Value;
            return OffsetDateTimePattern.ExtendedIso.Format(new OffsetDateTime(value.LocalDateTime.Plus(shift), value.Offset));
        }

        return published;
    }

    private static IReadOnlyList<Sample> ReadSamples(string inputDir)
    {
        var samples = new List<Sample>();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(inputDir, "articles")).Order(StringComparer.Ordinal))
        {
            string text = File.ReadAllText(file).ReplaceLineEndings("\n");
            int end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
            if (!text.StartsWith("---\n", StringComparison.Ordinal) || end < 0)
            {
                continue;
            }

            var front = text[4..end].Split('\n')
                .Select(l => l.Split(':', 2))
                .Where(p => p.Length == 2)
                .ToDictionary(p => p[0].Trim(), p => p[1].Trim().Trim('"'), StringComparer.Ordinal);
            string Get(string key) => front.GetValueOrDefault(key, "");
            samples.Add(new Sample(Get("title"), Get("source"), Get("published"), Get("time_zone") is { Length: > 0 } z ? z : "UTC", text[(end + 5)..].Split('\n')));
        }

        return samples.Count > 0 ? samples : throw new InvalidOperationException($"No sample articles in {Path.Combine(inputDir, "articles")}.");
    }

    [GeneratedRegex(@"\b(?<m>(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?<d>\d{1,2}), (?<y>\d{4})\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Timeline.Core.RegexDefaults.TimeoutMs)]
    private static partial Regex DayDate();

    /// <summary>A date with a day ("Jan. 27, 2026"), as the corpus shifts it.</summary>
    internal static Regex DayDatePattern => DayDate();

    /// <summary>A month and year, perhaps with a day before it ("27 January 2026").</summary>
    internal static Regex MonthDatePattern => MonthDate();

    [GeneratedRegex(@"\b((?<d>\d{1,2}) )?(?<m>January|February|March|April|May|June|July|August|September|October|November|December) (?<y>\d{4})\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Timeline.Core.RegexDefaults.TimeoutMs)]
    private static partial Regex MonthDate();
}
