using Timeline.Core.Temporal;
using Timeline.Core.Text;

namespace Timeline.Core.Events;

/// <summary>
/// The event stages. <see cref="Extract"/> runs per story (pure, cacheable by content hash): it keeps the dated
/// sentences whose date is the time of a statement and lists the others with a reason. <see cref="Build"/> runs
/// once for the site: topic relevance, merging across outlets, salience, editor corrections and ordering.
/// </summary>
/// <remarks>Thread-safe: no shared state.</remarks>
public static class EventPipeline
{
    /// <summary>The event mentions of one tagged story, and the dated sentences left out with why.</summary>
    public static StoryEvents Extract(TaggedStory story, EventOptions options)
    {
        ArgumentNullException.ThrowIfNull(story);
        var mentions = new List<EventMention>();
        var excluded = new List<ExcludedMention>();
        Story st = story.Story;
        IReadOnlyList<Sentence> sentences = st.Sentences;
        var times = story.Mentions.Where(t => t.Range is not null && t.Type is TimexType.Date or TimexType.Time).OrderBy(t => t.Start).ToList();
        var bodyTerms = new List<string>();
        int[] starts = times.Select(t => t.Start).ToArray();
        int body = 0;
        for (int i = 0; i < sentences.Count; i++)
        {
            Sentence s = sentences[i];
            if (s.Start < 0 || s.End > st.Text.Length || s.End <= s.Start)
            {
                continue;
            }

            string raw = st.Text[s.Start..s.End];
            int lead = raw.Length - raw.TrimStart().Length;
            string sentence = raw.Trim();
            int sentenceStart = s.Start + lead;
            int bodyPosition = -1;
            if (s.Kind == SentenceKind.Body)
            {
                bodyPosition = body++;
                bodyTerms.AddRange(Terms.Of(sentence));
            }

            int ti = Array.BinarySearch(starts, s.Start);
            ti = ti < 0 ? ~ti : ti;
            while (ti > 0 && starts[ti - 1] == s.Start)
            {
                ti--;
            }

            var seen = new HashSet<(string, TimexMod)>();
            List<Segment>? segments = null;
            IReadOnlyList<string>? names = null;
            for (int j = ti; j < times.Count && times[j].Start < s.End; j++)
            {
                TemporalMention t = times[j];
                if (t.End > s.End || !seen.Add((t.Value, t.Mod)))
                {
                    continue;
                }

                int at = Math.Clamp(t.Start - sentenceStart, 0, sentence.Length);
                int to = Math.Clamp(t.End - sentenceStart, at, sentence.Length);
                segments ??= Clauses.Segments(sentence);
                names ??= s.Kind == SentenceKind.Caption ? [] : Participants.Find(sentence);
                (Segment clause, bool relative) = Clauses.ClauseAround(sentence, segments, at);
                var mention = new EventMention(story.Source, st.Id, i, sentence, sentenceStart, t)
                {
                    IsCaption = s.Kind == SentenceKind.Caption,
                    Participants = names,
                    Headline = Clauses.Headline(sentence, at, to),
                    Clause = sentence[clause.Start..clause.End],
                    BodyPosition = bodyPosition,
                    Subordinate = relative,
                };

                string? reason = s.Kind == SentenceKind.Headline ? ExclusionReasons.Headline : Clauses.NotAStatement(sentence, at, to, requireVerb: s.Kind == SentenceKind.Body);
                if (reason is null)
                {
                    mentions.Add(mention);
                }
                else
                {
                    excluded.Add(new ExcludedMention(mention, reason));
                }
            }
        }

        return new StoryEvents(st.Id, mentions, excluded) { Terms = bodyTerms, Source = story.Source };
    }

    /// <summary>Merges, scores, corrects and orders the events of every story of the site.</summary>
    public static Chronology Build(IEnumerable<StoryEvents> stories, EventOptions options)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(options);
        return new EventBuilder(stories.ToList(), options).Run();
    }
}
