using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Timeline.Core.Events;

/// <summary>
/// Names of people, organisations and places in a sentence, by capitalisation: runs of capitalised words
/// ("Vladimir Putin", "Syrian Democratic Forces", "al-Sharaa"), titles stripped ("Russian President Vladimir Putin"
/// → "Vladimir Putin"), with a stop list for sentence openers, calendar words and demonyms. No NER model.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static partial class Participants
{
    private static readonly FrozenSet<string> Stop = FrozenSet.ToFrozenSet(
    [
        "The", "A", "An", "In", "On", "At", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those",
        "But", "And", "Or", "After", "Before", "While", "Although", "Despite", "As", "When", "Following", "Since", "Until",
        "If", "His", "Her", "Its", "Their", "Our", "For", "With", "By", "From", "To", "Of", "Meanwhile", "However", "Still",
        "Also", "Yet", "Amid", "Speaking", "Welcoming", "According", "There", "Here", "What", "Who", "Why", "How", "Where",
        "Some", "Many", "Most", "All", "Both", "Each", "Every", "No", "Not", "One", "Two", "Three", "Such", "Then", "Now",
        "Today", "Yesterday", "Tomorrow", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Update", "Published",
        "Photo", "Pool", "AP", "Reuters", "AFP", "Mr", "Mrs", "Ms", "Dr", "Earlier", "Later", "Last", "Next", "Former",
        "Interim", "Under", "Over", "During", "Instead", "Beyond", "Simultaneously", "Separately", "Asked", "Once",
        "Because", "Though", "Even", "Only", "Just", "Other", "Another", "More", "Several", "Across", "Against", "Into",
        "Thanks", "Yes", "Oh", "Please", "Read", "See", "Click", "Watch", "Sign", "Subscribe", "Police", "Officials",
        "Government", "Troops", "Protesters", "Analysts", "Witnesses", "Residents", "Rescuers", "Doctors", "Experts",
        "Authorities", "Reports", "Sources", "People", "Critics", "Supporters", "Fans", "Family", "Friends", "Officers",
    ]);

    private static readonly FrozenSet<string> Titles = FrozenSet.ToFrozenSet(
    [
        "President", "Prime", "Minister", "Foreign", "Defense", "Defence", "Interior", "Finance", "Secretary", "Chancellor",
        "King", "Queen", "Prince", "Princess", "Pope", "Mr", "Mrs", "Ms", "Dr", "Gen", "Gen.", "Adm", "Adm.", "Col", "Lt",
        "Sgt", "Capt", "Sen", "Sen.", "Rep", "Rep.", "Gov", "Gov.", "Mayor", "Judge", "Justice", "Chief", "General", "Admiral",
        "Colonel", "Commander", "Ambassador", "Envoy", "Spokesman", "Spokeswoman", "Senator", "Governor", "Sheikh",
        "Interim", "Former", "Deputy", "Vice", "Acting", "Caretaker", "Charge", "Supreme", "Leader", "Officer", "Director",
        "Attorney", "Sir", "Lord", "Lady", "Dame", "Professor", "Prof", "Detective", "Sheriff", "Coroner",
    ]);

    /// <summary>The distinct names in <paramref name="sentence"/>, in order of first appearance.</summary>
    public static IReadOnlyList<string> Find(string sentence)
    {
        var names = new List<string>();
        var run = new List<(string Word, int Index)>();
        if (sentence.Contains('(', StringComparison.Ordinal))
        {
            sentence = ParenRegex().Replace(sentence, m => new string(' ', m.Length)); // photo credits, abbreviations
        }

        List<Token> words = Tokens(sentence);
        for (int i = 0; i <= words.Count; i++)
        {
            Token? m = i < words.Count ? words[i] : null;
            bool name = m is { } t && IsNameWord(sentence.AsSpan(t.Index, t.Length));
            bool gap = m is not null && run.Count > 0 && HasBreak(sentence, words[run[^1].Index], m.Value);
            if (name && !gap)
            {
                run.Add((Value(m!.Value), i));
                continue;
            }

            Flush();
            if (name)
            {
                run.Add((Value(m!.Value), i));
            }
        }

        return names;

        void Flush()
        {
            if (run.Count == 0)
            {
                return;
            }

            var parts = run.Select(r => Possessive(r.Word)).ToList();
            int last = run[^1].Index;
            bool sentenceStart = run[0].Index == 0 || IsSentenceStart(sentence, words[run[0].Index].Index);
            run.Clear();

            // Strip leading titles and the demonyms before them ("Russian President Vladimir Putin" → "Vladimir Putin").
            int lastTitle = parts.FindLastIndex(p => Titles.Contains(p.TrimEnd('.')));
            if (lastTitle >= 0 && lastTitle < parts.Count - 1)
            {
                parts = parts.Skip(lastTitle + 1).ToList();
                sentenceStart = false;
            }
            else if (lastTitle == parts.Count - 1)
            {
                parts = parts.Take(parts.FindIndex(p => Titles.Contains(p.TrimEnd('.')))).ToList();
            }

            while (parts.Count > 0 && Stop.Contains(parts[0]))
            {
                parts.RemoveAt(0);
                sentenceStart = false;
            }

            if (parts.Count == 0)
            {
                return;
            }

            if (parts.Count == 1 && sentenceStart && !parts[0].Contains('-', StringComparison.Ordinal) && !IsAllCaps(parts[0]) && !(NextIsVerbOrComma(last) && !parts[0].EndsWith("ing", StringComparison.Ordinal)))
            {
                return; // a lone capitalised sentence opener is usually an ordinary word
            }

            if (parts.Count == 1 && parts[0].EndsWith("ian", StringComparison.Ordinal) | parts[0].EndsWith("ese", StringComparison.Ordinal) | parts[0].EndsWith("ish", StringComparison.Ordinal))
            {
                return; // a bare demonym ("Russian", "Chinese", "Kurdish") is an adjective, not a participant
            }

            string name = string.Join(' ', parts);
            if (name.Length > 1 && !names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        string Value(Token token) => sentence.Substring(token.Index, token.Length);

        // Whether a comma or a verb follows the name that ends at word <paramref name="last"/> (read only for a lone sentence opener).
        bool NextIsVerbOrComma(int last)
        {
            int after = last + 1;
            return after < words.Count && (
                sentence.AsSpan(words[last].End).TrimStart().StartsWith(",") ||
                Clauses.LooksLikeVerb(Value(words[after]).ToLowerInvariant()));
        }
    }

    /// <summary>A word of a sentence as <see cref="TokenRegex"/> reads it: its offset and length.</summary>
    private readonly record struct Token(int Index, int Length)
    {
        public int End => Index + Length;
    }

    /// <summary>
    /// The <see cref="TokenRegex"/> words of <paramref name="sentence"/>, found by a scan: a letter, letters and digits, then
    /// any number of (apostrophe or hyphen, letters and digits). This runs for every dated sentence.
    /// </summary>
    private static List<Token> Tokens(string sentence)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < sentence.Length)
        {
            if (!char.IsLetter(sentence[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (true)
            {
                while (i < sentence.Length && IsLetterOrNumber(sentence[i]))
                {
                    i++;
                }

                if (i + 1 < sentence.Length && sentence[i] is '\'' or '’' or '-' && IsLetterOrNumber(sentence[i + 1]))
                {
                    i++;
                    continue;
                }

                break;
            }

            tokens.Add(new Token(start, i - start));
        }

        return tokens;

        static bool IsLetterOrNumber(char c) => char.IsLetter(c) || char.IsNumber(c);
    }

    /// <summary>
    /// The names of several mentions, merged: a name that is the last word(s) of a longer one ("Putin", "Vladimir Putin")
    /// folds into the longer one; ordered by how many mentions name them, then alphabetically.
    /// </summary>
    public static IReadOnlyList<string> Merge(IEnumerable<IReadOnlyList<string>> lists, int max = 8)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (IReadOnlyList<string> list in lists)
        {
            for (int i = 0; i < list.Count; i++)
            {
                // Each name once per list (a list is a sentence's few names: a scan, not a set).
                string n = list[i];
                bool repeated = false;
                for (int j = 0; j < i && !repeated; j++)
                {
                    repeated = string.Equals(list[j], n, StringComparison.Ordinal);
                }

                if (!repeated)
                {
                    counts[n] = counts.GetValueOrDefault(n) + 1;
                }
            }
        }

        // Longest first; every longer name registers its fold key and its word suffixes ("vladimir putin", "putin"),
        // so a shorter variant finds the name it folds into in O(1).
        var longest = counts.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).ToList();
        var folded = new Dictionary<string, int>(StringComparer.Ordinal);
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string n in longest)
        {
            string key = FoldKey(n);
            if (owner.TryGetValue(key, out string? into))
            {
                folded[into] += counts[n];
                continue;
            }

            folded[n] = counts[n];
            owner.TryAdd(key, n);
            for (int sp = key.IndexOf(' ', StringComparison.Ordinal); sp >= 0; sp = key.IndexOf(' ', sp + 1))
            {
                owner.TryAdd(key[(sp + 1)..], n);
            }
        }

        return folded.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(max).Select(kv => kv.Key).ToList();
    }

    /// <summary>"Bashar al-Assad" and "Bashar Assad", "Al-Sharaa" and "Sharaa" compare equal.</summary>
    private static string FoldKey(string name) =>
        string.Join(' ', name.ToLowerInvariant().Split(' ').Select(w => w.StartsWith("al-", StringComparison.Ordinal) ? w[3..] : w));

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopLookup = Stop.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleLookup = Titles.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A capitalised word that is no stop word, an "al-" name, or a title (every title is capitalised, so a lower-case word is looked up nowhere).</summary>
    private static bool IsNameWord(ReadOnlySpan<char> w) =>
        char.IsUpper(w[0])
            ? (w.Length > 1 && !StopLookup.Contains(w) && !char.IsDigit(w[^1])) || TitleLookup.Contains(w)
            : w.StartsWith("al-", StringComparison.Ordinal) && w.Length > 4 && char.IsUpper(w[3]);

    private static string Possessive(string w) => w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal) ? w[..^2] : w;

    private static bool IsAllCaps(string w) => w.Length > 1 && w.All(c => !char.IsLetter(c) || char.IsUpper(c));

    private static bool HasBreak(string s, Token prev, Token next)
    {
        ReadOnlySpan<char> previous = s.AsSpan(prev.Index, prev.Length);
        if (previous.EndsWith("'s", StringComparison.Ordinal) || previous.EndsWith("’s", StringComparison.Ordinal))
        {
            return true;
        }

        ReadOnlySpan<char> between = s.AsSpan(prev.End, next.Index - prev.End);
        foreach (char c in between)
        {
            if (!char.IsWhiteSpace(c) && c != '.')
            {
                return true;
            }
        }

        return between.Contains('.') && !(prev.Length <= 3);
    }

    private static bool IsSentenceStart(string s, int index)
    {
        for (int i = index - 1; i >= 0; i--)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c) || c is '"' or '“' or '‘' or '\'' or '(')
            {
                continue;
            }

            return c is '.' or '!' or '?' or '—' or '–' or ':';
        }

        return true;
    }

    /// <summary>A word that may be part of a name: the specification of the <see cref="Tokens"/> scan.</summary>
    [GeneratedRegex(@"[\p{L}][\p{L}\p{N}]*(?:['’\-][\p{L}\p{N}]+)*", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexDefaults.TimeoutMs)]
    private static partial Regex TokenRegex();

    [GeneratedRegex(@"\([^()]{0,200}\)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexDefaults.TimeoutMs)]
    private static partial Regex ParenRegex();
}
