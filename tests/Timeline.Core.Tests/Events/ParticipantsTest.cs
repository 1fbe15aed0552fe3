using Timeline.Core.Events;

namespace Timeline.Core.Tests.Events;

public class ParticipantsTest
{
    public static TheoryData<string, string[]> Sentences => new()
    {
        // Titles and demonyms before a name are stripped; multiword names kept.
        { "Russian President Vladimir Putin met Syrian interim President Ahmad al-Sharaa in Moscow.", ["Vladimir Putin", "Ahmad al-Sharaa", "Moscow"] },
        // Organisations; a lone sentence opener is not a name.
        { "The Kurdish-led Syrian Democratic Forces lost territory.", ["Kurdish-led Syrian Democratic Forces"] },
        // Calendar words and photo credits in parentheses are not participants.
        { "Putin spoke on Wednesday, Jan. 28, 2026. (Maxim Shipenkov/Pool Photo via AP)", ["Putin"] },
        // Possessives split names: "Syria's SANA" is two participants.
        { "He said Syria's SANA state news agency reported it.", ["Syria", "SANA"] },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void FindsCapitalisedNames(string sentence, string[] names) => Assert.Equal(names, Participants.Find(sentence));

    [Fact]
    public void MergeFoldsShortVariantsIntoTheLongestName()
    {
        IReadOnlyList<string> merged = Participants.Merge([["Putin", "Bashar Assad"], ["Vladimir Putin", "Bashar al-Assad"], ["Al-Sharaa"], ["Ahmad al-Sharaa"]]);
        // Each name is mentioned twice (once per variant), so the order is alphabetical.
        Assert.Equal(["Ahmad al-Sharaa", "Bashar al-Assad", "Vladimir Putin"], merged);
    }
}
