using System.Diagnostics;
using System.Text.Json.Serialization;

namespace NotifyHub.Privacy.Fields;

/// <summary>
/// A clear personal value in memory. It prints as "[redacted]" in logs, exceptions, string
/// interpolation and the debugger, and System.Text.Json refuses to serialise it: reading the
/// value takes an explicit <see cref="Reveal"/>, which is easy to find in review.
/// </summary>
[DebuggerDisplay(Sensitive.Redacted)]
[JsonConverter(typeof(SensitiveJsonConverterFactory))]
public sealed class Sensitive<T>(T value)
{
    public T Reveal() => value;

    public override string ToString() => Sensitive.Redacted;
}
