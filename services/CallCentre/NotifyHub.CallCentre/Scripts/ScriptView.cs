namespace NotifyHub.CallCentre.Scripts;

public sealed record ScriptView(Guid Id, string Language, int Version, string Title, string Body)
{
    public static ScriptView From(Script s) => new(s.Id, s.Language, s.Version, s.Title, s.Body);
}
