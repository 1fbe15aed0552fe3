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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LexEntry? FindAsciiLetters(ReadOnlySpan<char> word, uint hash) => AsciiIndex.Find(word, hash);

    /// <summary>Initialised on first use, after the dictionary (field initialisers only, so the JIT sees it as ready and constant).</summary>
    private static class AsciiIndex
    {
        private static readonly AsciiTable Table = new(Entries);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static LexEntry? Find(ReadOnlySpan<char> word, uint hash) => Table.UseDictionary ? Lexicon.Find(word) : Table.Find(word, hash);
    }

    private sealed class AsciiTable
    {
        // Power-of-two table of key index + 1 (0 = empty), at most a quarter full so probes stay short.
        private readonly int[] _slots;
        private readonly uint[] _hashes; // the full hash of each slot's key: most misses end here, without reading a key
        private readonly string[] _keys;
        private readonly LexEntry[] _values;
        private readonly int _mask;

        public AsciiTable(IEnumerable<KeyValuePair<string, LexEntry>> entries)
        {
            var keys = new List<string>();
            var values = new List<LexEntry>();
            foreach (var (key, value) in entries)
            {
                if (!System.Text.Ascii.IsValid(key))
                {
                    UseDictionary = true;
                }

                keys.Add(key.ToLowerInvariant());
                values.Add(value);
            }

            _keys = [.. keys];
            _values = [.. values];
            int size = 64;
            while (size < _keys.Length * 4)
            {
                size *= 2;
            }

            _slots = new int[size];
            _hashes = new uint[size];
            _mask = size - 1;
            for (int k = 0; k < _keys.Length; k++)
            {
                uint h = HashSeed;
                foreach (char c in _keys[k])
                {
                    h = HashStep(h, c);
                }

                int slot = (int)(h & (uint)_mask);
                while (_slots[slot] != 0)
                {
                    slot = (slot + 1) & _mask;
                }

                _slots[slot] = k + 1;
                _hashes[slot] = h;
            }
        }

        /// <summary>Whether some key is not plain ASCII: then ordinal ignore-case could pair it with an ASCII word, so use the dictionary.</summary>
        public bool UseDictionary { get; }

        public LexEntry? Find(ReadOnlySpan<char> word, uint hash)
        {
            int[] slots = _slots;
            int slot = (int)(hash & (uint)_mask);
            while (true)
            {
                int k = slots[slot] - 1;
                if (k < 0)
                {
                    return null;
                }

                string key = _keys[k];
                if (_hashes[slot] == hash && key.Length == word.Length && EqualsLower(word, key))
                {
                    return _values[k];
                }

                slot = (slot + 1) & _mask;
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
