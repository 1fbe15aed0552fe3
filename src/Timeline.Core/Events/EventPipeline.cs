using System.Globalization;
using System.Text;
using Timeline.Core.Temporal;
using Timeline.Core.Text;

namespace Timeline.Core.Events;

/// <summary>
/// The event stages: <see cref="Extract"/> runs per story (cacheable), <see cref="Build"/> merges and orders globally.
/// FIRST CUT: extraction takes every body sentence with a calendar-dated expression; merge groups equal dates.
/// </summary>
public static class EventPipeline
{
    public static StoryEvents Extract(TaggedStory story, EventOptions options)
    {
        var mentions = new List<EventMention>();
        var excluded = new List<ExcludedMention>();
        IReadOnlyList<Sentence> sentences = story.Story.Sentences;
        for (int i = 0; i < sentences.Count; i++)
        {
            Sentence s = sentences[i];
            foreach (TemporalMention t in story.Mentions)
            {
                if (t.Start < s.Start || t.End > s.End || t.Range is null)
                {
                    continue;
                }

                string quote = story.Story.Text[s.Start..s.End].Trim();
                var mention = new EventMention(story.Source, story.Story.Id, i, quote, s.Start, t) { IsCaption = s.Kind == SentenceKind.Caption };
                if (s.Kind == SentenceKind.Body)
                {
                    mentions.Add(mention);
                }
                else
                {
                    excluded.Add(new ExcludedMention(mention, "caption"));
                }

                break;
            }
        }

        return new StoryEvents(story.Story.Id, mentions, excluded);
    }

    public static Chronology Build(IEnumerable<StoryEvents> stories, EventOptions options)
    {
        var all = stories.SelectMany(s => s.Mentions).ToList();
        var events = all
            .GroupBy(m => (m.Time.Value, m.Time.Mod))
            .Select(g =>
            {
                var sources = g.OrderBy(m => m.Source.ArticlePath, StringComparer.Ordinal).ThenBy(m => m.QuoteStart).ToList();
                EventMention first = sources[0];
                string headline = first.Quote;
                string slug = Slug(first.Time.Value, headline);
                return new TimelineEvent(slug, first.Time.Value, first.Time.Mod, first.Time.Range!.Value, headline, sources)
                {
                    Slug = slug,
                    Key = sources.Select(m => m.Source.ArticlePath).Distinct().Count() > 1,
                };
            })
            .OrderBy(e => e.Range)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        return new Chronology(events, stories.SelectMany(s => s.Excluded).ToList());
    }

    private static string Slug(string date, string headline)
    {
        var sb = new StringBuilder(date.ToLowerInvariant()).Append('-');
        foreach (string word in headline.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6))
        {
            foreach (char c in word.ToLowerInvariant())
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    sb.Append(c);
                }
            }

            sb.Append('-');
        }

        return sb.ToString().TrimEnd('-').ToString(CultureInfo.InvariantCulture);
    }
}
