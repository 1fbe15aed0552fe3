using NodaTime;
using Timeline.Core.Diagnostics;

namespace Timeline.Core.Text;

/// <summary>
/// Cleans an article body into stories: removes page furniture (CSS, scripts, template expressions, navigation,
/// advertisements, paywall and newsletter prompts, related-story boxes, credits), keeps photo captions once as
/// <see cref="SentenceKind.Caption"/>, splits the file where a dateline opens a second story, and splits sentences.
/// Every kept character maps back to the body through <see cref="Story.Map"/>; the story text equals the body text
/// there, except that Unicode spaces (no-break, thin) are plain spaces.
/// </summary>
/// <remarks>
/// Works line by line: a news page saved as text keeps one block per line. Stateless and thread-safe.
/// </remarks>
public static class ArticleCleaner
{
    /// <summary>How far (in days, ignoring the year) an update stamp may be from the publication date and still be read as a year typo.</summary>
    private const int YearTypoWindowDays = 7;

    /// <summary>Lines longer than this are judged as code or running text only.</summary>
    private const int LongLine = 4000;

    /// <summary>The Unicode spaces a story's text has as plain spaces: no-break, figure, thin, narrow no-break, en and em spaces.</summary>
    private const string UnicodeSpaces = "\u00A0\u2007\u2009\u202F\u2002\u2003";

    /// <summary>Cleans <paramref name="article"/>; never throws on odd input.</summary>
    public static CleanedArticle Clean(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var run = new Run(article);
        run.Process();
        return run.Finish();
    }

    private sealed class Paragraph(SentenceKind kind)
    {
        public SentenceKind Kind { get; } = kind;

        public List<(int Start, int End)> Segments { get; } = [];
    }

    private sealed class StoryDraft
    {
        public string? Dateline { get; set; }

        public List<Paragraph> Paragraphs { get; } = [];

        public bool HasBody { get; private set; }

        public void Add(Paragraph paragraph)
        {
            Paragraphs.Add(paragraph);
            HasBody |= paragraph.Kind == SentenceKind.Body;
        }
    }

    private sealed class Run(Article article)
    {
        private readonly string _body = article.Body;
        private readonly List<StoryDraft> _stories = [new StoryDraft()];
        private readonly List<RemovedBlock> _removed = [];
        private readonly List<Diagnostic> _diagnostics = [];
        private readonly HashSet<string> _captions = new(StringComparer.Ordinal);
        private readonly LineRules.Title _title = LineRules.Title.Of(article.Title);
        private bool _headlineSeen;
        private EndZone _endZone;

        /// <summary>Where the headline of a second story starts, found by looking past a separator line (see <see cref="NextStoryHeadlineAfter"/>).</summary>
        private int _nextStoryHeadline = -1;

        private StoryDraft Current => _stories[^1];

        public void Process()
        {
            int lineStart = 0;
            while (lineStart <= _body.Length)
            {
                int newline = _body.IndexOf('\n', lineStart);
                int lineEnd = newline < 0 ? _body.Length : newline;
                ProcessLine(lineStart, lineEnd);
                if (newline < 0)
                {
                    break;
                }

                lineStart = newline + 1;
            }
        }

        private void ProcessLine(int start, int end)
        {
            try
            {
                ClassifyLineRetrying(start, end);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                (start, end) = Trim(start, end);
                Remove(start, end, "unreadable line (pattern timeout)");
                (int line, int column) = article.Locate(start);
                _diagnostics.Add(Diagnostic.Warning(article.Path, line, column, "a line too long or odd to classify was left out"));
            }
        }

