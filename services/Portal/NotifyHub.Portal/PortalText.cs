namespace NotifyHub.Portal;

/// <summary>Marker for the portal pages' text in Resources/PortalText.*.resx (English, French, Japanese).</summary>
public sealed class PortalText;
