using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanApi.Common;

/// <summary>
/// Enums as their snake_case wire names only ("in_progress"): unlike JsonStringEnumConverter, the C# names
/// ("InProgress"), other casings and integers are refused, so every client speaks the one published vocabulary.
/// </summary>
public sealed class SnakeCaseEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && EnumNames<TEnum>.TryParse(reader.GetString(), out var value)) return value;
            throw new JsonException($"Expected one of: {string.Join(", ", EnumNames<TEnum>.All)}.");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(EnumNames<TEnum>.ToName(value));
    }
}
