using System.Xml.Linq;
using Timeline.Core.Temporal;
using Timeline.Site.Evaluation;

namespace Timeline.Site.Tests.Evaluation;

public class TimeMlWriterTest
{
    private static string Write(TimeMlDocument doc, IReadOnlyList<TemporalMention> mentions)
    {
        var output = new StringWriter();
        TimeMlWriter.Write(doc, mentions, output);
        return output.ToString();
    }

    [Theory]
    [InlineData("news/board.tml")] // entity, EVENTs, a mod, links after TEXT
    [InlineData("news/storm.tml")] // SIGNAL, SET, TIME
    [InlineData("tweets/weekend.tml")] // emoji, date-time DCT
    public void Writing_the_gold_mentions_reads_back_as_the_same_gold(string name)
    {
        TimeMlDocument gold = EvaluationFixtures.Read(name);

        string written = Write(gold, gold.Gold.Select(g => EvaluationFixtures.ToMention(g)).ToList());
        TimeMlDocument back = EvaluationFixtures.Parse(written, name).Document!;

        Assert.Equal(gold.PlainText, back.PlainText);
        Assert.Equal(gold.DocumentTime, back.DocumentTime);
        Assert.Equal(
            gold.Gold.Select(g => (g.Start, g.End, g.Type, g.Value, g.Mod)),
            back.Gold.Select(g => (g.Start, g.End, g.Type, g.Value, g.Mod)));
    }

    [Fact]
    public void Gold_tags_are_replaced_by_system_tags_and_the_header_is_kept()
    {
        TimeMlDocument gold = EvaluationFixtures.Read("news/board.tml");
        int start = gold.PlainText.IndexOf("today", StringComparison.Ordinal);
        var today = new TemporalMention(start, start + 5, "today", TimexType.Date, "1998-02-06", TimexMod.None, "today");

        XDocument xml = XDocument.Parse(Write(gold, [today]));

        XElement text = xml.Root!.Element("TEXT")!;
        XElement timex = Assert.Single(text.Elements());
        Assert.Equal("TIMEX3", timex.Name.LocalName);
        Assert.Equal(["tid", "type", "value"], timex.Attributes().Select(a => a.Name.LocalName));
        Assert.Equal(("t1", "DATE", "1998-02-06", "today"), ((string)timex.Attribute("tid")!, (string)timex.Attribute("type")!, (string)timex.Attribute("value")!, timex.Value));
        Assert.Equal("board", (string?)xml.Root.Element("DOCID"));
        Assert.Equal("1998-02-06", (string?)xml.Root.Element("DCT")!.Element("TIMEX3")!.Attribute("value"));
    }

    [Fact]
    public void Links_to_the_removed_gold_annotations_are_dropped()
    {
        TimeMlDocument gold = EvaluationFixtures.Read("news/board.tml");

        XDocument xml = XDocument.Parse(Write(gold, []));

        Assert.Empty(xml.Root!.Elements("TLINK"));
        Assert.Empty(xml.Root.Elements("MAKEINSTANCE"));
        Assert.Equal(gold.PlainText, xml.Root.Element("TEXT")!.Value);
    }

    [Fact]
    public void Mod_is_written_when_there_is_one()
    {
        TimeMlDocument gold = EvaluationFixtures.Read("news/board.tml");
        TimexAnnotation late = gold.Gold[3];

        XDocument xml = XDocument.Parse(Write(gold, [EvaluationFixtures.ToMention(late)]));

        Assert.Equal("END", (string?)xml.Root!.Element("TEXT")!.Element("TIMEX3")!.Attribute("mod"));
    }

    [Fact]
    public void Overlapping_and_out_of_range_mentions_are_left_out_rather_than_corrupting_the_file()
    {
        // The tagger contract rules these out; the writer must still produce well-formed, text-preserving TimeML.
        TimeMlDocument gold = EvaluationFixtures.Read("news/storm.tml");
        int start = gold.PlainText.IndexOf("October 1, 2002", StringComparison.Ordinal);
        TemporalMention full = new(start, start + 15, "October 1, 2002", TimexType.Date, "2002-10-01", TimexMod.None, "r");
        TemporalMention inner = new(start + 8, start + 15, "1, 2002", TimexType.Date, "2002", TimexMod.None, "r");
        TemporalMention beyond = new(gold.PlainText.Length - 1, gold.PlainText.Length + 4, "x", TimexType.Date, "2002", TimexMod.None, "r");

        XDocument xml = XDocument.Parse(Write(gold, [inner, full, beyond]));

        XElement text = xml.Root!.Element("TEXT")!;
        Assert.Equal(gold.PlainText, text.Value);
        Assert.Equal("October 1, 2002", Assert.Single(text.Elements()).Value);
    }

    [Fact]
    public void System_tids_never_reuse_the_DCT_tid()
    {
        TimeMlDocument gold = EvaluationFixtures.Read("news/board.tml");

        XDocument xml = XDocument.Parse(Write(gold, gold.Gold.Select(g => EvaluationFixtures.ToMention(g)).ToList()));

        var tids = xml.Descendants("TIMEX3").Select(t => (string)t.Attribute("tid")!).ToList();
        Assert.Equal(tids.Count, tids.Distinct().Count());
        Assert.Equal(["t0", "t1", "t2", "t3", "t4"], tids);
    }

    [Fact]
    public void Output_is_deterministic_with_LF_line_ends()
    {
        string lf = File.ReadAllText(Path.Combine(EvaluationFixtures.Directory, "news/board.tml")).ReplaceLineEndings("\n");
        TimeMlDocument crlf = EvaluationFixtures.Parse(lf.Replace("\n", "\r\n", StringComparison.Ordinal)).Document!;

        string first = Write(crlf, []);

        Assert.DoesNotContain('\r', first);
        Assert.Equal(first, Write(crlf, []));
    }
}
