using System.Text.Json;
using System.Text.Json.Serialization;

namespace NotifyHub.Privacy.Fields;

/// <summary>Writes an <see cref="EncryptedField"/> as one base64 string (for message bodies that carry ciphertext).</summary>
public sealed class EncryptedFieldJsonConverter : JsonConverter<EncryptedField>
{
    public override EncryptedField Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        EncryptedField.Wrap(reader.GetBytesFromBase64());

    public override void Write(Utf8JsonWriter writer, EncryptedField value, JsonSerializerOptions options) =>
        writer.WriteBase64StringValue(value.RawBytes);
}
