namespace Timeline.Core.Temporal.Recognition;

internal enum TokenKind : byte
{
    Word,
    Number,
    Punct,
}

/// <summary>
/// One token of a chunk: a run of letters, a run of ASCII digits, or a single other character.
/// Holds offsets into the original text and the lexicon entry for words, never a substring.
/// </summary>
internal readonly struct Token
{
    public Token(int start, int end, TokenKind kind, LexEntry? lex, int number, bool capitalized, bool newlineBefore)
    {
        Start = start;
        End = end;
        Kind = kind;
        Lex = lex;
        Number = number;
        Capitalized = capitalized;
        NewlineBefore = newlineBefore;
    }

    public int Start { get; }

    public int End { get; }

    public TokenKind Kind { get; }

    /// <summary>What the lexicon knows about this word; null for unknown words, numbers and punctuation.</summary>
    public LexEntry? Lex { get; }

    /// <summary>The value of a digit run of at most 9 digits, else -1.</summary>
    public int Number { get; }

    public bool Capitalized { get; }

    public bool NewlineBefore { get; }

    public int Length => End - Start;

    public Kw Kw => Lex?.Kw ?? Kw.None;
}

/// <summary>Splits text into <see cref="Token"/>s in one pass, without allocating per token.</summary>
internal static class Tokenizer
{
    /// <summary>Appends the tokens of text[start..end) and returns whether any of them is a number or a temporal word.</summary>
    public static bool Tokenize(string text, int start, int end, TokenBuffer tokens)
    {
        bool trigger = false;
        var items = tokens.Items;
        int count = tokens.Count;
        int i = start;
        bool newline = false;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                newline |= c == '\n';
                i++;
                continue;
            }

            int s = i;
            if (char.IsAsciiDigit(c))
            {
                long value = 0;
                while (i < end && char.IsAsciiDigit(text[i]))
                {
                    if (value <= 999_999_999)
                    {
                        value = (value * 10) + (text[i] - '0');
                    }

                    i++;
                }

                int number = i - s <= 9 ? (int)value : -1;
                trigger = true;
                if (count == items.Length)
                {
                    items = tokens.Grow(count);
                }

                items[count++] = new Token(s, i, TokenKind.Number, null, number, false, newline);
            }
            else if (char.IsLetter(c))
            {
                // Hash ASCII letters for the lexicon while scanning them; a non-ASCII letter sends the word to the dictionary.
                uint hash = Lexicon.HashSeed;
                bool ascii = true;
                char l;
                while (i < end && char.IsLetter(l = text[i]))
                {
                    ascii &= char.IsAscii(l);
                    hash = Lexicon.HashStep(hash, l);
                    i++;
                }

                var lex = i - s > 16 ? null
                    : ascii ? Lexicon.FindAsciiLetters(text.AsSpan(s, i - s), hash)
                    : Lexicon.Find(text.AsSpan(s, i - s));
                trigger |= lex is { Temporal: true };
                if (count == items.Length)
                {
                    items = tokens.Grow(count);
                }

                items[count++] = new Token(s, i, TokenKind.Word, lex, -1, char.IsUpper(c), newline);
            }
            else
            {
                // Surrogate pairs and other symbols: one token per UTF-16 unit keeps offsets exact and never splits a word.
                i++;
                if (count == items.Length)
                {
                    items = tokens.Grow(count);
                }

                items[count++] = new Token(s, i, TokenKind.Punct, null, -1, false, newline);
            }

            newline = false;
        }

        tokens.Count = count;
        return trigger;
    }
}

/// <summary>
/// A growable array of tokens: the parser reads tokens in place (<c>_t[i].Kind</c>) instead of copying each one out of a list.
/// Reused across chunks by one thread.
/// </summary>
internal sealed class TokenBuffer(int capacity)
{
    public Token[] Items { get; private set; } = new Token[capacity];

    public int Count { get; set; }

    public int Capacity => Items.Length;

    public void Clear() => Count = 0;

    /// <summary>Doubles the array, keeping the first <paramref name="count"/> tokens, and returns it.</summary>
    public Token[] Grow(int count)
    {
        var bigger = new Token[Items.Length * 2];
        Array.Copy(Items, bigger, count);
        Items = bigger;
        return bigger;
    }
}