        /// <summary>
        /// Classifies a line, trying once more after a pattern timeout: a timeout counts wall-clock time, so on a busy
        /// machine the first use of a pattern (compiled then) can time out on an ordinary line, which would make the
        /// output depend on the load. A line that times out twice is really too long or odd.
        /// </summary>
        private void ClassifyLineRetrying(int start, int end)
        {
            int removed = _removed.Count;
            int stories = _stories.Count;
            int paragraphs = Current.Paragraphs.Count;
            bool headlineSeen = _headlineSeen;
            EndZone endZone = _endZone;
            int nextStoryHeadline = _nextStoryHeadline;
            string? dateline = Current.Dateline;
            int captions = _captions.Count;
            int diagnostics = _diagnostics.Count;
            try
            {
                ClassifyLine(start, end);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException) when (captions == _captions.Count)
            {
                // Undo what the first attempt did before it timed out, then try again.
                _removed.RemoveRange(removed, _removed.Count - removed);
                _stories.RemoveRange(stories, _stories.Count - stories);
                Current.Paragraphs.RemoveRange(paragraphs, Current.Paragraphs.Count - paragraphs);
                Current.Dateline = dateline;
                _headlineSeen = headlineSeen;
                _endZone = endZone;
                _nextStoryHeadline = nextStoryHeadline;
                _diagnostics.RemoveRange(diagnostics, _diagnostics.Count - diagnostics);
                ClassifyLine(start, end);
            }
        }

        private void ClassifyLine(int start, int end)
        {
            (start, end) = Trim(start, end);
            if (start >= end)
            {
                return;
            }

            // Template expressions are cut out of the line; what remains is judged on its own.
            List<(int Start, int End)> segments;
            string line;
            if (_body.AsSpan(start, end - start).IndexOfAny('{', '$') < 0)
            {
                // No template expression can start here: the (trimmed) line is its only segment.
                segments = [(start, end)];
                line = _body[start..end];
            }
            else
            {
                segments = CutTemplates(start, end);
                if (segments.Count == 0)
                {
                    return;
                }

                start = segments[0].Start;
                end = segments[^1].End;
                line = string.Join(" ", segments.Select(seg => _body[seg.Start..seg.End]));
            }

            if (LineRules.IsSeparator(line))
            {
                Remove(start, end, "separator");
                if (Current.HasBody)
                {
                    _nextStoryHeadline = NextStoryHeadlineAfter(end);
                }

                return;
            }

            if (start == _nextStoryHeadline)
            {
                // A second story without a dateline: it starts at its own headline, and the first story's end zone ends.
                _nextStoryHeadline = -1;
                _stories.Add(new StoryDraft());
                _endZone = EndZone.None;
                Remove(start, end, "headline of the next story");
                return;
            }

            // Code is judged on a sample so that a megabyte-long line costs no more than a short one.
            string sample = line.Length > LongLine ? line[..LongLine] : line;
            if (LineRules.IsCss(sample))
            {
                Remove(start, end, "CSS");
                return;
            }

            if (LineRules.IsJavaScript(sample))
            {
                Remove(start, end, "JavaScript");
                return;
            }

            if (line.Length > LongLine && LineRules.Dateline(sample) is null)
            {
                // Captions, credits, labels and furniture are short: a very long line is running text.
                AddParagraph(SentenceKind.Body, segments);
                return;
            }

            if (segments.Count == 1 && LineRules.Dateline(line) is { } dateline)
            {
                if (Current.HasBody)
                {
                    _stories.Add(new StoryDraft());
                }

                _endZone = EndZone.None;
                Current.Dateline ??= dateline.Text;
                Remove(start, start + dateline.Length, "dateline (kept as the story's dateline)");
                (int s, int e) = Trim(start + dateline.Length, end);
                AddParagraph(SentenceKind.Body, [(s, e)]);
                return;
            }

            if (segments.Count == 1 && LongerStamp(LineRules.Stamp(line), LineRules.GluedStamp(line)) is { } stamp)
            {
                if (CheckStamp(start, stamp))
                {
                    // A note stamped with a contradictory date cannot be anchored: keep it out of the story.
                    Remove(start, end, "update note with a stamp that contradicts the publication date");
                    return;
                }

                Remove(start, start + stamp.Length, "publication or update stamp");
                (start, end) = Trim(start + stamp.Length, end);
                if (start >= end)
                {
                    return;
                }

                segments = [(start, end)];
                line = _body[start..end];
            }

            if (LineRules.IsStampOnly(line))
            {
                Remove(start, end, "publication or update stamps");
                return;
            }

            bool headline = LineRules.IsHeadline(line, _title);
            if (headline && !_headlineSeen && !Current.HasBody && _stories.Count == 1)
            {
                _headlineSeen = true;
                AddParagraph(SentenceKind.Headline, segments);
                return;
            }

            if (headline)
            {
                Remove(start, end, "repeated headline");
                return;
            }

            int words = LineRules.WordCount(line);
            if (LineRules.CaptionSignal(line, words) is not null)
            {
                if (_endZone == EndZone.AfterSectionBox)
                {
                    // Past a box of the section's other stories ("Also on the coast"): the photo of another story.
                    Remove(start, end, "caption after the end of the story (another story's photo)");
                    return;
                }

                if (_captions.Add(LineRules.Normalize(line)))
                {
                    if (segments.Count == 1 && LineRules.CaptionCreditStart(line) is > 0 and var creditAt
                        && Trim(start, start + creditAt) is var (s, e) && s < e)
                    {
                        Remove(e, end, "photo credit of a caption");
                        segments = [(s, e)];
                    }

                    AddParagraph(SentenceKind.Caption, segments);
                }
                else
                {
                    Remove(start, end, "duplicate caption");
                }

                return;
            }

            if (LineRules.CreditSignal(line, words) is { } credit)
            {
                Remove(start, end, credit);
                if (credit == "contributor credit")
                {
                    _endZone = Later(_endZone, EndZone.Open);
                }

                return;
            }

            if (LineRules.FurnitureSignal(line, words) is { } furniture)
            {
                Remove(start, end, furniture.Reason);
                if (furniture.EndsStory)
                {
                    _endZone = Later(_endZone, LineRules.IsSectionBox(line) ? EndZone.AfterSectionBox : EndZone.Open);
                }
                return;
            }

            if (LineRules.IsShortNonSentence(line, words))
            {
                Remove(start, end, "short line without sentence punctuation (label, menu, teaser or heading)");
                return;
            }

            if (_endZone != EndZone.None)
            {
                Remove(start, end, "after the end of the story (page furniture)");
                return;
            }

            AddParagraph(SentenceKind.Body, segments);
        }

