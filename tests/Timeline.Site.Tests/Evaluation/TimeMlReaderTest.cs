using NodaTime;
using Timeline.Core.Diagnostics;
using Timeline.Site.Evaluation;

namespace Timeline.Site.Tests.Evaluation;

public class TimeMlReaderTest
{
    [Fact]
    public void Plain_text_drops_inline_tags_and_decodes_entities()
    {
        TimeMlDocument doc = EvaluationFixtures.Read("news/board.tml");

        Assert.StartsWith("\nThe board of AT&T met on February 5, 1998 and again today.\n\nProfits rose for three years, the company said late last month.\n", doc.PlainText, StringComparison.Ordinal);
        Assert.Equal("\n", doc.PlainText[^1..]);
    }

    [Fact]
    public void Gold_offsets_point_at_their_text_in_the_plain_text()
    {
        TimeMlDocument doc = EvaluationFixtures.Read("news/board.tml");

        Assert.Equal(["February 5, 1998", "today", "three years", "late last month"], doc.Gold.Select(g => g.Text));
        Assert.All(doc.Gold, g => Assert.Equal(g.Text, doc.PlainText[g.Start..g.End]));
        Assert.Equal(["t1", "t2", "t3", "t4"], doc.Gold.Select(g => g.Origin));
    }

    [Fact]
    public void Gold_attributes_are_read_as_written()
    {
        TimeMlDocument doc = EvaluationFixtures.Read("news/board.tml");

        TimexAnnotation late = doc.Gold[3];
        Assert.Equal(("DATE", "1998-01", "END"), (late.Type, late.Value, late.Mod));
        Assert.Null(doc.Gold[0].Mod);
        Assert.Equal(("DURATION", "P3Y"), (doc.Gold[2].Type, doc.Gold[2].Value));
    }

    [Fact]
    public void DCT_is_the_anchor_and_is_not_a_gold_timex()
    {
        TimeMlDocument doc = EvaluationFixtures.Read("news/board.tml");

        Assert.Equal(new LocalDate(1998, 2, 6), doc.DocumentTime.Date);
        Assert.False(doc.DocumentTime.HasTimeOfDay);
        Assert.Equal("t0", doc.Dct.Origin);
        Assert.DoesNotContain(doc.Gold, g => g.Origin == "t0");
    }

    [Fact]
    public void DCT_with_a_time_of_day_keeps_it()
    {
        // TweeTIME and some AQUAINT DCTs are date-times ("2011-11-26T15:04").
        TimeMlDocument doc = EvaluationFixtures.Read("tweets/weekend.tml");

        Assert.True(doc.DocumentTime.HasTimeOfDay);
        Assert.Equal(new LocalDateTime(2011, 11, 26, 15, 4), doc.DocumentTime.Published.LocalDateTime);
    }

    [Fact]
    public void Offsets_count_UTF16_code_units_past_an_emoji()
    {
        // 😀 is two UTF-16 code units; "next weekend" comes after it.
        TimeMlDocument doc = EvaluationFixtures.Read("tweets/weekend.tml");

        TimexAnnotation weekend = doc.Gold[1];
        Assert.Equal("next weekend", doc.PlainText[weekend.Start..weekend.End]);
        Assert.Equal(doc.PlainText.IndexOf("next weekend", StringComparison.Ordinal), weekend.Start);
    }

    [Fact]
    public void CRLF_files_give_LF_text_with_the_same_offsets_as_LF_files()
    {
        // Most TBAQ and TweeTIME files have CRLF line ends: an XML parser turns them into LF.
        string lf = File.ReadAllText(Path.Combine(EvaluationFixtures.Directory, "news/board.tml")).ReplaceLineEndings("\n");
        TimeMlDocument fromLf = EvaluationFixtures.Parse(lf).Document!;
        TimeMlDocument fromCrlf = EvaluationFixtures.Parse(lf.Replace("\n", "\r\n", StringComparison.Ordinal)).Document!;

        Assert.Equal(fromLf.PlainText, fromCrlf.PlainText);
        Assert.Equal(fromLf.Gold, fromCrlf.Gold);
        Assert.DoesNotContain('\r', fromCrlf.PlainText);
    }

    [Fact]
    public void Source_position_is_the_line_and_column_in_the_file()
    {
        TimeMlDocument doc = EvaluationFixtures.Read("news/board.tml");
        string[] lines = File.ReadAllLines(Path.Combine(EvaluationFixtures.Directory, "news/board.tml"));

        foreach (TimexAnnotation gold in doc.Gold)
        {
            (int line, int column) = doc.SourcePosition(gold.Start);
            Assert.Equal(gold.Text, lines[line - 1].Substring(column - 1, gold.Text.Length));
        }
    }

    [Fact]
    public void Malformed_xml_is_a_diagnostic_with_its_position()
    {
        TimeMlReadResult result = EvaluationFixtures.Parse("<TimeML>\n<TEXT>one <TIMEX3 tid=\"t1\">two</TEXT>\n</TimeML>", "bad.tml");

        Assert.Null(result.Document);
        Diagnostic d = Assert.Single(result.Diagnostics);
        Assert.Equal(("bad.tml", 2, Severity.Error), (d.File, d.Line, d.Severity));
        Assert.True(d.Column > 1);
    }

    [Theory]
    [InlineData("<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-01\">x</TIMEX3></DCT></TimeML>", "no <TEXT>")] // nothing to tag
    [InlineData("<TimeML><TEXT>text</TEXT></TimeML>", "no document creation time")] // nothing to anchor on
    [InlineData("<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"PRESENT_REF\">now</TIMEX3></DCT><TEXT>text</TEXT></TimeML>", "DCT value")] // not a calendar anchor
    public void Documents_the_evaluation_cannot_use_are_diagnostics(string xml, string message)
    {
        TimeMlReadResult result = EvaluationFixtures.Parse(xml);

        Assert.Null(result.Document);
        Assert.Contains(message, Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_doctype_is_ignored_rather_than_fetched()
    {
        const string Xml = "<!DOCTYPE TimeML SYSTEM \"http://example.invalid/timeml.dtd\"><TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-01\">x</TIMEX3></DCT><TEXT>on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998\">1998</TIMEX3></TEXT></TimeML>";

        TimeMlReadResult result = EvaluationFixtures.Parse(Xml);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("1998", Assert.Single(result.Document!.Gold).Value);
    }
}
