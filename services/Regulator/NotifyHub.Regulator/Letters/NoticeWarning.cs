namespace NotifyHub.Regulator.Letters;

/// <summary>A notice template that states what a rule says the notice must not: <see cref="NoticeCheck"/>'s codes.</summary>
public sealed record NoticeWarning(string Code, Guid TemplateId, string Channel, string Language);

/// <summary>One language of a notice template as the rules see it (from <see cref="NoticeTemplate"/>).</summary>
public sealed record NoticeTemplateFact(Guid TemplateId, string Channel, string Language, IReadOnlyList<long> Numbers,
    IReadOnlyList<long> PeopleCounts, IReadOnlySet<long> WordHashes);
