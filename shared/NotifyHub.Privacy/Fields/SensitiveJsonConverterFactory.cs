using System.Text.Json;
using System.Text.Json.Serialization;

namespace NotifyHub.Privacy.Fields;

/// <summary>
/// Makes System.Text.Json throw on any <see cref="Sensitive{T}"/>, so a personal value never
/// slips into a message body, a log's JSON or an API response by accident. Reading is allowed:
/// a request may carry what a caller typed (a date of birth to check, say).
/// </summary>
public sealed class SensitiveJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Sensitive<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class Converter<T> : JsonConverter<Sensitive<T>>
    {
        public override Sensitive<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonSerializer.Deserialize<T>(ref reader, options)!);

        public override void Write(Utf8JsonWriter writer, Sensitive<T> value, JsonSerializerOptions options) =>
            throw new InvalidOperationException(
                "A Sensitive value holds clear personal data and must not be serialised; send ids or an EncryptedField instead, or Reveal() it where that is intended.");
    }
}