        /// <summary>Where a line stands against the end of the current story; a later state never goes back until the next story starts.</summary>
        private enum EndZone
        {
            /// <summary>In the story.</summary>
            None,

            /// <summary>Past its end (a contributor credit, a "Related" box): the rest is page furniture.</summary>
            Open,

            /// <summary>Past a box of the section's other stories ("Also in Business", "Also on the coast"): captions are other stories' photos too.</summary>
            AfterSectionBox,
        }

        private static EndZone Later(EndZone a, EndZone b) => a > b ? a : b;

        /// <summary>
        /// The segments without the page stamps and comment headers run into their text (<see cref="LineRules.GluedStamps"/>),
        /// each removed as furniture: the sentence after a stamp stays, without the stamp's date.
        /// </summary>
        private List<(int Start, int End)> CutGluedStamps(List<(int Start, int End)> segments)
        {
            List<(int Start, int End)>? result = null;
            for (int i = 0; i < segments.Count; i++)
            {
                (int s, int e) = segments[i];
                if (LineRules.GluedStamps(_body, s, e) is not { } stamps)
                {
                    result?.Add((s, e));
                    continue;
                }

                result ??= segments.GetRange(0, i);
                int cursor = s;
                foreach ((int stampStart, int stampEnd) in stamps)
                {
                    result.Add(Trim(cursor, stampStart));
                    Remove(stampStart, stampEnd, "publication or update stamp");
                    cursor = stampEnd;
                }

                result.Add(Trim(cursor, e));
            }

            return result is null ? segments : result.Where(seg => seg.Start < seg.End).ToList();
        }

        /// <summary>The longer of two stamp matches opening a line (either may be null).</summary>
        private static System.Text.RegularExpressions.Match? LongerStamp(System.Text.RegularExpressions.Match? a, System.Text.RegularExpressions.Match? b) =>
            a is null ? b : b is null || a.Length >= b.Length ? a : b;

        /// <summary>The trimmed, non-empty pieces of the line [<paramref name="start"/>, <paramref name="end"/>) around its template expressions, which are removed.</summary>
        private List<(int Start, int End)> CutTemplates(int start, int end)
        {
            var segments = new List<(int Start, int End)>();
            int cursor = start;
            foreach ((int s, int e) in LineRules.TemplateSpans(_body[start..end]))
            {
                if (start + s > cursor)
                {
                    segments.Add((cursor, start + s));
                }

                Remove(start + s, start + e, "template expression");
                cursor = start + e;
            }

            if (cursor < end)
            {
                segments.Add((cursor, end));
            }

            return segments.Select(seg => Trim(seg.Start, seg.End)).Where(seg => seg.Start < seg.End).ToList();
        }

