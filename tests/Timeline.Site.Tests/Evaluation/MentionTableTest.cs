using Timeline.Core.Temporal;
using Timeline.Site.Evaluation;

namespace Timeline.Site.Tests.Evaluation;

public class MentionTableTest
{
    [Fact]
    public void Shows_offsets_line_col_type_value_mod_rule_and_text_aligned()
    {
        const string Text = "Putin met him on January 28, 2026.\nEarly this month, talks\nlasted two days.";
        var mentions = new List<TemporalMention>
        {
            new(17, 33, "January 28, 2026", TimexType.Date, "2026-01-28", TimexMod.None, "explicit-date"),
            new(35, 51, "Early this month", TimexType.Date, "2026-01", TimexMod.Start, "part-of-period"),
            new(66, 74, "two days", TimexType.Duration, "P2D", TimexMod.None, "duration"),
        };

        string table = MentionTable.Format(Text, mentions);

        Assert.Equal(
            "start  end  line:col  type      value       mod    rule            text\n" +
            "   17   33  1:18      DATE      2026-01-28         explicit-date   January 28, 2026\n" +
            "   35   51  2:1       DATE      2026-01     START  part-of-period  Early this month\n" +
            "   66   74  3:8       DURATION  P2D                duration        two days\n",
            table);
    }

    [Fact]
    public void A_mention_across_a_line_break_stays_on_one_row()
    {
        const string Text = "on January\n28";
        var mention = new TemporalMention(3, 13, "January\n28", TimexType.Date, "XXXX-01-28", TimexMod.None, "r");

        string[] rows = MentionTable.Format(Text, [mention]).TrimEnd('\n').Split('\n');

        Assert.Equal(2, rows.Length);
        Assert.EndsWith("January\\n28", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public void No_mentions_gives_the_header_only()
    {
        Assert.Equal("start  end  line:col  type  value  mod  rule  text\n", MentionTable.Format("nothing here", []));
    }
}
