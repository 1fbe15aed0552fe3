using Timeline.Core.Diagnostics;
using Timeline.Core.Temporal;

namespace Timeline.Core.Events;

/// <summary>
/// Applies editor corrections to merged events, by id: merges and splits first (they change which events exist),
/// then pinned dates, headlines and hiding. An id that names no event is a warning at the correction's
/// file(line,col); nothing throws.
/// </summary>
internal sealed class CorrectionApplier(
    IReadOnlyList<EventCorrection> corrections,
    List<Diagnostic> diagnostics,
    List<ExcludedMention> excluded,
    Func<IReadOnlyList<EventMention>, DateRange, TimexMod, string, IReadOnlyList<DateConflict>, TimelineEvent> makeEvent)
{
    private readonly Dictionary<string, string> _redirect = new(StringComparer.Ordinal);

    public List<TimelineEvent> Apply(List<TimelineEvent> events)
    {
        if (corrections.Count == 0)
        {
            return events;
        }

        var byId = new Dictionary<string, TimelineEvent>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (TimelineEvent e in events)
        {
            byId[e.Id] = e;
            order.Add(e.Id);
        }

        CorrectionKind[] phases = [CorrectionKind.Merge, CorrectionKind.Split, CorrectionKind.PinDate, CorrectionKind.Rename, CorrectionKind.Hide];
        foreach (CorrectionKind phase in phases)
        {
            foreach (EventCorrection c in corrections.Where(c => c.Kind == phase))
            {
                if (Resolve(byId, c.EventId) is not { } target)
                {
                    Warn(c, $"no event has id '{c.EventId}'; correction ignored");
                    continue;
                }

                switch (c.Kind)
                {
                    case CorrectionKind.Merge:
                        Merge(byId, order, c, target);
                        break;
                    case CorrectionKind.Split:
                        Split(byId, order, c, target);
                        break;
                    case CorrectionKind.PinDate:
                        Pin(byId, c, target);
                        break;
                    case CorrectionKind.Rename:
                        byId[target.Id] = target with { Headline = c.Value.Trim(), Notes = [.. target.Notes, "headline set by editor"] };
                        break;
                    case CorrectionKind.Hide:
                        byId.Remove(target.Id);
                        excluded.AddRange(target.Sources.Select(m => new ExcludedMention(m, ExclusionReasons.Hidden)));
                        break;
                }
            }
        }

        return order.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    private TimelineEvent? Resolve(Dictionary<string, TimelineEvent> byId, string id)
    {
        string current = id.Trim();
        for (int guard = 0; guard < 100 && _redirect.TryGetValue(current, out string? next); guard++)
        {
            current = next;
        }

        return byId.GetValueOrDefault(current);
    }

    private void Merge(Dictionary<string, TimelineEvent> byId, List<string> order, EventCorrection c, TimelineEvent from)
    {
        if (Resolve(byId, c.Value) is not { } into)
        {
            Warn(c, $"no event has id '{c.Value}' to merge '{c.EventId}' into; correction ignored");
            return;
        }

        if (into.Id == from.Id)
        {
            Warn(c, $"event '{c.EventId}' is already '{c.Value}'; nothing to merge");
            return;
        }

        // The merged event keeps the target's id; it takes the more precise date when one range holds the other.
        (DateRange range, TimexMod mod, string value) = into.Range.Contains(from.Range) && from.Range != into.Range
            ? (from.Range, from.Modifier, from.Date)
            : (into.Range, into.Modifier, into.Date);
        var conflicts = into.Conflicts.Concat(from.Conflicts).ToList();
        if (!into.Range.Overlaps(from.Range))
        {
            conflicts.Add(new DateConflict(from.Date, from.Sources.Select(m => m.Source.ArticlePath).Distinct(StringComparer.Ordinal).ToList(), $"merged by editor from an event dated {from.Date}"));
        }

        TimelineEvent merged = makeEvent([.. into.Sources, .. from.Sources], range, mod, value, conflicts);
        byId[into.Id] = merged with
        {
            Id = into.Id,
            Slug = into.Slug,
            Salience = Math.Max(into.Salience, from.Salience),
            Notes = [.. into.Notes, .. from.Notes, $"merged with {from.Id} by editor"],
        };
        byId.Remove(from.Id);
        _redirect[from.Id] = into.Id;
        order.Remove(from.Id);
    }

    private void Split(Dictionary<string, TimelineEvent> byId, List<string> order, EventCorrection c, TimelineEvent e)
    {
        bool Moves(EventMention m) => c.Articles.Any(a =>
            string.Equals(a.Trim(), m.Source.ArticlePath, StringComparison.Ordinal) ||
            string.Equals(a.Trim(), Path.GetFileName(m.Source.ArticlePath), StringComparison.Ordinal));
        var moving = e.Sources.Where(Moves).ToList();
        var staying = e.Sources.Where(m => !Moves(m)).ToList();
        if (moving.Count == 0 || staying.Count == 0)
        {
            Warn(c, moving.Count == 0
                ? $"event '{e.Id}' cites none of the listed articles; nothing to split"
                : $"event '{e.Id}' cites only the listed articles; nothing would remain");
            return;
        }

        EventMention finest = moving.Where(m => !m.IsCaption).DefaultIfEmpty(moving[0])
            .OrderByDescending(m => m.Time.Range!.Value.Granularity).ThenBy(m => m.QuoteStart).First();
        TimelineEvent split = makeEvent(moving, finest.Time.Range!.Value, finest.Time.Mod, finest.Time.Value, []);
        split = split with { Salience = e.Salience / 2, Notes = [$"split from {e.Id} by editor"], StandsAlone = true };
        TimelineEvent rest = makeEvent(staying, e.Range, e.Modifier, e.Date, e.Conflicts);
        byId[e.Id] = rest with { Id = e.Id, Slug = e.Slug, Salience = e.Salience, Notes = [.. e.Notes, $"split into {split.Id} by editor"], StandsAlone = true };
        string id = split.Id;
        for (int k = 2; byId.ContainsKey(id); k++)
        {
            id = split.Id + "-" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        byId[id] = split with { Id = id };
        order.Insert(order.IndexOf(e.Id) + 1, id);
    }

    private void Pin(Dictionary<string, TimelineEvent> byId, EventCorrection c, TimelineEvent e)
    {
        if (CalendarValue.TryParse(c.Value) is not { } range)
        {
            Warn(c, $"'{c.Value}' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD); correction ignored");
            return;
        }

        string value = c.Value.Trim();
        byId[e.Id] = e with { Date = value, Range = range, Modifier = TimexMod.None, Notes = [.. e.Notes, $"date pinned by editor (sources: {e.Date})"] };
    }

    private void Warn(EventCorrection c, string message) => diagnostics.Add(Diagnostic.Warning(c.File, c.Line, c.Column, message));
}