        /// <summary>Warns (and returns true) when an update or publication stamp names a date that contradicts the publication date.</summary>
        private bool CheckStamp(int lineStart, System.Text.RegularExpressions.Match stamp)
        {
            bool contradicts = false;
            var group = stamp.Groups["stamp"];
            foreach (TextDate date in TextDates.FindAll(_body, lineStart + group.Index, lineStart + group.Index + group.Length))
            {
                LocalDate published = article.Published.Date;
                if (date.Date.Year == published.Year)
                {
                    continue;
                }

                int days = DaysApartIgnoringYear(date.Date, published);
                if (days <= YearTypoWindowDays)
                {
                    (int line, int column) = article.Locate(date.Start);
                    _diagnostics.Add(Diagnostic.Warning(
                        article.Path,
                        line,
                        column,
                        $"the stamp \"{_body[date.Start..date.End]}\" says {date.Date:uuuu-MM-dd}: " +
                        (days == 0 ? "the publication day" : $"{days} day(s) from the publication date") +
                        $" ({published:uuuu-MM-dd}) but in {date.Date.Year}, probably a wrong year; the note is left out"));
                    contradicts = true;
                }
            }

            return contradicts;
        }

        private static int DaysApartIgnoringYear(LocalDate date, LocalDate published)
        {
            int best = int.MaxValue;
            foreach (int year in new[] { published.Year - 1, published.Year, published.Year + 1 })
            {
                int day = Math.Min(date.Day, CalendarSystem.Iso.GetDaysInMonth(year, date.Month));
                var moved = new LocalDate(year, date.Month, day);
                best = Math.Min(best, Math.Abs(Period.Between(moved, published, PeriodUnits.Days).Days));
            }

            return best;
        }

        private void AddParagraph(SentenceKind kind, List<(int Start, int End)> segments)
        {
            if (kind == SentenceKind.Body)
            {
                segments = CutGluedStamps(segments);
            }

            var paragraph = new Paragraph(kind);
            foreach ((int Start, int End) segment in segments)
            {
                if (segment.Start < segment.End)
                {
                    paragraph.Segments.Add(segment);
                }
            }

            if (paragraph.Segments.Count > 0)
            {
                Current.Add(paragraph);
            }
        }

        private void Remove(int start, int end, string reason)
        {
            if (end > start)
            {
                _removed.Add(new RemovedBlock(start, end, reason));
            }
        }

        /// <summary>
        /// The start of a second story's headline after a separator ("---", "* * *") that ends position <paramref name="from"/>,
        /// or -1: the next line must read like a headline (no sentence ending, 3 to 25 words) and the one after it open the
        /// story with a byline ("By Ben Xiriha, State political reporter") or a dateline. A section break inside one story,
        /// followed by a subheading and running text, is not a new story.
        /// </summary>
        private int NextStoryHeadlineAfter(int from)
        {
            (int Start, int End)? headline = NextLine(ref from);
            (int Start, int End)? opening = NextLine(ref from);
            if (headline is not var (hs, he) || opening is not var (os, oe))
            {
                return -1;
            }

            string head = _body[hs..he];
            int words = LineRules.WordCount(head);
            if (words is < 3 or > 25 || LineRules.EndsLikeSentence(head) || LineRules.IsSeparator(head))
            {
                return -1;
            }

            string open = _body[os..oe];
            // "By Ben Xiriha, State political reporter": a name and a role, short, not a sentence.
            bool byline = open.Length > 3 && open.StartsWith("By ", StringComparison.Ordinal) && char.IsUpper(open[3])
                && LineRules.WordCount(open) <= 12 && !LineRules.EndsLikeSentence(open);
            return byline || LineRules.Dateline(open) is not null ? hs : -1;
        }

