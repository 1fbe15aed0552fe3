using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Timeline.Benchmarks;

/// <summary>
/// Estimates what an object graph holds, by the field it is reached through: every object is counted once, under the
/// field of the first non-collection object that reaches it (a string in a list of <c>EventMention.QuoteTerms</c> counts
/// as <c>EventMention.QuoteTerms</c>). Sizes follow the 64-bit CLR layout (headers, padding) closely enough to rank causes.
/// </summary>
internal static class MemoryCensus
{
    public sealed record Line(string Field, long Objects, long Bytes);

    public static IReadOnlyList<Line> Of(object root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var totals = new Dictionary<string, (long Objects, long Bytes)>(StringComparer.Ordinal);
        var stack = new Stack<(object Obj, string Category)>();
        stack.Push((root, "root"));
        while (stack.Count > 0)
        {
            (object obj, string category) = stack.Pop();
            if (!seen.Add(obj))
            {
                continue;
            }

            Type type = obj.GetType();
            if (Skip(type))
            {
                continue;
            }

            (long o, long b) = totals.GetValueOrDefault(category);
            totals[category] = (o + 1, b + SizeOf(obj, type));
            bool collection = obj is Array || (type.Namespace?.StartsWith("System.Collections", StringComparison.Ordinal) ?? false);
            if (obj is Array array)
            {
                Type element = type.GetElementType()!;
                if (!element.IsValueType)
                {
                    foreach (object? item in array)
                    {
                        if (item is not null)
                        {
                            stack.Push((item, category));
                        }
                    }
                }
                else if (!element.IsPrimitive && !element.IsEnum)
                {
                    foreach (object? item in array)
                    {
                        PushFields(item!, category, collection: true, stack);
                    }
                }

                continue;
            }

            if (obj is string)
            {
                continue;
            }

            PushFields(obj, category, collection, stack);
        }

        return [.. totals.Select(kv => new Line(kv.Key, kv.Value.Objects, kv.Value.Bytes)).OrderByDescending(l => l.Bytes)];
    }

    private static void PushFields(object obj, string category, bool collection, Stack<(object, string)> stack)
    {
        for (Type? t = obj.GetType(); t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (f.FieldType.IsPrimitive || f.FieldType.IsEnum || f.FieldType.IsPointer)
                {
                    continue;
                }

                object? value = f.GetValue(obj);
                if (value is null)
                {
                    continue;
                }

                string child = collection ? category : $"{Name(obj.GetType())}.{Clean(f.Name)}";
                if (f.FieldType.IsValueType)
                {
                    PushFields(value, child, collection: true, stack); // inline struct: its references count under the field
                }
                else
                {
                    stack.Push((value, child));
                }
            }
        }
    }

    private static bool Skip(Type type) =>
        typeof(Type).IsAssignableFrom(type) || typeof(Delegate).IsAssignableFrom(type) || typeof(IComparer).IsAssignableFrom(type)
        || type.Name.Contains("Comparer", StringComparison.Ordinal) || type.Namespace?.StartsWith("NodaTime.TimeZones", StringComparison.Ordinal) == true
        || type.Namespace == "NodaTime.Calendars" || type.Name == "CalendarSystem";

    private static long SizeOf(object obj, Type type)
    {
        long size;
        if (obj is string s)
        {
            size = 22 + (2L * s.Length);
        }
        else if (obj is Array a)
        {
            Type e = type.GetElementType()!;
            size = 24 + ((long)a.Length * (e.IsValueType ? ValueSize(e) : 8));
        }
        else
        {
            size = 16;
            for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (FieldInfo f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    size += f.FieldType.IsValueType ? ValueSize(f.FieldType) : 8;
                }
            }
        }

        return Math.Max(24, (size + 7) & ~7L);
    }

    private static int ValueSize(Type t) =>
        (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(t).Invoke(null, null)!;

    private static string Name(Type t) => t.IsGenericType ? t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)] : t.Name;

    private static string Clean(string field) => field.StartsWith('<') ? field[1..field.IndexOf('>', StringComparison.Ordinal)] : field;
}
