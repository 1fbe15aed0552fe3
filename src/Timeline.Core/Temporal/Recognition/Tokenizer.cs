using System.Runtime.CompilerServices;

namespace Timeline.Core.Temporal.Recognition;

internal enum TokenKind : byte
{
    Word,
    Number,
    Punct,
}

/// <summary>
/// One token of a chunk: a run of letters, a run of ASCII digits, or a single other character.
/// Holds offsets into the original text and the lexicon entry for words (by number), never a substring. Sixteen bytes
/// without references: the token array is written without GC barriers, and what the dispatch tests most (the keyword,
/// whether the word is temporal or leads an expression) is read from the token without following the entry.
/// </summary>
internal readonly struct Token
{
    private const byte KindMask = 3;
    private const byte CapitalizedBit = 4;
    private const byte NewlineBit = 8;
    private const byte TemporalBit = 16;
    private const byte LeadBit = 32;
    private const byte TriggerBit = 64;

    private readonly ushort _lex;
    private readonly Kw _kw;
    private readonly byte _bits;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Token(int start, int end, TokenKind kind, LexEntry? lex, int number, bool capitalized, bool newlineBefore)
    {
        Start = start;
        End = end;
        Number = number;
        int bits = (int)kind | (capitalized ? CapitalizedBit : 0) | (newlineBefore ? NewlineBit : 0) | (kind == TokenKind.Number ? TriggerBit : 0);
        if (lex is not null)
        {
            _lex = lex.Id;
            _kw = lex.Kw;
            bits |= lex.TokenBits;
        }

        _bits = (byte)bits;
    }

    public int Start { get; }

    public int End { get; }

    /// <summary>The value of a digit run of at most 9 digits, else -1.</summary>
    public int Number { get; }

    public TokenKind Kind => (TokenKind)(_bits & KindMask);

    /// <summary>What the lexicon knows about this word; null for unknown words, numbers and punctuation.</summary>
    public LexEntry? Lex => _lex == 0 ? null : Lexicon.Entry(_lex);

    /// <summary>Whether the lexicon knows the word (<see cref="Lex"/> is not null).</summary>
    public bool Known => _lex != 0;

    public bool Capitalized => (_bits & CapitalizedBit) != 0;

    public bool NewlineBefore => (_bits & NewlineBit) != 0;

    /// <summary><see cref="LexEntry.Temporal"/> of the word's entry; false for unknown words.</summary>
    public bool Temporal => (_bits & TemporalBit) != 0;

    /// <summary><see cref="LexEntry.Lead"/> of the word's entry; false for unknown words.</summary>
    public bool Lead => (_bits & LeadBit) != 0;

    /// <summary>
    /// Whether a lead word ("the", "last", "about"…) within a few tokens before this one may start an expression:
    /// a number, a temporal word, or an apostrophe ("the '90s").
    /// </summary>
    public bool Trigger => (_bits & TriggerBit) != 0;

    public int Length => End - Start;

    public Kw Kw => _kw;

    /// <summary>The bits a token of a word with entry <paramref name="lex"/> carries for it.</summary>
    internal static byte BitsOf(LexEntry lex) => (byte)((lex.Temporal ? TemporalBit | TriggerBit : 0) | (lex.Lead ? LeadBit : 0));

    /// <summary>A punctuation token; <paramref name="c"/> is its character.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Token Punct(int start, char c, bool newlineBefore) =>
        new(start, start + 1, TokenKind.Punct, null, -1, false, newlineBefore, c is '\'' or '\u2019' or '\u2018' ? TriggerBit : (byte)0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Token(int start, int end, TokenKind kind, LexEntry? lex, int number, bool capitalized, bool newlineBefore, byte extra)
        : this(start, end, kind, lex, number, capitalized, newlineBefore) => _bits |= extra;
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
        // A span ending at end: the loops below compare with its length, so reading a character needs no bounds check.
        ReadOnlySpan<char> span = text.AsSpan(0, end);
        int i = start;
        bool newline = false;
        while ((uint)i < (uint)span.Length)
        {
            char c = span[i];
            if (c == ' ')
            {
                i++; // most whitespace: tested first
                continue;
            }

            int s = i;
            Token token;
            bool asciiLetter = IsAsciiLetter(c);
            if (asciiLetter || (c >= 128 && char.IsLetter(c)))
            {
                i = Word(span, s, out var lex);
                token = new Token(s, i, TokenKind.Word, lex, -1, asciiLetter ? c < 'a' : char.IsUpper(c), newline);
                trigger |= token.Temporal;
            }
            else if (char.IsAsciiDigit(c))
            {
                i = Digits(span, s, out int number);
                trigger = true;
                token = new Token(s, i, TokenKind.Number, null, number, false, newline);
            }
            else if (char.IsWhiteSpace(c))
            {
                newline |= c == '\n';
                i++;
                continue;
            }
            else
            {
                // Surrogate pairs and other symbols: one token per UTF-16 unit keeps offsets exact and never splits a word.
                i++;
                token = Token.Punct(s, c, newline);
            }

            if (count == items.Length)
            {
                items = tokens.Grow(count);
            }

            items[count++] = token;
            newline = false;
        }

        tokens.Count = count;
        return trigger;
    }

    /// <summary>The end of the run of letters starting at <paramref name="start"/>, and its lexicon entry.</summary>
    /// <remarks>A method of its own so the letter loop keeps its state in registers.</remarks>
    private static int Word(ReadOnlySpan<char> span, int start, out LexEntry? lex)
    {
        // Hash ASCII letters for the lexicon while scanning them; a non-ASCII letter sends the word to the dictionary.
        uint hash = Lexicon.HashSeed;
        bool ascii = true;
        int i = start;
        while ((uint)i < (uint)span.Length)
        {
            char l = span[i];
            if (!IsAsciiLetter(l))
            {
                if (l < 128 || !char.IsLetter(l))
                {
                    break;
                }

                ascii = false;
            }

            hash = Lexicon.HashStep(hash, l);
            i++;
        }

        lex = i - start > 16 ? null
            : ascii ? Lexicon.FindAsciiLetters(span[start..i], hash)
            : Lexicon.Find(span[start..i]);
        return i;
    }

    /// <summary>The end of the run of ASCII digits starting at <paramref name="start"/>, and its value (-1 past nine digits).</summary>
    private static int Digits(ReadOnlySpan<char> span, int start, out int number)
    {
        long value = 0;
        int i = start;
        while ((uint)i < (uint)span.Length && char.IsAsciiDigit(span[i]))
        {
            if (value <= 999_999_999)
            {
                value = (value * 10) + (span[i] - '0');
            }

            i++;
        }

        number = i - start <= 9 ? (int)value : -1;
        return i;
    }

    /// <summary>An ASCII letter: OR-ing 0x20 lowercases one and turns no other character into one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';
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
