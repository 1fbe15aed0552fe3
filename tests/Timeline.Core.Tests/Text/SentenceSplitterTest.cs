using Timeline.Core.Text;

namespace Timeline.Core.Tests.Text;

public class SentenceSplitterTest
{
    private static string[] Split(string text) =>
        SentenceSplitter.Split(text, 0, text.Length).Select(s => text[s.Start..s.End]).ToArray();

    [Theory]
    // Military rank abbreviation inside a sentence (000).
    [InlineData("Russian Defense Minister Andrei Belousov and military intelligence chief Adm. Igor Kostyukov were among senior officials. He left.", 2)]
    // Month abbreviation and "U.S." followed by a name (000 captions and the Baghdad story).
    [InlineData("The meeting was on Wednesday, Jan. 28, 2026. U.S. President Donald Trump threatened to withdraw support.", 2)]
    // "U.S." running on inside a sentence.
    [InlineData("A U.S. embassy spokesperson did not respond to a request for comment.", 1)]
    // "U.S." ending a sentence, next sentence starts with a common opener.
    [InlineData("Those could include restricting access to U.S. dollars held in the U.S. The reserves are housed in New York.", 2)]
    // "Gen." before a name (000).
    [InlineData("Trump ordered a drone strike that killed Gen. Qassim Soleimani and Abu Mahdi al-Muhandis.", 1)]
    // British "Mr" without a period, and a quote closing a sentence (002).
    [InlineData("“I know that there is a lot that’s necessary to restore in Syria,” Mr Putin said on Wednesday. The talks are also believed to have considered the bases.", 2)]
    // Sentence ending inside closing quotes, next one opening with a quote (001).
    [InlineData("“We have closely followed your efforts,” Putin said. “You know that we always stood for the restoration of Syria’s territorial integrity.\"", 2)]
    // An initial in a name is not a sentence end.
    [InlineData("The report was written by John F. Kennedy Jr. and others.", 1)]
    // Numbers with decimals and a question.
    [InlineData("Was it 3.5 percent? Officials said no.", 2)]
    // A trailing photo credit stays with its caption sentence (000).
    [InlineData("Putin arrives for his meeting in Moscow, on Wednesday, Jan. 28, 2026. (Maxim Shipenkov/Pool Photo via AP)", 1)]
    public void SplitsNewsProse(string text, int expected)
    {
        Assert.Equal(expected, Split(text).Length);
    }

    [Fact]
    public void SentencesAreTrimmedAndCoverTheText()
    {
        string text = "  Al-Sharaa thanked Putin.  He led a swift rebel offensive in December 2024.  ";
        string[] sentences = Split(text);
        Assert.Equal(["Al-Sharaa thanked Putin.", "He led a swift rebel offensive in December 2024."], sentences);
    }

    [Fact]
    public void RespectsTheGivenRange()
    {
        string text = "Ignored. First one. Second one. Ignored too.";
        int start = text.IndexOf("First", StringComparison.Ordinal);
        int end = text.IndexOf(" Ignored too", StringComparison.Ordinal);
        var spans = SentenceSplitter.Split(text, start, end);
        Assert.Equal(["First one.", "Second one."], spans.Select(s => text[s.Start..s.End]));
    }
}
