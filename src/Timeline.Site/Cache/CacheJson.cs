using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Text;
using Timeline.Core.Events;
using Timeline.Core.Temporal;
using Timeline.Core.Text;
using Timeline.Site.Rendering;

namespace Timeline.Site.Cache;

/// <summary>
/// The System.Text.Json settings of cache entries. The stage records of Timeline.Core are serialized as they are
/// (constructor parameters and init properties), so members other helpers add are cached without changes here;
/// only the types STJ cannot round-trip get a converter. The <see cref="Article"/> of a report is never stored: the
/// cache key covers it, and the freshly loaded article is put back on read (see <see cref="ArticleCache"/>).
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal static class CacheJson
{
    /// <summary>Everything but sharing: how one shared object is written the first time.</summary>
    private static readonly JsonSerializerOptions Plain = Create(shared: false);

    /// <summary>
    /// The options of cache entries. Objects the stages share between records (a <see cref="Story"/> is in the cleaned
    /// article and in its tagged story; a <see cref="SourceInfo"/> in every mention of an article; a
    /// <see cref="TemporalMention"/> in its story and its event mention) are written once and then referred to by number
    /// (only inside <see cref="Sharing"/>), which halves entries and keeps them shared in memory after a read.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Create(shared: true);

    private static JsonSerializerOptions Create(bool shared)
    {
        var options = new JsonSerializerOptions
        {
            RespectNullableAnnotations = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitArticle, OmitComputed } },
            Converters = { new DateRangeConverter(), new SourceMapConverter(), new JsonStringEnumConverter() },
        };
        if (shared)
        {
            options.Converters.Add(new SharedConverter<Story>());
            options.Converters.Add(new SharedConverter<SourceInfo>());
            options.Converters.Add(new SharedConverter<TemporalMention>());
        }

        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Drops properties that are computed from others (no setter, no constructor parameter): they cannot be read back.</summary>
    private static void OmitComputed(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (JsonPropertyInfo property in info.Properties)
        {
            if (property.Set is null && property.AssociatedParameter is null)
            {
                property.ShouldSerialize = static (_, _) => false;
            }
        }
    }

    /// <summary>Never writes a property of type <see cref="Article"/>: the body is the bulk of an entry and is already on disk.</summary>
    private static void OmitArticle(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (JsonPropertyInfo property in info.Properties)
        {
            if (property.PropertyType == typeof(Article))
            {
                // Kept (it binds a constructor parameter) but never written, so it reads back as null.
                property.ShouldSerialize = static (_, _) => false;
            }
        }
    }

    /// <summary><see cref="DateRange"/> is a struct whose properties have no setters: written as ["2026-01-01","2026-01-31","Month"].</summary>
    private sealed class DateRangeConverter : JsonConverter<DateRange>
    {
        public override DateRange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            Expect(ref reader, JsonTokenType.StartArray);
            LocalDate start = ReadDate(ref reader);
            LocalDate end = ReadDate(ref reader);
            reader.Read();
            Granularity granularity = Enum.Parse<Granularity>(reader.GetString() ?? throw new JsonException("granularity"));
            Expect(ref reader, JsonTokenType.EndArray);
            return new DateRange(start, end, granularity);
        }

        public override void Write(Utf8JsonWriter writer, DateRange value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(LocalDatePattern.Iso.Format(value.Start));
            writer.WriteStringValue(LocalDatePattern.Iso.Format(value.End));
            writer.WriteStringValue(value.Granularity.ToString());
            writer.WriteEndArray();
        }

        private static LocalDate ReadDate(ref Utf8JsonReader reader)
        {
            reader.Read();
            return LocalDatePattern.Iso.Parse(reader.GetString() ?? "").GetValueOrThrow();
        }
    }

    /// <summary><see cref="SourceMap"/> keeps its runs private: written as a flat array [clean0, source0, clean1, source1…].</summary>
    private sealed class SourceMapConverter : JsonConverter<SourceMap>
    {
        public override SourceMap Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("A source map is an array.");
            }

            var runs = new List<(int, int)>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                int clean = reader.GetInt32();
                reader.Read();
                runs.Add((clean, reader.GetInt32()));
            }

            return new SourceMap(runs);
        }

        public override void Write(Utf8JsonWriter writer, SourceMap value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach ((int clean, int source) in value.Runs)
            {
                writer.WriteNumberValue(clean);
                writer.WriteNumberValue(source);
            }

            writer.WriteEndArray();
        }
    }

    /// <summary>
    /// Writes an object the first time it is met in an entry and its number after that; reads numbers back to the same
    /// instance. Only active inside <see cref="Sharing"/> (one entry, one thread); outside it, plain.
    /// </summary>
    private sealed class SharedConverter<T> : JsonConverter<T>
        where T : class
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            Sharing? scope = Sharing.Current;
            if (reader.TokenType == JsonTokenType.Number)
            {
                int index = reader.GetInt32();
                return scope is not null && index >= 0 && index < scope.Read.Count && scope.Read[index] is T seen
                    ? seen
                    : throw new JsonException($"No shared {typeof(T).Name} #{index}.");
            }

            T? value = JsonSerializer.Deserialize<T>(ref reader, Plain);
            if (value is not null)
            {
                scope?.Read.Add(value);
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            Sharing? scope = Sharing.Current;
            if (scope is not null && scope.Written.TryGetValue(value, out int index))
            {
                writer.WriteNumberValue(index);
                return;
            }

            JsonSerializer.Serialize(writer, value, Plain);
            scope?.Written.Add(value, scope.Written.Count);
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type && !(reader.Read() && reader.TokenType == type))
        {
            throw new JsonException($"Expected {type}.");
        }
    }
}

/// <summary>The objects already written or read in the entry being serialized on this thread (see <see cref="CacheJson.Options"/>).</summary>
internal sealed class Sharing : IDisposable
{
    [ThreadStatic]
    private static Sharing? _current;

    private Sharing()
    {
    }

    public static Sharing? Current => _current;

    public Dictionary<object, int> Written { get; } = new(ReferenceEqualityComparer.Instance);

    public List<object> Read { get; } = [];

    /// <summary>Starts a scope for one entry on this thread; dispose when the entry is written or read.</summary>
    public static Sharing Begin() => _current = new Sharing();

    public void Dispose() => _current = null;
}

/// <summary>What a cache file holds: the key it was stored under (checked on read) and the per-article stages' result.</summary>
internal sealed record CacheEntry(string Key, string Engine, ArticleReport Report);
