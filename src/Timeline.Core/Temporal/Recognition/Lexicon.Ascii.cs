using System.Runtime.CompilerServices;

namespace Timeline.Core.Temporal.Recognition;

/// <summary>
/// The lexicon's fast path for the tokenizer: an open-addressing table over the ASCII entries, probed with a hash the
/// tokenizer computes while it scans the word's letters, so most words cost no second pass and no dictionary call.
/// Gives exactly what <see cref="Find"/> gives; words with non-ASCII letters (and every word, should the lexicon ever hold
/// a non-ASCII key) go to <see cref="Find"/>.
/// </summary>
internal static partial class Lexicon
{
    /// <summary>The hash of an empty word; fold each letter in with <see cref="HashStep"/>.</summary>
    public const uint HashSeed = 2166136261;

    /// <summary>One FNV-1a step over an ASCII letter, ignoring its case.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint HashStep(uint hash, char letter) => (hash ^ (uint)(letter | 0x20)) * 16777619;

    /// <summary>
    /// The entry for an all-ASCII-letter word whose hash (from <see cref="HashSeed"/> and <see cref="HashStep"/>) is
    /// <paramref name="hash"/>; the same answer as <see cref="Find"/>.
    /// </summary>
    public static LexEntry? FindAsciiLetters(ReadOnlySpan<char> word, uint hash) => AsciiIndex.Find(word, hash);

    private static class AsciiIndex
    {
        // Power-of-two table of slot+1 (0 = empty), at most a quarter full so probes stay short.
        private static readonly int[] Slots;
        private static readonly string[] Keys;
        private static readonly LexEntry[] Values;
        private static readonly int Mask;

        /// <summary>Whether some key is not plain ASCII: then ordinal ignore-case could pair it with an ASCII word, so use the dictionary.</summary>
        private static readonly bool UseDictionary;

        static AsciiIndex()
        {
            var keys = new List<string>();
            var values = new List<LexEntry>();
            foreach (var (key, value) in Entries)
            {
                if (!System.Text.Ascii.IsValid(key))
                {
                    UseDictionary = true;
                }

                keys.Add(key.ToLowerInvariant());
                values.Add(value);
            }

            Keys = [.. keys];
            Values = [.. values];
            int size = 64;
            while (size < Keys.Length * 4)
            {
                size *= 2;
            }

            Slots = new int[size];
            Mask = size - 1;
            for (int k = 0; k < Keys.Length; k++)
            {
                uint h = HashSeed;
                foreach (char c in Keys[k])
                {
                    h = HashStep(h, c);
                }

                int slot = (int)(h & (uint)Mask);
                while (Slots[slot] != 0)
                {
                    slot = (slot + 1) & Mask;
                }

                Slots[slot] = k + 1;
            }
        }

        public static LexEntry? Find(ReadOnlySpan<char> word, uint hash)
        {
            if (UseDictionary)
            {
                return Lexicon.Find(word);
            }

            int slot = (int)(hash & (uint)Mask);
            while (true)
            {
                int k = Slots[slot] - 1;
                if (k < 0)
                {
                    return null;
                }

                string key = Keys[k];
                if (key.Length == word.Length && EqualsLower(word, key))
                {
                    return Values[k];
                }

                slot = (slot + 1) & Mask;
            }
        }

        /// <summary>Letters only: OR-ing 0x20 lowercases an ASCII letter and turns nothing else into one.</summary>
        private static bool EqualsLower(ReadOnlySpan<char> word, string lowerKey)
        {
            for (int i = 0; i < word.Length; i++)
            {
                if ((word[i] | 0x20) != lowerKey[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
