using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanApi.Common;

/// <summary>
/// Reads every JSON string as Unicode NFC, so that "Thi đua" typed on a Mac (NFD) and on Windows (NFC)
/// are stored, compared and found as the same text. Output is written unchanged.
/// </summary>
public sealed class NfcStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("Expected a string.");
        var value = reader.GetString();
        try
        {
            return value is null || value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Unpaired surrogates and noncharacters (U+FFFE) cannot be normalised: they are not text.
            throw new JsonException("The string contains invalid Unicode (an unpaired surrogate or a noncharacter).");
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
