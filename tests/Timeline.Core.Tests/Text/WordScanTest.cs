using System.Text.RegularExpressions;
using Timeline.Core.Events;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Text;

/// <summary>
/// The hand-written scans that replaced per-line and per-sentence regexes read text exactly as those patterns do: each
/// pattern stays as the specification and is the oracle here.
/// </summary>
public class WordScanTest
{
    public static TheoryData<string> Texts => new()
    {
        // Plain prose with a possessive, a typographic apostrophe and a hyphenated name.
        "Syria's interim President Ahmad al-Sharaa visited Moscow’s Kremlin.",
        // Joiners that join nothing: a trailing apostrophe, a dash between spaces, a hyphen before punctuation.
        "the ships' crews - and the tug- crews' 'quoted' words",
        // Dots join words only for LineRules ("U.S.", "a.m."); digits and thousands separators.
        "U.S. officials met at 10 a.m. on 25.03.2021 and counted 780,000 barrels.",
        // Non-ASCII letters, a superscript number (\p{N} but not a digit) and a Kelvin sign.
        "Zürich’s naïve 2² plan at 5 K (Kelvin) — “done”",
        // Empty, separators only, and a trailing newline.
        "",
        "* * * ___ ↓",
        "He said so.\n",
        // Sentence ends: closers after the stop, a quote before trailing spaces, a stop before a final newline, none.
        "He said: “We will.”)",
        "the “headline”   ",
        "Related stories",
        // A left single quote joins words once folded ("rock‘n’roll"), and a line longer than the scans' stack buffer.
        "rock‘n’roll ‘quoted’ words",
        string.Concat(Enumerable.Repeat("Zürich’s “long” line, U.S.-led ‘talks’ at 10.30 — ", 8)),
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void ClauseWordsAreTheWordRegexMatches(string text) =>
        Assert.Equal(Clauses.WordRegex().Matches(text).Select(m => m.Value.Replace('’', '\'')), Clauses.Words(text));

    [Theory]
    [MemberData(nameof(Texts))]
    public void LineWordCountAndNormalizeFollowTheWordRegex(string text)
    {
        Assert.Equal(LineRules.Word().Count(text), LineRules.WordCount(text));
        string folded = text.Replace('’', '\'').Replace('‘', '\'');
        Assert.Equal(string.Join(' ', LineRules.Word().Matches(folded).Select(m => m.Value.ToLowerInvariant())), LineRules.Normalize(text));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void SentenceEndIsTheSentenceEndRegex(string text) =>
        Assert.Equal(LineRules.SentenceEnd().IsMatch(text), LineRules.EndsLikeSentence(text));
}
