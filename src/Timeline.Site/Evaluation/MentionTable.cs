using System.Globalization;
using Timeline.Core.Temporal;

namespace Timeline.Site.Evaluation;

/// <summary>The mentions of one text as an aligned table: extent (offsets and line:col), type, value, mod, rule, text.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class MentionTable
{
    public static string Format(string text, IReadOnlyList<TemporalMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mentions);
        var lineStarts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var table = new TextTable(">start", ">end", "line:col", "type", "value", "mod", "rule", "text");
        foreach (TemporalMention m in mentions)
        {
            int line = lineStarts.BinarySearch(Math.Clamp(m.Start, 0, text.Length));
            line = line >= 0 ? line : ~line - 1;
            int column = m.Start - lineStarts[line] + 1;
            table.Add(
                Int(m.Start),
                Int(m.End),
                $"{Int(line + 1)}:{Int(column)}",
                TimexSpelling.ToTimex(m.Type),
                m.Value,
                m.Mod.ToTimex() ?? "",
                m.Rule,
                m.Text);
        }

        return table.ToString();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
