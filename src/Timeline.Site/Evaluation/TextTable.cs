using System.Text;

namespace Timeline.Site.Evaluation;

/// <summary>A plain-text table with aligned columns, for terminal output.</summary>
/// <remarks>Not thread-safe while rows are added.</remarks>
public sealed class TextTable
{
    private readonly string[] headers;
    private readonly bool[] rightAligned;
    private readonly List<string[]> rows = [];

    /// <param name="headers">Column headers; a header starting with '>' is right-aligned (the '>' is not shown).</param>
    public TextTable(params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        rightAligned = headers.Select(h => h.StartsWith('>')).ToArray();
        this.headers = headers.Select(h => h.TrimStart('>')).ToArray();
    }

    public int Count => rows.Count;

    public void Add(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"Expected {headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        rows.Add(cells.Select(Printable).ToArray());
    }

    /// <summary>The table, two spaces between columns, no trailing spaces, each line ending in <c>\n</c>.</summary>
    public override string ToString()
    {
        int[] widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var sb = new StringBuilder();
        WriteRow(headers);
        foreach (string[] row in rows)
        {
            WriteRow(row);
        }

        return sb.ToString();

        void WriteRow(string[] cells)
        {
            var line = new StringBuilder();
            for (int i = 0; i < cells.Length; i++)
            {
                if (i > 0)
                {
                    line.Append("  ");
                }

                line.Append(rightAligned[i] ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]));
            }

            sb.Append(line.ToString().TrimEnd()).Append('\n');
        }
    }

    /// <summary>Cells stay on one line: control characters are shown as escapes.</summary>
    private static string Printable(string cell)
    {
        if (!cell.Any(char.IsControl))
        {
            return cell;
        }

        var sb = new StringBuilder(cell.Length + 8);
        foreach (char c in cell)
        {
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
