namespace NotifyHub.Testing.FakeTwilio;

/// <summary>One message the fake accepted (201), as Twilio would hold it.</summary>
public sealed record FakeTwilioMessage(string Sid, string To, string Body, string? From, string? MessagingServiceSid, string? StatusCallback);
