namespace NotifyHub.Testing.FakeTwilio;

/// <summary>One request that reached the Messages endpoint, whatever the fake answered.</summary>
public sealed record FakeTwilioRequest(string AccountSid, bool Authenticated, IReadOnlyDictionary<string, string> Form, int Status);
