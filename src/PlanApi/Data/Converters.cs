using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PlanApi.Common;

namespace PlanApi.Data;

/// <summary>Stores enums as the same snake_case words the API speaks ("in_progress").</summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    v => EnumNames<TEnum>.ToName(v),
    v => EnumNames<TEnum>.Parse(v))
    where TEnum : struct, Enum;

/// <summary>Maps a value-object list to a jsonb column, compared by its JSON.</summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static ValueConverter<T, string> Converter<T>() where T : class, new() => new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<T>(v, Options) ?? new T());

    public static ValueComparer<T> Comparer<T>() where T : class, new() => new(
        (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        v => JsonSerializer.Serialize(v, Options).GetHashCode(),
        v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options) ?? new T());

    public static ValueConverter<T?, string?> NullableConverter<T>() where T : class => new(
        v => v == null ? null : JsonSerializer.Serialize(v, Options),
        v => v == null ? null : JsonSerializer.Deserialize<T>(v, Options));
}