        /// <summary>The next non-blank line at or after <paramref name="from"/>, trimmed; <paramref name="from"/> moves past it.</summary>
        private (int Start, int End)? NextLine(ref int from)
        {
            while (from < _body.Length)
            {
                int newline = _body.IndexOf('\n', from);
                int lineEnd = newline < 0 ? _body.Length : newline;
                (int s, int e) = Trim(from, lineEnd);
                from = newline < 0 ? _body.Length : newline + 1;
                if (s < e)
                {
                    return (s, e);
                }
            }

            return null;
        }

        private (int Start, int End) Trim(int start, int end)
        {
            while (start < end && char.IsWhiteSpace(_body[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(_body[end - 1]))
            {
                end--;
            }

            return (start, end);
        }

        public CleanedArticle Finish()
        {
            var stories = new List<Story>();
            foreach (StoryDraft draft in _stories)
            {
                if (!draft.HasBody)
                {
                    // Captions or a headline with no story text: keep them with the neighbouring story.
                    if (draft.Paragraphs.Count > 0 && stories.Count == 0 && _stories.Count > 1)
                    {
                        _stories[1].Paragraphs.InsertRange(0, draft.Paragraphs);
                    }

                    continue;
                }

                stories.Add(Build(draft, stories.Count));
            }

            if (stories.Count == 0)
            {
                _diagnostics.Add(Diagnostic.Warning(article.Path, article.BodyLine, 1, "no story text left after cleaning; the article contributes no events"));
            }

            return new CleanedArticle(article, stories)
            {
                Removed = InOrder(_removed) ? _removed : _removed.OrderBy(r => r.Start).ThenBy(r => r.End).ToList(),
                Diagnostics = _diagnostics,
            };
        }

        /// <summary>Whether the removed blocks are already by start, then end (as they mostly come, line by line): a stable sort would keep them as they are.</summary>
        private static bool InOrder(List<RemovedBlock> removed)
        {
            for (int i = 1; i < removed.Count; i++)
            {
                if ((removed[i - 1].Start, removed[i - 1].End).CompareTo((removed[i].Start, removed[i].End)) > 0)
                {
                    return false;
                }
            }

            return true;
        }

        private Story Build(StoryDraft draft, int index)
        {
            // The story's length is known before it is written (segments, one separator between segments and paragraphs): one buffer holds it.
            int length = -1;
            foreach (Paragraph paragraph in draft.Paragraphs)
            {
                foreach ((int s, int e) in paragraph.Segments)
                {
                    length += e - s + 1;
                }
            }

            var text = new System.Text.StringBuilder(Math.Max(16, length));
            var runs = new List<(int CleanStart, int SourceStart)>();
            var paragraphs = new List<(int Start, int End, SentenceKind Kind)>();
            foreach (Paragraph paragraph in draft.Paragraphs)
            {
                if (text.Length > 0)
                {
                    text.Append('\n');
                }

                int paragraphStart = text.Length;
                for (int i = 0; i < paragraph.Segments.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(' ');
                    }

                    (int s, int e) = paragraph.Segments[i];
                    runs.Add((text.Length, s));
                    text.Append(_body, s, e - s);
                }

                paragraphs.Add((paragraphStart, text.Length, paragraph.Kind));
            }

            // Unicode spaces (no-break, thin, narrow) become plain spaces: same length, so offsets still map 1:1.
            string clean = text.ToString();
            if (clean.AsSpan().ContainsAny(UnicodeSpaces))
            {
                clean = string.Create(clean.Length, clean, static (chars, source) =>
                {
                    source.AsSpan().CopyTo(chars);
                    foreach (char space in UnicodeSpaces)
                    {
                        chars.Replace(space, ' ');
                    }
                });
            }

            var sentences = new List<Sentence>();
            foreach ((int start, int end, SentenceKind kind) in paragraphs)
            {
                if (kind == SentenceKind.Headline)
                {
                    sentences.Add(new Sentence(start, end, kind));
                    continue;
                }

                foreach ((int s, int e) in SentenceSplitter.Split(clean, start, end))
                {
                    sentences.Add(new Sentence(s, e, kind));
                }
            }

            return new Story(article.Path, index, clean, sentences, new SourceMap(runs))
            {
                Dateline = draft.Dateline,
            };
        }
    }
}
