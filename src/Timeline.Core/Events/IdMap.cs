using System.Runtime.CompilerServices;

namespace Timeline.Core.Events;

/// <summary>
/// A map from non-negative ids (term and name numbers) to values: open addressing with Fibonacci hashing, for the merge's
/// inner loops, where <see cref="Dictionary{TKey, TValue}"/> lookups were most of the cost. Keys are never removed.
/// </summary>
/// <remarks>Not thread-safe. Enumeration order is unspecified: callers that sum over entries sort them first.</remarks>
internal sealed class IdMap<TValue>
    where TValue : struct
{
    // A slot holds key + 1 (0 is an empty slot) and its value side by side (one cache line per probe).
    private Entry[] _slots;
    private int _shift;

    public IdMap(int capacity = 8)
    {
        int size = 8;
        while (size < capacity * 2)
        {
            size *= 2;
        }

        _slots = new Entry[size];
        _shift = 32 - System.Numerics.BitOperations.Log2((uint)size);
    }

    public int Count { get; private set; }

    /// <summary>The value at <paramref name="key"/>, or default when it is absent.</summary>
    public TValue GetValueOrDefault(int key)
    {
        int i = Find(key);
        return i >= 0 ? _slots[i].Value : default;
    }

    public bool TryGetValue(int key, out TValue value)
    {
        int i = Find(key);
        if (i < 0)
        {
            value = default;
            return false;
        }

        value = _slots[i].Value;
        return true;
    }

    /// <summary>A reference to the value at <paramref name="key"/>, added as default when absent (<paramref name="added"/>).</summary>
    public ref TValue GetOrAdd(int key, out bool added)
    {
        if ((Count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        int i = Probe(key);
        ref Entry slot = ref _slots[i];
        added = slot.Key == 0;
        if (added)
        {
            slot.Key = key + 1;
            slot.Value = default;
            Count++;
        }

        return ref slot.Value;
    }

    /// <summary>Copies the entries into <paramref name="keys"/> and <paramref name="values"/> (unspecified order); returns how many.</summary>
    public int CopyTo(int[] keys, TValue[] values)
    {
        int n = 0;
        foreach (Entry e in _slots)
        {
            if (e.Key != 0)
            {
                keys[n] = e.Key - 1;
                values[n] = e.Value;
                n++;
            }
        }

        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(int key) => (int)(((uint)key * 0x9E3779B9u) >> _shift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(int key)
    {
        int i = Probe(key);
        return _slots[i].Key == 0 ? -1 : i;
    }

    /// <summary>The slot that holds <paramref name="key"/>, or the empty slot where it would go (the table is never full).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Probe(int key)
    {
        Entry[] slots = _slots;
        int mask = slots.Length - 1;
        int stored = key + 1;
        int i = Slot(key);
        while (slots[i].Key != stored && slots[i].Key != 0)
        {
            i = (i + 1) & mask;
        }

        return i;
    }

    private void Grow()
    {
        Entry[] old = _slots;
        _slots = new Entry[old.Length * 2];
        _shift--;
        int mask = _slots.Length - 1;
        foreach (Entry e in old)
        {
            if (e.Key == 0)
            {
                continue;
            }

            int i = Slot(e.Key - 1);
            while (_slots[i].Key != 0)
            {
                i = (i + 1) & mask;
            }

            _slots[i] = e;
        }
    }

    private struct Entry
    {
        public int Key;
        public TValue Value;
    }
}
